//! The core's modules form layers, not knots: no cycle between the top-level modules of `src/`, nor
//! between the sibling files of one folder module (`import/`, `export/`, `review/`, …). Read from the
//! source text (`crate::x`, `super::x`, `use crate::{x, …}`), test code left out.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Identifiers that follow `prefix` in `src` (`crate::` → `articles`, `search`, …), including the
/// first name of each item of a `prefix{a, b::c}` group.
fn names_after(src: &str, prefix: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let ident = |s: &str| -> String {
        s.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect()
    };
    for (i, _) in src.match_indices(prefix) {
        let rest = &src[i + prefix.len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let body = &group[..group.find('}').unwrap_or(group.len())];
            for item in body.split(',') {
                let name = ident(item.trim());
                if !name.is_empty() {
                    out.insert(name);
                }
            }
        } else {
            let name = ident(rest);
            if !name.is_empty() {
                out.insert(name);
            }
        }
    }
    out
}

/// The text of a source file without its `#[cfg(test)] mod tests { … }` (always at the end here).
fn without_tests(src: &str) -> &str {
    match src.find("#[cfg(test)]\nmod tests") {
        Some(i) => &src[..i],
        None => src,
    }
}

fn rust_files(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).expect("read src").flatten() {
        let p = entry.path();
        if p.is_dir() {
            out.extend(rust_files(&p));
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
    out
}

/// One cycle of `graph`, as the path that closes it, if there is one.
fn find_cycle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        v: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        state: &mut BTreeMap<String, u8>,
        path: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        state.insert(v.to_string(), 1);
        path.push(v.to_string());
        for w in graph.get(v).into_iter().flatten() {
            match state.get(w.as_str()) {
                Some(1) => {
                    let from = path.iter().position(|p| p == w).unwrap_or(0);
                    let mut cycle = path[from..].to_vec();
                    cycle.push(w.clone());
                    return Some(cycle);
                }
                Some(_) => {}
                None => {
                    if let Some(c) = visit(w, graph, state, path) {
                        return Some(c);
                    }
                }
            }
        }
        path.pop();
        state.insert(v.to_string(), 2);
        None
    }
    let mut state = BTreeMap::new();
    for v in graph.keys() {
        if !state.contains_key(v.as_str()) {
            if let Some(c) = visit(v, graph, &mut state, &mut Vec::new()) {
                return Some(c);
            }
        }
    }
    None
}

#[test]
fn core_modules_have_no_cycles() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut top: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut folders: BTreeMap<String, BTreeMap<String, BTreeSet<String>>> = BTreeMap::new();
    let mut files = 0;
    for path in rust_files(&src) {
        let rel = path.strip_prefix(&src).expect("under src");
        let parts: Vec<String> =
            rel.iter().map(|p| p.to_string_lossy().trim_end_matches(".rs").to_string()).collect();
        let module = parts[0].clone();
        // The crate roots and the generated-bindings list name every module on purpose.
        if parts.len() == 1 && ["lib", "main", "bindings"].contains(&module.as_str()) {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("read source");
        let code = without_tests(&text);
        files += 1;
        let uses = names_after(code, "crate::");
        top.entry(module.clone()).or_default().extend(uses.into_iter().filter(|m| *m != module));
        if parts.len() == 2 && parts[1] != "mod" {
            let kid = parts[1].clone();
            let mut sib = names_after(code, "super::");
            sib.extend(names_after(code, &format!("crate::{module}::")));
            let siblings = folders.entry(module.clone()).or_default();
            siblings.entry(kid.clone()).or_default().extend(sib.into_iter().filter(|s| *s != kid));
        }
    }
    assert!(files > 50, "the scan read the core's sources ({files} files)");
    // Only edges between modules that exist (a `crate::` item re-exported at the root is no module).
    let known: BTreeSet<String> = top.keys().cloned().collect();
    for deps in top.values_mut() {
        deps.retain(|d| known.contains(d));
    }
    assert!(top.get("api").is_some_and(|d| d.contains("annotations")), "edges were read: {top:?}");
    if let Some(c) = find_cycle(&top) {
        panic!("the core's top-level modules go round in a circle: {}", c.join(" → "));
    }
    for (folder, mut graph) in folders {
        let kids: BTreeSet<String> = graph.keys().cloned().collect();
        for deps in graph.values_mut() {
            deps.retain(|d| kids.contains(d));
        }
        if let Some(c) = find_cycle(&graph) {
            panic!("the files of src/{folder}/ go round in a circle: {}", c.join(" → "));
        }
    }
}

#[test]
fn the_cycle_finder_finds_a_cycle_and_the_reader_reads_groups() {
    let graph: BTreeMap<String, BTreeSet<String>> = [
        ("a".to_string(), BTreeSet::from(["b".to_string()])),
        ("b".to_string(), BTreeSet::from(["c".to_string()])),
        ("c".to_string(), BTreeSet::from(["a".to_string()])),
    ]
    .into_iter()
    .collect();
    assert_eq!(find_cycle(&graph), Some(vec!["a".into(), "b".into(), "c".into(), "a".into()]));
    let line: BTreeMap<String, BTreeSet<String>> =
        [("a".to_string(), BTreeSet::from(["b".to_string()]))].into_iter().collect();
    assert_eq!(find_cycle(&line), None);
    let names =
        names_after("use crate::{text::CharIndex, search};\nlet x = crate::db::now();", "crate::");
    assert_eq!(names, BTreeSet::from(["text".into(), "search".into(), "db".into()]));
}
