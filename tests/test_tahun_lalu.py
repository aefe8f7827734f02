"""`xlkip check DIR --tahun-lalu LAST`: every "tahun lalu" typed now against last year's."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.data_helpers import write_dataset
from tests.helpers import run_cli, set_cells
from xlkip import api


@pytest.fixture
def years(tmp_path: Path) -> tuple[Path, Path]:
    return (
        write_dataset("kota_contoh_2025", tmp_path / "2025"),
        write_dataset("kota_contoh_2026", tmp_path / "2026"),
    )


def _across(now: Path, last: Path) -> list[tuple[str, str, str, str, str]]:
    report = api.check(now, last).report
    return [
        (f.file, f.sheet, f.sel, f.pesan)
        for f in report.sorted()
        if f.kode == "beda_dengan_tahun_lalu"
    ]


def test_the_2026_dataset_agrees_with_2025(years) -> None:
    last, now = years
    assert _across(now, last) == []
    code, output = run_cli("check", now, "--tahun-lalu", last, "--json")
    assert code == 0
    assert [f["kode"] for f in json.loads(output)["findings"]] == ["nama_indeks_lama"]


def test_every_difference_is_a_warning_at_the_cell(years) -> None:
    last, now = years
    set_cells(now / "kinerja.xlsx", "IKU", {"G5": "60%", "G6": 1850})
    set_cells(now / "informasi.xlsx", "Publikasi", {"B5": 120})
    set_cells(now / "pengaduan.xlsx", "Pengaduan", {"D5": 60})
    set_cells(now / "spbe.xlsx", "Indeks Tahun Lalu", {"B6": 3.3})
    k, i, p, s = (
        last / f for f in ("kinerja.xlsx", "informasi.xlsx", "pengaduan.xlsx", "spbe.xlsx")
    )
    advice = "Samakan dengan isian tahun lalu, atau perbaiki isian tahun lalu bila itu yang keliru."
    assert _across(now, last) == [
        (
            "informasi.xlsx",
            "Publikasi",
            "B5",
            f"Jumlah tahun lalu 'Media Cetak' tertulis 120 di informasi.xlsx, tetapi isian tahun "
            f"2025 ({i}, sheet Publikasi sel C5) 100. {advice}",
        ),
        (
            "kinerja.xlsx",
            "IKU",
            "G5",
            "Realisasi tahun lalu 'Persentase OPD yang menggunakan tanda tangan elektronik' "
            f"tertulis 60% di kinerja.xlsx, tetapi isian tahun 2025 ({k}, sheet IKU sel F5) 65%. "
            f"{advice}",
        ),
        (
            "kinerja.xlsx",
            "IKU",
            "G6",
            "Realisasi tahun lalu 'Jumlah informasi publik yang dipublikasikan' tertulis 1.850 "
            f"di kinerja.xlsx, tetapi isian tahun 2025 ({k}, sheet IKU sel F6) 1.830. {advice}",
        ),
        (
            "pengaduan.xlsx",
            "Pengaduan",
            "D5",
            "Sudah ditindaklanjuti 2025 'WhatsApp Pengaduan' tertulis 60 di pengaduan.xlsx, "
            f"tetapi isian tahun 2025 ({p}, sheet Pengaduan sel D7) 66. {advice}",
        ),
        (
            "spbe.xlsx",
            "Indeks Tahun Lalu",
            "B6",
            f"Indeks SPBE 2025 tertulis 3,30 di spbe.xlsx, tetapi menurut isian tahun 2025 ({s}, "
            f"sheet Nilai Aspek) 3,22. {advice}",
        ),
    ]
    report = api.check(now, last).report
    assert report.valid  # warnings only
    assert {f.tingkat.value for f in report.findings if f.kode == "beda_dengan_tahun_lalu"} == {
        "peringatan"
    }


def test_same_instrument_compares_each_nilai(tmp_path: Path, example: Path) -> None:
    new = tmp_path / "2025"
    api.rollover(new, example)
    set_cells(new / "spbe.xlsx", "Nilai Aspek", {"E5": 2.6})
    found = _across(new, example)
    assert found == [
        (
            "spbe.xlsx",
            "Nilai Aspek",
            "E5",
            "Nilai tahun lalu 'Aspek 2 - Perencanaan Strategis' tertulis 2,60 di spbe.xlsx, "
            f"tetapi isian tahun 2024 ({example / 'spbe.xlsx'}, sheet Nilai Aspek sel F5) 2,50. "
            "Samakan dengan isian tahun lalu, atau perbaiki isian tahun lalu bila itu yang keliru.",
        )
    ]


def test_the_index_iku_is_matched_across_its_rename(years) -> None:
    last, now = years
    set_cells(now / "kinerja.xlsx", "IKU", {"B4": "Indeks Pemerintah Digital", "G4": 3.3})
    set_cells(now / "spbe.xlsx", "Indeks Tahun Lalu", {"B6": 3.3})  # keeps the bukti quiet
    found = _across(now, last)
    assert [(f[1], f[2]) for f in found] == [("IKU", "G4"), ("Indeks Tahun Lalu", "B6")]
    assert "Realisasi tahun lalu 'Indeks Pemerintah Digital' tertulis 3,30 " in found[0][3]


def test_compile_takes_tahun_lalu_too(years, tmp_path: Path) -> None:
    last, now = years
    set_cells(now / "informasi.xlsx", "Publikasi", {"B5": 120})
    out = tmp_path / "lkjip.xlsx"
    code, output = run_cli("compile", now, "-o", out, "--tahun-lalu", last)
    assert code == 0 and out.exists()
    assert "beda_dengan_tahun_lalu" in output


def test_a_folder_of_the_wrong_year_is_a_usage_error(years, example: Path) -> None:
    _, now = years
    code, output = run_cli("check", now, "--tahun-lalu", example)
    assert code == 2
    assert "berisi laporan tahun 2024, bukan tahun 2025" in " ".join(output.split())
    assert run_cli("check", now, "--tahun-lalu", now)[0] == 2
