//! Shared fixtures for the core's integration tests.
#![allow(dead_code)]

/// Arabic news-style text with harakat, Latin runs, digits, an astral emoji and `\r\n`.
pub const TRICKY: &str = "وصلَ المديرُ العام لـ FBI إلى الرباط 😀 يوم 12 فبراير/شباط 2025\r\nوالتقى عبد اللطيف حموشي في مقر DGSN.";

/// Code-point offsets of the first occurrence of `needle` in `hay`.
pub fn cp_range(hay: &str, needle: &str) -> (usize, usize) {
    let byte = hay.find(needle).unwrap_or_else(|| panic!("{needle:?} not in fixture"));
    let start = hay[..byte].chars().count();
    (start, start + needle.chars().count())
}

pub fn native_line(text: &str, spans: &[(usize, usize, &str, &str)]) -> String {
    let spans: Vec<serde_json::Value> = spans
        .iter()
        .map(|(s, e, label, who)| {
            let t: String = text.chars().skip(*s).take(e - s).collect();
            serde_json::json!({"start": s, "end": e, "label": label, "text": t, "annotator": who, "note": "", "created_at": "2026-01-02T03:04:05.000Z"})
        })
        .collect();
    serde_json::json!({"id": "a1", "title": "t", "text": text, "spans": spans, "tags": [{"label": "security", "annotator": "salma"}]}).to_string()
}

/// Temporary export folders this test process left behind (API exports write into one and remove it).
pub fn export_leftovers() -> usize {
    let prefix = format!("hashiya-export-{}-", std::process::id());
    std::fs::read_dir(std::env::temp_dir())
        .expect("tmp")
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().starts_with(&prefix))
        .count()
}

/// The project's native JSONL export, parsed record by record.
pub fn export_native(store: &hashiya::Store) -> Vec<hashiya::native::NativeRecord> {
    let mut buf = Vec::new();
    hashiya::export::export_to(store.conn(), "jsonl", &mut buf).expect("export");
    String::from_utf8(buf)
        .expect("utf8")
        .lines()
        .map(|l| serde_json::from_str(l).expect("record"))
        .collect()
}
