//! One clitic model from selection to token export: on the seed articles every span the default
//! snapping makes (each word selected whole, clitics and all) exports to conll, hf and prodigy with
//! no option and no misaligned span, and the CoNLL tokens come back through the CoNLL import.

use std::path::Path;

use hashiya::api::dispatch;
use hashiya::clitics::CliticMode;
use hashiya::export::{self, export_with, ExportOptions, Format};
use hashiya::import::{self, ImportOptions};
use hashiya::snap::Snapper;
use hashiya::tokenize::{tokenize, Options};
use hashiya::Store;
use serde_json::json;

fn seeds() -> Store {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/seeds");
    assert!(seeds.is_dir(), "../shared/corpus/seeds is missing");
    let mut store = Store::open_in_memory().expect("open");
    let r = import::import_paths(&mut store, &[seeds], &ImportOptions::default()).expect("import");
    assert_eq!(r.imported.len(), 5);
    store
}

/// Select every word of every article whole (as a mouse selection over the word would), snap it
/// as the project's setting says, and label it through the API. Returns how many spans, and how
/// many of them left a clitic prefix out.
fn label_every_word(store: &mut Store, mode: CliticMode) -> (usize, usize) {
    let ids: Vec<i64> = (1..=5).collect();
    let (mut n, mut cut) = (0, 0);
    for id in ids {
        let text = hashiya::articles::text_of(store.conn(), id).expect("text");
        let snapper = Snapper::new(&text);
        let words = tokenize(&text, Options::WHOLE_WORDS);
        let chars: Vec<char> = text.chars().collect();
        for (k, w) in words.iter().enumerate() {
            if !chars[w.start..w.end].iter().any(|c| c.is_alphanumeric()) {
                continue;
            }
            let (s, e) = snapper.snap(w.start, w.end, mode).expect("a word snaps");
            cut += usize::from(s > w.start);
            let label = ["PER", "ORG", "LOC"][k % 3];
            let req = json!({"article_id": id, "start": s, "end": e, "label": label, "annotator": "salma"});
            dispatch(store, "add_span", req).expect("the snapped span is stored");
            n += 1;
        }
    }
    (n, cut)
}

fn export_text(store: &Store, format: Format) -> (String, export::Report) {
    let o = ExportOptions { format, ..Default::default() };
    let mut buf = Vec::new();
    let report = export_with(store.conn(), &o, &mut buf).expect("exports with no option");
    (String::from_utf8(buf).expect("utf8"), report)
}

/// (token, tag) lines of a CoNLL export, without the document markers.
fn token_tags(conll: &str) -> Vec<(String, String)> {
    conll
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with("-DOCSTART-"))
        .map(|l| {
            let (t, g) = l.rsplit_once(' ').unwrap_or((l, ""));
            (t.to_string(), g.to_string())
        })
        .collect()
}

#[test]
fn default_snapping_exports_to_every_token_format_with_no_option() {
    let mut store = seeds();
    let (spans, cut) = label_every_word(&mut store, CliticMode::Exclude);
    eprintln!("seeds: {spans} words labelled, {cut} of them without a clitic prefix");
    assert!(spans > 1000, "{spans} words labelled");
    assert!(cut > 100, "{cut} selections left a clitic prefix out");
    for format in [Format::Conll, Format::Hf, Format::Prodigy] {
        let o = ExportOptions { format, ..Default::default() };
        let misfits = export::misaligned(store.conn(), &o).expect("misaligned");
        assert!(
            misfits.is_empty(),
            "{format:?}: {} misaligned, e.g. {}",
            misfits.len(),
            misfits[0]
        );
        let (_, report) = export_text(&store, format);
        let t = &report.total;
        assert_eq!(t.spans as usize, spans, "{format:?}: every span written");
        assert_eq!(
            (
                t.misaligned_expanded,
                t.misaligned_split,
                t.misaligned_skipped,
                t.overlapping_dropped
            ),
            (0, 0, 0, 0),
            "{format:?}"
        );
    }

    // Whole-word tokens (`--clitics include`) would cut these spans: the setting decides both.
    let o = ExportOptions {
        format: Format::Conll,
        clitics: Some(CliticMode::Include),
        ..Default::default()
    };
    assert_eq!(export::misaligned(store.conn(), &o).expect("misaligned").len(), cut);

    // The CoNLL tokens and tags come back through the CoNLL import.
    let (conll, _) = export_text(&store, Format::Conll);
    let dir = tempfile::tempdir().expect("tmp");
    let file = dir.path().join("seeds.conll");
    std::fs::write(&file, &conll).expect("write");
    let mut back = Store::open_in_memory().expect("open");
    let opts = ImportOptions { annotator: Some("salma".into()), ..Default::default() };
    let r = import::import_paths(&mut back, &[file], &opts).expect("import");
    assert!(r.rejected.is_empty(), "{:#?}", r.rejected);
    let (again, _) = export_text(&back, Format::Conll);
    assert_eq!(token_tags(&again), token_tags(&conll));
}

#[test]
fn the_include_setting_snaps_and_tokenizes_whole_words() {
    let mut store = seeds();
    dispatch(&mut store, "set_settings", json!({"clitics": "include"})).expect("setting");
    let (spans, cut) = label_every_word(&mut store, CliticMode::Include);
    assert_eq!(cut, 0);
    for format in [Format::Conll, Format::Hf, Format::Prodigy] {
        let o = ExportOptions { format, ..Default::default() };
        assert!(export::misaligned(store.conn(), &o).expect("misaligned").is_empty(), "{format:?}");
        assert_eq!(export_text(&store, format).1.total.spans as usize, spans);
    }
}

#[test]
fn the_elided_article_word_is_one_span_and_one_token() {
    let text = "زار الوفد للرياض وللأمن ثم والرياض";
    let snapper = Snapper::new(text);
    let chars: Vec<char> = text.chars().collect();
    let mut got = Vec::new();
    for w in tokenize(text, Options::WHOLE_WORDS) {
        let (s, e) = snapper.snap(w.start, w.end, CliticMode::Exclude).expect("snap");
        got.push(chars[s..e].iter().collect::<String>());
    }
    assert_eq!(got, ["زار", "الوفد", "للرياض", "للأمن", "ثم", "الرياض"]);
    let toks: Vec<String> = tokenize(text, Options { clitics: CliticMode::Exclude })
        .iter()
        .map(|t| chars[t.start..t.end].iter().collect())
        .collect();
    assert_eq!(toks, ["زار", "الوفد", "للرياض", "و", "للأمن", "ثم", "و", "الرياض"]);
}

#[test]
fn the_cuts_the_ui_snaps_with_are_where_the_export_splits_words() {
    let store = seeds();
    for id in 1..=5 {
        let text = hashiya::articles::text_of(store.conn(), id).expect("text");
        let whole = tokenize(&text, Options::WHOLE_WORDS);
        let split = tokenize(&text, Options { clitics: CliticMode::Exclude });
        // A word the export splits: one whole-word token whose start begins a shorter split token.
        let mut want = Vec::new();
        for w in &whole {
            if let Some(t) = split.iter().find(|t| t.start == w.start) {
                if t.end < w.end {
                    want.push([w.start, t.end]);
                }
            }
        }
        assert!(!want.is_empty());
        assert_eq!(hashiya::snap::cuts(&text), want, "article {id}");
    }
}
