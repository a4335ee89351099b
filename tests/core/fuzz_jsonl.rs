//! Property tests of the native JSONL importer: random valid records (Arabic, harakat, emoji, `\r\n`)
//! import and export back byte for byte; random garbage lines never panic and are rejected with
//! file:line, leaving nothing behind. `PROPTEST_CASES=5000` for a long run.

use crate::fuzz;

use std::time::Duration;

use hashiya::import::{import_jsonl_str, ImportOptions};
use hashiya::native::NativeRecord;
use hashiya::Store;
use proptest::prelude::*;

use crate::fuzz::records::{self, broken, line, with_key};

fn export(store: &Store) -> String {
    let mut buf = Vec::new();
    hashiya::export::export_to(store.conn(), "jsonl", &mut buf)
        .unwrap_or_else(|e| panic!("export: {e}"));
    String::from_utf8(buf).unwrap_or_else(|e| panic!("export is not UTF-8: {e}"))
}

fn labels(store: &Store) -> Vec<String> {
    hashiya::labels::list(store.conn())
        .unwrap_or_else(|e| panic!("labels: {e}"))
        .into_iter()
        .map(|l| l.name)
        .collect()
}

proptest! {
    #![proptest_config(fuzz::config(64))]

    /// Issue 4's property: import → export gives the records back unchanged, and again after a second round.
    #[test]
    fn valid_records_export_back_unchanged(recs in proptest::collection::vec(records::record(), 1..6), crlf in any::<bool>()) {
        fuzz::bounded(Duration::from_secs(20), move || {
            let recs: Vec<NativeRecord> = recs.into_iter().enumerate().map(|(k, r)| with_key(r, k)).collect();
            let want: String = recs.iter().map(|r| line(r) + "\n").collect();
            let input = recs.iter().map(line).collect::<Vec<_>>().join(if crlf { "\r\n" } else { "\n" });
            let mut store = Store::open_in_memory().unwrap_or_else(|e| panic!("{e}"));
            let report = import_jsonl_str(&mut store, "in.jsonl", &input, &ImportOptions::default()).unwrap_or_else(|e| panic!("{e}"));
            assert!(report.rejected.is_empty(), "{:?}", report.rejected);
            assert_eq!(report.imported.len(), recs.len());
            let first = export(&store);
            assert_eq!(first, want, "export differs from what was imported");
            // Importing the same file again changes nothing.
            let again = import_jsonl_str(&mut store, "in.jsonl", &input, &ImportOptions::default()).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!((again.imported.len(), again.duplicates.len(), again.spans_added, again.tags_added), (0, recs.len(), 0, 0));
            assert_eq!(export(&store), first);
            // Export → import into an empty project → export gives the same bytes.
            let mut fresh = Store::open_in_memory().unwrap_or_else(|e| panic!("{e}"));
            let report = import_jsonl_str(&mut fresh, "out.jsonl", &first, &ImportOptions::default()).unwrap_or_else(|e| panic!("{e}"));
            assert!(report.rejected.is_empty(), "{:?}", report.rejected);
            assert_eq!(export(&fresh), first);
        });
    }

    /// Garbage lines among valid ones: each is rejected with its line number, the valid ones all
    /// import, and nothing of a rejected line (not even a label it named) is left behind.
    #[test]
    fn garbage_lines_are_rejected_with_their_line(
        plan in proptest::collection::vec((0u8..12, records::record(), "[^\n]{0,80}", any::<proptest::sample::Index>()), 1..12),
    ) {
        fuzz::bounded(Duration::from_secs(20), move || {
            let mut lines = Vec::new();
            let mut bad_lines = Vec::new();
            let mut valid = Vec::new();
            for (k, (kind, rec, junk, cut)) in plan.into_iter().enumerate() {
                let rec = with_key(rec, k);
                let bad = match kind {
                    0..=4 => None,
                    5 => Some(if junk.trim().is_empty() || serde_json::from_str::<NativeRecord>(&junk).is_ok() { format!("{{{junk}") } else { junk }),
                    6 => {
                        let full = line(&rec);
                        let cuts: Vec<usize> = full.char_indices().map(|(i, _)| i).filter(|&i| i > 0).collect();
                        Some(full[..cuts[cut.index(cuts.len())]].to_string())
                    }
                    7 => Some(["[]", "42", "\"text\"", "null", "{}", "{\"text\": 5}", "{\"text\": \"\"}", "{\"text\": \"x\", \"spans\": {}}"][cut.index(8)].to_string()),
                    8 => Some("[".repeat(100_000)),
                    _ => broken(rec.clone(), cut.index(10)),
                };
                match bad {
                    Some(b) => {
                        bad_lines.push(k + 1);
                        lines.push(b);
                    }
                    None => {
                        lines.push(line(&rec));
                        valid.push(rec);
                    }
                }
            }
            let mut store = Store::open_in_memory().unwrap_or_else(|e| panic!("{e}"));
            let before = labels(&store);
            let report = import_jsonl_str(&mut store, "g.jsonl", &lines.join("\n"), &ImportOptions::default()).unwrap_or_else(|e| panic!("{e}"));
            let rejected: Vec<usize> = report.rejected.iter().map(|r| {
                assert_eq!(r.file, "g.jsonl");
                r.line.unwrap_or(0) as usize
            }).collect();
            assert_eq!(rejected, bad_lines, "{:?}", report.rejected);
            assert!(report.rejected.iter().all(|r| !r.reason.trim().is_empty()));
            assert_eq!(report.imported.iter().map(|a| a.line.unwrap_or(0) as usize).collect::<Vec<_>>().len(), valid.len());
            let want: String = valid.iter().map(|r| line(r) + "\n").collect();
            assert_eq!(export(&store), want);
            let used: Vec<String> = valid.iter().flat_map(|r| r.spans.iter().map(|s| s.label.clone()).chain(r.tags.iter().map(|t| t.label.clone()))).collect();
            for l in labels(&store) {
                assert!(before.contains(&l) || used.contains(&l), "label {l:?} was left behind by a rejected line");
            }
        });
    }
}
