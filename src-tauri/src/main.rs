//! `hashiya-desktop [FILE]`: the Tauri 2 shell. Opens one project and forwards the UI's commands to the core.

mod commands;

use std::ffi::OsString;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Mutex;

use hashiya::{demo, Store};

const USAGE: &str = "usage: hashiya-desktop [FILE]\n\
  Opens the Hashiya project FILE (created if missing),\n\
  or the demo project when no FILE is given.";

/// What the command line asked for.
enum Launch {
    Help,
    Version,
    Project(Option<PathBuf>),
}

fn parse_args(args: impl IntoIterator<Item = OsString>) -> Result<Launch, String> {
    let mut file: Option<PathBuf> = None;
    for arg in args {
        match arg.to_str() {
            Some("-h" | "--help") => return Ok(Launch::Help),
            Some("-V" | "--version") => return Ok(Launch::Version),
            Some(s) if s.starts_with('-') && s.len() > 1 => return Err(format!("unknown option {s}")),
            _ if file.is_some() => return Err("only one project FILE can be opened".into()),
            _ => file = Some(PathBuf::from(arg)),
        }
    }
    Ok(Launch::Project(file))
}

/// The project path made absolute (folder resolved, `..` and symlinks removed) so it shows the same
/// whatever the working directory; left as given when its folder does not exist (opening then fails).
fn absolute_project_path(path: PathBuf) -> PathBuf {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    match (std::fs::canonicalize(&dir), path.file_name()) {
        (Ok(dir), Some(name)) => dir.join(name),
        _ => path,
    }
}

fn open_store(file: Option<PathBuf>) -> Result<Store, String> {
    let (path, result) = match file {
        Some(path) => {
            let path = absolute_project_path(path);
            let r = Store::open(&path);
            (path, r)
        }
        None => {
            let path = demo::default_path();
            let r = demo::open_demo(&path);
            (path, r)
        }
    };
    result.map_err(|e| {
        let msg = e.to_string();
        // The core's messages usually name the file already; add it only when they do not.
        if msg.contains(&path.display().to_string()) {
            msg
        } else {
            format!("cannot open the project {}: {msg}", path.display())
        }
    })
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
        Ok(Launch::Project(file)) => file,
        Err(msg) => {
            eprintln!("hashiya-desktop: {msg}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let store = match open_store(file) {
        Ok(store) => store,
        Err(msg) => {
            eprintln!("hashiya-desktop: {msg}");
            return ExitCode::FAILURE;
        }
    };
    let result = tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .manage(commands::Project(Mutex::new(store)))
        .invoke_handler(tauri::generate_handler![commands::api, commands::export_to_file])
        .run(tauri::generate_context!());
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("hashiya-desktop: the window could not be started: {e}");
            ExitCode::FAILURE
        }
    }
}
