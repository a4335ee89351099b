//! Arabic-aware tokenizer and sentence splitter for the token export formats (code-point offsets).
//!
//! Rules, in the spirit of spaCy's `spacy.blank("ar")`:
//! - whitespace separates tokens; so do invisible bidi marks (LRM, RLM, ALM, embeddings, isolates),
//!   which never end up inside a token (spaCy keeps them glued to the neighbouring word);
//! - punctuation at either end of a word is split off (`، ؛ ؟ « »` and Latin `. , ; : ! ? ( ) [ ] " '`…);
//!   a run of dots is one token (`...`);
//! - inside a word, `، ؛ ؟ « » ( ) [ ] { } " ! ?` and `/` between letters split; other marks stay
//!   (`12.5`, `1,000`, `10:30`, `O'Neil`, `e-mail`);
//! - with [`Options::clitics`] = `exclude` a word's clitic prefix is a token of its own, split where
//!   the clitic model (`crate::clitics`) starts the stem, the same place a selection of the word starts
//!   (`والرياض` → `و` `الرياض`, `للرياض` stays whole); with `include` words stay whole;
//! - tokens are cut only at span edges (`crate::text::clusters`): a letter and its harakat, `\r\n`
//!   and an emoji sequence are never split; a join control (ZWNJ, ZWJ) inside a word stays in it
//!   (`می‌خواهم` is one token) and one at either end of a word belongs to no token.
//!
//! Sentences end after `. ! ? ؟ …` (with any closing quotes or brackets) and at line breaks.

use std::collections::HashSet;

use crate::clitics::CliticMode;

/// One token: code points `[start, end)` into the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Options {
    /// `Exclude`: clitic prefixes (و ف ب ك ل before the article…) are tokens of their own, as
    /// `crate::clitics` says. `Include`: whole words.
    pub clitics: CliticMode,
}

impl Options {
    /// Whole words, whatever the project's setting.
    pub const WHOLE_WORDS: Options = Options { clitics: CliticMode::Include };
}

/// A grapheme cluster with its code-point range.
#[derive(Debug, Clone, Copy)]
struct G<'a> {
    start: usize,
    end: usize,
    s: &'a str,
}

impl G<'_> {
    fn first(&self) -> char {
        self.s.chars().next().unwrap_or(' ')
    }
}

fn is_bidi_mark(c: char) -> bool {
    matches!(c, '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

fn is_joiner(g: &G) -> bool {
    crate::text::is_join_control(g.first())
}

fn is_space(g: &G) -> bool {
    g.s.chars().all(|c| c.is_whitespace() || is_bidi_mark(c))
}

/// Punctuation split off at the edges of a word.
fn is_punct(c: char) -> bool {
    c.is_ascii_punctuation()
        || matches!(
            c,
            '،' | '؛'
                | '؟'
                | '٪'
                | '٫'
                | '٬'
                | '۔'
                | '«'
                | '»'
                | '‹'
                | '›'
                | '“'
                | '”'
                | '‘'
                | '’'
                | '„'
                | '‚'
                | '…'
                | '–'
                | '—'
                | '‐'
                | '•'
                | '·'
                | '¡'
                | '¿'
        )
}

/// Punctuation split off even inside a word.
fn splits_inside(c: char) -> bool {
    matches!(
        c,
        '،' | '؛'
            | '؟'
            | '«'
            | '»'
            | '('
            | ')'
            | '['
            | ']'
            | '{'
            | '}'
            | '"'
            | '“'
            | '”'
            | '!'
            | '?'
            | '…'
    )
}

fn is_sentence_end(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| matches!(c, '.' | '!' | '?' | '؟' | '…' | '۔'))
}

fn is_closing(s: &str) -> bool {
    matches!(s, "»" | "”" | "’" | "\"" | "'" | ")" | "]" | "}" | "›")
}

fn punct_g(g: &G) -> bool {
    g.s.chars().count() == 1 && is_punct(g.first())
}

/// Tokens of `text`, in order, with code-point offsets. Graphemes are read as a stream and only one
/// whitespace-free chunk is held at a time (a 50 MB article once held 28 M graphemes here, ≈ 900 MB).
pub fn tokenize(text: &str, opts: Options) -> Vec<Token> {
    let known = match opts.clitics {
        CliticMode::Exclude => Some(crate::clitics::word_set(text)),
        CliticMode::Include => None,
    };
    let ctx = Ctx { known: known.as_ref() };
    let mut out = Vec::new();
    let mut run: Vec<G> = Vec::new();
    let mut cp = 0;
    for s in crate::text::clusters(text) {
        let n = s.chars().count();
        let g = G { start: cp, end: cp + n, s };
        cp += n;
        if is_space(&g) {
            if !run.is_empty() {
                chunk(&run, &ctx, &mut out);
                run.clear();
            }
        } else {
            run.push(g);
        }
    }
    if !run.is_empty() {
        chunk(&run, &ctx, &mut out);
    }
    out
}

/// What splitting words needs: the article's normalised words when clitics are split.
struct Ctx<'a> {
    known: Option<&'a HashSet<String>>,
}

/// Length in graphemes of the punctuation token at the front of `gs` (a run of dots is one).
fn punct_len(gs: &[G]) -> usize {
    if gs[0].s == "." {
        gs.iter().take_while(|g| g.s == ".").count()
    } else {
        1
    }
}

/// One whitespace-free chunk: peel punctuation off both ends, then split the middle.
fn chunk(gs: &[G], opts: &Ctx, out: &mut Vec<Token>) {
    let (mut a, mut b) = (0, gs.len());
    while a < b && punct_g(&gs[a]) {
        let n = punct_len(&gs[a..b]);
        out.push(Token { start: gs[a].start, end: gs[a + n - 1].end });
        a += n;
    }
    let mut tail = Vec::new();
    while a < b && punct_g(&gs[b - 1]) {
        let mut n = 1;
        if gs[b - 1].s == "." {
            n = gs[a..b].iter().rev().take_while(|g| g.s == ".").count();
        }
        tail.push(Token { start: gs[b - n].start, end: gs[b - 1].end });
        b -= n;
    }
    // The middle: split at inside-splitting marks and at `/` between letters.
    let mut w = a;
    for k in a..b {
        let c = gs[k].first();
        let inside = punct_g(&gs[k])
            && (splits_inside(c)
                || (c == '/'
                    && k > a
                    && k + 1 < b
                    && gs[k - 1].first().is_alphabetic()
                    && gs[k + 1].first().is_alphabetic()));
        if inside {
            word(&gs[w..k], opts, out);
            out.push(Token { start: gs[k].start, end: gs[k].end });
            w = k + 1;
        }
    }
    word(&gs[w..b], opts, out);
    out.extend(tail.into_iter().rev());
}

fn is_arabic_letter(c: char) -> bool {
    matches!(c, '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}' | '\u{0671}'..='\u{06D3}')
}

/// A word (join controls at its ends left out), split after its clitic prefix when asked.
fn word(gs: &[G], ctx: &Ctx, out: &mut Vec<Token>) {
    let (mut a, mut b) = (0, gs.len());
    while a < b && is_joiner(&gs[a]) {
        a += 1;
    }
    while a < b && is_joiner(&gs[b - 1]) {
        b -= 1;
    }
    let gs = &gs[a..b];
    if gs.is_empty() {
        return;
    }
    let (start, end) = (gs[0].start, gs[gs.len() - 1].end);
    if let Some(known) = ctx.known {
        if gs.iter().all(|g| is_arabic_letter(g.first()) || g.first() == 'ـ') {
            let w: String = gs.iter().map(|g| g.s).collect();
            let k = crate::clitics::stem_start(&w, &|s| known.contains(s));
            if k > 0 {
                out.push(Token { start, end: start + k });
                out.push(Token { start: start + k, end });
                return;
            }
        }
    }
    out.push(Token { start, end });
}

/// Token indices at which each sentence starts (the first is 0 when there are tokens).
pub fn sentences(text: &str, tokens: &[Token]) -> Vec<usize> {
    let mut starts = Vec::new();
    if tokens.is_empty() {
        return starts;
    }
    starts.push(0);
    let mut chars = text.chars();
    let mut at = 0; // code point of the next char from `chars`
    let mut ended = false;
    let mut word = String::new();
    for (k, t) in tokens.iter().enumerate() {
        // The gap before the token: does it hold a line break?
        let mut line_break = false;
        while at < t.start {
            if let Some(c) = chars.next() {
                line_break |= matches!(
                    c,
                    '\n' | '\r' | '\u{2028}' | '\u{2029}' | '\u{85}' | '\u{0B}' | '\u{0C}'
                );
            }
            at += 1;
        }
        word.clear();
        while at < t.end {
            word.extend(chars.next());
            at += 1;
        }
        if k > 0 && (line_break || (ended && !is_closing(&word))) && starts.last() != Some(&k) {
            starts.push(k);
            ended = false;
        }
        if is_sentence_end(&word) {
            ended = true;
        } else if !is_closing(&word) {
            ended = false;
        }
    }
    starts
}

/// The article's own tokens from `meta.tokens` (and `meta.sentences`), or the tokenizer's.
/// Returns tokens, sentence starts, and whether they came from the source. Token exports, agreement
/// and suggestions all read an article's tokens here.
pub fn article_tokens(
    a: &crate::model::Article,
    clitics: crate::clitics::CliticMode,
) -> crate::error::Result<(Vec<Token>, Vec<usize>, bool)> {
    let bad = |what: &str| {
        crate::error::Error::Invalid(format!(
            "article {} has a meta.{what} that is not usable: {}",
            a.ext_id,
            hint(what)
        ))
    };
    match a.meta.get("tokens") {
        Some(v) => {
            let len = crate::text::cp_len(&a.text);
            let pairs = v.as_array().ok_or_else(|| bad("tokens"))?;
            let mut tokens = Vec::with_capacity(pairs.len());
            let mut prev = 0;
            for p in pairs {
                let (s, e) = match p.as_array().map(|x| x.as_slice()) {
                    Some([s, e]) => (
                        s.as_u64().ok_or_else(|| bad("tokens"))? as usize,
                        e.as_u64().ok_or_else(|| bad("tokens"))? as usize,
                    ),
                    _ => return Err(bad("tokens")),
                };
                if s < prev || s >= e || e > len {
                    return Err(bad("tokens"));
                }
                tokens.push(Token { start: s, end: e });
                prev = e;
            }
            let sentences = match a.meta.get("sentences") {
                Some(v) => {
                    let list = v.as_array().ok_or_else(|| bad("sentences"))?;
                    let mut out: Vec<usize> = Vec::with_capacity(list.len());
                    for x in list {
                        let i = x.as_u64().ok_or_else(|| bad("sentences"))? as usize;
                        if i >= tokens.len() || out.last().is_some_and(|&l| i <= l) {
                            return Err(bad("sentences"));
                        }
                        out.push(i);
                    }
                    if out.first() != Some(&0) && !tokens.is_empty() {
                        out.insert(0, 0);
                    }
                    out
                }
                None => sentences(&a.text, &tokens),
            };
            Ok((tokens, sentences, true))
        }
        None => {
            let tokens = tokenize(&a.text, Options { clitics });
            let sentences = sentences(&a.text, &tokens);
            Ok((tokens, sentences, false))
        }
    }
}

fn hint(what: &str) -> &'static str {
    if what == "tokens" {
        "it must list increasing, non-overlapping [start, end] code-point pairs inside the text"
    } else {
        "it must list increasing token indices"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str, split_clitics: bool) -> Vec<String> {
        let chars: Vec<char> = text.chars().collect();
        let clitics = if split_clitics { CliticMode::Exclude } else { CliticMode::Include };
        tokenize(text, Options { clitics })
            .iter()
            .map(|t| chars[t.start..t.end].iter().collect())
            .collect()
    }

    #[test]
    fn tokens_table() {
        let cases: &[(&str, &[&str])] = &[
            ("وصل إلى الرباط.", &["وصل", "إلى", "الرباط", "."]),
            ("قال «نعم» ثم، ذهب؛ هل؟", &["قال", "«", "نعم", "»", "ثم", "،", "ذهب", "؛", "هل", "؟"]),
            ("(FBI) 12.5 و1,000 10:30!", &["(", "FBI", ")", "12.5", "و1,000", "10:30", "!"]),
            ("فبراير/شباط 2025", &["فبراير", "/", "شباط", "2025"]),
            ("كَتَبَ الطالبُ", &["كَتَبَ", "الطالبُ"]),
            ("قــــال المتحدث", &["قــــال", "المتحدث"]),
            ("المبرمجة 👩🏽‍💻 ليلى", &["المبرمجة", "👩🏽‍💻", "ليلى"]),
            ("علم 🇲🇦 المغرب", &["علم", "🇲🇦", "المغرب"]),
            ("السطر\r\nوالسطر", &["السطر", "والسطر"]),
            ("قال \u{200f}الوزير\u{200e} Claire", &["قال", "الوزير", "Claire"]),
            ("الاجتماع\u{200c} في", &["الاجتماع", "في"]),
            (
                "من می\u{200c}خواهم، خبرگزاری\u{200c}ها\u{200c}",
                &["من", "می\u{200c}خواهم", "،", "خبرگزاری\u{200c}ها"],
            ),
            ("ليلى\u{200d}👩🏽\u{200d}💻 وصلت", &["ليلى\u{200d}👩🏽\u{200d}💻", "وصلت"]),
            ("الرباط... ثم", &["الرباط", "...", "ثم"]),
            ("\"كلمة\" و'x'", &["\"", "كلمة", "\"", "و'x", "'"]),
            ("O'Neil e-mail", &["O'Neil", "e-mail"]),
            ("كلمة،كلمة", &["كلمة", "،", "كلمة"]),
            ("   ", &[]),
            ("", &[]),
        ];
        for (text, want) in cases {
            assert_eq!(words(text, false), *want, "{text:?}");
        }
    }

    #[test]
    fn clitic_table() {
        // The clitic model's cuts (crate::clitics); the article stays with its stem.
        let cases: &[(&str, &[&str])] = &[
            ("وبالمدينة", &["وب", "المدينة"]),
            ("فلما", &["فلما"]),
            ("للمدينة", &["للمدينة"]),
            ("وللمدينة", &["و", "للمدينة"]),
            ("والرباط", &["و", "الرباط"]),
            ("بيت", &["بيت"]),
            ("ولد", &["ولد"]),
            ("وَبِالمدينةِ", &["وَبِ", "المدينةِ"]),
            ("وحموشي قال حموشي", &["و", "حموشي", "قال", "حموشي"]),
            ("لي", &["لي"]),
            ("وا", &["وا"]),
            ("FBI", &["FBI"]),
            ("لـ FBI", &["لـ", "FBI"]),
            ("و12", &["و12"]),
        ];
        for (text, want) in cases {
            assert_eq!(words(text, true), *want, "{text:?}");
        }
        assert_eq!(words("وبالمدينة", false), vec!["وبالمدينة"]);
    }

    #[test]
    fn offsets_are_code_points_and_never_split_graphemes() {
        let text = "😀 قالَ «FBI»\r\nوال 👩🏽‍💻.";
        let bounds = crate::text::edges(text);
        for opts in [Options::WHOLE_WORDS, Options { clitics: CliticMode::Exclude }] {
            let toks = tokenize(text, opts);
            for t in &toks {
                assert!(t.start < t.end);
                assert!(
                    bounds.binary_search(&t.start).is_ok() && bounds.binary_search(&t.end).is_ok(),
                    "{t:?}"
                );
            }
            assert!(toks.windows(2).all(|w| w[0].end <= w[1].start));
        }
    }

    #[test]
    fn sentence_table() {
        let cases: &[(&str, &[usize])] = &[
            ("جملة أولى. جملة ثانية! ثالثة؟ رابعة", &[0, 3, 6, 8]),
            ("قال «نعم.» ثم ذهب", &[0, 5]),
            ("سطر\r\nسطر آخر\n\nثالث", &[0, 1, 3]),
            ("العدد 12.5 مرتفع", &[0]),
            ("انتظر... ثم", &[0, 2]),
            ("", &[]),
        ];
        for (text, want) in cases {
            let toks = tokenize(text, Options::WHOLE_WORDS);
            assert_eq!(sentences(text, &toks), *want, "{text:?}");
        }
    }
}
