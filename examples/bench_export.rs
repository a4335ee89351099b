//! Export benchmark helper (run by scripts/bench-export.sh): builds a synthetic project, and times
//! plain serde_json serialisation of the same records held in memory (the ceiling for `spans`).
//!
//! Also builds the agreement benchmark's project (scripts/bench-agreement.sh): with ANNOTATORS > 1,
//! each further analyst keeps most of the first one's spans, relabels some and leaves some out.
//!
//! `bench_export gen DB ARTICLES SPANS_PER_ARTICLE [ANNOTATORS]` · `bench_export serde DB`

use std::time::Instant;

use hashiya::{Error, Result, Store};
use rusqlite::params;
use serde::Serialize;

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
    "😀",
    "كَتَبَ",
    "قــــال",
];
const LABELS: &[&str] = &["PER", "ORG", "LOC", "DATE", "EVENT"];

struct Lcg(u64);
impl Lcg {
    fn next(&mut self) -> usize {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (self.0 >> 33) as usize
    }
}

fn gen(db: &str, n: usize, per: usize, annotators: usize) -> Result<()> {
    let _ = std::fs::remove_file(db);
    let mut store = Store::open(std::path::Path::new(db))?;
    let t0 = Instant::now();
    store.with_tx(|tx| {
        let who: Vec<i64> = (0..annotators.max(1))
            .map(|k| hashiya::annotations::annotator_id(tx, &if k == 0 { "bench".to_string() } else { format!("bench{}", k + 1) }))
            .collect::<Result<_>>()?;
        let labels: Vec<i64> = LABELS.iter().map(|l| hashiya::labels::require(tx, hashiya::model::LabelKind::Span, l).map(|x| x.id)).collect::<Result<_>>()?;
        let mut ins_a = tx.prepare(
            "INSERT INTO articles (ext_id, title, text, char_len, source, url, published_at, meta, content_hash, imported_at)
             VALUES (?1, ?2, ?3, ?4, '', '', '', '{}', ?5, '2026-01-01T00:00:00.000Z')",
        )?;
        let mut ins_s = tx.prepare(
            "INSERT INTO spans (article_id, label_id, annotator_id, start, end, note, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, '', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')",
        )?;
        let mut rng = Lcg(42);
        for i in 0..n {
            // ~110 words; a span on every fifth word, so they never overlap.
            let mut text = format!("خبر {i}:");
            let mut cp = text.chars().count();
            let mut spans = Vec::new();
            for w in 0..(per * 5 + 10) {
                let word = WORDS[rng.next() % WORDS.len()];
                text.push(' ');
                cp += 1;
                if w % 5 == 2 && spans.len() < per {
                    spans.push((cp, cp + word.chars().count()));
                }
                text.push_str(word);
                cp += word.chars().count();
            }
            text.push('.');
            ins_a.execute(params![format!("a{i}"), format!("خبر {i}"), text, cp as i64 + 1, format!("h{i}")])?;
            let id = tx.last_insert_rowid();
            for (k, (s, e)) in spans.into_iter().enumerate() {
                for (j, &w) in who.iter().enumerate() {
                    let mut label = labels[k % labels.len()];
                    if j > 0 {
                        match rng.next() % 20 {
                            0 | 1 => continue,                                   // 10 % left out
                            2 | 3 => label = labels[(k + 1) % labels.len()],     // 10 % relabelled
                            _ => {}
                        }
                    }
                    ins_s.execute(params![id, label, w, s as i64, e as i64])?;
                }
            }
        }
        Ok(())
    })?;
    println!("generated {n} articles × {per} spans in {:.1} s", t0.elapsed().as_secs_f64());
    Ok(())
}

#[derive(Serialize)]
struct Record {
    id: String,
    text: String,
    spans: Vec<SpanOut>,
    tags: Vec<String>,
}

#[derive(Serialize)]
struct SpanOut {
    start: i64,
    end: i64,
    label: String,
}

fn vm_hwm_mb() -> f64 {
    let s = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    s.lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .unwrap_or(0.0)
        / 1024.0
}

fn serde(db: &str) -> Result<()> {
    let store = Store::open(std::path::Path::new(db))?;
    let conn = store.conn();
    let mut recs: Vec<Record> = Vec::new();
    let mut st = conn.prepare("SELECT id, ext_id, text FROM articles ORDER BY id")?;
    let mut sp = conn.prepare("SELECT s.article_id, s.start, s.end, l.name FROM spans s JOIN labels l ON l.id = s.label_id ORDER BY s.article_id, s.start")?;
    let mut ids = Vec::new();
    let mut rows = st.query([])?;
    while let Some(r) = rows.next()? {
        ids.push(r.get::<_, i64>(0)?);
        recs.push(Record { id: r.get(1)?, text: r.get(2)?, spans: Vec::new(), tags: Vec::new() });
    }
    let index: std::collections::HashMap<i64, usize> =
        ids.iter().enumerate().map(|(i, id)| (*id, i)).collect();
    let mut rows = sp.query([])?;
    while let Some(r) = rows.next()? {
        let i = index
            .get(&r.get::<_, i64>(0)?)
            .copied()
            .ok_or_else(|| Error::Invalid("span without article".into()))?;
        recs[i].spans.push(SpanOut { start: r.get(1)?, end: r.get(2)?, label: r.get(3)? });
    }
    let t0 = Instant::now();
    let mut out: Vec<u8> = Vec::new();
    for r in &recs {
        serde_json::to_writer(&mut out, r)?;
        out.push(b'\n');
    }
    let secs = t0.elapsed().as_secs_f64();
    let mb = out.len() as f64 / 1e6;
    println!("serde {:.1} MB {:.3} s {:.1} MB/s {:.0} MB", mb, secs, mb / secs, vm_hwm_mb());
    Ok(())
}

fn main() -> std::process::ExitCode {
    let a: Vec<String> = std::env::args().collect();
    let r = match a.get(1).map(String::as_str) {
        Some("gen") if a.len() == 5 || a.len() == 6 => match (a[3].parse(), a[4].parse(), a.get(5).map_or(Ok(1), |x| x.parse())) {
            (Ok(n), Ok(per), Ok(who)) => gen(&a[2], n, per, who),
            _ => Err(Error::Invalid("ARTICLES, SPANS_PER_ARTICLE and ANNOTATORS must be numbers".into())),
        },
        Some("serde") if a.len() == 3 => serde(&a[2]),
        _ => Err(Error::Invalid("usage: bench_export gen DB ARTICLES SPANS_PER_ARTICLE [ANNOTATORS] | bench_export serde DB".into())),
    };
    match r {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}
