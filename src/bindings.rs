//! TypeScript declarations of every type that crosses the command edge, generated with ts-rs.
//! `ui/src/bindings.ts` is this output, committed; `tests/core/bindings.rs` fails when it is stale.

use ts_rs::{Config, TS};

use crate::api::jobs::{JobReq, JobStatus, JOB_COMMANDS};
use crate::api::occurrences::*;
use crate::api::relations::*;
use crate::api::review::*;
use crate::api::schema::*;
use crate::api::*;
use crate::articles::{ListFilter, Sort};
use crate::error::ApiError;
use crate::import::{ImportReport, ImportedArticle, Rejection};
use crate::labels::{LabelEdit, Usage};
use crate::model::*;
use crate::occurrences::Occurrence;
use crate::relation_types::{AttributeEdit, RelationSchema, RelationTypeEdit};
use crate::review::agreement::*;
use crate::review::compare::{Agreed, Comparison, Disagreement, Kind, TagDifference};
use crate::review::gold::{Decision, DecisionLog, GoldSpan, ReviewComment};
use crate::review::metrics::Prf;
use crate::review::progress::{AnalystProgress, MyProgress, Progress};
use crate::review::relation_diff::{
    AttributeDisagreement, Place, RelationDiffKind, RelationDisagreement, RelationVote,
};
use crate::settings::Settings;

macro_rules! decls {
    ($cfg:expr, $($t:ty),* $(,)?) => {
        vec![$(format!("export {}", <$t as TS>::decl($cfg))),*]
    };
}

/// The whole generated `ui/src/bindings.ts`.
pub fn typescript() -> String {
    // Ids and offsets are far below 2^53: plain numbers in TypeScript.
    let cfg = &Config::new().with_large_int("number");
    let mut out = String::from(
        "// Generated from the Rust types by `UPDATE_BINDINGS=1 cargo test --test core bindings`. Do not edit.\n\n",
    );
    let decls = decls!(
        cfg,
        ApiError,
        LabelKind,
        Label,
        Status,
        ArticleSummary,
        Article,
        Span,
        Tag,
        AnnotatorStatus,
        ProjectInfo,
        ListArticlesReq,
        ArticlePage,
        GetArticleReq,
        ArticleView,
        AddSpanReq,
        AddedSpan,
        UpdateSpanReq,
        DeleteSpanReq,
        DeleteSpansReq,
        SetTagReq,
        SetStatusReq,
        ImportFile,
        ImportFilesReq,
        ImportedArticle,
        Rejection,
        ImportReport,
        ExportReq,
        ExportFile,
        ExportResult,
        Done,
        Prf,
        Kind,
        Agreed,
        Disagreement,
        TagDifference,
        Comparison,
        GoldSpan,
        ReviewComment,
        DecisionLog,
        Decision,
        ReviewArticleReq,
        ReviewView,
        AdjudicateReq,
        AcceptAgreeingReq,
        GoldTagReq,
        AdjudicatedReq,
        CommentReq,
        AgreementReq,
        LabelPair,
        PairAgreement,
        LabelGroup,
        GroupAgreement,
        RankedArticle,
        AgreementReport,
        Occurrence,
        FindOccurrencesReq,
        FoundOccurrence,
        OccurrencesResult,
        SpanPlace,
        AddSpansReq,
        AddSpansResult,
        Sort,
        ListFilter,
        LabelEdit,
        Usage,
        LabelIdReq,
        DeleteLabelReq,
        Settings,
        SetSettingsReq,
        AnalystProgress,
        Progress,
        MyProgressReq,
        MyProgress,
        JobReq,
        JobStatus,
        RelationType,
        AttrKind,
        SpanAttribute,
        Relation,
        RelationSchema,
        RelationTypeEdit,
        AttributeEdit,
        DeleteRelationTypeReq,
        AddRelationReq,
        AddedRelation,
        UpdateRelationReq,
        DeleteRelationReq,
        SetSpanAttrsReq,
        Place,
        RelationDiffKind,
        RelationVote,
        RelationDisagreement,
        AttributeDisagreement,
    );
    for d in decls {
        out.push_str(&d);
        out.push_str("\n\n");
    }
    out.push_str(
        "/** Every command, with its request and response types. */\nexport type Commands = {\n",
    );
    for (name, req, resp) in COMMAND_TYPES
        .iter()
        .chain(REVIEW_COMMANDS)
        .chain(OCCURRENCE_COMMANDS)
        .chain(SCHEMA_COMMANDS)
        .chain(JOB_COMMANDS)
        .chain(RELATION_COMMANDS)
    {
        out.push_str(&format!("  {name}: {{ req: {req}; res: {resp} }};\n"));
    }
    out.push_str("};\n");
    out
}

/// (command, request type, response type), in the order of [`COMMANDS`].
const COMMAND_TYPES: &[(&str, &str, &str)] = &[
    ("project_info", "Record<string, never>", "ProjectInfo"),
    ("list_articles", "ListArticlesReq", "ArticlePage"),
    ("get_article", "GetArticleReq", "ArticleView"),
    ("list_labels", "Record<string, never>", "Array<Label>"),
    ("add_span", "AddSpanReq", "AddedSpan"),
    ("update_span", "UpdateSpanReq", "Span"),
    ("delete_span", "DeleteSpanReq", "Done"),
    ("delete_spans", "DeleteSpansReq", "Done"),
    ("set_tag", "SetTagReq", "Array<Tag>"),
    ("set_status", "SetStatusReq", "Array<AnnotatorStatus>"),
    ("import_files", "ImportFilesReq", "ImportReport"),
    ("export", "ExportReq", "ExportResult"),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_command_has_types() {
        let names: Vec<&str> = COMMAND_TYPES.iter().map(|c| c.0).collect();
        assert_eq!(names, COMMANDS);
    }
}
