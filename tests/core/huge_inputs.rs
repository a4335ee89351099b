//! Huge inputs: one very large article, a long JSONL file, deeply nested JSON. Bounded memory (peak
//! RSS of the `hashiya` process, from /proc), clear errors, no stack overflow.
//! CI sizes: a 4 MB article and a 5,000-line JSONL. `HASHIYA_HUGE=1` runs the 50 MB article and the
//! 1,000,000-line JSONL (minutes in a debug build; numbers in RELIABILITY.md).

use crate::harness;

use std::process::Command;

use rand::{rngs::StdRng, SeedableRng};

use crate::harness::{corpus, count, read, run_measuring, s, BIN};

fn huge() -> bool {
    std::env::var_os("HASHIYA_HUGE").is_some()
}

const MB: u64 = 1 << 20;

/// Peak RSS allowed for a run over `input` bytes: a fixed allowance plus `per_byte` times the input.
fn limit_kb(input: u64, per_byte: u64) -> u64 {
    (64 * MB + per_byte * input) / 1024
}

#[test]
fn a_huge_article_imports_and_exports_in_bounded_memory() {
    let size = if huge() { 50 * MB } else { 4 * MB };
    let dir = tempfile::tempdir().expect("tempdir");
    let mut rng = StdRng::seed_from_u64(5);
    let mut text = String::from("خبر طويل جدا\r\n");
    while (text.len() as u64) < size {
        text.push_str(&corpus::article(&mut rng, "x", 200).0);
        text.push_str("\r\n");
    }
    let src = dir.path().join("long.txt");
    std::fs::write(&src, &text).expect("write");
    let db = dir.path().join("p.hashiya");
    let (st, import_kb, import_t) =
        run_measuring(Command::new(BIN).args(["--db", s(&db), "import", s(&src)]));
    assert!(st.success(), "import failed: {st}");
    let stored: String =
        read(&db).query_row("SELECT text FROM articles", [], |r| r.get(0)).expect("stored text");
    assert!(stored == text, "the stored text differs from the file");
    let out = dir.path().join("out.jsonl");
    let (st, export_kb, export_t) =
        run_measuring(Command::new(BIN).args(["--db", s(&db), "export", "--out", s(&out)]));
    assert!(st.success(), "export failed: {st}");
    assert!(std::fs::metadata(&out).map(|m| m.len()).unwrap_or(0) > size);
    // A token format: tokenized, aligned and written one sentence at a time.
    let hf = dir.path().join("out.hf.jsonl");
    let (st, hf_kb, hf_t) = run_measuring(Command::new(BIN).args([
        "--db",
        s(&db),
        "export",
        "--format",
        "hf",
        "--out",
        s(&hf),
    ]));
    assert!(st.success(), "hf export failed: {st}");
    let first = std::fs::read_to_string(&hf)
        .ok()
        .and_then(|t| t.lines().next().map(str::to_string))
        .unwrap_or_default();
    assert!(first.contains("\"tokens\":[\"خبر\",\"طويل\",\"جدا\"]"), "first sentence: {first}");
    eprintln!(
        "huge article: {} MB: import {import_t:?}, peak {} MB; export {export_t:?}, peak {} MB; hf {hf_t:?}, peak {} MB",
        text.len() as u64 / MB,
        import_kb / 1024,
        export_kb / 1024,
        hf_kb / 1024
    );
    let input = text.len() as u64;
    assert!(
        import_kb < limit_kb(input, 8),
        "import peak {import_kb} kB for a {input}-byte article"
    );
    assert!(
        export_kb < limit_kb(input, 8),
        "export peak {export_kb} kB for a {input}-byte article"
    );
    assert!(hf_kb < limit_kb(input, 8), "hf export peak {hf_kb} kB for a {input}-byte article");
}

#[test]
fn a_long_jsonl_file_imports_in_bounded_memory() {
    let lines = if huge() { 1_000_000 } else { 5_000 };
    let dir = tempfile::tempdir().expect("tempdir");
    let mut rng = StdRng::seed_from_u64(6);
    let src = dir.path().join("long.jsonl");
    {
        use std::io::Write;
        let mut w = std::io::BufWriter::new(std::fs::File::create(&src).expect("create"));
        for i in 0..lines {
            writeln!(
                w,
                "{}",
                corpus::jsonl_line(&mut rng, &i.to_string(), "long.jsonl", 12, 1, "salma")
            )
            .expect("write");
        }
    }
    let bytes = std::fs::metadata(&src).map(|m| m.len()).unwrap_or(0);
    let db = dir.path().join("p.hashiya");
    let (st, kb, t) = run_measuring(Command::new(BIN).args(["--db", s(&db), "import", s(&src)]));
    assert!(st.success(), "import failed: {st}");
    let conn = read(&db);
    assert_eq!(count(&conn, "SELECT count(*) FROM articles"), lines as i64);
    assert_eq!(count(&conn, "SELECT count(*) FROM spans"), lines as i64);
    eprintln!("long jsonl: {lines} lines, {} MB: import {t:?}, peak {} MB", bytes / MB, kb / 1024);
    assert!(kb < limit_kb(bytes, 2), "import peak {kb} kB for a {bytes}-byte file");
}

#[test]
fn deeply_nested_json_is_rejected_clearly() {
    let dir = tempfile::tempdir().expect("tempdir");
    let deep = "[".repeat(100_000);
    let nested_meta = format!(
        "{{\"text\": \"نص\", \"meta\": {{\"a\": {}{}}}}}",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    let src = dir.path().join("deep.jsonl");
    std::fs::write(&src, format!("{deep}\n{nested_meta}\n{{\"text\": \"خبر سليم\"}}\n"))
        .expect("write");
    let db = dir.path().join("p.hashiya");
    let out = Command::new(BIN).args(["--db", s(&db), "import", s(&src)]).output().expect("run");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        out.status.code(),
        Some(1),
        "rejected lines exit 1, no crash: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    for (line, why) in [(1, ""), (2, "recursion limit exceeded")] {
        let want =
            format!("rejected   {}:{line}: not a valid article record: {why}", src.display());
        assert!(stdout.contains(&want), "{stdout}");
    }
    assert!(stdout.contains("1 imported, 2 rejected;"), "{stdout}");

    // The same through browser mode: a clear 400, and the server stays up.
    let ui = harness::fake_ui(dir.path());
    let server = harness::Server::start(&db, &ui).expect("serve");
    let client = server.client();
    let (code, body) = client.post_raw("add_span", &deep);
    assert_eq!(code, 400, "{body}");
    assert!(body.contains("the request body is not JSON: recursion limit exceeded"), "{body}");
    let (code, _) = client.post("project_info", &serde_json::json!({}));
    assert_eq!(code, 200);
}

/// Browser mode imports a file of several megabytes sent by the UI (the request body is not cut at a default limit).
#[test]
fn browser_mode_imports_a_large_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("p.hashiya");
    let ui = harness::fake_ui(dir.path());
    let server = harness::Server::start(&db, &ui).expect("serve");
    let mut rng = StdRng::seed_from_u64(7);
    let mut text = String::new();
    while text.len() < 3 * MB as usize {
        text.push_str(&corpus::article(&mut rng, "big", 200).0);
        text.push_str("\r\n");
    }
    let (code, body) = server.client().post(
        "import_files",
        &serde_json::json!({"files": [{"name": "big.txt", "content": text}]}),
    );
    assert_eq!(code, 200, "{}", body.chars().take(300).collect::<String>());
    assert_eq!(count(&read(&db), "SELECT count(*) FROM articles"), 1);
}
