"""What every output table shares: styles, title, headers, the source line."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

from xlkip.findings import Report
from xlkip.inputs import Inputs
from xlkip.rules.predikat import predikat
from xlkip.sheet.expr import DASH, Expr
from xlkip.sheet.model import PrintSetup, SheetModel, Slot, Style, WorkbookModel
from xlkip.text import measure_format

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

if TYPE_CHECKING:
    from xlkip.tables.spec import Plan, TableSpec

R = TypeVar("R")

HEADER_ROW = 2
"""Row of the first header line; the title sits above with a blank row between."""


@dataclass
class Context:
    """What the table builders share while one workbook is built."""

    inputs: Inputs
    report: Report
    model: WorkbookModel
    plan: Plan
    results: dict[str, Any] = field(default_factory=dict)
    current: TableSpec[Any] | None = None
    """The table being built: its number names the sheet."""

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

    def get(self, spec: TableSpec[R]) -> R:
        """The result of a table this one needs (built before it)."""
        return self.results[spec.key]

    def maybe(self, spec: TableSpec[R]) -> R | None:
        """The result of a table this one uses when present."""
        return self.results.get(spec.key)

    def label(self, spec: TableSpec[Any]) -> str | None:
        return self.plan.label(spec)

    def title_fields(self) -> dict[str, Any]:
        period = self.inputs.period
        return {
            "subject": self.subject,
            "tahun": self.tahun,
            "tahun_lalu": self.tahun - 1,
            "pemda": self.pemda,
            "pemda_short": self.pemda_short,
            "provinsi": self.inputs.identitas("provinsi", ""),
            "renstra_awal": period.renstra_awal,
            "renstra_akhir": period.renstra_akhir,
            # The digital-government evaluation of the year (Indeks SPBE, Indeks Pemdi).
            "indeks": self.inputs.instrument.nama,
            "skala": self.inputs.instrument.skala,
            **self.inputs.instrument.judul,
        }


def new_sheet(ctx: Context, name: str, title: str, widths: Sequence[float]) -> SheetModel:
    sheet = ctx.model.add(SheetModel(name))
    sheet.merge((0, 0), (0, len(widths) - 1), title.upper(), TITLE)
    for col, width in enumerate(widths):
        sheet.widths[col] = width
    return sheet


def table_sheet(ctx: Context, widths: Sequence[float]) -> SheetModel:
    """The sheet of the table being built, named and titled by its assigned number."""
    spec = ctx.current
    assert spec is not None, "table_sheet is called from a table's builder"
    label = ctx.label(spec)
    assert label is not None, f"{spec.key} is built but has no number"
    title = f"{label} {spec.title.format(**ctx.title_fields())}"
    return new_sheet(ctx, label, title, widths)


def headers(sheet: SheetModel, row: int, texts: Sequence[str], first_col: int = 0) -> None:
    for offset, text in enumerate(texts):
        sheet.put(row, first_col + offset, text, HEADER)


LEAD_ROWS = 2
"""Data rows printed on the page of a table's closing rows, so these never stand alone."""


def finish(
    sheet: SheetModel, header_rows: tuple[int, int], last_row: int, source: str, closing: int = 1
) -> int:
    """Repeat the header on every page, freeze it, and write the source line.

    The last `closing` rows (a total, a summary block) print on one page with the
    source line and the rows just above them."""
    sheet.print_setup = PrintSetup(repeat_rows=header_rows, freeze=(header_rows[1] + 1, 0))
    sheet.put(last_row + 2, 0, f"Sumber : {source}", SOURCE)
    kept_from = max(header_rows[1] + 1, last_row - closing + 1 - LEAD_ROWS)
    sheet.keep_together.append((kept_from, last_row + 2))
    return last_row + 2


def value_cell(value: Any) -> Any:
    """A typed number as it goes into a table: missing numbers show "-"."""
    return DASH if value is None else value


def measure_style(values: Iterable[Any], satuan: Any, bold: bool = False) -> Style:
    """The style of an indicator row's typed values (target, realisasi …): one number
    format for the whole row (see xlkip.text.measure_format)."""
    return Style(num_format=measure_format(values, satuan), align="center", bold=bold)


@dataclass
class ScaleRows:
    """A printed rating scale (3.1, or the SPBE bands) that predikat formulas look up."""

    bounds: list[Slot]
    labels: list[Slot]
    digits: int

    def predikat(self, x: Expr) -> Expr:
        return predikat(
            x,
            [b.ref(absolute=True) for b in self.bounds],
            [label.ref(absolute=True) for label in self.labels],
            self.digits,
        )


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
