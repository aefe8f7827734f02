"""The IKU's Program Pendukung column: which programs serve which sasaran, checked
against the programs of anggaran.xlsx (the tables and the document: test_dokumen.py)."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import edit, set_cells
from xlkip import api
from xlkip.tables import registry

PROGRAMS = (
    "'PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA', "
    "'PROGRAM PENGELOLAAN INFORMASI DAN KOMUNIKASI PUBLIK', "
    "'PROGRAM PENGELOLAAN APLIKASI INFORMATIKA', "
    "'PROGRAM PENYELENGGARAAN STATISTIK SEKTORAL', "
    "'PROGRAM PENYELENGGARAAN PERSANDIAN UNTUK PENGAMANAN INFORMASI'"
)


def _program_findings(folder: Path) -> list:
    report = api.check(folder).report
    return [f for f in report.findings if f.kode == "program_tidak_di_anggaran"]


def test_a_program_not_in_the_budget_is_a_finding_at_its_cell(example: Path) -> None:
    """Names are compared as a person reads them; one cell may name several programs."""
    assert _program_findings(example) == []  # the example names only budget programs
    set_cells(
        example / "kinerja.xlsx",
        "IKU",
        {"O4": "program pengelolaan  aplikasi informatika\nProgram Jaringan; "},
    )
    (finding,) = _program_findings(example)
    assert (finding.tingkat.value, finding.file, finding.sheet, finding.sel) == (
        "peringatan",
        "kinerja.xlsx",
        "IKU",
        "O4",
    )
    assert finding.pesan == (
        "Program 'Program Jaringan' di kolom Program Pendukung tidak ada di anggaran.xlsx "
        "(sheet Realisasi Anggaran), sehingga tidak dihitung dalam efisiensi per sasaran. "
        f"Program yang ada: {PROGRAMS}. Tulis nama program seperti di anggaran.xlsx (huruf "
        "besar/kecil dan spasi boleh berbeda); pisahkan beberapa program dengan baris baru "
        "(Alt+Enter) atau titik koma (;)."
    )


def test_without_the_link_no_finding_and_no_table(example: Path) -> None:
    def clear(workbook) -> None:
        for row in workbook["IKU"].iter_rows(min_row=4, min_col=15, max_col=15):
            row[0].value = None

    edit(example / "kinerja.xlsx", clear)
    result = api.check(example)
    assert not [f for f in result.report.findings if f.kode == "program_tidak_di_anggaran"]
    assert "efisiensi_sasaran" not in registry.plan(result.inputs).numbers
