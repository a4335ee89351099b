//! brat standoff export: a folder with one `.txt` (the article text, exactly) and one `.ann` per
//! article (`T` spans, `R` relations, `A` attributes, `N` entity links as `Hashiya:ID`, `#` notes;
//! offsets are code points of the
//! `.txt`), and `annotation.conf` generated from the schema. Spans with the same place and label from
//! several analysts are written once. Free-text attributes have no place in brat and are left out.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::fmt::Write as _;
use std::path::Path;

use rusqlite::Connection;

use super::options::ExportOptions;
use super::report::Tally;
use super::select::{self, Doc};
use crate::error::{Error, Result};
use crate::labels;
use crate::model::{AttrKind, LabelKind};
use crate::relation_types;

/// A file name stem from an article's id: letters, digits, `-` and `_` kept, anything else `_`.
pub fn stem_of(ext_id: &str, id: i64) -> String {
    let s: String = ext_id
        .chars()
        .map(|c| if c.is_alphanumeric() || c == '-' || c == '_' { c } else { '_' })
        .collect();
    if s.is_empty() || s.starts_with('.') {
        format!("article-{id}")
    } else {
        s
    }
}

/// Write the selected articles into the folder `dir` (created if missing; it must hold no `.ann`
/// files yet, so an export never mixes with older files).
pub fn export_dir(conn: &Connection, o: &ExportOptions, dir: &Path) -> Result<Tally> {
    std::fs::create_dir_all(dir)
        .map_err(|e| Error::io(format!("cannot create the folder {}", dir.display()), e))?;
    let has_ann = std::fs::read_dir(dir)
        .map_err(|e| Error::io(format!("cannot read the folder {}", dir.display()), e))?
        .filter_map(|e| e.ok())
        .any(|e| e.path().extension().is_some_and(|x| x == "ann"));
    if has_ann {
        return Err(Error::Invalid(format!(
            "{} already holds .ann files: export brat into an empty folder",
            dir.display()
        )));
    }
    let write = |name: &str, content: &str| {
        let p = dir.join(name);
        std::fs::write(&p, content)
            .map_err(|e| Error::io(format!("cannot write {}", p.display()), e))
    };
    write("annotation.conf", &conf(conn, o)?)?;
    // The registry's preferred names, for the `N` lines of linked spans.
    let names: HashMap<String, String> = conn
        .prepare("SELECT key, name FROM entities")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut tally = Tally::default();
    let mut stems = HashSet::new();
    select::for_each_doc(conn, o, true, |doc| {
        o.control.step()?;
        let mut stem = stem_of(&doc.article.ext_id, doc.article.id);
        if !stems.insert(stem.clone()) {
            stem = format!("{stem}-{}", doc.article.id);
            stems.insert(stem.clone());
        }
        tally.articles += 1;
        tally.dropped_by_label += doc.dropped_by_label;
        write(&format!("{stem}.txt"), &doc.article.text)?;
        write(&format!("{stem}.ann"), &ann(&doc, &names, &mut tally))
    })?;
    Ok(tally)
}

/// The `.ann` of one article.
/// The `.ann` of one article; `names` are the entity registry's preferred names by id, for the
/// `N` (normalization) line of a linked span: `N1\tReference T3 Hashiya:ID\tNAME`.
pub fn ann(doc: &Doc, names: &HashMap<String, String>, tally: &mut Tally) -> String {
    let (spans, merged) = doc.unique_spans();
    tally.duplicates_merged += merged;
    let chars: Vec<char> = doc.article.text.chars().collect();
    let mut out = String::new();
    let (mut attr_n, mut note_n, mut norm_n) = (0, 0, 0);
    for (k, s) in spans.iter().enumerate() {
        tally.count_span(&s.label);
        // A span across a line break is written as fragments around it (brat's discontinuous form).
        let mut frags: Vec<(usize, usize)> = Vec::new();
        let mut from = None;
        for (i, c) in chars.iter().enumerate().take(s.end).skip(s.start) {
            let brk = *c == '\n' || *c == '\r';
            match (brk, from) {
                (false, None) => from = Some(i),
                (true, Some(f)) => {
                    frags.push((f, i));
                    from = None;
                }
                _ => {}
            }
        }
        if let Some(f) = from {
            frags.push((f, s.end));
        }
        let places: Vec<String> = frags.iter().map(|(a, b)| format!("{a} {b}")).collect();
        let texts: Vec<String> =
            frags.iter().map(|(a, b)| chars[*a..*b].iter().collect()).collect();
        let _ = writeln!(out, "T{}\t{} {}\t{}", k + 1, s.label, places.join(";"), texts.join(" "));
        // Attributes and notes of the analysts' spans at this place with this label.
        let same: Vec<_> = doc
            .spans
            .iter()
            .filter(|x| {
                x.start as usize == s.start && x.end as usize == s.end && x.label == s.label
            })
            .collect();
        let mut attrs = BTreeMap::new();
        for x in &same {
            for (name, v) in &x.attrs {
                attrs.entry(name.clone()).or_insert_with(|| v.clone());
            }
        }
        for (name, v) in attrs {
            let line = match v {
                serde_json::Value::Bool(true) => format!("{name} T{}", k + 1),
                serde_json::Value::String(c) if doc.choice_attr(&s.label, &name) => {
                    format!("{name} T{} {c}", k + 1)
                }
                _ => continue,
            };
            attr_n += 1;
            let _ = writeln!(out, "A{attr_n}\t{line}");
        }
        if let Some(key) = same.iter().find_map(|x| x.entity.as_deref()) {
            norm_n += 1;
            let name = names.get(key).map(String::as_str).unwrap_or(key);
            let name = name.replace(['\n', '\r', '\t'], " ");
            let _ = writeln!(out, "N{norm_n}\tReference T{} Hashiya:{key}\t{name}", k + 1);
        }
        let notes: BTreeSet<&str> =
            same.iter().map(|x| x.note.as_str()).filter(|n| !n.is_empty()).collect();
        if !notes.is_empty() {
            note_n += 1;
            let joined =
                notes.into_iter().collect::<Vec<_>>().join(" | ").replace(['\n', '\r', '\t'], " ");
            let _ = writeln!(out, "#{note_n}\tAnnotatorNotes T{}\t{joined}", k + 1);
        }
    }
    for (n, (from, to, rtype)) in doc.unique_relations(&spans).into_iter().enumerate() {
        tally.relations += 1;
        let _ = writeln!(out, "R{}\t{rtype} Arg1:T{} Arg2:T{}", n + 1, from + 1, to + 1);
    }
    out
}

/// `annotation.conf`: the span labels (a child indented under its parent), the relation types with
/// their allowed ends, and the yes/no and list attributes of each label.
pub fn conf(conn: &Connection, o: &ExportOptions) -> Result<String> {
    let o = &*select::with_depth(conn, o)?;
    let used = select::label_set(conn, o)?;
    let all: Vec<_> = labels::list(conn)?
        .into_iter()
        .filter(|l| l.kind == LabelKind::Span)
        .filter_map(|mut l| {
            l.name = o.map_label(&l.name)?;
            Some(l)
        })
        .collect();
    let mut out = String::from("[entities]\n");
    let mut written = HashSet::new();
    fn tree(
        out: &mut String,
        all: &[crate::model::Label],
        parent: &str,
        depth: usize,
        written: &mut HashSet<String>,
    ) {
        for l in all.iter().filter(|l| l.parent == parent) {
            if written.insert(l.name.clone()) {
                let _ = writeln!(out, "{}{}", "\t".repeat(depth), l.name);
                tree(out, all, &l.name, depth + 1, written);
            }
        }
    }
    tree(&mut out, &all, "", 0, &mut written);
    for l in &used {
        if written.insert(l.clone()) {
            let _ = writeln!(out, "{l}");
        }
    }
    out.push_str("\n[relations]\n");
    let ends = |v: &[String]| if v.is_empty() { "<ENTITY>".to_string() } else { v.join("|") };
    for t in relation_types::list(conn)? {
        let sym = if t.directed { "" } else { ", <REL-TYPE>:symmetric" };
        let _ = writeln!(
            out,
            "{}\tArg1:{}, Arg2:{}{sym}",
            t.name,
            ends(&t.from_labels),
            ends(&t.to_labels)
        );
    }
    out.push_str("<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>\n");
    out.push_str("\n[events]\n\n[attributes]\n");
    // One line per attribute name: the labels that carry it, and the values of a list.
    let mut by_name: BTreeMap<String, (Vec<String>, Vec<String>, bool)> = BTreeMap::new();
    for a in relation_types::attributes(conn)? {
        if a.kind == AttrKind::Text {
            continue;
        }
        let e = by_name.entry(a.name.clone()).or_default();
        if !e.0.contains(&a.label) {
            e.0.push(a.label.clone());
        }
        for c in a.choices {
            if !e.1.contains(&c) {
                e.1.push(c);
            }
        }
        e.2 |= a.kind == AttrKind::Choice;
    }
    for (name, (labels, values, choice)) in by_name {
        let values = if choice { format!(", Value:{}", values.join("|")) } else { String::new() };
        let _ = writeln!(out, "{name}\tArg:{}{values}", labels.join("|"));
    }
    Ok(out)
}
