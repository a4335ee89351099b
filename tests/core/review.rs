//! Review: agreement on a hand-computed case, exchange between analysts, and the gold layer.

use crate::common::cp_range;
use hashiya::import::{import_jsonl_str, ImportOptions};
use hashiya::review::adjudicate;
use hashiya::review::agreement::agreement;
use hashiya::review::compare::Kind;
use hashiya::review::gold::{self, Decision};
use hashiya::Store;

const TEXT: &str = "زار حموشي الرباط أمس مع وفد FBI";

fn close(a: Option<f64>, b: f64) -> bool {
    a.is_some_and(|a| (a - b).abs() < 1e-9)
}

/// One line of native JSONL with the article's own tokens (split on spaces) in `meta`.
fn line(text: &str, spans: &[(&str, &str, &str)]) -> String {
    let mut tokens = Vec::new();
    let mut at = 0;
    for w in text.split(' ') {
        let n = w.chars().count();
        tokens.push([at, at + n]);
        at += n + 1;
    }
    let spans: Vec<serde_json::Value> = spans
        .iter()
        .map(|(needle, label, who)| {
            let (s, e) = cp_range(text, needle);
            serde_json::json!({"start": s, "end": e, "label": label, "text": needle, "annotator": who})
        })
        .collect();
    serde_json::json!({"text": text, "meta": {"tokens": tokens}, "spans": spans}).to_string()
}

fn project() -> Store {
    let mut store = Store::open_in_memory().expect("open");
    let lines = [
        line(
            TEXT,
            &[
                ("حموشي", "PER", "a"),
                ("الرباط", "LOC", "a"),
                ("FBI", "ORG", "a"),
                ("حموشي", "PER", "b"),
                ("الرباط", "ORG", "b"),
                ("وفد FBI", "ORG", "b"),
            ],
        ),
        // Only "a" worked on this one: it is not compared.
        line("خبر عن طنجة", &[("طنجة", "LOC", "a")]),
    ];
    let r = import_jsonl_str(&mut store, "x.jsonl", &lines.join("\n"), &ImportOptions::default())
        .expect("import");
    assert!(r.rejected.is_empty(), "{r:#?}");
    store
}

#[test]
fn agreement_matches_the_hand_computed_case() {
    let store = project();
    let r = agreement(store.conn(), &[], 10).expect("agreement");
    assert_eq!(r.annotators, vec!["a", "b"]);
    assert_eq!(r.articles, 1);
    let p = &r.pairs[0];
    assert_eq!((p.articles, p.tokens), (1, 7));
    // Exact: only PER matches. Overlap: PER, and FBI ~ «وفد FBI» (ORG).
    assert_eq!((p.exact.matched, p.exact.a_spans, p.exact.b_spans), (1, 3, 3));
    assert!(close(p.exact.f1, 1.0 / 3.0));
    assert_eq!(p.overlap.matched, 2);
    assert!(close(p.overlap.f1, 2.0 / 3.0));
    // Tags a: O B-PER B-LOC O O O B-ORG; b: O B-PER B-ORG O O B-ORG I-ORG.
    // po = 4/7, pe = (4·3 + 1·1 + 1·2)/49 = 15/49 → κ = 13/34.
    assert!(close(p.cohen_kappa, 13.0 / 34.0), "{:?}", p.cohen_kappa);
    // Two raters: Fleiss = (4/7 − 64/196)/(1 − 64/196) = 48/132; alpha = 1 − 13·6/132 = 54/132.
    assert!(close(r.group.fleiss_kappa, 48.0 / 132.0), "{:?}", r.group.fleiss_kappa);
    assert!(close(r.group.krippendorff_alpha, 54.0 / 132.0), "{:?}", r.group.krippendorff_alpha);
    // Per label: PER agrees perfectly on its tokens.
    let per = p.per_label.iter().find(|l| l.label == "PER").expect("PER");
    assert!(close(per.cohen_kappa, 1.0) && close(per.exact.f1, 1.0));
    let loc = p.per_label.iter().find(|l| l.label == "LOC").expect("LOC");
    assert!(close(loc.exact.f1, 0.0));
    // Ranked: the label pair on الرباط and the boundary pair on FBI: two places, two disagreements (the
    // number Review shows), though four versions.
    assert_eq!(r.ranked.len(), 1);
    assert_eq!(r.ranked[0].disagreements, 2);
    assert!(close(r.ranked[0].token_disagreement, 3.0 / 7.0));
}

#[test]
fn agreement_refuses_unknown_or_single_analysts() {
    let store = project();
    let err = agreement(store.conn(), &["a".into(), "zed".into()], 10).expect_err("unknown");
    assert!(err.to_string().contains("no annotator named \"zed\""), "{err}");
    let err = agreement(store.conn(), &["a".into()], 10).expect_err("one");
    assert!(err.to_string().contains("at least two analysts"), "{err}");
}

#[test]
fn gold_decisions_leave_the_analysts_spans_untouched() {
    let mut store = project();
    let before: Vec<_> = hashiya::api::article_view(&store, 1).expect("view").spans;
    let cmp = hashiya::review::compare::compare(&before, &[], &["a".into(), "b".into()]);
    assert_eq!(cmp.agreed.len(), 1);
    let label_dis: Vec<_> = cmp.disagreements.iter().filter(|d| d.kind == Kind::Label).collect();
    let boundary: Vec<_> = cmp.disagreements.iter().filter(|d| d.kind == Kind::Boundary).collect();
    assert_eq!((label_dis.len(), boundary.len()), (2, 2));

    let n = store
        .with_tx(|tx| adjudicate::accept_agreeing(tx, 1, "rev", &["a".into(), "b".into()]))
        .expect("accept agreeing");
    assert_eq!(n, 1);
    // Label mismatch: accept b's ORG on الرباط. Boundary: edit a's FBI to «وفد FBI» as ORG… then take it back
    // and reject b's instead, adding a DATE nobody marked.
    let b_rabat = label_dis.iter().find(|d| d.has == vec!["b".to_string()]).expect("b's version");
    let a_fbi = boundary.iter().find(|d| d.has == vec!["a".to_string()]).expect("a's version");
    let b_fbi = boundary.iter().find(|d| d.has == vec!["b".to_string()]).expect("b's version");
    let (s, e) = cp_range(TEXT, "وفد FBI");
    let (ds, de) = cp_range(TEXT, "أمس");
    store
        .with_tx(|tx| {
            adjudicate::decide(tx, 1, "rev", &Decision::Accept { span_id: b_rabat.span_ids[0] })?;
            adjudicate::decide(
                tx,
                1,
                "rev",
                &Decision::Edit {
                    span_id: a_fbi.span_ids[0],
                    start: s as i64,
                    end: e as i64,
                    label: "ORG".into(),
                },
            )?;
            adjudicate::decide(tx, 1, "rev", &Decision::Reject { span_id: b_fbi.span_ids[0] })?;
            adjudicate::decide(
                tx,
                1,
                "rev",
                &Decision::Add { start: ds as i64, end: de as i64, label: "DATE".into() },
            )?;
            gold::set_gold_tag(tx, 1, "rev", "security", true)?;
            gold::add_comment(
                tx,
                1,
                Some(b_fbi.span_ids[0]),
                "rev",
                "«وفد» ليس جزءًا من اسم المنظمة",
            )?;
            gold::set_adjudicated(tx, 1, "rev", true)
        })
        .expect("decide");
    let g: Vec<(String, String, String)> = gold::gold_spans(store.conn(), 1)
        .expect("gold")
        .into_iter()
        .map(|g| (g.text, g.label, g.decision))
        .collect();
    // Rejecting b's «وفد FBI» removed the edited gold span at the same place.
    assert_eq!(
        g,
        vec![
            ("حموشي".into(), "PER".into(), "accepted".into()),
            ("الرباط".into(), "ORG".into(), "accepted".into()),
            ("أمس".into(), "DATE".into(), "added".into()),
        ]
    );
    assert_eq!(gold::gold_tags(store.conn(), 1).expect("tags"), vec!["security"]);
    assert!(gold::is_adjudicated(store.conn(), 1).expect("adjudicated"));
    let log: Vec<String> =
        gold::decisions_of(store.conn(), 1).expect("log").into_iter().map(|d| d.decision).collect();
    assert_eq!(log, vec!["accepted", "accepted", "edited", "rejected", "added"]);
    assert_eq!(gold::comments_of(store.conn(), 1).expect("comments")[0].author, "rev");
    assert_eq!(
        hashiya::api::article_view(&store, 1).expect("view").spans,
        before,
        "analysts' spans untouched"
    );

    // Bad decisions are refused with a reason and change nothing.
    let err = store
        .with_tx(|tx| {
            adjudicate::decide(
                tx,
                1,
                "rev",
                &Decision::Add { start: 0, end: 99, label: "PER".into() },
            )
        })
        .expect_err("past end");
    assert!(err.to_string().contains("past the end"));
    let err = store
        .with_tx(|tx| {
            adjudicate::decide(tx, 2, "rev", &Decision::Accept { span_id: b_rabat.span_ids[0] })
        })
        .expect_err("other article");
    assert!(err.to_string().contains("is not on article 2"));
    assert_eq!(gold::gold_spans(store.conn(), 1).expect("gold").len(), 3);
}

#[test]
fn review_commands_through_the_command_api() {
    let mut store = project();
    let who = serde_json::json!(["a", "b"]);
    let view = hashiya::api::dispatch(
        &mut store,
        "review_article",
        serde_json::json!({"article_id": 1, "annotators": who}),
    )
    .expect("view");
    assert_eq!(view["comparison"]["disagreements"].as_array().map(Vec::len), Some(4));
    let span_id = view["comparison"]["disagreements"][0]["span_ids"][0].clone();
    let args = serde_json::json!({"article_id": 1, "reviewer": "rev", "annotators": who, "decision": {"action": "accept", "span_id": span_id}});
    let view = hashiya::api::dispatch(&mut store, "adjudicate", args).expect("adjudicate");
    assert_eq!(view["gold"].as_array().map(Vec::len), Some(1));
    let view = hashiya::api::dispatch(
        &mut store,
        "accept_agreeing",
        serde_json::json!({"article_id": 1, "reviewer": "rev", "annotators": who}),
    )
    .expect("accept");
    assert_eq!(view["gold"].as_array().map(Vec::len), Some(2));
    let err = hashiya::api::dispatch(&mut store, "adjudicate", serde_json::json!({"article_id": 1, "reviewer": "rev", "annotators": who, "decision": {"action": "bless"}}))
        .expect_err("unknown action");
    assert_eq!(err.kind, "invalid");
    let report =
        hashiya::api::dispatch(&mut store, "agreement", serde_json::json!({})).expect("agreement");
    assert_eq!(report["pairs"][0]["exact"]["matched"], 1);
}

#[test]
fn gold_export_takes_the_adjudicated_layer() {
    use hashiya::export::{export_with, ExportOptions, Format, GoldScope};
    let mut store = project();
    store
        .with_tx(|tx| {
            adjudicate::accept_agreeing(tx, 1, "rev", &["a".into(), "b".into()])?;
            let (s, e) = cp_range(TEXT, "FBI");
            adjudicate::decide(
                tx,
                1,
                "rev",
                &Decision::Add { start: s as i64, end: e as i64, label: "ORG".into() },
            )?;
            gold::set_gold_tag(tx, 1, "rev", "security", true)?;
            gold::set_adjudicated(tx, 1, "rev", true)
        })
        .expect("adjudicate");
    let run = |scope: GoldScope| {
        let o = ExportOptions { format: Format::Spans, gold: Some(scope), ..Default::default() };
        let mut buf = Vec::new();
        export_with(store.conn(), &o, &mut buf).expect("export");
        String::from_utf8(buf)
            .expect("utf8")
            .lines()
            .map(|l| serde_json::from_str::<serde_json::Value>(l).expect("json"))
            .collect::<Vec<_>>()
    };
    let only = run(GoldScope::Adjudicated);
    assert_eq!(only.len(), 1, "only the adjudicated article");
    let spans: Vec<(String, String)> = only[0]["spans"]
        .as_array()
        .expect("spans")
        .iter()
        .map(|s| {
            let (a, b) = (
                s["start"].as_u64().unwrap_or(0) as usize,
                s["end"].as_u64().unwrap_or(0) as usize,
            );
            (
                TEXT.chars().skip(a).take(b - a).collect(),
                s["label"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    assert_eq!(
        spans,
        vec![("حموشي".to_string(), "PER".to_string()), ("FBI".to_string(), "ORG".to_string())]
    );
    assert_eq!(only[0]["tags"], serde_json::json!(["security"]));
    let all = run(GoldScope::IncludeUnadjudicated);
    assert_eq!(all.len(), 2);
    assert_eq!(
        all[1]["spans"],
        serde_json::json!([]),
        "an unreviewed article has no gold spans yet"
    );
    let o = ExportOptions {
        gold: Some(GoldScope::Adjudicated),
        annotators: vec!["a".into()],
        ..Default::default()
    };
    let err = export_with(store.conn(), &o, &mut Vec::new()).expect_err("gold with annotators");
    assert!(err.to_string().contains("--annotators does not apply"), "{err}");
}

#[test]
fn progress_per_analyst() {
    let mut store = project();
    store
        .with_tx(|tx| {
            hashiya::annotations::set_status(tx, 1, "a", hashiya::model::Status::Done, None)?;
            hashiya::annotations::set_status(tx, 2, "a", hashiya::model::Status::InProgress, None)?;
            hashiya::annotations::set_tag(tx, 1, "b", "security", true, false, None)?;
            gold::set_adjudicated(tx, 1, "rev", true)
        })
        .expect("work");
    let p =
        hashiya::api::dispatch(&mut store, "progress", serde_json::json!({})).expect("progress");
    assert_eq!((p["articles"].as_i64(), p["adjudicated"].as_i64()), (Some(2), Some(1)));
    let a = p["analysts"]
        .as_array()
        .expect("analysts")
        .iter()
        .find(|x| x["annotator"] == "a")
        .expect("a")
        .clone();
    assert_eq!(
        (a["done"].as_i64(), a["in_progress"].as_i64(), a["todo"].as_i64(), a["spans"].as_i64()),
        (Some(1), Some(1), Some(0), Some(4))
    );
    assert_eq!(a["spans_per_label"], serde_json::json!([["LOC", 2], ["ORG", 1], ["PER", 1]]));
    let mine =
        hashiya::api::dispatch(&mut store, "my_progress", serde_json::json!({"annotator": "a"}))
            .expect("mine");
    assert_eq!(mine, serde_json::json!({"articles": 2, "done": 1, "in_progress": 1, "todo": 0}));
    let page = hashiya::api::dispatch(
        &mut store,
        "list_articles",
        serde_json::json!({"annotator": "a", "status": "done", "limit": 0}),
    )
    .expect("count");
    assert_eq!(
        (page["total"].as_i64(), page["items"].as_array().map(Vec::len)),
        (Some(1), Some(0))
    );
    let b = p["analysts"]
        .as_array()
        .expect("analysts")
        .iter()
        .find(|x| x["annotator"] == "b")
        .expect("b")
        .clone();
    assert_eq!(
        (b["todo"].as_i64(), b["tags"].as_i64(), b["spans"].as_i64()),
        (Some(2), Some(1), Some(3))
    );
}
