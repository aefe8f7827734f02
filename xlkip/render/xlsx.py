"""Write a WorkbookModel with XlsxWriter: formats, merges, print setup, charts."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import xlsxwriter
from xlsxwriter.worksheet import Worksheet

from xlkip.render.charts import add_chart
from xlkip.render.layout import paginate, print_end_row, row_heights
from xlkip.sheet.expr import Expr
from xlkip.sheet.model import SheetModel, Slot, Style, WorkbookModel

A4 = 9
IN_MEMORY_CELLS = 50_000


class _Worksheet(Worksheet):
    """XlsxWriter runs ~30 regular expressions over every formula to prefix Excel 365
    functions (XLOOKUP, FILTER …) with _xlfn. Our formulas use only functions every
    Excel has (see xlkip.sheet.expr), so that expansion is a no-op we skip: it was the
    largest cost of writing a big Tabel 3.17."""

    def _prepare_formula(self, formula: str, expand_future_functions: bool = False) -> str:
        return formula[1:] if formula.startswith("=") else formula


class _Formats:
    def __init__(self, workbook: xlsxwriter.Workbook) -> None:
        self.workbook = workbook
        self.cache: dict[Style, Any] = {}
        self.by_identity: dict[int, tuple[Style, Any]] = {}

    def __call__(self, style: Style) -> Any:
        # Hashing a dataclass for each of 300 000 cells is slow; most cells share a
        # handful of Style objects, so look them up by identity first.
        known = self.by_identity.get(id(style))
        if known is not None and known[0] is style:
            return known[1]
        fmt = self._by_value(style)
        self.by_identity[id(style)] = (style, fmt)
        return fmt

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


def render(model: WorkbookModel, path: Path) -> Path:
    options = {
        "strings_to_numbers": False,
        "strings_to_formulas": False,
        "strings_to_urls": False,
        # Assembling the parts in memory saves a temporary file per part; a very large
        # workbook streams through temporary files instead, to keep memory down.
        "in_memory": sum(len(sheet.slots) for sheet in model.sheets) < IN_MEMORY_CELLS,
    }
    workbook = xlsxwriter.Workbook(str(path), options)
    try:
        workbook.set_properties(model.properties)
        formats = _Formats(workbook)
        worksheets = {
            sheet.name: workbook.add_worksheet(sheet.name, _Worksheet) for sheet in model.sheets
        }
        for sheet in model.sheets:
            _write_sheet(worksheets[sheet.name], sheet, formats, model.footer)
            for chart in sheet.charts:
                add_chart(workbook, worksheets[sheet.name], chart)
    finally:
        workbook.close()
    return path


def _write_sheet(ws: Any, sheet: SheetModel, formats: _Formats, footer: str) -> None:
    covered: set[tuple[int, int]] = set()
    for first_row, first_col, last_row, last_col in sheet.merges:
        anchor = sheet.slots[(first_row, first_col)]
        ws.merge_range(first_row, first_col, last_row, last_col, "", formats(anchor.style))
        covered.update(
            (r, c) for r in range(first_row, last_row + 1) for c in range(first_col, last_col + 1)
        )
        covered.discard((first_row, first_col))
    for (row, col), slot in sheet.slots.items():
        if (row, col) not in covered:
            _write_slot(ws, sheet, slot, formats(slot.style))
    for col, width in sheet.widths.items():
        ws.set_column(col, col, width, None, {"hidden": col in sheet.hidden_cols})
    heights = {**row_heights(sheet), **sheet.heights}
    for row, height in heights.items():
        ws.set_row(row, height)
    pages = paginate(sheet, heights)
    if pages.breaks:
        ws.set_h_pagebreaks(pages.breaks)
    if sheet.charts:  # a chart made taller than its table planned still prints whole
        ws.print_area(0, 0, print_end_row(sheet, heights), sheet.last_col)
    _print_setup(ws, sheet, footer, pages.repeat_header)


def _write_slot(ws: Any, sheet: SheetModel, slot: Slot, fmt: Any) -> None:
    content = slot.content
    if isinstance(content, Expr):
        ws.write_formula(slot.row, slot.col, "=" + content.render(sheet), fmt, slot.value())
    elif isinstance(content, str):
        ws.write_string(slot.row, slot.col, content, fmt)  # staff text is never a formula
    elif isinstance(content, int | float) and not isinstance(content, bool):
        ws.write_number(slot.row, slot.col, content, fmt)
    elif content is None:
        ws.write_blank(slot.row, slot.col, None, fmt)
    else:
        raise TypeError(f"cannot write {content!r} to {sheet.name}!{slot.a1}")


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
    ws.set_footer(f"&L&8 {footer.replace('&', '&&')}&R&8Halaman &P dari &N")
