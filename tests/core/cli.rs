//! The `hashiya` binary as scripts use it: import/export/serve, exit codes, clear errors.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use crate::common::{cp_range, native_line, TRICKY};

fn hashiya(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_hashiya")).args(args).output().expect("run hashiya")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn seeds() -> Option<std::path::PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/seeds");
    p.is_dir().then_some(p)
}

#[test]
fn every_command_has_help() {
    for args in [
        vec!["--help"],
        vec!["import", "--help"],
        vec!["export", "--help"],
        vec!["serve", "--help"],
        vec!["backup", "--help"],
        vec!["restore", "--help"],
        vec!["schema", "export", "--help"],
        vec!["schema", "import", "--help"],
    ] {
        let out = hashiya(&args);
        assert!(out.status.success(), "{args:?}");
        assert!(text(&out.stdout).contains("Usage"), "{args:?}");
    }
}

#[test]
fn errors_are_one_clear_sentence_not_a_panic() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = hashiya(&["import", "x.txt"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).starts_with("error: --db FILE is required"), "{}", text(&out.stderr));

    let db = dir.path().join("p.hashiya");
    let db = db.to_str().unwrap_or_default();
    let out = hashiya(&["--db", db, "import", "/no/such/file.txt"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stdout).contains("rejected   /no/such/file.txt: cannot read the file"),
        "{}",
        text(&out.stdout)
    );

    let out = hashiya(&["--db", "/no/such/dir/p.hashiya", "export"]);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(
        err.starts_with(
            "error: cannot create project /no/such/dir/p.hashiya: No such file or directory"
        ),
        "{err}"
    );
    assert!(!err.contains("panicked") && !err.contains("backtrace"));
}

#[test]
fn import_then_export_round_trip_with_exit_codes() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("p.hashiya");
    let db = db.to_str().unwrap_or_default();
    let (s, e) = cp_range(TRICKY, "عبد اللطيف حموشي");
    let good = dir.path().join("good.jsonl");
    std::fs::write(&good, native_line(TRICKY, &[(s, e, "PER", "salma")]) + "\n").expect("write");
    let bad = dir.path().join("bad.jsonl");
    std::fs::write(&bad, "{\"text\": \"نص\"}\n{\"text\": \"نص آخر\", \"spans\": [{\"start\": 0, \"end\": 99, \"label\": \"PER\", \"annotator\": \"x\"}]}\n").expect("write");

    let out = hashiya(&["--db", db, "import", good.to_str().unwrap_or_default()]);
    assert!(out.status.success(), "{}", text(&out.stdout));
    assert!(
        text(&out.stdout).contains("1 imported; 1 spans and 1 tags added"),
        "{}",
        text(&out.stdout)
    );

    let out = hashiya(&[
        "--db",
        db,
        "import",
        bad.to_str().unwrap_or_default(),
        good.to_str().unwrap_or_default(),
    ]);
    assert_eq!(out.status.code(), Some(1), "a rejected line makes the exit code non-zero");
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains(&format!(
            "rejected   {}:2: span #1 [0, 99) PER: span [0, 99) runs past the end",
            bad.display()
        )),
        "{stdout}"
    );
    assert!(stdout.contains("1 imported, 1 article already here, 1 rejected"), "{stdout}");

    let out = hashiya(&["--db", db, "export", "--format", "jsonl"]);
    assert!(out.status.success());
    let lines: Vec<serde_json::Value> =
        text(&out.stdout).lines().map(|l| serde_json::from_str(l).expect("json line")).collect();
    assert_eq!(lines.len(), 2);
    let span = &lines[0]["spans"][0];
    assert_eq!(span["text"], "عبد اللطيف حموشي");
    assert_eq!((span["start"].as_u64(), span["end"].as_u64()), (Some(s as u64), Some(e as u64)));
    assert!(text(&out.stderr).contains("exported 2 articles, 1 spans, 1 tags"));

    let file = dir.path().join("out.jsonl");
    let out = hashiya(&[
        "--db",
        db,
        "export",
        "--format",
        "jsonl",
        "--out",
        file.to_str().unwrap_or_default(),
    ]);
    assert!(out.status.success());
    assert_eq!(std::fs::read_to_string(&file).expect("read").lines().count(), 2);

    let out = hashiya(&["--db", db, "export", "--format", "csv"]);
    assert_eq!(out.status.code(), Some(2), "clap refuses an unknown format");
}

#[test]
fn backup_and_restore_from_the_command_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("p.hashiya");
    let db = db.to_str().unwrap_or_default();
    let src = dir.path().join("a.txt");
    std::fs::write(&src, "خبر أول\nنص").expect("write");
    assert!(hashiya(&["--db", db, "import", src.to_str().unwrap_or_default()]).status.success());
    let out = hashiya(&["--db", db, "restore"]);
    assert!(text(&out.stdout).starts_with("no backups"), "{}", text(&out.stdout));
    let out = hashiya(&["--db", db, "backup"]);
    assert!(out.status.success());
    let made = text(&out.stdout).trim().to_string();
    assert!(made.contains("p.hashiya.backups/p-") && made.ends_with("-manual.hashiya"), "{made}");
    let src2 = dir.path().join("b.txt");
    std::fs::write(&src2, "خبر ثان\nنص").expect("write");
    assert!(hashiya(&["--db", db, "import", src2.to_str().unwrap_or_default()]).status.success());
    let out = hashiya(&["--db", db, "restore", &made]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let out = hashiya(&["--db", db, "export"]);
    assert_eq!(text(&out.stdout).lines().count(), 1, "back to one article");
    let out = hashiya(&["--db", db, "restore", "/no/such/backup.hashiya"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).starts_with("error: /no/such/backup.hashiya cannot be opened"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn seed_corpus_imports_once() {
    let Some(seeds) = seeds() else {
        panic!("../shared/corpus/seeds is missing: the tests need the shared corpus beside the repository");
    };
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("p.hashiya");
    let db = db.to_str().unwrap_or_default();
    let out = hashiya(&["--db", db, "import", "--json", seeds.to_str().unwrap_or_default()]);
    assert!(out.status.success(), "{}", text(&out.stdout));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json report");
    assert_eq!(report["imported"].as_array().map(Vec::len), Some(5));
    let out = hashiya(&["--db", db, "import", "--json", seeds.to_str().unwrap_or_default()]);
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json report");
    assert_eq!(report["duplicates"].as_array().map(Vec::len), Some(5));
    assert_eq!(report["imported"].as_array().map(Vec::len), Some(0));
    // Text is stored byte for byte.
    let out = hashiya(&["--db", db, "export"]);
    let first: serde_json::Value =
        serde_json::from_str(text(&out.stdout).lines().next().unwrap_or("{}")).expect("json");
    let mut files: Vec<_> =
        std::fs::read_dir(&seeds).expect("ls").map(|e| e.expect("entry").path()).collect();
    files.sort();
    assert_eq!(
        first["text"].as_str(),
        Some(std::fs::read_to_string(&files[0]).expect("read").as_str())
    );
}

struct Server {
    child: std::process::Child,
    port: u16,
    token: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start_server(db: &str, ui: &Path) -> Server {
    let mut child = Command::new(env!("CARGO_BIN_EXE_hashiya"))
        .args(["--db", db, "serve", "--port", "0", "--ui", ui.to_str().unwrap_or_default()])
        .stdout(Stdio::piped())
        .spawn()
        .expect("spawn serve");
    let stdout = child.stdout.take().expect("stdout");
    let mut lines = BufReader::new(stdout).lines();
    let url = loop {
        let line = lines.next().expect("server printed its URL").expect("line");
        if let Some(u) = line.strip_prefix("Open ") {
            break u.to_string();
        }
    };
    // Keep draining the server's stdout so it never writes into a closed pipe.
    std::thread::spawn(move || lines.for_each(drop));
    let rest = url.strip_prefix("http://127.0.0.1:").expect("loopback URL");
    let (port, token) = rest.split_once("/?token=").expect("token in URL");
    Server { child, port: port.parse().expect("port"), token: token.to_string() }
}

fn http(
    port: u16,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &str,
) -> (u16, String) {
    let mut s = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    let mut req = format!(
        "{method} {path} HTTP/1.1\r\nConnection: close\r\nContent-Length: {}\r\n",
        body.len()
    );
    for (k, v) in headers {
        req.push_str(&format!("{k}: {v}\r\n"));
    }
    req.push_str("\r\n");
    req.push_str(body);
    s.write_all(req.as_bytes()).expect("send");
    let mut resp = String::new();
    s.read_to_string(&mut resp).expect("read");
    let status = resp.split(' ').nth(1).and_then(|c| c.parse().ok()).unwrap_or(0);
    let body = resp.split_once("\r\n\r\n").map(|x| x.1.to_string()).unwrap_or_default();
    (status, body)
}

#[test]
fn serve_answers_commands_only_with_token_and_own_host() {
    let dir = tempfile::tempdir().expect("tempdir");
    let ui = dir.path().join("ui");
    std::fs::create_dir_all(&ui).expect("mkdir");
    std::fs::write(ui.join("index.html"), "<!doctype html><title>Hashiya</title>").expect("write");
    let db = dir.path().join("p.hashiya");
    let (s, e) = cp_range(TRICKY, "حموشي");
    let src = dir.path().join("a.jsonl");
    std::fs::write(&src, native_line(TRICKY, &[(s, e, "PER", "salma")])).expect("write");
    assert!(hashiya(&[
        "--db",
        db.to_str().unwrap_or_default(),
        "import",
        src.to_str().unwrap_or_default()
    ])
    .status
    .success());

    let srv = start_server(db.to_str().unwrap_or_default(), &ui);
    let host = format!("127.0.0.1:{}", srv.port);
    let ok_headers = [
        ("Host", host.as_str()),
        ("x-hashiya-token", srv.token.as_str()),
        ("Content-Type", "application/json"),
    ];

    let (code, body) = http(srv.port, "GET", "/", &[("Host", &host)], "");
    assert_eq!(code, 200);
    assert!(body.contains("Hashiya"));
    let (code, _) = http(srv.port, "GET", "/../Cargo.toml", &[("Host", &host)], "");
    assert_eq!(code, 404);

    let (code, body) = http(srv.port, "POST", "/api/get_article", &ok_headers, r#"{"id": 1}"#);
    assert_eq!(code, 200, "{body}");
    let view: serde_json::Value = serde_json::from_str(&body).expect("json");
    assert_eq!(view["article"]["text"], TRICKY);
    assert_eq!(view["spans"][0]["text"], "حموشي");

    // Add a span after the emoji and \r\n through HTTP, then see it in the list.
    let (ds, de) = cp_range(TRICKY, "DGSN");
    let req = format!(
        r#"{{"article_id": 1, "annotator": "karim", "start": {ds}, "end": {de}, "label": "ORG"}}"#
    );
    let (code, body) = http(srv.port, "POST", "/api/add_span", &ok_headers, &req);
    assert_eq!(code, 200, "{body}");
    assert!(body.contains("\"text\":\"DGSN\""));

    // Errors come back as {kind, message}.
    let (code, body) = http(
        srv.port,
        "POST",
        "/api/delete_span",
        &ok_headers,
        r#"{"id": 1, "annotator": "karim"}"#,
    );
    assert_eq!(code, 403);
    let err: serde_json::Value = serde_json::from_str(&body).expect("json");
    assert_eq!(err["kind"], "forbidden");
    let (code, body) = http(srv.port, "POST", "/api/nope", &ok_headers, "{}");
    assert_eq!(
        (code, serde_json::from_str::<serde_json::Value>(&body).expect("json")["kind"].clone()),
        (404, "not_found".into())
    );

    // No token, wrong token, foreign Host (DNS rebinding), foreign Origin (cross-site).
    let (code, _) = http(srv.port, "POST", "/api/project_info", &[("Host", &host)], "{}");
    assert_eq!(code, 401);
    let (code, _) = http(
        srv.port,
        "POST",
        "/api/project_info",
        &[("Host", &host), ("x-hashiya-token", "0000")],
        "{}",
    );
    assert_eq!(code, 401);
    let (code, _) = http(
        srv.port,
        "POST",
        "/api/project_info",
        &[("Host", "evil.example:80"), ("x-hashiya-token", &srv.token)],
        "{}",
    );
    assert_eq!(code, 403);
    let (code, _) = http(
        srv.port,
        "POST",
        "/api/project_info",
        &[("Host", &host), ("x-hashiya-token", &srv.token), ("Origin", "http://evil.example")],
        "{}",
    );
    assert_eq!(code, 403);
    let origin = format!("http://{host}");
    let (code, _) = http(
        srv.port,
        "POST",
        "/api/project_info",
        &[("Host", &host), ("x-hashiya-token", &srv.token), ("Origin", &origin)],
        "{}",
    );
    assert_eq!(code, 200);
}

#[test]
fn a_reader_that_stops_early_is_not_an_error() {
    // `hashiya … | head`: the command stops quietly, with no panic and no error message.
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("p.hashiya");
    let src = dir.path().join("a.jsonl");
    let lines: Vec<String> =
        (0..3000).map(|i| format!("{{\"text\": \"خبر رقم {i} عن الرباط\"}}")).collect();
    std::fs::write(&src, lines.join("\n")).expect("write");
    assert!(hashiya(&[
        "--db",
        db.to_str().unwrap_or_default(),
        "import",
        src.to_str().unwrap_or_default()
    ])
    .status
    .success());
    let mut child = Command::new(env!("CARGO_BIN_EXE_hashiya"))
        .args(["--db", db.to_str().unwrap_or_default(), "export"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let mut first = [0u8; 16];
    child.stdout.take().expect("stdout").read_exact(&mut first).expect("read");
    let out = child.wait_with_output().expect("wait");
    let err = text(&out.stderr);
    assert!(!err.contains("panicked") && !err.contains("error"), "{err}");
}

#[test]
fn schema_export_and_import_and_peer_imports_from_the_command_line() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("p.hashiya");
    let db = db.to_str().expect("utf8");
    let xml = dir.path().join("config.xml");
    let out = hashiya(&[
        "--db",
        db,
        "schema",
        "export",
        "--format",
        "labelstudio",
        "--out",
        xml.to_str().expect("utf8"),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("not in this format"));
    let config = std::fs::read_to_string(&xml).expect("config");
    assert!(
        config.starts_with("<View>") && config.contains("<Labels name=\"label\" toName=\"text\">")
    );
    let out = hashiya(&["--db", db, "schema", "export", "--format", "doccano"]);
    assert!(text(&out.stdout).contains("\"suffix_key\": \"p\""));
    let peers = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/peers");
    let other = dir.path().join("q.hashiya");
    let other = other.to_str().expect("utf8");
    let out = hashiya(&["--db", other, "schema", "import", xml.to_str().expect("utf8")]);
    assert!(
        out.status.success() && text(&out.stdout).contains("unchanged: PER"),
        "{}",
        text(&out.stdout)
    );

    // A grapheme-mode doccano zip: stopped (exit 1) with the unit to pass; then imported with it.
    let zip = peers.join("doccano-grapheme-export.zip");
    let out = hashiya(&["--db", db, "import", zip.to_str().expect("utf8")]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stdout).contains("--offsets grapheme"), "{}", text(&out.stdout));
    let out =
        hashiya(&["--db", db, "import", "--offsets", "grapheme", zip.to_str().expect("utf8")]);
    assert!(out.status.success(), "{}", text(&out.stdout));
    assert!(text(&out.stdout).contains("22 spans"), "{}", text(&out.stdout));

    let json = peers.join("labelstudio-export.json");
    let out = hashiya(&[
        "--db",
        db,
        "import",
        "--annotator-map",
        "nonsense",
        json.to_str().expect("utf8"),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("ID=NAME"), "{}", text(&out.stderr));
}
