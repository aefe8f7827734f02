"""The page footer: the report's subject at the left, page numbers at the right.

Excel refuses a header or footer string over 255 characters (UTF-16 units, its codes
included), and XlsxWriter then drops the whole footer with an English warning. The
subject is an office's own name, so it may be any length and hold any character."""

from __future__ import annotations

import math

LIMIT = 255
PRINTED_PT = 8
"""The footer's size on paper. Excel and LibreOffice shrink a footer with the sheet it
is fitted to, so a sheet printed at 80% writes it at 10 pt."""
_ELLIPSIS = "…"
_ZWSP = "\u200b"


def footer(subject: str, scale: float = 1.0) -> str:
    """The footer code for `subject` on a sheet printed at `scale`, shortened with an
    ellipsis to fit Excel's limit."""
    size = math.ceil(PRINTED_PT / max(scale, 0.1) - 1e-9)
    left, right = f"&L&{size} ", f"&R&{size}Halaman &P dari &N"
    room = LIMIT - _units(left) - _units(right)
    pieces = [_escaped(ch, nxt) for ch, nxt in zip(subject, subject[1:] + " ", strict=True)]
    if sum(map(_units, pieces)) > room:
        pieces = _shortened(pieces, room - _units(_ELLIPSIS))
    return f"{left}{''.join(pieces)}{right}"


def _escaped(ch: str, nxt: str) -> str:
    """`&` starts an Excel code, so a literal one is doubled. XlsxWriter also reads
    `&G` and `&[Picture]` as image placeholders (without regard to a doubled `&`) and drops
    the footer when no image matches; an invisible space keeps those apart."""
    if ch != "&":
        return ch
    return "&&" + _ZWSP if nxt in "G[" else "&&"


def _shortened(pieces: list[str], room: int) -> list[str]:
    kept: list[str] = []
    used = 0
    for piece in pieces:
        used += _units(piece)
        if used > room:
            break
        kept.append(piece)
    return ["".join(kept).rstrip(), _ELLIPSIS]


def _units(text: str) -> int:
    """Length as Excel counts it: UTF-16 code units (an emoji is two)."""
    return len(text.encode("utf-16-le")) // 2
