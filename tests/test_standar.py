"""National standards per indicator (narasi.xlsx, sheet Standar Nasional): the table
comparing realisasi with them, analysis (4) of each sasaran in the document, the
findings on the sheet, and the rollover. One variant of the example, with standards
typed, built from the example's data."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl
import pytest
from docx import Document

from tests.data_helpers import example_variant, table_rows
from tests.helpers import run_cli
from tests.output_helpers import recalculation_mismatches, require_libreoffice
from tests.test_dokumen import (
    _empty_headings,
    _heading_above,
    _numbers_not_in_the_workbook,
    _section,
)
from xlkip import api
from xlkip.schema.narasi import STANDAR

SPBE = "Indeks Nilai SPBE"
TTE = "Persentase Jumlah OPD yang menggunakan tanda tangan elektronik"
INFORMASI = "Jumlah Informasi Publik yang dipublikasikan"
STATISTIK = "Persentase data statistik sektoral yang tersusun"
STANDARDS = [
    {"indikator": SPBE, "ada": "Ada", "nilai": "2,79", "sumber": "KepMenPANRB 663/2024"},
    {"indikator": TTE, "ada": "Tidak ada"},
    {"indikator": INFORMASI, "ada": "Ada"},
    {"indikator": STATISTIK, "ada": "Ada", "nilai": "25%", "sumber": "Perpres 39/2019"},
    {"indikator": "Indeks Kepuasan Masyarakat", "ada": "Ada", "nilai": "80", "sumber": "BPS"},
]


def _kinerja(sheets: dict[str, Any]) -> None:
    """SPBE an indicator of arah Turun; the information tables named first by sasaran 2;
    the complaint tables named by no indicator."""
    iku = sheets["IKU"]
    iku[0]["arah"] = "Turun"
    iku[1]["bukti"] = "Jumlah informasi terpublikasi"
    iku[4]["bukti"] = None


def _standards(sheets: dict[str, Any]) -> None:
    sheets[STANDAR.name] = STANDARDS


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("standar")
    return example_variant(folder, kinerja=_kinerja, narasi=_standards)


@pytest.fixture(scope="module")
def compiled(inputs: Path, tmp_path_factory: pytest.TempPathFactory) -> api.CompileResult:
    out = tmp_path_factory.mktemp("standar_out")
    result = api.compile_folder(inputs, out_dir=out, dokumen=True)
    assert result.output is not None and result.dokumen is not None
    return result


def test_the_table_after_the_budget(compiled: api.CompileResult) -> None:
    """3.19, after the seed's 3.1–3.17 and the efficiency per sasaran (3.18): realisasi
    from Tabel 3.2's cell, selisih a formula."""
    workbook = openpyxl.load_workbook(compiled.output)
    assert [s for s in workbook.sheetnames if s.startswith("Tabel 3.")][-3:] == [
        "Tabel 3.17",
        "Tabel 3.18",
        "Tabel 3.19",
    ]
    sheet = workbook["Tabel 3.19"]
    assert sheet["A1"].value == (
        "TABEL 3.19 PERBANDINGAN REALISASI DENGAN STANDAR NASIONAL DINAS KOMUNIKASI DAN "
        "INFORMATIKA KOTA BINJAI TAHUN 2024"
    )
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=4, max_row=5)]
    assert [r[1] for r in rows] == [SPBE, STATISTIK]  # only Ada with a nilai, in IKU order
    assert rows[0][3] == "='Tabel 3.2'!G4" and rows[1][3] == "='Tabel 3.2'!G7"
    assert rows[0][4] == 2.79 and rows[1][4] == 0.25
    assert rows[0][5] == '=IF(AND(ISNUMBER(D4),ISNUMBER(E4)),(D4-E4),"-")'
    assert [r[6] for r in rows] == ["KepMenPANRB 663/2024", "Perpres 39/2019"]
    values = openpyxl.load_workbook(compiled.output, data_only=True)["Tabel 3.19"]
    assert values["F4"].value == pytest.approx(0.33) and values["F5"].value == pytest.approx(0.05)


def test_each_indicator_against_its_standard(compiled: api.CompileResult) -> None:
    document = Document(str(compiled.dokumen))
    assert (
        'Realisasi indikator "Indeks Nilai SPBE" tahun 2024 sebesar 3,12, lebih tinggi 0,33 dari '
        "standar nasional 2,79 (sumber: KepMenPANRB 663/2024; Tabel 3.19); kinerjanya di bawah "
        "standar nasional (arah Turun: lebih rendah lebih baik)."
    ) in _section(document, "Sasaran 1:")
    assert f'Tidak ada standar nasional untuk indikator "{TTE}".' in _section(
        document, "Sasaran 2:"
    )
    third = _section(document, "Sasaran 3:")
    assert (
        f'Standar nasional indikator "{INFORMASI}" ditandai Ada, tetapi nilainya belum diisi '
        "(narasi.xlsx, sheet Standar Nasional, kolom Nilai Standar), sehingga belum dibandingkan."
    ) in third
    assert (
        f'Realisasi indikator "{STATISTIK}" tahun 2024 sebesar 30%, lebih tinggi 5 poin persen '
        "dari standar nasional 25% (sumber: Perpres 39/2019; Tabel 3.19); kinerjanya di atas "
        "standar nasional."
    ) in third
    assert (
        "Standar nasional indikator sasaran ini belum diisi (narasi.xlsx, sheet Standar Nasional, "
        "kolom Standar Nasional), sehingga belum dibandingkan dengan standar nasional."
    ) in _section(document, "Sasaran 4:")
    assert not _numbers_not_in_the_workbook(compiled.output, document)


def test_findings_on_the_sheet(inputs: Path) -> None:
    found = [
        (f.kode, f.sel, f.pesan)
        for f in api.check(inputs).report.sorted()
        if f.sheet == STANDAR.name
    ]
    assert found == [
        (
            "standar_tanpa_nilai",
            "C6",
            f"Standar nasional indikator '{INFORMASI}' ditandai Ada, tetapi kolom Nilai "
            "Standar kosong; indikator ini tidak dibandingkan dengan standar nasional. Isi "
            "nilainya, atau pilih 'Tidak ada'.",
        ),
        (
            "standar_tanpa_sumber",
            "D6",
            f"Standar nasional indikator '{INFORMASI}' ditandai Ada, tetapi kolom Sumber kosong. "
            "Tulis peraturan atau publikasi yang menetapkan standar ini.",
        ),
        (
            "standar_indikator_tidak_dikenal",
            "A8",
            "Indikator 'Indeks Kepuasan Masyarakat' tidak ada di sheet IKU (kinerja.xlsx), "
            "sehingga standar nasionalnya tidak dipakai. Tulis nama indikator persis seperti di "
            f"sheet IKU: '{SPBE}'; '{TTE}'; '{INFORMASI}'; '{STATISTIK}'; 'Persentase Jumlah "
            "pengaduan masyarakat secara online yang ditindaklanjuti'.",
        ),
    ]


def test_init_dari_carries_the_standards(inputs: Path, tmp_path: Path) -> None:
    code, output = run_cli("init", tmp_path / "2025", "--dari", inputs)
    assert code == 0, output
    rows = table_rows(tmp_path / "2025" / "narasi.xlsx", STANDAR.name)
    assert [r[:2] for r in rows] == [[s["indikator"], s["ada"]] for s in STANDARDS]
    read = {
        r.get("indikator"): r.get("nilai")
        for r in api.check(tmp_path / "2025").inputs.records(STANDAR)
    }
    assert read[SPBE] == 2.79 and read[STATISTIK] == 0.25  # a % stays a %


def test_libreoffice_recalculates_the_table(compiled: api.CompileResult, tmp_path: Path) -> None:
    require_libreoffice()
    count, problems = recalculation_mismatches(compiled.output, tmp_path / "lo")
    assert problems == [] and count > 300


def test_evidence_tables_follow_bukti_dukung(compiled: api.CompileResult) -> None:
    """Each evidence table in the first sasaran naming it; unnamed ones, and the standards'
    table (of every sasaran), under Data Pendukung."""
    document = Document(str(compiled.dokumen))
    for caption in ("Tabel 3.9", "Tabel 3.10"):
        assert _heading_above(document, caption).startswith("Sasaran 2:"), caption
    for caption in ("Tabel 3.11", "Tabel 3.12", "Tabel 3.19"):
        assert _heading_above(document, caption) == "Data Pendukung Capaian Kinerja", caption
    assert _heading_above(document, "Tabel 3.5").startswith("Sasaran 1:")
    assert _empty_headings(document) == []
