//! The spans a token export would refuse, by article (number and title), for the export dialog to
//! list in words before the analyst picks what to do with them.

use serde::Serialize;
use serde_json::Value;
use ts_rs::TS;

use crate::api::registry::{by_name, Command};
use crate::api::{args, to_json, ExportReq};
use crate::error::Result;
use crate::store::Store;

#[derive(Debug, Clone, Serialize, TS)]
pub struct MisalignedSpan {
    /// The article's number in the project, and its title.
    pub article_id: i64,
    pub title: String,
    /// Code points into the article text.
    pub start: i64,
    pub end: i64,
    pub label: String,
    pub annotator: String,
    pub text: String,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct MisalignedSpans {
    /// Every span of the export with an edge inside a token (empty for other formats).
    pub spans: Vec<MisalignedSpan>,
}

/// The spans a token export would refuse, named for the export dialog.
pub const COMMANDS: &[Command] =
    &[by_name!(Store, "misaligned_spans", ExportReq => MisalignedSpans, run)];

/// Run a misaligned-span command; `None` if `cmd` is not one.
pub(crate) fn run(store: &mut Store, cmd: &str, a: Value) -> Option<Result<Value>> {
    Some(match cmd {
        "misaligned_spans" => args::<ExportReq>(cmd, a).and_then(|r| {
            let o = r.options()?;
            let mut spans = Vec::new();
            if o.format.is_token_based() {
                for m in crate::export::misaligned(store.conn(), &o)? {
                    spans.push(MisalignedSpan {
                        article_id: m.article_id,
                        title: m.title,
                        start: m.start as i64,
                        end: m.end as i64,
                        label: m.label,
                        annotator: m.annotator,
                        text: m.text,
                    });
                }
            }
            to_json(MisalignedSpans { spans })
        }),
        _ => return None,
    })
}
