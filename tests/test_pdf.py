"""xlkip compile --pdf: the printed report, as a head of office receives it."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.helpers import run_cli
from tests.output_helpers import require_libreoffice
from xlkip import api
from xlkip.render import libreoffice

CHART_TITLES = [
    "Capaian Indikator Kinerja Utama terhadap Target",
    "Anggaran dan Realisasi per Program",
    "Persentase Realisasi Anggaran per Program",
    "Indeks SPBE per Domain, 2023 dan 2024",
    "Indeks SPBE Pemerintah Daerah se-Sumatera Utara Tahun 2024",
    "Jumlah Informasi per Jenis Media, 2023 dan 2024",
    "Pengaduan per Kanal: Sudah dan Belum Ditindaklanjuti, 2023 dan 2024",
]


def _pages(pdf: Path) -> list[str]:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext is not installed (apt-get install poppler-utils)")
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return text.split("\f")[:-1]


def test_pdf_of_the_example(example: Path, tmp_path: Path) -> None:
    require_libreoffice()
    result = api.compile_folder(example, tmp_path / "LKjIP.xlsx", pdf=True)
    assert result.pdf == tmp_path / "LKjIP.pdf" and result.pdf_error is None
    pages = _pages(result.pdf)
    assert 19 <= len(pages) <= 40
    assert "RINGKASAN LAPORAN KINERJA" in pages[0] and "Kesimpulan" in pages[0]
    assert "TABEL 1.1 KOMPOSISI SUMBER DAYA MANUSIA" in pages[1]  # Ringkasan is one page
    text = "\n".join(pages)
    for chapter, count in ((1, 5), (2, 4), (3, 17)):
        for number in range(1, count + 1):
            assert f"TABEL {chapter}.{number} " in text
    for title in CHART_TITLES:
        assert title in " ".join(text.split()), title
    assert "Halaman 1 dari" in pages[0]


def test_pdf_without_libreoffice_says_how_to_install(
    example: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(libreoffice, "find_soffice", lambda: None)
    target = tmp_path / "LKjIP.xlsx"
    code, output = run_cli("compile", example, "-o", target, "--pdf")
    assert code == 2
    assert "apt-get install libreoffice-calc-nogui" in " ".join(output.split())
    assert target.exists() and not target.with_suffix(".pdf").exists()
