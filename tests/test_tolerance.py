"""Reading tolerates what staff really do to a template."""

from __future__ import annotations

from pathlib import Path

from openpyxl.styles import numbers

from tests.helpers import edit
from xlkip import api
from xlkip.schema.anggaran import REALISASI_ANGGARAN
from xlkip.schema.kinerja import IKU


def _messy_kinerja(workbook) -> None:
    iku = workbook["IKU"]
    iku["E4"] = "2,98"  # number typed as Indonesian text
    iku["E5"] = "15%"  # percentage as text
    iku["F5"] = 12  # a bare 12 in a % row means 12%
    iku["F5"].number_format = numbers.FORMAT_GENERAL
    iku["B4"] = "Indeks Nilai SPBE   "  # trailing spaces
    extra = iku.max_column + 1  # an extra column of their own, after the last
    iku.cell(3, extra, "Catatan")
    iku.cell(4, extra, "dicek ulang")
    iku.insert_rows(6)  # a blank row in the middle: rows 6-8 are now 7-9
    iku["E9"] = 0.7  # 70% typed as a fraction
    iku["D7"] = "  naik "  # case and spaces in a dropdown value
    iku.merge_cells("A7:A8")  # sasaran merged over its two indicators


def _messy_anggaran(workbook) -> None:
    sheet = workbook["Realisasi Anggaran"]
    sheet["F4"] = "Rp 2.358.277.568,00"
    sheet["G4"] = "2,257,542,046"
    sheet["F5"] = "Rp109.200.000"
    sheet["G25"] = "-"  # nothing realised: zero
    last = sheet.max_row + 1
    sheet[f"D{last}"] = "JUMLAH"  # a total row pasted from SIPD
    sheet[f"F{last}"] = "Rp9.475.869.588"
    sheet[f"G{last}"] = "Rp8.664.222.212"


def test_messy_inputs_read_like_clean_ones(example: Path) -> None:
    before = api.check(example)
    clean = before.inputs
    edit(example / "kinerja.xlsx", _messy_kinerja)
    edit(example / "anggaran.xlsx", _messy_anggaran)
    (example / "kinerja.xlsx").rename(example / "IKU FINAL revisi 2.xlsx")
    (example / "anggaran.xlsx").rename(example / "anggaran (1).xlsm")
    messy = api.check(example)

    for sheet in (IKU, REALISASI_ANGGARAN):
        assert [r.values for r in messy.inputs.records(sheet)] == [
            r.values for r in clean.records(sheet)
        ]
    assert sorted(f.kode for f in messy.report.findings) == sorted(
        f.kode for f in before.report.findings
    )
    assert {f.file for f in messy.report.findings if f.sheet == "IKU"} == {
        "IKU FINAL revisi 2.xlsx"
    }
