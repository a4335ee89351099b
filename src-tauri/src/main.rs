//! `hashiya-desktop [FILE]`: the Tauri 2 shell. Opens one project, forwards the UI's commands to the core, and
//! gives the window a File menu (new, open, recent, import, export); window size and place are remembered.

mod commands;
mod dialogs;
mod menu;
mod project;
mod recent;

use std::ffi::OsString;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use tauri::{Manager, RunEvent, WindowEvent};
use tauri_plugin_window_state::{AppHandleExt, StateFlags};

const USAGE: &str = "usage: hashiya-desktop [FILE]\n\
  Opens the Hashiya project FILE (created if missing),\n\
  or the demo project when no FILE is given.";

/// What the command line asked for.
enum Launch {
    Help,
    Version,
    /// The project FILE, and (debug builds only, for tests) the folder every save dialog answers with.
    Project(Option<PathBuf>, Option<PathBuf>),
}

fn parse_args(args: impl IntoIterator<Item = OsString>) -> Result<Launch, String> {
    let mut file: Option<PathBuf> = None;
    #[cfg_attr(not(debug_assertions), allow(unused_mut))]
    let mut test_save_dir: Option<PathBuf> = None;
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        match arg.to_str() {
            Some("-h" | "--help") => return Ok(Launch::Help),
            Some("-V" | "--version") => return Ok(Launch::Version),
            // Debug builds only (see dialogs.rs); a release build refuses it as an unknown option.
            #[cfg(debug_assertions)]
            Some("--test-save-dir") => {
                let dir = args.next().ok_or("--test-save-dir needs a folder")?;
                test_save_dir = Some(PathBuf::from(dir));
            }
            Some(s) if s.starts_with('-') && s.len() > 1 => {
                return Err(format!("unknown option {s}"))
            }
            _ if file.is_some() => return Err("only one project FILE can be opened".into()),
            _ => file = Some(PathBuf::from(arg)),
        }
    }
    Ok(Launch::Project(file, test_save_dir))
}

/// What the window-state plugin keeps: size, place and maximised (not visibility or decorations).
fn window_flags() -> StateFlags {
    StateFlags::SIZE | StateFlags::POSITION | StateFlags::MAXIMIZED
}

/// Save the window's size and place shortly after it stops moving (the plugin itself saves only on a clean
/// exit, so a killed app would forget them).
fn save_window_state_soon(app: &tauri::AppHandle, generation: &Arc<AtomicU64>) {
    let mine = generation.fetch_add(1, Ordering::SeqCst) + 1;
    let generation = generation.clone();
    let app = app.clone();
    std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(400));
        if generation.load(Ordering::SeqCst) == mine {
            if let Err(e) = app.save_window_state(window_flags()) {
                eprintln!("hashiya-desktop: the window size could not be saved: {e}");
            }
        }
    });
}

/// WebKitGTK without accelerated compositing: the window is a page of text and boxes, and the compositor (GL, in
/// software when there is no GPU) held about 80 MB of the web process's memory (BENCHMARKS.md, desktop). Set
/// before any webview exists; an explicit WEBKIT_DISABLE_COMPOSITING_MODE in the environment wins. Not under
/// WebDriver automation (tauri-driver sets TAURI_WEBVIEW_AUTOMATION): WebKitWebDriver's screenshots never
/// answer without compositing.
fn lighter_webkit() {
    #[cfg(target_os = "linux")]
    if std::env::var_os("WEBKIT_DISABLE_COMPOSITING_MODE").is_none()
        && std::env::var_os("TAURI_WEBVIEW_AUTOMATION").is_none()
    {
        // Still single-threaded here: nothing else reads the environment concurrently.
        std::env::set_var("WEBKIT_DISABLE_COMPOSITING_MODE", "1");
    }
}

fn main() -> ExitCode {
    let file = match parse_args(std::env::args_os().skip(1)) {
        Ok(Launch::Help) => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Ok(Launch::Version) => {
            println!("hashiya-desktop {}", env!("CARGO_PKG_VERSION"));
            return ExitCode::SUCCESS;
        }
        Ok(Launch::Project(file, test_save_dir)) => {
            #[cfg(debug_assertions)]
            if let Some(dir) = test_save_dir {
                dialogs::set_test_save_dir(dir);
            }
            #[cfg(not(debug_assertions))]
            let _ = test_save_dir;
            file
        }
        Err(msg) => {
            eprintln!("hashiya-desktop: {msg}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let (store, path) = match hashiya::api::router::open_project(file.as_deref()) {
        Ok(opened) => opened,
        Err(msg) => {
            eprintln!("hashiya-desktop: {msg}");
            return ExitCode::FAILURE;
        }
    };
    lighter_webkit();
    let app = tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_window_state::Builder::new().with_state_flags(window_flags()).build())
        .manage(Arc::new(hashiya::api::router::SharedProject::new(store)))
        .manage(menu::MenuState::default())
        .setup(move |app| {
            let handle = app.handle();
            menu::install(handle, &recent::load(handle))?;
            project::remember(handle, &path);
            project::set_title(handle, &path);
            if let Some(window) = app.get_webview_window("main") {
                let (handle, generation) = (handle.clone(), Arc::new(AtomicU64::new(0)));
                window.on_window_event(move |e| {
                    if matches!(e, WindowEvent::Resized(_) | WindowEvent::Moved(_)) {
                        save_window_state_soon(&handle, &generation);
                    }
                });
            }
            Ok(())
        })
        .on_menu_event(menu::on_event)
        .invoke_handler(tauri::generate_handler![
            commands::api,
            commands::export_to_file,
            project::open_project,
            project::new_project,
            project::recent_projects,
            menu::menu_events
        ])
        .build(tauri::generate_context!());
    match app {
        Ok(app) => {
            app.run(|app, event| {
                // Every change is already committed; closing the store checkpoints SQLite's log and removes it.
                if let RunEvent::Exit = event {
                    app.state::<Arc<hashiya::api::router::SharedProject>>().close();
                }
            });
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("hashiya-desktop: the window could not be started: {e}");
            ExitCode::FAILURE
        }
    }
}
