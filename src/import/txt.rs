//! Plain-text import: one UTF-8 file is one article; its first non-empty line is the title.

use rusqlite::Transaction;

use super::{decode_utf8, ImportReport, ImportedArticle};
use crate::articles::{self, Inserted, NewArticle};
use crate::error::Result;

pub(super) fn import_txt(tx: &Transaction, name: &str, bytes: &[u8], report: &mut ImportReport) -> Result<()> {
    let text = match decode_utf8(bytes) {
        Ok(t) => t,
        Err((line, reason)) => {
            report.reject(name, Some(line), reason);
            return Ok(());
        }
    };
    if text.trim().is_empty() {
        report.reject(name, None, "the file is empty");
        return Ok(());
    }
    let source = std::path::Path::new(name).file_name().map(|f| f.to_string_lossy().into_owned()).unwrap_or_default();
    let article = NewArticle { title: articles::title_from_text(text), text: text.to_string(), source, ..Default::default() };
    let inserted = articles::insert(tx, &article)?;
    let item = ImportedArticle { file: name.to_string(), line: None, article_id: inserted.id(), title: article.title, new_spans: 0, new_tags: 0 };
    match inserted {
        Inserted::New(_) => report.imported.push(item),
        Inserted::Duplicate(_) => report.duplicates.push(item),
    }
    Ok(())
}
