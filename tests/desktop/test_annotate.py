"""The whole desktop flow on a real window: open a project, name the analyst, label a span PER with the
palette, export through the Export button and the native save dialog, close the app, and find the span
in the CLI's JSONL export too. Leaves screenshots in artifacts/."""

from __future__ import annotations

import json
import time

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

from conftest import ARTIFACTS, HERE, cli
from xinput import replace_text_and_enter, wait_for_window

ANALYST = "desktop-e2e"
NEEDLE = "كريم بنعلي"
WAIT = 20


def _first_paint(d) -> str:
    """Wait until the UI either asks for the analyst's name or is ready; return which."""
    def state(drv):
        return drv.execute_script(
            "const dlg = document.getElementById('name-dialog');"
            "if (dlg && dlg.open) return 'ask';"
            "return document.body.dataset.ready === 'true' ? 'ready' : null;"
        )

    return WebDriverWait(d, WAIT).until(state, "the UI neither asked for a name nor became ready")


def _check_record(records: list[dict]) -> None:
    assert len(records) == 1
    rec = records[0]
    spans = [s for s in rec["spans"] if s["label"] == "PER"]
    assert len(spans) == 1, rec["spans"]
    span = spans[0]
    assert span["text"] == NEEDLE
    assert rec["text"][span["start"]:span["end"]] == NEEDLE
    assert span["annotator"] == ANALYST


def test_label_a_span_and_export_it(launch, tmp_path, display):
    fixture = HERE / "fixtures" / "ar_sample.txt"
    assert all(ord(c) <= 0xFFFF for c in fixture.read_text(encoding="utf-8")), "keep the fixture in the BMP"
    project = tmp_path / "desk.hashiya"
    cli("--db", str(project), "import", str(fixture))

    d = launch([str(project)])
    wait = WebDriverWait(d, WAIT)

    if _first_paint(d) == "ask":
        name = d.find_element(By.ID, "analyst-name")
        name.clear()
        name.send_keys(ANALYST)
        d.find_element(By.ID, "analyst-save").click()
    wait.until(lambda drv: drv.execute_script("return document.body.dataset.ready === 'true'"), "UI not ready")
    analyst = d.find_element(By.ID, "analyst-label").text
    assert analyst == ANALYST

    item = wait.until(EC.element_to_be_clickable((By.CSS_SELECTOR, "#article-list [data-article-id]")))
    item.click()
    wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, "#article-text p[data-start]")))

    # Offsets of the needle: paragraph start (UTF-16 = code points, the fixture is all BMP) + index in it.
    paras = d.execute_script(
        "return [...document.querySelectorAll('#article-text p[data-start]')]"
        ".map(p => [Number(p.dataset.start), p.textContent]);"
    )
    hits = [(s + t.index(NEEDLE)) for s, t in paras if NEEDLE in t]
    assert hits, f"{NEEDLE!r} is not in the rendered article: {paras!r}"
    start = hits[0]
    end = start + len(NEEDLE)

    d.execute_script("window.hashiya.selectRange(arguments[0], arguments[1]);", start, end)
    d.find_element(By.CSS_SELECTOR, '#palette [data-label="PER"]').click()
    wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, '.hl[data-span-id][data-label="PER"]')))

    # The highlight boxes must sit over the needle's glyphs (compare with a DOM Range around the text).
    geo = d.execute_script(
        """
        const [needle] = arguments;
        const p = [...document.querySelectorAll('#article-text p[data-start]')].find(p => p.textContent.includes(needle));
        const node = p.firstChild, i = p.textContent.indexOf(needle);
        const r = document.createRange();
        r.setStart(node, i); r.setEnd(node, i + needle.length);
        const t = r.getBoundingClientRect();
        const boxes = [...document.querySelectorAll('.hl[data-label="PER"]')].map(b => b.getBoundingClientRect());
        const u = {
          left: Math.min(...boxes.map(b => b.left)), right: Math.max(...boxes.map(b => b.right)),
          top: Math.min(...boxes.map(b => b.top)), bottom: Math.max(...boxes.map(b => b.bottom)),
        };
        return { text: { left: t.left, right: t.right, top: t.top, bottom: t.bottom }, hl: u, n: boxes.length };
        """,
        NEEDLE,
    )
    for side in ("left", "right", "top", "bottom"):
        assert abs(geo["text"][side] - geo["hl"][side]) <= 3, geo

    time.sleep(0.5)  # a WebDriver screenshot can lag the DOM a little
    shot = ARTIFACTS / "desktop-annotated.png"
    assert d.save_screenshot(str(shot)), "screenshot failed"

    # Export with the real buttons: the export dialog (JSONL), the native GTK save dialog (typed into over
    # XTest), then export_to_file.
    d.find_element(By.ID, "export-btn").click()
    wait.until(lambda drv: drv.execute_script("return document.getElementById('export-dialog')?.open === true"))
    Select(d.find_element(By.ID, "export-format")).select_by_value("jsonl")
    d.find_element(By.ID, "export-run").click()
    dp, dialog = wait_for_window(display, "Save File")
    try:
        target = tmp_path / "exports" / "from-dialog.jsonl"
        target.parent.mkdir()
        replace_text_and_enter(dp, dialog, str(target))
    finally:
        dp.close()
    wait.until(lambda drv: target.is_file(), f"the save dialog did not lead to {target}")
    wait.until(lambda drv: str(target) in drv.find_element(By.ID, "toast").text, "no export toast")
    assert "1 spans" in d.find_element(By.ID, "toast").text or "1 span" in d.find_element(By.ID, "toast").text
    _check_record([json.loads(line) for line in target.read_text(encoding="utf-8").splitlines() if line.strip()])
    assert not list(target.parent.glob(".*partial*")), "a temporary export file was left behind"

    d.quit()  # closes the app; every command was already committed

    out = cli("--db", str(project), "export", "--format", "jsonl").stdout
    _check_record([json.loads(line) for line in out.splitlines() if line.strip()])
