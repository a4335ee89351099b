//! HTML pages saved from news sites: the headline, the article body (paragraphs joined by "\n"), the
//! page's URL and date. Navigation, share counters, comment forms, related-article lists, SEO widgets,
//! scripts and styles are dropped. Parsed with html5ever (through `scraper`), never with patterns.

use std::collections::HashMap;

use rusqlite::Transaction;
use scraper::{ElementRef, Html, Node, Selector};

use super::{jsonl, Ids, ImportOptions, ImportReport};
use crate::error::Result;
use crate::native::NativeRecord;

/// What a page yields.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Page {
    pub title: String,
    /// The headline, then one line per paragraph, heading or list item of the body.
    pub text: String,
    pub url: String,
    pub published_at: String,
    pub site_name: String,
}

/// Elements whose content is never article text.
const SKIP_TAGS: &[&str] = &[
    "script", "style", "noscript", "template", "iframe", "svg", "math", "canvas", "object",
    "embed", "video", "audio", "map", "form", "button", "select", "textarea", "input", "label",
    "nav", "aside", "header", "footer", "figure", "dialog", "menu", "head",
];

/// Elements that start a new line of text.
const BLOCK_TAGS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "table",
    "tr",
    "td",
    "th",
    "caption",
    "hr",
    "address",
    "details",
    "summary",
    "center",
];

/// Words of a class or id that mark boilerplate (`post-share`, `related-posts`, `comment-respond`…).
const BOILERPLATE_WORDS: &[&str] = &[
    "share",
    "shares",
    "sharing",
    "sharedaddy",
    "addtoany",
    "social",
    "comment",
    "comments",
    "respond",
    "reply",
    "related",
    "yarpp",
    "relatedposts",
    "sidebar",
    "widget",
    "widgets",
    "seo",
    "rankmath",
    "yoast",
    "newsletter",
    "subscribe",
    "subscription",
    "advert",
    "advertisement",
    "ads",
    "ad",
    "adsense",
    "sponsor",
    "sponsored",
    "promo",
    "breadcrumb",
    "breadcrumbs",
    "nav",
    "navbar",
    "navigation",
    "menu",
    "footer",
    "header",
    "masthead",
    "cookie",
    "cookies",
    "popup",
    "modal",
    "tags",
    "meta",
    "byline",
    "author",
    "print",
    "rating",
    "score",
    "toolbar",
    "pagination",
    "readmore",
    "more",
    "also",
    "trending",
    "popular",
    "login",
    "search",
    "date",
    "dateline",
    "timestamp",
];

/// ARIA roles of page furniture.
const BOILERPLATE_ROLES: &[&str] = &[
    "navigation",
    "banner",
    "contentinfo",
    "complementary",
    "search",
    "dialog",
    "form",
    "menu",
    "menubar",
];

/// Does this HTML text look like a whole page (for files whose name does not say)?
pub(super) fn looks_like_html(text: &str) -> bool {
    let head: String = text.trim_start().chars().take(256).collect::<String>().to_ascii_lowercase();
    head.starts_with("<!doctype html")
        || head.starts_with("<html")
        || (head.starts_with("<!--") && head.contains("<html"))
}

fn select<'a>(root: ElementRef<'a>, css: &str) -> Vec<ElementRef<'a>> {
    match Selector::parse(css) {
        Ok(s) => root.select(&s).collect(),
        Err(_) => Vec::new(),
    }
}

fn first_attr(root: ElementRef, css: &str, attr: &str) -> Option<String> {
    select(root, css)
        .into_iter()
        .filter_map(|e| e.attr(attr))
        .map(str::trim)
        .find(|v| !v.is_empty())
        .map(str::to_string)
}

/// Is this element (not its ancestors) page furniture by its class, id, role or visibility?
fn is_boilerplate(e: &scraper::node::Element) -> bool {
    if matches!(e.name(), "html" | "body" | "main" | "article") {
        return false;
    }
    if e.attr("hidden").is_some() || e.attr("aria-hidden") == Some("true") {
        return true;
    }
    if let Some(style) = e.attr("style") {
        let style: String =
            style.to_ascii_lowercase().chars().filter(|c| !c.is_whitespace()).collect();
        if style.contains("display:none") || style.contains("visibility:hidden") {
            return true;
        }
    }
    if e.attr("role")
        .is_some_and(|r| BOILERPLATE_ROLES.contains(&r.trim().to_ascii_lowercase().as_str()))
    {
        return true;
    }
    let names = e.attr("class").into_iter().chain(e.attr("id"));
    names.flat_map(|n| n.split_whitespace()).any(|n| {
        let n = n.to_ascii_lowercase();
        let joined: String = n.chars().filter(|c| c.is_ascii_alphanumeric()).collect();
        BOILERPLATE_WORDS.contains(&joined.as_str())
            || n.split(|c: char| !c.is_ascii_alphanumeric()).any(|w| BOILERPLATE_WORDS.contains(&w))
    })
}

fn skipped(e: &scraper::node::Element) -> bool {
    SKIP_TAGS.contains(&e.name()) || is_boilerplate(e)
}

/// Is `e` inside something that is never article text?
fn in_skipped(e: ElementRef) -> bool {
    e.ancestors().filter_map(ElementRef::wrap).any(|a| skipped(a.value()))
}

/// The element holding the article: `itemprop=articleBody`, else the one whose paragraphs hold the
/// most text (a paragraph counts fully for its parent and half for its grandparent), else `article`,
/// `main` or `body`.
fn container(doc: &Html) -> ElementRef<'_> {
    let root = doc.root_element();
    if let Some(body) = select(root, "[itemprop=articleBody]").into_iter().find(|e| !in_skipped(*e))
    {
        return body;
    }
    let mut score = HashMap::new();
    let mut order: Vec<ElementRef> = Vec::new();
    for p in select(root, "p") {
        if in_skipped(p) {
            continue;
        }
        let len = p.text().map(|t| t.trim().chars().count()).sum::<usize>();
        let mut up = p.ancestors().filter_map(ElementRef::wrap);
        for (share, anc) in [(2, up.next()), (1, up.next())] {
            if let Some(a) = anc {
                let s = score.entry(a.id()).or_insert_with(|| {
                    order.push(a);
                    0
                });
                *s += len * share;
            }
        }
    }
    let best = order
        .iter()
        .copied()
        .max_by_key(|e| (score.get(&e.id()).copied().unwrap_or(0), std::cmp::Reverse(depth(*e))));
    best.or_else(|| {
        ["article", "main", "body"].iter().find_map(|css| select(root, css).into_iter().next())
    })
    .unwrap_or(root)
}

fn depth(e: ElementRef) -> usize {
    e.ancestors().count()
}

/// Lines of text under an element, skipping furniture; lines that are mostly link text are dropped
/// (lists of related articles, tag clouds).
struct Lines {
    out: Vec<String>,
    cur: String,
    space: bool,
    link_chars: usize,
    chars: usize,
}

impl Lines {
    fn flush(&mut self) {
        let line = std::mem::take(&mut self.cur);
        let (links, all) = (std::mem::take(&mut self.link_chars), std::mem::take(&mut self.chars));
        self.space = false;
        if !line.is_empty() && links * 2 <= all {
            self.out.push(line);
        }
    }

    fn text(&mut self, t: &str, in_link: bool) {
        for c in t.chars() {
            // Source whitespace collapses as a browser shows it; every other character is kept as is.
            if matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0C') {
                self.space = !self.cur.is_empty();
                continue;
            }
            if self.space {
                self.cur.push(' ');
                self.space = false;
            }
            self.cur.push(c);
            self.chars += 1;
            if in_link {
                self.link_chars += 1;
            }
        }
    }

    /// The children of `e` (not `e` itself).
    fn walk(&mut self, e: ElementRef, in_link: bool) {
        for child in e.children() {
            match child.value() {
                Node::Text(t) => self.text(t, in_link),
                Node::Element(_) => {
                    if let Some(c) = ElementRef::wrap(child) {
                        self.element(c, in_link);
                    }
                }
                _ => {}
            }
        }
    }

    fn element(&mut self, e: ElementRef, in_link: bool) {
        let el = e.value();
        if skipped(el) {
            return;
        }
        let name = el.name();
        if name == "br" {
            self.flush();
            return;
        }
        let block = BLOCK_TAGS.contains(&name);
        if block {
            self.flush();
        }
        self.walk(e, in_link || name == "a");
        if block {
            self.flush();
        }
    }
}

fn text_of(e: ElementRef) -> String {
    let mut l =
        Lines { out: Vec::new(), cur: String::new(), space: false, link_chars: 0, chars: 0 };
    l.walk(e, false);
    l.flush();
    l.out.join(" ")
}

/// Extract the article from a page.
pub(super) fn extract(html: &str) -> Page {
    let doc = Html::parse_document(html);
    let root = doc.root_element();
    let body = container(&doc);
    let article = std::iter::once(body)
        .chain(body.ancestors().filter_map(ElementRef::wrap))
        .find(|e| e.value().name() == "article");
    let scope = article.unwrap_or(body);

    let mut lines =
        Lines { out: Vec::new(), cur: String::new(), space: false, link_chars: 0, chars: 0 };
    lines.walk(body, false);
    lines.flush();

    let headline = select(scope, "h1")
        .into_iter()
        .map(text_of)
        .find(|t| !t.is_empty())
        .or_else(|| {
            first_attr(root, "meta[property='og:title'], meta[name='twitter:title']", "content")
        })
        .or_else(|| {
            select(root, "h1")
                .into_iter()
                .filter(|h| !in_skipped(*h))
                .map(text_of)
                .find(|t| !t.is_empty())
        })
        .or_else(|| select(root, "title").into_iter().map(text_of).find(|t| !t.is_empty()))
        .unwrap_or_default();
    let mut paragraphs = lines.out;
    if !headline.is_empty() && paragraphs.first() != Some(&headline) {
        paragraphs.insert(0, headline.clone());
    }

    let url = first_attr(root, "link[rel~='canonical']", "href")
        .or_else(|| first_attr(root, "meta[property='og:url']", "content"))
        .unwrap_or_default();
    let published_at = first_attr(root, "meta[property='article:published_time'], meta[itemprop='datePublished'], meta[name='pubdate'], meta[name='date']", "content")
        .or_else(|| first_attr(root, "[itemprop='datePublished'][datetime]", "datetime"))
        .or_else(|| first_attr(scope, "time[datetime]", "datetime"))
        .or_else(|| select(root, "time[datetime]").into_iter().filter(|t| !t.ancestors().filter_map(ElementRef::wrap).any(|a| is_boilerplate(a.value()))).find_map(|t| t.attr("datetime").map(|d| d.trim().to_string())))
        .unwrap_or_default();
    let site_name =
        first_attr(root, "meta[property='og:site_name']", "content").unwrap_or_default();
    Page { title: headline, text: paragraphs.join("\n"), url, published_at, site_name }
}

/// Import one saved page as one article (`meta.site_name` from `og:site_name`).
pub(super) fn import_html(
    tx: &Transaction,
    name: &str,
    content: &str,
    opts: &ImportOptions,
    report: &mut ImportReport,
) -> Result<()> {
    opts.control.step()?;
    let page = extract(content);
    if page.text.trim().is_empty() {
        report.reject(name, None, "no article text was found in the page");
        return Ok(());
    }
    let mut meta = serde_json::Map::new();
    if !page.site_name.is_empty() {
        meta.insert("site_name".into(), page.site_name.into());
    }
    let rec = NativeRecord {
        id: None,
        title: Some(page.title).filter(|t| !t.is_empty()),
        text: page.text,
        source: std::path::Path::new(name).file_name().map(|f| f.to_string_lossy().into_owned()),
        url: Some(page.url).filter(|u| !u.is_empty()),
        published_at: Some(page.published_at).filter(|d| !d.is_empty()),
        meta: Some(meta),
        tags: Vec::new(),
        spans: Vec::new(),
        status: Vec::new(),
        relations: Vec::new(),
    };
    jsonl::import_record(tx, name, 1, &rec, opts, &mut Ids::default(), report)?;
    // A page is not line-based: its rejection names no line.
    for r in report.rejected.iter_mut().filter(|r| r.file == name) {
        r.line = None;
    }
    for a in
        report.imported.iter_mut().chain(report.duplicates.iter_mut()).filter(|a| a.file == name)
    {
        a.line = None;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn body_paragraphs_without_furniture() {
        let page = extract(
            "<!doctype html><html><head><title>t</title><style>p{color:red}</style>\
             <link rel=canonical href='https://example.org/a'><meta property='article:published_time' content='2026-02-08T10:00:00+01:00'></head>\
             <body><nav><a href=/>الرئيسية</a></nav><article><header><h1>عنوان  الخبر</h1><div class=post-share>0 Shares</div></header>\
             <div class=entry-content><p>فقرة   أولى <b>مهمة</b>.</p><script>alert(1)</script><p>فقرة<br>ثانية</p>\
             <ul class=related-posts><li><a href=/x>خبر آخر</a></li></ul><ul><li>نقطة</li></ul></div></article>\
             <div id=respond><h3>اترك تعليقاً</h3><form><textarea></textarea></form></div></body></html>",
        );
        assert_eq!(page.title, "عنوان الخبر");
        assert_eq!(page.text, "عنوان الخبر\nفقرة أولى مهمة.\nفقرة\nثانية\nنقطة");
        assert_eq!(page.url, "https://example.org/a");
        assert_eq!(page.published_at, "2026-02-08T10:00:00+01:00");
    }

    #[test]
    fn html_is_recognised_by_its_start() {
        assert!(looks_like_html("\n <!DOCTYPE html><html>"));
        assert!(looks_like_html("<html lang=ar>"));
        assert!(!looks_like_html("خبر <b>عاجل</b>"));
    }
}
