"""Native JSONL as a Python training script reads it: text[start:end] must equal every span's text."""
import json
import pathlib

from conftest import export_records, run

# Texts written for these tests: each exercises something that shifts offsets in other tools.
TRICKY = [
    "المبرمجة 👩🏽‍💻 ليلى حداد من عمّان",                      # ZWJ sequence with a skin tone
    "فاز المنتخب 🇲🇦 على ضيفه في الرباط",                       # regional-indicator flag
    "كَتَبَ الطالبُ مقالةً عن جامعة القاهرة",                     # harakat
    "قــــال المتحدث باسم وزارة الخارجية",                       # tatweel
    "السطر الأول عن طنجة\r\nوالسطر الثاني عن FBI سنة 2025",       # \r\n, Latin and digits
    "قال \u200fالوزير\u200e Claire Dubois إن الاجتماع\u200c في 12 فبراير/شباط",  # RLM, LRM, ZWNJ
    "😀😀😀 بعد ثلاثة رموز جاء اسم عبد اللطيف حموشي",          # astral characters before the name
]
NAMES = ["ليلى حداد", "الرباط", "جامعة القاهرة", "وزارة الخارجية", "FBI", "Claire Dubois", "عبد اللطيف حموشي"]


def fixture_lines() -> list[str]:
    lines = []
    for i, (text, name) in enumerate(zip(TRICKY, NAMES)):
        start = text.index(name)  # Python str indices are code points
        span = {"start": start, "end": start + len(name), "label": "PER", "text": name,
                "annotator": "py", "created_at": "2026-11-01T10:00:00Z"}
        lines.append(json.dumps({"id": f"t{i}", "text": text, "spans": [span]}, ensure_ascii=False))
    return lines


def test_every_exported_span_slices_back_in_python(tmp_path: pathlib.Path, seeds_dir: pathlib.Path):
    db = tmp_path / "p.hashiya"
    src = tmp_path / "tricky.jsonl"
    src.write_text("\n".join(fixture_lines()) + "\n", encoding="utf-8")
    run("--db", str(db), "import", str(src), str(seeds_dir))
    records = export_records(db)
    assert len(records) == len(TRICKY) + 5
    spans = [(r, s) for r in records for s in r["spans"]]
    assert len(spans) == len(TRICKY)
    for rec, s in spans:
        assert rec["text"][s["start"]:s["end"]] == s["text"]
    exported = {r["text"]: r for r in records}
    for text, name in zip(TRICKY, NAMES):
        assert text in exported, "text must come back byte for byte (no normalisation)"
        (s,) = exported[text]["spans"]
        assert (s["text"], s["label"], s["annotator"]) == (name, "PER", "py")
        assert s["created_at"].startswith("2026-11-01T10:00:00")


def test_round_trip_through_an_empty_project_is_identical(tmp_path: pathlib.Path):
    a, b = tmp_path / "a.hashiya", tmp_path / "b.hashiya"
    src = tmp_path / "tricky.jsonl"
    src.write_text("\n".join(fixture_lines()) + "\n", encoding="utf-8")
    run("--db", str(a), "import", str(src))
    first = run("--db", str(a), "export").stdout
    out = tmp_path / "first.jsonl"
    out.write_text(first, encoding="utf-8")
    run("--db", str(b), "import", str(out))
    assert run("--db", str(b), "export").stdout == first


def test_utf16_offsets_are_caught_not_stored(tmp_path: pathlib.Path):
    """A file written with JavaScript (UTF-16) offsets is rejected with file and line."""
    text = TRICKY[-1]
    name = NAMES[-1]
    u16_start = len(text[: text.index(name)].encode("utf-16-le")) // 2
    bad = {"text": text, "spans": [{"start": u16_start, "end": u16_start + len(name), "label": "PER",
                                     "text": name, "annotator": "js"}]}
    src = tmp_path / "js.jsonl"
    src.write_text(json.dumps(bad, ensure_ascii=False) + "\n", encoding="utf-8")
    db = tmp_path / "p.hashiya"
    proc = run("--db", str(db), "import", str(src), check=False)
    assert proc.returncode == 1
    assert f"{src}:1: span #1" in proc.stdout
    assert "the offsets count UTF-16 code units" in proc.stdout
    assert export_records(db) == []
