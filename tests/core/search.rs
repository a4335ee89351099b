//! Search: whole words by default (clitics still stripped), prefixes on request (`word*`), the hit's
//! snippet in the article list, and the hits of the open article; on made-up texts and on the seeds.

use std::path::Path;

use hashiya::api::dispatch;
use hashiya::import::{self, ImportOptions};
use hashiya::search::{hits, snippet, terms};
use hashiya::Store;
use serde_json::{json, Value};

fn ids(page: &Value) -> Vec<i64> {
    page["items"].as_array().expect("items").iter().filter_map(|i| i["id"].as_i64()).collect()
}

fn search(store: &mut Store, q: &str) -> Value {
    dispatch(store, "list_articles", json!({"annotator": "amina", "query": q})).expect("list")
}

fn words_at(text: &str, found: &[(usize, usize)]) -> Vec<String> {
    found.iter().map(|&(s, e)| text.chars().skip(s).take(e - s).collect()).collect()
}

#[test]
fn a_whole_word_is_not_the_start_of_a_longer_one() {
    let text = "زار الوفد الرياضي المدينة ثم عاد بالرياضة، وسافر إلى الرياض ووصل والرِّياضُ هادئة.";
    let found = hits(text, &terms("الرياض"));
    assert_eq!(words_at(text, &found), ["الرياض", "والرِّياضُ"], "clitics stripped, harakat kept");
    // بالرياضة is ب + الرياضة: its stem starts with الرياض as well.
    let found = hits(text, &terms("الرياض*"));
    assert_eq!(words_at(text, &found), ["الرياضي", "بالرياضة", "الرياض", "والرِّياضُ"]);
    assert!(
        hits(text, &terms("رياضيه")).is_empty(),
        "ة and ه are one letter, but رياضيه is not here"
    );
    assert_eq!(words_at(text, &hits(text, &terms("Riyadh"))), Vec::<String>::new());
}

#[test]
fn several_words_and_latin() {
    let text = "Le FBI et la NASA: مكتب FBI في واشنطن";
    assert_eq!(words_at(text, &hits(text, &terms("fbi واشنطن"))), ["FBI", "FBI", "واشنطن"]);
    assert!(hits(text, &terms("\"*() :")).is_empty());
}

#[test]
fn snippet_is_the_first_hit_with_its_context() {
    let text = "عنوان قصير\nفي صباح اليوم غادر الوفد الرياضي إلى مدينة الرياض لحضور مؤتمر طويل جدا عن الطاقة المتجددة.";
    let s = snippet(text, &terms("الرياض")).expect("a hit");
    assert_eq!(s.hit, "الرياض");
    assert_eq!(
        text.chars().skip(s.start as usize).take((s.end - s.start) as usize).collect::<String>(),
        "الرياض"
    );
    assert!(s.before.ends_with("إلى مدينة "), "{s:?}");
    assert!(
        !s.before.contains('\n') && !s.before.contains("عنوان"),
        "context stays in the paragraph"
    );
    assert!(s.after.starts_with(" لحضور") && s.after.ends_with('…'), "{s:?}");
    assert_eq!(snippet(text, &terms("باريس")), None);
}

fn seeds_project() -> Store {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/seeds");
    assert!(seeds.is_dir(), "../shared/corpus/seeds is missing");
    let mut store = Store::open_in_memory().expect("open");
    let r = import::import_paths(&mut store, &[seeds], &ImportOptions::default()).expect("import");
    assert_eq!(r.imported.len(), 5);
    store
}

#[test]
fn seeds_whole_word_prefix_and_snippets() {
    let mut store = seeds_project();
    // Articles 1 and 2 name the city الرياض; article 4 only has الرياضي ("sporting").
    let page = search(&mut store, "الرياض");
    assert_eq!(ids(&page), [1, 2], "{page:#}");
    assert_eq!(page["total"], 2);
    let city = ["الرياض", "للرياض"]; // للرياض is ل + الرياض
    for item in page["items"].as_array().expect("items") {
        let hit = item["snippet"]["hit"].as_str().unwrap_or_default();
        assert!(city.contains(&hit), "{item:#}");
    }
    assert_eq!(ids(&search(&mut store, "الرياض*")), [1, 2, 4]);
    let page = search(&mut store, "الرياضي");
    assert_eq!(ids(&page), [4]);
    assert_eq!(page["items"][0]["snippet"]["hit"], "الرياضي");
    // Without a search there is no snippet.
    let all = dispatch(&mut store, "list_articles", json!({"annotator": "amina"})).expect("list");
    assert!(all["items"][0].get("snippet").is_none());

    // The open article's hits, as code points of its text.
    let r = dispatch(&mut store, "search_hits", json!({"article_id": 1, "query": "الرياض"}))
        .expect("hits");
    let text = hashiya::articles::text_of(store.conn(), 1).expect("text");
    let found: Vec<(usize, usize)> = r
        .as_array()
        .expect("array")
        .iter()
        .map(|h| {
            (h["start"].as_u64().unwrap_or(0) as usize, h["end"].as_u64().unwrap_or(0) as usize)
        })
        .collect();
    assert!(!found.is_empty());
    let words = words_at(&text, &found);
    assert!(words.iter().all(|w| city.contains(&w.as_str())), "{words:?}");
    assert!(words.iter().any(|w| w == "للرياض") && words.iter().any(|w| w == "الرياض"));
    let bad = dispatch(&mut store, "search_hits", json!({"article_id": 99, "query": "x"}));
    assert!(bad.is_err(), "a missing article is an error");
}
