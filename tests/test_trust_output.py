"""What the head of office receives (issue 18): a PDF without the checker's sheet, one
spelling of each number, Indonesian words only, and pages that print as planned."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import openpyxl
import pytest

from tests.helpers import run_cli
from tests.output_helpers import require_libreoffice
from xlkip import api
from xlkip.measure import capacity_of, text_width, wrapped_lines
from xlkip.render.layout import DEFAULT_HEIGHT, PAGE_HEIGHT_PT, PAGE_MARGIN, paginate
from xlkip.render.printing import hide_sheets
from xlkip.sheet.model import SheetModel, Style


def _pdf_text(pdf: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext is not installed (apt-get install poppler-utils)")
    return subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout


@pytest.fixture(scope="module")
def printed(example_master: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example compiled with --pdf and nothing else."""
    require_libreoffice()
    target = tmp_path_factory.mktemp("trust") / "LKjIP.xlsx"
    result = api.compile_folder(example_master, target, pdf=True)
    assert result.pdf is not None, result.pdf_error
    return result.pdf


def test_the_pdf_leaves_out_the_findings_the_workbook_keeps(printed: Path) -> None:
    text = _pdf_text(printed)
    assert "TEMUAN VALIDASI INPUT LKJIP" not in text
    assert "pilihan_tidak_dikenal" not in text and "persen_pada_satuan_lain" not in text
    assert "TABEL 3.17" in text  # the report itself is whole
    workbook = openpyxl.load_workbook(printed.with_suffix(".xlsx"), read_only=True)
    assert workbook.sheetnames[-1] == "Temuan Validasi"
    with zipfile.ZipFile(printed.with_suffix(".xlsx")) as xlsx:
        assert b'state="hidden"' not in xlsx.read("xl/workbook.xml")


def test_dengan_temuan_prints_the_findings_too(example_master: Path, tmp_path: Path) -> None:
    require_libreoffice()
    target = tmp_path / "LKjIP.xlsx"
    code, out = run_cli(
        "compile", str(example_master), "-o", str(target), "--pdf", "--dengan-temuan"
    )
    assert code == 0, out
    assert "TEMUAN VALIDASI INPUT LKJIP" in _pdf_text(target.with_suffix(".pdf"))


def test_the_first_page_has_no_checker_counts(printed: Path) -> None:
    """The Ringkasan opens the PDF the head reads: the counts of findings close the
    Temuan Validasi sheet instead, counted from its TINGKAT column."""
    first_page = _pdf_text(printed).split("\f")[0]
    assert "Ringkasan Laporan Kinerja".upper() in first_page.upper()
    assert "Temuan" not in first_page and "peringatan" not in first_page
    book = openpyxl.load_workbook(printed.with_suffix(".xlsx"))
    counts = {
        row[1].value: row[3].value
        for row in book["Temuan Validasi"].iter_rows()
        if isinstance(row[1].value, str) and row[1].value.startswith("Jumlah ")
    }
    assert set(counts) == {"Jumlah kesalahan", "Jumlah peringatan", "Jumlah info"}
    assert all(str(v).startswith("=COUNTIF($B$4:$B$") for v in counts.values())


def test_only_the_named_sheet_is_hidden() -> None:
    xml = b'<sheets><sheet name="Tabel 3.1" sheetId="1"/><sheet name="A &amp; B" sheetId="2"/>'
    hidden = hide_sheets(xml, {"A & B"})
    assert hidden == xml.replace(b'"A &amp; B"', b'"A &amp; B" state="hidden"')


@pytest.fixture(scope="module")
def workbook(example_master: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example's workbook, without a PDF."""
    target = tmp_path_factory.mktemp("trust-xlsx") / "LKjIP.xlsx"
    assert api.compile_folder(example_master, target).output == target
    return target


def _sheet_titled(book: openpyxl.Workbook, words: str) -> openpyxl.worksheet.worksheet.Worksheet:
    return next(ws for ws in book.worksheets if words in str(ws["A1"].value))


def _row_formats(ws, columns: range, first: int) -> list[set[str]]:
    """The number formats of the numbers in `columns` of each data row."""
    rows = []
    for row in ws.iter_rows(min_row=first, min_col=columns.start, max_col=columns.stop - 1):
        formats = {c.number_format for c in row if isinstance(c.value, int | float)}
        if formats:
            rows.append(formats)
    return rows


def test_an_indicator_row_has_one_number_format(workbook: Path) -> None:
    book = openpyxl.load_workbook(workbook)
    renstra = _sheet_titled(book, "TARGET RENSTRA")
    # REALISASI and every TARGET year (E … K); the CAPAIAN columns are ratios of their own.
    rows = _row_formats(renstra, range(5, 12), first=5)
    assert len(rows) == 12
    assert all(len(formats) == 1 for formats in rows), rows
    assert {"0.0%"} in rows  # 55% beside 37,7%: both with one decimal
    iku = _sheet_titled(book, "REALISASI SASARAN/INDIKATOR KINERJA UTAMA")
    rows = _row_formats(iku, range(6, 8), first=4)
    assert len(rows) == 5 and all(len(formats) == 1 for formats in rows), rows


def test_row_formats_take_the_decimals_the_row_needs() -> None:
    from xlkip.text import as_shown, measure_format

    assert measure_format([62, 64.0, 66.0], "Titik") == "#,##0"
    assert measure_format([0.24, 0.21, 0.19, 0.16, 0.14, 0.12], "%") == "0%"
    assert measure_format([0.14, 0.152], "%") == "0.0%"
    assert measure_format([0.2381, 1], "%") == "0.00%"
    assert measure_format([3], "Indeks") == "#,##0.00"
    assert [as_shown(v, "0.0%") for v in (0.14, 0.152)] == ["14,0%", "15,2%"]
    assert as_shown(0.036, "0.00%") == "3,60%"


def test_sentences_quote_a_cell_as_its_table_prints_it(workbook: Path) -> None:
    from xlkip.text import as_shown

    book = openpyxl.load_workbook(workbook, data_only=True)
    iku = _sheet_titled(book, "REALISASI SASARAN/INDIKATOR KINERJA UTAMA")
    below = [(r[2].value, r[7]) for r in iku.iter_rows(min_row=4) if r[7].value is not None]
    below = [(name, c) for name, c in below if isinstance(c.value, float) and c.value < 1]
    assert below
    text = " ".join(str(c.value) for row in book["Ringkasan"].iter_rows() for c in row)
    for name, cell in below:
        assert f"{name} ({as_shown(cell.value, cell.number_format)})" in text
    assert "(80,00%)" in text  # not "80%" in the sentence beside "80,00%" in the table


def test_findings_spell_one_cell_one_way(example_master: Path) -> None:
    report = api.check(example_master).report
    at_j6 = [f.pesan for f in report.sorted() if f.sheet == "IKU" and f.sel == "J6"]
    assert len(at_j6) == 2
    assert all("0,7" in message for message in at_j6), at_j6


ENGLISH = frozenset(
    {"grand", "error", "errors", "warning", "file", "files", "page", "pages", "of", "the"}
    | {"and", "source", "sum", "average", "none", "true", "false", "nan", "null", "chart"}
)
"""Words the code could print; not "total", which is Indonesian too (KBBI)."""


def _english_in(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]+", text.casefold()) if w in ENGLISH}


def test_no_english_word_in_the_workbook(workbook: Path) -> None:
    book = openpyxl.load_workbook(workbook)
    found = {}
    for ws in book.worksheets:
        # The Temuan sheet's TINGKAT column keeps the levels the console prints.
        skip = {2} if ws.title == "Temuan Validasi" else set()
        for row in ws.iter_rows():
            for cell in row:
                text = cell.value
                if not isinstance(text, str) or text.startswith("=") or cell.column in skip:
                    continue
                if words := _english_in(text):
                    found[f"{ws.title}!{cell.coordinate}"] = (words, text)
    assert found == {}


def test_no_english_word_in_the_pdf(printed: Path) -> None:
    assert _english_in(_pdf_text(printed)) == set()


def _heading_sheet(rows: int, heading: int) -> SheetModel:
    """A table of `rows` one-line rows whose row `heading` heads the rows below it, and
    whose last rows close it (a total and the source line)."""
    sheet = SheetModel("S")
    sheet.widths.update({0: 40, 1: 12})
    for row in range(rows):
        sheet.put(row, 0, f"baris {row}", Style())
    sheet.keep_together.append((heading, heading + 2))  # a program, its kegiatan, a row
    sheet.keep_together.append((rows - 3, rows - 1))  # the closing rows
    return sheet


def _rows_per_page() -> int:
    landscape = SheetModel("S").print_setup.landscape
    return int(PAGE_HEIGHT_PT[landscape] * PAGE_MARGIN // DEFAULT_HEIGHT)


def test_a_heading_never_ends_a_page() -> None:
    page = _rows_per_page()
    for heading in range(page - 4, page + 1):
        sheet = _heading_sheet(page + 10, heading)
        breaks = paginate(sheet, {}).breaks
        assert breaks[0] == (heading if heading + 3 > page else page), (heading, breaks)
        assert not any(heading < b <= heading + 2 for b in breaks), (heading, breaks)


def test_a_heading_is_kept_with_the_closing_rows_it_overlaps() -> None:
    page = _rows_per_page()
    sheet = _heading_sheet(page + 1, page - 3)  # its first row is the closing block's
    assert paginate(sheet, {}).breaks == [page - 3]


def test_the_printed_budget_ends_no_page_with_a_heading(printed: Path) -> None:
    book = openpyxl.load_workbook(printed.with_suffix(".xlsx"))
    budget = _sheet_titled(book, "REALISASI ANGGARAN DINAS")
    # Programs and kegiatan: bold, with no sumber dana of their own (JUMLAH closes).
    headings = [
        str(row[0].value)
        for row in budget.iter_rows(min_row=4)
        if row[0].font.b and row[1].value is None and row[0].value != "JUMLAH"
    ]
    assert len(headings) > 10
    pages = [p for p in _pdf_text(printed).split("\f") if "SISA ANGGARAN" in p]
    assert len(pages) >= 3
    for page in pages[:-1]:
        lines = [line.strip() for line in page.splitlines() if line.strip()]
        last = lines[-2]  # the footer is the last line
        assert not any(last.startswith(name) for name in headings), last


def test_a_name_that_fits_one_line_gets_one_line(workbook: Path) -> None:
    """Measured with Carlito's widths (Calibri's), not a guess that made one line two."""
    budget = _sheet_titled(openpyxl.load_workbook(workbook), "REALISASI ANGGARAN DINAS")
    program = budget.cell(4, 1)
    assert program.value == "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA"
    assert budget.row_dimensions[4].height is None
    assert text_width("iiii") < text_width("0000") < text_width("MMMM")
    assert wrapped_lines("Pengelolaan Media Komunikasi Publik", capacity_of(20, 10)) == 2


C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"


def _chart(workbook: Path, name: str):
    from tests.test_charts import _chart_parts

    return _chart_parts(workbook)[name]


def test_the_target_line_crosses_no_value(workbook: Path) -> None:
    """80% is written inside its bar (under the dashed 100% line, not across it); a
    line's own values sit above its points."""
    for name in (
        "Tabel 3.2: Capaian Indikator Kinerja Utama terhadap Target",
        "Ringkasan: Capaian Indikator Kinerja Utama terhadap Target",
    ):
        bars = next(_chart(workbook, name).iter(f"{C}barChart"))
        labels = {
            int(label.find(f"{C}idx").get("val")): label.find(f"{C}dLblPos").get("val")
            for label in bars.iter(f"{C}dLbl")
        }
        assert labels == {1: "inEnd"}, (name, labels)  # the OPD indicator's 80%
    budget = _chart(workbook, "Tabel 3.16: Anggaran dan Realisasi per Program")
    line = next(budget.iter(f"{C}lineChart"))
    assert line.find(f"{C}ser/{C}dLbls/{C}dLblPos").get("val") == "t"


def test_category_labels_wrap_to_three_lines_at_most(example_master: Path, workbook: Path) -> None:
    from xlkip.render.charts import MAX_LABEL_LINES, chart_geometry, column_label_lines
    from xlkip.tables import build

    checked = api.check(example_master)
    model = build(checked.inputs, checked.report).model
    columns = [c for sheet in model.sheets for c in sheet.charts if c.kind == "column"]
    assert len(columns) >= 5
    for spec in columns:
        geometry = chart_geometry(spec)
        lines = column_label_lines(spec, geometry.font)
        assert lines <= MAX_LABEL_LINES, (spec.title, geometry)
    # In the file: the Ringkasan's narrow chart writes its long names in a smaller type.
    root = _chart(workbook, "Ringkasan: Capaian Indikator Kinerja Utama terhadap Target")
    axis = next(root.iter(f"{C}catAx"))
    sizes = {int(e.get("sz")) for e in axis.iter() if e.tag.endswith("defRPr") and e.get("sz")}
    assert sizes and max(sizes) < 900, sizes


def _labelled_series(root) -> list[tuple[str, str]]:
    """(values reference, data label number format) of each series with labels."""
    found = []
    for series in root.iter(f"{C}ser"):
        number = series.find(f"{C}dLbls/{C}numFmt")
        if number is not None:
            found.append((series.find(f"{C}val/{C}numRef/{C}f").text, number.get("formatCode")))
    return found


def test_chart_labels_print_as_the_cells_they_plot(workbook: Path) -> None:
    """105,56% in the table is 105,56% on its bar, not 106%."""
    from tests.test_charts import _chart_parts

    book = openpyxl.load_workbook(workbook)
    checked = 0
    for name, root in _chart_parts(workbook).items():
        for reference, label_format in _labelled_series(root):
            sheet, cells = reference.rsplit("!", 1)
            ws = book[sheet.strip("'").replace("''", "'")]
            formats = {
                c.number_format
                for row in ws[cells.replace("$", "")]
                for c in row
                if isinstance(c.value, int | float | str) and c.value != ""
            }
            assert formats == {label_format}, (name, reference, formats, label_format)
            checked += 1
    assert checked >= 4


def test_findings_quote_a_typed_value_as_its_table_prints_it(example: Path, tmp_path: Path) -> None:
    """8% beside a realisasi of 7,5% is printed 8,0% in Tabel 3.2: the finding says so too."""
    from xlkip.text import as_shown

    book = openpyxl.load_workbook(example / "kinerja.xlsx")
    iku = book["IKU"]
    assert iku["C5"].value == "%"
    iku["E5"], iku["F5"], iku["J5"], iku["K5"] = 0.08, 0.075, 0.1, None
    book.save(example / "kinerja.xlsx")
    target = tmp_path / "LKjIP.xlsx"
    result = api.compile_folder(example, target)
    table = _sheet_titled(openpyxl.load_workbook(target, data_only=True), "REALISASI SASARAN")
    cell = next(r[5] for r in table.iter_rows(min_row=4) if r[5].value == 0.08)
    printed = as_shown(cell.value, cell.number_format)
    assert printed == "8,0%"
    messages = [f.pesan for f in result.report.sorted() if f.kode == "target_pk_beda_renstra"]
    assert any(f"{printed} (sheet IKU sel E5)" in m for m in messages), messages
