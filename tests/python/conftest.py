"""Shared helpers for the Python consumer tests: locate the hashiya CLI and run it."""
import json
import os
import pathlib
import subprocess

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]


def hashiya_bin() -> str:
    path = os.environ.get("HASHIYA_BIN") or str(ROOT / "target" / "debug" / "hashiya")
    if not pathlib.Path(path).is_file():
        pytest.fail(f"the hashiya CLI is not built at {path}: run `cargo build` first")
    return path


def run(*args: str, check: bool = True) -> subprocess.CompletedProcess:
    return subprocess.run([hashiya_bin(), *args], capture_output=True, text=True, check=check)


def export_records(db: pathlib.Path) -> list[dict]:
    out = run("--db", str(db), "export", "--format", "jsonl").stdout
    return [json.loads(line) for line in out.splitlines() if line.strip()]


@pytest.fixture
def seeds_dir() -> pathlib.Path:
    p = ROOT.parent / "shared" / "corpus" / "seeds"
    if not p.is_dir():
        pytest.fail(f"{p} is missing: the tests need ../shared/corpus beside the repository")
    return p
