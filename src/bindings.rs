//! TypeScript declarations of every type that crosses the command edge, generated with ts-rs.
//! `ui/src/bindings.ts` is this output, committed; `tests/core/bindings.rs` fails when it is stale.

use ts_rs::{Config, TS};

use crate::api::clitics::{CliticCuts, CliticCutsReq};
use crate::api::desktop::*;
use crate::api::entities::*;
use crate::api::jobs::{JobReq, JobStatus};
use crate::api::misaligned::{MisalignedSpan, MisalignedSpans};
use crate::api::occurrences::*;
use crate::api::registry::Route;
use crate::api::relations::*;
use crate::api::review::*;
use crate::api::schema::*;
use crate::api::search::*;
use crate::api::suggest::*;
use crate::api::titles::SetTitleReq;
use crate::api::*;
use crate::articles::{ListFilter, Sort};
use crate::entities::{
    CoEntity, Entity, EntityArticle, EntityChange, EntityRelation, EntitySummary, EntityView,
    LinkedMentions, Mention, MentionAction, MentionPlace, Proposal,
};
use crate::error::{ApiError, ErrorKind};
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
    AttributeDisagreement, LinkDisagreement, Place, RelationDiffKind, RelationDisagreement,
    RelationVote,
};
use crate::search::Snippet;
use crate::settings::Settings;
use crate::suggest::eval::Scores;
use crate::suggest::next::{NextBy, NextPick};
use crate::suggest::run::Trained;
use crate::suggest::store::{SuggestSettings, Suggestion};
use crate::suggest::{Evaluation, Mode, ModelInfo};
use crate::titles::TitleEdit;
use crate::variants::Variant;

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
        crate::review::gold_relations::GoldRelation,
        ReviewComment,
        DecisionLog,
        Decision,
        ReviewArticleReq,
        ReviewView,
        AdjudicateReq,
        crate::api::review::AdjudicateAllReq,
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
        Variant,
        Occurrence,
        Snippet,
        SearchHitsReq,
        SearchHit,
        SetTitleReq,
        TitleEdit,
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
        ErrorKind,
        ExportToFileReq,
        OpenProjectReq,
        NewProjectReq,
        MenuEventsReq,
        MenuAction,
        Opened,
        Switched,
        ExportDone,
        Exported,
        Mode,
        SuggestSettings,
        Suggestion,
        Scores,
        Evaluation,
        ModelInfo,
        Trained,
        SuggestTrainReq,
        SuggestState,
        SuggestionsReq,
        SuggestionIdsReq,
        Rejected,
        SetSuggestSettingsReq,
        NextBy,
        NextPick,
        SuggestNextReq,
        Entity,
        EntitySummary,
        EntityChange,
        Proposal,
        MentionAction,
        Mention,
        MentionPlace,
        LinkedMentions,
        EntityArticle,
        CoEntity,
        EntityView,
        EntityRelation,
        ListEntitiesReq,
        EntityIdReq,
        EntityViewReq,
        CreateEntityReq,
        UpdateEntityReq,
        AliasReq,
        LinkSpanReq,
        LinkSpanResult,
        ProposalsReq,
        MentionsReq,
        MentionsResult,
        LinkMentionsReq,
        UndoLinkMentionsReq,
        MergeEntitiesReq,
        MergeResult,
        UnmergeReq,
        SplitEntityReq,
        CliticCutsReq,
        CliticCuts,
        MisalignedSpan,
        MisalignedSpans,
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
        LinkDisagreement,
    );
    for d in decls {
        out.push_str(&d);
        out.push_str("\n\n");
    }
    out.push_str(
        "/** Every command, with its request and response types. */\nexport type Commands = {\n",
    );
    for c in crate::api::commands() {
        out.push_str(&format!("  {}: {{ req: {}; res: {} }};\n", c.name, c.req, c.res));
    }
    out.push_str("};\n");
    out.push_str(
        "/** Commands the desktop shell answers itself (Tauri commands of their own, not `api`). */\n",
    );
    let shell: Vec<String> = crate::api::commands()
        .filter(|c| c.route == Route::Desktop)
        .map(|c| format!("{:?}", c.name))
        .collect();
    out.push_str(&format!("export const SHELL_COMMANDS = [{}] as const;\n", shell.join(", ")));
    out
}
