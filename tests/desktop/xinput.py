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


def _utf8_name(dp, w) -> str:
    """A window's title as GTK sets it (_NET_WM_NAME, UTF-8), falling back to WM_NAME."""
    try:
        prop = w.get_full_property(dp.intern_atom("_NET_WM_NAME"), dp.intern_atom("UTF8_STRING"))
        if prop and prop.value:
            v = prop.value
            return v.decode("utf-8", "replace") if isinstance(v, bytes) else str(v)
        name = w.get_wm_name()
        return name.decode("utf-8", "replace") if isinstance(name, bytes) else (name or "")
    except Exception:
        return ""


def find_window_containing(display_name: str, text: str, timeout: float = 15.0):
    """Return (Display, window) for the first viewable top-level window whose UTF-8 title contains `text`."""
    dp = xdisplay.Display(display_name)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for w in _windows(dp.screen().root):
            try:
                if w.get_attributes().map_state != X.IsViewable:
                    continue
            except Exception:
                continue
            if text in _utf8_name(dp, w):
                return dp, w
        time.sleep(0.2)
    dp.close()
    raise TimeoutError(f"no window with {text!r} in its title appeared on {display_name} within {timeout:.0f}s")


def window_gone(dp, window) -> bool:
    """True once `window` no longer exists or is no longer mapped."""
    try:
        return window.get_attributes().map_state != X.IsViewable
    except Exception:
        return True


def focus(dp, window) -> None:
    """Give `window` the keyboard focus (there is no window manager on our Xvfb)."""
    geo = window.get_geometry()
    origin = window.translate_coords(dp.screen().root, 0, 0)
    xtest.fake_input(dp, X.MotionNotify, x=-origin.x + geo.width // 2, y=-origin.y + geo.height // 2)
    window.set_input_focus(X.RevertToParent, X.CurrentTime)
    dp.sync()
    time.sleep(0.3)


def press(dp, key: str, ctrl: bool = False) -> None:
    """Press one key (a keysym name such as "o", "F10", "Escape"), with Ctrl if asked."""
    ctrl_code = dp.keysym_to_keycode(XK.XK_Control_L)
    if ctrl:
        xtest.fake_input(dp, X.KeyPress, ctrl_code)
    _key(dp, XK.string_to_keysym(key))
    if ctrl:
        xtest.fake_input(dp, X.KeyRelease, ctrl_code)
    dp.sync()


def type_location_and_enter(dp, window, text: str) -> None:
    """In a GTK file chooser: Ctrl+L (the location entry), type `text`, press Enter."""
    focus(dp, window)
    press(dp, "l", ctrl=True)
    time.sleep(0.3)
    for ch in text:
        _key(dp, *_char_keysym(ch))
        time.sleep(0.01)
    time.sleep(0.3)
    _key(dp, XK.XK_Return)


def click(dp, window, x: int, y: int) -> None:
    """Left-click at (x, y) inside `window`."""
    origin = window.translate_coords(dp.screen().root, 0, 0)
    xtest.fake_input(dp, X.MotionNotify, x=-origin.x + x, y=-origin.y + y)
    dp.sync()
    time.sleep(0.1)
    xtest.fake_input(dp, X.ButtonPress, 1)
    xtest.fake_input(dp, X.ButtonRelease, 1)
    dp.sync()


def resize(dp, window, width: int, height: int) -> None:
    """Resize a top-level window directly (no window manager to ask)."""
    window.configure(width=width, height=height)
    dp.sync()


def close_window(dp, window) -> None:
    """Ask the window to close, as a window manager's close button does (WM_DELETE_WINDOW)."""
    from Xlib.protocol import event

    protocols = dp.intern_atom("WM_PROTOCOLS")
    delete = dp.intern_atom("WM_DELETE_WINDOW")
    ev = event.ClientMessage(window=window, client_type=protocols, data=(32, [delete, X.CurrentTime, 0, 0, 0]))
    window.send_event(ev, event_mask=X.NoEventMask)
    dp.sync()
