"""Issue 18, the reader's part: every input is bounded by its real cells, only regular
files are opened, and the messages about files say what happened."""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl

from tests.helpers import edit, set_cells
from tests.output_helpers import require_libreoffice
from tests.sipd_files import example_flat_rows, write_xlsx
from xlkip import api
from xlkip.read.bounds import COLUMN_LIMIT, bounded
from xlkip.read.workbook import OLE_MAGIC
from xlkip.render.libreoffice import convert

W, FAR = "peringatan", "sel_di_luar_tabel"
LIMITED_CHECK = """
import json, resource, sys
resource.setrlimit(resource.RLIMIT_AS, (2 * 1024**3, 2 * 1024**3))
from pathlib import Path
from xlkip import api
report = api.check(Path(sys.argv[1])).report
print(json.dumps([(f.tingkat.value, f.kode, f.file, f.sheet, f.sel, f.pesan)
                  for f in report.findings]))
"""


def _check_in_a_child(folder: Path) -> list[list[str]]:
    """`check` in a process allowed 2 GB: a reader that sizes its grid by the sheet's
    farthest cell dies there instead of taking the machine."""
    done = subprocess.run(
        [sys.executable, "-c", LIMITED_CHECK, str(folder)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout)


def _far(findings: list[list[str]]) -> list[tuple[str, ...]]:
    return [tuple(f[:5]) for f in findings if f[1] == "sel_di_luar_tabel"]


def test_one_character_at_the_last_cell_is_a_warning_at_its_cell(example: Path) -> None:
    set_cells(example / "kinerja.xlsx", "IKU", {"XFD1048576": "x"})
    findings = _check_in_a_child(example)
    assert _far(findings) == [(W, FAR, "kinerja.xlsx", "IKU", "XFD1048576")]
    (message,) = [f[5] for f in findings if f[1] == "sel_di_luar_tabel"]
    assert "XFD1048576" in message and "diabaikan" in message


def test_a_far_cell_with_a_format_and_no_value_is_quiet(example: Path) -> None:
    """Formatting a far cell writes it without a value: nothing to read, nothing to say."""

    def format_far(workbook) -> None:
        workbook["IKU"]["XFD1048576"].number_format = "0%"

    edit(example / "kinerja.xlsx", format_far)
    assert _far(_check_in_a_child(example)) == []


def _limited() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (2 * 1024**3, 2 * 1024**3))


def test_compile_with_a_character_at_the_last_cell_writes_the_report(example: Path) -> None:
    set_cells(example / "kinerja.xlsx", "IKU", {"XFD1048576": "x"})
    output = example.parent / "kinerja-lkjip.xlsx"
    done = subprocess.run(
        [sys.executable, "-m", "xlkip", "compile", str(example), "-o", str(output)],
        capture_output=True,
        text=True,
        timeout=180,
        preexec_fn=_limited,
    )
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    assert "XFD1048576" in done.stdout
    assert output.exists()


def test_a_value_far_below_the_table_and_a_wide_one_are_both_named(example: Path) -> None:
    set_cells(example / "kinerja.xlsx", "IKU", {"C900000": 5, "KA3": "catatan"})
    findings = _check_in_a_child(example)
    assert sorted(_far(findings)) == [
        (W, FAR, "kinerja.xlsx", "IKU", "C900000"),
        (W, FAR, "kinerja.xlsx", "IKU", "KA3"),
    ]


def test_the_table_itself_is_read_as_before(example: Path) -> None:
    """The cut leaves every cell of the table: the example's findings stay the same."""
    before = _check_in_a_child(example)
    set_cells(example / "kinerja.xlsx", "IKU", {"XFD20000": 1})
    after = _check_in_a_child(example)
    assert [f for f in after if f[1] != "sel_di_luar_tabel"] == before
    assert len(_far(after)) == 1


def test_values_right_of_and_below_a_table_and_a_form_are_named(example: Path) -> None:
    """Within the cells calamine reads, but outside anything the table reader looks at:
    right of the last heading plus a margin, and after the blank run that ends reading."""
    # IKU's headings end at column N (14): notes at U (21) are within the margin, and keep
    # the sheet's blank gaps short, but B1500 comes after 1 000 rows blank in the table
    notes = {"U4": "catatan", "U600": "catatan", "Z4": "jauh", "B1500": "x"}
    set_cells(example / "kinerja.xlsx", "IKU", notes)
    set_cells(example / "identitas.xlsx", "Identitas", {"Q5": "jauh", "B250": "x"})
    report = api.check(example).report
    far = sorted((f.file, f.sheet, f.sel) for f in report.findings if f.kode == FAR)
    assert far == [
        ("identitas.xlsx", "Identitas", "B250"),
        ("identitas.xlsx", "Identitas", "Q5"),
        ("kinerja.xlsx", "IKU", "B1500"),
        ("kinerja.xlsx", "IKU", "Z4"),
    ]


def test_many_far_values_are_named_five_and_counted(example: Path) -> None:
    set_cells(example / "kinerja.xlsx", "IKU", {f"AZ{row}": row for row in range(4, 24)})
    report = api.check(example).report
    far = [f for f in report.findings if f.kode == FAR]
    assert [f.sel for f in far] == [f"AZ{row}" for row in range(4, 9)]
    assert "Ada 15 sel lain di luar tabel yang juga diabaikan." in far[-1].pesan


def _sheet_xml(path: Path) -> bytes:
    with zipfile.ZipFile(path) as archive:
        return archive.read("xl/worksheets/sheet1.xml")


def test_cells_spread_to_inflate_the_grid_are_cut_where_it_outgrows_them(tmp_path: Path) -> None:
    """One value every 999 rows down to row 999 000 at column IV: no gap is long, but the
    grid would be 256 million cells for a thousand values."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for row in range(1, 1_000_000, 999):
        sheet.cell(row=row, column=COLUMN_LIMIT, value=row)
    workbook.save(tmp_path / "lebar.xlsx")
    kept, ignored = bounded(_sheet_xml(tmp_path / "lebar.xlsx"))
    assert 900 < ignored.count < 1001
    assert kept.count(b"<v>") == 1001 - ignored.count
    assert ignored.cells[0] == f"IV{1 + 999 * (1001 - ignored.count)}"


def test_cells_without_references_are_placed_like_calamine_does(tmp_path: Path) -> None:
    """Cells without `r` follow the one before: 300 of them in a row reach past IV."""
    cells = "".join(f"<c><v>{n}</v></c>" for n in range(300))
    xml = (
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f'<sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="2">{cells}</row>'
        "</sheetData></worksheet>"
    ).encode()
    kept, ignored = bounded(xml)
    assert ignored.count == 300 - COLUMN_LIMIT
    assert ignored.cells[0] == "IW2"
    assert kept.count(b"<c>") == COLUMN_LIMIT


def test_a_sipd_export_with_a_far_cell_imports_with_the_warning(tmp_path: Path) -> None:
    export = write_xlsx(tmp_path / "realisasi.xlsx", {"Sheet1": example_flat_rows()})
    set_cells(export, "Sheet1", {"XFD1048576": "x"})
    folder = tmp_path / "inputs"
    api.init_templates(folder, with_example=True)
    result = api.import_anggaran([export], folder / "anggaran.xlsx", overwrite=True)
    assert [(f.kode, f.file, f.sheet, f.sel) for f in result.report.findings] == [
        ("sel_di_luar_tabel", "realisasi.xlsx", "Sheet1", "XFD1048576")
    ]
    assert len(result.rows) == 31


# -- only regular files are opened --------------------------------------------------------

IN_A_CHILD = """
import json, sys
from pathlib import Path
from xlkip import api
from xlkip.read.workbook import SourceWorkbook, Unreadable
what, paths = sys.argv[1], [Path(p) for p in sys.argv[2:]]
if what == "check":
    findings = api.check(paths[0]).report.findings
elif what == "import":
    findings = api.import_anggaran(paths[1:], paths[0], overwrite=True).report.findings
else:
    try:
        SourceWorkbook.open(paths[0])
        findings = []
    except Unreadable as exc:
        findings = [exc.finding]
print(json.dumps([(f.tingkat.value, f.kode, f.file) for f in findings]))
"""


def _in_a_child(what: str, *paths: Path) -> list[tuple[str, str, str]]:
    """Run in a process of its own: a reader that opens a pipe waits there forever."""
    done = subprocess.run(
        [sys.executable, "-c", IN_A_CHILD, what, *map(str, paths)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return [tuple(f) for f in json.loads(done.stdout)]


def test_a_pipe_and_a_link_to_a_device_in_the_folder_are_named_not_opened(example: Path) -> None:
    os.mkfifo(example / "x.xlsx")
    (example / "nol.xlsx").symlink_to("/dev/zero")
    (example / "salinan.xlsm").symlink_to(example / "kinerja.xlsx")  # a link to a file is fine
    findings = _in_a_child("check", example)
    assert [f for f in findings if f[1] == "bukan_berkas_biasa"] == [
        ("peringatan", "bukan_berkas_biasa", "nol.xlsx"),
        ("peringatan", "bukan_berkas_biasa", "x.xlsx"),
    ]
    assert ("error", "template_ganda", "salinan.xlsm") in findings


def test_a_pipe_swapped_in_after_the_scan_is_not_waited_on(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "kinerja.xlsx")
    assert _in_a_child("open", tmp_path / "kinerja.xlsx") == [
        ("error", "bukan_berkas_biasa", "kinerja.xlsx")
    ]


def test_impor_anggaran_names_a_file_argument_that_is_no_regular_file(tmp_path: Path) -> None:
    export = write_xlsx(tmp_path / "realisasi.xlsx", {"Sheet1": example_flat_rows()})
    os.mkfifo(tmp_path / "pipa.csv")
    (tmp_path / "nol.xlsx").symlink_to("/dev/zero")
    folder = tmp_path / "inputs"
    folder.mkdir()
    findings = _in_a_child(
        "import", folder / "anggaran.xlsx", export, tmp_path / "pipa.csv", tmp_path / "nol.xlsx"
    )
    assert findings == [
        ("error", "bukan_berkas_biasa", "pipa.csv"),
        ("error", "bukan_berkas_biasa", "nol.xlsx"),
    ]


# -- messages about files say what happened ----------------------------------------------


def test_an_old_xls_named_xlsx_is_called_so_not_password_protected(example: Path) -> None:
    require_libreoffice()  # the .xls is made by LibreOffice from the example's template
    xls = convert(example / "anggaran.xlsx", "xls", example.parent / "xls")
    assert xls.read_bytes()[:8] == OLE_MAGIC
    xls.replace(example / "anggaran.xlsx")
    report = api.check(example).report
    about = [(f.tingkat.value, f.kode) for f in report.findings if f.file == "anggaran.xlsx"]
    assert about == [("error", "format_xls")]  # once: no template_wajib_tidak_ada beside it
    (finding,) = [f for f in report.findings if f.file == "anggaran.xlsx"]
    assert ".xls lama" in finding.pesan and "Simpan Sebagai" in finding.pesan


def _put_long_text(path: Path, sheet: str, cell: str, text: str) -> None:
    """Excel, openpyxl and xlsxwriter all stop at 32 767 characters; other tools do not.
    A marker is typed, then the saved XML gets the long text in its place."""
    marker = "TEKS-PANJANG-DI-SINI"
    set_cells(path, sheet, {cell: marker})
    copy = path.with_suffix(".tmp")
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(copy, "w", zipfile.ZIP_DEFLATED) as out:
        for member in source.infolist():
            data = source.read(member)
            if member.filename.endswith(".xml"):
                data = data.replace(marker.encode(), text.encode())
            out.writestr(member, data)
    copy.replace(path)


def test_a_text_longer_than_an_excel_cell_is_a_warning_at_its_cell(example: Path) -> None:
    _put_long_text(example / "kinerja.xlsx", "IKU", "I4", "Tujuan " * 150_000)
    _put_long_text(example / "identitas.xlsx", "Identitas", "B6", "Pemerintah Kota " * 2_100)
    _put_long_text(example / "kinerja.xlsx", "IKU", "I5", "😀" * 16_384)  # 32 768 UTF-16 units
    report = api.check(example).report
    long = {
        (f.file, f.sheet, f.sel): f.pesan
        for f in report.findings
        if f.kode == "teks_terlalu_panjang"
    }
    assert sorted(long) == [
        ("identitas.xlsx", "Identitas", "B6"),
        ("kinerja.xlsx", "IKU", "I4"),
        ("kinerja.xlsx", "IKU", "I5"),
    ]
    assert "1.050.000 karakter" in long[("kinerja.xlsx", "IKU", "I4")]
    assert "dipotong menjadi 32.767 karakter" in long[("kinerja.xlsx", "IKU", "I4")]


def test_a_text_of_exactly_an_excel_cell_is_quiet(example: Path) -> None:
    _put_long_text(example / "kinerja.xlsx", "IKU", "I4", "x" * 32_767)
    assert "teks_terlalu_panjang" not in {f.kode for f in api.check(example).report.findings}
