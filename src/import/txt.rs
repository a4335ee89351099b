//! Plain-text import: one UTF-8 file is one article; its first non-empty line is the title (after a
//! web copy's site lines). With `clean`, web boilerplate lines are dropped first (`webcopy::clean`).

use rusqlite::Transaction;

use super::{ImportOptions, ImportReport, ImportedArticle};
use crate::articles::{self, Inserted, NewArticle};
use crate::error::Result;

pub(super) fn import_txt(
    tx: &Transaction,
    name: &str,
    text: &str,
    opts: &ImportOptions,
    report: &mut ImportReport,
) -> Result<()> {
    opts.control.step()?;
    if text.trim().is_empty() {
        report.reject(name, None, "the file is empty");
        return Ok(());
    }
    let cleaned;
    let text = if opts.clean {
        let (kept, dropped) = crate::webcopy::clean(text);
        for d in &dropped {
            report.note(name, Some(d.line), format!("dropped ({}): {}", d.why, d.text));
        }
        if kept.trim().is_empty() {
            report.reject(name, None, "nothing but boilerplate lines is left after --clean");
            return Ok(());
        }
        cleaned = kept;
        cleaned.as_str()
    } else {
        text
    };
    let source = std::path::Path::new(name)
        .file_name()
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or_default();
    let article = NewArticle {
        title: articles::title_from_text(text),
        text: text.to_string(),
        source,
        ..Default::default()
    };
    let inserted = super::staging::insert_article(tx, &article)?;
    let item = ImportedArticle {
        file: name.to_string(),
        line: None,
        article_id: inserted.id(),
        title: article.title,
        new_spans: 0,
        new_tags: 0,
        encoding: String::new(),
    };
    match inserted {
        Inserted::New(_) => report.imported.push(item),
        Inserted::Duplicate(_) => report.duplicates.push(item),
    }
    Ok(())
}
