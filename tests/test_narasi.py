"""narasi.xlsx: staff prose that is empty or still last year's is a finding at its cell;
the Lampiran rows name a produced table or an image of the inputs' lampiran folder."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from tests.helpers import copy_folder, findings_of, run_cli, set_cells
from xlkip import api
from xlkip.schema.narasi import KRITERIA, PENUTUP

NARASI = ("narasi_kosong", "narasi_tahun_lalu")
CARRIED = [
    *(("peringatan", "narasi_tahun_lalu", "narasi.xlsx", "Narasi", f"B{r}") for r in range(4, 10)),
    *(("peringatan", "narasi_tahun_lalu", "narasi.xlsx", "Narasi Sasaran", f"{c}4") for c in "CDE"),
]
# The example (as the seed) writes causes, obstacles and solutions for one sasaran only.
SASARAN_MISSING = [
    ("peringatan", "narasi_kosong", "narasi.xlsx", "Narasi Sasaran", f"A{r}") for r in (5, 6, 7)
]


def _narasi_findings(folder: Path) -> list[tuple[str, ...]]:
    return [f for f in findings_of(folder) if f[1] in NARASI]


def _messages(folder: Path) -> dict[str | None, str]:
    report = api.check(folder).report
    return {f.sel: f.pesan for f in report.findings if f.kode in NARASI}


@pytest.fixture(scope="module")
def rolled(example_master: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    new = tmp_path_factory.mktemp("narasi") / "2025"
    code, output = run_cli("init", new, "--dari", example_master)
    assert code == 0, output
    return new


def test_carried_text_is_last_years_at_each_cell(rolled: Path) -> None:
    assert _narasi_findings(rolled) == CARRIED + SASARAN_MISSING
    pesan = _messages(rolled)
    assert "tahun 2024" in pesan["B4"] and "Latar Belakang" in pesan["B4"]
    assert KRITERIA[PENUTUP].kriteria in pesan["B9"]
    assert "rekomendasi perbaikan" in pesan["B9"]
    assert "3.b: kualitas hasil kinerja, upaya nyata dan hambatannya" in pesan["D4"]


def test_an_edited_cell_is_this_years(rolled: Path, tmp_path: Path) -> None:
    folder = copy_folder(rolled, tmp_path / "2025")
    path = folder / "narasi.xlsx"
    sheet = openpyxl.load_workbook(path)["Narasi"]
    old = sheet["B4"].value
    # Excel's own line endings and stray spaces are not an edit; a new word is.
    set_cells(path, "Narasi", {"B4": "  " + old.replace("\n", "\r\n") + " ", "B5": old + " 2025"})
    assert _narasi_findings(folder) == [f for f in CARRIED + SASARAN_MISSING if f[4] != "B5"]


def test_empty_and_missing_sections(example: Path) -> None:
    assert _narasi_findings(example) == SASARAN_MISSING
    path = example / "narasi.xlsx"
    set_cells(path, "Narasi", {"B5": None, "A9": None, "B9": None})
    set_cells(path, "Narasi Sasaran", {"D4": "  "})
    assert _narasi_findings(example) == [
        ("peringatan", "narasi_kosong", "narasi.xlsx", "Narasi", "B5"),
        ("peringatan", "narasi_kosong", "narasi.xlsx", "Narasi", "A9"),
        ("peringatan", "narasi_kosong", "narasi.xlsx", "Narasi Sasaran", "D4"),
        *SASARAN_MISSING,
    ]
    pesan = _messages(example)
    assert "Penutup dan Langkah ke Depan" in pesan["A9"] and "rekomendasi" in pesan["A9"]
    assert "barisnya tidak ada" in pesan["A9"]


def test_an_absent_module_asks_for_nothing(example: Path) -> None:
    (example / "narasi.xlsx").unlink()
    assert _narasi_findings(example) == []
