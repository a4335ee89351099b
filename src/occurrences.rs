//! "Annotate all occurrences": find the other places an entity's text occurs, in one article or the
//! whole project. Matching ignores harakat and tatweel, treats أ إ آ ا as one letter, ى/ي and ة/ه
//! as equal, allows clitic prefixes attached in front (بالرياض for الرياض, للرياض too), lets any run
//! of spaces stand for one, finds the spelling variants of names (`crate::variants`: عبداللطيف for
//! عبد اللطيف, احموشي for حموشي) and never matches inside a longer word. An occurrence starts where the
//! project's clitic setting starts a span on that word (`crate::clitics`: with `exclude`, بالرياض
//! gives الرياض and للرياض the whole word; with `include`, the whole word), so every span this
//! labels lines up with the tokens of a token export.

use crate::hits::context;
use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;

use crate::clitics::CliticMode;
use crate::error::Result;
use crate::variants::{self, Found, Name, Variant};

/// One place the text occurs.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Occurrence {
    pub article_id: i64,
    pub title: String,
    /// Code points into the article text.
    pub start: i64,
    pub end: i64,
    /// The text at `[start, end)`, as written there.
    pub text: String,
    /// Up to 40 characters before and after, within the paragraph, cut at whole words ("…" where cut).
    pub before: String,
    pub after: String,
    /// How the text here differs from what was looked for.
    pub variant: Variant,
}

/// Every occurrence of `needle` in `text`, as code-point ranges `[start, end)` of the text, spelling
/// variants included (see [`crate::variants`]), each starting where a span on that word starts under
/// the clitic setting `mode`.
pub fn find_in(text: &str, needle: &str, mode: CliticMode) -> Vec<(usize, usize)> {
    let mut found = crate::variants::find_name(text, needle);
    snap_starts(text, mode, &mut found);
    found.into_iter().map(|f| (f.start, f.end)).collect()
}

/// Move each match's start back to the start of the token it begins inside, as the tokenizer cuts
/// words under the clitic setting `mode` (the one clitic model): a match after a clitic the setting
/// keeps with the word (للرياض, or any prefix under `include`) then covers the whole word.
pub fn snap_starts(text: &str, mode: CliticMode, found: &mut [Found]) {
    if found.is_empty() {
        return;
    }
    let toks = crate::tokenize::tokenize(text, crate::tokenize::Options { clitics: mode });
    for f in found.iter_mut() {
        let k = toks.partition_point(|t| t.end <= f.start);
        if let Some(t) = toks.get(k).filter(|t| t.start < f.start && t.end >= f.end) {
            f.start = t.start;
        }
    }
}

/// The occurrence `f` of article `article_id` (its text as `chars`), with its context.
pub(crate) fn occurrence(article_id: i64, title: &str, chars: &[char], f: &Found) -> Occurrence {
    let (s, e) = (f.start, f.end);
    let (before, after) = context(chars, s, e);
    Occurrence {
        article_id,
        title: title.to_string(),
        start: s as i64,
        end: e as i64,
        text: chars[s..e].iter().collect(),
        before,
        after,
        variant: f.variant,
    }
}

/// Occurrences of `needle` in one article (`Some(id)`) or in every article (`None`). Project-wide,
/// the full-text index picks the candidate articles first (run `search::catch_up` before).
pub fn find(
    conn: &Connection,
    needle: &str,
    article: Option<i64>,
    limit: usize,
) -> Result<Vec<Occurrence>> {
    let Some(name) = Name::new(needle) else { return Ok(Vec::new()) };
    let names = [name];
    let mut ids: Vec<i64> = Vec::new();
    match article {
        Some(id) => ids.push(id),
        None => {
            let Some(expr) = variants::fts_query(&names) else { return Ok(Vec::new()) };
            let mut st = conn.prepare(
                "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?1 ORDER BY rowid",
            )?;
            let rows = st.query_map([expr], |r| r.get(0))?;
            ids = rows.collect::<rusqlite::Result<Vec<i64>>>()?;
        }
    }
    let mode = CliticMode::parse(&crate::settings::get(conn)?.clitics)?;
    let mut out = Vec::new();
    for id in ids {
        let a = crate::articles::get(conn, id)?;
        let chars: Vec<char> = a.text.chars().collect();
        let mut found = variants::find_names(&a.text, &names);
        snap_starts(&a.text, mode, &mut found);
        for f in found {
            out.push(occurrence(id, &a.title, &chars, &f));
            if out.len() >= limit {
                return Ok(out);
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn context_keeps_whole_words_inside_the_paragraph() {
        let ctx = |text: &str, needle: &str| {
            let chars: Vec<char> = text.chars().collect();
            let i = text.find(needle).map(|b| text[..b].chars().count()).unwrap_or(0);
            context(&chars, i, i + needle.chars().count())
        };
        let long = "أعلن الرئيس عبد الفتاح السيسي في القاهرة يوم 12 مارس 2024 أن شركة Siemens AG ستبني محطة جديدة في مدينة العلمين قرب القاهرة المصرية اليوم.";
        let cases: &[(&str, &str, &str, &str)] = &[
            ("زار الوفد الرباط أمس.", "الرباط", "زار الوفد ", " أمس."),
            ("سطر أول\nزار الوفد الرباط أمس.\nسطر ثالث", "الرباط", "زار الوفد ", " أمس."),
            ("سطر أول\r\nالرباط\r\nسطر", "الرباط", "", ""),
            (
                long,
                "العلمين",
                "…Siemens AG ستبني محطة جديدة في مدينة ",
                " قرب القاهرة المصرية اليوم.",
            ),
            (long, "السيسي", "أعلن الرئيس عبد الفتاح ", " في القاهرة يوم 12 مارس 2024 أن شركة…"),
        ];
        for (text, needle, before, after) in cases {
            assert_eq!(ctx(text, needle), (before.to_string(), after.to_string()), "{needle}");
        }
        // A window that starts or ends inside a word leaves that word out.
        let cut = format!("{} عن الرباط {}", "ب".repeat(45), "ك".repeat(45));
        assert_eq!(ctx(&cut, "الرباط"), ("…عن ".to_string(), "…".to_string()));
    }

    fn found(text: &str, needle: &str) -> Vec<String> {
        let chars: Vec<char> = text.chars().collect();
        find_in(text, needle, CliticMode::Exclude)
            .into_iter()
            .map(|(s, e)| chars[s..e].iter().collect())
            .collect()
    }

    #[test]
    fn matching_rules_table() {
        let cases: &[(&str, &str, &[&str])] = &[
            // clitics in front (the article stays in the span), never inside a longer word
            ("زار الرياض وبالرياض والرياضة للرياض", "الرياض", &["الرياض", "الرياض", "للرياض"]),
            ("عبد اللطيف الحموشي وللحموشي ولاحموشي", "حموشي", &["الحموشي", "للحموشي", "ولاحموشي"]),
            // harakat, tatweel, alef forms, ى/ي, ة/ه
            ("قَالَ أحمدُ إن مستشفى المدينـــة", "احمد", &["أحمدُ"]),
            ("مستشفى المدينـــة", "مستشفي المدينة", &["مستشفى المدينـــة"]),
            // the seed spellings: any spacing, the compound joined or not, the prothetic alef
            (
                "حموشي، عبداللطيف حموشي و عبد  اللطيف\nحموشي واحموشي",
                "عبد اللطيف حموشي",
                &["عبداللطيف حموشي", "عبد  اللطيف\nحموشي"],
            ),
            ("حموشي، عبداللطيف حموشي واحموشي", "حموشي", &["حموشي", "حموشي", "واحموشي"]),
            // Latin is case-folded, digits kept, no partial words
            ("وفد FBI و fbi وFBIs 2025", "FBI", &["FBI", "fbi"]),
            ("كَتَبَ الطالبُ", "الطالب", &["الطالبُ"]),
            ("", "x", &[]),
        ];
        for (text, needle, want) in cases {
            assert_eq!(
                found(text, needle),
                want.iter().map(|s| s.to_string()).collect::<Vec<_>>(),
                "{needle} in {text}"
            );
        }
    }
}
