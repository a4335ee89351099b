//! Every export format on tricky Arabic text: offsets slice back, tokens align, nothing is dropped silently.

use hashiya::export::{self, ExportOptions, Format, Misaligned, OffsetUnit, Report};
use hashiya::import::{import_jsonl_str, ImportOptions};
use hashiya::Store;
use serde_json::{json, Value};

/// (id, text, [(needle, label, annotator)]) — each needle's first occurrence is the span.
type Case = (&'static str, &'static str, &'static [(&'static str, &'static str, &'static str)]);

const TEXTS: &[Case] = &[
    (
        "zwj",
        "المبرمجة 👩🏽‍💻 ليلى حداد من عمّان",
        &[("ليلى حداد", "PER", "salma"), ("عمّان", "LOC", "salma")],
    ),
    (
        "flag",
        "فاز المنتخب 🇲🇦 على ضيفه في الرباط",
        &[("الرباط", "LOC", "salma"), ("الرباط", "LOC", "karim")],
    ),
    (
        "harakat",
        "كَتَبَ الطالبُ مقالةً عن جامعةِ القاهرة",
        &[("جامعةِ القاهرة", "ORG", "salma"), ("القاهرة", "LOC", "karim")],
    ),
    ("tatweel", "قــــال المتحدث باسم وزارة الخارجية", &[("وزارة الخارجية", "ORG", "karim")]),
    (
        "crlf",
        "السطر الأول عن طنجة\r\nوالسطر الثاني عن FBI سنة 2025.",
        &[("طنجة", "LOC", "salma"), ("FBI", "ORG", "salma"), ("2025", "DATE", "salma")],
    ),
    (
        "bidi",
        "قال \u{200f}الوزير\u{200e} Claire Dubois إن الاجتماع\u{200c} في 12 فبراير/شباط",
        &[("Claire Dubois", "PER", "salma"), ("12 فبراير", "DATE", "salma")],
    ),
    (
        "astral",
        "😀😀😀 بعد ثلاثة رموز جاء اسم عبد اللطيف حموشي.",
        &[("عبد اللطيف حموشي", "PER", "karim")],
    ),
];

fn cp(hay: &str, needle: &str) -> (usize, usize) {
    let b = hay.find(needle).unwrap_or_else(|| panic!("{needle:?} not in {hay:?}"));
    let s = hay[..b].chars().count();
    (s, s + needle.chars().count())
}

fn line(id: &str, text: &str, spans: &[(&str, &str, &str)], extra: Value) -> String {
    let spans: Vec<Value> = spans
        .iter()
        .map(|(n, l, who)| {
            let (s, e) = cp(text, n);
            json!({"start": s, "end": e, "label": l, "text": n, "annotator": who})
        })
        .collect();
    let mut rec = json!({"id": id, "text": text, "spans": spans, "tags": [{"label": "security", "annotator": "salma"}]});
    if let (Some(o), Some(x)) = (rec.as_object_mut(), extra.as_object()) {
        o.extend(x.clone());
    }
    rec.to_string()
}

fn store_with(lines: &[String]) -> Store {
    let mut store = Store::open_in_memory().expect("open");
    let r = import_jsonl_str(&mut store, "t.jsonl", &lines.join("\n"), &ImportOptions::default())
        .expect("import");
    assert!(r.rejected.is_empty(), "{:#?}", r.rejected);
    store
}

fn tricky() -> Store {
    store_with(&TEXTS.iter().map(|(id, t, s)| line(id, t, s, json!({}))).collect::<Vec<_>>())
}

fn run(store: &Store, o: &ExportOptions) -> (String, Report) {
    let mut buf = Vec::new();
    let r = export::export_with(store.conn(), o, &mut buf).expect("export");
    (String::from_utf8(buf).expect("utf8"), r)
}

fn opts(format: Format) -> ExportOptions {
    ExportOptions { format, ..Default::default() }
}

fn lines(s: &str) -> Vec<Value> {
    s.lines().map(|l| serde_json::from_str(l).expect("json line")).collect()
}

fn slice(text: &str, unit: OffsetUnit, s: usize, e: usize) -> String {
    match unit {
        OffsetUnit::Codepoint => text.chars().skip(s).take(e - s).collect(),
        OffsetUnit::Utf16 => {
            String::from_utf16(&text.encode_utf16().collect::<Vec<_>>()[s..e]).expect("utf16 slice")
        }
        OffsetUnit::Utf8 => text[s..e].to_string(),
        // doccano's grapheme mode, as its splitter counts (the test's own table of cluster starts).
        OffsetUnit::Grapheme => {
            let starts = hashiya::graphemes::doccano_starts(text);
            text.chars().skip(starts[s]).take(starts[e] - starts[s]).collect()
        }
    }
}

fn expected_spans() -> usize {
    // Distinct (place, label) per article: the two identical "الرباط" spans merge.
    TEXTS.iter().map(|(_, _, s)| s.len()).sum::<usize>() - 1
}

#[test]
fn spans_and_jsonl_slice_back_in_every_offset_unit() {
    let store = tricky();
    for unit in OffsetUnit::ALL {
        let (out, r) = run(
            &store,
            &ExportOptions { format: Format::Spans, offsets: unit, ..Default::default() },
        );
        let recs = lines(&out);
        assert_eq!(recs.len(), TEXTS.len());
        let mut n = 0;
        for (rec, (id, text, spans)) in recs.iter().zip(TEXTS) {
            assert_eq!((rec["id"].as_str(), rec["text"].as_str()), (Some(*id), Some(*text)));
            assert_eq!(rec["tags"], json!(["security"]));
            for sp in rec["spans"].as_array().expect("spans") {
                let got = slice(
                    text,
                    unit,
                    sp["start"].as_u64().unwrap_or(0) as usize,
                    sp["end"].as_u64().unwrap_or(0) as usize,
                );
                assert!(
                    spans.iter().any(|(w, l, _)| *w == got && sp["label"] == *l),
                    "{unit:?} {got:?}"
                );
                n += 1;
            }
        }
        assert_eq!(n, expected_spans());
        assert_eq!((r.total.spans as usize, r.total.duplicates_merged), (expected_spans(), 1));

        let (out, _) = run(
            &store,
            &ExportOptions { format: Format::Jsonl, offsets: unit, ..Default::default() },
        );
        for rec in lines(&out) {
            let text = rec["text"].as_str().unwrap_or("");
            for sp in rec["spans"].as_array().expect("spans") {
                let got = slice(
                    text,
                    unit,
                    sp["start"].as_u64().unwrap_or(0) as usize,
                    sp["end"].as_u64().unwrap_or(0) as usize,
                );
                assert_eq!(Some(got.as_str()), sp["text"].as_str(), "{unit:?}");
            }
        }
    }
}

#[test]
fn default_jsonl_is_the_native_export_byte_for_byte() {
    let store = tricky();
    let mut native = Vec::new();
    export::write_native_jsonl(store.conn(), &mut native).expect("native");
    let (out, _) = run(&store, &opts(Format::Jsonl));
    assert_eq!(out.as_bytes(), native.as_slice());
}

#[test]
fn doccano_counts_utf16_units_and_labelstudio_has_one_annotation_per_annotator() {
    let store = tricky();
    let (out, r) = run(&store, &opts(Format::Doccano));
    for (rec, (_, text, spans)) in lines(&out).iter().zip(TEXTS) {
        for l in rec["label"].as_array().expect("label") {
            let got = slice(
                text,
                OffsetUnit::Utf16,
                l[0].as_u64().unwrap_or(0) as usize,
                l[1].as_u64().unwrap_or(0) as usize,
            );
            assert!(spans.iter().any(|(w, lab, _)| *w == got && l[2] == *lab), "{got:?}");
        }
    }
    // جامعةِ القاهرة and القاهرة overlap: written, and counted because doccano may drop them.
    assert_eq!(r.total.overlapping_written, 1);

    let (out, r) = run(&store, &opts(Format::Labelstudio));
    let tasks: Vec<Value> = serde_json::from_str(&out).expect("one JSON array");
    assert_eq!(tasks.len(), TEXTS.len());
    assert_eq!(
        r.total.spans as usize,
        expected_spans() + 1,
        "label studio keeps each annotator's span"
    );
    let flag = &tasks[1];
    assert_eq!(flag["data"]["annotators"], json!(["karim", "salma"]));
    assert_eq!(flag["annotations"].as_array().map(Vec::len), Some(2));
    for t in &tasks {
        let text = t["data"]["text"].as_str().unwrap_or("");
        for a in t["annotations"].as_array().expect("annotations") {
            for item in a["result"].as_array().expect("result") {
                let v = &item["value"];
                // Tags are choices and notes per-region text areas (see tests/core/peers.rs).
                if item["type"] != "labels" {
                    assert!(["choices", "textarea"].contains(&item["type"].as_str().unwrap_or("")));
                    continue;
                }
                let got = slice(
                    text,
                    OffsetUnit::Codepoint,
                    v["start"].as_u64().unwrap_or(0) as usize,
                    v["end"].as_u64().unwrap_or(0) as usize,
                );
                assert_eq!(Some(got.as_str()), v["text"].as_str());
                assert_eq!(
                    (item["from_name"].as_str(), item["to_name"].as_str(), item["type"].as_str()),
                    (Some("label"), Some("text"), Some("labels"))
                );
            }
        }
    }
}

#[test]
fn token_formats_align_and_count_the_overlap_they_drop() {
    let store = tricky();
    let (out, r) = run(&store, &opts(Format::Prodigy));
    assert_eq!(
        r.total.overlapping_dropped, 1,
        "القاهرة inside جامعةِ القاهرة cannot be nested in IOB"
    );
    assert_eq!(r.total.spans as usize, expected_spans() - 1);
    let mut hashes = std::collections::HashSet::new();
    for rec in lines(&out) {
        let text = rec["text"].as_str().unwrap_or("");
        let toks = rec["tokens"].as_array().expect("tokens");
        for (i, t) in toks.iter().enumerate() {
            assert_eq!(t["id"].as_u64(), Some(i as u64));
            let got = slice(
                text,
                OffsetUnit::Codepoint,
                t["start"].as_u64().unwrap_or(0) as usize,
                t["end"].as_u64().unwrap_or(0) as usize,
            );
            assert_eq!(Some(got.as_str()), t["text"].as_str());
            assert!(
                !got.contains('\u{200f}') && !got.contains('\u{200e}'),
                "bidi marks stay out of tokens"
            );
        }
        for s in rec["spans"].as_array().expect("spans") {
            let (ts, te) = (
                s["token_start"].as_u64().unwrap_or(0) as usize,
                s["token_end"].as_u64().unwrap_or(0) as usize,
            );
            assert_eq!(s["start"], toks[ts]["start"]);
            assert_eq!(s["end"], toks[te]["end"]);
        }
        assert_eq!(rec["answer"], "accept");
        assert!(rec["_input_hash"].is_i64() && rec["_task_hash"].is_i64());
        assert!(hashes.insert(rec["_input_hash"].as_i64()));
    }
    let (again, _) = run(&store, &opts(Format::Prodigy));
    assert_eq!(out, again, "hashes and tokens are stable");

    // hf writes class ids into the label list (O, B-X, I-X… as in FILE.labels.json) by default, the tag
    // names with `hf_tags: Strings`; both read back to the same tags as CoNLL.
    let (hf, report) = run(&store, &opts(Format::Hf));
    let names = export::iob_tags(&report.labels);
    let (hf_strings, _) =
        run(&store, &ExportOptions { hf_tags: export::HfTags::Strings, ..opts(Format::Hf) });
    let (conll, _) = run(&store, &opts(Format::Conll));
    let pairs = |out: &str| -> Vec<(String, String)> {
        lines(out)
            .iter()
            .flat_map(|r| {
                let toks = r["tokens"].as_array().cloned().unwrap_or_default();
                let tags = r["ner_tags"].as_array().cloned().unwrap_or_default();
                assert_eq!(toks.len(), tags.len());
                toks.into_iter()
                    .zip(tags)
                    .map(|(a, b)| {
                        let tag = match b.as_u64() {
                            Some(id) => names[id as usize].clone(),
                            None => b.as_str().unwrap_or("").to_string(),
                        };
                        (a.as_str().unwrap_or("").to_string(), tag)
                    })
                    .collect::<Vec<_>>()
            })
            .collect()
    };
    assert!(lines(&hf)
        .iter()
        .all(|r| r["ner_tags"].as_array().is_some_and(|t| t.iter().all(Value::is_u64))));
    assert!(lines(&hf_strings)
        .iter()
        .all(|r| r["ner_tags"].as_array().is_some_and(|t| t.iter().all(Value::is_string))));
    let hf_pairs = pairs(&hf);
    assert_eq!(hf_pairs, pairs(&hf_strings));
    let conll_pairs: Vec<(String, String)> = conll
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with("-DOCSTART-"))
        .map(|l| {
            let (a, b) = l.rsplit_once(' ').expect("token TAG");
            (a.to_string(), b.to_string())
        })
        .collect();
    assert_eq!(hf_pairs, conll_pairs, "hf and conll carry the same tokens and tags");
    assert_eq!(conll.matches("-DOCSTART- O\n\n").count(), TEXTS.len());
    // IOB2: an I- tag always continues a B- or I- of the same label.
    let mut prev = "O".to_string();
    for (_, tag) in &hf_pairs {
        if let Some(l) = tag.strip_prefix("I-") {
            assert!(prev == format!("B-{l}") || prev == format!("I-{l}"), "{prev} → {tag}");
        }
        prev = tag.clone();
    }
    let want = [
        ("ليلى", "B-PER"),
        ("حداد", "I-PER"),
        ("عمّان", "B-LOC"),
        ("جامعةِ", "B-ORG"),
        ("القاهرة", "I-ORG"),
        ("12", "B-DATE"),
        ("فبراير", "I-DATE"),
        ("حموشي", "I-PER"),
    ];
    for (tok, tag) in want {
        assert!(hf_pairs.iter().any(|(a, b)| a == tok && b == tag), "{tok} {tag}");
    }
    // The \r\n article is two sentences.
    assert_eq!(
        lines(&hf)
            .iter()
            .filter(|r| r["id"].as_str().is_some_and(|i| i.starts_with("crlf:")))
            .count(),
        2
    );
}

#[test]
fn misaligned_spans_are_listed_then_expanded_split_or_skipped_on_request() {
    // Whole-word tokens (the clitic setting "include"), so الرباط inside والرباط is cut.
    let opts = |format| ExportOptions {
        format,
        clitics: Some(hashiya::clitics::CliticMode::Include),
        ..Default::default()
    };
    let text = "قال الوزير: والرباط عاصمة المغرب.";
    let store = store_with(&[line(
        "m1",
        text,
        &[("الرباط", "LOC", "salma"), ("المغرب", "LOC", "salma"), ("الوزي", "PER", "karim")],
        json!({}),
    )]);
    for f in [Format::Prodigy, Format::Hf, Format::Conll] {
        let err =
            export::export_with(store.conn(), &opts(f), &mut Vec::new()).expect_err("refused");
        let msg = err.to_string();
        assert!(msg.starts_with("2 spans have an edge inside a token"), "{msg}");
        assert!(msg.contains("article m1: [13, 19) LOC «الرباط» by salma"), "{msg}");
        assert!(msg.contains("«الوزي» by karim"), "{msg}");
    }
    let cases = [
        (
            Misaligned::Expand,
            (2, 0, 0),
            vec![("والرباط", "B-LOC"), ("الوزير", "B-PER"), ("المغرب", "B-LOC")],
        ),
        (
            Misaligned::Split,
            (0, 2, 0),
            vec![("و", "O"), ("الرباط", "B-LOC"), ("الوزي", "B-PER"), ("ر", "O")],
        ),
        (Misaligned::Skip, (0, 0, 2), vec![("والرباط", "O"), ("الوزير", "O"), ("المغرب", "B-LOC")]),
    ];
    for (m, (expanded, split, skipped), want) in cases {
        let (out, r) = run(&store, &ExportOptions { misaligned: m, ..opts(Format::Conll) });
        let t = &r.total;
        assert_eq!(
            (t.misaligned_expanded, t.misaligned_split, t.misaligned_skipped),
            (expanded, split, skipped),
            "{m:?}"
        );
        for (tok, tag) in want {
            assert!(out.contains(&format!("{tok} {tag}\n")), "{m:?}: {tok} {tag}\n{out}");
        }
        assert!(!t.notes().is_empty());
    }
}

#[test]
fn source_tokens_in_meta_are_used_and_checked() {
    // A CoNLL import keeps its tokens: "عبد_الله" style tokens the tokenizer would not make.
    let text = "زار عبدالله بن علي الرباط";
    let tokens = json!([[0, 3], [4, 7], [7, 11], [12, 14], [15, 18], [19, 25]]);
    let meta = json!({"meta": {"tokens": tokens, "sentences": [0, 4]}});
    let store = store_with(&[line("c1", text, &[("الله بن علي", "PER", "salma")], meta)]);
    let (out, r) = run(&store, &opts(Format::Conll));
    assert_eq!(r.total.articles_with_source_tokens, 1);
    // The source's sentence break (before علي) falls inside the span, so it is not kept.
    assert_eq!(out, "-DOCSTART- O\n\nزار O\nعبد O\nالله B-PER\nبن I-PER\nعلي I-PER\nالرباط O\n\n");
    let store = store_with(&[line(
        "c1",
        text,
        &[("الرباط", "LOC", "salma")],
        json!({"meta": {"tokens": tokens, "sentences": [0, 4]}}),
    )]);
    let (out, _) = run(&store, &opts(Format::Conll));
    assert_eq!(out, "-DOCSTART- O\n\nزار O\nعبد O\nالله O\nبن O\n\nعلي O\nالرباط B-LOC\n\n");
    let bad = json!({"meta": {"tokens": [[0, 3], [2, 5]]}});
    let store = store_with(&[line("c2", text, &[], bad)]);
    let err = export::export_with(store.conn(), &opts(Format::Hf), &mut Vec::new())
        .expect_err("bad meta");
    assert!(err.to_string().contains("meta.tokens"), "{err}");
}

#[test]
fn filters_rename_and_drop() {
    let store = tricky();
    type Check = fn(&Report, &[Value]);
    let cases: Vec<(ExportOptions, Check)> = vec![
        (ExportOptions { annotators: vec!["karim".into()], ..opts(Format::Spans) }, |r, recs| {
            assert_eq!(r.total.spans, 4);
            assert!(recs.iter().all(|x| x["tags"] == json!([])), "salma's tags are not karim's");
        }),
        (ExportOptions { query: Some("FBI".into()), ..opts(Format::Spans) }, |_, recs| {
            assert_eq!(recs.len(), 1)
        }),
        (ExportOptions { tag: Some("security".into()), ..opts(Format::Spans) }, |_, recs| {
            assert_eq!(recs.len(), TEXTS.len())
        }),
        (
            ExportOptions { status: Some(hashiya::model::Status::Done), ..opts(Format::Spans) },
            |_, recs| assert_eq!(recs.len(), 0),
        ),
        (
            ExportOptions { status: Some(hashiya::model::Status::Todo), ..opts(Format::Spans) },
            |_, recs| assert_eq!(recs.len(), TEXTS.len()),
        ),
        (
            ExportOptions {
                rename: vec![("ORG".into(), "LOC".into())],
                drop: vec!["DATE".into()],
                ..opts(Format::Spans)
            },
            |r, _| {
                assert_eq!(r.total.spans_per_label.get("ORG"), None);
                assert_eq!(r.total.spans_per_label.get("DATE"), None);
                assert_eq!(r.total.dropped_by_label, 2);
                assert_eq!(r.labels, vec!["EVENT", "LOC", "PER"]);
            },
        ),
    ];
    for (o, check) in cases {
        let (out, r) = run(&store, &o);
        check(&r, &lines(&out));
    }
    for bad in [
        ExportOptions { annotators: vec!["nobody".into()], ..opts(Format::Spans) },
        ExportOptions { tag: Some("sport-typo".into()), ..opts(Format::Spans) },
        ExportOptions { rename: vec![("GPE".into(), "LOC".into())], ..opts(Format::Spans) },
        ExportOptions { drop: vec!["MISC".into()], ..opts(Format::Spans) },
        ExportOptions { offsets: OffsetUnit::Utf16, ..opts(Format::Conll) },
    ] {
        assert!(export::export_with(store.conn(), &bad, &mut Vec::new()).is_err(), "{bad:?}");
    }
}

#[test]
fn split_is_deterministic_disjoint_and_written_atomically_with_a_manifest() {
    let lines_: Vec<String> = (0..40)
        .map(|i| {
            line(
                &format!("n{i}"),
                &format!("خبر رقم {i} عن الرباط"),
                &[("الرباط", "LOC", "salma")],
                json!({}),
            )
        })
        .collect();
    let store = store_with(&lines_);
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("data.jsonl");
    let o = ExportOptions { split: Some([0.8, 0.1, 0.1]), seed: 7, ..opts(Format::Hf) };
    let r = export::export_file_with(store.conn(), &o, &out).expect("export");
    let counts: Vec<u64> = r.files.iter().map(|f| f.counts.articles).collect();
    assert_eq!(counts, vec![32, 4, 4]);
    let ids = |name: &str| -> Vec<String> {
        let s = std::fs::read_to_string(dir.path().join(name)).expect("read");
        lines(&s)
            .iter()
            .map(|r| r["id"].as_str().unwrap_or("").split(':').next().unwrap_or("").to_string())
            .collect()
    };
    let (train, dev, test) =
        (ids("data.train.jsonl"), ids("data.dev.jsonl"), ids("data.test.jsonl"));
    let mut all: Vec<&String> = train.iter().chain(&dev).chain(&test).collect();
    all.sort();
    all.dedup();
    assert_eq!(all.len(), 40, "every article in exactly one split");
    let manifest: Value = serde_json::from_str(
        &std::fs::read_to_string(dir.path().join("data.jsonl.manifest.json")).expect("manifest"),
    )
    .expect("json");
    assert_eq!(manifest["format"], "hf");
    assert_eq!(manifest["version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(manifest["counts"]["articles"], 40);
    assert_eq!(manifest["options"]["seed"], 7);
    // Each file is listed with its size and SHA-256, so a set whose move into place was interrupted shows.
    let files = manifest["files"].as_array().expect("files");
    assert_eq!(files.len(), 3);
    for f in files {
        let bytes = std::fs::read(f["path"].as_str().expect("path")).expect("listed file");
        assert_eq!(f["bytes"].as_u64(), Some(bytes.len() as u64));
        use sha2::Digest;
        assert_eq!(
            f["sha256"].as_str(),
            Some(format!("{:x}", sha2::Sha256::digest(&bytes)).as_str()),
            "{}",
            f["path"]
        );
    }
    let tags: Value = serde_json::from_str(
        &std::fs::read_to_string(dir.path().join("data.jsonl.labels.json")).expect("labels"),
    )
    .expect("json");
    assert_eq!(tags[0], "O");
    assert_eq!(tags[1], "B-DATE");

    // Same seed, same split; another seed, another split.
    let again = tempfile::tempdir().expect("tempdir");
    export::export_file_with(store.conn(), &o, &again.path().join("data.jsonl")).expect("export");
    assert_eq!(
        std::fs::read(again.path().join("data.test.jsonl")).ok(),
        std::fs::read(dir.path().join("data.test.jsonl")).ok()
    );
    let other = tempfile::tempdir().expect("tempdir");
    export::export_file_with(
        store.conn(),
        &ExportOptions { seed: 8, ..o.clone() },
        &other.path().join("data.jsonl"),
    )
    .expect("export");
    assert_ne!(
        std::fs::read(other.path().join("data.test.jsonl")).ok(),
        std::fs::read(dir.path().join("data.test.jsonl")).ok()
    );

    // A refused export leaves nothing behind.
    let store = store_with(&[line("m1", "والرباط", &[("الرباط", "LOC", "salma")], json!({}))]);
    let opts = |format| ExportOptions {
        format,
        clitics: Some(hashiya::clitics::CliticMode::Include),
        ..Default::default()
    };
    let empty = tempfile::tempdir().expect("tempdir");
    assert!(export::export_file_with(
        store.conn(),
        &opts(Format::Conll),
        &empty.path().join("x.conll")
    )
    .is_err());
    assert_eq!(std::fs::read_dir(empty.path()).expect("ls").count(), 0);
    // Without a file, a split is refused.
    assert!(export::export_with(store.conn(), &o, &mut Vec::new()).is_err());
}
