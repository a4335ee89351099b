"""Start the desktop app under a private Xvfb and measure it: time from launch to an interactive window, and the
memory of its whole process tree once idle. Used by test_deb.py (on the installed package) and as a benchmark:

    .venv/bin/python tests/package/desktop_perf.py [BINARY] [--runs N] [--idle SECONDS]

(default BINARY /usr/bin/hashiya-desktop). Prints one JSON object.

"Interactive" = the app's top-level window is mapped and shows what the page's script draws first on a first run,
the analyst-name dialog with its Save button, the same in two grabs 100 ms apart. Each run starts with empty
XDG data/config/cache folders (no WebKit cache, a first run), the binaries warm in the page cache.
Memory: RSS and PSS (smaps_rollup) of the app and every process below it (WebKit's web and network processes).
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from Xlib import X
from Xlib import display as xdisplay


def start_xvfb(log: Path) -> tuple[subprocess.Popen, str]:
    read_fd, write_fd = os.pipe()
    out = open(log, "wb")
    proc = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", "1600x1000x24", "-nolisten", "tcp", "-noreset"],
        pass_fds=(write_fd,),
        stdin=subprocess.DEVNULL,
        stdout=out,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    os.close(write_fd)
    with os.fdopen(read_fd, "rb") as r:
        number = r.readline().strip().decode()
    if not number:
        stop(proc)
        raise RuntimeError(f"Xvfb did not start (see {log})")
    return proc, f":{number}"


def stop(proc: subprocess.Popen, grace: float = 5.0) -> None:
    """Stop a process we started in its own session, and everything in its process group."""
    if proc.poll() is None:
        try:
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(timeout=grace)
        except ProcessLookupError:
            pass
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=grace)
    else:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass


def _windows(win):
    try:
        children = win.query_tree().children
    except Exception:
        return
    for c in children:
        yield c
        yield from _windows(c)


def app_window(dp, pid: int):
    """The app's viewable top-level window (by _NET_WM_PID), or None."""
    atom = dp.intern_atom("_NET_WM_PID")
    for w in _windows(dp.screen().root):
        try:
            prop = w.get_full_property(atom, X.AnyPropertyType)
            if not prop or int(prop.value[0]) != pid:
                continue
            g = w.get_geometry()
            if w.get_attributes().map_state == X.IsViewable and g.width >= 400 and g.height >= 300:
                return w
        except Exception:
            continue
    return None


def painted(dp, w) -> bytes | None:
    """The window's pixels once the page's script has drawn the first-run dialog ("Who is annotating?", its blue
    Save button in the middle of the window: typing a name is the first thing an analyst can do), else None."""
    g = w.get_geometry()
    raw = w.get_image(0, 0, g.width, g.height, X.ZPixmap, 0xFFFFFFFF).data
    row = g.width * 4
    blue = 0
    for y in range(int(g.height * 0.35), int(g.height * 0.7), 2):
        line = raw[y * row + int(g.width * 0.3) * 4 : y * row + int(g.width * 0.8) * 4]
        for i in range(0, len(line), 8):
            b, gr, r = line[i], line[i + 1], line[i + 2]  # ZPixmap on a 24-bit screen: B, G, R, pad
            if b > 140 and r < 60 and 70 < gr < 130:
                blue += 1
    return bytes(raw) if blue > 100 else None


def process_tree(pid: int) -> list[int]:
    """`pid` and every process below it (parents read from /proc/*/stat)."""
    children: dict[int, list[int]] = {}
    for d in Path("/proc").iterdir():
        if not d.name.isdigit():
            continue
        try:
            stat = (d / "stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(ppid, []).append(int(d.name))
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo.extend(children.get(p, []))
    return out


def memory(pid: int) -> dict:
    procs = []
    for p in process_tree(pid):
        entry = {"pid": p}
        try:
            entry["name"] = Path(f"/proc/{p}/comm").read_text().strip()
            for line in Path(f"/proc/{p}/smaps_rollup").read_text().splitlines():
                parts = line.split()
                if parts[0] in ("Rss:", "Pss:"):
                    entry[parts[0][:-1].lower() + "_mib"] = round(int(parts[1]) / 1024, 1)
        except OSError:
            continue
        procs.append(entry)
    return {
        "processes": procs,
        "rss_mib": round(sum(p.get("rss_mib", 0) for p in procs), 1),
        "pss_mib": round(sum(p.get("pss_mib", 0) for p in procs), 1),
    }


def run_once(binary: str, display: str, project: Path, home: Path, idle: float, screenshot: Path | None = None) -> dict:
    for sub in ("data", "config", "cache"):
        shutil.rmtree(home / sub, ignore_errors=True)
        (home / sub).mkdir(parents=True)
    env = dict(
        os.environ,
        DISPLAY=display,
        XDG_DATA_HOME=str(home / "data"),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_CACHE_HOME=str(home / "cache"),
    )
    env.pop("WAYLAND_DISPLAY", None)
    dp = xdisplay.Display(display)
    t0 = time.monotonic()
    app = subprocess.Popen([binary, str(project)], env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        ready = None
        mapped = None
        last = None
        while time.monotonic() - t0 < 60:
            if app.poll() is not None:
                raise RuntimeError(f"{binary} exited with code {app.returncode} before showing its window")
            w = app_window(dp, app.pid)
            if w is not None:
                mapped = mapped or time.monotonic() - t0
                shot = painted(dp, w)
                if shot is not None and shot == last:
                    break
                if shot is not None and last is None:
                    ready = time.monotonic() - t0
                last = shot
                if shot is None:
                    ready = None
            time.sleep(0.1)
        else:
            raise RuntimeError(f"{binary}: no interactive window within 60 s")
        if screenshot is not None:
            subprocess.run(["import", "-display", display, "-window", "root", str(screenshot)], check=True, timeout=30)
        time.sleep(idle)
        mem = memory(app.pid)
        return {"window_mapped_s": round(mapped, 3), "interactive_s": round(ready, 3), **mem}
    finally:
        dp.close()
        stop(app)


def measure(binary: str, runs: int = 3, idle: float = 10.0, screenshot: Path | None = None, log_dir: Path | None = None) -> dict:
    tmp = Path(tempfile.mkdtemp(prefix="hashiya-perf-"))
    xvfb, display = start_xvfb((log_dir or tmp) / "xvfb-perf.log")
    try:
        project = tmp / "perf.hashiya"
        results = [run_once(binary, display, project, tmp / "home", idle, screenshot if i == 0 else None) for i in range(runs)]
    finally:
        stop(xvfb)
        shutil.rmtree(tmp, ignore_errors=True)
    starts = sorted(r["interactive_s"] for r in results)
    return {
        "binary": binary,
        "runs": results,
        "interactive_s_median": starts[len(starts) // 2],
        "interactive_s_max": starts[-1],
        "pss_mib_median": sorted(r["pss_mib"] for r in results)[len(results) // 2],
        "rss_mib_median": sorted(r["rss_mib"] for r in results)[len(results) // 2],
    }


if __name__ == "__main__":
    args = sys.argv[1:]
    runs, idle = 3, 10.0
    if "--runs" in args:
        i = args.index("--runs")
        runs = int(args[i + 1])
        del args[i : i + 2]
    if "--idle" in args:
        i = args.index("--idle")
        idle = float(args[i + 1])
        del args[i : i + 2]
    print(json.dumps(measure(args[0] if args else "/usr/bin/hashiya-desktop", runs, idle), indent=2))
