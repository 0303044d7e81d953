#!/usr/bin/env python3
"""Generate the PWA icons and favicon for the postpartum sciatica app.

Run from anywhere with the project's virtualenv:

    .venv/bin/python scripts/make_icons.py

Writes into static/icons/:
  icon-192.png, icon-512.png       "any" purpose: rounded teal tile, transparent corners
  icon-maskable-512.png            full-bleed teal, motif inside the 80 % safe zone
  apple-touch-icon-180.png         full-bleed teal (iOS adds its own rounding)
  favicon-32.png                   small rounded tile
  favicon.svg                      the same motif as a vector

The motif (a figure in a gentle side-bend stretch with a small plum heart) is
defined once, in a 512 x 512 design space, and drawn both with Pillow (at 4x,
then downsampled with LANCZOS for smooth edges) and as SVG, so every output
matches.
"""

from __future__ import annotations

import math
from pathlib import Path

from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "static" / "icons"

TEAL = "#1f5f5b"
WHITE = "#ffffff"
PLUM = "#8a3a5b"
SS = 4  # supersampling factor

# ---------------------------------------------------------------- the motif
# Design space: 512 x 512 units; the renderers centre the motif on its own
# bounding box, so absolute positions here do not matter.
# Each stroke is a list of cubic Bezier segments (p0, c1, c2, p1) drawn with
# round caps and joins.
LEGS = [
    ((196, 430), (212, 392), (230, 354), (248, 318)),
    ((248, 318), (266, 354), (284, 392), (300, 430)),
]
TORSO = [((248, 318), (262, 276), (258, 242), (240, 216))]
REACH_ARM = [
    ((256, 224), (302, 160), (292, 70), (210, 64)),
    ((210, 64), (170, 62), (140, 80), (122, 108)),
]
INNER_ARM = [((226, 234), (180, 220), (142, 172), (124, 114))]
HEAD = (206, 150, 36)  # cx, cy, r
HEART = (251, 272, 32)  # cx, cy, size (width)

STROKES = [(LEGS, 42), (INNER_ARM, 32), (TORSO, 64), (REACH_ARM, 34)]


def bezier(seg, n=48):
    (x0, y0), (x1, y1), (x2, y2), (x3, y3) = seg
    pts = []
    for i in range(n + 1):
        t = i / n
        a, b, c, d = (1 - t) ** 3, 3 * (1 - t) ** 2 * t, 3 * (1 - t) * t * t, t**3
        pts.append((a * x0 + b * x1 + c * x2 + d * x3, a * y0 + b * y1 + c * y2 + d * y3))
    return pts


def heart_points(cx, cy, size, n=120):
    """Classic parametric heart, scaled to `size` wide, centred on (cx, cy)."""
    raw = []
    for i in range(n):
        t = 2 * math.pi * i / n
        x = 16 * math.sin(t) ** 3
        y = 13 * math.cos(t) - 5 * math.cos(2 * t) - 2 * math.cos(3 * t) - math.cos(4 * t)
        raw.append((x, -y))
    k = size / 32.0
    # vertical centre of the raw heart is about y = -2.5
    return [(cx + x * k, cy + (y + 2.5) * k) for x, y in raw]


def motif_points():
    """Sampled outline points of the motif, each with its half-width."""
    for segs, width in STROKES:
        for seg in segs:
            for p in bezier(seg, 24):
                yield p, width / 2
    cx, cy, r = HEAD
    yield (cx, cy), r


def motif_centre():
    pts = list(motif_points())
    x0 = min(p[0] - r for p, r in pts)
    x1 = max(p[0] + r for p, r in pts)
    y0 = min(p[1] - r for p, r in pts)
    y1 = max(p[1] + r for p, r in pts)
    return (x0 + x1) / 2, (y0 + y1) / 2, max(x1 - x0, y1 - y0)


def motif_radius():
    """Distance from the motif centre to its furthest painted point (design units)."""
    mx, my, _ = motif_centre()
    return max(math.hypot(p[0] - mx, p[1] - my) + r for p, r in motif_points())


# ---------------------------------------------------------------- Pillow
def draw_motif(img: Image.Image, centre: tuple[float, float], scale: float) -> None:
    """Draw the motif onto img. scale maps design units to pixels."""
    d = ImageDraw.Draw(img)

    mx, my, _ = motif_centre()

    def tr(p):
        return (centre[0] + (p[0] - mx) * scale, centre[1] + (p[1] - my) * scale)

    def round_stroke(segs, width):
        w = width * scale
        pts = []
        for seg in segs:
            pts.extend(tr(p) for p in bezier(seg))
        d.line(pts, fill=WHITE, width=max(1, round(w)), joint="curve")
        for p in (pts[0], pts[-1]):
            r = w / 2
            d.ellipse((p[0] - r, p[1] - r, p[0] + r, p[1] + r), fill=WHITE)
        # fill the joins along the curve so thick curves have no notches
        r = w / 2
        for p in pts[::2]:
            d.ellipse((p[0] - r, p[1] - r, p[0] + r, p[1] + r), fill=WHITE)

    for segs, width in STROKES:
        round_stroke(segs, width)
    cx, cy, r = HEAD
    (hx, hy), hr = tr((cx, cy)), r * scale
    d.ellipse((hx - hr, hy - hr, hx + hr, hy + hr), fill=WHITE)
    hcx, hcy, hs = HEART
    d.polygon([tr(p) for p in heart_points(hcx, hcy, hs)], fill=PLUM)


def render(
    size: int,
    *,
    full_bleed: bool,
    motif_scale: float = 0.7,
    radius_frac: float = 0.22,
    margin_frac: float = 0.0,
    safe_radius: float | None = None,
) -> Image.Image:
    """Render one icon at `size` px.

    full_bleed:  teal to every edge, no transparency (maskable / apple-touch).
    motif_scale: fraction of the icon size that the motif's bounding box spans
                 (its larger side); for maskable icons pass safe_radius instead.
    """
    big = size * SS
    if full_bleed:
        img = Image.new("RGB", (big, big), TEAL)
    else:
        img = Image.new("RGBA", (big, big), (0, 0, 0, 0))
        m = margin_frac * big
        ImageDraw.Draw(img).rounded_rectangle(
            (m, m, big - m - 1, big - m - 1), radius=radius_frac * big, fill=TEAL
        )
    if safe_radius is not None:
        scale = safe_radius * big / motif_radius()
    else:
        scale = motif_scale * big / motif_centre()[2]
    draw_motif(img, (big / 2, big / 2), scale)
    return img.resize((size, size), Image.LANCZOS)


def save(img: Image.Image, name: str) -> None:
    path = OUT / name
    if img.mode == "RGBA":
        # quantize keeps PNGs small; alpha survives in the palette
        img = img.quantize(colors=256, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE)
    img.save(path, optimize=True)
    print(f"{path.relative_to(ROOT)}  {path.stat().st_size} bytes")


# ---------------------------------------------------------------- SVG
def svg_path(segs) -> str:
    def f(v):
        return f"{v:g}"

    out = f"M{f(segs[0][0][0])} {f(segs[0][0][1])}"
    for _, c1, c2, p1 in segs:
        out += f"C{f(c1[0])} {f(c1[1])} {f(c2[0])} {f(c2[1])} {f(p1[0])} {f(p1[1])}"
    return out


def heart_svg_path(cx, cy, size) -> str:
    # Two cubic lobes; matches heart_points() closely enough at icon sizes.
    k = size / 32.0

    def p(x, y):
        return f"{cx + x * k:.1f} {cy + y * k:.1f}"

    return (
        f"M{p(0, 15)}C{p(-9, 9)} {p(-16, 4)} {p(-16, -4)}C{p(-16, -10)} {p(-12, -13)} {p(-8, -13)}"
        f"C{p(-4, -13)} {p(-1, -11)} {p(0, -8)}C{p(1, -11)} {p(4, -13)} {p(8, -13)}"
        f"C{p(12, -13)} {p(16, -10)} {p(16, -4)}C{p(16, 4)} {p(9, 9)} {p(0, 15)}Z"
    )


def favicon_svg() -> str:
    strokes = "".join(f'<path d="{svg_path(segs)}" stroke-width="{w}"/>' for segs, w in STROKES)
    cx, cy, r = HEAD
    mx, my, extent = motif_centre()
    k = 0.8 * 512 / extent  # motif spans 80 % of the tile, as on favicon-32.png
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512">'
        f'<rect width="512" height="512" rx="112" fill="{TEAL}"/>'
        f'<g transform="translate({256 - mx * k:.1f} {256 - my * k:.1f}) scale({k:.4f})">'
        f'<g fill="none" stroke="{WHITE}" stroke-linecap="round" stroke-linejoin="round">'
        f"{strokes}</g>"
        f'<circle cx="{cx}" cy="{cy}" r="{r}" fill="{WHITE}"/>'
        f'<path d="{heart_svg_path(*HEART)}" fill="{PLUM}"/>'
        "</g></svg>\n"
    )


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    # "any": rounded tile; motif spans 80 % of the tile.
    save(render(512, full_bleed=False, motif_scale=0.72), "icon-512.png")
    save(render(192, full_bleed=False, motif_scale=0.72), "icon-192.png")
    # maskable: every painted point of the motif stays inside a circle of
    # radius 36 % of the icon (the safe zone is 40 %; a little margin).
    save(render(512, full_bleed=True, safe_radius=0.36), "icon-maskable-512.png")
    save(render(180, full_bleed=True, motif_scale=0.7), "apple-touch-icon-180.png")
    # favicon: slightly larger motif so it survives 32 px.
    save(render(32, full_bleed=False, motif_scale=0.8, radius_frac=0.2), "favicon-32.png")
    svg = favicon_svg()
    (OUT / "favicon.svg").write_text(svg)
    print(f"static/icons/favicon.svg  {len(svg.encode())} bytes")


if __name__ == "__main__":
    main()
