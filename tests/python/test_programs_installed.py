"""Every program a test starts by name is installed by scripts/install-deps.sh (or built by the project).

A fresh machine has only what the install script gives it: a test that shells out to a program someone
installed by hand passes here and fails there (ImageMagick's `import`, once). This scans the tests and
the scripts for programs started by name and checks each against what the install script provides.
"""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# Program -> the Debian package that provides it (must be named in install-deps.sh).
FROM_APT = {
    "import": "imagemagick", "convert": "imagemagick", "compare": "imagemagick", "identify": "imagemagick",
    "Xvfb": "xvfb", "xauth": "xauth", "WebKitWebDriver": "webkit2gtk-driver", "chromium": "chromium",
    "xdotool": "xdotool", "xwd": "x11-apps", "psql": "postgresql", "initdb": "postgresql",
    "pg_ctl": "postgresql", "postgres": "postgresql", "tesseract": "tesseract-ocr", "dpkg-deb": "dpkg",
    "python3": "python3-venv",
}
# Installed by the script in another way, built by the project, or part of every Debian base system.
OTHER = {
    "tauri-driver": "cargo install tauri-driver",
    "cargo": None, "node": None, "npm": None, "npx": None,
    "hashiya": None, "hashiya-desktop": None,
    "sh": None, "bash": None, "kill": None, "env": None, "true": None, "false": None, "sleep": None,
    "dpkg": None, "apt-get": None, "git": None,
}

PATTERNS = [
    re.compile(r"subprocess\.(?:run|Popen|check_output|check_call|call)\(\s*\[\s*[\"']([^\"']+)[\"']"),
    re.compile(r"shutil\.which\(\s*[\"']([^\"']+)[\"']"),
    re.compile(r"Command::new\(\s*\"([^\"]+)\""),
    re.compile(r"\b(?:spawn|spawnSync|execFile|execFileSync)\(\s*[\"']([^\"']+)[\"']"),
]


def programs_called():
    found = {}
    files = [p for p in (ROOT / "tests").rglob("*") if p.suffix in {".py", ".rs", ".mjs", ".js", ".ts"}]
    for f in files:
        if "node_modules" in f.parts:
            continue
        text = f.read_text(encoding="utf-8", errors="replace")
        for pat in PATTERNS:
            for m in pat.finditer(text):
                found.setdefault(Path(m.group(1)).name, set()).add(str(f.relative_to(ROOT)))
    return found


def test_every_program_a_test_starts_is_installed_by_the_install_script():
    install = (ROOT / "scripts" / "install-deps.sh").read_text(encoding="utf-8")
    called = programs_called()
    assert "import" in called, "the scan no longer sees the desktop screenshot (pattern broken?)"
    problems = []
    for prog, where in sorted(called.items()):
        if prog in OTHER:
            how = OTHER[prog]
            if how and how not in install:
                problems.append(f"{prog} ({', '.join(sorted(where))}): install-deps.sh lacks `{how}`")
            continue
        pkg = FROM_APT.get(prog)
        if pkg is None:
            problems.append(f"{prog} ({', '.join(sorted(where))}): unknown program; add it to install-deps.sh and to FROM_APT")
        elif not re.search(r"\b" + re.escape(pkg) + r"\b", install):
            problems.append(f"{prog} ({', '.join(sorted(where))}): apt package {pkg} is not in install-deps.sh")
    assert not problems, "\n".join(problems)
