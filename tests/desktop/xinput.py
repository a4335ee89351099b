"""Driving native (GTK) dialogs that WebDriver cannot reach: find a top-level X window by title on our
Xvfb display and type into it with the XTest extension (python-xlib)."""

from __future__ import annotations

import time

from Xlib import X, XK
from Xlib import display as xdisplay
from Xlib.ext import xtest


def _windows(win):
    """Every window below `win` (the dialog can be a child of a reparenting wrapper)."""
    try:
        children = win.query_tree().children
    except Exception:
        return
    for c in children:
        yield c
        yield from _windows(c)


def wait_for_window(display_name: str, title: str, timeout: float = 15.0):
    """Return (Display, window) for the first viewable window whose name is `title`."""
    dp = xdisplay.Display(display_name)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for w in _windows(dp.screen().root):
            try:
                name = w.get_wm_name()
                viewable = w.get_attributes().map_state == X.IsViewable
            except Exception:
                continue
            if isinstance(name, bytes):
                name = name.decode("utf-8", "replace")
            if name == title and viewable:
                return dp, w
        time.sleep(0.2)
    dp.close()
    raise TimeoutError(f"no window titled {title!r} appeared on {display_name} within {timeout:.0f}s")


def _key(dp, keysym: int, shift: bool = False) -> None:
    code = dp.keysym_to_keycode(keysym)
    if not code:
        raise ValueError(f"no key for keysym {keysym:#x}")
    shift_code = dp.keysym_to_keycode(XK.XK_Shift_L)
    if shift:
        xtest.fake_input(dp, X.KeyPress, shift_code)
    xtest.fake_input(dp, X.KeyPress, code)
    xtest.fake_input(dp, X.KeyRelease, code)
    if shift:
        xtest.fake_input(dp, X.KeyRelease, shift_code)
    dp.sync()


def _char_keysym(ch: str) -> tuple[int, bool]:
    names = {"/": "slash", ".": "period", "-": "minus", "_": "underscore", " ": "space", ":": "colon"}
    keysym = XK.string_to_keysym(names.get(ch, ch))
    if not keysym:
        raise ValueError(f"cannot type {ch!r}")
    return keysym, ch.isupper() or ch in "_:"


def replace_text_and_enter(dp, window, text: str) -> None:
    """Focus `window`, select all in its focused entry, type `text`, press Enter."""
    geo = window.get_geometry()
    origin = window.translate_coords(dp.screen().root, 0, 0)
    x, y = -origin.x + geo.width // 2, -origin.y + geo.height // 2
    xtest.fake_input(dp, X.MotionNotify, x=x, y=y)
    window.set_input_focus(X.RevertToParent, X.CurrentTime)
    dp.sync()
    time.sleep(0.3)
    ctrl = dp.keysym_to_keycode(XK.XK_Control_L)
    xtest.fake_input(dp, X.KeyPress, ctrl)
    _key(dp, XK.string_to_keysym("a"))
    xtest.fake_input(dp, X.KeyRelease, ctrl)
    dp.sync()
    for ch in text:
        _key(dp, *_char_keysym(ch))
        time.sleep(0.01)
    time.sleep(0.2)
    _key(dp, XK.XK_Return)
