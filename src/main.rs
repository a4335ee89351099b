//! The `hashiya` command line: import, export and browser mode over the core library.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use hashiya::import::{self, ImportOptions, ImportReport};
use hashiya::{demo, export, serve, Error, Store};

#[derive(Parser)]
#[command(
    name = "hashiya",
    version,
    about = "Annotate Arabic news articles and export training data."
)]
struct Cli {
    /// The project file (SQLite). Created if missing. `serve` without it opens the demo project.
    #[arg(long, global = true, value_name = "FILE")]
    db: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Import text, HTML pages, CSV/TSV, native JSONL, doccano, Label Studio, Prodigy and CoNLL/IOB files, or folders of them.
    /// Ctrl+C cancels: the file in progress is rolled back, files already imported stay (exit 130).
    Import {
        /// Who made annotations in the files that do not name their annotator
        /// (CoNLL files default to the file's name).
        #[arg(long, value_name = "NAME")]
        annotator: Option<String>,
        /// Read every file as this format instead of detecting it from its name and content.
        #[arg(long, value_parser = clap::builder::PossibleValuesParser::new(import::FORMAT_NAMES.iter().copied().chain(["brat"])))]
        format: Option<String>,
        /// CoNLL: put at most N sentences in one article (default: one article per -DOCSTART- document;
        /// 50 for a file without blank lines, cut into sentences at sentence-final tokens).
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
        sentences_per_article: Option<u32>,
        /// CoNLL: file the entities of tag column N under annotator NAME:N, to export each column back on its own.
        #[arg(long)]
        columns_as_annotators: bool,
        /// The unit of other tools' span offsets (default: utf16 for doccano, codepoint for the others;
        /// grapheme for a doccano project in grapheme mode). Without it, a file whose offsets most
        /// likely count another unit is stopped before anything is written, naming that unit.
        #[arg(long, value_parser = ["utf16", "codepoint", "utf8", "grapheme"])]
        offsets: Option<String>,
        /// Label Studio: the analyst behind a user id in `completed_by` / JSON-MIN's `annotator`
        /// (repeatable), for exports that carry ids but no emails.
        #[arg(long, value_name = "ID=NAME")]
        annotator_map: Vec<String>,
        /// Other tools' spans that split a character cluster: reject the record and list them
        /// (default), expand them to the cluster's edges, or skip them; both counted in the report.
        #[arg(long, value_parser = ["reject", "expand", "skip"])]
        misaligned: Option<String>,
        /// CSV/TSV: the column holding the article text (default: text, body, content, article).
        #[arg(long, value_name = "NAME")]
        text_column: Option<String>,
        /// CSV/TSV: the column holding the title (default: title, headline).
        #[arg(long, value_name = "NAME")]
        title_column: Option<String>,
        /// CSV/TSV: the column holding the page's URL (default: url, link).
        #[arg(long, value_name = "NAME")]
        url_column: Option<String>,
        /// CSV/TSV: the column holding the publication date (default: date, published_at).
        #[arg(long, value_name = "NAME")]
        date_column: Option<String>,
        /// Plain text: drop web boilerplate lines (share counters, SEO scores, subscribe and comment
        /// lines, related-article footers) before storing; the report lists every dropped line.
        #[arg(long)]
        clean: bool,
        /// Print the report as JSON instead of text.
        #[arg(long)]
        json: bool,
        /// Files or folders (searched recursively).
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
    },
    /// Export the project's articles and annotations.
    Export {
        /// Output format: jsonl (native, lossless), spans, doccano, labelstudio, prodigy, hf, conll,
        /// or brat (a folder: --out DIR).
        #[arg(long, default_value = "jsonl", value_parser = clap::builder::PossibleValuesParser::new(export::FORMATS.iter().copied().chain(["brat"])))]
        format: String,
        /// Write to FILE (atomically, with FILE.manifest.json beside it) instead of standard output.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// Only these annotators' work (comma-separated; default: everyone).
        #[arg(long, value_name = "A,B", value_delimiter = ',')]
        annotators: Vec<String>,
        /// Only articles with this status (by one of the chosen annotators; todo also matches none).
        #[arg(long, value_parser = ["done", "in_progress", "todo"])]
        status: Option<String>,
        /// Only articles with this tag.
        #[arg(long, value_name = "T")]
        tag: Option<String>,
        /// Only articles whose title or text contains Q.
        #[arg(long, value_name = "Q")]
        query: Option<String>,
        /// Rename a span label (repeatable); renaming onto an existing label merges them.
        #[arg(long, value_name = "OLD=NEW")]
        rename: Vec<String>,
        /// Leave out spans with this label (repeatable).
        #[arg(long, value_name = "LABEL")]
        drop: Vec<String>,
        /// Span labels at this depth of the label hierarchy: 1 writes `ORG` for `ORG.GOV` (a label whose
        /// parent is ORG); labels no deeper stay as they are.
        #[arg(long, value_name = "N")]
        labels_at_depth: Option<usize>,
        /// Train/dev/test ratios by article, e.g. 0.8,0.1,0.1: writes <stem>.train/.dev/.test.<ext>.
        #[arg(long, value_name = "R,R,R", requires = "out")]
        split: Option<String>,
        /// Seed of the split.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Offset unit for jsonl and spans (grapheme: as a doccano project in grapheme mode counts).
        #[arg(long, default_value = "codepoint", value_parser = ["codepoint", "utf16", "utf8", "grapheme"])]
        offsets: String,
        /// Token formats: what to do with a span whose edge falls inside a token (default: refuse and list them).
        #[arg(long, value_parser = ["expand", "split", "skip"])]
        misaligned: Option<String>,
        /// Token formats: split clitic prefixes (و ف ب ك ل before ال…) off Arabic words (= --clitics exclude).
        #[arg(long)]
        split_clitics: bool,
        /// Token formats: exclude (clitic prefixes are tokens of their own, where selections leave
        /// them out) or include (whole words); default: the project's clitic setting.
        #[arg(long, value_parser = ["exclude", "include"], conflicts_with = "split_clitics")]
        clitics: Option<String>,
        /// hf: write ner_tags as class ids into FILE.labels.json (ids, the default, as Hugging Face
        /// token-classification data sets do) or as tag names (strings).
        #[arg(long, default_value = "ids", value_parser = ["ids", "strings"])]
        hf_tags: String,
        /// Export the reviewers' adjudicated gold layer instead of the analysts' annotations.
        #[arg(long, conflicts_with = "annotators")]
        gold: bool,
        /// With --gold: also export articles not yet marked adjudicated (with the gold spans they have so far).
        #[arg(long, requires = "gold")]
        include_unadjudicated: bool,
        /// Only spans made by hand (analyst) or accepted suggestions (suggestion).
        #[arg(long, value_parser = ["analyst", "suggestion"])]
        origin: Option<String>,
    },
    /// Agreement between analysts: span F1 (exact and overlap), Cohen's and Fleiss' kappa, Krippendorff's alpha.
    Agreement {
        /// Compare these analysts (comma-separated); default: everyone who annotated.
        #[arg(long, value_delimiter = ',', value_name = "A,B,…")]
        annotators: Vec<String>,
        /// Print the full report as JSON.
        #[arg(long)]
        json: bool,
        /// How many articles to list, most disagreement first.
        #[arg(long, default_value_t = 10, value_name = "N")]
        top: usize,
        /// Compare span labels at this depth of the label hierarchy (1: `ORG.GOV` counts as `ORG`).
        #[arg(long, value_name = "N")]
        labels_at_depth: Option<usize>,
    },
    /// The label schema as a file: export it (native JSON, a Label Studio labeling config, doccano
    /// label types) to set up a peer project, or import one of those into this project.
    Schema {
        #[command(subcommand)]
        action: SchemaAction,
    },
    /// Suggestions learnt from the project's own annotations (offline): train, apply, evaluate.
    Suggest {
        #[command(subcommand)]
        action: SuggestCmd,
    },
    /// The entity registry: list entities with alias and mention counts, link all mentions of one, or
    /// import a gazetteer (CSV or JSONL of names, types and aliases).
    Entities {
        /// Print the list as JSON.
        #[arg(long)]
        json: bool,
        #[command(subcommand)]
        action: Option<EntitiesAction>,
    },
    /// Back the project up now, into FILE.backups/ (rolling: the newest 20 are kept).
    Backup,
    /// Restore the project from a backup (the current state is backed up first); without BACKUP, list them.
    Restore {
        /// A backup file, as listed by `restore` without arguments.
        #[arg(value_name = "BACKUP")]
        backup: Option<PathBuf>,
    },
    /// Browser mode: serve the UI and the commands on 127.0.0.1 and print the URL to open.
    Serve {
        /// Port on 127.0.0.1 (0 picks a free one).
        #[arg(long, default_value_t = 4817)]
        port: u16,
        /// Folder of the built UI (default: ui/dist of this checkout, or $HASHIYA_UI_DIR).
        #[arg(long, value_name = "DIR")]
        ui: Option<PathBuf>,
    },
}

#[derive(Subcommand)]
enum SchemaAction {
    /// Write the schema: labels (colours, keys, descriptions, parents), tags, and in the native
    /// format also relation types and span attributes.
    Export {
        /// native (Hashiya JSON), labelstudio (labeling config XML) or doccano (span-type JSON).
        #[arg(long, default_value = "native", value_parser = clap::builder::PossibleValuesParser::new(hashiya::schema_file::FORMATS))]
        format: String,
        /// Write to FILE instead of standard output.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Set the project's schema up from a native, Label Studio or doccano schema file: labels,
    /// relation types and span attributes are added or take the file's settings; none is deleted.
    Import {
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
}

#[derive(Subcommand)]
enum SuggestCmd {
    /// Train the matcher and the sequence labeller on the labelled articles and store the model.
    Train {
        /// Learn from these analysts (comma-separated; default: everyone). The gold layer wins where it exists.
        #[arg(long, value_delimiter = ',', value_name = "A,B,…")]
        annotators: Vec<String>,
        /// Print the result as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Write suggestions (never spans) for articles, replacing those waiting there.
    Apply {
        /// One article (its number in the project).
        #[arg(long, value_name = "ID", conflicts_with = "all")]
        article: Option<i64>,
        /// Every article.
        #[arg(long)]
        all: bool,
        /// Print the result as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Train on a seeded split of the labelled articles and report precision, recall and F1
    /// (exact span and label) on the rest, overall and per label.
    Evaluate {
        /// The share of labelled articles to train on.
        #[arg(long, default_value_t = 0.8)]
        split: f64,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Learn from and score against these analysts (comma-separated; default: everyone).
        #[arg(long, value_delimiter = ',', value_name = "A,B,…")]
        annotators: Vec<String>,
        /// Print the report as JSON.
        #[arg(long)]
        json: bool,
    },
}

fn suggest(db: PathBuf, action: SuggestCmd) -> Result<ExitCode, Error> {
    use hashiya::suggest::run;
    let mut store = Store::open(&db)?;
    match action {
        SuggestCmd::Train { annotators, json } => {
            let t = run::train(store.conn_mut(), &annotators, &|| false)?;
            if json {
                println!("{}", serde_json::to_string_pretty(&t)?);
            } else {
                let i = &t.info;
                println!(
                    "trained on {} articles, {} sentences, {} tokens, {} spans in {:.1} s; model {:.1} MB ({} labels: {})",
                    i.articles, i.sentences, i.tokens, i.spans, i.seconds,
                    i.bytes as f64 / 1e6, i.labels.len(), i.labels.join(", ")
                );
            }
        }
        SuggestCmd::Apply { article, all, json } => {
            let ids: Vec<i64> = match (article, all) {
                (Some(id), _) => vec![id],
                (None, true) => {
                    let mut st = store.conn().prepare("SELECT id FROM articles ORDER BY id")?;
                    let ids = st.query_map([], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
                    ids
                }
                (None, false) => {
                    return Err(Error::Invalid("say which articles: --article ID or --all".into()))
                }
            };
            let done = run::apply(store.conn_mut(), &ids)?;
            if json {
                let v: Vec<_> = done
                    .iter()
                    .map(|(id, n)| serde_json::json!({"article": id, "suggestions": n}))
                    .collect();
                println!("{}", serde_json::to_string_pretty(&v)?);
            } else {
                let total: usize = done.iter().map(|d| d.1).sum();
                println!("{total} suggestions on {} articles", done.len());
            }
        }
        SuggestCmd::Evaluate { split, seed, annotators, json } => {
            let e = run::evaluate(store.conn(), &annotators, split, seed)?;
            if json {
                println!("{}", serde_json::to_string_pretty(&e)?);
            } else {
                print!("{}", run::text_report(&e));
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

#[derive(Subcommand)]
enum EntitiesAction {
    /// Link every mention of entity ID in the corpus (its aliases and their spelling variants): the
    /// annotator's spans there are linked, unlabelled places become spans of the entity's type.
    LinkAll {
        #[arg(value_name = "ID")]
        id: String,
        /// Whose spans to link and create.
        #[arg(long, value_name = "NAME", default_value = "cli")]
        annotator: String,
    },
    /// Import a gazetteer: CSV/TSV with a header (name, type, aliases separated by | or ;, latin,
    /// description, external_id, id) or JSONL ({"type","name","aliases":[…],…}, as STEM.entities.jsonl).
    Import {
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// Recorded as the entities' creator.
        #[arg(long, value_name = "NAME", default_value = "cli")]
        annotator: String,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    if !matches!(cli.command, Command::Serve { .. }) {
        quiet_on_closed_pipe();
    }
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

/// `hashiya entities …`.
fn entities_command(
    store: &mut Store,
    json: bool,
    action: Option<EntitiesAction>,
) -> Result<ExitCode, Error> {
    match action {
        None => {
            let list = hashiya::entities::list(store.conn(), None, None, None)?;
            if json {
                println!("{}", serde_json::to_string_pretty(&list)?);
            } else {
                for s in &list {
                    let e = &s.entity;
                    println!(
                        "{}\t{}\t{}\t{} aliases\t{} mentions in {} articles",
                        e.id,
                        e.label,
                        e.name,
                        e.aliases.len(),
                        s.mentions,
                        s.articles
                    );
                }
                eprintln!("{} entities", list.len());
            }
            Ok(ExitCode::SUCCESS)
        }
        Some(EntitiesAction::LinkAll { id, annotator }) => {
            let req = hashiya::api::entities::MentionsReq {
                id: id.clone(),
                annotator: annotator.clone(),
                limit: Some(100_000),
            };
            let found = hashiya::api::entities::mentions(store, &req)?;
            let places: Vec<hashiya::entities::MentionPlace> = found
                .items
                .iter()
                .filter(|m| {
                    matches!(
                        m.action,
                        hashiya::entities::MentionAction::Create
                            | hashiya::entities::MentionAction::Link
                    )
                })
                .map(|m| hashiya::entities::MentionPlace {
                    article_id: m.at.article_id,
                    start: m.at.start,
                    end: m.at.end,
                })
                .collect();
            let done = store
                .with_tx(|tx| hashiya::entities::link_mentions(tx, &id, &annotator, &places))?;
            if json {
                println!("{}", serde_json::to_string_pretty(&done)?);
            } else {
                for (what, spans) in [("created", &done.created), ("linked", &done.linked)] {
                    for s in spans.iter() {
                        println!(
                            "{what}\tarticle {}\t[{}, {})\t{}",
                            s.article_id, s.start, s.end, s.text
                        );
                    }
                }
                let already = found
                    .items
                    .iter()
                    .filter(|m| m.action == hashiya::entities::MentionAction::Linked)
                    .count();
                println!(
                    "{}: {} spans created, {} linked, {} already linked, {} left alone; new aliases: {}",
                    done.entity,
                    done.created.len(),
                    done.linked.len(),
                    already,
                    found.items.len() - places.len() - already + done.skipped as usize,
                    if done.aliases_added.is_empty() { "none".to_string() } else { done.aliases_added.join(", ") }
                );
            }
            Ok(ExitCode::SUCCESS)
        }
        Some(EntitiesAction::Import { file, annotator }) => {
            let r = hashiya::gazetteer::import_file(store.conn_mut(), &file, &annotator)?;
            if json {
                println!("{}", serde_json::to_string_pretty(&r)?);
            } else {
                for k in &r.created {
                    println!("created\t{k}");
                }
                for k in &r.updated {
                    println!("updated\t{k}");
                }
                for (line, why) in &r.rejected {
                    println!("rejected\t{}:{line}: {why}", file.display());
                }
                println!(
                    "{} created, {} updated, {} rejected",
                    r.created.len(),
                    r.updated.len(),
                    r.rejected.len()
                );
            }
            Ok(if r.rejected.is_empty() { ExitCode::SUCCESS } else { ExitCode::FAILURE })
        }
    }
}

/// `hashiya … | head`: when the reader goes away, stop quietly like other Unix tools instead of
/// failing on the next write. (Not for `serve`, which must outlive whoever started it.)
fn quiet_on_closed_pipe() {
    #[cfg(unix)]
    // SAFETY: restoring the default disposition of SIGPIPE at start-up, before any thread exists.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}

fn require_db(db: Option<PathBuf>, what: &str) -> Result<PathBuf, Error> {
    db.ok_or_else(|| Error::Invalid(format!("--db FILE is required: which project should {what}?")))
}

fn run(cli: Cli) -> Result<ExitCode, Error> {
    match cli.command {
        Command::Import {
            annotator,
            format,
            sentences_per_article,
            columns_as_annotators,
            offsets,
            annotator_map,
            misaligned,
            text_column,
            title_column,
            url_column,
            date_column,
            clean,
            json,
            paths,
        } => {
            let mut store = Store::open(&require_db(cli.db, "the articles go into")?)?;
            let opts = ImportOptions {
                annotator,
                format: format.as_deref().and_then(import::Format::parse),
                sentences_per_article: sentences_per_article.map(|n| n as usize),
                columns_as_annotators,
                offsets: offsets.as_deref().map(import::OffsetUnit::parse).transpose()?,
                misaligned: misaligned
                    .as_deref()
                    .map(import::Misaligned::parse)
                    .transpose()?
                    .unwrap_or_default(),
                columns: import::Columns {
                    text: text_column,
                    title: title_column,
                    url: url_column,
                    date: date_column,
                },
                clean,
                control: import::Control::new(Some(progress_line("importing"))),
                annotator_map: annotator_map
                    .iter()
                    .map(|m| match m.split_once('=') {
                        Some((id, name)) if !id.trim().is_empty() && !name.trim().is_empty() => {
                            Ok((id.trim().to_string(), name.trim().to_string()))
                        }
                        _ => Err(Error::Invalid(format!(
                            "--annotator-map {m:?} must look like ID=NAME (e.g. 2=salma)"
                        ))),
                    })
                    .collect::<Result<_, Error>>()?,
            };
            cancel_on_ctrl_c(opts.control.clone(), "the file in progress is rolled back");
            // A bulk import inserts at random places in several indexes (content hashes, spans): 128 MB
            // of page cache keeps them in memory on 100,000-article projects (the budget is 200 MB).
            store.conn().pragma_update(None, "cache_size", -128_000)?;
            let t0 = std::time::Instant::now();
            let report = if format.as_deref() == Some("brat") {
                // brat standoff: each PATH is a folder of .txt + .ann pairs (and annotation.conf).
                import::brat::import_dirs(&mut store, &paths, &opts)?
            } else {
                import::import_paths(&mut store, &paths, &opts)?
            };
            let stored = t0.elapsed().as_secs_f64();
            end_progress_line();
            let n = report.imported_total() as f64;
            eprintln!("stored in {stored:.2} s ({:.0} articles/s)", n / stored.max(1e-9));
            // Search is complete when the import reports done.
            let pending = hashiya::search::pending(store.conn())?;
            if pending > 0 {
                let t1 = std::time::Instant::now();
                hashiya::search::catch_up(store.conn_mut(), 1000, |done, total| {
                    eprint!("\rindexing for search: {done}/{total}")
                })?;
                let secs = t1.elapsed().as_secs_f64();
                eprintln!(
                    "\rindexed {pending} articles for search in {secs:.2} s ({:.0} articles/s)",
                    pending as f64 / secs.max(1e-9)
                );
            }
            if json {
                println!("{}", serde_json::to_string_pretty(&report)?);
            } else {
                print_report(&report);
            }
            Ok(if !report.cancelled.is_empty() {
                ExitCode::from(130)
            } else if report.rejected.is_empty() {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            })
        }
        Command::Entities { json, action } => {
            let mut store = Store::open(&require_db(cli.db, "the entities are in")?)?;
            entities_command(&mut store, json, action)
        }
        Command::Export {
            format,
            out,
            annotators,
            status,
            tag,
            query,
            rename,
            drop,
            labels_at_depth,
            split,
            seed,
            offsets,
            misaligned,
            split_clitics,
            clitics,
            hf_tags,
            gold,
            include_unadjudicated,
            origin,
        } => {
            let store = Store::open(&require_db(cli.db, "be exported")?)?;
            let brat = format == "brat";
            let opts = export::ExportOptions {
                format: if brat { export::Format::Jsonl } else { export::Format::parse(&format)? },
                annotators,
                status: status.as_deref().and_then(hashiya::model::Status::parse),
                tag,
                query,
                rename: rename.iter().map(|r| export::parse_rename(r)).collect::<Result<_, _>>()?,
                drop,
                labels_at_depth,
                split: split.as_deref().map(export::parse_split).transpose()?,
                seed,
                offsets: export::OffsetUnit::parse(&offsets)?,
                misaligned: misaligned
                    .as_deref()
                    .map(export::Misaligned::parse)
                    .transpose()?
                    .unwrap_or_default(),
                split_clitics,
                clitics: clitics.as_deref().map(hashiya::clitics::CliticMode::parse).transpose()?,
                hf_tags: export::HfTags::parse(&hf_tags)?,
                gold: gold.then_some(if include_unadjudicated {
                    export::GoldScope::IncludeUnadjudicated
                } else {
                    export::GoldScope::Adjudicated
                }),
                origin,
                control: import::Control::new(Some(progress_line("exporting"))),
            };
            opts.control.set_total(1);
            opts.control.start_file(
                &out.as_ref()
                    .map(|p| p.display().to_string())
                    .unwrap_or_else(|| "standard output".into()),
            );
            if brat {
                // brat standoff: a folder of .txt + .ann per article and annotation.conf.
                let dir = out.ok_or_else(|| {
                    Error::Invalid("--format brat writes a folder: give --out DIR".into())
                })?;
                let t = export::brat::export_dir(store.conn(), &opts, &dir)?;
                end_progress_line();
                eprintln!(
                    "exported {} articles, {} spans, {} relations → {}",
                    t.articles,
                    t.spans,
                    t.relations,
                    dir.display()
                );
                for n in t.notes() {
                    eprintln!("note: {n}");
                }
                return Ok(ExitCode::SUCCESS);
            }
            cancel_on_ctrl_c(opts.control.clone(), "the export stops and writes nothing");
            let result = match out {
                Some(path) => export::export_file_with(store.conn(), &opts, &path),
                None => {
                    let stdout = std::io::stdout();
                    let mut w = std::io::BufWriter::new(stdout.lock());
                    export::export_with(store.conn(), &opts, &mut w).and_then(|r| {
                        w.flush()
                            .map(|()| r)
                            .map_err(|e| Error::io("cannot write to standard output", e))
                    })
                }
            };
            end_progress_line();
            if opts.control.is_cancelled() {
                eprintln!("export cancelled: no file was written");
                return Ok(ExitCode::from(130));
            }
            let report = result?;
            let t = &report.total;
            eprintln!("exported {} articles, {} spans, {} tags", t.articles, t.spans, t.tags);
            for f in &report.files {
                eprintln!(
                    "  {}: {} articles, {} spans → {}",
                    f.split, f.counts.articles, f.counts.spans, f.path
                );
            }
            for n in t.notes() {
                eprintln!("note: {n}");
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Agreement { annotators, json, top, labels_at_depth } => {
            let store = Store::open(&require_db(cli.db, "be measured")?)?;
            let report = hashiya::review::agreement::agreement_at_depth(
                store.conn(),
                &annotators,
                top,
                labels_at_depth,
            )?;
            if json {
                println!("{}", serde_json::to_string_pretty(&report)?);
            } else {
                print!("{}", hashiya::review::text_report(&report));
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Suggest { action } => suggest(require_db(cli.db, "learn from")?, action),
        Command::Backup => {
            let mut store = Store::open(&require_db(cli.db, "be backed up")?)?;
            if let Some(path) = store.backup("manual")? {
                println!("{}", path.display());
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Schema { action } => schema(require_db(cli.db, "the schema belongs to")?, action),
        Command::Restore { backup } => {
            let db = require_db(cli.db, "be restored")?;
            let Some(from) = backup else {
                let all = hashiya::backup::list(&db)?;
                if all.is_empty() {
                    println!("no backups of {} yet", db.display());
                }
                for b in all {
                    println!("{}", b.display());
                }
                return Ok(ExitCode::SUCCESS);
            };
            let mut store = Store::open(&db)?;
            let safety = store.restore(&from)?;
            println!(
                "restored {} from {}; the state before is saved as {}",
                db.display(),
                from.display(),
                safety.display()
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Serve { port, ui } => {
            let store = match cli.db {
                Some(path) => Store::open(&path)?,
                None => demo::open_demo(&demo::default_path())?,
            };
            let project = store.path().map(|p| p.display().to_string()).unwrap_or_default();
            if let Some(path) = store.path() {
                // Detached: if it fails, searches catch up in the foreground instead.
                drop(hashiya::search::catch_up_in_background(path.to_path_buf()));
            }
            let rt = tokio::runtime::Builder::new_multi_thread()
                .worker_threads(2)
                .enable_all()
                .build()
                .map_err(|e| Error::io("cannot start the server runtime", e))?;
            rt.block_on(async {
                let server = serve::Server::bind(
                    store,
                    port,
                    ui.unwrap_or_else(serve::default_ui_dir),
                    serve::new_token(),
                )
                .await?;
                // A closed stdout (the launcher stopped reading) must not stop the server.
                let mut out = std::io::stdout();
                let _ = writeln!(
                    out,
                    "Hashiya is serving {project}\nOpen {}\nPress Ctrl+C to stop.",
                    server.url()
                );
                let _ = out.flush();
                server.run().await
            })?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// A progress line on standard error: rewritten in place on a terminal, else a plain line every 5 s.
fn progress_line(verb: &'static str) -> Box<dyn Fn(&import::Progress) + Send + Sync> {
    use std::io::IsTerminal;
    let terminal = std::io::stderr().is_terminal();
    let last = std::sync::Mutex::new(std::time::Instant::now());
    Box::new(move |p: &import::Progress| {
        if !terminal {
            match last.lock() {
                Ok(mut t) if t.elapsed() >= std::time::Duration::from_secs(5) => {
                    *t = std::time::Instant::now()
                }
                _ => return,
            }
        }
        let secs = p.elapsed.as_secs_f64().max(1e-9);
        let line = format!(
            "{verb}: file {}/{}, {} records ({:.0}/s), {:.0} s — {}",
            (p.files_done + 1).min(p.files_total),
            p.files_total,
            p.records,
            p.records as f64 / secs,
            secs,
            p.file
        );
        if terminal {
            eprint!("\r{line}\x1b[K");
        } else {
            eprintln!("{line}");
        }
    })
}

/// Clear the in-place progress line.
fn end_progress_line() {
    use std::io::IsTerminal;
    if std::io::stderr().is_terminal() {
        eprint!("\r\x1b[K");
    }
}

/// Ctrl+C cancels the import (the file in progress rolls back); a second one stops at once, and
/// SQLite rolls the open transaction back all the same.
fn cancel_on_ctrl_c(control: import::Control, what: &'static str) {
    std::thread::spawn(move || {
        let Ok(rt) = tokio::runtime::Builder::new_current_thread().enable_all().build() else {
            return;
        };
        rt.block_on(async {
            if tokio::signal::ctrl_c().await.is_ok() {
                eprintln!("\ncancelling: {what} (Ctrl+C again to stop at once)");
                control.cancel();
            }
            if tokio::signal::ctrl_c().await.is_ok() {
                std::process::exit(130);
            }
        });
    });
}

fn print_report(r: &ImportReport) {
    for a in &r.imported {
        let at = a.line.map(|l| format!(":{l}")).unwrap_or_default();
        println!(
            "imported   {}{at} → article {} «{}» ({} spans, {} tags; {})",
            a.file, a.article_id, a.title, a.new_spans, a.new_tags, a.encoding
        );
    }
    for a in &r.duplicates {
        let at = a.line.map(|l| format!(":{l}")).unwrap_or_default();
        let added = if a.new_spans + a.new_tags > 0 {
            format!("; added {} spans, {} tags", a.new_spans, a.new_tags)
        } else {
            String::new()
        };
        println!("duplicate  {}{at} — same text as article {}{added}", a.file, a.article_id);
    }
    for x in &r.rejected {
        let at = x.line.map(|l| format!(":{l}")).unwrap_or_default();
        println!("rejected   {}{at}: {}", x.file, x.reason);
    }
    for x in &r.left_out {
        let at = x.line.map(|l| format!(":{l}")).unwrap_or_default();
        println!("left out   {}{at}: {}", x.file, x.reason);
    }
    for f in &r.skipped_files {
        println!("skipped    {f} (not a file type Hashiya imports)");
    }
    for x in &r.notes {
        let at = x.line.map(|l| format!(":{l}")).unwrap_or_default();
        println!("note       {}{at}: {}", x.file, x.reason);
    }
    if let Some((first, rest)) = r.cancelled.split_first() {
        println!("cancelled  {first} (rolled back: nothing of it was written)");
        for f in rest {
            println!("cancelled  {f} (not started)");
        }
    }
    if r.imported_not_listed + r.duplicates_not_listed > 0 {
        println!(
            "…          and {} more imported, {} more duplicate articles (only the first {} of each are listed)",
            r.imported_not_listed,
            r.duplicates_not_listed,
            import::LISTED
        );
    }
    if !r.labels_added.is_empty() {
        println!("new labels added to the schema: {}", r.labels_added.join(", "));
    }
    if r.spans_expanded + r.spans_skipped > 0 {
        println!(
            "spans that split a character cluster: {} expanded to its edges, {} left out",
            r.spans_expanded, r.spans_skipped
        );
    }
    println!(
        "{}{}{}",
        r.summary(),
        if r.left_out.is_empty() {
            String::new()
        } else {
            format!("; {} annotations left out", r.left_out.len())
        },
        if r.cancelled.is_empty() {
            String::new()
        } else {
            format!("; cancelled: {} files not imported", r.cancelled.len())
        },
    );
    if !r.entities.is_empty() {
        let mut counts: Vec<(&String, &i64)> = r.entities.iter().collect();
        counts.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        let list: Vec<String> = counts.iter().map(|(l, n)| format!("{l} {n}")).collect();
        println!("entities by label: {}", list.join(", "));
    }
}

/// `hashiya schema export|import`.
fn schema(db: PathBuf, action: SchemaAction) -> Result<ExitCode, Error> {
    use hashiya::schema_file;
    let mut store = Store::open(&db)?;
    match action {
        SchemaAction::Export { format, out } => {
            let (text, lost) = schema_file::write(&schema_file::read(store.conn())?, &format)?;
            match out {
                Some(path) => std::fs::write(&path, text.as_bytes())
                    .map_err(|e| Error::io(format!("cannot write {}", path.display()), e))?,
                None => std::io::stdout()
                    .write_all(text.as_bytes())
                    .map_err(|e| Error::io("cannot write to standard output".to_string(), e))?,
            }
            for l in lost {
                eprintln!("note: not in this format: {l}");
            }
        }
        SchemaAction::Import { file } => {
            let text = std::fs::read_to_string(&file)
                .map_err(|e| Error::io(format!("cannot read {}", file.display()), e))?;
            let parsed = schema_file::parse(&text)
                .map_err(|e| Error::Invalid(format!("{}: {e}", file.display())))?;
            store.autobackup()?;
            let done = store.with_tx(|tx| schema_file::apply(tx, &parsed))?;
            for (what, names) in
                [("added", &done.added), ("updated", &done.updated), ("unchanged", &done.unchanged)]
            {
                if !names.is_empty() {
                    println!("{what}: {}", names.join(", "));
                }
            }
            for n in &done.notes {
                println!("note: {n}");
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
