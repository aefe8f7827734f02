"""A built table sheet as a Word table: the cells' values shown as the workbook shows
them, its merges, its header repeated on every page, rows kept whole."""

from __future__ import annotations

import math
from dataclasses import dataclass

from docx.document import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Emu, Pt

from xlkip.render.dokumen.word import keep_row_whole, repeat_as_header, shade
from xlkip.sheet.model import SheetModel, Slot, Style
from xlkip.text import as_shown

SOURCE_PREFIX = "Sumber"
LANDSCAPE_COLUMNS = 8
"""A table this wide goes on a landscape page (DOKUMEN.md §4)."""
PORTRAIT_WIDTH_UNITS = 150
"""Beyond this many column width units (of the workbook) a table is too wide to shrink
onto a portrait page."""
WORD_UNITS = 0.9
"""Width units a character of a table's 9 pt text takes: a column is never narrower
than its longest word, so "REALISASI" is not broken into "REALISA SI"."""
MEASURED_ROWS = 300
"""Rows measured for the longest word (a 5,000-row budget repeats its words)."""
ALIGN = {
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
    "left": WD_ALIGN_PARAGRAPH.LEFT,
}


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
    columns = visible_columns(sheet)
    units = sum(sheet.widths.get(c, 8.43) for c in columns)
    return len(columns) >= LANDSCAPE_COLUMNS or units > PORTRAIT_WIDTH_UNITS


def add_table(document: Document, sheet: SheetModel, width: int) -> None:
    """The sheet's table, `width` EMU wide, columns in the workbook's proportions."""
    where = region(sheet)
    columns = visible_columns(sheet)
    position = {col: index for index, col in enumerate(columns)}
    first, last = where.header[0], where.last
    table = document.add_table(rows=last - first + 1, cols=len(columns))
    table.style = document.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    units = _units(sheet, columns, first, last)
    widths = [Emu(int(width * u / sum(units))) for u in units]
    for index, column in enumerate(table.columns):
        column.width = widths[index]
    covered = _covered(sheet, first, last)
    for offset, row in enumerate(table.rows):
        sheet_row = first + offset
        keep_row_whole(row)
        if sheet_row <= where.header[1]:
            repeat_as_header(row)
        cells = row.cells
        for col, slot in row_cells(sheet, sheet_row).items():
            if col not in position or (sheet_row, col) in covered:
                continue
            _fill(cells[position[col]], slot, widths[position[col]])
    _merge(table, sheet, first, last, position)


def _units(sheet: SheetModel, columns: list[int], first: int, last: int) -> list[float]:
    """Each column's workbook width, widened to hold its longest word."""
    longest = dict.fromkeys(columns, 0)
    spans = {(r1, c1) for r1, c1, _, c2 in sheet.merges if c2 > c1}
    for row in range(first, min(last, first + MEASURED_ROWS) + 1):
        for col, slot in row_cells(sheet, row).items():
            if col in longest and (row, col) not in spans:
                text = cell_text(slot.value(), slot.style.num_format)
                longest[col] = max(longest[col], *(len(w) for w in text.split()), 0)
    return [max(sheet.widths.get(c, 8.43), longest[c] * WORD_UNITS + 1.5) for c in columns]


def _covered(sheet: SheetModel, first: int, last: int) -> set[tuple[int, int]]:
    """The cells a merge hides (all but its first)."""
    hidden = set()
    for r1, c1, r2, c2 in sheet.merges:
        if r1 >= first and r2 <= last:
            hidden.update((r, c) for r in range(r1, r2 + 1) for c in range(c1, c2 + 1))
            hidden.discard((r1, c1))
    return hidden


def _fill(cell, slot: Slot, width: int) -> None:
    cell.width = width
    style: Style = slot.style
    paragraph = cell.paragraphs[0]
    paragraph.paragraph_format.space_after = Pt(0)
    paragraph.paragraph_format.line_spacing = 1.0
    if style.align in ALIGN:
        paragraph.alignment = ALIGN[style.align]
    text = cell_text(slot.value(), style.num_format)
    if text:
        run = paragraph.add_run(text)
        run.font.size = Pt(9)
        run.bold = style.bold or None
        run.italic = style.italic or None
    if style.fill:
        shade(cell._tc.get_or_add_tcPr(), style.fill)


def _merge(table, sheet: SheetModel, first: int, last: int, position: dict[int, int]) -> None:
    for r1, c1, r2, c2 in sheet.merges:
        if r1 < first or r2 > last:
            continue
        inside = [position[c] for c in range(c1, c2 + 1) if c in position]
        if not inside or (r1 == r2 and len(inside) == 1):
            continue
        top = table.cell(r1 - first, inside[0])
        top.merge(table.cell(r2 - first, inside[-1]))
