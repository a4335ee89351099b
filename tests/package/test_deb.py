"""The .deb that scripts/package.sh builds: install it on this machine (as root), check what it puts where (the
program, the menu entry with its icon, .hashiya files opening with it), start the INSTALLED app under Xvfb and see
its window; measure its start to an interactive window and its idle memory (artifacts/desktop-perf.json; the
figures go to BENCHMARKS.md, no timed assertion here). The package is removed again afterwards."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from desktop_perf import measure

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"


def _target_dir() -> Path:
    t = os.environ.get("CARGO_TARGET_DIR")
    return (ROOT / t) if t and not os.path.isabs(t) else Path(t) if t else ROOT / "target"


def _deb() -> Path:
    given = os.environ.get("HASHIYA_DEB")
    if given:
        return Path(given)
    debs = sorted((_target_dir() / "release" / "bundle" / "deb").glob("*.deb"), key=lambda p: p.stat().st_mtime)
    if not debs:
        pytest.fail("no .deb under target/release/bundle/deb: run bash scripts/package.sh", pytrace=False)
    return debs[-1]


def _field(deb: Path, name: str) -> str:
    return subprocess.run(["dpkg-deb", "-f", str(deb), name], capture_output=True, text=True, check=True).stdout.strip()


@pytest.fixture(scope="module")
def installed():
    if os.geteuid() != 0:
        pytest.fail("installing the package needs root (dpkg -i)", pytrace=False)
    deb = _deb()
    package = _field(deb, "Package")
    # apt-get resolves the package's dependencies (WebKitGTK, GTK) from what is installed or the configured sources.
    r = subprocess.run(["apt-get", "install", "-y", "-q", "--no-install-recommends", str(deb.resolve())],
                       capture_output=True, text=True, timeout=600, env=dict(os.environ, DEBIAN_FRONTEND="noninteractive"))
    assert r.returncode == 0, r.stdout + r.stderr
    files = subprocess.run(["dpkg", "-L", package], capture_output=True, text=True, check=True).stdout.split("\n")
    try:
        yield {"deb": deb, "package": package, "files": [f for f in files if f]}
    finally:
        if not os.environ.get("HASHIYA_KEEP_DEB"):
            subprocess.run(["dpkg", "-r", package], capture_output=True, timeout=300)


def test_package_contents(installed):
    files = installed["files"]
    assert "/usr/bin/hashiya-desktop" in files, files
    desktop = [f for f in files if f.startswith("/usr/share/applications/") and f.endswith(".desktop")]
    assert len(desktop) == 1, files
    entry = Path(desktop[0]).read_text(encoding="utf-8")
    assert "Exec=hashiya-desktop" in entry, entry
    assert "%F" in entry or "%f" in entry or "%U" in entry or "%u" in entry, f"the menu entry takes no file: {entry}"
    assert "MimeType=application/x-hashiya" in entry, entry
    icon = next(line.split("=", 1)[1] for line in entry.splitlines() if line.startswith("Icon="))
    assert any(f.startswith("/usr/share/icons/") and Path(f).stem == icon for f in files), (icon, files)
    # .hashiya files are recognised as that type (a shared-mime-info glob), so the menu entry opens them.
    mime = [f for f in files if f.startswith("/usr/share/mime/packages/") and f.endswith(".xml")]
    assert mime and any('pattern="*.hashiya"' in Path(m).read_text(encoding="utf-8") for m in mime), files


def test_installed_app_starts_and_shows_its_window(installed):
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "installed-window.png"
    result = measure("/usr/bin/hashiya-desktop", runs=3, idle=10.0, screenshot=shot, log_dir=ARTIFACTS)
    (ARTIFACTS / "desktop-perf.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps({k: v for k, v in result.items() if k != "runs"}, indent=2))
    for run in result["runs"]:
        names = {p["name"] for p in run["processes"]}
        assert "hashiya-desktop" in names and any(n.startswith("WebKitWebProc") for n in names), names
    assert shot.is_file() and shot.stat().st_size > 10_000, "the screenshot of the installed app's window is missing"
