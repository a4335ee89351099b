//! Arabic-aware tokenizer and sentence splitter for the token export formats (code-point offsets).
//!
//! Rules, in the spirit of spaCy's `spacy.blank("ar")`:
//! - whitespace separates tokens; so do invisible bidi marks (LRM, RLM, ALM, embeddings, isolates),
//!   which never end up inside a token (spaCy keeps them glued to the neighbouring word);
//! - punctuation at either end of a word is split off (`، ؛ ؟ « »` and Latin `. , ; : ! ? ( ) [ ] " '`…);
//!   a run of dots is one token (`...`);
//! - inside a word, `، ؛ ؟ « » ( ) [ ] { } " ! ?` and `/` between letters split; other marks stay
//!   (`12.5`, `1,000`, `10:30`, `O'Neil`, `e-mail`);
//! - clitics stay attached by default; [`Options::split_clitics`] splits a prefix such as
//!   `و ف ب ك ل ال وبال فل لل` when what remains is a plausible word of at least two letters;
//! - a grapheme cluster (a letter and its harakat, `\r\n`, an emoji ZWJ sequence) is never split.
//!
//! Sentences end after `. ! ? ؟ …` (with any closing quotes or brackets) and at line breaks.

use unicode_segmentation::UnicodeSegmentation;

/// One token: code points `[start, end)` into the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Options {
    /// Split clitic prefixes (و ف ب ك ل ال and their combinations) off Arabic words.
    pub split_clitics: bool,
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
    let mut out = Vec::new();
    let mut run: Vec<G> = Vec::new();
    let mut cp = 0;
    for s in text.graphemes(true) {
        let n = s.chars().count();
        let g = G { start: cp, end: cp + n, s };
        cp += n;
        if is_space(&g) {
            if !run.is_empty() {
                chunk(&run, opts, &mut out);
                run.clear();
            }
        } else {
            run.push(g);
        }
    }
    if !run.is_empty() {
        chunk(&run, opts, &mut out);
    }
    out
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
fn chunk(gs: &[G], opts: Options, out: &mut Vec<Token>) {
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

/// Clitic prefixes, longest first (compared on base letters, ignoring harakat).
const PREFIXES: &[&str] = &[
    "وبال", "وكال", "فبال", "فكال", "ولل", "فلل", "وال", "فال", "بال", "كال", "لل", "وب", "وك",
    "ول", "فب", "فك", "فل", "ال", "و", "ف", "ب", "ك", "ل",
];

fn is_arabic_letter(c: char) -> bool {
    matches!(c, '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}' | '\u{0671}'..='\u{06D3}')
}

/// A word, optionally with its clitic prefix split off.
fn word(gs: &[G], opts: Options, out: &mut Vec<Token>) {
    if gs.is_empty() {
        return;
    }
    if opts.split_clitics && gs.iter().all(|g| is_arabic_letter(g.first()) || g.first() == 'ـ') {
        let base: Vec<char> = gs.iter().map(G::first).collect();
        for p in PREFIXES {
            let n = p.chars().count();
            if base.len() < n + 2 || !base[..n].iter().copied().eq(p.chars()) {
                continue;
            }
            // The rest must look like a word: at least two letters, no tatweel.
            if base[n..].iter().all(|c| is_arabic_letter(*c)) {
                out.push(Token { start: gs[0].start, end: gs[n - 1].end });
                out.push(Token { start: gs[n].start, end: gs[gs.len() - 1].end });
                return;
            }
        }
    }
    out.push(Token { start: gs[0].start, end: gs[gs.len() - 1].end });
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

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str, split_clitics: bool) -> Vec<String> {
        let chars: Vec<char> = text.chars().collect();
        tokenize(text, Options { split_clitics })
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
            ("الاجتماع\u{200c} في", &["الاجتماع\u{200c}", "في"]),
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
        let cases: &[(&str, &[&str])] = &[
            ("وبالمدينة", &["وبال", "مدينة"]),
            ("فلما", &["فل", "ما"]),
            ("للمدينة", &["لل", "مدينة"]),
            ("والرباط", &["وال", "رباط"]),
            ("بيت", &["ب", "يت"]),
            ("ولد", &["و", "لد"]),
            ("وَبِالمدينةِ", &["وَبِال", "مدينةِ"]),
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
        let bounds = crate::text::grapheme_boundaries(text);
        for opts in [Options::default(), Options { split_clitics: true }] {
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
            let toks = tokenize(text, Options::default());
            assert_eq!(sentences(text, &toks), *want, "{text:?}");
        }
    }
}
