//! Benchmark of "link all mentions" (run by scripts/bench-entities.sh; not a test): a project of N synthetic
//! Arabic articles (≈100 words each; one in 100 mentions a person in one of five spellings), indexed for
//! search; then the time to find every mention of the entity and to link them all in one step.
//! Usage: bench_entities PROJECT N

use std::time::Instant;

use hashiya::api::dispatch;
use hashiya::articles::{self, NewArticle};
use hashiya::Store;
use serde_json::json;

const WORDS: &[&str] = &[
    "قال",
    "المدير",
    "العام",
    "للأمن",
    "الوطني",
    "في",
    "الرباط",
    "اليوم",
    "إن",
    "التعاون",
    "الأمني",
    "بين",
    "البلدين",
    "يشهد",
    "تطورا",
    "كبيرا",
    "خلال",
    "السنوات",
    "الأخيرة",
    "وأضاف",
    "أن",
    "المملكة",
    "تعمل",
    "على",
    "تعزيز",
    "الشراكة",
    "مع",
    "الدول",
    "الصديقة",
    "في",
    "مجال",
    "مكافحة",
    "الإرهاب",
    "والجريمة",
    "المنظمة",
    "وأكد",
    "المسؤول",
    "السعودي",
    "أهمية",
    "تبادل",
    "الخبرات",
    "والمعلومات",
    "حموشيات",
    "الحموش",
    "حمودي",
];

/// The person, spelled as the seeds spell him.
const SPELLINGS: &[&str] = &["حموشي", "عبد اللطيف حموشي", "عبداللطيف حموشي", "الحموشي", "احموشي"];

fn main() -> hashiya::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let (Some(path), Some(n)) = (args.get(1), args.get(2).and_then(|n| n.parse::<usize>().ok()))
    else {
        eprintln!("usage: bench_entities PROJECT N");
        std::process::exit(2);
    };
    let path = std::path::Path::new(path);
    let mut store = Store::open(path)?;
    if articles::count(store.conn())? < n as i64 {
        let t0 = Instant::now();
        let mut seed: u64 = 7;
        let mut next = move || {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (seed >> 33) as usize
        };
        for chunk in 0..n.div_ceil(10_000) {
            store.with_tx(|tx| {
                for i in chunk * 10_000..((chunk + 1) * 10_000).min(n) {
                    let mut words: Vec<&str> =
                        (0..100).map(|_| WORDS[next() % WORDS.len()]).collect();
                    if i % 100 == 0 {
                        words[next() % 100] = SPELLINGS[(i / 100) % SPELLINGS.len()];
                    }
                    let a = NewArticle {
                        title: format!("خبر رقم {i}"),
                        text: format!("خبر رقم {i}\n{}.", words.join(" ")),
                        ..Default::default()
                    };
                    articles::insert(tx, &a)?;
                }
                Ok(())
            })?;
        }
        hashiya::search::catch_up(store.conn_mut(), 2000, |_, _| {})?;
        eprintln!("built {n} articles in {:.1} s", t0.elapsed().as_secs_f64());
    }
    let first = store.conn().query_row(
        "SELECT id FROM articles WHERE text LIKE '%حموشي%' ORDER BY id LIMIT 1",
        [],
        |r| r.get::<_, i64>(0),
    )?;
    let text = articles::text_of(store.conn(), first)?;
    let (s, e) = hashiya::occurrences::find_in(&text, "حموشي", Default::default())[0];
    let span = dispatch(
        &mut store,
        "add_span",
        json!({"article_id": first, "annotator": "bench", "start": s, "end": e, "label": "PER"}),
    )
    .map_err(|e| hashiya::Error::Invalid(e.message))?;
    let ent =
        dispatch(&mut store, "create_entity", json!({"annotator": "bench", "span_id": span["id"]}))
            .map_err(|e| hashiya::Error::Invalid(e.message))?;
    let id = ent["id"].clone();

    let t0 = Instant::now();
    let found = dispatch(
        &mut store,
        "entity_mentions",
        json!({"id": id, "annotator": "bench", "limit": 100000}),
    )
    .map_err(|e| hashiya::Error::Invalid(e.message))?;
    let t_find = t0.elapsed();
    let items = found["items"].as_array().cloned().unwrap_or_default();
    let places: Vec<serde_json::Value> = items
        .iter()
        .filter(|i| i["action"] == "create" || i["action"] == "link")
        .map(|i| json!({"article_id": i["article_id"], "start": i["start"], "end": i["end"]}))
        .collect();
    let t1 = Instant::now();
    let done = dispatch(
        &mut store,
        "link_mentions",
        json!({"id": id, "annotator": "bench", "places": places}),
    )
    .map_err(|e| hashiya::Error::Invalid(e.message))?;
    let t_link = t1.elapsed();
    let created = done["created"].as_array().map_or(0, Vec::len);
    println!(
        "link all mentions, {n} articles: {} mentions found in {:.0} ms; {created} spans created and linked in {:.0} ms; total {:.0} ms",
        items.len(),
        t_find.as_secs_f64() * 1e3,
        t_link.as_secs_f64() * 1e3,
        (t_find + t_link).as_secs_f64() * 1e3
    );
    // Undo, so the next run measures the same work.
    dispatch(&mut store, "undo_link_mentions", json!({"annotator": "bench", "done": done}))
        .map_err(|e| hashiya::Error::Invalid(e.message))?;
    Ok(())
}
