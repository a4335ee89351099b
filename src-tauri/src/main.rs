//! Placeholder so the workspace resolves; the desktop shell is written next.
fn main() {}
