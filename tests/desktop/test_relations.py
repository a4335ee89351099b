"""One relation in the real window: label a person and a place, open the person's editor, Relation…, click the
place's highlight, pick VISITS; the arc is drawn above the line with its label, and the CLI's export carries the
relation. Leaves artifacts/desktop-relation.png."""

from __future__ import annotations

import json
import time

from selenium.webdriver.common.actions.action_builder import ActionBuilder
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

from conftest import ARTIFACTS, HERE, cli

ANALYST = "desktop-relations"
ANALYST_KEY = "hashiya.analyst"  # ui/src/analyst.ts
PERSON = "كريم بنعلي"
PLACE = "الرباط"
WAIT = 20


def _offsets(d, needle: str, after: str = "") -> tuple[int, int]:
    """Code-point offsets of `needle` (after `after` in its paragraph); the fixture is all BMP."""
    paras = d.execute_script(
        "return [...document.querySelectorAll('#article-text p[data-start]')]"
        ".map(p => [Number(p.dataset.start), p.textContent]);"
    )
    for start, text in paras:
        if needle in text and after in text:
            i = text.index(needle, text.index(after) if after else 0)
            return start + i, start + i + len(needle)
    raise AssertionError(f"{needle!r} is not in the article: {paras!r}")


def _label(d, wait, needle: str, label: str, after: str = "") -> None:
    s, e = _offsets(d, needle, after)
    d.execute_script("window.hashiya.selectRange(arguments[0], arguments[1]);", s, e)
    d.find_element(By.CSS_SELECTOR, f'#palette [data-label="{label}"]').click()
    wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, f'.hl[data-span-id][data-label="{label}"]')))


def _click_at_text(d, needle: str, after: str = "") -> None:
    """A real pointer click at the middle of `needle` (after `after` in its paragraph) in the article."""
    x, y = d.execute_script(
        """
        const [needle, after] = arguments;
        const p = [...document.querySelectorAll('#article-text p[data-start]')].find(p => p.textContent.includes(needle) && p.textContent.includes(after));
        const r = document.createRange();
        const i = p.textContent.indexOf(needle, after ? p.textContent.indexOf(after) : 0);
        r.setStart(p.firstChild, i); r.setEnd(p.firstChild, i + needle.length);
        const b = r.getBoundingClientRect();
        return [Math.round(b.left + b.width / 2), Math.round(b.top + b.height / 2)];
        """,
        needle,
        after,
    )
    actions = ActionBuilder(d)
    actions.pointer_action.move_to_location(x, y).click()
    actions.perform()


def test_make_one_relation(launch, tmp_path, display):
    fixture = HERE / "fixtures" / "ar_sample.txt"
    project = tmp_path / "rel.hashiya"
    cli("--db", str(project), "import", str(fixture))

    d = launch([str(project)])
    wait = WebDriverWait(d, WAIT)
    ask = wait.until(
        lambda drv: drv.execute_script(
            "const dlg = document.getElementById('name-dialog');"
            "if (dlg && dlg.open) return 'ask';"
            "return document.body.dataset.ready === 'true' ? 'ready' : null;"
        )
    )
    if ask == "ask":
        name = d.find_element(By.ID, "analyst-name")
        name.clear()
        name.send_keys(ANALYST)
        d.find_element(By.ID, "analyst-save").click()
    wait.until(lambda drv: drv.execute_script("return document.body.dataset.ready === 'true'"), "UI not ready")
    # The app's profile is shared by the session's tests: an earlier one may have left another analyst's name.
    if d.execute_script("return localStorage.getItem(arguments[0])", ANALYST_KEY) != ANALYST:
        d.execute_script("localStorage.setItem(arguments[0], arguments[1]); location.reload();", ANALYST_KEY, ANALYST)
        time.sleep(1.0)  # let the reload start before waiting for the new page
        wait.until(lambda drv: drv.execute_script("return document.body.dataset.ready === 'true'"), "UI not ready")
    wait.until(EC.element_to_be_clickable((By.CSS_SELECTOR, "#article-list [data-article-id]"))).click()
    wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, "#article-text p[data-start]")))

    _label(d, wait, PERSON, "PER")
    _label(d, wait, PLACE, "LOC", after="افتتح")
    d.execute_script("window.getSelection().removeAllRanges();")

    # The person's editor → Relation… → a click on the place → VISITS.
    _click_at_text(d, PERSON)
    wait.until(EC.element_to_be_clickable((By.ID, "span-relate"))).click()
    wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, "#doc.linking")))
    _click_at_text(d, PLACE, after="افتتح")
    wait.until(EC.element_to_be_clickable((By.CSS_SELECTOR, '#rel-picker [data-rel-type="VISITS"]'))).click()
    wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, '#rel-layer .rel-label[data-rel-id]')))

    # The arc runs above the line: its label sits above the person's glyphs, not over them.
    geo = d.execute_script(
        """
        const label = document.querySelector('#rel-layer .rel-label').getBoundingClientRect();
        const hl = [...document.querySelectorAll('.hl[data-label="PER"]')].map(b => b.getBoundingClientRect());
        return { label: label.bottom, text: Math.min(...hl.map(b => b.top)), kind: document.querySelector('#rel-layer .rel-label').textContent };
        """
    )
    assert geo["kind"] == "VISITS", geo
    assert geo["label"] <= geo["text"] + 1, geo
    time.sleep(0.5)  # a WebDriver screenshot can lag the DOM a little
    assert d.save_screenshot(str(ARTIFACTS / "desktop-relation.png")), "screenshot failed"

    d.quit()
    out = cli("--db", str(project), "export", "--format", "jsonl").stdout
    rec = [json.loads(line) for line in out.splitlines() if line.strip()][0]
    spans = {s["id"]: s["text"] for s in rec["spans"]}
    assert [(spans[r["from"]], r["type"], spans[r["to"]]) for r in rec["relations"]] == [(PERSON, "VISITS", PLACE)]
    assert rec["relations"][0]["annotator"] == ANALYST
