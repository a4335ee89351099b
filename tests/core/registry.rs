//! The command registry: every declared command is routed, and the rolling backup follows what a
//! command did (a change), whatever it was declared as — no write can bypass it.

use hashiya::api::commands;
use hashiya::api::registry::Route;
use hashiya::api::router::{route, SharedProject};
use hashiya::articles::{self, NewArticle};
use hashiya::{backup, Store};
use serde_json::json;

fn project_on_disk(dir: &std::path::Path) -> (std::path::PathBuf, i64) {
    let path = dir.join("p.hashiya");
    let mut store = Store::open(&path).expect("open");
    let id = store
        .with_tx(|tx| {
            articles::insert(
                tx,
                &NewArticle { text: "وزار عمر الرباط".into(), ..Default::default() },
            )
        })
        .expect("insert")
        .id();
    (path, id)
}

#[test]
fn every_declared_command_is_routed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (path, _) = project_on_disk(dir.path());
    let project = SharedProject::new(Store::open(&path).expect("open"));
    for c in commands() {
        // Empty arguments: each command answers, or refuses its arguments — never "unknown command".
        let r = route(&project, c.name, json!({}));
        if let Err(e) = &r {
            assert!(!e.message.contains("unknown command"), "{}: {}", c.name, e.message);
            if c.route == Route::Desktop {
                assert!(e.message.contains("only available in the desktop app"), "{}", e.message);
            }
        }
    }
    let e = route(&project, "no_such_command", json!({})).expect_err("unknown");
    assert_eq!(e.kind, "not_found");
}

#[test]
fn the_rolling_backup_follows_changes_not_declarations() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (path, id) = project_on_disk(dir.path());
    let project = SharedProject::new(Store::open(&path).expect("open"));
    let backups = || backup::list(&path).expect("list").len();
    // Reads change nothing: no backup.
    for (cmd, args) in [
        ("project_info", json!({})),
        ("get_article", json!({"id": id})),
        ("list_articles", json!({"annotator": "amal"})),
        ("progress", json!({})),
    ] {
        route(&project, cmd, args).expect(cmd);
    }
    assert_eq!(backups(), 0, "a read made a backup");
    // The session's first change backs up, whichever module's command it is.
    route(
        &project,
        "set_tag",
        json!({"article_id": id, "annotator": "amal", "label": "politics", "on": true}),
    )
    .expect("set_tag");
    assert_eq!(backups(), 1);
    // A refused write changes nothing and so takes no backup of its own.
    let fresh = SharedProject::new(Store::open(&path).expect("reopen"));
    let bad =
        json!({"article_id": id, "annotator": "amal", "start": 0, "end": 999, "label": "PER"});
    route(&fresh, "add_span", bad).expect_err("out of range");
    assert_eq!(backups(), 1);
    route(
        &fresh,
        "add_span",
        json!({"article_id": id, "annotator": "amal", "start": 5, "end": 8, "label": "PER"}),
    )
    .expect("add_span");
    assert_eq!(backups(), 2, "a new session's first change backs up again");
}
