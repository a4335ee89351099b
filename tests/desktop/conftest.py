"""Fixtures for the desktop end-to-end tests: Xvfb, tauri-driver, and one app session per test.

Chain: selenium -> tauri-driver (WebDriver, free port) -> WebKitWebDriver -> target/debug/hashiya-desktop,
all under a private Xvfb display. Every process is started in its own process group and that group is
killed on teardown, also when a test fails or the run is interrupted.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.common.options import ArgOptions
from selenium.webdriver.remote.client_config import ClientConfig
from selenium.webdriver.remote.remote_connection import RemoteConnection

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
ARTIFACTS = HERE / "artifacts"


def _target_dir() -> Path:
    t = os.environ.get("CARGO_TARGET_DIR")
    return (ROOT / t) if t and not os.path.isabs(t) else Path(t) if t else ROOT / "target"


DESKTOP_BIN = Path(os.environ.get("HASHIYA_DESKTOP_BIN") or _target_dir() / "debug" / "hashiya-desktop")
CLI_BIN = Path(os.environ.get("HASHIYA_BIN") or _target_dir() / "debug" / "hashiya")


def pytest_configure(config):
    # Turn SIGTERM (CI timeout, kill) into an exception so fixture teardown still kills our processes.
    def _term(signum, frame):
        raise KeyboardInterrupt(f"signal {signum}")

    signal.signal(signal.SIGTERM, _term)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_port(port: int, proc: subprocess.Popen, what: str, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"{what} exited early with code {proc.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"{what} did not listen on port {port} within {timeout:.0f}s")


def _stop_group(proc: subprocess.Popen, grace: float = 5.0) -> None:
    """Stop a process we started (and its process group, which it leads)."""
    if proc.poll() is None:
        try:
            os.killpg(proc.pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
        try:
            proc.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            proc.wait(timeout=grace)
    else:
        # The leader is gone; make sure nothing of its group lingers (WebKitWebDriver, the app).
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass


@pytest.fixture(scope="session")
def binaries() -> dict:
    missing = [str(p) for p in (DESKTOP_BIN, CLI_BIN) if not p.is_file()]
    if missing:
        pytest.fail(
            "not built: " + ", ".join(missing) + " (run `cargo build` and `cargo build -p hashiya-desktop`)",
            pytrace=False,
        )
    return {"desktop": DESKTOP_BIN, "cli": CLI_BIN}


@pytest.fixture(scope="session")
def display():
    """A private Xvfb display (always, so tests never open windows on a developer's screen)."""
    xvfb = shutil.which("Xvfb")
    if not xvfb:
        pytest.fail("Xvfb not found (apt package xvfb; run bash scripts/install-deps.sh)", pytrace=False)
    read_fd, write_fd = os.pipe()
    log = open(ARTIFACTS / "xvfb.log", "wb")
    proc = subprocess.Popen(
        [xvfb, "-displayfd", str(write_fd), "-screen", "0", "1600x1000x24", "-nolisten", "tcp", "-noreset"],
        pass_fds=(write_fd,),
        stdin=subprocess.DEVNULL,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    os.close(write_fd)
    try:
        with os.fdopen(read_fd, "rb") as r:
            number = r.readline().strip().decode()
        if not number:
            raise RuntimeError(f"Xvfb did not start (see {ARTIFACTS / 'xvfb.log'})")
        yield f":{number}"
    finally:
        _stop_group(proc)
        log.close()


@pytest.fixture(scope="session")
def app_home(tmp_path_factory) -> Path:
    """XDG data/config/cache folders for the app: the analyst name (localStorage), the demo project and
    WebKit's caches go here, never into the real user profile; every run starts as a first run."""
    home = tmp_path_factory.mktemp("app-home")
    for sub in ("data", "config", "cache"):
        (home / sub).mkdir()
    return home


@pytest.fixture(scope="session")
def tauri_driver(display, app_home):
    """tauri-driver on a free port, talking to WebKitWebDriver on another free port."""
    exe = shutil.which("tauri-driver") or str(Path.home() / ".cargo" / "bin" / "tauri-driver")
    if not Path(exe).is_file():
        pytest.fail("tauri-driver not found (run bash scripts/install-deps.sh)", pytrace=False)
    port, native_port = _free_port(), _free_port()
    env = dict(
        os.environ,
        DISPLAY=display,
        XDG_DATA_HOME=str(app_home / "data"),
        XDG_CONFIG_HOME=str(app_home / "config"),
        XDG_CACHE_HOME=str(app_home / "cache"),
    )
    env.pop("WAYLAND_DISPLAY", None)
    log = open(ARTIFACTS / "tauri-driver.log", "wb")
    proc = subprocess.Popen(
        [exe, "--port", str(port), "--native-port", str(native_port)],
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        _wait_port(port, proc, "tauri-driver")
        yield f"http://127.0.0.1:{port}"
    finally:
        _stop_group(proc)
        log.close()


def start_app(driver_url: str, args: list[str]) -> webdriver.Remote:
    opts = ArgOptions()
    opts.set_capability("browserName", "wry")
    opts.set_capability("tauri:options", {"application": str(DESKTOP_BIN), "args": args})
    conn = RemoteConnection(client_config=ClientConfig(remote_server_addr=driver_url, timeout=60))
    return webdriver.Remote(command_executor=conn, options=opts)


@pytest.fixture
def launch(tauri_driver, binaries):
    """launch([args]) -> a WebDriver session on a freshly started hashiya-desktop; closed after the test."""
    sessions: list[webdriver.Remote] = []

    def _launch(args: list[str]) -> webdriver.Remote:
        d = start_app(tauri_driver, args)
        sessions.append(d)
        return d

    yield _launch
    for d in sessions:
        try:
            d.quit()
        except Exception as e:  # the app may already be gone; teardown must go on
            print(f"warning: closing the app session failed: {e}", file=sys.stderr)


def cli(*args: str, check: bool = True) -> subprocess.CompletedProcess:
    return subprocess.run([str(CLI_BIN), *args], capture_output=True, text=True, check=check, timeout=60)
