//! Editing an article's title: only the title changes (the text and every offset stay), who and when are
//! recorded, an empty title is refused, and the list, search and the native export show the new title.

use crate::common::{cp_range, export_native, TRICKY};
use hashiya::api::dispatch;
use hashiya::articles::{self, NewArticle};
use hashiya::error::ErrorKind;
use hashiya::Store;
use serde_json::{json, Value};

fn store_with_span() -> (Store, i64) {
    let mut store = Store::open_in_memory().expect("open");
    let id = store
        .with_tx(|tx| {
            articles::insert(
                tx,
                &NewArticle {
                    text: TRICKY.into(),
                    title: "عنوان قديم".into(),
                    ..Default::default()
                },
            )
        })
        .expect("insert")
        .id();
    let (s, e) = cp_range(TRICKY, "الرباط");
    dispatch(
        &mut store,
        "add_span",
        json!({"article_id": id, "annotator": "salma", "start": s, "end": e, "label": "LOC"}),
    )
    .expect("span");
    (store, id)
}

fn search_ids(store: &mut Store, q: &str) -> Vec<i64> {
    let page =
        dispatch(store, "list_articles", json!({"annotator": "amina", "query": q})).expect("list");
    page["items"].as_array().expect("items").iter().filter_map(|i| i["id"].as_i64()).collect()
}

fn set_title(store: &mut Store, id: i64, title: &str) -> Result<Value, hashiya::error::ApiError> {
    dispatch(store, "set_title", json!({"article_id": id, "annotator": "عمر", "title": title}))
}

#[test]
fn a_new_title_changes_only_the_title_and_says_who_and_when() {
    let (mut store, id) = store_with_span();
    let before = dispatch(&mut store, "get_article", json!({"id": id})).expect("get");
    assert!(before["title_edit"].is_null(), "an imported title has no edit");

    let edit = set_title(&mut store, id, "  زيارة مدير FBI إلى الرباط  ").expect("set");
    assert_eq!(edit["title"], "زيارة مدير FBI إلى الرباط", "trimmed");
    assert_eq!(edit["edited_by"], "عمر");
    let at = edit["edited_at"].as_str().expect("time");
    assert!(at.ends_with('Z') && chrono::DateTime::parse_from_rfc3339(at).is_ok(), "UTC: {at}");

    let after = dispatch(&mut store, "get_article", json!({"id": id})).expect("get");
    assert_eq!(after["article"]["title"], "زيارة مدير FBI إلى الرباط");
    assert_eq!(after["title_edit"]["edited_by"], "عمر");
    for key in ["text", "content_hash", "ext_id", "imported_at"] {
        assert_eq!(after["article"][key], before["article"][key], "{key} unchanged");
    }
    assert_eq!(after["spans"], before["spans"], "spans and their offsets unchanged");
    assert_eq!(after["statuses"], before["statuses"], "a title edit is not annotation work");

    let page = dispatch(&mut store, "list_articles", json!({"annotator": "salma"})).expect("list");
    assert_eq!(page["items"][0]["title"], "زيارة مدير FBI إلى الرباط", "the list shows it");
    let records = export_native(&store);
    assert_eq!(records[0].title.as_deref(), Some("زيارة مدير FBI إلى الرباط"), "native export");
    assert_eq!(records[0].text, TRICKY);
}

#[test]
fn an_empty_title_is_refused_and_the_old_one_kept() {
    let (mut store, id) = store_with_span();
    for bad in ["", "   ", "سطر\nسطران"] {
        let err = set_title(&mut store, id, bad).expect_err("refused");
        assert_eq!(err.kind, ErrorKind::Invalid, "{bad:?}");
        assert!(err.message.contains("title"), "names what: {}", err.message);
    }
    let err = set_title(&mut store, id, &"ع".repeat(501)).expect_err("too long");
    assert!(err.message.contains("500"), "{}", err.message);
    let err = set_title(&mut store, 9999, "عنوان").expect_err("no article");
    assert_eq!(err.kind, ErrorKind::NotFound);
    let view = dispatch(&mut store, "get_article", json!({"id": id})).expect("get");
    assert_eq!(view["article"]["title"], "عنوان قديم");
    assert!(view["title_edit"].is_null());
}

#[test]
fn search_finds_the_new_title_and_not_the_old_one() {
    let (mut store, id) = store_with_span();
    assert_eq!(search_ids(&mut store, "قديم"), [id], "indexed under the imported title");
    set_title(&mut store, id, "لقاء أمني في العاصمة").expect("set");
    assert_eq!(search_ids(&mut store, "أمني"), [id], "the new title is searchable");
    assert!(search_ids(&mut store, "قديم").is_empty(), "the old title is gone from the index");
    assert_eq!(search_ids(&mut store, "حموشي"), [id], "the text is still indexed");
    // Editing again, before and after the index caught up, keeps exactly one entry.
    set_title(&mut store, id, "عنوان ثالث").expect("set");
    set_title(&mut store, id, "عنوان رابع").expect("set");
    assert_eq!(search_ids(&mut store, "رابع"), [id]);
    assert!(search_ids(&mut store, "ثالث").is_empty() && search_ids(&mut store, "أمني").is_empty());
}
