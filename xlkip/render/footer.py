"""The page footer: the report's subject at the left, page numbers at the right.

Excel refuses a header or footer string over 255 characters (UTF-16 units, its codes
included), and XlsxWriter then drops the whole footer with an English warning. The
subject is an office's own name, so it may be any length and hold any character."""

from __future__ import annotations

LIMIT = 255
_LEFT = "&L&8 "
_RIGHT = "&R&8Halaman &P dari &N"
_ELLIPSIS = "…"
_ZWSP = "\u200b"


def footer(subject: str) -> str:
    """The footer code for `subject`, shortened with an ellipsis to fit Excel's limit."""
    room = LIMIT - _units(_LEFT) - _units(_RIGHT)
    pieces = [_escaped(ch, nxt) for ch, nxt in zip(subject, subject[1:] + " ", strict=True)]
    if sum(map(_units, pieces)) > room:
        pieces = _shortened(pieces, room - _units(_ELLIPSIS))
    return f"{_LEFT}{''.join(pieces)}{_RIGHT}"


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
