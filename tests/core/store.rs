//! Store-level tests: schema, spans with code-point offsets, ownership, tags and status,
//! on in-memory and on-disk projects.

use crate::common::{cp_range, TRICKY};
use hashiya::annotations::{self, NewSpan, SpanChange};
use hashiya::articles::{self, Inserted, ListFilter, NewArticle, Sort};
use hashiya::model::Status;
use hashiya::{Error, Store};

fn search(q: &str) -> ListFilter {
    ListFilter { query: Some(q.into()), ..Default::default() }
}

fn store_with_article(text: &str) -> (Store, i64) {
    let mut store = Store::open_in_memory().expect("open");
    let id = store
        .with_tx(|tx| articles::insert(tx, &NewArticle { text: text.into(), ..Default::default() }))
        .expect("insert")
        .id();
    (store, id)
}

fn add(
    store: &mut Store,
    id: i64,
    start: usize,
    end: usize,
    label: &str,
    who: &str,
) -> hashiya::Result<i64> {
    store.with_tx(|tx| {
        let text = articles::text_of(tx, id)?;
        let s = NewSpan {
            article_id: id,
            start,
            end,
            label,
            annotator: who,
            note: "",
            created_at: None,
        };
        Ok(annotations::add_span(tx, &hashiya::text::CharIndex::new(&text), &s, false)?.id())
    })
}

#[test]
fn text_is_stored_exactly_and_titles_come_from_the_first_line() {
    let (store, id) = store_with_article(TRICKY);
    let a = articles::get(store.conn(), id).expect("get");
    assert_eq!(a.text, TRICKY);
    assert!(a.text.contains("\r\n"), "\\r\\n must survive");
    assert_eq!(a.title, "وصلَ المديرُ العام لـ FBI إلى الرباط 😀 يوم 12 فبراير/شباط 2025");
    assert_eq!(a.content_hash.len(), 64);
}

#[test]
fn same_text_is_one_article() {
    let (mut store, id) = store_with_article(TRICKY);
    let again = store.with_tx(|tx| {
        articles::insert(
            tx,
            &NewArticle { text: TRICKY.into(), title: "other".into(), ..Default::default() },
        )
    });
    assert_eq!(again.expect("insert"), Inserted::Duplicate(id));
    assert_eq!(articles::count(store.conn()).expect("count"), 1);
}

#[test]
fn spans_after_an_emoji_and_crlf_slice_by_code_points() {
    let (mut store, id) = store_with_article(TRICKY);
    // Table: (needle, label) — each after the emoji and/or the \r\n.
    for (needle, label) in [
        ("الرباط", "LOC"),
        ("12 فبراير/شباط 2025", "DATE"),
        ("عبد اللطيف حموشي", "PER"),
        ("DGSN", "ORG"),
        ("FBI", "ORG"),
    ] {
        let (s, e) = cp_range(TRICKY, needle);
        add(&mut store, id, s, e, label, "salma").expect(needle);
    }
    let spans = annotations::spans_of(store.conn(), id, TRICKY).expect("spans");
    assert_eq!(spans.len(), 5);
    let chars: Vec<char> = TRICKY.chars().collect();
    for s in &spans {
        let sliced: String = chars[s.start as usize..s.end as usize].iter().collect();
        assert_eq!(s.text, sliced);
        assert_eq!(s.annotator, "salma");
        assert!(s.created_at.ends_with('Z'), "UTC time: {}", s.created_at);
    }
}

#[test]
fn bad_spans_are_refused_with_a_reason() {
    let (mut store, id) = store_with_article(TRICKY);
    let len = TRICKY.chars().count();
    // "وصلَ": و ص ل َ — ending before the fatha would split a cluster.
    let cases: &[(usize, usize, &str, &str)] = &[
        (3, 3, "PER", "empty"),
        (5, 2, "PER", "inverted"),
        (0, len + 1, "PER", "past the end"),
        (0, 3, "PER", "character cluster"),
        (0, 4, "NOPE", "no span label"),
    ];
    for (s, e, label, why) in cases {
        let err = add(&mut store, id, *s, *e, label, "salma").expect_err(why);
        assert!(err.to_string().contains(why), "{why}: got {err}");
    }
    assert!(add(&mut store, id, 0, 4, "PER", "salma").is_ok());
}

#[test]
fn analysts_cannot_change_each_others_spans() {
    let (mut store, id) = store_with_article(TRICKY);
    let (s, e) = cp_range(TRICKY, "حموشي");
    let span = add(&mut store, id, s, e, "PER", "salma").expect("add");
    // Another analyst may add the same span (their own), but not edit or delete Salma's.
    let other = add(&mut store, id, s, e, "PER", "karim").expect("add other");
    assert_ne!(span, other);
    let change = SpanChange { label: Some("ORG"), ..Default::default() };
    let err = store
        .with_tx(|tx| annotations::update_span(tx, span, "karim", &change))
        .expect_err("forbidden");
    assert!(matches!(err, Error::Forbidden(_)));
    let err =
        store.with_tx(|tx| annotations::delete_span(tx, span, "karim")).expect_err("forbidden");
    assert!(matches!(err, Error::Forbidden(_)));
    // The owner may.
    let updated =
        store.with_tx(|tx| annotations::update_span(tx, span, "salma", &change)).expect("relabel");
    assert_eq!(updated.label, "ORG");
    store.with_tx(|tx| annotations::delete_span(tx, span, "salma")).expect("delete");
    let left = annotations::spans_of(store.conn(), id, TRICKY).expect("spans");
    assert_eq!(left.len(), 1);
    assert_eq!(left[0].annotator, "karim");
}

#[test]
fn adding_the_same_span_twice_keeps_one() {
    let (mut store, id) = store_with_article(TRICKY);
    let a = add(&mut store, id, 0, 4, "PER", "salma").expect("add");
    let b = add(&mut store, id, 0, 4, "PER", "salma").expect("add again");
    assert_eq!(a, b);
}

#[test]
fn tags_and_status_are_per_annotator() {
    let (mut store, id) = store_with_article(TRICKY);
    store
        .with_tx(|tx| annotations::set_tag(tx, id, "salma", "security", true, false, None))
        .expect("tag");
    store
        .with_tx(|tx| annotations::set_tag(tx, id, "karim", "politics", true, false, None))
        .expect("tag");
    store
        .with_tx(|tx| annotations::set_tag(tx, id, "karim", "politics", false, false, None))
        .expect("untag");
    let err = store
        .with_tx(|tx| annotations::set_tag(tx, id, "salma", "PER", true, false, None))
        .expect_err("PER is a span label");
    assert!(matches!(err, Error::NotFound(_)));
    let tags = annotations::tags_of(store.conn(), id).expect("tags");
    assert_eq!(tags.len(), 1);
    assert_eq!((tags[0].label.as_str(), tags[0].annotator.as_str()), ("security", "salma"));

    store
        .with_tx(|tx| annotations::set_status(tx, id, "salma", Status::Done, None))
        .expect("status");
    let (_, page) =
        articles::list(store.conn(), "salma", &ListFilter::default(), 0, 10).expect("list");
    assert_eq!(page[0].status, Status::Done);
    let (_, page) =
        articles::list(store.conn(), "karim", &ListFilter::default(), 0, 10).expect("list");
    assert_eq!(page[0].status, Status::Todo);
}

#[test]
fn list_searches_full_text_arabic_normalised() {
    let (mut store, _) = store_with_article(TRICKY);
    store
        .with_tx(|tx| {
            articles::insert(
                tx,
                &NewArticle {
                    text: "خبر آخر عن طنجة وبالرياض".into(), ..Default::default()
                },
            )
        })
        .expect("insert");
    assert_eq!(hashiya::search::pending(store.conn()).expect("pending"), 2);
    hashiya::search::catch_up(store.conn_mut(), 1, |_, _| {}).expect("index");
    assert_eq!(hashiya::search::pending(store.conn()).expect("pending"), 0);
    // Harakat and alef forms ignored, clitic prefixes allowed, words not required to be adjacent,
    // whole words only unless the word ends with * (its start then matches); never inside a longer word.
    let cases: &[(&str, i64)] = &[
        ("طنجه", 1),
        ("الرياض", 1),
        ("رياض", 1),
        ("وَصَلَ", 1),
        ("المديرُ FBI", 1),
        ("حموش", 0),
        ("حموش*", 1),
        ("موشي", 0),
        ("الرباط طنجة", 0),
        ("fbi", 1),
    ];
    for (q, want) in cases {
        let (total, _) = articles::list(store.conn(), "x", &search(q), 0, 10).expect("list");
        assert_eq!(total, *want, "{q}");
    }
    let (total, items) = articles::list(store.conn(), "x", &search("طنجة"), 0, 10).expect("list");
    assert_eq!((total, items.len()), (1, 1));
    let (total, _) =
        articles::list(store.conn(), "x", &ListFilter::default(), 0, 10).expect("list");
    assert_eq!(total, 2);
    let (total, _) = articles::list(store.conn(), "x", &search("100%_"), 0, 10).expect("list");
    assert_eq!(total, 0, "LIKE wildcards in the query are literal");
}

#[test]
fn on_disk_project_reopens_with_everything_and_uses_wal() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("p.hashiya");
    let id;
    {
        let mut store = Store::open(&path).expect("open");
        id = store
            .with_tx(|tx| {
                articles::insert(tx, &NewArticle { text: TRICKY.into(), ..Default::default() })
            })
            .expect("insert")
            .id();
        let (s, e) = cp_range(TRICKY, "حموشي");
        add(&mut store, id, s, e, "PER", "salma").expect("add");
    }
    let store = Store::open(&path).expect("reopen");
    let mode: String =
        store.conn().query_row("PRAGMA journal_mode", [], |r| r.get(0)).expect("pragma");
    assert_eq!(mode, "wal");
    let fk: i64 = store.conn().query_row("PRAGMA foreign_keys", [], |r| r.get(0)).expect("pragma");
    assert_eq!(fk, 1);
    let spans = annotations::spans_of(store.conn(), id, TRICKY).expect("spans");
    assert_eq!(spans.len(), 1);
    assert_eq!(spans[0].text, "حموشي");
    assert_eq!(
        hashiya::labels::list(store.conn()).expect("labels").len(),
        10,
        "default schema seeded once"
    );
}

#[test]
fn a_project_from_a_newer_version_is_refused_untouched() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("future.hashiya");
    drop(Store::open(&path).expect("create"));
    {
        let conn = rusqlite::Connection::open(&path).expect("raw open");
        conn.pragma_update(None, "user_version", 99).expect("bump");
    }
    let err = Store::open(&path).err().expect("refused");
    assert!(err.to_string().contains("newer Hashiya"), "{err}");
    let conn = rusqlite::Connection::open(&path).expect("raw open");
    let v: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).expect("version");
    assert_eq!(v, 99);
}

#[test]
fn sql_constraints_back_the_rules() {
    let (store, id) = store_with_article(TRICKY);
    let conn = store.conn();
    conn.execute("INSERT INTO annotators (name, created_at) VALUES ('x', 'now')", [])
        .expect("annotator");
    for (s, e) in [(-1, 2), (5, 5), (6, 2)] {
        let r = conn.execute(
            "INSERT INTO spans (article_id, label_id, annotator_id, start, end, created_at, updated_at) VALUES (?1, 1, 1, ?2, ?3, 'n', 'n')",
            rusqlite::params![id, s, e],
        );
        assert!(r.is_err(), "[{s},{e}) must violate a constraint");
    }
}

#[test]
fn list_filters_and_sorts() {
    let mut store = Store::open_in_memory().expect("open");
    let ids: Vec<i64> = ["ج خبر ثالث عن الرباط", "أ خبر أول", "ب خبر ثان"]
        .iter()
        .map(|t| {
            store
                .with_tx(|tx| {
                    articles::insert(tx, &NewArticle { text: t.to_string(), ..Default::default() })
                })
                .expect("insert")
                .id()
        })
        .collect();
    add(&mut store, ids[0], 12, 18, "LOC", "salma").expect("span");
    add(&mut store, ids[0], 0, 1, "PER", "salma").expect("span");
    add(&mut store, ids[2], 0, 1, "PER", "karim").expect("span");
    store
        .with_tx(|tx| annotations::set_tag(tx, ids[1], "karim", "sports", true, false, None))
        .expect("tag");
    store
        .with_tx(|tx| annotations::set_status(tx, ids[0], "salma", Status::Done, None))
        .expect("status");
    store
        .with_tx(|tx| annotations::set_status(tx, ids[2], "salma", Status::InProgress, None))
        .expect("status");
    let f = |tag: Option<&str>,
             label: Option<&str>,
             status: Option<Status>,
             worked_by: Option<&str>,
             sort: Option<Sort>| ListFilter {
        tag: tag.map(str::to_string),
        label: label.map(str::to_string),
        status,
        worked_by: worked_by.map(str::to_string),
        sort,
        ..Default::default()
    };
    let cases: Vec<(ListFilter, Vec<i64>)> = vec![
        (f(None, None, None, None, None), ids.clone()),
        (f(Some("sports"), None, None, None, None), vec![ids[1]]),
        (f(None, Some("PER"), None, None, None), vec![ids[0], ids[2]]),
        (f(None, Some("LOC"), None, None, None), vec![ids[0]]),
        (f(None, None, Some(Status::Todo), None, None), vec![ids[1]]),
        (f(None, None, Some(Status::Done), None, None), vec![ids[0]]),
        (f(None, None, None, Some("karim"), None), vec![ids[1], ids[2]]),
        (f(None, Some("PER"), None, Some("karim"), None), vec![ids[2]]),
        (f(None, None, None, None, Some(Sort::Title)), vec![ids[1], ids[2], ids[0]]),
        (f(None, None, None, None, Some(Sort::Spans)), vec![ids[0], ids[2], ids[1]]),
        (f(None, None, None, None, Some(Sort::Status)), vec![ids[1], ids[2], ids[0]]),
    ];
    // A search with each order and with the other filters (the search drives the query from the FTS index).
    hashiya::search::catch_up(store.conn_mut(), 100, |_, _| {}).expect("index");
    let q = |query: &str, filter: ListFilter| ListFilter { query: Some(query.into()), ..filter };
    let searched: Vec<(ListFilter, Vec<i64>)> = vec![
        (q("خبر", f(None, None, None, None, None)), ids.clone()),
        (q("خبر", f(None, None, None, None, Some(Sort::Id))), ids.clone()),
        (q("خبر", f(None, None, None, None, Some(Sort::Title))), vec![ids[1], ids[2], ids[0]]),
        (q("خبر", f(None, None, None, None, Some(Sort::Spans))), vec![ids[0], ids[2], ids[1]]),
        (q("خبر", f(None, None, None, None, Some(Sort::Status))), vec![ids[1], ids[2], ids[0]]),
        (q("خبر", f(None, Some("PER"), None, None, None)), vec![ids[0], ids[2]]),
        (q("خبر", f(None, None, Some(Status::Todo), None, None)), vec![ids[1]]),
        (q("خبر", f(Some("sports"), None, None, None, Some(Sort::Title))), vec![ids[1]]),
        (q("الرباط", f(None, None, None, None, None)), vec![ids[0]]),
        (q("الرباط", f(None, None, Some(Status::Todo), None, None)), vec![]),
        (q("طنجة", f(None, None, None, None, Some(Sort::Spans))), vec![]),
    ];
    for (filter, want) in cases.into_iter().chain(searched) {
        let (total, items) = articles::list(store.conn(), "salma", &filter, 0, 10).expect("list");
        let got: Vec<i64> = items.iter().map(|a| a.id).collect();
        assert_eq!((total, got), (want.len() as i64, want), "{filter:?}");
    }
    let (total, page) =
        articles::list(store.conn(), "salma", &ListFilter::default(), 1, 1).expect("page");
    assert_eq!((total, page.len(), page[0].id), (3, 1, ids[1]));
    let (total, page) =
        articles::list(store.conn(), "salma", &search("خبر"), 2, 1).expect("searched page");
    assert_eq!((total, page.len(), page[0].id), (3, 1, ids[2]));
}

#[test]
fn search_catches_up_in_the_background_on_its_own_connection() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("p.hashiya");
    let mut store = Store::open(&path).expect("open");
    for i in 0..300 {
        store
            .with_tx(|tx| {
                articles::insert(
                    tx,
                    &NewArticle {
                        text: format!("خبر رقم {i} عن طنجة"), ..Default::default()
                    },
                )
            })
            .expect("insert");
    }
    assert_eq!(hashiya::search::pending(store.conn()).expect("pending"), 300);
    let done = hashiya::search::catch_up_in_background(path.clone())
        .join()
        .expect("thread")
        .expect("catch up");
    assert_eq!(done, 300);
    assert_eq!(hashiya::search::pending(store.conn()).expect("pending"), 0);
    let (total, _) = articles::list(store.conn(), "x", &search("طنجه"), 0, 10).expect("list");
    assert_eq!(total, 300);
}

#[test]
fn adding_the_same_span_again_says_it_was_already_there() {
    let (mut store, id) = store_with_article(TRICKY);
    let (s, e) = cp_range(TRICKY, "حموشي");
    let req = serde_json::json!({"article_id": id, "annotator": "salma", "start": s, "end": e, "label": "PER"});
    let first = hashiya::api::dispatch(&mut store, "add_span", req.clone()).expect("add");
    assert_eq!((first["existing"].as_bool(), first["text"].as_str()), (Some(false), Some("حموشي")));
    let again = hashiya::api::dispatch(&mut store, "add_span", req).expect("add again");
    assert_eq!(
        (again["existing"].as_bool(), &again["id"]),
        (Some(true), &first["id"]),
        "the same span, kept once"
    );
    // Another analyst's identical span is their own, new span.
    let other = serde_json::json!({"article_id": id, "annotator": "karim", "start": s, "end": e, "label": "PER"});
    let theirs = hashiya::api::dispatch(&mut store, "add_span", other).expect("add theirs");
    assert_eq!(theirs["existing"].as_bool(), Some(false));
    assert_ne!(theirs["id"], first["id"]);
}
