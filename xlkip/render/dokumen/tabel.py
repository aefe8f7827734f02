"""A built table sheet as a Word table: the cells' values shown as the workbook shows
them, its merges, its header repeated on every page, rows kept whole."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache
from xml.sax.saxutils import escape

from docx.document import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from xlkip.sheet.model import SheetModel, Slot, Style
from xlkip.text import as_shown

SOURCE_PREFIX = "Sumber"
LANDSCAPE_COLUMNS = 8
"""A table this wide goes on a landscape page (DOKUMEN.md §4)."""
PORTRAIT_WIDTH_UNITS = 150
"""Beyond this many column width units (of the workbook) a table is too wide to shrink
onto a portrait page."""
PORTRAIT_TWIPS = 8787
"""The text width of a portrait A4 page inside the margins (15,5 cm)."""
CELL_PADDING_TWIPS = 260
"""A cell's left and right margins, and a little air."""
MEASURED_ROWS = 300
"""Rows measured for the longest word (a 5,000-row budget repeats its words)."""
CELL_HALF_POINTS, SMALLEST_HALF_POINTS = 18, 14
"""The table cells' 9 pt, and the smallest (7 pt) a wide table is set in."""
SPARE_SHARE = 0.9
"""The share of the width the longest words may take; the rest gives the long texts
(sasaran, indikator) room to wrap in fewer lines."""
JUSTIFY = {"center": "center", "right": "right", "left": "left"}
EMU_PER_TWIP = 635


def cell_text(value: object, num_format: str | None) -> str:
    """A value as its cell shows it: numbers through the workbook's number format
    (a format's zero section, e.g. `#,##0;-#,##0;"-"`, shows its literal)."""
    if value is None or isinstance(value, bool):
        return "" if value is None else ("BENAR" if value else "SALAH")
    if isinstance(value, str):
        return value
    if not isinstance(value, int | float) or not math.isfinite(value):
        return str(value)
    sections = (num_format or "").split(";")
    if value == 0 and len(sections) >= 3 and sections[2].startswith('"'):
        return sections[2].strip('"')
    if value < 0 and len(sections) >= 2:
        return "-" + as_shown(-value, sections[1].lstrip("-"))
    return as_shown(value, sections[0] or None)


@dataclass(frozen=True)
class Region:
    """Where a sheet's table lies: its header rows, its last row and its source line."""

    header: tuple[int, int]
    last: int
    source: str | None


def region(sheet: SheetModel) -> Region:
    header = sheet.print_setup.repeat_rows or (2, 2)
    source_row, source = None, None
    for (row, col), slot in sheet.slots.items():
        text = slot.content
        if col == 0 and isinstance(text, str) and text.startswith(SOURCE_PREFIX):
            source_row, source = row, text
    last = (source_row - 1) if source_row is not None else sheet.last_row
    while last > header[1] and not any(
        s.content is not None for s in row_cells(sheet, last).values()
    ):
        last -= 1
    return Region(header, last, source)


def row_cells(sheet: SheetModel, row: int) -> dict[int, Slot]:
    """A row's cells, a block's made once for the whole row."""
    cells = {}
    block = sheet.block_at(row) if sheet.blocks else None
    if block is not None:
        cells = {slot.col: slot for slot in block.row_slots(row)}
    for col in range(sheet.last_col + 1):
        slot = sheet.slots.get((row, col))
        if slot is not None:
            cells[col] = slot
    return cells


def visible_columns(sheet: SheetModel) -> list[int]:
    return [c for c in range(sheet.last_col + 1) if c not in sheet.hidden_cols]


def is_wide(sheet: SheetModel) -> bool:
    """Too many columns, or longest words that do not fit side by side on a portrait
    page (a budget's amounts would break mid-number)."""
    columns = visible_columns(sheet)
    where = region(sheet)
    units = sum(sheet.widths.get(c, 8.43) for c in columns)
    need = sum(_needs(sheet, columns, where.header[0], where.last))
    return (
        len(columns) >= LANDSCAPE_COLUMNS or units > PORTRAIT_WIDTH_UNITS or (need > PORTRAIT_TWIPS)
    )


def add_table(document: Document, sheet: SheetModel, width: int, cell_style: str) -> None:
    """The sheet's table, `width` EMU wide, columns in the workbook's proportions and
    paragraphs in `cell_style` (a style id).

    The table's XML is written in one piece: python-docx's cell calls cost a
    millisecond a cell, too slow for a budget of thousands of rows. Every text is
    escaped, so a cell's text is only ever text."""
    where = region(sheet)
    columns = visible_columns(sheet)
    first, last = where.header[0], where.last
    total = width // EMU_PER_TWIP
    size, need = _fitted(_needs(sheet, columns, first, last), total)
    twips = _widths(sheet, columns, need, total)
    spans = _spans(sheet, first, last, columns)
    parts = [
        f'<w:tbl {nsdecls("w")}><w:tblPr><w:tblStyle w:val="TableGrid"/>'
        f'<w:tblW w:w="{sum(twips)}" w:type="dxa"/><w:jc w:val="center"/>'
        '<w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>',
        *(f'<w:gridCol w:w="{t}"/>' for t in twips),
        "</w:tblGrid>",
    ]
    for row in range(first, last + 1):
        header = "<w:tblHeader/>" if row <= where.header[1] else ""
        parts.append(f"<w:tr><w:trPr><w:cantSplit/>{header}</w:trPr>")
        cells = row_cells(sheet, row)
        index = 0
        while index < len(columns):
            col = columns[index]
            span, merge, anchor = spans.get((row, col), (1, "", col))
            slot = cells.get(anchor) if merge != "continue" else None
            width_of = sum(twips[index : index + span])
            parts.append(_cell_xml(slot, width_of, span, merge, cell_style, size))
            index += span
        parts.append("</w:tr>")
    parts.append("</w:tbl>")
    body = document.element.body
    body.insert(len(body) - 1, parse_xml("".join(parts)))  # before the final sectPr


def _spans(
    sheet: SheetModel, first: int, last: int, columns: list[int]
) -> dict[tuple[int, int], tuple[int, str, int]]:
    """(row, first visible column of a merge) -> (columns spanned, vMerge value, the
    merge's own first column); the cells a merge covers to the right are left out."""
    position = {col: index for index, col in enumerate(columns)}
    spans: dict[tuple[int, int], tuple[int, str, int]] = {}
    for r1, c1, r2, c2 in sheet.merges:
        if r1 < first or r2 > last:
            continue
        inside = [c for c in range(c1, c2 + 1) if c in position]
        if not inside:
            continue
        for row in range(r1, r2 + 1):
            merge = "" if r1 == r2 else ("restart" if row == r1 else "continue")
            spans[(row, inside[0])] = (len(inside), merge, c1)
    return spans


def _cell_xml(
    slot: Slot | None, twips: int, span: int, merge: str, cell_style: str, size: int
) -> str:
    style: Style | None = slot.style if slot is not None else None
    properties = f'<w:tcW w:w="{twips}" w:type="dxa"/>'
    if span > 1:
        properties += f'<w:gridSpan w:val="{span}"/>'
    if merge:
        properties += f'<w:vMerge w:val="{merge}"/>' if merge == "restart" else "<w:vMerge/>"
    if style is not None and style.fill:
        properties += f'<w:shd w:val="clear" w:color="auto" w:fill="{style.fill.lstrip("#")}"/>'
    paragraph = f'<w:pPr><w:pStyle w:val="{cell_style}"/>'
    if style is not None and style.align in JUSTIFY:
        paragraph += f'<w:jc w:val="{JUSTIFY[style.align]}"/>'
    paragraph += "</w:pPr>"
    text = _xml_text(cell_text(slot.value(), style.num_format)) if slot and style else ""
    if text:
        marks = ("<w:b/>" if style.bold else "") + ("<w:i/>" if style.italic else "")
        if size != CELL_HALF_POINTS:
            marks += f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/>'
        # A line break typed in the cell (Alt+Enter) is a line break in Word, not a space.
        lines = '</w:t><w:br/><w:t xml:space="preserve">'.join(re.split(r"\r?\n", text))
        paragraph += f'<w:r><w:rPr>{marks}</w:rPr><w:t xml:space="preserve">{lines}</w:t></w:r>'
    return f"<w:tc><w:tcPr>{properties}</w:tcPr><w:p>{paragraph}</w:p></w:tc>"


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _xml_text(text: str) -> str:
    """Text as XML character data: escaped, and without the characters XML forbids."""
    return escape(_NOT_XML.sub("", text))


def _widths(sheet: SheetModel, columns: list[int], need: list[int], total: int) -> list[int]:
    """Column widths in twips summing to `total`: the workbook's proportions, but no
    column narrower than its longest word (so "REALISASI" never breaks into "REALISA
    SI"), the room for that taken from the columns that have more than they need.
    `need` is each column's longest word (see `_fitted`)."""
    units = [sheet.widths.get(c, 8.43) for c in columns]
    twips = [total * u / sum(units) for u in units]
    pairs = list(zip(need, twips, strict=True))
    short = sum(max(0.0, n - t) for n, t in pairs)
    spare = sum(max(0.0, t - n) for n, t in pairs)
    if short and spare > short:
        twips = [n if t < n else t - (t - n) * short / spare for n, t in pairs]
    return [int(t) for t in twips]


def _fitted(need: list[int], total: int) -> tuple[int, list[int]]:
    """The font size (half-points) and each column's need at that size: the cells'
    9 pt, or smaller (to 7 pt) when the longest words side by side are wider than
    the page, so that words stay whole and the long texts keep some room."""
    room = SPARE_SHARE * total
    words = sum(n - CELL_PADDING_TWIPS for n in need)
    padding = CELL_PADDING_TWIPS * len(need)
    size = CELL_HALF_POINTS
    while size > SMALLEST_HALF_POINTS and padding + words * size / CELL_HALF_POINTS > room:
        size -= 1
    scaled = [CELL_PADDING_TWIPS + (n - CELL_PADDING_TWIPS) * size / CELL_HALF_POINTS for n in need]
    return size, [math.ceil(n) for n in scaled]


def _needs(sheet: SheetModel, columns: list[int], first: int, last: int) -> list[int]:
    return list(_measured(sheet, tuple(columns), first, last))


@lru_cache(maxsize=2)  # a table is measured to choose its page, then to lay it out
def _measured(
    sheet: SheetModel, columns: tuple[int, ...], first: int, last: int
) -> tuple[int, ...]:
    """The twips each column needs for its longest word (cells spanning columns aside)."""
    longest = dict.fromkeys(columns, 0)
    spans = {(r1, c1) for r1, c1, _, c2 in sheet.merges if c2 > c1}
    for row in range(first, min(last, first + MEASURED_ROWS) + 1):
        for col, slot in row_cells(sheet, row).items():
            if col in longest and (row, col) not in spans:
                text = cell_text(slot.value(), slot.style.num_format)
                widest = max(map(_word_twips, text.split()), default=0)
                longest[col] = max(longest[col], widest)
    return tuple(CELL_PADDING_TWIPS + longest[c] for c in columns)


def _word_twips(word: str) -> int:
    """A word's width in the tables' 9 pt Arial (bold for capitals), in twips."""
    return sum(
        140 if ch.isupper() else 105 if ch.isdigit() else 55 if ch in ".,:;'|" else 100
        for ch in word
    )
