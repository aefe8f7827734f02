"""What every output table shares: styles, title, headers, the source line."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from xlkip.findings import Report
from xlkip.inputs import Inputs
from xlkip.schema.base import is_percent_unit
from xlkip.sheet.expr import (
    AND,
    DASH,
    IF,
    ISNUMBER,
    MIN,
    ROUND,
    BinOp,
    Const,
    Expr,
    if_number,
)
from xlkip.sheet.model import PrintSetup, SheetModel, Slot, Style, WorkbookModel

TITLE = Style(bold=True, size=11, align="center", border=False)
HEADER = Style(bold=True, fill="#D9E1F2", align="center", valign="vcenter")
TEXT = Style()
TEXT_BOLD = Style(bold=True)
CENTER = Style(align="center")
SOURCE = Style(italic=True, border=False, wrap=False, size=9)
NOTE = Style(border=False, wrap=True)
MONEY = Style(num_format="#,##0")
MONEY_BOLD = Style(num_format="#,##0", bold=True)
COUNT = Style(num_format="#,##0", align="center")
COUNT_BOLD = Style(num_format="#,##0", align="center", bold=True)
PERCENT = Style(num_format="0.00%", align="center")
PERCENT_BOLD = Style(num_format="0.00%", align="center", bold=True)
INDEX = Style(num_format="0.00", align="center")
INDEX_BOLD = Style(num_format="0.00", align="center", bold=True)
HIGHLIGHT = Style(bold=True, fill="#FFF2CC")
HIGHLIGHT_INDEX = Style(bold=True, fill="#FFF2CC", num_format="0.00", align="center")
HIGHLIGHT_CENTER = Style(bold=True, fill="#FFF2CC", align="center")

HEADER_ROW = 2
"""Row of the first header line; the title sits above with a blank row between."""


@dataclass
class Context:
    """What the table builders share while one workbook is built."""

    inputs: Inputs
    report: Report
    model: WorkbookModel
    anchors: dict[str, Any] = field(default_factory=dict)
    left_out: list[tuple[str, str]] = field(default_factory=list)

    @property
    def tahun(self) -> int:
        return self.inputs.tahun

    @property
    def pemda(self) -> str:
        return str(self.inputs.identitas("pemerintah_daerah", ""))

    @property
    def pemda_short(self) -> str:
        name = self.pemda
        return name[len("Pemerintah ") :] if name.lower().startswith("pemerintah ") else name

    @property
    def subject(self) -> str:
        """E.g. "Dinas Komunikasi dan Informatika Kota Binjai"."""
        return " ".join(p for p in (self.inputs.identitas("instansi", ""), self.pemda_short) if p)

    def leave_out(self, table: str, reason: str) -> None:
        self.left_out.append((table, reason))

    def rows_for(self, kind: str, sheet: str, *tables: str) -> list[Any]:
        """The sheet's records; when it is empty, the tables it feeds are left out."""
        records = self.inputs.records(kind, sheet)
        if not records:
            for table in tables:
                self.leave_out(table, f"sheet {sheet} kosong")
        return records


def new_sheet(ctx: Context, name: str, title: str, widths: Sequence[float]) -> SheetModel:
    sheet = ctx.model.add(SheetModel(name))
    sheet.merge((0, 0), (0, len(widths) - 1), title.upper(), TITLE)
    for col, width in enumerate(widths):
        sheet.widths[col] = width
    return sheet


def headers(sheet: SheetModel, row: int, texts: Sequence[str], first_col: int = 0) -> None:
    for offset, text in enumerate(texts):
        sheet.put(row, first_col + offset, text, HEADER)


def finish(sheet: SheetModel, header_rows: tuple[int, int], last_row: int, source: str) -> int:
    """Repeat the header on every page, freeze it, and write the source line."""
    sheet.print_setup = PrintSetup(repeat_rows=header_rows, freeze=(header_rows[1] + 1, 0))
    sheet.put(last_row + 2, 0, f"Sumber : {source}", SOURCE)
    return last_row + 2


def value_cell(value: Any) -> Any:
    """A typed number as it goes into a table: missing numbers show "-"."""
    return DASH if value is None else value


def measure_style(value: Any, satuan: Any, bold: bool = False) -> Style:
    """Percent rows as %, whole numbers without decimals, the rest with two."""
    if isinstance(value, int | float) and is_percent_unit(satuan):
        whole = float(value * 100).is_integer()
        return Style(num_format="0%" if whole else "0.00%", align="center", bold=bold)
    if isinstance(value, int | float) and not float(value).is_integer():
        return Style(num_format="#,##0.00", align="center", bold=bold)
    return Style(num_format="#,##0", align="center", bold=bold)


@dataclass
class ScaleRows:
    """The printed rating scale (3.1 or 3.4) that predikat formulas look up."""

    bounds: list[Slot]
    labels: list[Slot]
    digits: int

    def predikat(self, x: Expr) -> Expr:
        """Nested IF down the scale, on the value rounded as it is shown."""
        shown = ROUND(x, self.digits)
        expr: Expr = self.labels[-1].ref(absolute=True)
        for bound, label in zip(reversed(self.bounds), reversed(self.labels[:-1]), strict=True):
            expr = IF(shown.ge(bound.ref(absolute=True)), label.ref(absolute=True), expr)
        return if_number(x, expr)


def capaian_expr(target: Expr, realisasi: Expr, arah: str, cap: Slot | None) -> Expr:
    """Naik: realisasi/target; Turun: (2·target − realisasi)/target; "-" without a target."""
    if arah == "Turun":
        core: Expr = (Const(2) * target - realisasi) / target
    else:
        core = realisasi / target
    if cap is not None:
        core = MIN(core, cap.ref(absolute=True))
    usable = AND(ISNUMBER(target), ISNUMBER(realisasi), BinOp("<>", target, Const(0)))
    return IF(usable, core, DASH)


def header_span(
    sheet: SheetModel, first: tuple[int, int], last: tuple[int, int], text: str
) -> None:
    sheet.merge(first, last, text, HEADER)


BLANK = Style(border=False)
ROW_PIXELS = 20


def column_pixels(sheet: SheetModel, first: int, last: int) -> int:
    return sum(int(sheet.widths.get(c, 8.43) * 7 + 5) for c in range(first, last + 1))


def chart_below(
    sheet: SheetModel,
    row: int,
    spec_args: dict[str, Any],
    height: int = 320,
    last_col: int | None = None,
) -> int:
    """Place a chart under the table, as wide as the table; return the next free row."""
    from xlkip.sheet.charts import ChartSpec

    last_col = sheet.last_col if last_col is None else last_col
    width = column_pixels(sheet, 0, last_col) - 4
    sheet.charts.append(ChartSpec(anchor=(row, 0), size=(width, height), **spec_args))
    end = row + height // ROW_PIXELS + 1
    sheet.put(end, 0, None, BLANK)  # so the print area reaches below the chart
    return end + 1
