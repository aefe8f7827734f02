"""Write a WorkbookModel with XlsxWriter: formats, merges, print setup, charts."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import xlsxwriter
from xlsxwriter.utility import xl_rowcol_to_cell
from xlsxwriter.worksheet import CellFormulaTuple, Worksheet

from xlkip.render.charts import add_chart
from xlkip.render.footer import footer as page_footer
from xlkip.render.layout import paginate, print_end_row, print_scale, row_heights
from xlkip.sheet.expr import Expr
from xlkip.sheet.model import SheetModel, Slot, Style, WorkbookModel

A4 = 9
IN_MEMORY_CELLS = 50_000
STREAM_CELLS = 150_000
"""A sheet this big (a large Tabel 3.17) is streamed: XlsxWriter writes each row to disk
as soon as the next one starts instead of holding every cell until the file closes."""


class _Worksheet(Worksheet):
    """XlsxWriter runs ~30 regular expressions over every formula to prefix Excel 365
    functions (XLOOKUP, FILTER …) with _xlfn. Our formulas use only functions every
    Excel has (see xlkip.sheet.expr), so that expansion is a no-op we skip: it was the
    largest cost of writing a big Tabel 3.17."""

    def _prepare_formula(self, formula: str, expand_future_functions: bool = False) -> str:
        return formula[1:] if formula.startswith("=") else formula

    def _write_formula(
        self, row: int, col: int, formula: str, cell_format: Any = None, value: Any = 0
    ) -> int:
        """XlsxWriter's own, less its dynamic-array search: a regular expression over every
        formula for FILTER, SORT … that ours never use."""
        if self._check_dimensions(row, col):
            return -1
        if self.constant_memory and row > self.previous_row:
            self._write_single_row(row)
        self.table[row][col] = CellFormulaTuple(self._prepare_formula(formula), cell_format, value)
        return 0


class _StreamedWorksheet(_Worksheet):
    """XlsxWriter's constant_memory mode for this one sheet only, so the small sheets
    keep their shared strings and cached chart data, and their bytes, unchanged.

    The mode's rules (XlsxWriter docs, "Working with Memory and Performance"): cells are
    written row by row in order, strings are stored inline rather than shared, and the
    cells cannot be read back as chart data — so only sheets no chart points at are
    streamed, and `_write_rows` writes them in row order, merges included."""

    def _initialize(self, init_data: dict) -> None:
        super()._initialize({**init_data, "constant_memory": True})


class _Formats:
    def __init__(self, workbook: xlsxwriter.Workbook) -> None:
        self.workbook = workbook
        self.cache: dict[Style, Any] = {}
        self.by_identity: dict[int, tuple[Style, Any]] = {}
        self.last: tuple[Style | None, Any] = (None, None)

    def __call__(self, style: Style) -> Any:
        # Hashing a dataclass for each of 300 000 cells is slow; most cells share a
        # handful of Style objects, so look them up by identity first (and neighbouring
        # cells of a column mostly share the last one).
        if style is self.last[0]:
            return self.last[1]
        known = self.by_identity.get(id(style))
        if known is None or known[0] is not style:
            known = (style, self._by_value(style))
            self.by_identity[id(style)] = known
        self.last = known
        return known[1]

    def _by_value(self, style: Style) -> Any:
        if style not in self.cache:
            spec: dict[str, Any] = {"valign": style.valign, "font_size": style.size or 10}
            if style.num_format:
                spec["num_format"] = style.num_format
            if style.bold:
                spec["bold"] = True
            if style.italic:
                spec["italic"] = True
            if style.fill:
                spec["bg_color"] = style.fill
            if style.align:
                spec["align"] = style.align
            if style.wrap:
                spec["text_wrap"] = True
            if style.border:
                spec["border"] = 1
            if style.color:
                spec["font_color"] = style.color
            if style.indent:
                spec["indent"] = style.indent
            self.cache[style] = self.workbook.add_format(spec)
        return self.cache[style]


def streamed_sheets(model: WorkbookModel) -> set[str]:
    """The sheets big enough to stream that no chart takes its data from."""
    charted = {
        rng.sheet.name
        for sheet in model.sheets
        for chart in sheet.charts
        for series in chart.series
        for rng in (series.categories, series.values)
    }
    return {
        sheet.name
        for sheet in model.sheets
        if sheet.cell_count >= STREAM_CELLS and sheet.name not in charted
    }


def render(model: WorkbookModel, path: Path) -> Path:
    streamed = streamed_sheets(model)
    options = {
        "strings_to_numbers": False,
        "strings_to_formulas": False,
        "strings_to_urls": False,
        # Assembling the parts in memory saves a temporary file per part; a very large
        # workbook streams through temporary files instead, to keep memory down.
        "in_memory": not streamed
        and sum(sheet.cell_count for sheet in model.sheets) < IN_MEMORY_CELLS,
    }
    workbook = xlsxwriter.Workbook(str(path), options)
    try:
        workbook.set_properties(model.properties)
        formats = _Formats(workbook)
        worksheets = {
            sheet.name: workbook.add_worksheet(
                sheet.name, _StreamedWorksheet if sheet.name in streamed else _Worksheet
            )
            for sheet in model.sheets
        }
        for sheet in model.sheets:
            _write_sheet(worksheets[sheet.name], sheet, formats, model.footer)
            for chart in sheet.charts:
                add_chart(workbook, worksheets[sheet.name], chart)
    finally:
        workbook.close()
    return path


def _write_sheet(ws: Any, sheet: SheetModel, formats: _Formats, footer: str) -> None:
    heights = {**row_heights(sheet), **sheet.heights}
    if ws.constant_memory:
        _write_rows(ws, sheet, formats, heights)
    else:
        _write_cells(ws, sheet, formats, heights)
    for col, width in sheet.widths.items():
        ws.set_column(col, col, width, None, {"hidden": col in sheet.hidden_cols})
    pages = paginate(sheet, heights)
    if pages.breaks:
        ws.set_h_pagebreaks(pages.breaks)
    if sheet.charts:  # a chart made taller than its table planned still prints whole
        ws.print_area(0, 0, print_end_row(sheet, heights), sheet.last_col)
    _print_setup(ws, sheet, footer, pages.repeat_header)


def _write_cells(ws: Any, sheet: SheetModel, formats: _Formats, heights: dict[int, float]) -> None:
    """Cells in any order: XlsxWriter keeps them all until the file is closed."""
    covered: set[tuple[int, int]] = set()
    for first_row, first_col, last_row, last_col in sheet.merges:
        anchor = sheet.slots[(first_row, first_col)]
        ws.merge_range(first_row, first_col, last_row, last_col, "", formats(anchor.style))
        covered.update(
            (r, c) for r in range(first_row, last_row + 1) for c in range(first_col, last_col + 1)
        )
        covered.discard((first_row, first_col))
    for slot in sheet.cells():
        if (slot.row, slot.col) not in covered:
            _write_slot(ws, sheet, slot, formats(slot.style))
    for row, height in heights.items():
        ws.set_row(row, height)


def _write_rows(ws: Any, sheet: SheetModel, formats: _Formats, heights: dict[int, float]) -> None:
    """Cells in row order, each row's height set before its cells (constant_memory
    writes a row out when the next begins). A merged range is written as merge_range
    would — its first cell, then blanks in the first cell's format — and declared."""
    padding: dict[tuple[int, int], Style] = {}
    for first_row, first_col, last_row, last_col in sheet.merges:
        style = sheet.slots[(first_row, first_col)].style
        for r in range(first_row, last_row + 1):
            for c in range(first_col, last_col + 1):
                padding[(r, c)] = style
        del padding[(first_row, first_col)]
        ws.merge.append([first_row, first_col, last_row, last_col])
    rows: dict[int, list[Slot]] = {row: [] for row in heights}
    for slot in sheet.slots.values():  # bucketing is far cheaper than sorting 300 000 keys
        cells = rows.get(slot.row)
        if cells is None:
            rows[slot.row] = [slot]
        else:
            cells.append(slot)
    padded = {row for row, _ in padding}
    blocks = iter(sheet.blocks)
    block = next(blocks, None)
    for row in sorted(rows.keys() | _block_rows(sheet)):
        if row in heights:
            ws.set_row(row, heights[row])
        # Within a row the order of cells is free: constant_memory keeps the row until
        # the next one begins.
        for slot in rows.get(row, ()):
            style = padding.get((row, slot.col)) if row in padded else None
            if style is not None:
                ws._write_blank(row, slot.col, None, formats(style))
            else:
                _write_slot(ws, sheet, slot, formats(slot.style))
        while block is not None and block.last < row:
            block = next(blocks, None)
        if block is not None and block.first <= row:
            for col, content, style in block.row_contents(row):
                _write_content(ws, sheet, row, col, content, formats(style), content)


def _block_rows(sheet: SheetModel) -> set[int]:
    return {row for block in sheet.blocks for row in range(block.first, block.last + 1)}


def _write_slot(ws: Any, sheet: SheetModel, slot: Slot, fmt: Any) -> None:
    _write_content(ws, sheet, slot.row, slot.col, slot.content, fmt, slot)


def _write_content(
    ws: Any, sheet: SheetModel, row: int, col: int, content: Any, fmt: Any, valued: Any
) -> None:
    """`valued` gives a formula's value: its Slot (which may have computed it already
    for another table) or the expression itself."""
    # XlsxWriter's underscored writers: the public ones only add A1-notation parsing.
    if isinstance(content, Expr):
        value = valued.value() if isinstance(valued, Slot) else valued.evaluate()
        ws._write_formula(row, col, "=" + content.render(sheet), fmt, value)
    elif isinstance(content, str):
        ws._write_string(row, col, content, fmt)  # staff text is never a formula
    elif isinstance(content, int | float) and not isinstance(content, bool):
        ws._write_number(row, col, content, fmt)
    elif content is None:
        ws._write_blank(row, col, None, fmt)
    else:
        raise TypeError(f"cannot write {content!r} to {sheet.name}!{xl_rowcol_to_cell(row, col)}")


def _print_setup(ws: Any, sheet: SheetModel, footer: str, repeat_header: bool) -> None:
    setup = sheet.print_setup
    ws.set_paper(A4)
    if setup.landscape:
        ws.set_landscape()
    else:
        ws.set_portrait()
    ws.fit_to_pages(1, 1 if setup.one_page else 0)
    ws.set_margins(left=0.5, right=0.5, top=0.6, bottom=0.6)
    ws.center_horizontally()
    if setup.repeat_rows and repeat_header:
        ws.repeat_rows(*setup.repeat_rows)
    if setup.freeze:
        ws.freeze_panes(*setup.freeze)
    ws.set_footer(page_footer(footer, print_scale(sheet)))
