"""impor-anggaran into triwulan.xlsx: each export's period read from its title rows,
cumulative exports differenced into the quarters, staff input in the file kept."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from tests.helpers import findings_of, run_cli, set_cells
from tests.sipd_files import (
    example_sub_kegiatan,
    quarter_realisasi,
    quarter_rows,
    write_csv,
    write_xlsx,
)
from xlkip import api
from xlkip.output import template_kind
from xlkip.read.records import TemplateData
from xlkip.read.sheets import read_template
from xlkip.read.workbook import SourceWorkbook
from xlkip.schema import TEMPLATES
from xlkip.schema.writer import Period
from xlkip.sipd.model import rupiah
from xlkip.sipd.quarters import import_quarters

SHEET = "Anggaran Triwulan"
REALISASI = {n: f"Realisasi TW {r}" for n, r in enumerate(("I", "II", "III", "IV"), 1)}


def export(folder: Path, name: str, period: str | None, quarters: tuple[int, int]) -> Path:
    return write_xlsx(folder / name, {"Sheet1": quarter_rows(period, quarters)})


def first_code() -> str:
    return example_sub_kegiatan()[0]["sub_code"]


def sheet_values(path: Path) -> dict[str, list[tuple]]:
    """Every sheet's values; an empty string is an empty cell (openpyxl saves it as one)."""
    workbook = openpyxl.load_workbook(path)
    return {
        ws.title: [
            tuple(None if v == "" else v for v in row) for row in ws.iter_rows(values_only=True)
        ]
        for ws in workbook.worksheets
    }


def structure(path: Path) -> dict[str, tuple]:
    """What staff rely on beside the values: dropdowns, tables, protection, frozen header."""
    workbook = openpyxl.load_workbook(path)
    return {
        ws.title: (
            [(v.sqref, v.formula1) for v in ws.data_validations.dataValidation],
            dict(ws.tables.items()),
            ws.protection.sheet,
            ws.freeze_panes,
        )
        for ws in workbook.worksheets
        if ws.title != "Rekonsiliasi"
    }


def column(rows: list[tuple], header: str) -> list:
    """The values under `header` in the Anggaran Triwulan rows (header on row 3)."""
    index = rows[2].index(header)
    return [row[index] for row in rows[3:]]


@pytest.mark.parametrize(
    ("line", "triwulan", "kumulatif"),
    [
        ("Periode 1 Januari 2024 s.d. 31 Maret 2024", 1, True),
        ("Bulan: Januari s/d Juni 2024", 2, True),
        ("Untuk Periode yang Berakhir Sampai Dengan 30 September 2024", 3, True),
        ("s.d. 31 Desember 2024", 4, True),
        ("Periode 01/04/2024 s.d. 30/06/2024", 2, False),
        ("PERIODE 1 OKTOBER 2024 - 31 DESEMBER 2024", 4, False),
        ("Triwulan III", 3, False),
        ("Realisasi s.d. Triwulan II", 2, True),
        ("Triwulan I", 1, True),
    ],
)
def test_each_form_of_period_gives_its_quarter(
    tmp_path: Path, line: str, triwulan: int, kumulatif: bool
) -> None:
    path = export(tmp_path, "realisasi.xlsx", line, (1, triwulan))
    imported = import_quarters([path], None)
    (found,) = imported.exports
    assert (found.periode.triwulan, found.periode.kumulatif) == (triwulan, kumulatif)
    assert found.periode.text == line


def test_cumulative_exports_are_differenced_into_quarters(tmp_path: Path) -> None:
    tw1 = export(tmp_path, "tw1.xlsx", "Periode 1 Januari 2024 s.d. 31 Maret 2024", (1, 1))
    tw2 = export(tmp_path, "tw2.xlsx", "Periode 1 Januari 2024 s.d. 30 Juni 2024", (1, 2))
    target = tmp_path / "inputs" / "triwulan.xlsx"
    result = api.import_anggaran([tw2, tw1], target)
    assert result.report.valid, result.report.findings
    assert result.kind == "triwulan" and result.quarters == [1, 2]
    rows = sheet_values(target)[SHEET]
    subs = column(rows, "Sub Kegiatan")
    first = subs.index(example_sub_kegiatan()[0]["sub_kegiatan"])
    assert column(rows, REALISASI[1])[first] == quarter_realisasi(0, (1, 1))
    assert column(rows, REALISASI[2])[first] == quarter_realisasi(0, (2, 2))
    assert column(rows, REALISASI[3])[first] is None
    assert all(v is None for v in column(rows, "Anggaran Kas TW I"))  # a new file: blank
    assert len([s for s in subs if s]) == len(example_sub_kegiatan())
    rekonsiliasi = sheet_values(target)["Rekonsiliasi"]
    assert rekonsiliasi[4][:3] == ("TW I", "kumulatif s.d. akhir triwulan", "tw1.xlsx")
    assert rekonsiliasi[5][:3] == ("s.d. TW II", "kumulatif s.d. akhir triwulan", "tw2.xlsx")
    # read back like any template: its only findings are the kas staff have yet to type
    found = {kode for _, kode, file, _, _ in findings_of(target.parent) if file == target.name}
    assert found == {"realisasi_melebihi_kas"}


def test_single_quarter_exports_give_the_same_quarters(tmp_path: Path) -> None:
    cumulative = import_quarters(
        [
            export(tmp_path, "a1.xlsx", "Periode 1 Januari 2024 s.d. 31 Maret 2024", (1, 1)),
            export(tmp_path, "a3.xlsx", "s.d. 30 September 2024", (1, 3)),
            export(tmp_path, "a2.xlsx", "s.d. 30 Juni 2024", (1, 2)),
        ],
        None,
    )
    single = import_quarters(
        [
            export(tmp_path, "b1.xlsx", "Triwulan I", (1, 1)),
            export(tmp_path, "b2.xlsx", "Periode 1 April 2024 s.d. 30 Juni 2024", (2, 2)),
            export(tmp_path, "b3.xlsx", "Bulan: Juli s.d. September 2024", (3, 3)),
        ],
        None,
    )
    assert not cumulative.findings and not single.findings
    assert cumulative.written == single.written
    assert cumulative.written[3][first_code()] == 100 * quarter_realisasi(0, (3, 3))
    assert [e.periode.kumulatif for e in single.exports] == [True, False, False]


def test_a_cumulative_figure_that_falls_is_an_error_and_not_written(tmp_path: Path) -> None:
    tw1 = export(tmp_path, "tw1.xlsx", "s.d. 31 Maret 2024", (1, 3))
    tw2 = export(tmp_path, "tw2.xlsx", "s.d. 30 Juni 2024", (1, 2))
    imported = import_quarters([tw1, tw2], None)
    before, now = quarter_realisasi(0, (1, 3)), quarter_realisasi(0, (1, 2))
    falls = [f for f in imported.findings if f.kode == "sipd_realisasi_kumulatif_turun"]
    assert f"sub kegiatan {first_code()} s.d. TW II" in falls[0].pesan
    assert falls[0].pesan == (
        f"Realisasi sub kegiatan {first_code()} s.d. TW II (Rp{rupiah(now * 100)}, tw2.xlsx) "
        f"lebih kecil daripada s.d. TW I (Rp{rupiah(before * 100)}): realisasi TW II akan "
        "negatif, jadi tidak ditulis. Periksa periode kedua unduhan dan koreksi/pengembalian "
        "belanja di SIPD."
    )
    assert imported.written[2][first_code()] is None
    target = tmp_path / "triwulan.xlsx"
    assert api.import_anggaran([tw1, tw2], target).output is None
    assert not target.exists()
    api.import_anggaran([tw1, tw2], target, force=True)
    rows = sheet_values(target)[SHEET]
    first = column(rows, "Sub Kegiatan").index(example_sub_kegiatan()[0]["sub_kegiatan"])
    assert column(rows, REALISASI[2])[first] is None
    assert column(rows, REALISASI[1])[first] == before


def test_an_export_without_a_period(tmp_path: Path) -> None:
    path = export(tmp_path, "realisasi.xlsx", None, (1, 4))
    result = api.import_anggaran([path], tmp_path / "triwulan.xlsx")
    assert result.output is None
    (finding,) = [f for f in result.report.findings if f.tingkat.value == "error"]
    assert finding.kode == "sipd_periode_tidak_terbaca"
    assert finding.pesan == (
        "Periode unduhan realisasi.xlsx tidak terbaca di baris judul di atas judul kolom, "
        "sehingga triwulannya tidak diketahui. Unduh ulang laporan realisasi dengan periodenya, "
        "atau ketik di baris judul mis. 'Periode 1 Januari 2024 s.d. 30 Juni 2024'. Tanpa "
        "periode, unduhan hanya dapat diimpor ke anggaran.xlsx (tahunan)."
    )
    no_header = write_xlsx(tmp_path / "catatan.xlsx", {"Sheet1": [["catatan rapat"]]})
    assert [f.kode for f in import_quarters([no_header], None).findings] == ["sipd_tanpa_judul"]
    annual = api.import_anggaran([path], tmp_path / "anggaran.xlsx")
    assert annual.kind == "anggaran" and annual.report.valid and annual.output is not None


def test_a_period_that_is_no_quarter_and_a_missing_earlier_quarter(tmp_path: Path) -> None:
    odd = export(tmp_path, "mei.xlsx", "Periode 1 Januari 2024 s.d. 15 Mei 2024", (1, 2))
    imported = import_quarters([odd], None)
    assert [(f.kode, f.pesan) for f in imported.findings] == [
        (
            "sipd_periode_bukan_triwulan",
            "Periode unduhan mei.xlsx terbaca 'Periode 1 Januari 2024 s.d. 15 Mei 2024': tidak "
            "berakhir pada akhir triwulan (31 Maret, 30 Juni, 30 September, 31 Desember) atau "
            "tidak dimulai 1 Januari (kumulatif) maupun awal triwulannya (satu triwulan). Unduh "
            "ulang laporan realisasi untuk periode triwulan, mis. 1 Januari s.d. 30 Juni.",
        )
    ]
    tw3 = export(tmp_path, "tw3.xlsx", "s.d. 30 September 2024", (1, 3))
    imported = import_quarters([tw3], None)
    assert [f.kode for f in imported.findings] == ["sipd_triwulan_sebelumnya_tidak_ada"]
    assert imported.findings[0].pesan.startswith(
        "tw3.xlsx berisi realisasi s.d. TW III (kumulatif), tetapi unduhan TW I, TW II tidak "
        "disebutkan"
    )
    assert imported.written == {}


def test_the_same_period_twice_is_the_duplicate_export_error(tmp_path: Path) -> None:
    tw1 = export(tmp_path, "tw1.xlsx", "s.d. 31 Maret 2024", (1, 1))
    copy = write_csv(tmp_path / "tw1.csv", quarter_rows("s.d. 31 Maret 2024", (1, 1)))
    for files in ([tw1, tw1], [tw1, copy]):
        imported = import_quarters(files, None)
        assert "sipd_berkas_ganda" in [f.kode for f in imported.findings]
    tw2 = export(tmp_path, "tw2.xlsx", "s.d. 30 Juni 2024", (1, 2))
    only = export(tmp_path, "tw2_saja.xlsx", "Periode 1 April 2024 s.d. 30 Juni 2024", (2, 2))
    imported = import_quarters([tw1, tw2, only], None)
    assert [(f.kode, f.pesan) for f in imported.findings] == [
        (
            "sipd_berkas_ganda",
            "Realisasi TW II diberikan dua kali: tw2_saja.xlsx (satu triwulan, 'Periode 1 April "
            "2024 s.d. 30 Juni 2024') dan tw2.xlsx (kumulatif, 's.d. 30 Juni 2024'). Sebutkan "
            "salah satunya saja.",
        )
    ]


def test_staff_kas_and_other_sheets_are_kept(tmp_path: Path) -> None:
    folder = tmp_path / "EX"
    assert run_cli("init", folder, "--contoh")[0] == 0
    target = folder / "triwulan.xlsx"
    before, kept = sheet_values(target), structure(target)
    tw1 = export(tmp_path, "tw1.xlsx", "s.d. 31 Maret 2024", (1, 1))
    tw2 = export(tmp_path, "tw2.xlsx", "s.d. 30 Juni 2024", (1, 2))
    code, output = run_cli("impor-anggaran", tw1, tw2, "-o", target)
    assert code == 2
    assert "hanya kolom Realisasi TW dari triwulan yang diimpor yang diganti" in output
    assert "catatan di luar tabel, warna dan sheet tambahan tidak ikut" in " ".join(output.split())
    assert sheet_values(target) == before
    code, output = run_cli("impor-anggaran", tw1, tw2, "-o", target, "--timpa")
    assert code == 0, output
    assert "Template triwulan ditulis" in output and "realisasi TW I, TW II" in output
    after = sheet_values(target)
    for name in ("Petunjuk", "Rencana Aksi", "Evaluasi"):
        assert after[name] == before[name]
    old, new = before[SHEET], after[SHEET]
    assert len(new) == len(old)  # every export row found its staff row
    for header in [*old[2][:7], REALISASI[3], REALISASI[4]]:  # names, kas TW I-IV
        assert column(new, header) == column(old, header)
    assert any(v for v in column(old, "Anggaran Kas TW I"))
    first = column(new, "Sub Kegiatan").index(example_sub_kegiatan()[0]["sub_kegiatan"])
    assert column(new, REALISASI[2])[first] == quarter_realisasi(0, (2, 2))
    assert "Rekonsiliasi" in after
    assert structure(target) == kept and template_kind(target) == "triwulan"


def test_rows_not_in_the_file_are_added_inside_the_table(tmp_path: Path) -> None:
    folder = tmp_path / "EX"
    assert run_cli("init", folder, "--contoh")[0] == 0
    target = folder / "triwulan.xlsx"
    workbook = openpyxl.load_workbook(target)  # staff named every sub kegiatan otherwise
    sheet = workbook[SHEET]
    for row in range(4, sheet.max_row + 1):
        if sheet.cell(row, 3).value:
            sheet.cell(row, 3).value = f"Nama lama {row}"
    workbook.save(target)
    last = sheet.max_row  # 31 rows and 25 blank ones: six more are appended
    rows = quarter_rows("s.d. 31 Maret 2024", (1, 1))
    hostile = '=HYPERLINK("http://contoh.invalid","klik")'
    first = example_sub_kegiatan()[0]["sub_kegiatan"]
    for row in rows:
        if len(row) > 13 and row[13] == first:
            row[13] = hostile
    tw1 = write_xlsx(tmp_path / "tw1.xlsx", {"Sheet1": rows})
    code, output = run_cli("impor-anggaran", tw1, "-o", target, "--timpa")
    assert code == 0, output
    after = openpyxl.load_workbook(target)[SHEET]
    names = [after.cell(r, 3).value for r in range(4, after.max_row + 1)]
    assert hostile in names and after.cell(3 + 1 + names.index(hostile), 3).data_type == "s"
    added = len(example_sub_kegiatan())
    assert len([n for n in names if n and not n.startswith("Nama lama")]) == added
    assert after.max_row > last
    rules = after.data_validations.dataValidation  # the template's own, over every row
    assert sorted(str(rule.sqref) for rule in rules) == [
        f"{c}4:{c}{after.max_row}" for c in "ABCDEFGHIJK"
    ]
    assert after.tables["AnggaranTriwulan"].ref == f"A3:K{after.max_row}"
    found = {
        (kode, sheet) for _, kode, file, sheet, _ in findings_of(folder) if file == target.name
    }
    assert ("sel_di_luar_tabel", SHEET) not in found


def test_an_annual_import_of_part_of_the_year_is_a_warning(tmp_path: Path) -> None:
    half = export(tmp_path, "juni.xlsx", "Periode 1 Januari 2024 s.d. 30 Juni 2024", (1, 2))
    result = api.import_anggaran([half], tmp_path / "anggaran.xlsx")
    assert result.output is not None  # today's annual import, said to be half a year
    assert [(f.kode, f.pesan) for f in result.report.findings] == [
        (
            "sipd_periode_sebagian_tahun",
            "Periode unduhan juni.xlsx terbaca 'Periode 1 Januari 2024 s.d. 30 Juni 2024', bukan "
            "1 Januari s.d. 31 Desember, tetapi realisasinya ditulis ke template anggaran "
            "sebagai realisasi setahun. Untuk LKjIP, unduh realisasi setahun penuh; untuk "
            "realisasi per triwulan, impor ke triwulan.xlsx (-o inputs/triwulan.xlsx).",
        )
    ]
    year = export(tmp_path, "tahun.xlsx", "s.d. 31 Desember 2024", (1, 4))
    result = api.import_anggaran([year], tmp_path / "setahun" / "anggaran.xlsx")
    assert result.report.findings == []


def read_back(path: Path) -> dict[str, list[dict] | dict]:
    """The file as xlkip reads it: each table's rows and each form's values."""
    source = SourceWorkbook.open(path)
    try:
        data = TemplateData(TEMPLATES["triwulan"], path)
        read_template(source, data, Period.around(2024))
    finally:
        source.close()
    tables = {name: [r.values for r in t.records] for name, t in data.tables.items()}
    return tables | {name: form.values for name, form in data.forms.items()}


def test_every_staff_value_survives_the_rewrite(tmp_path: Path) -> None:
    folder = tmp_path / "EX"
    assert run_cli("init", folder, "--contoh")[0] == 0
    target = folder / "triwulan.xlsx"
    staff = {
        "Rencana Aksi": {"D4": 2.75, "K4": 3.2, "H5": 0.031},
        SHEET: {"D4": 471655515, "J4": 123456789.5, "G6": 0},
        "Evaluasi": {"B5": "Koordinasi; tanda tangan elektronik 'TTE' & satu data"},
    }
    assert openpyxl.load_workbook(target)["Evaluasi"]["A5"].value.startswith("Faktor Pendorong")
    for sheet, cells in staff.items():
        set_cells(target, sheet, cells)
    before, found_before = read_back(target), findings_of(folder)
    tw1 = export(tmp_path, "tw1.xlsx", "s.d. 31 Maret 2024", (1, 1))
    assert run_cli("impor-anggaran", tw1, "-o", target, "--timpa")[0] == 0
    after = read_back(target)
    assert after["Rencana Aksi"] == before["Rencana Aksi"]
    assert after["Evaluasi"] == before["Evaluasi"]
    imported = {"realisasi_tw1"}
    strip = [{k: v for k, v in r.items() if k not in imported} for r in after[SHEET]]
    assert strip == [{k: v for k, v in r.items() if k not in imported} for r in before[SHEET]]
    workbook = openpyxl.load_workbook(target)
    for sheet, cells in staff.items():
        for cell, value in cells.items():
            assert workbook[sheet][cell].value == value, (sheet, cell)
    assert workbook[SHEET]["A5"].value is None  # a name left blank for "as above" stays so
    assert template_kind(target) == "triwulan"
    assert workbook.sheetnames == ["Petunjuk", "Rencana Aksi", SHEET, "Evaluasi", "Rekonsiliasi"]
    found_after = findings_of(folder)
    assert {f[1:4] for f in found_after} <= {f[1:4] for f in found_before}


def test_a_file_xlkip_cannot_read_is_not_overwritten(tmp_path: Path) -> None:
    folder = tmp_path / "EX"
    assert run_cli("init", folder, "--contoh")[0] == 0
    target = folder / "triwulan.xlsx"
    set_cells(target, SHEET, {"E7": "sekitar dua juta"})
    kept = target.read_bytes()
    tw1 = export(tmp_path, "tw1.xlsx", "s.d. 31 Maret 2024", (1, 1))
    for force in ((), ("--paksa",)):
        code, output = run_cli("impor-anggaran", tw1, "-o", target, "--timpa", *force)
        assert code == 2
        flat = " ".join(output.split())
        assert "tidak terbaca bersih oleh xlkip, sehingga tidak ditimpa" in flat
        assert "Anggaran Triwulan!E7" in flat
        assert target.read_bytes() == kept
