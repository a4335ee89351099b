//! The desktop shell's own commands (native dialogs, the File menu): their types and the work behind them,
//! so the shell in `src-tauri` only shows dialogs and windows and calls these.

use std::path::Path;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::api::registry::{shell_command, Command};
use crate::api::{jobs, ExportReq};
use crate::error::{Error, Result};
use crate::export::ExportOptions;

/// The commands only the desktop shell answers (browser mode has no native dialogs or menu).
pub const COMMANDS: &[Command] = &[
    shell_command!("export_to_file", ExportToFileReq => Exported),
    shell_command!("open_project", OpenProjectReq => Switched),
    shell_command!("new_project", NewProjectReq => Switched),
    shell_command!("recent_projects", "Record<string, never>" => "Array<string>"),
    shell_command!("menu_events", MenuEventsReq => "null"),
];

#[derive(Debug, Clone, Deserialize, TS)]
pub struct ExportToFileReq {
    pub format: String,
    /// The file name the save dialog suggests (a name, never a path).
    pub name: String,
    /// The export options (the `export` command's); without them the format's defaults apply.
    #[serde(default)]
    #[ts(optional)]
    pub req: Option<ExportReq>,
}

#[derive(Debug, Clone, Deserialize, TS)]
pub struct OpenProjectReq {
    /// A path from File → Open Recent; without it the shell shows the open dialog.
    #[serde(default)]
    #[ts(optional)]
    pub path: Option<String>,
}

#[derive(Debug, Clone, Deserialize, TS)]
pub struct NewProjectReq {
    /// The file name the save dialog suggests (default `untitled.hashiya`).
    #[serde(default)]
    #[ts(optional)]
    pub name: Option<String>,
}

/// The page's channel for File menu actions (a Tauri `Channel<MenuAction>`).
#[derive(Debug, Clone, TS)]
pub struct MenuEventsReq {
    #[ts(type = "unknown")]
    pub channel: (),
}

/// What the File menu asks the page to do.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum MenuAction {
    New,
    Open,
    OpenRecent { path: String },
    Import,
    Export,
}

/// What `open_project` / `new_project` opened.
#[derive(Debug, Clone, Serialize, TS)]
pub struct Opened {
    pub path: String,
    pub name: String,
}

/// `open_project` / `new_project`'s answer: `cancelled` when the user closed the dialog (nothing
/// changed), else the project now open.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum Switched {
    Cancelled,
    Opened(Opened),
}

/// What `export_to_file` wrote.
#[derive(Debug, Clone, Serialize, TS)]
pub struct ExportDone {
    pub articles: u64,
    pub spans: u64,
    /// What the export changed or left out (merged duplicates, dropped overlaps, …), one sentence each.
    pub notes: Vec<String>,
    /// The span labels in the export, after renaming and dropping.
    pub labels: Vec<String>,
    /// Every data file written (one, or three with a train/dev/test split).
    pub files: Vec<String>,
}

/// `export_to_file`'s answer: `cancelled` when the user closed the save dialog.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum Exported {
    Cancelled,
    Written(ExportDone),
}

/// An export to a file the user chose: options checked and its job registered before any dialog shows.
pub struct FileExport {
    options: ExportOptions,
    _job: Option<jobs::Registered>,
}

fn cancelled() -> Error {
    Error::Conflict("the export was cancelled; nothing was written".into())
}

impl FileExport {
    /// Check `req` (its format must be `format`) and register its job, so `job_status`/`cancel_job`
    /// follow it while the save dialog is up.
    pub fn prepare(format: &str, req: Option<ExportReq>) -> Result<FileExport> {
        let req = req.unwrap_or_else(|| ExportReq { format: format.into(), ..Default::default() });
        if req.format != format {
            return Err(Error::Invalid(format!(
                "export format mismatch: {format:?} and {:?} in the options",
                req.format
            )));
        }
        let mut options = req.options()?;
        let job = req.job.as_deref().map(jobs::register).transpose()?;
        if let Some(j) = &job {
            options.control = j.control.clone();
        }
        Ok(FileExport { options, _job: job })
    }

    /// True once the analyst cancelled (e.g. while the save dialog was up).
    pub fn is_cancelled(&self) -> bool {
        self.options.control.is_cancelled()
    }

    /// Write the export of the project at `project` to `path`, on a connection of its own (call it off
    /// the UI thread: the analyst keeps working meanwhile).
    pub fn write(self, project: &Path, path: &Path) -> Result<ExportDone> {
        if self.is_cancelled() {
            return Err(cancelled());
        }
        let store = crate::Store::open(project)?;
        let report = match crate::export::export_file_with(store.conn(), &self.options, path) {
            Err(_) if self.is_cancelled() => return Err(cancelled()),
            other => other?,
        };
        Ok(ExportDone {
            articles: report.total.articles,
            spans: report.total.spans,
            notes: report.total.notes(),
            labels: report.labels,
            files: report.files.into_iter().map(|f| f.path).collect(),
        })
    }
}

/// The save dialog's filter for an export format: its description and file extensions.
pub fn save_filter(format: &str) -> (&'static str, &'static [&'static str]) {
    match format {
        "labelstudio" => ("Label Studio JSON", &["json"]),
        "conll" => ("CoNLL", &["conll"]),
        _ => ("JSON Lines", &["jsonl"]),
    }
}
