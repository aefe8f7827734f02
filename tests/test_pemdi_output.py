"""The 2026 dataset's workbook: Indeks Pemerintah Digital tables, beside last year's Indeks
SPBE without comparing them. Golden figures are computed here from the data file."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from tests.data_helpers import DATA, write_dataset
from tests.test_charts import read_charts
from xlkip import api


@pytest.fixture(scope="module")
def workbook(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = write_dataset("kota_contoh_2026", tmp_path_factory.mktemp("pemdi") / "inputs")
    result = api.compile_folder(folder, folder.parent / "lkjip.xlsx")
    assert result.output is not None
    return result.output


def _rows(path: Path, sheet: str) -> list[tuple]:
    ws = openpyxl.load_workbook(path, data_only=True)[sheet]
    return [tuple(c.value for c in row) for row in ws.iter_rows()]


def _golden() -> tuple[dict[str, Decimal], Decimal]:
    """Aspect indices and the index, from tests/data/kota_contoh_2026/spbe.json by hand:
    aspect index = Σ(w × nilai) / Σ w of its indicators, index = Σ(w × nilai) / 100."""
    rows = json.loads((DATA / "kota_contoh_2026" / "spbe.json").read_text())["sheets"]
    sums: dict[str, list[Decimal]] = {}
    aspek = None
    for row in rows["Nilai Aspek"]:
        aspek = row["aspek"] or aspek
        weight = Decimal(row["bobot"].rstrip("%"))
        nilai = Decimal(row["nilai"].replace(",", "."))
        total = sums.setdefault(aspek, [Decimal(0), Decimal(0)])
        total[0] += weight * nilai
        total[1] += weight
    aspects = {name: t / w for name, (t, w) in sums.items()}
    return aspects, sum(t for t, _ in sums.values()) / 100


def test_golden_index_and_aspects(workbook: Path) -> None:
    aspects, index = _golden()
    assert index == Decimal("2.94")
    rows = _rows(workbook, "Tabel 3.5")
    assert rows[0][0] == (
        "TABEL 3.5 CAPAIAN INDEKS PEMERINTAH DIGITAL PEMERINTAH KOTA SUKAMAJU TAHUN 2025 DAN 2026"
    )
    assert rows[2][:5] == (
        "NO",
        "ASPEK DAN INDIKATOR PENILAIAN",
        "BOBOT",
        "2025 (Indeks SPBE)",
        "2026",
    )
    shown = {r[1]: r for r in rows[3:] if isinstance(r[0], int) and r[1] in aspects}
    assert list(shown) == list(aspects)
    for name, expected in aspects.items():
        assert shown[name][4] == pytest.approx(float(expected), abs=1e-12), name
        assert shown[name][3] == "-"  # last year's SPBE aspects are not these
    (total,) = [r for r in rows if r[0] == "NILAI INDEKS PEMERINTAH DIGITAL"]
    assert total[3] == 3.217 and total[4] == pytest.approx(2.94, abs=1e-12)
    (band,) = [r for r in rows if r[0] == "TINGKAT KEMATANGAN"]
    assert band[3:5] == ("Baik", "Baik (Berkembang)")  # 3,217 by the SPBE bands; 2,94 by Pemdi's
    (note,) = [r[0] for r in rows if str(r[0]).startswith("Catatan:")]
    assert note == (
        "Catatan: nilai tahun 2025 adalah Indeks SPBE (PermenPANRB Nomor 59 Tahun 2020), tahun "
        "2026 Indeks Pemerintah Digital (PermenPANRB Nomor 8 Tahun 2026). Instrumen evaluasinya "
        "berbeda, sehingga kedua indeks ditampilkan tanpa dibandingkan."
    )


def test_weights_and_scale_from_the_instrument(workbook: Path) -> None:
    rows = _rows(workbook, "Tabel 3.3")
    assert rows[0][0] == "TABEL 3.3 ASPEK DAN INDIKATOR PENILAIAN PEMERINTAH DIGITAL"
    groups = [(r[1], round(r[2], 10)) for r in rows[3:] if isinstance(r[0], int)]
    assert groups == (
        [
            ("Tata Kelola dan Manajemen", 0.10),
            ("Penyelenggara", 0.10),
            ("Data", 0.15),
            ("Keamanan Pemdi", 0.15),
            ("Teknologi Pemdi", 0.10),
            ("Keterpaduan Layanan Digital", 0.15),
            ("Kepuasan Pengguna Layanan Digital", 0.25),
        ]
    )
    scale = _rows(workbook, "Tabel 3.4")
    assert scale[0][0] == "TABEL 3.4 TINGKAT KEMATANGAN INDEKS PEMERINTAH DIGITAL"
    assert scale[2][3] == "Tingkat Kematangan"
    assert [(r[1], r[3]) for r in scale[3:8]] == [
        (4, "Memuaskan (Unggul)"),
        (3.5, "Sangat Baik (Melembaga)"),
        (2.5, "Baik (Berkembang)"),
        (1.5, "Cukup (Membangun)"),
        ("-", "Kurang (Merintis)"),
    ]


def test_other_pemda_by_the_pemdi_bands(workbook: Path) -> None:
    rows = _rows(workbook, "Tabel 3.15")
    assert rows[0][0] == (
        "TABEL 3.15 INDEKS DAN TINGKAT KEMATANGAN KOTA SUKAMAJU PADA HASIL EVALUASI KINERJA "
        "PEMERINTAH DIGITAL SE-NUSA SENTOSA TAHUN 2026"
    )
    assert rows[2][3] == "TINGKAT KEMATANGAN"
    assert [r[1:5] for r in rows[3:8]] == [
        ("Pemerintah Provinsi Nusa Sentosa", 3.1, "Baik (Berkembang)", 1),
        ("Pemerintah Kota Pelabuhan Baru", 3.02, "Baik (Berkembang)", 2),
        ("Pemerintah Kota Sukamaju", 2.94, "Baik (Berkembang)", 3),
        ("Pemerintah Kabupaten Tanjung Harapan", 2.55, "Baik (Berkembang)", 4),
        ("Pemerintah Kabupaten Bukit Indah", 1.95, "Cukup (Membangun)", 5),
    ]


def test_no_sentence_compares_the_two_instruments(workbook: Path) -> None:
    text = [str(r[0]) for r in _rows(workbook, "Ringkasan") if r[0]]
    (sentence,) = [t for t in text if t.startswith("Indeks Pemerintah Digital Pemerintah")]
    assert sentence == (
        "Indeks Pemerintah Digital Pemerintah Kota Sukamaju tahun 2026 sebesar 2,94 dengan "
        "tingkat kematangan Baik (Berkembang); tahun 2025 dinilai dengan Indeks SPBE sebesar "
        "3,22, instrumen yang berbeda sehingga tidak dibandingkan."
    )
    assert "naik" not in sentence and "turun" not in sentence
    assert "Indeks Pemerintah Digital 2026" in [r[0] for r in _rows(workbook, "Ringkasan")]
    comparison = _rows(workbook, "Tabel 3.13")
    assert any(
        str(r[0]).startswith("Catatan: realisasi 2025 'Indeks SPBE' adalah") for r in comparison
    )


def test_the_aspect_chart_shows_this_year_only(workbook: Path) -> None:
    charts = {f"{c.sheet}: {c.title}": c for c in read_charts(workbook)}
    chart = charts["Tabel 3.5: Indeks Pemerintah Digital per Aspek, 2026"]
    assert [s.name for s in chart.series] == ["2026"]
    assert "Tabel 3.15: Indeks Pemerintah Digital Pemerintah Daerah se-Nusa Sentosa Tahun 2026" in (
        charts
    )


def test_the_2025_spbe_report_is_unchanged_in_kind(tmp_path: Path) -> None:
    folder = write_dataset("kota_contoh_2025", tmp_path / "inputs")
    output = api.compile_folder(folder, tmp_path / "lkjip.xlsx").output
    rows = _rows(output, "Tabel 3.5")
    (total,) = [r for r in rows if r[0] == "NILAI INDEKS SPBE"]
    assert total[3:5] == pytest.approx((2.979, 3.217), abs=1e-12)
    (band,) = [r for r in rows if r[0] == "PREDIKAT"]
    assert band[3:5] == ("Baik", "Baik")
    text = [str(r[0]) for r in _rows(output, "Ringkasan") if r[0]]
    assert (
        "Indeks SPBE Pemerintah Kota Sukamaju tahun 2025 sebesar 3,22 dengan predikat Baik, "
        "naik dari 2,98 pada tahun sebelumnya." in text
    )
