//! The window's File menu (New project, Open project, Open Recent, Import, Export, Quit). Items that need the page
//! (dialogs, reports) go to the UI over a channel it opened with `menu_events`; Clear Recent and Quit stay here.

use std::path::PathBuf;
use std::sync::Mutex;

use hashiya::api::desktop::MenuAction;
use tauri::ipc::Channel;
use tauri::menu::{Menu, MenuEvent, MenuItemBuilder, Submenu, SubmenuBuilder};
use tauri::{AppHandle, Manager, State, Wry};

/// The page's channel for menu actions, and the Open Recent submenu (rebuilt when the list changes).
#[derive(Default)]
pub struct MenuState {
    channel: Mutex<Option<Channel<MenuAction>>>,
    recent: Mutex<Option<Submenu<Wry>>>,
    /// The paths behind Open Recent's items, by position.
    paths: Mutex<Vec<PathBuf>>,
}

/// `invoke('menu_events', {channel})`: the page subscribes to the File menu's actions (again after each reload).
#[tauri::command]
pub fn menu_events(state: State<'_, MenuState>, channel: Channel<MenuAction>) {
    if let Ok(mut c) = state.channel.lock() {
        *c = Some(channel);
    }
}

fn item(
    app: &AppHandle,
    id: &str,
    text: &str,
    accel: Option<&str>,
) -> tauri::Result<tauri::menu::MenuItem<Wry>> {
    let b = MenuItemBuilder::with_id(id, text);
    match accel {
        Some(a) => b.accelerator(a).build(app),
        None => b.build(app),
    }
}

/// Build the menu bar and set it on every window.
pub fn install(app: &AppHandle, recent: &[PathBuf]) -> tauri::Result<()> {
    let recent_menu = SubmenuBuilder::with_id(app, "recent", "Open &Recent").build()?;
    let file = SubmenuBuilder::new(app, "&File")
        .item(&item(app, "new", "&New project…", Some("CmdOrCtrl+N"))?)
        .item(&item(app, "open", "&Open project…", Some("CmdOrCtrl+O"))?)
        .item(&recent_menu)
        .separator()
        .item(&item(app, "import", "&Import…", Some("CmdOrCtrl+I"))?)
        .item(&item(app, "export", "&Export…", Some("CmdOrCtrl+E"))?)
        .separator()
        .item(&item(app, "quit", "&Quit", Some("CmdOrCtrl+Q"))?)
        .build()?;
    let menu = Menu::with_items(app, &[&file])?;
    let state = app.state::<MenuState>();
    if let Ok(mut r) = state.recent.lock() {
        *r = Some(recent_menu);
    }
    app.set_menu(menu)?;
    refresh_recent(app, recent);
    Ok(())
}

/// Show `list` under Open Recent (or a disabled "No recent projects"), then Clear Recent.
pub fn refresh_recent(app: &AppHandle, list: &[PathBuf]) {
    let state = app.state::<MenuState>();
    let Some(sub) = state.recent.lock().ok().and_then(|r| r.clone()) else { return };
    let fill = || -> tauri::Result<()> {
        for old in sub.items()? {
            sub.remove(&old)?;
        }
        if list.is_empty() {
            sub.append(
                &MenuItemBuilder::with_id("recent-none", "No recent projects")
                    .enabled(false)
                    .build(app)?,
            )?;
        }
        for (i, p) in list.iter().enumerate() {
            let name = p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            let dir = p.parent().map(|d| d.display().to_string()).unwrap_or_default();
            sub.append(
                &MenuItemBuilder::with_id(format!("recent:{i}"), format!("{name} — {dir}"))
                    .build(app)?,
            )?;
        }
        sub.append(&tauri::menu::PredefinedMenuItem::separator(app)?)?;
        sub.append(
            &MenuItemBuilder::with_id("recent-clear", "Clear Recent")
                .enabled(!list.is_empty())
                .build(app)?,
        )?;
        Ok(())
    };
    if let Err(e) = fill() {
        eprintln!("hashiya-desktop: the Open Recent menu could not be updated: {e}");
    }
    if let Ok(mut paths) = state.paths.lock() {
        *paths = list.to_vec();
    };
}

fn send(app: &AppHandle, action: MenuAction) {
    let state = app.state::<MenuState>();
    let channel = state.channel.lock().ok().and_then(|c| c.clone());
    match channel {
        Some(c) => {
            if let Err(e) = c.send(action) {
                eprintln!("hashiya-desktop: the menu action could not reach the page: {e}");
            }
        }
        None => eprintln!("hashiya-desktop: the page is not listening to the menu yet"),
    }
}

/// A menu item was chosen.
pub fn on_event(app: &AppHandle, event: MenuEvent) {
    let id = event.id().as_ref();
    match id {
        "new" => send(app, MenuAction::New),
        "open" => send(app, MenuAction::Open),
        "import" => send(app, MenuAction::Import),
        "export" => send(app, MenuAction::Export),
        "quit" => app.exit(0),
        "recent-clear" => {
            crate::recent::clear(app);
            refresh_recent(app, &[]);
        }
        _ => {
            if let Some(i) = id.strip_prefix("recent:").and_then(|i| i.parse::<usize>().ok()) {
                let path =
                    app.state::<MenuState>().paths.lock().ok().and_then(|p| p.get(i).cloned());
                if let Some(path) = path {
                    send(app, MenuAction::OpenRecent { path: path.display().to_string() });
                }
            }
        }
    }
}
