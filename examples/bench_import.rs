//! Import benchmark helper (run by scripts/bench-import.sh): writes a news-size Arabic JSONL corpus,
//! and measures the practical ceilings: a plain SQLite insert of the same rows in one transaction,
//! with and without an FTS5 index.
//!
//! `bench_import gen FILE ARTICLES SPANS` · `bench_import ceiling DB FILE [fts]`

use std::io::{BufRead, Write};
use std::time::Instant;

use hashiya::native::NativeRecord;
use hashiya::{Error, Result};
use rusqlite::{params, Connection};

const WORDS: &[&str] = &[
    "قال",
    "الوزير",
    "إن",
    "الحكومة",
    "ستعمل",
    "على",
    "تعزيز",
    "التعاون",
    "مع",
    "الشركاء",
    "في",
    "مجال",
    "الأمن",
    "والاقتصاد",
    "وأضاف",
    "أن",
    "الاجتماع",
    "الذي",
    "عقد",
    "يوم",
    "الخميس",
    "بالرباط",
    "ناقش",
    "عدة",
    "ملفات",
    "منها",
    "الطاقة",
    "والمياه",
    "FBI",
    "2025",
    "12",
    "فبراير",
    "المغرب",
    "مصر",
    "جامعة",
    "القاهرة",
    "عبد",
    "اللطيف",
    "حموشي",
    "كَتَبَ",
    "،",
    "المدير",
];
const LABELS: &[&str] = &["PER", "ORG", "LOC", "DATE", "EVENT"];

fn io(e: std::io::Error) -> Error {
    Error::io("benchmark file", e)
}

/// ≈3,000-character articles (≈540 words), `spans` non-overlapping one-word spans each.
fn gen(path: &str, n: usize, spans: usize) -> Result<()> {
    let mut out = std::io::BufWriter::new(std::fs::File::create(path).map_err(io)?);
    let mut seed: u64 = 7;
    let mut next = || {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (seed >> 33) as usize
    };
    for i in 0..n {
        let mut text = format!("خبر رقم {i}\n");
        let mut cp = text.chars().count();
        let mut recs = Vec::new();
        for w in 0..540 {
            let word = WORDS[next() % WORDS.len()];
            if w > 0 {
                text.push(' ');
                cp += 1;
            }
            let len = word.chars().count();
            if w % 27 == 5 && recs.len() < spans {
                recs.push(serde_json::json!({"start": cp, "end": cp + len, "label": LABELS[recs.len() % LABELS.len()], "text": word, "annotator": "bench"}));
            }
            text.push_str(word);
            cp += len;
        }
        let line = serde_json::json!({"id": format!("n{i}"), "title": format!("خبر رقم {i}"), "text": text, "spans": recs});
        serde_json::to_writer(&mut out, &line)?;
        out.write_all(b"\n").map_err(io)?;
    }
    out.flush().map_err(io)?;
    Ok(())
}

/// Plain rows: article and spans inserted as they are, one transaction, no checks, no dedup.
fn ceiling(db: &str, file: &str, fts: bool) -> Result<()> {
    let _ = std::fs::remove_file(db);
    let mut conn = Connection::open(db)?;
    conn.execute_batch(
        "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;
         CREATE TABLE a (id INTEGER PRIMARY KEY, ext TEXT, title TEXT, text TEXT);
         CREATE TABLE s (id INTEGER PRIMARY KEY, a INTEGER, start INTEGER, end INTEGER, label TEXT);
         CREATE INDEX s_a ON s(a);
         CREATE VIRTUAL TABLE f USING fts5(title, body, content = '', tokenize = 'unicode61 remove_diacritics 2');",
    )?;
    let reader = std::io::BufReader::with_capacity(1 << 20, std::fs::File::open(file).map_err(io)?);
    let t0 = Instant::now();
    let tx = conn.transaction()?;
    {
        let mut ia = tx.prepare("INSERT INTO a (ext, title, text) VALUES (?1, ?2, ?3)")?;
        let mut is = tx.prepare("INSERT INTO s (a, start, end, label) VALUES (?1, ?2, ?3, ?4)")?;
        let mut iff = tx.prepare("INSERT INTO f (rowid, title, body) VALUES (?1, ?2, ?3)")?;
        for line in reader.lines() {
            let rec: NativeRecord = serde_json::from_str(&line.map_err(io)?)?;
            ia.execute(params![rec.id, rec.title, rec.text])?;
            let id = tx.last_insert_rowid();
            for sp in &rec.spans {
                is.execute(params![id, sp.start, sp.end, sp.label])?;
            }
            if fts {
                iff.execute(params![id, rec.title, rec.text])?;
            }
        }
    }
    tx.commit()?;
    println!("{:.3}", t0.elapsed().as_secs_f64());
    Ok(())
}

fn main() -> std::process::ExitCode {
    let a: Vec<String> = std::env::args().collect();
    let r = match (a.get(1).map(String::as_str), a.len()) {
        (Some("gen"), 5) => match (a[3].parse(), a[4].parse()) {
            (Ok(n), Ok(s)) => gen(&a[2], n, s),
            _ => Err(Error::Invalid("ARTICLES and SPANS must be numbers".into())),
        },
        (Some("ceiling"), 4 | 5) => ceiling(&a[2], &a[3], a.get(4).is_some_and(|x| x == "fts")),
        _ => Err(Error::Invalid(
            "usage: bench_import gen FILE ARTICLES SPANS | bench_import ceiling DB FILE [fts]"
                .into(),
        )),
    };
    match r {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}
