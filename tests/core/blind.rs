//! Blind annotation everywhere an analyst sees others' work (issue 16 point 4): the article list's span
//! counts, its order by spans and its tag, label, analyst and entity filters, and the entity view count
//! only the analyst's own work (and others' on articles they marked done); "all occurrences" never
//! reports others' spans at all.

use hashiya::api::dispatch;
use hashiya::articles::{self, NewArticle};
use hashiya::Store;
use serde_json::{json, Value};

const TEXTS: [&str; 2] = [
    "وصل الوفد إلى الرباط صباح اليوم والتقى حموشي في مقر الأمن.",
    "زار حموشي طنجة ثم عاد إلى الرباط مساء.",
];

fn call(store: &mut Store, cmd: &str, args: Value) -> Value {
    dispatch(store, cmd, args).unwrap_or_else(|e| panic!("{cmd}: {e:?}"))
}

fn place(id: i64, word: &str) -> (usize, usize) {
    let text = TEXTS[id as usize - 1];
    let b = text.find(word).expect("word");
    let s = text[..b].chars().count();
    (s, s + word.chars().count())
}

fn span(store: &mut Store, who: &str, id: i64, word: &str, label: &str) -> i64 {
    let (s, e) = place(id, word);
    let v = call(
        store,
        "add_span",
        json!({"article_id": id, "annotator": who, "start": s, "end": e, "label": label}),
    );
    v["id"].as_i64().expect("id")
}

/// Two articles: Salma labelled both (two spans in 1, four in 2), tagged 2 and linked حموشي to an entity in article 2; Amina has
/// one span in article 1 and nothing in article 2. The project annotates blind.
fn project() -> (Store, String) {
    let mut store = Store::open_in_memory().expect("open");
    for t in TEXTS {
        store
            .with_tx(|tx| {
                articles::insert(tx, &NewArticle { text: t.into(), ..Default::default() })
            })
            .expect("insert");
    }
    span(&mut store, "Salma", 1, "الرباط", "LOC");
    span(&mut store, "Salma", 1, "حموشي", "PER");
    span(&mut store, "Salma", 2, "طنجة", "LOC");
    span(&mut store, "Salma", 2, "الرباط", "LOC");
    span(&mut store, "Salma", 2, "مساء", "DATE");
    let linked = span(&mut store, "Salma", 2, "حموشي", "PER");
    call(
        &mut store,
        "set_tag",
        json!({"article_id": 2, "annotator": "Salma", "label": "security", "on": true}),
    );
    let e = call(&mut store, "create_entity", json!({"annotator": "Salma", "span_id": linked}));
    span(&mut store, "Amina", 1, "الرباط", "LOC");
    call(&mut store, "set_settings", json!({"blind": true}));
    (store, e["id"].as_str().expect("entity id").to_string())
}

/// The list as Amina sees it with `filter`: (id, span count) in list order.
fn list(store: &mut Store, who: &str, filter: Value) -> Vec<(i64, i64)> {
    let mut req = json!({"annotator": who});
    for (k, v) in filter.as_object().expect("filter") {
        req[k] = v.clone();
    }
    let page = call(store, "list_articles", req);
    page["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|i| (i["id"].as_i64().expect("id"), i["span_count"].as_i64().expect("count")))
        .collect()
}

fn done(store: &mut Store, who: &str, id: i64) {
    call(store, "set_status", json!({"article_id": id, "annotator": who, "status": "done"}));
}

#[test]
fn the_list_counts_and_filters_only_what_a_blind_analyst_may_see() {
    let (mut store, entity) = project();
    assert_eq!(list(&mut store, "Amina", json!({})), [(1, 1), (2, 0)], "own spans only");
    for filter in [
        json!({"label": "PER"}),
        json!({"tag": "security"}),
        json!({"worked_by": "Salma"}),
        json!({"entity": entity}),
    ] {
        assert_eq!(
            list(&mut store, "Amina", filter.clone()),
            [],
            "{filter}: Salma's work is hidden"
        );
    }
    assert_eq!(list(&mut store, "Amina", json!({"label": "LOC"})), [(1, 1)], "her own LOC");
    assert_eq!(
        list(&mut store, "Amina", json!({"sort": "spans"})),
        [(1, 1), (2, 0)],
        "ordered by the spans she may see, not Salma's four in article 2"
    );
    // Salma (not blind about her own work) and a reviewer-style request without blind see everything.
    call(&mut store, "set_settings", json!({"blind": false}));
    assert_eq!(list(&mut store, "Amina", json!({})), [(1, 3), (2, 4)]);
    assert_eq!(list(&mut store, "Amina", json!({"sort": "spans"})), [(2, 4), (1, 3)]);
    // The analyst's own choice to annotate blind works the same without the project setting.
    assert_eq!(list(&mut store, "Amina", json!({"blind": true, "tag": "security"})), []);
    call(&mut store, "set_settings", json!({"blind": true}));
    // Done with article 2: the others' work there shows, in counts and filters; article 1 stays blind.
    done(&mut store, "Amina", 2);
    assert_eq!(list(&mut store, "Amina", json!({})), [(1, 1), (2, 4)]);
    assert_eq!(list(&mut store, "Amina", json!({"label": "PER"})), [(2, 4)]);
    assert_eq!(list(&mut store, "Amina", json!({"tag": "security"})), [(2, 4)]);
    assert_eq!(list(&mut store, "Amina", json!({"worked_by": "Salma"})), [(2, 4)]);
    assert_eq!(list(&mut store, "Amina", json!({"entity": entity})), [(2, 4)]);
}

#[test]
fn the_entity_view_shows_a_blind_analyst_only_the_mentions_they_may_see() {
    let (mut store, entity) = project();
    let as_amina = json!({"id": entity, "annotator": "Amina"});
    let v = call(&mut store, "get_entity", as_amina.clone());
    assert_eq!((v["mentions"].as_i64(), v["articles"].as_i64()), (Some(0), Some(0)));
    assert_eq!(v["by_article"], json!([]), "no article, no context of Salma's span");
    let l = call(&mut store, "list_entities", json!({"annotator": "Amina"}));
    assert_eq!(l[0]["mentions"], 0);
    // A reviewer (no analyst named) sees the mention.
    let v = call(&mut store, "get_entity", json!({"id": entity}));
    assert_eq!(
        (v["mentions"].as_i64(), v["by_article"][0]["article_id"].as_i64()),
        (Some(1), Some(2))
    );
    done(&mut store, "Amina", 2);
    let v = call(&mut store, "get_entity", as_amina);
    assert_eq!(
        (v["mentions"].as_i64(), v["by_article"][0]["article_id"].as_i64()),
        (Some(1), Some(2))
    );
    let l = call(&mut store, "list_entities", json!({"annotator": "Amina"}));
    assert_eq!(l[0]["mentions"], 1);
}

#[test]
fn all_occurrences_never_reports_another_analysts_spans() {
    let (mut store, _) = project();
    let (s, e) = place(1, "حموشي");
    // Amina labels حموشي in article 1, where Salma has the same span; article 2 has Salma's, linked.
    span(&mut store, "Amina", 1, "حموشي", "PER");
    let r = call(
        &mut store,
        "find_occurrences",
        json!({"article_id": 1, "start": s, "end": e, "annotator": "Amina", "project": true}),
    );
    let items = r["items"].as_array().expect("items");
    assert_eq!(items.len(), 1, "the place in article 2");
    assert_eq!(items[0]["article_id"], 2);
    assert_eq!(
        (&items[0]["labelled_as"], &items[0]["inside"]),
        (&json!([]), &json!([])),
        "Salma's PER there is not shown as labelled: the place stays ticked for Amina"
    );
}
