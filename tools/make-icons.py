#!/usr/bin/env python3
"""Draws AdeBot's Teams icons: manifest/color.png (192x192) and manifest/outline.png (32x32).

The motif is an apple with a leaf and a check mark: "your Apple tokens are healthy".
Only the standard library is used (zlib + struct write the PNGs), so anyone can regenerate
the icons with `python3 tools/make-icons.py`. The colour icon's background is the manifest's
accentColor, read from manifest/manifest.json, so the two never drift apart.
"""

import json
import math
import struct
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MANIFEST_DIR = ROOT / "manifest"

# The motif in its own coordinates: a box from -1 to 1, y pointing down.
UPPER_LOBES = [(-0.33, 0.05, 0.60), (0.33, 0.05, 0.60)]
LOWER_LOBES = [(-0.25, 0.38, 0.55), (0.25, 0.38, 0.55)]
STEM = ((0.0, -0.42), (0.09, -0.86))
LEAF = ((0.16, -0.66), (0.66, -0.94))
CHECK = [(-0.36, 0.24), (-0.10, 0.50), (0.40, -0.04)]


def circle(x, y, cx, cy, r):
    return math.hypot(x - cx, y - cy) - r


def capsule(x, y, a, b, r):
    ax, ay = a
    bx, by = b
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)))
    return math.hypot(x - ax - t * dx, y - ay - t * dy) - r


def leaf(x, y, half_width):
    """A vesica (the lens between two circles) from LEAF's first point to its second."""
    (ax, ay), (bx, by) = LEAF
    mx, my = (ax + bx) / 2, (ay + by) / 2
    half_length = math.hypot(bx - ax, by - ay) / 2
    nx, ny = -(by - ay) / (2 * half_length), (bx - ax) / (2 * half_length)
    radius = (half_length ** 2 + half_width ** 2) / (2 * half_width)
    offset = radius - half_width
    return max(circle(x, y, mx + nx * offset, my + ny * offset, radius),
               circle(x, y, mx - nx * offset, my - ny * offset, radius))


def smooth_union(a, b, k):
    """Polynomial smooth minimum: blends the waist where the upper and lower lobes meet."""
    h = max(k - abs(a - b), 0.0) / k
    return min(a, b) - h * h * k / 4


def apple_body(x, y):
    upper = min(circle(x, y, *c) for c in UPPER_LOBES)
    lower = min(circle(x, y, *c) for c in LOWER_LOBES)
    return smooth_union(upper, lower, 0.3)


def check_mark(x, y, radius):
    return min(capsule(x, y, CHECK[i], CHECK[i + 1], radius) for i in range(len(CHECK) - 1))


def render(size, samples, motif_box, shade):
    """Renders by supersampling: shade(x, y) gives the RGBA of one sample point in motif coordinates."""
    scale = motif_box / 2
    centre = size / 2
    pixels = bytearray()
    for py in range(size):
        pixels.append(0)  # PNG filter type "None" for this row
        for px in range(size):
            total = [0.0, 0.0, 0.0, 0.0]
            for sy in range(samples):
                for sx in range(samples):
                    x = (px + (sx + 0.5) / samples - centre) / scale
                    y = (py + (sy + 0.5) / samples - centre) / scale
                    r, g, b, a = shade(x, y)
                    total[0] += r * a
                    total[1] += g * a
                    total[2] += b * a
                    total[3] += a
            n = samples * samples
            alpha = total[3] / n
            if alpha == 0:
                pixels += bytes(4)
            else:
                pixels += bytes(round(total[i] / total[3]) for i in range(3)) + bytes([round(alpha * 255)])
    return bytes(pixels)


def write_png(path, size, filtered_rows):
    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)  # 8-bit RGBA, not interlaced
    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(filtered_rows, 9)) + chunk(b"IEND", b"")
    path.write_bytes(png)


def hex_to_rgb(value):
    return tuple(int(value[i:i + 2], 16) for i in (1, 3, 5))


def colour_icon(accent):
    white = (255, 255, 255)

    def shade(x, y):
        if check_mark(x, y, 0.095) <= 0:
            return (*accent, 1.0)
        if min(apple_body(x, y), capsule(x, y, *STEM, 0.065), leaf(x, y, 0.13)) <= 0:
            return (*white, 1.0)
        return (*accent, 1.0)

    # Teams crops the colour icon to a rounded square, so the motif keeps well inside it.
    return render(192, 4, 116, shade)


def outline_icon():
    stroke = 0.135

    def shade(x, y):
        body = apple_body(x, y)
        ring = -stroke <= body <= 0
        solid = ring or min(capsule(x, y, *STEM, 0.07), leaf(x, y, 0.15), check_mark(x, y, 0.085)) <= 0
        return (255, 255, 255, 1.0 if solid else 0.0)

    # Teams asks for no padding around the outline, so the motif fills the 32x32 box.
    return render(32, 8, 31.5, shade)


def main():
    manifest = json.loads((MANIFEST_DIR / "manifest.json").read_text(encoding="utf-8"))
    accent = hex_to_rgb(manifest["accentColor"])
    write_png(MANIFEST_DIR / "color.png", 192, colour_icon(accent))
    write_png(MANIFEST_DIR / "outline.png", 32, outline_icon())
    print(f"wrote {MANIFEST_DIR / 'color.png'} and {MANIFEST_DIR / 'outline.png'}")


if __name__ == "__main__":
    main()
