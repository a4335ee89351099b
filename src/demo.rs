//! The built-in demo corpus (short Arabic news-style articles written for Hashiya) and the
//! demo project the app opens when no project file is given.

use std::path::{Path, PathBuf};

use crate::annotations::{self, NewSpan};
use crate::articles::{self, NewArticle};
use crate::error::{Error, Result};
use crate::model::Status;
use crate::store::Store;

/// (file name, text). The second article uses `\r\n` line ends on purpose.
pub fn articles() -> Vec<(&'static str, String)> {
    vec![
        ("01_smart_cities.txt", include_str!("../demo/01_smart_cities.txt").to_string()),
        ("02_final.txt", include_str!("../demo/02_final.txt").replace('\n', "\r\n")),
        ("03_phosphate.txt", include_str!("../demo/03_phosphate.txt").to_string()),
        ("04_hackathon.txt", include_str!("../demo/04_hackathon.txt").to_string()),
    ]
}

/// Example annotations by the analyst "demo": (article index, exact text, label).
const DEMO_SPANS: &[(usize, &str, &str)] = &[
    (0, "كريم بنعلي", "PER"),
    (0, "الرباط", "LOC"),
    (0, "Smart Cities 2026", "EVENT"),
    (0, "البنك الدولي", "ORG"),
    (0, "UNESCO", "ORG"),
    (0, "14 أبريل/نيسان 2026", "DATE"),
    (0, "Claire Dubois", "PER"),
    (1, "النجم الساحلي", "ORG"),
    (1, "يوسف الطرابلسي", "PER"),
    (2, "مجموعة OCP", "ORG"),
];

pub const DEMO_ANNOTATOR: &str = "demo";

/// Fill an empty project with the demo corpus (does nothing if it has articles).
pub fn fill(store: &mut Store) -> Result<()> {
    if articles::count(store.conn())? > 0 {
        return Ok(());
    }
    let docs = articles();
    store.with_tx(|tx| {
        let mut ids = Vec::new();
        for (name, text) in &docs {
            let a = NewArticle {
                title: articles::title_from_text(text),
                text: text.clone(),
                source: format!("demo/{name}"),
                ..Default::default()
            };
            ids.push(articles::insert(tx, &a)?.id());
        }
        for (idx, needle, label) in DEMO_SPANS {
            let (Some(text), Some(&article_id)) = (docs.get(*idx).map(|d| &d.1), ids.get(*idx))
            else {
                continue;
            };
            let Some(byte) = text.find(needle) else {
                return Err(Error::Invalid(format!(
                    "demo span {needle:?} is not in demo article {idx}"
                )));
            };
            let start = text[..byte].chars().count();
            let end = start + needle.chars().count();
            let span = NewSpan {
                article_id,
                start,
                end,
                label,
                annotator: DEMO_ANNOTATOR,
                note: "",
                created_at: None,
            };
            annotations::add_span(tx, &crate::text::CharIndex::new(text), &span, false)?;
        }
        if let Some(&first) = ids.first() {
            annotations::set_tag(tx, first, DEMO_ANNOTATOR, "economy", true, false, None)?;
            annotations::set_status(tx, first, DEMO_ANNOTATOR, Status::Done, None)?;
        }
        Ok(())
    })
}

/// Where the demo project lives: `$XDG_DATA_HOME/hashiya/demo.hashiya` (or `~/.local/share/...`).
pub fn default_path() -> PathBuf {
    let base = std::env::var_os("XDG_DATA_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| Path::new(&h).join(".local/share")))
        .unwrap_or_else(std::env::temp_dir);
    base.join("hashiya").join("demo.hashiya")
}

/// Open (creating and filling if needed) the demo project.
pub fn open_demo(path: &Path) -> Result<Store> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)
            .map_err(|e| Error::io(format!("cannot create {}", dir.display()), e))?;
    }
    let mut store = Store::open(path)?;
    fill(&mut store)?;
    Ok(store)
}
