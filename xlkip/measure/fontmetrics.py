"""Advance widths read from a TrueType font file, to write xlkip.measure.carlito.

`python -m xlkip.measure.fontmetrics` rewrites carlito.py from the Carlito fonts
(Debian: fonts-crosextra-carlito). Carlito is metric-compatible with Calibri, the
workbook's font: every character is as wide in both, so text measured with these
widths wraps where Excel (Calibri) and LibreOffice (Carlito) wrap it."""

from __future__ import annotations

import struct
import sys
from pathlib import Path

FONT_DIR = Path("/usr/share/fonts/truetype/crosextra")
FIRST, LAST = 32, 0x24F
"""Latin letters and punctuation; other characters are measured as wide as a zero."""
EXTRA = "–—‘’“”…•≥≤×·€"


def _tables(data: bytes) -> dict[bytes, tuple[int, int]]:
    count = struct.unpack_from(">H", data, 4)[0]
    entries = (struct.unpack_from(">4sIII", data, 12 + 16 * i) for i in range(count))
    return {tag: (offset, length) for tag, _, offset, length in entries}


def _cmap(data: bytes, offset: int) -> dict[int, int]:
    """Code point -> glyph, from the Windows Unicode BMP subtable (format 4)."""
    count = struct.unpack_from(">H", data, offset + 2)[0]
    for i in range(count):
        platform, encoding, sub = struct.unpack_from(">HHI", data, offset + 4 + 8 * i)
        if (platform, encoding) == (3, 1):
            return _format4(data, offset + sub)
    raise ValueError("no Windows Unicode cmap")


def _format4(data: bytes, at: int) -> dict[int, int]:
    segments = struct.unpack_from(">H", data, at + 6)[0] // 2
    ends = struct.unpack_from(f">{segments}H", data, at + 14)
    starts_at = at + 16 + 2 * segments
    starts = struct.unpack_from(f">{segments}H", data, starts_at)
    deltas = struct.unpack_from(f">{segments}h", data, starts_at + 2 * segments)
    ranges_at = starts_at + 4 * segments
    ranges = struct.unpack_from(f">{segments}H", data, ranges_at)
    glyphs = {}
    for i in range(segments):
        for code in range(starts[i], ends[i] + 1):
            if code == 0xFFFF:
                continue
            if ranges[i] == 0:
                glyph = (code + deltas[i]) & 0xFFFF
            else:
                where = ranges_at + 2 * i + ranges[i] + 2 * (code - starts[i])
                glyph = struct.unpack_from(">H", data, where)[0]
                glyph = (glyph + deltas[i]) & 0xFFFF if glyph else 0
            glyphs[code] = glyph
    return glyphs


def advance_widths(path: Path) -> tuple[int, dict[str, int]]:
    """(units per em, character -> advance width in font units)."""
    data = path.read_bytes()
    tables = _tables(data)
    units = struct.unpack_from(">H", data, tables[b"head"][0] + 18)[0]
    metrics = struct.unpack_from(">H", data, tables[b"hhea"][0] + 34)[0]
    hmtx = tables[b"hmtx"][0]
    advances = [struct.unpack_from(">H", data, hmtx + 4 * g)[0] for g in range(metrics)]
    glyphs = _cmap(data, tables[b"cmap"][0])
    wanted = [chr(c) for c in range(FIRST, LAST + 1)] + list(EXTRA)
    widths = {}
    for char in wanted:
        glyph = glyphs.get(ord(char))
        if glyph:
            widths[char] = advances[min(glyph, metrics - 1)]
    return units, widths


def module_text(font_dir: Path) -> str:
    lines = [
        '"""Advance widths of Carlito (metric-compatible with Calibri), in units of the em.',
        "",
        'Written by `python -m xlkip.measure.fontmetrics`; do not edit."""',
        "",
    ]
    for name, style in (("REGULAR", "Regular"), ("BOLD", "Bold")):
        units, widths = advance_widths(font_dir / f"Carlito-{style}.ttf")
        lines.append(f"{name}_UNITS = {units}")
        lines.append(f"{name} = {{")
        lines.extend(f"    {char!r}: {width}," for char, width in widths.items())
        lines.append("}")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    font_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else FONT_DIR
    target = Path(__file__).with_name("carlito.py")
    target.write_text(module_text(font_dir), encoding="utf-8")
    print(f"ditulis: {target}")
