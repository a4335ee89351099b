//! Suggestion benchmark: imports a CoNLL corpus's train and test files through the CoNLL importer,
//! trains the recommenders on the first 50, 100, 200 and all training sentences and scores exact
//! spans on the test file; then times training on ≥150,000 tokens, suggesting for a 3,000-character
//! article, and reports the stored model's size. `--names`: the training sentences' labelled names
//! serve as the entity registry (gazetteer features of the labeller).
//! Usage: bench_suggest TRAIN.conll TEST.conll [--timing] [--names]

use std::path::PathBuf;
use std::time::Instant;

use hashiya::import::{self, ImportOptions};
use hashiya::suggest::{self, data, store, tagger::TrainOptions};
use hashiya::Store;

fn load(path: &str) -> Result<Vec<data::Sentence>, Box<dyn std::error::Error>> {
    let mut s = Store::open_in_memory()?;
    let opts = ImportOptions {
        annotator: Some("corpus".into()),
        format: import::Format::parse("conll"),
        ..Default::default()
    };
    let report = import::import_paths(&mut s, &[PathBuf::from(path)], &opts)?;
    if !report.rejected.is_empty() {
        return Err(format!("{path}: {} rejected", report.rejected.len()).into());
    }
    // Every sentence of the file is training data, with or without entities.
    let mut out = Vec::new();
    hashiya::articles::for_each(s.conn(), |a| {
        let spans = data::reference_spans(s.conn(), &a, &data::Source::default())?;
        out.extend(data::sentences_of(a, spans)?);
        Ok(())
    })?;
    Ok(out)
}

fn f1(s: &suggest::eval::Scores) -> String {
    s.overall.f1.map_or("-".into(), |f| format!("{f:.3}"))
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let (train, test) = (load(&args[1])?, load(&args[2])?);
    let timing = args.iter().any(|a| a == "--timing");
    // --names: the names labelled in the training sentences are the entity registry (the labeller's
    // gazetteer features; training sees them jackknifed, scoring sees all of them).
    let with_names = args.iter().any(|a| a == "--names");
    let opts = TrainOptions::default();
    let c = data::counts(&test);
    println!(
        "test: {} sentences, {} tokens, {} entities (outermost, non-overlapping)",
        c.sentences, c.tokens, c.spans
    );
    println!(
        "{:>9} {:>8} {:>9} {:>9} {:>9} {:>8}",
        "sentences", "tokens", "matcher", "labeller", "both", "train s"
    );
    let mut sizes: Vec<usize> = [50, 100, 200].into_iter().filter(|n| *n < train.len()).collect();
    sizes.push(train.len());
    let mut last = None;
    for n in sizes {
        let part = &train[..n];
        let names = if with_names {
            suggest::names::Names::from_spans(part)
        } else {
            suggest::names::Names::default()
        };
        let e = suggest::evaluate_with(part, &test, &names, opts, &|| false)?;
        println!(
            "{:>9} {:>8} {:>9} {:>9} {:>9} {:>8.2}",
            n,
            e.train_tokens,
            f1(&e.matcher),
            f1(&e.model),
            f1(&e.both),
            e.train_seconds
        );
        last = Some(e);
    }
    if let Some(e) = last {
        println!("per label, all training sentences (labeller P / R / F1; matcher F1):");
        for (label, p) in &e.model.by_label {
            let m = e.matcher.by_label.get(label).and_then(|m| m.f1).unwrap_or(0.0);
            println!(
                "  {label:<10} {:.3} / {:.3} / {:.3}   {:.3}   ({} in test)",
                p.precision.unwrap_or(0.0),
                p.recall.unwrap_or(0.0),
                p.f1.unwrap_or(0.0),
                m,
                p.a_spans
            );
        }
        let o = &e.model.overall;
        println!(
            "labeller overall P {:.3} R {:.3} F1 {:.3}",
            o.precision.unwrap_or(0.0),
            o.recall.unwrap_or(0.0),
            o.f1.unwrap_or(0.0)
        );
    }
    if !timing {
        return Ok(());
    }
    // Training on at least 150,000 tokens: the training sentences repeated as needed.
    let mut big = Vec::new();
    while data::counts(&big).tokens < 150_000 {
        big.extend(train.iter().cloned());
    }
    let t = Instant::now();
    let model = suggest::train(&big, opts, &|| false)?;
    println!(
        "training on {} tokens: {:.1} s",
        data::counts(&big).tokens,
        t.elapsed().as_secs_f64()
    );
    // Suggesting for a 3,000-character article (test sentences as plain text, tokenized by Hashiya).
    let mut s = Store::open_in_memory()?;
    let all = std::fs::read_to_string(&args[2])?
        .split("\n\n")
        .map(|sent| sent.lines().filter_map(|l| l.split(' ').next()).collect::<Vec<_>>().join(" "))
        .collect::<Vec<_>>()
        .join("\n");
    let cut: String = all.chars().take(3001).collect();
    let text = cut[..cut.rfind(' ').unwrap_or(cut.len())].to_string();
    let id = s.with_tx(|tx| {
        Ok(hashiya::articles::insert(
            tx,
            &hashiya::articles::NewArticle { text: text.clone(), ..Default::default() },
        )?
        .id())
    })?;
    let info = s.with_tx(|tx| store::save_model(tx, &model))?;
    println!(
        "model stored: {:.1} MB ({} features, {} matcher forms)",
        info.bytes as f64 / 1e6,
        info.features,
        info.forms
    );
    let loaded = store::load_model(s.conn())?.ok_or("no model")?;
    let mut times = Vec::new();
    let mut found = 0;
    for _ in 0..21 {
        let t = Instant::now();
        let p = store::compute(s.conn(), &loaded, id)?;
        s.with_tx(|tx| store::replace(tx, id, &p))?;
        times.push(t.elapsed().as_secs_f64() * 1000.0);
        found = p.len();
    }
    times.sort_by(f64::total_cmp);
    println!(
        "suggestions for a {}-character article: median {:.1} ms, max {:.1} ms ({found} suggestions)",
        text.chars().count(),
        times[times.len() / 2],
        times[times.len() - 1]
    );
    Ok(())
}
