//! Build script: tauri-build reads tauri.conf.json and capabilities/ and writes gen/schemas.
fn main() {
    tauri_build::build()
}
