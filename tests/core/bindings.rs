//! Fails when `ui/src/bindings.ts` no longer matches the Rust types (regenerate with UPDATE_BINDINGS=1).

#[test]
fn typescript_bindings_are_up_to_date() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("ui/src/bindings.ts");
    let want = hashiya::bindings::typescript();
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        std::fs::write(&path, &want).expect("write ui/src/bindings.ts");
        return;
    }
    let have = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        have == want,
        "ui/src/bindings.ts is stale: run `UPDATE_BINDINGS=1 cargo test --test core bindings` and commit the result"
    );
}
