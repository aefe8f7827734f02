"""Row heights for wrapped text.

Neither XlsxWriter nor LibreOffice sizes rows to wrapped text when a file is
printed, so long indicator names would be cut. Heights are estimated from the
text length and the width of the column (or merged columns) that holds it.
"""

from __future__ import annotations

from collections import defaultdict

from xlkip.sheet.model import SheetModel

DEFAULT_WIDTH = 8.43
CHARS_PER_WIDTH_UNIT = 1.15
"""A column width unit holds about this many characters of 10 pt text."""
POINTS_PER_LINE = 12.6
PADDING = 3.0
MIN_HEIGHT = 15.0


CAPITALS = 0.85
"""Bold capitals are wider: a title in them holds this share of the characters."""


def _lines(text: str, width: float, bold: bool) -> int:
    factor = (0.9 * (CAPITALS if text.isupper() else 1.0)) if bold else 1.0
    capacity = max(1, int(width * CHARS_PER_WIDTH_UNIT * factor))
    if len(text) <= capacity and "\n" not in text:
        return 1
    return sum(_wrapped(part, capacity) for part in text.split("\n"))


def _wrapped(text: str, capacity: int) -> int:
    """Lines of `text` wrapped at spaces as a spreadsheet does (a long word is cut)."""
    lines, used = 1, 0
    for word in text.split():
        size = len(word)
        if used and used + 1 + size > capacity:
            lines, used = lines + 1, 0
        if used:
            used += 1
        used += size
        while used > capacity:
            lines, used = lines + 1, used - capacity
    return lines


def row_heights(sheet: SheetModel) -> dict[int, float]:
    """Heights for the rows whose text needs more than one line."""
    spans = {(r1, c1): (r2, c2) for r1, c1, r2, c2 in sheet.merges}
    widths: dict[tuple[int, int], float] = {}
    needed: dict[int, float] = defaultdict(float)
    tall_merges: list[tuple[int, int, float]] = []
    for (row, col), slot in sheet.slots.items():
        text = slot.content
        if type(text) is not str or not slot.style.wrap:
            continue
        last_row, last_col = spans.get((row, col), (row, col))
        if (col, last_col) not in widths:
            widths[(col, last_col)] = sum(
                sheet.widths.get(c, DEFAULT_WIDTH) for c in range(col, last_col + 1)
            )
        size = (slot.style.size or 10) / 10
        lines = _lines(text, widths[(col, last_col)] / size, slot.style.bold)
        if lines == 1 and last_row == row:
            continue
        height = lines * POINTS_PER_LINE * size + PADDING
        if last_row == row:
            needed[row] = max(needed[row], height)
        else:
            tall_merges.append((row, last_row, height))
    heights = {row: h for row, h in needed.items() if h > MIN_HEIGHT}
    for first, last, height in tall_merges:
        rows = range(first, last + 1)
        have = sum(heights.get(r, MIN_HEIGHT) for r in rows)
        if have < height:
            heights[last] = heights.get(last, MIN_HEIGHT) + height - have
    return heights


PAGE_WIDTH_PX = {True: 1020, False: 720}
"""Printable A4 width at 96 dpi, landscape and portrait, inside the margins."""
PAGE_HEIGHT_PT = {True: 450, False: 700}
DEFAULT_HEIGHT = 15.0


def chart_page_breaks(sheet: SheetModel, heights: dict[int, float]) -> list[int]:
    """Rows to break the page before, so that no chart is cut across two pages.

    Pages are fitted to the width, so a wide table shrinks and a page holds more rows.
    """
    landscape = sheet.print_setup.landscape
    visible = [c for c in range(sheet.last_col + 1) if c not in sheet.hidden_cols]
    width = sum(int(sheet.widths.get(c, DEFAULT_WIDTH) * 7 + 5) for c in visible)
    scale = min(1.0, PAGE_WIDTH_PX[landscape] / max(width, 1))
    capacity = PAGE_HEIGHT_PT[landscape] / scale
    breaks = []
    page_start = 0.0
    for chart in sorted(sheet.charts, key=lambda c: c.anchor[0]):
        top = sum(heights.get(r, DEFAULT_HEIGHT) for r in range(chart.anchor[0]))
        bottom = top + chart.size[1] * 0.75
        if bottom - page_start > capacity and top > page_start:
            breaks.append(chart.anchor[0])
            page_start = top
    return breaks
