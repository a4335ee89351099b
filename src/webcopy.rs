//! Web copies saved as plain text: the site lines a copy starts with (domain, site name), which
//! title detection skips, and the boilerplate lines `import --clean` drops (share counters, SEO
//! scores, subscribe and comment-form lines, related-article footers). Whole lines only, matched
//! against short fixed phrases, so a line of article prose is never taken for boilerplate.

use crate::normalize::normalize;

/// Whole lines that are boilerplate, normalised (harakat gone, alef forms as ا, ة as ه, lower case).
const WHOLE: &[(&str, &str)] = &[
    ("اترك تعليقا", "comment form"),
    ("اترك تعليق", "comment form"),
    ("اترك ردا", "comment form"),
    ("اترك رد", "comment form"),
    ("اضف تعليقا", "comment form"),
    ("اضف تعليق", "comment form"),
    ("اكتب تعليقا", "comment form"),
    ("اكتب تعليقك", "comment form"),
    ("التعليقات", "comment form"),
    ("leave a comment", "comment form"),
    ("leave a reply", "comment form"),
    ("add a comment", "comment form"),
    ("post a comment", "comment form"),
    ("comments", "comment form"),
    ("مقالات ذات صله", "related articles"),
    ("اخبار ذات صله", "related articles"),
    ("مواضيع ذات صله", "related articles"),
    ("شاهد ايضا", "related articles"),
    ("اقرا ايضا", "related articles"),
    ("اقرا المزيد", "related articles"),
    ("قد يعجبك ايضا", "related articles"),
    ("related articles", "related articles"),
    ("related posts", "related articles"),
    ("related news", "related articles"),
    ("read more", "related articles"),
    ("read also", "related articles"),
    ("see also", "related articles"),
    ("you may also like", "related articles"),
    ("اغلاق", "page widget"),
    ("close", "page widget"),
    ("زر الذهاب الي الاعلي", "page widget"),
    ("العوده الي الاعلي", "page widget"),
    ("back to top", "page widget"),
    ("طباعه", "page widget"),
    ("print", "page widget"),
    ("شارك", "share buttons"),
    ("مشاركه", "share buttons"),
    ("share", "share buttons"),
    ("share this", "share buttons"),
    ("share this article", "share buttons"),
];

/// Lines that start with these (then, for related links, `:` or `-`) are boilerplate.
const START: &[(&str, &str)] = &[
    ("لن يتم نشر عنوان بريدك الالكتروني", "comment form"),
    ("your email address will not be published", "comment form"),
];
const LINK_START: &[&str] = &["اقرا ايضا", "شاهد ايضا", "read also", "read more", "see also"];

/// Short lines holding these are subscribe prompts.
const SUBSCRIBE: &[&str] = &[
    "اشترك الان",
    "اشترك في النشره",
    "اشترك في قناتنا",
    "النشره البريديه",
    "subscribe now",
    "subscribe to our",
    "sign up for our newsletter",
];

/// What a share or view counter counts.
const COUNTED: &[&str] = &[
    "share",
    "shares",
    "view",
    "views",
    "comment",
    "comments",
    "مشاركه",
    "مشاركات",
    "مشاهده",
    "مشاهدات",
    "تعليق",
    "تعليقات",
];

/// A line with at least this many words is prose; the head (where a bare number is a share counter)
/// ends at the second such line, the first being the title.
const PROSE_WORDS: usize = 6;

/// Normalised, lower-cased, without the punctuation and spaces around it, one space between words.
fn key(line: &str) -> String {
    let n = normalize(line);
    let trimmed = n.trim_matches(|c: char| {
        c.is_whitespace() || c.is_ascii_punctuation() || "،؛؟…»«".contains(c)
    });
    trimmed.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn digit(c: char) -> bool {
    c.is_ascii_digit()
        || ('\u{0660}'..='\u{0669}').contains(&c)
        || ('\u{06F0}'..='\u{06F9}').contains(&c)
}

/// `example.com`, `www.example.co.uk`, `https://example.com/`: a line that is only a domain.
pub fn is_domain(line: &str) -> bool {
    let l = line.trim().to_ascii_lowercase();
    let l = l.strip_prefix("https://").or_else(|| l.strip_prefix("http://")).unwrap_or(&l);
    let l = l.strip_prefix("www.").unwrap_or(l).trim_end_matches('/');
    let labels: Vec<&str> = l.split('.').collect();
    labels.len() >= 2
        && labels
            .iter()
            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
        && labels.last().is_some_and(|t| {
            (2..=24).contains(&t.len()) && t.chars().all(|c| c.is_ascii_alphabetic())
        })
}

/// The site's name after its domain: a short line without sentence punctuation that spells the
/// domain's name (its first letters), or that has no Arabic letter while the text goes on in Arabic.
fn is_site_name(line: &str, domain: &str, next: Option<&str>) -> bool {
    let words = line.split_whitespace().count();
    if words == 0 || words > 5 || line.contains(['.', '،', ':', '؟', '?', '!']) {
        return false;
    }
    let d = domain.trim().to_ascii_lowercase();
    let d = d.strip_prefix("https://").or_else(|| d.strip_prefix("http://")).unwrap_or(&d);
    let name = d.strip_prefix("www.").unwrap_or(d).split('.').next().unwrap_or("");
    let letters: String =
        line.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect();
    let stem: String = name.chars().filter(|c| c.is_alphanumeric()).take(4).collect();
    let arabic = |s: &str| s.chars().any(|c| ('\u{0621}'..='\u{064A}').contains(&c));
    (!stem.is_empty() && letters.starts_with(&stem)) || (!arabic(line) && next.is_some_and(arabic))
}

/// The line numbers (0-based, into `text.lines()`) of the site lines a web copy starts with: a
/// domain as its first non-empty line, and the site's name right after it.
pub fn site_lines(text: &str) -> Vec<usize> {
    let lines: Vec<(usize, &str)> =
        text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()).take(3).collect();
    let Some(&(first, domain)) = lines.first() else {
        return Vec::new();
    };
    if !is_domain(domain) {
        return Vec::new();
    }
    match lines.get(1) {
        Some(&(i, l)) if is_site_name(l, domain, lines.get(2).map(|x| x.1)) => vec![first, i],
        _ => vec![first],
    }
}

/// Why `line` is boilerplate, if it is. `in_head`: no prose line came before it (a bare number there
/// is a share counter).
pub fn boilerplate(line: &str, in_head: bool) -> Option<&'static str> {
    let k = key(line);
    if k.is_empty() {
        return None;
    }
    let words = k.split_whitespace().count();
    if let Some((_, why)) = WHOLE.iter().find(|(p, _)| *p == k) {
        return Some(why);
    }
    if let Some((_, why)) = START.iter().find(|(p, _)| words <= 20 && k.starts_with(p)) {
        return Some(why);
    }
    if LINK_START.iter().any(|p| {
        k.strip_prefix(p).is_some_and(|rest| rest.trim_start().starts_with([':', '-', '|', '：']))
    }) {
        return Some("related articles");
    }
    if words <= 20 && SUBSCRIBE.iter().any(|p| k.contains(p)) {
        return Some("subscribe prompt");
    }
    if words <= 12
        && (k.contains("تحسين محركات البحث") || k.split_whitespace().any(|w| w == "seo"))
        && k.chars().any(digit)
    {
        return Some("SEO score");
    }
    // Share and view counters: `0 Shares`, `1.2K views`, `12 مشاركة`; a bare number in the head.
    let mut parts = k.split_whitespace();
    let count = parts.next().unwrap_or("");
    let is_count = count.chars().any(digit)
        && count.chars().all(|c| digit(c) || matches!(c, '.' | ',' | 'k' | 'm'));
    // A bare number is a counter only when short (`0`, `125`, `1.2k`): a year or a figure is kept.
    let short = count.chars().filter(|c| digit(*c)).count() <= 3 || count.ends_with(['k', 'm']);
    match (parts.next(), parts.next()) {
        (None, _) if is_count && short && in_head => Some("share counter"),
        (Some(w), None) if is_count && COUNTED.contains(&w) => Some("share counter"),
        _ => None,
    }
}

/// A line of at least [`PROSE_WORDS`] words (with letters): the title, or a paragraph.
fn prose(line: &str) -> bool {
    line.split_whitespace().filter(|w| w.chars().any(char::is_alphabetic)).count() >= PROSE_WORDS
}

/// A dropped line: its number (1-based), its text and why.
pub struct Dropped {
    pub line: usize,
    pub text: String,
    pub why: &'static str,
}

/// `text` without its site lines and boilerplate lines (each with its line break). Blank lines a
/// dropped line leaves doubled, and those left at the end, go with it; every other byte is kept.
pub fn clean(text: &str) -> (String, Vec<Dropped>) {
    let site = site_lines(text);
    let mut out = String::with_capacity(text.len());
    let mut dropped = Vec::new();
    let mut prose_lines = 0;
    let mut after_drop = false;
    // Whether the last kept line was blank (or nothing is kept yet).
    let mut last_blank = true;
    let mut tail_blanks = 0usize; // bytes of the blank lines kept since the last line of text
    for (i, raw) in text.split_inclusive('\n').enumerate() {
        let line = raw.trim_end_matches(['\n', '\r']);
        let why =
            if site.contains(&i) { Some("site name") } else { boilerplate(line, prose_lines < 2) };
        if let Some(why) = why {
            dropped.push(Dropped { line: i + 1, text: line.trim().to_string(), why });
            after_drop = true;
            continue;
        }
        let blank = line.trim().is_empty();
        if blank && after_drop && last_blank {
            continue;
        }
        if prose(line) {
            prose_lines += 1;
        }
        if blank {
            tail_blanks += raw.len();
        } else {
            after_drop = false;
            tail_blanks = 0;
        }
        last_blank = blank;
        out.push_str(raw);
    }
    if after_drop && tail_blanks > 0 {
        out.truncate(out.len() - tail_blanks);
    }
    (out, dropped)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn domains_and_site_names() {
        assert!(is_domain("example.com"));
        assert!(is_domain("https://www.example.co.uk/"));
        assert!(!is_domain("example"));
        assert!(!is_domain("زيارة example.com"));
        assert!(!is_domain("3.14"));
        assert_eq!(site_lines("example.com\n\nExample News\n\nخبر عن الرباط"), vec![0, 2]);
        assert_eq!(site_lines("example.com\nPutin visits Ankara\nMore text"), vec![0]);
        assert_eq!(site_lines("عنوان\nexample.com"), Vec::<usize>::new());
    }

    #[test]
    fn boilerplate_lines_but_never_prose() {
        assert_eq!(boilerplate("0 Shares", false), Some("share counter"));
        assert_eq!(boilerplate("0", true), Some("share counter"));
        assert_eq!(boilerplate("2030", false), None);
        assert_eq!(boilerplate("2023", true), None);
        assert_eq!(boilerplate("1.2K", true), Some("share counter"));
        assert_eq!(boilerplate("1.2K views", false), Some("share counter"));
        assert_eq!(boilerplate("اترك تعليقاً", false), Some("comment form"));
        assert_eq!(boilerplate("اقرأ أيضا: عنوان مقال آخر", false), Some("related articles"));
        assert_eq!(boilerplate("اقرأ أيضا ما كتبه الوزير", false), None);
        assert_eq!(boilerplate("قال الوزير إن التعاون مستمر", false), None);
    }

    #[test]
    fn clean_keeps_every_other_byte() {
        let text = "site.ma\r\n\r\nخبر اليوم\r\n\r\n0 Shares\r\n\r\nقال الوزير إن التعاون الأمني مستمر بين البلدين.\r\n\r\nاترك تعليقاً\r\n\r\n";
        let (cleaned, dropped) = clean(text);
        assert_eq!(cleaned, "خبر اليوم\r\n\r\nقال الوزير إن التعاون الأمني مستمر بين البلدين.\r\n");
        let lines: Vec<usize> = dropped.iter().map(|d| d.line).collect();
        assert_eq!(lines, vec![1, 5, 9]);
        assert_eq!(clean("بلا شيء\nيسقط\n").0, "بلا شيء\nيسقط\n");
    }
}
