"""Hashiya's agreement numbers against reference implementations on a larger generated case:
scikit-learn (Cohen's kappa), statsmodels (Fleiss' kappa), krippendorff (alpha), and span F1 by hand."""
import json
import pathlib
import random

import krippendorff
import numpy as np
from sklearn.metrics import cohen_kappa_score
from statsmodels.stats.inter_rater import aggregate_raters, fleiss_kappa

from conftest import run

WORDS = ["زار", "الوزير", "الرباط", "وفد", "FBI", "أمس", "مع", "مدينة", "طنجة", "المدير", "العام",
         "حموشي", "IGEF", "2025", "معرض", "الدفاع", "في", "عن", "الأمن", "الوطني", "شركة", "Orange"]
LABELS = ["PER", "ORG", "LOC", "DATE"]
ANNOTATORS = ["amina", "bilal", "chadi"]


def generate(path: pathlib.Path, articles: int = 80, seed: int = 7) -> None:
    rng = random.Random(seed)
    lines = []
    for n in range(articles):
        words = [rng.choice(WORDS) for _ in range(rng.randint(12, 40))]
        text = " ".join(words)
        starts, at = [], 0
        for w in words:
            starts.append(at)
            at += len(w) + 1
        # A shared "truth" of non-overlapping token runs; each analyst keeps, relabels, resizes or drops some.
        truth, i = [], 0
        while i < len(words):
            if rng.random() < 0.25:
                length = rng.randint(1, 3)
                truth.append((i, min(i + length, len(words)), rng.choice(LABELS)))
                i += length + 1
            else:
                i += 1
        spans = []
        for who in ANNOTATORS:
            mine = []
            for (a, b, label) in truth:
                r = rng.random()
                if r < 0.12:
                    continue
                if r < 0.22:
                    label = rng.choice(LABELS)
                elif r < 0.30 and b - a > 1:
                    b -= 1
                mine.append((a, b, label))
            if not mine:
                mine = [(0, 1, "PER")]
            for (a, b, label) in mine:
                s, e = starts[a], starts[b - 1] + len(words[b - 1])
                spans.append({"start": s, "end": e, "label": label, "text": text[s:e], "annotator": who})
        lines.append(json.dumps({"id": f"g{n}", "text": text, "spans": spans}, ensure_ascii=False))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def hf_tags(db: pathlib.Path, who: str, tmp: pathlib.Path) -> list[list[str]]:
    out = tmp / f"{who}.hf.jsonl"
    run("--db", str(db), "export", "--format", "hf", "--hf-tags", "strings", "--annotators", who, "--out", str(out))
    return [json.loads(l)["ner_tags"] for l in out.read_text(encoding="utf-8").splitlines() if l.strip()]


def close(a, b, tol=1e-9):
    return a is not None and abs(a - b) < tol


def test_agreement_matches_reference_implementations(tmp_path: pathlib.Path):
    src = tmp_path / "gen.jsonl"
    generate(src)
    db = tmp_path / "p.hashiya"
    run("--db", str(db), "import", str(src))
    report = json.loads(run("--db", str(db), "agreement", "--json", "--top", "5").stdout)
    assert report["annotators"] == ANNOTATORS
    assert report["articles"] == 80

    tags = {who: [t for doc in hf_tags(db, who, tmp_path) for t in doc] for who in ANNOTATORS}
    n_tokens = len(tags[ANNOTATORS[0]])
    assert all(len(v) == n_tokens for v in tags.values())
    records = [json.loads(l) for l in run("--db", str(db), "export").stdout.splitlines()]

    for pair in report["pairs"]:
        a, b = tags[pair["a"]], tags[pair["b"]]
        assert pair["tokens"] == n_tokens
        assert close(pair["cohen_kappa"], cohen_kappa_score(a, b)), pair
        for lab in pair["per_label"]:
            ba = [t.endswith("-" + lab["label"]) for t in a]
            bb = [t.endswith("-" + lab["label"]) for t in b]
            assert close(lab["cohen_kappa"], cohen_kappa_score(ba, bb)), lab
        # Exact span F1 by hand: 2·|A∩B| / (|A| + |B|) over (article, start, end, label).
        sa = {(r["id"], s["start"], s["end"], s["label"]) for r in records for s in r["spans"] if s["annotator"] == pair["a"]}
        sb = {(r["id"], s["start"], s["end"], s["label"]) for r in records for s in r["spans"] if s["annotator"] == pair["b"]}
        assert pair["exact"]["matched"] == len(sa & sb)
        assert close(pair["exact"]["f1"], 2 * len(sa & sb) / (len(sa) + len(sb)))
        assert pair["overlap"]["matched"] >= pair["exact"]["matched"]

    categories = sorted({t for v in tags.values() for t in v})
    ids = {c: i for i, c in enumerate(categories)}
    matrix = np.array([[ids[t] for t in tags[who]] for who in ANNOTATORS])  # raters × units
    table, _ = aggregate_raters(matrix.T)
    assert close(report["group"]["fleiss_kappa"], fleiss_kappa(table, method="fleiss"))
    alpha = krippendorff.alpha(reliability_data=matrix, level_of_measurement="nominal")
    assert close(report["group"]["krippendorff_alpha"], alpha, 1e-9), (report["group"]["krippendorff_alpha"], alpha)
    for lab in report["group"]["per_label"]:
        binm = np.array([[int(t.endswith("-" + lab["label"])) for t in tags[who]] for who in ANNOTATORS])
        t2, _ = aggregate_raters(binm.T)
        assert close(lab["fleiss_kappa"], fleiss_kappa(t2, method="fleiss")), lab
        assert close(lab["krippendorff_alpha"], krippendorff.alpha(reliability_data=binm, level_of_measurement="nominal")), lab

    # Sanity: the generated analysts agree moderately, not perfectly.
    assert 0.3 < report["group"]["fleiss_kappa"] < 0.95
    assert len(report["ranked"]) == 5
    assert report["ranked"][0]["disagreements"] >= report["ranked"][-1]["disagreements"]


def test_agreement_with_missing_analysts_uses_only_shared_articles(tmp_path: pathlib.Path):
    """An analyst who did not work on an article is missing data there, not a vote for 'O'."""
    src = tmp_path / "gen.jsonl"
    generate(src, articles=20, seed=3)
    lines = src.read_text(encoding="utf-8").splitlines()
    # chadi did not work on the last 5 articles.
    trimmed = []
    for i, l in enumerate(lines):
        rec = json.loads(l)
        if i >= 15:
            rec["spans"] = [s for s in rec["spans"] if s["annotator"] != "chadi"]
        trimmed.append(json.dumps(rec, ensure_ascii=False))
    src.write_text("\n".join(trimmed) + "\n", encoding="utf-8")
    db = tmp_path / "p.hashiya"
    run("--db", str(db), "import", str(src))
    report = json.loads(run("--db", str(db), "agreement", "--json").stdout)
    pairs = {(p["a"], p["b"]): p for p in report["pairs"]}
    assert pairs[("amina", "bilal")]["articles"] == 20
    assert pairs[("amina", "chadi")]["articles"] == 15
    assert report["group"]["fleiss_articles"] == 15
    assert report["group"]["alpha_articles"] == 20
