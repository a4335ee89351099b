"""Compare two renderings of the same word by where their ink is, after scaling one onto the other.

A word is cropped from each screenshot (ImageMagick `convert`, raw 8-bit grey), its ink (dark pixels) trimmed
to its bounding box, and the second word's ink scaled onto the first's box. `stray` is the share of either
word's ink lying farther than `reach` pixels from any ink of the other: antialiasing and a pixel of rounding
stay within reach, a dot drawn under the wrong letter, a mark floating above the line or a missing dot does not.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path


@dataclass
class Ink:
    width: int
    height: int
    pixels: frozenset  # (x, y) inside the ink's own bounding box

    @property
    def amount(self) -> int:
        return len(self.pixels)


def crop_ink(png: Path, rect: dict, pad: int = 4, threshold: int = 110) -> Ink:
    """The ink of the word at `rect` (CSS px = image px) in `png`: pixels darker than `threshold`. The box is
    widened by one pixel only (a neighbouring word's glyph must not come in), heightened by `pad`."""
    x = max(0, int(rect["left"]) - 1)
    y = max(0, int(rect["top"]) - pad)
    w = int(rect["width"]) + 3
    h = int(rect["height"]) + 2 * pad
    raw = subprocess.run(
        ["convert", str(png), "-crop", f"{w}x{h}+{x}+{y}", "+repage", "-colorspace", "Gray", "-depth", "8", "gray:-"],
        capture_output=True,
        check=True,
        timeout=30,
    ).stdout
    w = len(raw) // h if h else 0  # the crop may be cut at the image's edge
    dark = [(i % w, i // w) for i, v in enumerate(raw) if v < threshold]
    if not dark:
        return Ink(0, 0, frozenset())
    x0 = min(p[0] for p in dark)
    y0 = min(p[1] for p in dark)
    x1 = max(p[0] for p in dark)
    y1 = max(p[1] for p in dark)
    return Ink(x1 - x0 + 1, y1 - y0 + 1, frozenset((px - x0, py - y0) for px, py in dark))


def _scaled(b: Ink, to: Ink) -> set:
    sx = to.width / b.width
    sy = to.height / b.height
    return {(min(to.width - 1, int(x * sx)), min(to.height - 1, int(y * sy))) for x, y in b.pixels}


def _dilate(pixels: set, r: int) -> set:
    out = set()
    offs = [(dx, dy) for dx in range(-r, r + 1) for dy in range(-r, r + 1) if dx * dx + dy * dy <= r * r]
    for x, y in pixels:
        for dx, dy in offs:
            out.add((x + dx, y + dy))
    return out


def components(ink: Ink, min_size: int = 4) -> int:
    """How many separate pieces of ink (8-connected, at least `min_size` pixels): letters, dots and marks that
    touch nothing else each count one; a mark drawn into its letter's stem merges with it."""
    seen: set = set()
    count = 0
    for start in ink.pixels:
        if start in seen:
            continue
        stack, size = [start], 0
        seen.add(start)
        while stack:
            x, y = stack.pop()
            size += 1
            for dx in (-1, 0, 1):
                for dy in (-1, 0, 1):
                    n = (x + dx, y + dy)
                    if n in ink.pixels and n not in seen:
                        seen.add(n)
                        stack.append(n)
        count += size >= min_size
    return count


@dataclass
class Comparison:
    stray: float  # share of ink (the worse of the two directions) farther than `reach` from the other's ink
    ink_ratio: float  # ink amount of b (scaled) / ink amount of a: a synthesised or missing bold shows here
    aspect_ratio: float  # (b's width/height) / (a's width/height)
    reach: int
    pieces: tuple  # separate pieces of ink in a and in b (see components)


def compare(a: Ink, b: Ink) -> Comparison:
    if not a.pixels or not b.pixels:
        return Comparison(1.0, 0.0, 0.0, 0, (components(a), components(b)))
    reach = max(2, round(a.height * 0.04))
    bs = _scaled(b, a)
    a_near = _dilate(set(a.pixels), reach)
    b_near = _dilate(bs, reach)
    stray_b = sum(1 for p in bs if p not in a_near) / len(bs)
    stray_a = sum(1 for p in a.pixels if p not in b_near) / a.amount
    ink_ratio = (b.amount * (a.width * a.height) / (b.width * b.height)) / a.amount
    aspect = (b.width / b.height) / (a.width / a.height)
    return Comparison(max(stray_a, stray_b), ink_ratio, aspect, reach, (components(a), components(b)))


def side_by_side(a_png: Path, a_rect: dict, b_png: Path, b_rect: dict, out: Path, pad: int = 8, zoom: int = 4) -> None:
    """A zoomed picture of both crops next to each other (for a person to look at)."""

    def geom(r):
        return f"{int(r['width']) + 2 * pad}x{int(r['height']) + 2 * pad}+{max(0, int(r['left']) - pad)}+{max(0, int(r['top']) - pad)}"

    subprocess.run(
        [
            "convert",
            "(", str(a_png), "-crop", geom(a_rect), "+repage", ")",
            "(", str(b_png), "-crop", geom(b_rect), "+repage", ")",
            "-background", "white", "-splice", "0x0", "+append", "-filter", "point", "-resize", f"{zoom * 100}%",
            str(out),
        ],
        check=True,
        timeout=30,
    )
