"""Evaluation instruments as data: Indeks SPBE up to 2025, Indeks Pemerintah Digital from 2026."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from tests.data_helpers import form_values, headers, table_rows, write_dataset
from tests.helpers import edit, findings_of, set_cells
from xlkip import api, contoh
from xlkip.instrumen import instrument_for, instruments
from xlkip.instrumen.indeks import aspect_index, group_indices, index_of, pemdi_index
from xlkip.schema.spbe import NILAI_ASPEK
from xlkip.text import angka

# Issue 11, from the summaries of PermenPANRB 8/2026: aspect -> (indicator, weight %).
PEMDI = {
    "Tata Kelola dan Manajemen": [("Tata Kelola Pemdi", 5), ("Manajemen Layanan Digital", 5)],
    "Penyelenggara": [("SDM Pemdi", 5), ("Kolaborasi", 5)],
    "Data": [
        ("Tata Kelola Data", 5),
        ("Informasi Geospasial", 3),
        ("Statistik", 3),
        ("Pelindungan Data Pribadi", 4),
    ],
    "Keamanan Pemdi": [
        ("Audit Keamanan", 4),
        ("Keamanan", 4),
        ("Kriptografi", 3),
        ("Insiden Siber", 4),
    ],
    "Teknologi Pemdi": [("Aplikasi", 5), ("Infrastruktur", 5)],
    "Keterpaduan Layanan Digital": [
        ("Proses Bisnis", 4),
        ("Integrasi Aplikasi", 4),
        ("Portal Layanan", 4),
        ("Interoperabilitas Data", 3),
    ],
    "Kepuasan Pengguna Layanan Digital": [
        ("Fasilitas Dukungan Pengguna", 10),
        ("Pengelolaan Kepuasan Pengguna", 15),
    ],
}
# The 2026 test dataset's nilai, in the order above.
NILAI_2026 = [3, 2.5, 2, 3, 3.5, 2, 3, 1.5, 2, 3, 2.5, 3.5, 3.5, 4, 3, 2.5, 4, 2, 3.5, 3]


def test_two_instruments_by_year() -> None:
    assert [i.kode for i in instruments()] == ["spbe_2020", "pemdi_2026"]
    assert instrument_for(2019).nama == instrument_for(2025).nama == "Indeks SPBE"
    assert instrument_for(2026).nama == instrument_for(2031).nama == "Indeks Pemerintah Digital"
    assert instrument_for(2025).skala == "Predikat"
    assert instrument_for(2026).skala == "Tingkat Kematangan"
    assert "59 Tahun 2020" in instrument_for(2025).dasar_hukum
    assert "8 Tahun 2026" in instrument_for(2026).dasar_hukum
    assert all(i.sumber for i in instruments())


def test_spbe_structure_and_bands() -> None:
    spbe = instrument_for(2024)
    assert len(spbe.struktur) == 4
    assert [u.bobot for k in spbe.struktur for u in k.unsur] == [13, 10, 10, 5, 12, 4.5, 27.5, 18]
    assert [k.bobot for k in spbe.struktur] == [13, 25, 16.5, 45.5]
    assert [(b.nama, b.batas) for b in spbe.predikat] == [
        ("Memuaskan", 4.2),
        ("Sangat Baik", 3.5),
        ("Baik", 2.6),
        ("Cukup", 1.8),
        ("Kurang", None),
    ]


def test_pemdi_structure_and_bands() -> None:
    pemdi = instrument_for(2026)
    assert {k.nama: [(u.nama, u.bobot) for u in k.unsur] for k in pemdi.struktur} == PEMDI
    assert [k.bobot for k in pemdi.struktur] == [10, 10, 15, 15, 10, 15, 25]
    assert sum(len(k.unsur) for k in pemdi.struktur) == 20
    assert [(b.nama, b.batas) for b in pemdi.predikat] == [
        ("Memuaskan (Unggul)", 4.0),
        ("Sangat Baik (Melembaga)", 3.5),
        ("Baik (Berkembang)", 2.5),
        ("Cukup (Membangun)", 1.5),
        ("Kurang (Merintis)", None),
    ]


def test_spbe_index_of_the_example_from_the_instrument_weights() -> None:
    spbe = instrument_for(2024)
    rows = [
        {"domain": k.nama, "aspek": u.nama, "bobot": u.bobot / 100, "nilai": n, "nilai_lalu": m}
        for (k, u), n, m in zip(
            [(k, u) for k in spbe.struktur for u in k.unsur],
            [3.3, 2.5, 3, 3, 2, 1, 3.8, 3.67],
            [3, 2.75, 3, 3, 1.13, 1, 3.6, 3.83],
            strict=True,
        )
    ]
    assert index_of(spbe, rows, "nilai") == pytest.approx(3.1196, abs=1e-12)
    assert index_of(spbe, rows, "nilai_lalu") == 2.975
    assert angka(index_of(spbe, rows, "nilai_lalu"), 2) == "2,98"
    domain_3 = group_indices(spbe, rows)[2]
    assert domain_3[0] == "Domain 3 - Manajemen SPBE"
    assert angka(domain_3[2], 2) == "1,73"


def _pemdi_rows(nilai: list[float | None]) -> list[dict]:
    pairs = [(a, i, w) for a, items in PEMDI.items() for i, w in items]
    return [
        {"aspek": a, "indikator": i, "bobot": w / 100, "nilai": n}
        for (a, i, w), n in zip(pairs, nilai, strict=True)
    ]


def test_pemdi_index_of_the_2026_dataset() -> None:
    # By hand: Σ(weight% × nilai) = 27.5 + 25 + 38.5 + 41.5 + 37.5 + 44 + 80 = 294.
    pemdi = instrument_for(2026)
    rows = _pemdi_rows(NILAI_2026)
    assert index_of(pemdi, rows) == 2.94
    aspects = {name: index for name, _, index in group_indices(pemdi, rows)}
    assert aspects["Tata Kelola dan Manajemen"] == 2.75
    assert aspects["Data"] == pytest.approx(38.5 / 15)
    assert aspects["Kepuasan Pengguna Layanan Digital"] == 3.2


def test_pemdi_formulas() -> None:
    # Aspect index = Σ(indicator weight × nilai) / aspect weight.
    assert aspect_index([(0.05, 3), (0.05, 2.5)]) == 2.75
    assert aspect_index([(0.05, 3), (0.05, None)]) == 3  # an indicator without nilai is left out
    assert aspect_index([(0.05, None)]) is None
    # Index = Σ(aspect weight × aspect index): 0.1 × 2.75 + 0.9 × 4 = 3.875.
    assert pemdi_index([[(0.05, 3), (0.05, 2.5)], [(0.9, 4)]]) == 3.875
    assert pemdi_index([[(0.1, None)]]) is None
    exact = Decimal("0.1") * Decimal("2.75") + Decimal("0.9") * Decimal(4)
    assert Decimal(repr(pemdi_index([[(0.05, 3), (0.05, 2.5)], [(0.9, 4)]]))) == exact


def _blank(tmp_path: Path, tahun: int) -> Path:
    folder = tmp_path / str(tahun)
    api.init_templates(folder, tahun=tahun, modules=["spbe"])
    return folder


def test_blank_2025_template_has_the_spbe_aspects_and_weights(tmp_path: Path) -> None:
    folder = _blank(tmp_path, 2025)
    assert headers(folder / "spbe.xlsx", "Nilai Aspek") == [
        "Domain",
        "Aspek",
        "Indikator",
        "Bobot",
        "Nilai Tahun Lalu (2024)",
        "Nilai Tahun Ini (2025)",
    ]
    rows = table_rows(folder / "spbe.xlsx", "Nilai Aspek")
    assert [(r[1].split(" - ")[0], r[2], r[3], r[4], r[5]) for r in rows] == [
        (f"Aspek {n}", None, w, None, None)
        for n, w in enumerate([0.13, 0.1, 0.1, 0.05, 0.12, 0.045, 0.275, 0.18], start=1)
    ]
    assert rows[0][0] == "Domain 1 - Kebijakan SPBE"
    pengaturan = form_values(folder / "identitas.xlsx", "Pengaturan")
    assert pengaturan["Indeks SPBE terendah Memuaskan"] == 4.2
    assert pengaturan["Indeks SPBE terendah Cukup"] == 1.8
    assert headers(folder / "spbe.xlsx", "Indeks Daerah Lain")[2] == "Indeks SPBE"
    lalu = form_values(folder / "spbe.xlsx", "Indeks Tahun Lalu")
    assert lalu == {"Instrumen Tahun Lalu": "Indeks SPBE", "Indeks Tahun Lalu": None}


def test_blank_2026_template_has_the_pemdi_indicators_and_weights(tmp_path: Path) -> None:
    folder = _blank(tmp_path, 2026)
    rows = table_rows(folder / "spbe.xlsx", "Nilai Aspek")
    expected = [(a, i, w / 100) for a, items in PEMDI.items() for i, w in items]
    assert [(r[1], r[2], r[3]) for r in rows] == expected
    assert all(r[0] is None and r[4] is None and r[5] is None for r in rows)
    pengaturan = form_values(folder / "identitas.xlsx", "Pengaturan")
    bands = {k: v for k, v in pengaturan.items() if k.startswith("Indeks")}
    assert bands == {
        "Indeks Pemerintah Digital terendah Memuaskan (Unggul)": 4.0,
        "Indeks Pemerintah Digital terendah Sangat Baik (Melembaga)": 3.5,
        "Indeks Pemerintah Digital terendah Baik (Berkembang)": 2.5,
        "Indeks Pemerintah Digital terendah Cukup (Membangun)": 1.5,
    }
    assert headers(folder / "spbe.xlsx", "Indeks Daerah Lain")[2] == "Indeks Pemerintah Digital"
    lalu = form_values(folder / "spbe.xlsx", "Indeks Tahun Lalu")
    assert lalu["Instrumen Tahun Lalu"] == "Indeks SPBE"
    petunjuk = openpyxl.load_workbook(folder / "spbe.xlsx")["Petunjuk"]
    text = " ".join(str(c.value) for row in petunjuk.iter_rows() for c in row if c.value)
    assert "8 Tahun 2026" in text and "Pemerintah Digital" in text


def test_an_untouched_prefilled_list_adds_nothing(tmp_path: Path) -> None:
    folder = _blank(tmp_path, 2026)
    result = api.check(folder)
    assert result.inputs.records(NILAI_ASPEK) == []
    assert not [f for f in result.report.findings if f.file == "spbe.xlsx"]


@pytest.fixture
def kota_2026(tmp_path: Path) -> Path:
    return write_dataset("kota_contoh_2026", tmp_path / "2026")


def test_the_2026_dataset_reads_with_the_pemdi_instrument(kota_2026: Path) -> None:
    result = api.check(kota_2026)
    inputs = result.inputs
    assert inputs.instrument.nama == "Indeks Pemerintah Digital"
    assert inputs.instrument_lalu.nama == "Indeks SPBE"
    assert inputs.lintas_instrumen
    assert index_of(inputs.instrument, inputs.records(NILAI_ASPEK)) == 2.94
    assert inputs.setting("spbe_memuaskan") == 4.0
    assert inputs.setting("spbe_baik") == 2.5
    # The IKU still called "Indeks SPBE" is the only finding.
    assert findings_of(kota_2026) == [
        ("peringatan", "nama_indeks_lama", "kinerja.xlsx", "IKU", "B4")
    ]
    (finding,) = result.report.findings
    assert "'Indeks Pemerintah Digital'" in finding.pesan
    assert "Pasal 11 PermenPANRB 8/2026" in finding.pesan


def test_an_spbe_iku_name_before_2026_is_fine(example: Path) -> None:
    assert "nama_indeks_lama" not in {f[1] for f in findings_of(example)}


def test_last_years_index_across_instruments_is_the_typed_one(kota_2026: Path) -> None:
    # Realisasi tahun lalu 3,22 agrees with Indeks SPBE 2025 3,217 (sheet Indeks Tahun Lalu).
    set_cells(kota_2026 / "spbe.xlsx", "Indeks Tahun Lalu", {"B6": 3.5})
    result = api.check(kota_2026)
    found = [f for f in result.report.findings if f.kode == "realisasi_beda_bukti"]
    assert [(f.file, f.sheet, f.sel) for f in found] == [("kinerja.xlsx", "IKU", "G4")]
    assert "Indeks SPBE 2025 3,50 (Tabel 3.5)" in found[0].pesan


def test_nilai_tahun_lalu_of_another_instrument_is_a_warning(kota_2026: Path) -> None:
    set_cells(kota_2026 / "spbe.xlsx", "Nilai Aspek", {"E5": 3})
    assert ("peringatan", "nilai_lalu_instrumen_lain", "spbe.xlsx", "Nilai Aspek", "E5") in (
        findings_of(kota_2026)
    )


def test_staff_correct_the_structure_in_the_sheet(kota_2026: Path) -> None:
    # A 21st indicator, weights moved so that they still sum to 100%: the index follows.
    def change(workbook) -> None:
        ws = workbook["Nilai Aspek"]
        ws["D23"] = 0.10  # Pengelolaan Kepuasan Pengguna 15% -> 10%
        ws["B24"], ws["C24"], ws["D24"], ws["F24"] = None, "Survei Kepuasan", 0.05, 5

    edit(kota_2026 / "spbe.xlsx", change)
    result = api.check(kota_2026)
    rows = result.inputs.records(NILAI_ASPEK)
    assert len(rows) == 21 and rows[-1].get("aspek") == "Kepuasan Pengguna Layanan Digital"
    # 294 − 5 × 3 + 5 × 5 = 304.
    assert index_of(result.inputs.instrument, rows) == 3.04
    found = [f for f in result.report.findings if f.kode == "realisasi_beda_bukti"]
    assert [f.sel for f in found] == ["F4"]
    assert "Indeks Pemerintah Digital 2026 3,04" in found[0].pesan


def test_weights_not_summing_to_100_are_an_error(kota_2026: Path) -> None:
    set_cells(kota_2026 / "spbe.xlsx", "Nilai Aspek", {"D23": 0.10})
    findings = findings_of(kota_2026)
    assert ("error", "bobot_spbe_tidak_100", "spbe.xlsx", "Nilai Aspek", "D4:D23") in findings
    report = api.check(kota_2026).report
    (finding,) = [f for f in report.findings if f.kode == "bobot_spbe_tidak_100"]
    assert finding.pesan.startswith(
        "Jumlah bobot indikator Indeks Pemerintah Digital 95%, seharusnya 100%."
    )


def test_bands_typed_in_pengaturan_are_used(kota_2026: Path) -> None:
    form = form_values(kota_2026 / "identitas.xlsx", "Pengaturan")
    labels = list(form)
    row = 5 + labels.index("Indeks Pemerintah Digital terendah Memuaskan (Unggul)")
    set_cells(kota_2026 / "identitas.xlsx", "Pengaturan", {f"B{row}": 4.25})
    assert api.check(kota_2026).inputs.setting("spbe_memuaskan") == 4.25
    set_cells(kota_2026 / "identitas.xlsx", "Pengaturan", {f"B{row}": 3.0})
    assert ("error", "skala_tidak_urut", "identitas.xlsx", "Pengaturan", f"B{row}") in (
        findings_of(kota_2026)
    )


def test_a_version_1_spbe_template_is_still_read(example: Path) -> None:
    def older(workbook) -> None:
        for prop in workbook.custom_doc_props.props:
            if prop.name == "xlkip_versi":
                prop.value = 1
        del workbook["Indeks Tahun Lalu"]

    edit(example / "spbe.xlsx", older)
    before = api.check(example)
    assert not [
        f for f in before.report.findings if f.kode in ("versi_template", "sheet_tidak_ada")
    ]
    assert len(before.inputs.records(NILAI_ASPEK)) == 8


def test_the_example_spbe_data_is_unchanged() -> None:
    rows = contoh.load("spbe")["Nilai Aspek"]
    assert [r["bobot"] for r in rows] == [
        "13%",
        "10%",
        "10%",
        "5%",
        "12%",
        "4,50%",
        "27,50%",
        "18%",
    ]
