//! Shared helpers of the reliability tests: the `hashiya` binary, seeds, browser mode over raw HTTP, project checks.
#![allow(dead_code)]

pub mod annotator;
pub mod corpus;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use rusqlite::{Connection, OpenFlags};

/// The debug `hashiya` binary that `cargo test` builds.
pub const BIN: &str = env!("CARGO_BIN_EXE_hashiya");

/// A count from the environment (`name`), or `default`.
pub fn env_count(name: &str, default: usize) -> usize {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

/// The seed of a randomised test: `HASHIYA_SEED` if set, else the clock. Printed so a failure can be replayed.
pub fn seed(test: &str) -> u64 {
    let seed =
        std::env::var("HASHIYA_SEED").ok().and_then(|v| v.parse().ok()).unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_nanos() as u64)
                .unwrap_or(7)
        });
    eprintln!("{test}: seed {seed} (replay with HASHIYA_SEED={seed})");
    seed
}

/// Run the CLI to completion.
pub fn hashiya(args: &[&str]) -> std::process::Output {
    Command::new(BIN).args(args).output().expect("run hashiya")
}

pub fn s(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

/// A folder with a stand-in UI, enough for `hashiya serve` to start.
pub fn fake_ui(dir: &Path) -> PathBuf {
    let ui = dir.join("ui");
    std::fs::create_dir_all(&ui).expect("mkdir ui");
    std::fs::write(ui.join("index.html"), "<!doctype html><title>Hashiya</title>")
        .expect("write index.html");
    ui
}

/// `hashiya serve` on a free port.
pub struct Server {
    pub child: Child,
    pub port: u16,
    pub token: String,
}

impl Server {
    /// Start it; `None` if it died before printing its URL (killed early, or refused the project).
    pub fn start(db: &Path, ui: &Path) -> Option<Server> {
        let mut child = Command::new(BIN)
            .args(["--db", s(db), "serve", "--port", "0", "--ui", s(ui)])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn serve");
        let stdout = child.stdout.take().expect("stdout");
        let mut lines = BufReader::new(stdout).lines();
        let url = loop {
            match lines.next() {
                Some(Ok(line)) => {
                    if let Some(u) = line.strip_prefix("Open ") {
                        break u.to_string();
                    }
                }
                _ => {
                    let _ = child.kill();
                    let _ = child.wait();
                    return None;
                }
            }
        };
        std::thread::spawn(move || lines.for_each(drop));
        let rest = url.strip_prefix("http://127.0.0.1:").expect("loopback URL");
        let (port, token) = rest.split_once("/?token=").expect("token in URL");
        Some(Server { child, port: port.parse().expect("port"), token: token.to_string() })
    }

    /// A handle other threads can post through.
    pub fn client(&self) -> Client {
        Client { port: self.port, token: self.token.clone() }
    }

    /// SIGKILL, and reap.
    pub fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    /// SIGTERM (a clean stop), and reap.
    pub fn stop(&mut self) {
        let _ = Command::new("kill").args(["-TERM", &self.child.id().to_string()]).status();
        let deadline = Instant::now() + Duration::from_secs(20);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        self.kill();
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.kill();
    }
}

#[derive(Clone)]
pub struct Client {
    pub port: u16,
    pub token: String,
}

impl Client {
    /// POST /api/{cmd}. Status 0 means no answer (the server died or the connection broke).
    pub fn post(&self, cmd: &str, body: &serde_json::Value) -> (u16, String) {
        self.post_raw(cmd, &body.to_string())
    }

    /// POST a body as given (which need not be JSON).
    pub fn post_raw(&self, cmd: &str, body: &str) -> (u16, String) {
        let Ok(mut stream) = TcpStream::connect(("127.0.0.1", self.port)) else {
            return (0, String::new());
        };
        let _ = stream.set_read_timeout(Some(Duration::from_secs(60)));
        let req = format!(
            "POST /api/{cmd} HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nx-hashiya-token: {}\r\nContent-Type: application/json\r\n\
             Connection: close\r\nContent-Length: {}\r\n\r\n{body}",
            self.port,
            self.token,
            body.len()
        );
        if stream.write_all(req.as_bytes()).is_err() {
            return (0, String::new());
        }
        let mut resp = Vec::new();
        if stream.read_to_end(&mut resp).is_err() {
            return (0, String::new());
        }
        let resp = String::from_utf8_lossy(&resp);
        let status = resp.split(' ').nth(1).and_then(|c| c.parse().ok()).unwrap_or(0);
        let body = resp.split_once("\r\n\r\n").map(|x| x.1.to_string()).unwrap_or_default();
        (status, body)
    }
}

/// What must hold after any crash: SQLite's integrity and foreign-key checks pass, and Hashiya opens it.
pub fn check_project(path: &Path) -> Result<(), String> {
    if !path.exists() {
        // Killed before the project file was created: the app opens it as a new, empty project.
        hashiya::Store::open(path)
            .map(drop)
            .map_err(|e| format!("Hashiya cannot create {}: {e}", path.display()))?;
    }
    {
        let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_WRITE)
            .map_err(|e| format!("cannot open {}: {e}", path.display()))?;
        conn.busy_timeout(Duration::from_secs(10)).map_err(|e| e.to_string())?;
        let check: String = conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .map_err(|e| format!("integrity_check: {e}"))?;
        if check != "ok" {
            return Err(format!("integrity_check: {check}"));
        }
        let mut st = conn.prepare("PRAGMA foreign_key_check").map_err(|e| e.to_string())?;
        let bad = st.query_map([], |_| Ok(())).map_err(|e| e.to_string())?.count();
        if bad > 0 {
            return Err(format!("foreign_key_check: {bad} rows"));
        }
    }
    hashiya::Store::open(path).map(drop).map_err(|e| format!("Hashiya cannot open it: {e}"))
}

/// Read-only connection for assertions.
pub fn read(path: &Path) -> Connection {
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY)
        .expect("open read-only");
    conn.busy_timeout(Duration::from_secs(10)).expect("busy timeout");
    conn
}

pub fn count(conn: &Connection, sql: &str) -> i64 {
    conn.query_row(sql, [], |r| r.get(0)).unwrap_or_else(|e| panic!("{sql}: {e}"))
}

/// Peak resident memory (VmHWM, kB) of a child, sampled from /proc until it exits; and its exit status.
pub fn run_measuring(cmd: &mut Command) -> (std::process::ExitStatus, u64, Duration) {
    let t0 = Instant::now();
    let mut child = cmd.stdout(Stdio::null()).stderr(Stdio::piped()).spawn().expect("spawn");
    let status_file = format!("/proc/{}/status", child.id());
    let mut stderr = child.stderr.take().expect("stderr");
    let drain = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = stderr.read_to_string(&mut s);
        s
    });
    let mut peak = 0u64;
    let status = loop {
        if let Ok(st) = std::fs::read_to_string(&status_file) {
            if let Some(kb) = st
                .lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
            {
                peak = peak.max(kb);
            }
        }
        if let Some(st) = child.try_wait().expect("wait") {
            break st;
        }
        std::thread::sleep(Duration::from_millis(2));
    };
    let err = drain.join().unwrap_or_default();
    if !status.success() {
        eprintln!("{err}");
    }
    (status, peak, t0.elapsed())
}
