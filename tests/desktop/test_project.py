"""Projects in the desktop window: the commands File → New / Open / Open Recent use (the shell shows the dialogs;
a path from the page is accepted only from the recent list), the recent list (in the app's
config folder, last 10), the real File menu (Ctrl+O → the native dialog → the other project, Ctrl+I → the import
dialog, Ctrl+E → the export dialog, and a screenshot of the open menu), the window's size remembered between runs, and closing the window closing the project cleanly."""

from __future__ import annotations

import json
import subprocess
import time
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import ARTIFACTS, HERE, cli
from test_shell import invoke
from xinput import click, close_window, find_window_containing, focus, press, resize, type_location_and_enter, window_gone, wait_for_window

CONFIG = "org.hashiya.app"


def _project(tmp_path: Path, name: str, articles: int = 1) -> Path:
    """A project made with the CLI, holding `articles` copies of the Arabic fixture (different first lines)."""
    p = tmp_path / f"{name}.hashiya"
    text = (HERE / "fixtures" / "ar_sample.txt").read_text(encoding="utf-8")
    for i in range(articles):
        f = tmp_path / f"{name}-{i}.txt"
        f.write_text(f"{name} {i}\n{text}", encoding="utf-8")
        cli("--db", str(p), "import", str(f))
    return p


def _ready(d) -> None:
    """Wait for the page (answering the first-run name dialog if it is up)."""
    wait = WebDriverWait(d, 30)
    wait.until(lambda drv: drv.execute_script("return document.body.dataset.ready === 'true' || !!document.querySelector('#name-dialog[open]')"))
    if d.execute_script("return !!document.querySelector('#name-dialog[open]')"):
        d.find_element(By.ID, "analyst-name").send_keys("Desk")
        d.find_element(By.ID, "analyst-save").click()
        wait.until(lambda drv: drv.execute_script("return document.body.dataset.ready === 'true'"))


def test_open_and_new_project_commands_and_the_recent_list(launch, tmp_path, app_home):
    a, b = _project(tmp_path, "alpha"), _project(tmp_path, "beta", 2)
    # A project opened from the command line goes into the recent list, so open_project accepts its path later.
    launch([str(b)]).quit()
    saves = tmp_path / "sub"
    saves.mkdir()
    # Debug builds only: the shell's save dialogs answer saves/<suggested name> without showing.
    d = launch(["--test-save-dir", str(saves), str(a)])
    _ready(d)

    r = invoke(d, "open_project", {"path": str(b)})
    assert r["ok"], r
    assert r["value"] == {"status": "opened", "path": str(b), "name": "beta"}
    info = invoke(d, "api", {"cmd": "project_info", "args": {}})["value"]
    assert Path(info["path"]) == b and info["article_count"] == 2

    # Opened projects go first in the recent list, kept in the app's config folder.
    r = invoke(d, "recent_projects", {})
    assert r["ok"] and r["value"][:2] == [str(b), str(a)], r
    stored = json.loads((app_home / "config" / CONFIG / "recent.json").read_text(encoding="utf-8"))
    assert stored[:2] == [str(b), str(a)]

    # New project: the shell's save dialog picks the file (".hashiya" appended), which is created and opened, empty.
    c = saves / "gamma.hashiya"
    r = invoke(d, "new_project", {"name": "gamma"})
    assert r["ok"] and r["value"] == {"status": "opened", "path": str(c), "name": "gamma"}, r
    assert c.is_file()
    info = invoke(d, "api", {"cmd": "project_info", "args": {}})["value"]
    assert Path(info["path"]) == c and info["article_count"] == 0

    # Refusals are clear and leave the open project alone.
    for cmd, args, kind in [
        ("new_project", {"name": "gamma.hashiya"}, "conflict"),  # never overwrites a project
        ("new_project", {"name": "gamma"}, "conflict"),  # nor once ".hashiya" is appended
        ("new_project", {"name": "../up.hashiya"}, "invalid"),  # a suggested name, never a path
        ("open_project", {"path": str(tmp_path / "missing.hashiya")}, "forbidden"),  # not in the recent list
        ("open_project", {"path": "relative.hashiya"}, "forbidden"),
        ("open_project", {"path": str(_project(tmp_path, "never-opened"))}, "forbidden"),
    ]:
        r = invoke(d, cmd, args)
        assert not r["ok"] and r["error"]["kind"] == kind, (cmd, args, r)
    info = invoke(d, "api", {"cmd": "project_info", "args": {}})["value"]
    assert Path(info["path"]) == c
    # A recent project that is no longer a project: a clear error, nothing swapped.
    junk = saves / "junk.hashiya"
    assert invoke(d, "new_project", {"name": "junk.hashiya"})["ok"]
    assert invoke(d, "open_project", {"path": str(c)})["ok"]
    junk.write_text("not sqlite at all " * 100, encoding="utf-8")
    r = invoke(d, "open_project", {"path": str(junk)})
    assert not r["ok"] and str(junk) in r["error"]["message"], r
    assert Path(invoke(d, "api", {"cmd": "project_info", "args": {}})["value"]["path"]) == c

    # The closed project's file is whole and usable by the CLI.
    assert "beta 1" in cli("--db", str(b), "export", "--format", "jsonl").stdout

    # At most 10, most recent first; files that vanished are left out.
    more = []
    for i in range(11):
        r = invoke(d, "new_project", {"name": f"many{i}"})
        assert r["ok"], r
        more.append(str(saves / f"many{i}.hashiya"))
    r = invoke(d, "recent_projects", {})["value"]
    assert r == list(reversed(more))[:10], r
    Path(more[-2]).unlink()
    r = invoke(d, "recent_projects", {})["value"]
    assert r == [more[10], *reversed(more[1:9])], r


def test_file_menu_opens_another_project(launch, tmp_path, display):
    a, b = _project(tmp_path, "menu-a"), _project(tmp_path, "menu-b", 3)
    d = launch([str(a)])
    _ready(d)
    assert d.find_element(By.ID, "project-name").text == "menu-a"

    dp, win = find_window_containing(display, "menu-a — Hashiya")
    try:
        # The File menu, opened with the mouse, for the screenshot.
        click(dp, win, 22, 12)
        time.sleep(0.6)
        click(dp, win, 70, 94)  # Open Recent
        time.sleep(0.8)
        shot = ARTIFACTS / "desktop-file-menu.png"
        subprocess.run(["import", "-display", display, "-window", "root", str(shot)], check=True, timeout=30)
        press(dp, "Escape")
        press(dp, "Escape")
        time.sleep(0.3)
        # Ctrl+O, the menu's accelerator: the page shows the native open dialog.
        focus(dp, win)
        press(dp, "o", ctrl=True)
        dp2, dialog = wait_for_window(display, "Open project")
        try:
            type_location_and_enter(dp2, dialog, str(b))
        finally:
            dp2.close()
    finally:
        dp.close()

    # The page started again on the other project.
    WebDriverWait(d, 30).until(lambda drv: drv.execute_script("return document.getElementById('project-name')?.textContent") == "menu-b")
    _ready(d)
    assert d.execute_script("return document.querySelectorAll('#article-list [data-article-id]').length") == 3
    assert invoke(d, "recent_projects", {})["value"][:2] == [str(b), str(a)]
    dp, win = find_window_containing(display, "menu-b — Hashiya")  # the window title follows
    try:
        # Ctrl+I: the import dialog.
        focus(dp, win)
        press(dp, "i", ctrl=True)
        WebDriverWait(d, 10).until(lambda drv: drv.execute_script("return document.getElementById('import-dialog')?.open === true"))
        d.execute_script("document.getElementById('import-dialog').close()")
        # Ctrl+E: the export dialog.
        focus(dp, win)
        press(dp, "e", ctrl=True)
        WebDriverWait(d, 10).until(lambda drv: drv.execute_script("return document.getElementById('export-dialog')?.open === true"))
    finally:
        dp.close()


def test_window_size_is_remembered(launch, tmp_path, display, app_home):
    state = app_home / "config" / CONFIG / ".window-state.json"
    p = _project(tmp_path, "size")
    d = launch([str(p)])
    _ready(d)
    dp, win = find_window_containing(display, "size — Hashiya")
    try:
        resize(dp, win, 1000, 700)
        deadline = time.monotonic() + 10
        saved = {}
        while time.monotonic() < deadline:
            try:
                saved = json.loads(state.read_text(encoding="utf-8")).get("main", {})
            except (OSError, ValueError):  # not there yet, or being written
                saved = {}
            if saved.get("width") == 1000 and saved.get("height") == 700:
                break
            time.sleep(0.2)
        assert saved.get("width") == 1000 and saved.get("height") == 700, saved
    finally:
        dp.close()
    d.quit()  # the app is killed: the size was saved when the resizing stopped, not at exit

    d = launch([str(p)])
    _ready(d)
    dp, win = find_window_containing(display, "size — Hashiya")
    try:
        geo = win.get_geometry()
        assert (geo.width, geo.height) == (1000, 700), (geo.width, geo.height)
    finally:
        dp.close()
    state.unlink()  # the other tests start at the default size


def test_closing_the_window_closes_the_project_cleanly(launch, tmp_path, display):
    p = _project(tmp_path, "closing")
    d = launch([str(p)])
    _ready(d)
    info = invoke(d, "api", {"cmd": "list_articles", "args": {"annotator": "Desk"}})["value"]
    art = info["items"][0]["id"]
    r = invoke(d, "api", {"cmd": "set_status", "args": {"article_id": art, "annotator": "Desk", "status": "done"}})
    assert r["ok"], r
    assert Path(f"{p}-wal").exists(), "the project is open in WAL mode"

    dp, win = find_window_containing(display, "closing — Hashiya")
    try:
        close_window(dp, win)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and not window_gone(dp, win):
            time.sleep(0.2)
        assert window_gone(dp, win), "the window did not close"
    finally:
        dp.close()
    # The store was dropped: SQLite checkpointed its log into the file and removed it.
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and Path(f"{p}-wal").exists():
        time.sleep(0.2)
    assert not Path(f"{p}-wal").exists(), "the project was not closed cleanly"
    rec = json.loads(cli("--db", str(p), "export", "--format", "jsonl").stdout.splitlines()[0])
    assert rec["status"] == [{"annotator": "Desk", "status": "done", "updated_at": rec["status"][0]["updated_at"]}]
