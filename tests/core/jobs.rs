//! A named import can be followed and cancelled from another thread while it holds the project:
//! the file in progress is rolled back, finished files stay, the rest are listed as cancelled.

use crate::common;

use std::time::{Duration, Instant};

use hashiya::api::dispatch;
use hashiya::api::router::unlocked as dispatch_unlocked;
use hashiya::Store;
use serde_json::json;

#[test]
fn a_named_import_reports_progress_and_can_be_cancelled() {
    let files: Vec<serde_json::Value> = (0..40)
        .map(|f| {
            let lines: Vec<String> = (0..400)
                .map(|i| {
                    format!("{{\"text\": \"ملف {f} خبر رقم {i} عن مدينة الرباط والدار البيضاء\"}}")
                })
                .collect();
            json!({"name": format!("batch-{f:02}.jsonl"), "content": lines.join("\n")})
        })
        .collect();
    let worker = std::thread::spawn(move || {
        let mut store = Store::open_in_memory().expect("open");
        let report = dispatch(&mut store, "import_files", json!({"job": "big", "files": files}))
            .expect("import");
        let n: i64 = store
            .conn()
            .query_row("SELECT count(*) FROM articles", [], |r| r.get(0))
            .expect("count");
        (report, n)
    });
    // Wait until the job runs and has read something, then cancel it.
    let deadline = Instant::now() + Duration::from_secs(60);
    let mut seen = json!(null);
    while Instant::now() < deadline {
        let s = dispatch_unlocked("job_status", json!({"job": "big"}))
            .expect("a job command")
            .expect("status");
        if s["running"] == true && s["records"].as_i64().unwrap_or(0) > 0 {
            seen = s;
            break;
        }
        std::thread::sleep(Duration::from_millis(2));
    }
    assert_eq!(seen["running"], true, "the job was seen running");
    assert_eq!(seen["files_total"], 40);
    let s = dispatch_unlocked("cancel_job", json!({"job": "big"}))
        .expect("a job command")
        .expect("cancel");
    assert_eq!(s["cancelled"], true);
    let (report, articles) = worker.join().expect("worker");
    let imported = report["imported"].as_array().map(Vec::len).unwrap_or(0) as i64;
    let cancelled = report["cancelled"].as_array().map(Vec::len).unwrap_or(0);
    assert!(cancelled >= 1, "{report:#}");
    assert_eq!(
        articles, imported,
        "no half-imported file: every stored article is reported as imported"
    );
    assert_eq!(imported % 400, 0, "whole files only");
    assert_eq!(imported / 400 + cancelled as i64, 40, "every file is either imported or cancelled");
    // Finished jobs are forgotten; unknown names are simply not running.
    let s = dispatch_unlocked("job_status", json!({"job": "big"}))
        .expect("a job command")
        .expect("status");
    assert_eq!(s["running"], false);
    assert!(dispatch_unlocked("list_labels", json!({})).is_none());
}

#[test]
fn a_named_export_can_be_cancelled_and_writes_nothing() {
    let lines: Vec<String> = (0..3000)
        .map(|i| format!("{{\"text\": \"خبر رقم {i} عن مدينة الرباط والدار البيضاء وطنجة\"}}"))
        .collect();
    let mut store = Store::open_in_memory().expect("open");
    dispatch(
        &mut store,
        "import_files",
        json!({"files": [{"name": "a.jsonl", "content": lines.join("\n")}]}),
    )
    .expect("import");
    let worker = std::thread::spawn(move || {
        dispatch(
            &mut store,
            "export",
            json!({"format": "hf", "misaligned": "expand", "job": "exp"}),
        )
    });
    while !worker.is_finished() {
        dispatch_unlocked("cancel_job", json!({"job": "exp"}))
            .expect("a job command")
            .expect("cancel");
        std::thread::sleep(Duration::from_micros(200));
    }
    let err = worker.join().expect("worker").expect_err("cancelled");
    assert_eq!(err.kind, "conflict");
    assert!(err.message.contains("export was cancelled"), "{}", err.message);
    assert_eq!(common::export_leftovers(), 0);
}
