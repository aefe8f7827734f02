"""The table registry: numbers assigned over the tables produced, gap-free for any office,
and every cross-reference using the assigned number."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from tests.output_helpers import add_canary, recalculation_mismatches, require_libreoffice
from xlkip import api
from xlkip.render.xlsx import render
from xlkip.tables import build_workbook, registry
from xlkip.tables.registry import REPORT

PERPUSTAKAAN = Path(__file__).parent / "data" / "perpustakaan_2024"
SEED_NUMBERS = {
    "sdm_golongan": "1.1",
    "sdm_non_asn": "1.2",
    "sdm_jenis_kelamin": "1.3",
    "sdm_pendidikan": "1.4",
    "sdm_jabatan": "1.5",
    "sasaran_strategis": "2.1",
    "indikator_kinerja_utama": "2.2",
    "perjanjian_kinerja": "2.3",
    "anggaran_murni": "2.4",
    "skala_kinerja": "3.1",
    "capaian_iku": "3.2",
    "bobot_spbe": "3.3",
    "skala_spbe": "3.4",
    "indeks_spbe": "3.5",
    "tenaga_programmer": "3.6",
    "aplikasi": "3.7",
    "website": "3.8",
    "mitra_media": "3.9",
    "publikasi": "3.10",
    "pengaduan_tahun_ini": "3.11",
    "pengaduan_dua_tahun": "3.12",
    "perbandingan_tahun_lalu": "3.13",
    "target_renstra": "3.14",
    "peringkat_spbe": "3.15",
    "anggaran_program": "3.16",
    "anggaran_rinci": "3.17",
}
AFTER_THE_SEED = {"efisiensi_sasaran": "3.18"}
"""Tables the seed does not print, numbered after its 3.17."""


def _rows(path: Path, sheet: str) -> list[tuple]:
    ws = openpyxl.load_workbook(path, data_only=True)[sheet]
    return [tuple(c.value for c in row) for row in ws.iter_rows()]


def _titles(path: Path) -> dict[str, str]:
    workbook = openpyxl.load_workbook(path, data_only=True)
    return {ws.title: ws["A1"].value for ws in workbook.worksheets}


@pytest.fixture(scope="module")
def perpustakaan(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("perpustakaan") / "inputs"
    api.write_dataset(PERPUSTAKAAN, folder)
    return folder


def test_every_key_is_declared_once() -> None:
    keys = [spec.key for spec in REPORT]
    assert len(keys) == len(set(keys)) == 28


def test_the_example_keeps_the_seed_numbering(example: Path) -> None:
    plan = registry.plan(api.check(example).inputs)
    assert plan.numbers == {**SEED_NUMBERS, **AFTER_THE_SEED}


def test_core_office_gets_a_gap_free_report(perpustakaan: Path, tmp_path: Path) -> None:
    result = api.compile_folder(perpustakaan, tmp_path / "lkjip.xlsx")
    assert result.report.findings == []
    titles = _titles(result.output)
    assert list(titles) == [
        "Ringkasan",
        *(f"Tabel 3.{n}" for n in range(1, 7)),
        "Temuan Validasi",
    ]
    subject = "DINAS PERPUSTAKAAN DAN KEARSIPAN KABUPATEN TANJUNG HARAPAN"
    assert titles["Tabel 3.1"] == "TABEL 3.1 SKALA NILAI PERINGKAT KINERJA"
    assert titles["Tabel 3.3"] == (
        f"TABEL 3.3 PERBANDINGAN REALISASI CAPAIAN KINERJA {subject} TAHUN 2023 DAN TAHUN 2024"
    )
    assert titles["Tabel 3.4"].startswith("TABEL 3.4 PERBANDINGAN REALISASI DAN TARGET RENSTRA")
    assert titles["Tabel 3.5"] == "TABEL 3.5 REALISASI ANGGARAN PER PROGRAM TAHUN 2024"
    assert titles["Tabel 3.6"] == f"TABEL 3.6 REALISASI ANGGARAN {subject} TAHUN 2024"
    assert not any("SPBE" in title for title in titles.values())


def test_core_office_figures_and_references(perpustakaan: Path, tmp_path: Path) -> None:
    output = api.compile_folder(perpustakaan, tmp_path / "lkjip.xlsx").output
    capaian = [64.1 / 62.5, 41760 / 48000, 0.65 / 0.70, (2 * 0.20 - 0.24) / 0.20]
    rata = sum(capaian) / 4
    iku = [r for r in _rows(output, "Tabel 3.2") if isinstance(r[5], int | float)]
    assert [r[7] for r in iku] == pytest.approx(capaian)
    assert [r[8] for r in iku] == ["Sangat Tinggi", "Tinggi", "Sangat Tinggi", "Tinggi"]
    anggaran, realisasi = 4_465_010_000, 4_131_383_020
    total = next(r for r in _rows(output, "Tabel 3.5") if r[0] == "TOTAL")
    assert total[2:6] == (anggaran, realisasi, pytest.approx(realisasi / anggaran), 333_626_980)
    ringkasan = {r[0]: r for r in _rows(output, "Ringkasan") if r[0]}
    assert ringkasan["Capaian kinerja rata-rata"][1:4] == (
        pytest.approx(rata),
        "Tinggi",
        "Tabel 3.2",
    )
    assert ringkasan["Realisasi anggaran"][3] == "Tabel 3.5"
    efisiensi = 1 - (realisasi / anggaran) / rata
    assert ringkasan["Efisiensi anggaran"][1] == pytest.approx(efisiensi)
    assert "Tabel yang tidak dibuat" not in ringkasan
    labels = [r[0] for r in _rows(output, "Tabel 3.5") if isinstance(r[0], str)]
    assert "Capaian kinerja rata-rata (Tabel 3.2)" in labels


def test_libreoffice_recalculates_the_core_office(perpustakaan: Path, tmp_path: Path) -> None:
    require_libreoffice()
    result = api.check(perpustakaan)
    model = build_workbook(result.inputs, result.report)
    add_canary(model)
    path = render(model, tmp_path / "lkjip.xlsx")
    count, problems = recalculation_mismatches(path, tmp_path / "lo")
    assert problems == ["('Canary', 'A1') =1+1: stored 3, LibreOffice 2"]
    assert count > 50


def test_absent_modules_close_up_the_numbers(example: Path, tmp_path: Path) -> None:
    (example / "spbe.xlsx").unlink()
    (example / "aplikasi.xlsx").unlink()
    result = api.compile_folder(example, tmp_path / "out.xlsx")
    assert not [f for f in result.report.findings if f.kode.startswith("template")]
    titles = _titles(result.output)
    assert list(titles) == [
        "Ringkasan",
        *(f"Tabel 1.{n}" for n in range(1, 6)),
        *(f"Tabel 2.{n}" for n in range(1, 5)),
        *(f"Tabel 3.{n}" for n in range(1, 12)),
        "Temuan Validasi",
    ]
    assert titles["Tabel 3.11"].startswith("TABEL 3.11 EFISIENSI PENGGUNAAN SUMBER DAYA")
    assert titles["Tabel 3.3"].startswith("TABEL 3.3 MEDIA PENYEDIAAN LAYANAN INFORMASI PUBLIK")
    assert titles["Tabel 3.5"].endswith(
        "DITINDAKLANJUTI DINAS KOMUNIKASI DAN INFORMATIKA KOTA BINJAI TAHUN 2024"
    )
    assert titles["Tabel 3.10"].startswith("TABEL 3.10 REALISASI ANGGARAN DINAS")
    sources = {r[0]: r[3] for r in _rows(result.output, "Ringkasan") if r[0]}
    assert sources["Rasio pengaduan ditindaklanjuti"] == "Tabel 3.5"
    assert sources["Jumlah informasi terpublikasi"] == "Tabel 3.4"
    assert sources["Realisasi anggaran"] == "Tabel 3.9"
    # findings cite the tables by the numbers this report gives them
    pesan = {f.sel: f.pesan for f in result.report.findings if f.kode == "realisasi_beda_bukti"}
    assert "ditindaklanjuti, Tabel 3.5/3.6)" in pesan["F8"]
    assert "(total Tabel 3.4)" in pesan["G6"]


def test_a_reference_scale_appears_only_with_its_table(example: Path, tmp_path: Path) -> None:
    from tests.helpers import edit

    def empty_aspects(workbook) -> None:
        ws = workbook["Nilai Aspek"]
        for row in ws.iter_rows(min_row=4):
            for cell in row:
                cell.value = None

    edit(example / "spbe.xlsx", empty_aspects)
    plan = registry.plan(api.check(example).inputs)
    assert "skala_spbe" in plan.numbers  # 3.15 still ranks the province's pemda by it
    assert "bobot_spbe" not in plan.numbers and "indeks_spbe" not in plan.numbers
    (example / "spbe.xlsx").unlink()
    plan = registry.plan(api.check(example).inputs)
    assert "skala_spbe" not in plan.numbers and "peringkat_spbe" not in plan.numbers


def test_two_spellings_of_a_program_are_one_group_and_a_warning(
    example: Path, tmp_path: Path
) -> None:
    from tests.helpers import set_cells

    spelled = "program  penunjang urusan pemerintahan daerah kabupaten/kota"
    set_cells(example / "anggaran.xlsx", "Realisasi Anggaran", {"B5": spelled})
    result = api.compile_folder(example, tmp_path / "out.xlsx")
    (warning,) = [f for f in result.report.findings if f.kode == "ejaan_berbeda"]
    assert (warning.tingkat.value, warning.file, warning.sheet, warning.sel) == (
        "peringatan",
        "anggaran.xlsx",
        "Realisasi Anggaran",
        "B5",
    )
    typed = " ".join(spelled.split())  # reading folds repeated spaces
    assert warning.pesan == (
        f"Program '{typed}' ditulis berbeda dengan 'PROGRAM PENUNJANG URUSAN PEMERINTAHAN "
        "DAERAH KABUPATEN/KOTA' di sel B4; keduanya dihitung sebagai satu program. Samakan "
        "penulisannya."
    )
    programs = [r for r in _rows(result.output, "Tabel 3.16") if isinstance(r[0], int)]
    assert len(programs) == 5
    total = next(r for r in _rows(result.output, "Tabel 3.16") if r[0] == "TOTAL")
    assert total[2:4] == (9475869588, 8664222212)


def test_a_misspelt_column_key_fails_loudly(example: Path) -> None:
    from xlkip.schema.kinerja import IKU

    record = api.check(example).inputs.records(IKU)[0]
    assert record.get("realisasi_lalu") is not None
    with pytest.raises(KeyError, match="realisasi_lalau"):
        record.get("realisasi_lalau")


def test_headline_figures_of_the_example(example: Path, tmp_path: Path) -> None:
    figures = api.compile_folder(example, tmp_path / "out.xlsx").figures
    assert (figures.anggaran, figures.realisasi, figures.sisa) == (
        9475869588,
        8664222212,
        811647376,
    )
    assert figures.persen_realisasi == pytest.approx(8664222212 / 9475869588)
    assert figures.indeks_digital == pytest.approx(3.1196)
    assert figures.predikat_digital == "Baik"
    assert figures.rasio_pengaduan == pytest.approx(60 / 62)
    assert figures.jumlah_informasi == 4225
    assert (figures.iku_tercapai, figures.iku_total) == (4, 5)  # TTE 12% of 15% falls short
    assert figures.predikat == "Sangat Tinggi"
    assert figures.efisiensi == pytest.approx(1 - figures.persen_realisasi / figures.capaian_rata)


def test_the_2026_index_is_named_by_its_instrument(tmp_path: Path) -> None:
    from email import policy
    from email.parser import BytesParser

    folder = tmp_path / "inputs"
    api.write_dataset(Path(__file__).parent / "data" / "kota_contoh_2026", folder)
    result = api.compile_folder(folder, tmp_path / "out.xlsx", force=True, eml=True)
    assert result.figures.nama_indeks == "Indeks Pemerintah Digital"
    message = BytesParser(policy=policy.default).parsebytes(result.eml.read_bytes())
    body = message.get_body(("plain",)).get_content()
    assert "- Indeks Pemerintah Digital 2026: " in body
    assert "Indeks SPBE" not in body
