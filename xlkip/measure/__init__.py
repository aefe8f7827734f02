"""Text measured as Excel (Calibri) and LibreOffice (Carlito) lay it out: how wide a
text is and how many lines it wraps to in a column. Used for the rows of the report's
sheets (render/layout.py), the rekap and the templates' Petunjuk sheets.

May import: nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import repeat

from xlkip.measure import carlito

DIGIT_PX = 7
"""A column width unit is the width of "0" in the workbook's 11 pt default font, which
Excel counts as 7 pixels."""
CELL_PADDING_PX = 6
"""What a cell keeps free left and right of its text."""
POINTS_PER_LINE = 12.6
"""A line of 10 pt Carlito/Calibri (1.22 em), with a little leading."""
PADDING = 4.0
MIN_HEIGHT = 15.0
SAFETY = 1.02
"""Text is measured a little wider than it is (kerning, hinting): a row a touch too
tall reads fine, a row a touch too short cuts a line."""

# Text is measured with Carlito's advance widths: Carlito is metric-compatible with
# Calibri, the workbook's font, so a line breaks at the same word in Excel (Calibri)
# and in LibreOffice (Carlito; .ci/run and the README install it). Widths are in
# widths of "0", the unit of a column's width.
_ZERO = carlito.REGULAR["0"]
BREAK = "\u200b"
"""A zero-width space: where a long name without spaces may break (after a folder's
_ or /), as Excel and LibreOffice break at it."""
_WIDTHS = {char: width / _ZERO for char, width in carlito.REGULAR.items()} | {BREAK: 0.0}
_BOLD_WIDTHS = {char: width / _ZERO for char, width in carlito.BOLD.items()} | {BREAK: 0.0}


class _WordWidths(dict):
    """Widths of words, each measured once: names in a budget repeat the same words."""

    def __init__(self, widths: dict[str, float]) -> None:
        super().__init__()
        self.widths = widths

    def __missing__(self, word: str) -> float:
        width = self[word] = sum(map(self.widths.get, word, repeat(1.0)))
        return width


_WORD_WIDTHS = {False: _WordWidths(_WIDTHS), True: _WordWidths(_BOLD_WIDTHS)}


def text_width(text: str, bold: bool = False) -> float:
    """Width of `text` in widths of "0" (a character Carlito lacks counts as one)."""
    widths = _BOLD_WIDTHS if bold else _WIDTHS
    return sum(map(widths.get, text, repeat(1.0))) * SAFETY


def wrapped_lines(text: str, capacity: float, bold: bool = False) -> int:
    """How many lines `text` takes in a cell `capacity` zeros wide, wrapped at spaces
    as Excel and LibreOffice wrap it (a word longer than a line is broken)."""
    room = capacity / SAFETY  # compare unscaled widths
    words = _WORD_WIDTHS[bold]
    if "\n" not in text and sum(map(words.widths.get, text, repeat(1.0))) <= room:
        return 1
    space = words.widths[" "]
    total = 0
    for paragraph in text.split("\n"):
        lines, used = 1, 0.0
        for width, gap in _pieces(paragraph, words, space):
            if used and used + gap + width <= room:
                used += gap + width
                continue
            if used:
                lines += 1
            while width > room:  # a long word (a URL, a code) breaks anywhere
                lines += 1
                width -= room
            used = width
        total += lines
    return total


def _pieces(paragraph: str, words: _WordWidths, space: float) -> Iterator[tuple[float, float]]:
    """The width of each piece a line may break after, with the gap before it: a
    space between words, nothing at a zero-width space."""
    if BREAK not in paragraph:
        yield from zip(map(words.__getitem__, paragraph.split(" ")), repeat(space))
        return
    for word in paragraph.split(" "):
        for index, piece in enumerate(word.split(BREAK)):
            yield words[piece], 0.0 if index else space


def capacity_of(width_units: float, size_pt: float) -> float:
    """How many zeros of `size_pt` text fit in a cell `width_units` wide (as Excel
    draws it: LibreOffice's columns are a little wider, never narrower)."""
    pixels = width_units * DIGIT_PX + 5 - CELL_PADDING_PX
    zero_px = _ZERO / carlito.REGULAR_UNITS * size_pt * 96 / 72
    return max(1.0, pixels / zero_px)


def lines_height(lines: int, size_pt: float = 10) -> float:
    """The height in points of a row showing `lines` lines of `size_pt` text."""
    return lines * POINTS_PER_LINE * size_pt / 10 + PADDING


def wrapped_height(texts: Iterable[tuple[str, float]], size_pt: float, bold: bool = False) -> float:
    """The height a row needs for each (text, column width) of it to show whole, wrapped;
    at least one line."""
    lines = max(
        (wrapped_lines(text, capacity_of(width, size_pt), bold) for text, width in texts),
        default=1,
    )
    return lines_height(lines, size_pt)
