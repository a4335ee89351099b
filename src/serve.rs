//! Browser mode: the UI and the command API over HTTP, on 127.0.0.1 only, behind a per-run token.

use std::net::SocketAddr;
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

use axum::body::Body;
use axum::extract::{Path as UrlPath, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;

use crate::api::router::{self, SharedProject};
use crate::error::{ApiError, Error, ErrorKind, Result};
use crate::store::Store;

/// The header that carries the per-run token on every API call.
pub const TOKEN_HEADER: &str = "x-hashiya-token";

/// Content-Security-Policy for the UI: nothing remote, no inline script.
pub const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; \
                       font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

/// The largest request body taken (a file imported from the UI travels in one request).
pub const MAX_BODY: usize = 256 << 20;

struct AppState {
    project: SharedProject,
    ui_dir: PathBuf,
    token: String,
    port: u16,
}

/// A fresh random token (hex, 128 bits).
pub fn new_token() -> String {
    let bytes: [u8; 16] = rand::random();
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Where the built UI is: `HASHIYA_UI_DIR`, else `ui/dist` beside the executable's workspace.
pub fn default_ui_dir() -> PathBuf {
    if let Some(d) = std::env::var_os("HASHIYA_UI_DIR") {
        return PathBuf::from(d);
    }
    Path::new(env!("CARGO_MANIFEST_DIR")).join("ui").join("dist")
}

/// A bound listener plus what is needed to run the server on it.
pub struct Server {
    listener: tokio::net::TcpListener,
    state: Arc<AppState>,
}

impl Server {
    /// Bind 127.0.0.1:`port` (0 picks a free port). Fails clearly if the UI is not built.
    pub async fn bind(store: Store, port: u16, ui_dir: PathBuf, token: String) -> Result<Server> {
        if !ui_dir.join("index.html").is_file() {
            return Err(Error::NotFound(format!(
                "the UI is not built ({} is missing); run `npm --prefix ui ci && npm --prefix ui run build` first",
                ui_dir.join("index.html").display()
            )));
        }
        let listener = tokio::net::TcpListener::bind(SocketAddr::from(([127, 0, 0, 1], port)))
            .await
            .map_err(|e| {
                Error::io(
                    format!(
                        "cannot listen on 127.0.0.1:{port} (pass --port N; 0 picks a free one)"
                    ),
                    e,
                )
            })?;
        let port = listener
            .local_addr()
            .map_err(|e| Error::io("cannot read the listening address", e))?
            .port();
        Ok(Server {
            listener,
            state: Arc::new(AppState { project: SharedProject::new(store), ui_dir, token, port }),
        })
    }

    /// The URL to open, token included.
    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}/?token={}", self.state.port, self.state.token)
    }

    /// Serve until Ctrl+C.
    pub async fn run(self) -> Result<()> {
        let app = Router::new()
            .route("/api/{cmd}", post(api))
            .route("/", get(index))
            .route("/{*path}", get(asset))
            .with_state(self.state);
        axum::serve(self.listener, app)
            .with_graceful_shutdown(shutdown_signal())
            .await
            .map_err(|e| Error::io("the HTTP server stopped", e))
    }
}

/// Ctrl+C, or SIGTERM (a service manager or `kill`): stop taking requests and finish those under way,
/// so the project is closed cleanly.
async fn shutdown_signal() {
    #[cfg(unix)]
    {
        let term = async {
            match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
                Ok(mut s) => {
                    s.recv().await;
                }
                Err(_) => std::future::pending::<()>().await,
            }
        };
        tokio::select! {
            _ = tokio::signal::ctrl_c() => {}
            _ = term => {}
        }
    }
    #[cfg(not(unix))]
    {
        let _ = tokio::signal::ctrl_c().await;
    }
}

fn error_response(kind: ErrorKind, message: impl Into<String>) -> Response {
    let status =
        StatusCode::from_u16(kind.http_status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    (status, axum::Json(ApiError::new(kind, message))).into_response()
}

/// Requests must name this server as Host (no DNS rebinding) and, when a browser sends an
/// Origin, come from this server's own pages (no cross-site requests).
// The refusal is a ready response, built once per refused request: its size does not matter.
#[allow(clippy::result_large_err)]
fn check_origin(state: &AppState, headers: &HeaderMap) -> std::result::Result<(), Response> {
    let allowed_hosts = [format!("127.0.0.1:{}", state.port), format!("localhost:{}", state.port)];
    let host = headers.get(header::HOST).and_then(|h| h.to_str().ok()).unwrap_or("");
    if !allowed_hosts.iter().any(|h| h == host) {
        return Err(error_response(
            ErrorKind::Forbidden,
            format!("requests must be addressed to 127.0.0.1:{}", state.port),
        ));
    }
    if let Some(origin) = headers.get(header::ORIGIN) {
        let origin = origin.to_str().unwrap_or("");
        if !allowed_hosts.iter().any(|h| origin == format!("http://{h}")) {
            return Err(error_response(ErrorKind::Forbidden, "cross-site requests are refused"));
        }
    }
    Ok(())
}

/// Compare a presented token with the secret in time that does not depend on where they differ.
fn same_secret(given: &[u8], secret: &[u8]) -> bool {
    given.len() == secret.len()
        && given.iter().zip(secret).fold(0u8, |acc, (a, b)| acc | (a ^ b)) == 0
}

async fn api(
    State(state): State<Arc<AppState>>,
    UrlPath(cmd): UrlPath<String>,
    headers: HeaderMap,
    body: Body,
) -> Response {
    if let Err(r) = check_origin(&state, &headers) {
        return r;
    }
    let token = headers.get(TOKEN_HEADER).and_then(|h| h.to_str().ok()).unwrap_or("");
    if !same_secret(token.as_bytes(), state.token.as_bytes()) {
        return error_response(
            ErrorKind::Unauthorized,
            "missing or wrong token: open the URL that `hashiya serve` printed",
        );
    }
    // Read only after the token is checked, up to a limit large enough for the files the UI imports.
    let body = match axum::body::to_bytes(body, MAX_BODY).await {
        Ok(b) => b,
        Err(_) => {
            return error_response(
                ErrorKind::Invalid,
                format!("the request could not be read whole (over {} MB?); import very large files with `hashiya import`", MAX_BODY >> 20),
            )
        }
    };
    let args: serde_json::Value = if body.is_empty() {
        serde_json::json!({})
    } else {
        match serde_json::from_slice(&body) {
            Ok(v) => v,
            Err(e) => {
                return error_response(
                    ErrorKind::Invalid,
                    format!("the request body is not JSON: {e}"),
                )
            }
        }
    };
    let st = state.clone();
    let result = tokio::task::spawn_blocking(move || router::route(&st.project, &cmd, args)).await;
    match result {
        Ok(Ok(v)) => axum::Json(v).into_response(),
        Ok(Err(e)) => error_response(e.kind, e.message),
        Err(e) => error_response(ErrorKind::Internal, format!("the command failed: {e}")),
    }
}

async fn index(State(state): State<Arc<AppState>>, headers: HeaderMap) -> Response {
    serve_file(&state, &headers, "index.html").await
}

async fn asset(
    State(state): State<Arc<AppState>>,
    UrlPath(path): UrlPath<String>,
    headers: HeaderMap,
) -> Response {
    serve_file(&state, &headers, &path).await
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        "ttf" => "font/ttf",
        "otf" => "font/otf",
        "txt" | "md" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

async fn serve_file(state: &AppState, headers: &HeaderMap, rel: &str) -> Response {
    if let Err(r) = check_origin(state, headers) {
        return r;
    }
    let rel = Path::new(rel);
    if rel.components().any(|c| !matches!(c, Component::Normal(_))) {
        return error_response(ErrorKind::NotFound, "no such file");
    }
    let path = state.ui_dir.join(rel);
    match tokio::fs::read(&path).await {
        Ok(bytes) => {
            let mut resp = bytes.into_response();
            let h = resp.headers_mut();
            h.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type(&path)));
            h.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(CSP));
            h.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
            // The page's URL carries the token: never send it on as a referrer.
            h.insert(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
            h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
            resp
        }
        Err(_) => error_response(ErrorKind::NotFound, format!("no such file: {}", rel.display())),
    }
}

#[cfg(test)]
mod tests {
    use super::same_secret;

    #[test]
    fn tokens_match_only_when_equal() {
        let secret = b"129c745ceaac75fea6415ce285a17d8e";
        let cases: &[(&[u8], bool)] = &[
            (b"129c745ceaac75fea6415ce285a17d8e", true),
            (b"129c745ceaac75fea6415ce285a17d8f", false),
            (b"029c745ceaac75fea6415ce285a17d8e", false),
            (b"129c745ceaac75fea6415ce285a17d8", false),
            (b"", false),
        ];
        for (given, want) in cases {
            assert_eq!(same_secret(given, secret), *want, "{}", String::from_utf8_lossy(given));
        }
    }
}
