"""`xlkip init --dari`: next year's templates from last year's filled ones."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import openpyxl
import pytest

from tests.data_helpers import (
    filled_down,
    form_values,
    headers,
    table_cells,
    table_rows,
    write_dataset,
)
from tests.helpers import findings_of, run_cli
from xlkip import api

# Renstra targets for 2025 of the IKU of the example, by the IKU rows' links (kinerja.json).
TARGETS_2025 = [None, 0.8571, 1285, None, 0.8]


def _as_read(value: object) -> object:
    """What the reader takes a cell for: "-" is nothing, a dropdown value ignores case
    ("Tidak aktif" is the choice "Tidak Aktif"), a year range is "2018-2024"."""
    if value == "-":
        return None
    return re.sub(r"\s*-\s*", "-", value.casefold()) if isinstance(value, str) else value


def _hashes(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


@pytest.fixture(scope="module")
def rolled(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    base = tmp_path_factory.mktemp("roll")
    last = base / "2024"
    api.init_templates(last, with_example=True)
    before = _hashes(last)
    code, output = run_cli("init", base / "2025", "--dari", last)
    assert code == 0, output
    assert "lanjutan isian tahun 2024" in output
    assert _hashes(last) == before  # nothing in last year's folder is touched
    return last, base / "2025"


def test_identitas_carried_with_the_new_year(rolled) -> None:
    last, new = rolled
    old, now = (form_values(f / "identitas.xlsx", "Identitas") for f in (last, new))
    assert now == {**old, "Tahun Laporan": 2025}
    old, now = (form_values(f / "identitas.xlsx", "Pengaturan") for f in (last, new))
    assert now == old


def test_iku_targets_from_the_renstra_and_last_years_realisasi(rolled) -> None:
    last, new = rolled
    old = filled_down(table_rows(last / "kinerja.xlsx", "IKU"), 0)
    now = table_rows(new / "kinerja.xlsx", "IKU")
    assert headers(new / "kinerja.xlsx", "IKU")[4:7] == [
        "Target 2025",
        "Realisasi 2025",
        "Realisasi Tahun Lalu (2024)",
    ]
    assert len(now) == len(old) == 5
    for before, after, target in zip(old, now, TARGETS_2025, strict=True):
        assert after[:4] == before[:4]  # sasaran, indikator, satuan, arah
        assert after[4] == target
        assert after[5] is None  # realisasi of the new year: to fill
        assert after[6] == before[5]  # realisasi tahun lalu = last year's realisasi
        assert after[7] == before[7]  # bukti
    cells = table_cells(new / "kinerja.xlsx", "IKU")
    assert "%" in cells[1][6].number_format and "%" in cells[1][4].number_format
    assert "%" not in cells[2][6].number_format  # a count stays a count


def test_iku_programs_carried(rolled) -> None:
    """Program Pendukung: which programs serve an indicator outlives the year."""
    last, new = rolled
    col = headers(new / "kinerja.xlsx", "IKU").index("Program Pendukung")
    carried = [row[col] for row in table_rows(new / "kinerja.xlsx", "IKU")]
    assert carried == [row[col] for row in table_rows(last / "kinerja.xlsx", "IKU")]
    assert carried[0] == "PROGRAM PENGELOLAAN APLIKASI INFORMATIKA"


def _percent_as_typed(cell) -> object:
    """A % row's number as staff meant it: 30 typed without a % format is 30%."""
    value = cell.value
    if isinstance(value, int | float) and "%" not in cell.number_format and abs(value) > 1:
        return value / 100
    return value


def _meant(path: Path, sheet: str) -> list[list[object]]:
    """The table's values, % rows' numbers as fractions."""
    return [
        [_percent_as_typed(c) if row[2].value == "%" else c.value for c in row]
        for row in table_cells(path, sheet)
    ]


def test_renstra_copied_with_its_realisasi_emptied(rolled) -> None:
    last, new = rolled
    old = filled_down(_meant(last / "kinerja.xlsx", "Renstra"), 0)
    now = table_rows(new / "kinerja.xlsx", "Renstra")
    old_headers = headers(last / "kinerja.xlsx", "Renstra")
    assert headers(new / "kinerja.xlsx", "Renstra") == [
        *old_headers[:4],
        "Realisasi 2025",
        *old_headers[5:],
    ]
    assert len(now) == len(old) == 12
    for before, after in zip(old, now, strict=True):
        assert after[4] is None
        assert after[:4] + after[5:] == pytest.approx(before[:4] + before[5:])


def test_spbe_scores_become_last_years(rolled) -> None:
    last, new = rolled
    old = filled_down(table_rows(last / "spbe.xlsx", "Nilai Aspek"), 0)
    now = table_rows(new / "spbe.xlsx", "Nilai Aspek")
    assert len(now) == len(old) == 8
    for before, after in zip(old, now, strict=True):
        assert after[:4] == before[:4]  # domain, aspek, indikator, bobot
        assert after[4] == before[5]  # nilai tahun lalu = last year's nilai
        assert after[5] is None
    assert form_values(new / "spbe.xlsx", "Indeks Tahun Lalu") == {
        "Instrumen Tahun Lalu": "Indeks SPBE",
        "Indeks Tahun Lalu": None,
    }
    old = table_rows(last / "spbe.xlsx", "Indeks Daerah Lain")
    now = table_rows(new / "spbe.xlsx", "Indeks Daerah Lain")
    assert [r[:2] for r in now] == [r[:2] for r in old] and len(now) == 32
    assert all(r[2] is None for r in now)


def test_lists_copied_and_two_year_tables_moved_on(rolled) -> None:
    last, new = rolled
    for name, sheet in (
        ("aplikasi.xlsx", "Tenaga Programmer"),
        ("aplikasi.xlsx", "Aplikasi dan Website"),
        ("informasi.xlsx", "Mitra Media"),
    ):
        now, old = table_rows(new / name, sheet), table_rows(last / name, sheet)
        assert len(now) == len(old)
        for after, before in zip(now, old, strict=True):
            assert [_as_read(v) for v in after] == [_as_read(v) for v in before], sheet
    old = table_rows(last / "informasi.xlsx", "Publikasi")
    now = table_rows(new / "informasi.xlsx", "Publikasi")
    assert now == [[r[0], 0 if r[2] == "-" else r[2], None] for r in old]  # "-" counts 0
    old = table_rows(last / "pengaduan.xlsx", "Pengaduan")
    now = table_rows(new / "pengaduan.xlsx", "Pengaduan")
    assert now == [r for r in old if r[0] == 2024] + [
        [2025, "SP4N LAPOR", None, None],
        [2025, "E-MASYARAKAT", None, None],
    ]
    assert table_rows(new / "anggaran.xlsx", "Realisasi Anggaran") == []


def test_every_template_says_it_was_carried(rolled) -> None:
    _, new = rolled
    for path in sorted(new.glob("*.xlsx")):
        petunjuk = openpyxl.load_workbook(path)["Petunjuk"]
        text = " ".join(str(c.value) for row in petunjuk.iter_rows() for c in row if c.value)
        assert ("Disalin dari isian tahun 2024" in text) is (path.name != "anggaran.xlsx"), path


def test_the_rolled_folder_checks_against_last_year(rolled) -> None:
    last, new = rolled
    found = findings_of(new)
    # What staff must still type for 2025 is missing (the budget is blank); last year's
    # repeats came along, and last year's prose is still last year's (tests/test_narasi.py).
    assert {(f[0], f[1]) for f in found} == {
        ("error", "wajib_kosong"),
        ("peringatan", "narasi_tahun_lalu"),
        ("peringatan", "narasi_kosong"),
        ("peringatan", "baris_ganda"),
        ("peringatan", "sheet_inti_kosong"),
        ("peringatan", "daftar_daerah_belum_diperbarui"),
    }
    repeats = [f for f in findings_of(last) if f[1] == "baris_ganda"]
    assert [f for f in found if f[1] == "baris_ganda"] == repeats
    report = api.check(new, last).report
    assert not [f for f in report.findings if f.kode == "beda_dengan_tahun_lalu"]


def test_keeps_what_is_there_without_timpa(rolled, tmp_path: Path) -> None:
    last, new = rolled
    before = {p.name: p.read_bytes() for p in new.iterdir()}
    code, output = run_cli("init", new, "--dari", last)
    assert code == 0 and "Sudah ada, tidak diubah" in output
    assert {p.name: p.read_bytes() for p in new.iterdir()} == before
    target = tmp_path / "again"
    assert run_cli("init", target, "--dari", last)[0] == 0
    assert run_cli("init", target, "--dari", last, "--timpa")[0] == 0


def test_the_year_must_follow_last_years(rolled, tmp_path: Path) -> None:
    last, _ = rolled
    code, output = run_cli("init", tmp_path / "x", "--dari", last, "--tahun", "2026")
    assert code == 2
    output = " ".join(output.split())
    assert "berisi laporan tahun 2024" in output and "bukan 2026" in output
    assert not (tmp_path / "x").exists()
    code, output = run_cli("init", tmp_path / "y", "--dari", tmp_path / "tidak-ada")
    assert code == 2


def test_rolling_past_the_renstra_needs_a_new_period(tmp_path: Path) -> None:
    last = write_dataset("kota_contoh_2026", tmp_path / "2026")
    code, output = run_cli("init", tmp_path / "2027", "--dari", last)
    assert code == 2 and "--renstra 2027-2031" in " ".join(output.split())
    code, output = run_cli("init", tmp_path / "2027", "--dari", last, "--renstra", "2027-2031")
    assert code == 0, output
    renstra = headers(tmp_path / "2027" / "kinerja.xlsx", "Renstra")
    assert [h for h in renstra if h.startswith("Target")] == [
        f"Target {y}" for y in range(2027, 2032)
    ]


def test_rolling_into_a_new_instrument(tmp_path: Path) -> None:
    last = write_dataset("kota_contoh_2025", tmp_path / "2025")
    result = api.rollover(tmp_path / "2026", last)
    new = tmp_path / "2026"
    assert result.instrument_note.startswith("Tahun 2025 dinilai dengan Indeks SPBE")
    rows = table_rows(new / "spbe.xlsx", "Nilai Aspek")
    assert len(rows) == 20 and rows[0][1:4] == [
        "Tata Kelola dan Manajemen",
        "Tata Kelola Pemdi",
        0.05,
    ]
    assert all(r[4] is None and r[5] is None for r in rows)  # SPBE aspects are not Pemdi indicators
    assert form_values(new / "spbe.xlsx", "Indeks Tahun Lalu") == {
        "Instrumen Tahun Lalu": "Indeks SPBE",
        "Indeks Tahun Lalu": 3.217,
    }
    petunjuk = openpyxl.load_workbook(new / "spbe.xlsx")["Petunjuk"]
    text = " ".join(str(c.value) for row in petunjuk.iter_rows() for c in row if c.value)
    assert "kolom Nilai Tahun Lalu dikosongkan; Indeks SPBE 2025 (3,22)" in text
    pengaturan = form_values(new / "identitas.xlsx", "Pengaturan")
    assert pengaturan["Indeks Pemerintah Digital terendah Memuaskan (Unggul)"] == 4.0
    iku = table_rows(new / "kinerja.xlsx", "IKU")
    assert iku[0][1] == "Indeks SPBE"  # renamed by staff, warned by check
    assert iku[0][4] == 3.1 and iku[0][6] == 3.22  # Renstra target 2026, SPBE 2025 realisasi
    assert iku[0][7] == "Indeks Pemerintah Digital"
    assert [r[4] for r in iku] == [3.1, 0.75, 2000, 0.925]
    found = findings_of(new)
    assert ("peringatan", "nama_indeks_lama", "kinerja.xlsx", "IKU", "B4") in found
