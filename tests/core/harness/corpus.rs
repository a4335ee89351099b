//! Generated Arabic test corpora: native JSONL files and folders of .txt, with known spans per article.

use std::path::{Path, PathBuf};

use rand::{rngs::StdRng, Rng};

/// Words with harakat, Latin runs, digits, an emoji and a ZWJ sequence: whole grapheme clusters each.
pub const WORDS: &[&str] = &[
    "وصلَ",
    "المديرُ",
    "العام",
    "لـ",
    "FBI",
    "إلى",
    "الرباط",
    "😀",
    "يوم",
    "12",
    "فبراير/شباط",
    "2025",
    "والتقى",
    "عبد",
    "اللطيف",
    "حموشي",
    "في",
    "مقر",
    "DGSN.",
    "👩🏽‍💻",
    "كَتَبَ",
    "الصحفيّة",
    "«الحياة»",
    "مُراسِل",
    "🇯🇴",
];

pub const LABELS: &[&str] = &["PER", "ORG", "LOC", "EVENT", "DATE"];

/// An article text of `words` words (with a `\r\n` now and then) that starts with a unique `key`,
/// and the code-point ranges of its words, which are safe span edges.
pub fn article(rng: &mut StdRng, key: &str, words: usize) -> (String, Vec<(usize, usize)>) {
    let mut text = format!("خبر {key}:");
    let mut cp = text.chars().count();
    let mut ranges = Vec::with_capacity(words);
    for i in 0..words {
        let sep = if i > 0 && i % 17 == 0 { "\r\n" } else { " " };
        text.push_str(sep);
        cp += sep.chars().count();
        let w = WORDS[rng.random_range(0..WORDS.len())];
        text.push_str(w);
        let n = w.chars().count();
        ranges.push((cp, cp + n));
        cp += n;
    }
    (text, ranges)
}

/// One native JSONL line with `spans` spans by `annotator`, a tag and a status; `source` names the file.
pub fn jsonl_line(
    rng: &mut StdRng,
    key: &str,
    source: &str,
    words: usize,
    spans: usize,
    annotator: &str,
) -> String {
    let (text, ranges) = article(rng, key, words);
    let chars: Vec<char> = text.chars().collect();
    let mut picked: Vec<(usize, usize)> = Vec::new();
    while picked.len() < spans.min(ranges.len()) {
        let r = ranges[rng.random_range(0..ranges.len())];
        if !picked.contains(&r) {
            picked.push(r);
        }
    }
    let spans: Vec<serde_json::Value> = picked
        .iter()
        .map(|&(s, e)| {
            let t: String = chars[s..e].iter().collect();
            serde_json::json!({"start": s, "end": e, "label": LABELS[rng.random_range(0..LABELS.len())], "text": t, "annotator": annotator})
        })
        .collect();
    serde_json::json!({
        "id": key, "title": format!("عنوان {key}"), "text": text, "source": source, "spans": spans,
        "tags": [{"label": "security", "annotator": annotator}],
        "status": [{"annotator": annotator, "status": "done"}],
    })
    .to_string()
}

/// `files` JSONL files of `lines` articles each (`spans` spans per article) in a new folder `dir`.
pub fn jsonl_folder(
    rng: &mut StdRng,
    dir: &Path,
    files: usize,
    lines: usize,
    spans: usize,
) -> PathBuf {
    std::fs::create_dir_all(dir).expect("mkdir");
    for k in 0..files {
        let name = format!("batch-{k:02}.jsonl");
        let mut out = String::new();
        for i in 0..lines {
            out.push_str(&jsonl_line(rng, &format!("{k}-{i}"), &name, 40, spans, "salma"));
            out.push('\n');
        }
        std::fs::write(dir.join(&name), out).expect("write jsonl");
    }
    dir.to_path_buf()
}

/// `files` small .txt articles plus one of about `big_bytes` bytes, in a new folder `dir`.
pub fn txt_folder(rng: &mut StdRng, dir: &Path, files: usize, big_bytes: usize) -> PathBuf {
    std::fs::create_dir_all(dir).expect("mkdir");
    for k in 0..files {
        let (text, _) = article(rng, &format!("txt-{k}"), 30 + k % 50);
        std::fs::write(dir.join(format!("a{k:04}.txt")), text).expect("write txt");
    }
    let mut big = String::new();
    let mut n = 0;
    while big.len() < big_bytes {
        let (t, _) = article(rng, &format!("big-{n}"), 200);
        big.push_str(&t);
        big.push_str("\r\n");
        n += 1;
    }
    std::fs::write(dir.join("a0500-big.txt"), big).expect("write big txt");
    dir.to_path_buf()
}
