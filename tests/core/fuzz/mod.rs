//! Shared pieces of the property tests: tricky text, the case count, and a time bound per case.
#![allow(dead_code)]

pub mod records;

use std::time::Duration;

use proptest::prelude::*;

/// `PROPTEST_CASES` if set (the long documented run), else `ci` (the short run in `cargo test`).
pub fn config(ci: u32) -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(ci);
    ProptestConfig { cases, failure_persistence: None, ..ProptestConfig::default() }
}

/// Run `f` on another thread and fail if it panics or takes longer than `limit` (a hang).
pub fn bounded<T: Send + 'static>(limit: Duration, f: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)));
    });
    match rx.recv_timeout(limit) {
        Ok(Ok(v)) => v,
        Ok(Err(panic)) => std::panic::resume_unwind(panic),
        Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {
            panic!("the case took longer than {limit:?} (a hang?)")
        }
        Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => panic!("the case's thread died"),
    }
}

/// Pieces of news text that stress offsets: Arabic letters, harakat, shadda and tatweel, Latin and
/// digits, `\r\n` and lone `\r`/`\n`, astral emoji, ZWJ sequences, flags, skin tones, ZWNJ, bidi marks,
/// a BOM, a combining mark on a Latin letter.
const PIECES: &[&str] = &[
    "ب",
    "ك",
    "ت",
    "ا",
    "ل",
    "م",
    "ة",
    "ى",
    "ء",
    "ـ",
    "\u{064E}",
    "\u{064F}",
    "\u{0650}",
    "\u{0651}",
    "\u{0652}",
    "\u{064B}",
    "\u{0670}",
    "a",
    "Z",
    "7",
    "٣",
    " ",
    " ",
    " ",
    "\r\n",
    "\n",
    "\r",
    "\t",
    "😀",
    "👩🏽‍💻",
    "🇯🇴",
    "🏳️‍🌈",
    "\u{200D}",
    "\u{200C}",
    "\u{200F}",
    "\u{202B}",
    "\u{FEFF}",
    "e\u{0301}",
    "«",
    "»",
    "،",
    "؟",
    ".",
];

/// A string of tricky pieces, sometimes with an arbitrary character mixed in.
pub fn tricky(max: usize) -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        8 => proptest::sample::select(PIECES).prop_map(str::to_string),
        1 => any::<char>().prop_map(|c| c.to_string()),
    ];
    proptest::collection::vec(piece, 0..max).prop_map(|v| v.concat())
}
