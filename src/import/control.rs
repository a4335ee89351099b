//! Progress and cancellation of a running import, shared with whoever shows the progress.
//!
//! The importer calls [`Control::step`] once per line, row or article: it counts, hands a snapshot to
//! the progress callback at most every 200 ms, and fails with "cancelled" once [`Control::cancel`] was
//! called, so the file in progress rolls back with its transaction.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::error::{Error, Result};

/// A snapshot of a running import.
#[derive(Debug, Clone, PartialEq)]
pub struct Progress {
    /// Files finished (imported, rejected or skipped) so far, and how many there are in all.
    pub files_done: u64,
    pub files_total: u64,
    /// The file being read.
    pub file: String,
    /// Lines, rows or articles read so far, over all files.
    pub records: u64,
    pub elapsed: Duration,
}

type Callback = Box<dyn Fn(&Progress) + Send + Sync>;

struct Shared {
    cancelled: AtomicBool,
    records: AtomicU64,
    files_done: AtomicU64,
    files_total: AtomicU64,
    file: Mutex<String>,
    started: Instant,
    last_shown: Mutex<Instant>,
    interval: Duration,
    callback: Option<Callback>,
}

/// Cheap to clone; every clone controls the same import.
#[derive(Clone)]
pub struct Control(Arc<Shared>);

/// Two controls are equal when they control the same job.
impl PartialEq for Control {
    fn eq(&self, other: &Control) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl Default for Control {
    fn default() -> Self {
        Control::new(None)
    }
}

impl std::fmt::Debug for Control {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Control")
            .field("cancelled", &self.is_cancelled())
            .field("progress", &self.snapshot())
            .finish()
    }
}

/// What a step returns once the import was cancelled; the importer turns it into the report's `cancelled`.
const CANCELLED: &str = "cancelled";

impl Control {
    /// A control that hands progress snapshots to `callback`: when a file starts, and at most every
    /// 200 ms in between.
    pub fn new(callback: Option<Callback>) -> Self {
        Control::with_interval(callback, Duration::from_millis(200))
    }

    /// The same with another pause between snapshots (`Duration::ZERO`: every 64 records).
    pub fn with_interval(callback: Option<Callback>, interval: Duration) -> Self {
        let now = Instant::now();
        Control(Arc::new(Shared {
            cancelled: AtomicBool::new(false),
            records: AtomicU64::new(0),
            files_done: AtomicU64::new(0),
            files_total: AtomicU64::new(0),
            file: Mutex::new(String::new()),
            started: now,
            last_shown: Mutex::new(now),
            interval,
            callback,
        }))
    }

    /// Ask the import to stop: the file in progress is rolled back, files already done stay.
    pub fn cancel(&self) {
        self.0.cancelled.store(true, Ordering::SeqCst);
    }

    pub fn is_cancelled(&self) -> bool {
        self.0.cancelled.load(Ordering::SeqCst)
    }

    pub fn snapshot(&self) -> Progress {
        Progress {
            files_done: self.0.files_done.load(Ordering::Relaxed),
            files_total: self.0.files_total.load(Ordering::Relaxed),
            file: self.0.file.lock().map(|f| f.clone()).unwrap_or_default(),
            records: self.0.records.load(Ordering::Relaxed),
            elapsed: self.0.started.elapsed(),
        }
    }

    /// One line, row or article read. Fails once the import was cancelled.
    pub(crate) fn step(&self) -> Result<()> {
        if self.is_cancelled() {
            return Err(Error::Conflict(CANCELLED.into()));
        }
        let n = self.0.records.fetch_add(1, Ordering::Relaxed) + 1;
        if n % 64 == 0 {
            self.show(false);
        }
        Ok(())
    }

    pub fn set_total(&self, files: u64) {
        self.0.files_total.store(files, Ordering::Relaxed);
    }

    pub fn start_file(&self, name: &str) {
        if let Ok(mut f) = self.0.file.lock() {
            name.clone_into(&mut f);
        }
        self.show(true);
    }

    pub fn finish_file(&self) {
        self.0.files_done.fetch_add(1, Ordering::Relaxed);
    }

    fn show(&self, always: bool) {
        let Some(callback) = &self.0.callback else { return };
        if let Ok(mut last) = self.0.last_shown.lock() {
            if !always && last.elapsed() < self.0.interval {
                return;
            }
            *last = Instant::now();
        }
        callback(&self.snapshot());
    }
}
