"""The Tauri shell on its own: command line, its commands over real IPC, where exports may be written, the
capabilities (least privilege), CSP, window title."""

from __future__ import annotations

import json
import os
import subprocess
import time
from pathlib import Path

from conftest import DESKTOP_BIN, HERE, cli
from xinput import focus, press, wait_for_window

INVOKE = """
const [cmd, args, done] = arguments;
window.__TAURI_INTERNALS__.invoke(cmd, args).then(
  (value) => done({ ok: true, value }),
  (error) => done({ ok: false, error }),
);
"""


def invoke(driver, cmd: str, args: dict) -> dict:
    driver.set_script_timeout(20)
    return driver.execute_async_script(INVOKE, cmd, args)


def test_unopenable_project_is_a_clear_error(binaries, tmp_path):
    bad = tmp_path / "no" / "such" / "folder" / "p.hashiya"
    r = subprocess.run([str(DESKTOP_BIN), str(bad)], capture_output=True, text=True, timeout=60)
    assert r.returncode == 1
    assert r.stderr.startswith("hashiya-desktop: ") and str(bad) in r.stderr
    assert "panicked" not in r.stderr and "backtrace" not in r.stderr.lower()


def test_command_line_usage(binaries):
    r = subprocess.run([str(DESKTOP_BIN), "--help"], capture_output=True, text=True, timeout=60)
    assert r.returncode == 0 and "usage: hashiya-desktop [FILE]" in r.stdout
    r = subprocess.run([str(DESKTOP_BIN), "a", "b"], capture_output=True, text=True, timeout=60)
    assert r.returncode == 2 and "only one project FILE" in r.stderr
    # The debug-build test option (save dialogs answer a folder) is not advertised; release builds refuse it.
    assert "test-save-dir" not in subprocess.run([str(DESKTOP_BIN), "--help"], capture_output=True, text=True, timeout=60).stdout
    r = subprocess.run([str(DESKTOP_BIN), "--test-save-dir"], capture_output=True, text=True, timeout=60)
    assert r.returncode == 2, r.stderr


def test_commands_over_ipc(launch, tmp_path):
    project = tmp_path / "shell.hashiya"
    saves = tmp_path / "saves"
    saves.mkdir()
    # Debug builds only: every save dialog answers saves/<suggested name> without showing.
    d = launch(["--test-save-dir", str(saves), str(project)])
    assert d.title  # the page loaded

    r = invoke(d, "api", {"cmd": "project_info", "args": {}})
    assert r["ok"], r
    assert Path(r["value"]["path"]) == project
    assert r["value"]["article_count"] == 0

    text = (HERE / "fixtures" / "ar_sample.txt").read_text(encoding="utf-8")
    r = invoke(d, "api", {"cmd": "import_files", "args": {"files": [{"name": "ar_sample.txt", "content": text}]}})
    assert r["ok"], r
    assert len(r["value"]["imported"]) == 1

    r = invoke(d, "api", {"cmd": "no_such_command", "args": {}})
    assert not r["ok"] and r["error"]["kind"] == "not_found"

    out = saves / "out.jsonl"
    r = invoke(d, "export_to_file", {"format": "jsonl", "name": "out.jsonl"})
    assert r["ok"], r
    assert r["value"]["status"] == "written"
    assert r["value"]["articles"] == 1 and r["value"]["spans"] == 0
    assert r["value"]["files"] == [str(out)]
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 1 and json.loads(lines[0])["text"].startswith("قمة الرباط")

    # The export options travel as `req` (the core's ExportReq) and are honoured.
    req = {"format": "jsonl", "query": "no such text anywhere"}
    r = invoke(d, "export_to_file", {"format": "jsonl", "name": "filtered.jsonl", "req": req})
    assert r["ok"], r
    assert r["value"]["articles"] == 0 and (saves / "filtered.jsonl").read_text(encoding="utf-8") == ""
    r = invoke(d, "export_to_file", {"format": "conll", "name": "x.conll", "req": req})
    assert not r["ok"] and r["error"]["kind"] == "invalid", r
    r = invoke(d, "export_to_file", {"format": "nope", "name": "x.nope"})
    assert not r["ok"] and r["error"]["kind"] == "invalid"
    assert sorted(p.name for p in saves.iterdir() if not p.name.endswith(".manifest.json")) == ["filtered.jsonl", "out.jsonl"]


def test_the_webview_cannot_choose_where_files_are_written(launch, tmp_path):
    """Only a dialog the user answered (or the app's own recent list) names a file the shell writes, creates or opens."""
    project = tmp_path / "where.hashiya"
    saves = tmp_path / "saves"
    saves.mkdir()
    d = launch(["--test-save-dir", str(saves), str(project)])
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()

    # A path argument is not part of export_to_file: alone it is refused, next to a name it is ignored.
    target = elsewhere / "planted.jsonl"
    r = invoke(d, "export_to_file", {"format": "jsonl", "path": str(target)})
    assert not r["ok"], r
    r = invoke(d, "export_to_file", {"format": "jsonl", "name": "chosen.jsonl", "path": str(target)})
    assert r["ok"] and r["value"]["files"] == [str(saves / "chosen.jsonl")], r
    # The suggested name is a file name only: no folder, no way out of the dialog's answer.
    for name in ["../up.jsonl", str(target), "a/b.jsonl", "..", ""]:
        r = invoke(d, "export_to_file", {"format": "jsonl", "name": name})
        assert not r["ok"] and r["error"]["kind"] == "invalid", (name, r)
        r = invoke(d, "new_project", {"name": name})
        assert not r["ok"] and r["error"]["kind"] == "invalid", (name, r)
    r = invoke(d, "new_project", {"path": str(elsewhere / "p.hashiya"), "name": "made.hashiya"})
    assert r["ok"] and r["value"]["path"] == str(saves / "made.hashiya"), r

    # open_project takes a path only from the recent list (a project created elsewhere, by the CLI, is not in it).
    other = elsewhere / "other.hashiya"
    cli("--db", str(other), "import", str(HERE / "fixtures" / "ar_sample.txt"))
    for path in [other, elsewhere / "missing.hashiya", Path("/etc/passwd"), "relative.hashiya"]:
        r = invoke(d, "open_project", {"path": str(path)})
        assert not r["ok"] and r["error"]["kind"] == "forbidden", (path, r)
    assert Path(invoke(d, "api", {"cmd": "project_info", "args": {}})["value"]["path"]) == saves / "made.hashiya"
    assert not target.exists() and not (elsewhere / "p.hashiya").exists()


def test_csp_blocks_remote_and_inline_script(launch, tmp_path):
    d = launch([str(tmp_path / "csp.hashiya")])
    # The policy arrives as a header on the tauri:// protocol; check its effect, reported by the engine.
    d.set_script_timeout(20)
    verdict = d.execute_async_script(
        """
        const done = arguments[0];
        const violated = [];
        document.addEventListener('securitypolicyviolation', (e) => violated.push(e.effectiveDirective));
        let inlineRan = false;
        window.__cspProbe = () => { inlineRan = true; };
        const s = document.createElement('script');
        s.textContent = 'window.__cspProbe()';
        document.head.appendChild(s);
        const finish = () => setTimeout(() => done({ inlineRan, violated: [...new Set(violated)].sort() }), 500);
        fetch('http://127.0.0.1:9/').then(finish, finish);
        """
    )
    assert verdict["inlineRan"] is False
    assert "connect-src" in verdict["violated"], verdict
    assert {"script-src", "script-src-elem"} & set(verdict["violated"]), verdict


def test_relative_project_path_is_made_absolute(launch, tmp_path):
    # The app inherits this process's working directory (through tauri-driver and WebKitWebDriver).
    rel = os.path.relpath(tmp_path / "rel.hashiya")
    assert not os.path.isabs(rel)
    d = launch([rel])
    r = invoke(d, "api", {"cmd": "project_info", "args": {}})
    assert r["ok"], r
    assert r["value"]["path"] == str(tmp_path / "rel.hashiya")
    assert (tmp_path / "rel.hashiya").is_file()


def test_no_argument_opens_the_demo_project(launch, app_home):
    d = launch([])
    r = invoke(d, "api", {"cmd": "project_info", "args": {}})
    assert r["ok"], r
    assert Path(r["value"]["path"]) == app_home / "data" / "hashiya" / "demo.hashiya"
    assert r["value"]["article_count"] == 4


def test_only_granted_permissions(launch, tmp_path, display):
    d = launch([str(tmp_path / "acl.hashiya")])
    # Nothing of a plugin or of the core is granted in capabilities/default.json: not the dialogs (the shell
    # shows them itself), not core APIs, not fs.
    for cmd, args in [
        ("plugin:dialog|save", {"options": {"defaultPath": str(tmp_path / "x.jsonl")}}),
        ("plugin:dialog|open", {"options": {}}),
        ("plugin:dialog|message", {"message": "x"}),
        ("plugin:event|listen", {"event": "x", "target": {"kind": "Any"}, "handler": 0}),
        ("plugin:fs|read_file", {"path": "/etc/hostname"}),
    ]:
        r = invoke(d, cmd, args)
        assert not r["ok"] and "not allowed" in str(r["error"]), (cmd, r)
    # The app's own export shows the real GTK save dialog; closing it is an answer, not an error.
    d.set_script_timeout(30)
    d.execute_script(
        """
        window.__exportAnswer = null;
        window.__TAURI_INTERNALS__.invoke('export_to_file', { format: 'jsonl', name: 'never.jsonl' })
          .then((value) => (window.__exportAnswer = { ok: true, value }), (error) => (window.__exportAnswer = { ok: false, error }));
        """
    )
    dp, dialog = wait_for_window(display, "Save File")
    try:
        focus(dp, dialog)
        press(dp, "Escape")
    finally:
        dp.close()
    answer = None
    for _ in range(100):
        answer = d.execute_script("return window.__exportAnswer")
        if answer:
            break
        time.sleep(0.1)
    assert answer == {"ok": True, "value": {"status": "cancelled"}}, answer
    assert not list(tmp_path.glob("never*"))
