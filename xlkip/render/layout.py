"""Row heights for wrapped text.

Neither XlsxWriter nor LibreOffice sizes rows to wrapped text when a file is
printed, so long indicator names would be cut. Heights are estimated from the
text length and the width of the column (or merged columns) that holds it.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from xlkip.measure import MIN_HEIGHT, capacity_of, lines_height, wrapped_lines
from xlkip.sheet.model import SheetModel

DEFAULT_WIDTH = 8.43


def _lines(text: str, width: float, bold: bool, size: float = 10) -> int:
    return wrapped_lines(text, capacity_of(width, size), bold)


def row_heights(sheet: SheetModel) -> dict[int, float]:
    """Heights for the rows whose text needs more than one line.

    A cell merged across columns wraps in their summed width; one merged across rows
    shares its extra height among those rows (added where the rows fall short)."""
    spans = {(r1, c1): (r2, c2) for r1, c1, r2, c2 in sheet.merges}
    widths: dict[tuple[int, int], float] = {}
    needed: dict[int, float] = defaultdict(float)
    tall_merges: list[tuple[int, int, float]] = []
    for row, col, text, style in sheet.contents():
        if type(text) is not str or not style.wrap:
            continue
        last_row, last_col = spans.get((row, col), (row, col))
        if (col, last_col) not in widths:
            widths[(col, last_col)] = sum(
                sheet.widths.get(c, DEFAULT_WIDTH) for c in range(col, last_col + 1)
            )
        size = style.size or 10
        lines = _lines(text, widths[(col, last_col)], style.bold, size)
        if lines == 1 and last_row == row:
            continue
        height = lines_height(lines, size)
        if last_row == row:
            needed[row] = max(needed[row], height)
        else:
            tall_merges.append((row, last_row, height))
    heights = {row: h for row, h in needed.items() if h > MIN_HEIGHT}
    for first, last, height in tall_merges:
        rows = range(first, last + 1)
        have = sum(heights.get(r, MIN_HEIGHT) for r in rows)
        if have < height:
            extra = (height - have) / len(rows)
            for r in rows:
                heights[r] = heights.get(r, MIN_HEIGHT) + extra
    return heights


PAGE_WIDTH_PT = {True: 770, False: 523}
"""Printable A4 width, landscape and portrait, inside the 0.5 in side margins."""
PAGE_HEIGHT_PT = {True: 502, False: 753}
"""Printable A4 height inside the 0.6 in margins, less the footer, as LibreOffice prints
our page setup (measured: a landscape page holds 32 rows of 15 pt and one of 22, not
one of 24; a portrait page 49 and one of 18, not one of 20)."""
POINTS_PER_WIDTH_UNIT = 5.55
COLUMN_PADDING_PT = 3.94
"""LibreOffice prints a column `w` wide as 5.55 w + 3.94 pt (measured on its conversion
of our workbooks with Carlito installed: a zero of 11 pt Carlito and its padding)."""
DEFAULT_HEIGHT = 15.0
"""A row without a height of its own, as LibreOffice prints it (the sheet's default
row height, Calibri's 15 pt)."""
PAGE_MARGIN = 0.99
"""Every break is ours (see paginate) and every row's height is set or the default, so
only the page's own height is uncertain, by less than a row: a little is kept free."""


@dataclass(frozen=True)
class Pages:
    breaks: list[int]
    """Rows to break the page before."""
    repeat_header: bool
    """Whether the header rows must repeat: only when the table itself runs onto a
    second page (otherwise a chart's page would carry an empty header)."""


def paginate(sheet: SheetModel, heights: dict[int, float]) -> Pages:
    """Every page break of a sheet longer than a page, so that no chart and no
    keep-together block (a closing total, a heading with its first rows) is cut, and
    whether the header needs repeating. Pages are fitted to the width, so a wide table
    shrinks and a page holds more rows.

    Each break is written to the file, not only those before a block: a page we
    measure is a little shorter than LibreOffice's, and were it left to break the
    others by its own measure, it would break later than we planned and could leave a
    heading as the last row of a page."""
    if sheet.print_setup.one_page:  # shrunk onto one page: no break applies
        return Pages([], False)
    capacity = _capacity(sheet) * PAGE_MARGIN
    tops = _tops(sheet, heights)
    charts = sorted(sheet.charts, key=lambda c: c.anchor[0])
    table_end = charts[0].anchor[0] if charts else sheet_last_row(sheet) + 1
    repeat = sheet.print_setup.repeat_rows
    repeat_header = repeat is not None and tops(table_end) > capacity
    header = tops(repeat[1] + 1) - tops(repeat[0]) if repeat and repeat_header else 0.0
    blocks = [(first, last + 1, tops(last + 1)) for first, last in sheet.keep_together]
    blocks += [
        (c.anchor[0], c.anchor[0] + _chart_rows(c, heights), _chart_bottom(c, tops)) for c in charts
    ]
    kept = {first: (end, bottom) for first, end, bottom in _merged(blocks, tops, capacity - header)}
    breaks: list[int] = []
    page_top, room, inside = 0, capacity, 0
    for row in range(print_end_row(sheet, heights) + 1):
        end, bottom = kept.get(row, (row + 1, tops(row + 1)))
        if row >= inside and row > page_top and bottom - tops(page_top) > room:
            breaks.append(row)
            page_top, room = row, capacity - header
        if row in kept:  # the whole block is on this page: no break within it
            inside = max(inside, end)
    return Pages(breaks, repeat_header)


Block = tuple[int, int, float]
"""First row, the row after it, and its bottom in points from the sheet's top."""


def _merged(blocks: list[Block], tops, page: float) -> list[Block]:
    """The blocks that fit a page, those that overlap joined (a heading's block and the
    closing rows', say), so no break falls inside either. A block longer than a page is
    left to break anywhere."""
    merged: list[Block] = []
    for first, end, bottom in sorted(blocks):
        if bottom - tops(first) > page:
            continue
        if merged and first < merged[-1][1]:
            top = merged[-1][0]
            joined = (top, max(end, merged[-1][1]), max(bottom, merged[-1][2]))
            if joined[2] - tops(top) <= page:
                merged[-1] = joined
                continue
        merged.append((first, end, bottom))
    return merged


def _capacity(sheet: SheetModel) -> float:
    return PAGE_HEIGHT_PT[sheet.print_setup.landscape] / print_scale(sheet)


def print_scale(sheet: SheetModel) -> float:
    """How much a sheet fitted to the page's width is shrunk when printed."""
    visible = [c for c in range(sheet.last_col + 1) if c not in sheet.hidden_cols]
    width = sum(
        sheet.widths.get(c, DEFAULT_WIDTH) * POINTS_PER_WIDTH_UNIT + COLUMN_PADDING_PT
        for c in visible
    )
    return min(1.0, PAGE_WIDTH_PT[sheet.print_setup.landscape] / max(width, 1.0))


def _tops(sheet: SheetModel, heights: dict[int, float]):
    """top(row): points from the sheet's top to the top of `row`."""
    cache = [0.0]

    def top(row: int) -> float:
        while len(cache) <= row:
            r = len(cache) - 1
            cache.append(cache[-1] + heights.get(r, DEFAULT_HEIGHT))
        return cache[row]

    return top


def _chart_points(chart) -> float:
    """A chart's height in points, with its offset from the anchor's top."""
    from xlkip.render.charts import chart_size

    return chart_size(chart)[1] * 0.75 + 6


def _chart_bottom(chart, tops) -> float:
    return tops(chart.anchor[0]) + _chart_points(chart)


def _chart_rows(chart, heights: dict[int, float]) -> int:
    """How many rows from its anchor a chart covers."""
    need = _chart_points(chart)
    rows, covered = 0, 0.0
    while covered < need:
        covered += heights.get(chart.anchor[0] + rows, DEFAULT_HEIGHT)
        rows += 1
    return rows


def sheet_last_row(sheet: SheetModel) -> int:
    return sheet.last_row


def print_end_row(sheet: SheetModel, heights: dict[int, float]) -> int:
    """The last row the print area needs: the last cell, or the bottom of a chart."""
    ends = [c.anchor[0] + _chart_rows(c, heights) for c in sheet.charts]
    return max([sheet_last_row(sheet), *ends])
