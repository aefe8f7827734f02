"""Where pages break: charts and closing rows whole, the header repeated only when the
table itself needs a second page (xlkip.render.layout.paginate), and what the file says."""

from __future__ import annotations

import openpyxl
import pytest

from xlkip import api
from xlkip.render.layout import DEFAULT_HEIGHT, PAGE_HEIGHT_PT, PAGE_MARGIN, paginate
from xlkip.sheet.charts import ChartSpec, Series
from xlkip.sheet.expr import Range
from xlkip.sheet.model import PrintSetup, SheetModel, Style


def _table(rows: int) -> SheetModel:
    """A title, a header row and `rows` data rows in two narrow columns."""
    sheet = SheetModel("S")
    sheet.widths.update({0: 10, 1: 30})
    sheet.put(0, 0, "TABEL", Style())
    for row in range(2, rows + 3):
        sheet.put(row, 0, row, Style())
        sheet.put(row, 1, f"baris {row}", Style())
    sheet.print_setup = PrintSetup(repeat_rows=(2, 2))
    return sheet


def _chart(sheet: SheetModel, row: int, height: int = 300) -> None:
    rng = Range(sheet, 3, 1, 6, 1)
    sheet.charts.append(ChartSpec("Grafik", (Series("a", rng, rng),), (row, 0), (400, height)))


def test_short_table_and_its_chart_need_no_repeated_header() -> None:
    sheet = _table(10)
    _chart(sheet, 15)
    pages = paginate(sheet, {})
    assert pages == type(pages)(breaks=[], repeat_header=False)


def test_a_chart_that_would_be_cut_starts_a_page() -> None:
    sheet = _table(25)  # about 28 rows of 12.75 pt: a chart of 300 px does not fit below
    _chart(sheet, 30)
    pages = paginate(sheet, {})
    assert pages.breaks == [30] and pages.repeat_header is False


def test_a_long_table_repeats_its_header_and_keeps_its_closing_rows() -> None:
    sheet = _table(32)
    last = 34
    sheet.keep_together.append((last - 4, last + 2))  # total rows and source line
    capacity_rows = PAGE_HEIGHT_PT[True] * PAGE_MARGIN / DEFAULT_HEIGHT  # about 33 rows
    assert last - 4 < capacity_rows < last + 2
    pages = paginate(sheet, {})
    assert pages.repeat_header is True and pages.breaks == [last - 4]


def test_a_one_page_sheet_gets_no_breaks() -> None:
    sheet = _table(25)
    _chart(sheet, 30)
    sheet.print_setup = PrintSetup(one_page=True)
    assert paginate(sheet, {}).breaks == []


def test_the_example_breaks_where_a_block_would_be_cut(workbook) -> None:
    """Through the file: manual breaks only before charts and closing blocks, the
    header repeated only on sheets whose table runs onto a second page."""
    breaks = {ws.title: [b.id for b in ws.row_breaks.brk] for ws in workbook.worksheets}
    assert breaks["Ringkasan"] == []
    chart_rows = {"Tabel 3.10": 18, "Tabel 3.16": 18}  # the chart's own page
    for name, row in chart_rows.items():
        assert breaks[name] == [row], name
        assert workbook[name].print_title_rows is None
    assert workbook["Tabel 3.17"].print_title_rows == "$3:$3"


def test_a_block_taller_than_a_page_is_left_to_break_anywhere() -> None:
    sheet = _table(80)
    sheet.keep_together.append((3, 82))
    breaks = paginate(sheet, {}).breaks
    assert 3 not in breaks and len(breaks) == 2  # full pages, no page left empty


@pytest.fixture(scope="module")
def workbook(tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("pages")
    api.init_templates(folder / "inputs", with_example=True)
    output = api.compile_folder(folder / "inputs", folder / "lkjip.xlsx").output
    return openpyxl.load_workbook(output)


def test_one_number_format_per_indicator_row(workbook) -> None:
    """No row shows 64 beside 66,00 or 14% beside 15,20% (issue 18); an index always
    with two decimals."""
    # (sheet, satuan column, the columns of typed measures: target and realisasi in
    # 3.2; realisasi and the Renstra target of each year in 3.14), zero-based
    for name, satuan_col, columns in (
        ("Tabel 3.2", 3, range(5, 7)),
        ("Tabel 3.14", 3, range(4, 11)),
    ):
        ws = workbook[name]
        rows = 0
        for row in ws.iter_rows(min_row=4):
            satuan = row[satuan_col].value
            if not isinstance(satuan, str):
                continue
            found = {row[c].number_format for c in columns if isinstance(row[c].value, int | float)}
            assert len(found) == 1, (name, row[0].row, found)
            if satuan.strip().casefold() == "indeks":
                assert found == {"#,##0.00"}, (name, row[0].row)
            rows += 1
        assert rows, name
    renstra = workbook["Tabel 3.14"]
    # 55% beside 30%, 37,7% … 75%: one decimal for the whole row
    assert {renstra.cell(7, c).number_format for c in range(5, 12)} == {"0.0%"}


def test_header_rows_are_tall_enough_for_wrapped_headers(workbook) -> None:
    ws = workbook["Tabel 3.14"]
    height = sum(ws.row_dimensions[r].height or DEFAULT_HEIGHT for r in (3, 4))
    assert height >= 4 * 12.6  # "CAPAIAN / TERHADAP / TARGET AKHIR / (2026)"
