"""Read the pixels of a PNG screenshot with the standard library, to tell a drawn page from a blank one.

Only what Chromium writes: 8-bit RGB or RGBA, not interlaced. Small images
only (the tests ask Chromium for a scaled-down copy): this is plain Python.
"""

from __future__ import annotations

import struct
import zlib
from collections import Counter


def _paeth(a: int, b: int, c: int) -> int:
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    if pa <= pb and pa <= pc:
        return a
    return b if pb <= pc else c


def pixels(png: bytes) -> list[tuple[int, ...]]:
    """Every pixel, row by row, as (r, g, b) tuples."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    position, data = 8, b""
    width = height = channels = 0
    while position < len(png):
        length, kind = struct.unpack(">I4s", png[position : position + 8])
        body = png[position + 8 : position + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
            assert depth == 8 and colour in (2, 6) and interlace == 0, "an 8-bit RGB(A) PNG"
            channels = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            data += body
        position += 12 + length
    raw = zlib.decompress(data)
    stride = width * channels
    previous = bytearray(stride)
    result: list[tuple[int, ...]] = []
    for row in range(height):
        start = row * (stride + 1)
        kind_of_filter, line = raw[start], bytearray(raw[start + 1 : start + 1 + stride])
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up = previous[i]
            corner = previous[i - channels] if i >= channels else 0
            if kind_of_filter == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind_of_filter == 2:
                line[i] = (line[i] + up) & 0xFF
            elif kind_of_filter == 3:
                line[i] = (line[i] + (left + up) // 2) & 0xFF
            elif kind_of_filter == 4:
                line[i] = (line[i] + _paeth(left, up, corner)) & 0xFF
        result.extend(tuple(line[i : i + 3]) for i in range(0, stride, channels))
        previous = line
    return result


def drawn_share(png: bytes) -> tuple[float, int]:
    """How much of the picture differs from its most common colour, and how many colours it has."""
    every = pixels(png)
    counts = Counter(every)
    _, background = counts.most_common(1)[0]
    return 1 - background / len(every), len(counts)
