"""The quarterly module (triwulan.xlsx): its template, its findings, one set of facts
with the annual templates, and next year's rencana aksi."""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path
from string import ascii_uppercase as UPPER

import openpyxl
import pytest

from tests.data_helpers import headers
from tests.helpers import copy_folder, edit, findings_of, run_cli, set_cells
from tests.output_helpers import cached_values
from xlkip import api
from xlkip.measure import capacity_of, wrapped_lines
from xlkip.rules.triwulan import (
    KUMULATIF,
    PER_TRIWULAN,
    RATA_RATA,
    figure_to_date,
    sampai_dengan,
)
from xlkip.rules.values import columns
from xlkip.schema.anggaran import REALISASI_ANGGARAN
from xlkip.schema.kinerja import IKU
from xlkip.schema.triwulan import ANGGARAN_TRIWULAN, RENCANA_AKSI

TRIWULAN_CODES = {
    "triwulan_terlewat",
    "realisasi_tanpa_target_triwulan",
    "kumulatif_menurun",
    "realisasi_melebihi_kas",
    "realisasi_tahunan_beda_triwulan",
    "anggaran_tahunan_beda_triwulan",
    "indikator_triwulan_tidak_dikenal",
    "anggaran_triwulan_tidak_dikenal",
}


def test_blank_module_is_written_and_reads_empty(tmp_path: Path) -> None:
    code, output = run_cli("init", tmp_path, "--modul", "triwulan", "--tahun", "2025")
    assert code == 0, output
    path = tmp_path / "triwulan.xlsx"
    assert headers(path, RENCANA_AKSI.name)[:5] == [
        "Indikator Kinerja",
        "Satuan",
        "Cara Hitung",
        "Target TW I",
        "Target TW II",
    ]
    assert headers(path, ANGGARAN_TRIWULAN.name)[-1] == "Realisasi TW IV"
    inputs = api.check(tmp_path).inputs
    assert inputs.has("triwulan") and inputs.records(RENCANA_AKSI) == []
    petunjuk = openpyxl.load_workbook(path)["Petunjuk"]
    text = "\n".join(str(c.value) for row in petunjuk.iter_rows() for c in row if c.value)
    monitoring = "workbook pemantauan (xlkip compile --triwulan N)"
    assert (
        f"Dipakai untuk: Tabel 3.2, 3.4 dan E.81 {monitoring}; Tabel 3.3, 3.4 dan E.81 "
        f"{monitoring}; Tabel E.81 {monitoring}." in text
    )
    assert "judul, tahun dan aturan perhitungan" not in text


def test_example_quarters_are_one_set_of_facts_with_the_year(example_master: Path) -> None:
    inputs = api.check(example_master).inputs
    assert len(inputs.records(RENCANA_AKSI)) == 5
    assert len(inputs.records(ANGGARAN_TRIWULAN)) == 31
    assert not [f for f in findings_of(example_master) if f[1] in TRIWULAN_CODES]


@pytest.fixture(scope="module")
def edited(example_master: Path, tmp_path_factory: pytest.TempPathFactory) -> set[tuple]:
    folder = copy_folder(example_master, tmp_path_factory.mktemp("tw") / "inputs")
    set_cells(folder / "kinerja.xlsx", "IKU", {"D4": "Turun"})
    set_cells(
        folder / "triwulan.xlsx",
        RENCANA_AKSI.name,
        {
            "E5": None,  # TTE: target TW II gone while its realisasi is typed
            "J7": "10%",  # statistik (Kumulatif, Naik): 12% at TW II, then 10%
            "J4": 2.5,  # SPBE made Turun: a cumulative figure that falls is fine
            "K6": 1100,  # informasi (Per triwulan): the quarters sum to 4.205, not 4.225
            "A8": "Indikator yang tidak ada",
        },
    )
    set_cells(
        folder / "triwulan.xlsx",
        ANGGARAN_TRIWULAN.name,
        {
            "H4": 500_000_000,  # TW I spent beyond its kas of 471.655.514
            "I6": None,  # TW II skipped
            "C7": "Sub kegiatan yang tidak ada",
        },
    )
    return {f[1:] for f in findings_of(folder) if f[1] in TRIWULAN_CODES}


RA, AT = RENCANA_AKSI.name, ANGGARAN_TRIWULAN.name


@pytest.mark.parametrize(
    "finding",
    [
        ("realisasi_tanpa_target_triwulan", "triwulan.xlsx", RA, "I5"),
        ("kumulatif_menurun", "triwulan.xlsx", RA, "J7"),
        ("realisasi_tahunan_beda_triwulan", "triwulan.xlsx", RA, "H6:K6"),
        ("realisasi_tahunan_beda_triwulan", "kinerja.xlsx", "IKU", "F6"),
        ("indikator_triwulan_tidak_dikenal", "triwulan.xlsx", RA, "A8"),
        ("realisasi_melebihi_kas", "triwulan.xlsx", AT, "H4"),
        ("anggaran_tahunan_beda_triwulan", "triwulan.xlsx", AT, "H4:K4"),
        ("anggaran_tahunan_beda_triwulan", "anggaran.xlsx", "Realisasi Anggaran", "G4"),
        ("triwulan_terlewat", "triwulan.xlsx", AT, "I6"),
        ("anggaran_triwulan_tidak_dikenal", "triwulan.xlsx", AT, "C7"),
    ],
)
def test_finding_at_the_cell(edited: set[tuple], finding: tuple) -> None:
    assert finding in edited


def test_only_those_findings(edited: set[tuple]) -> None:
    # Not at J4: the SPBE row was made Turun, whose cumulative figure may fall.
    # Not at E5: a target gap is said once, where its realisasi is typed (I5).
    assert len(edited) == 10, sorted(edited)


def test_rollover_prepares_the_rencana_aksi(example_master: Path, tmp_path: Path) -> None:
    code, output = run_cli("init", tmp_path / "2025", "--dari", example_master)
    assert code == 0, output
    rows = api.check(tmp_path / "2025").inputs.records(RENCANA_AKSI)
    got = [(r.get("cara_hitung"), r.get("target_tw4"), r.get("realisasi_tw4")) for r in rows]
    # TW IV of a cumulative indicator is the year's target (Renstra 2025: 85,71% for TTE,
    # none for SPBE and statistik); an averaged one (pengaduan, 80%) holds it each quarter;
    # how a sum per quarter spreads is the office's plan.
    assert got == [
        ("Kumulatif", None, None),
        ("Kumulatif", pytest.approx(0.8571), None),
        ("Per triwulan", None, None),
        ("Kumulatif", None, None),
        ("Rata-rata triwulan", pytest.approx(0.8), None),
    ]
    assert [r.get("target_tw1") for r in rows] == [None, None, None, None, pytest.approx(0.8)]
    assert [rows[4].get(f"target_tw{n}") for n in (2, 3)] == [pytest.approx(0.8)] * 2
    # What the rollover wrote (Target TW IV alone) is no finding of its own.
    assert not [f for f in findings_of(tmp_path / "2025") if f[1] in TRIWULAN_CODES]


# ---------------------------------------------------------------- compile --triwulan N


@pytest.fixture(scope="module")
def monitoring(example_master: Path, tmp_path_factory: pytest.TempPathFactory) -> dict:
    """The example's monitoring workbooks of TW III and TW IV, as their cached values."""
    out = tmp_path_factory.mktemp("monitoring")
    workbooks = {}
    for n in (3, 4):
        result = api.compile_folder(example_master, out_dir=out, triwulan=n)
        assert result.output is not None
        workbooks[n] = (result.output, cached_values(result.output))
    return workbooks


def _row_of(values: dict, sheet: str, col: str, text: str) -> int:
    """The row whose cell in column `col` holds `text`."""
    for (name, cell), value in values.items():
        if name == sheet and value == text and cell.rstrip("0123456789") == col:
            return int(cell[len(col) :])
    raise AssertionError(f"{text!r} not in column {col} of {sheet}")


def test_monitoring_has_its_own_name_and_tables(monitoring: dict) -> None:
    path, values = monitoring[3]
    assert path.name == "Monitoring_Dinas_Komunikasi_dan_Informatika_Kota_Binjai_2024_TW3.xlsx"
    assert openpyxl.load_workbook(path).sheetnames == [
        "Tabel 3.1",
        "Tabel 3.2",
        "Tabel 3.3",
        "Tabel 3.4",
        "E.81",
        "Temuan Validasi",
    ]
    assert values[("Tabel 3.2", "Q3")] == "S.D. TW III"
    # Per triwulan: the figure to date is the sum, its capaian the sum against the sum.
    row = _row_of(values, "Tabel 3.2", "C", "Jumlah Informasi Publik yang dipublikasikan")
    assert values[("Tabel 3.2", f"R{row}")] == 980 + 1045 + 1080
    assert values[("Tabel 3.2", f"S{row}")] == pytest.approx(3105 / 825)
    assert values[("Tabel 3.4", "A6")] == "TW III"


def test_the_fourth_quarter_is_the_year(monitoring: dict, example_master: Path) -> None:
    """One set of facts: at TW IV the monitoring workbook shows the annual realisasi."""
    _, values = monitoring[4]
    inputs = api.check(example_master).inputs
    for record in inputs.records(IKU):
        row = _row_of(values, "Tabel 3.2", "C", record.get("indikator"))
        assert values[("Tabel 3.2", f"U{row}")] == pytest.approx(record.get("realisasi"))
    total = _row_of(values, "Tabel 3.3", "A", "JUMLAH")
    year = sum(r.get("realisasi") for r in inputs.records(REALISASI_ANGGARAN))
    assert values[("Tabel 3.3", f"L{total}")] == pytest.approx(year)
    assert values[("Tabel 3.3", f"N{total}")] == pytest.approx(
        year / values[("Tabel 3.3", f"F{total}")]
    )


def test_monitoring_chart_of_the_quarters(monitoring: dict) -> None:
    path, _ = monitoring[4]
    chart = openpyxl.load_workbook(path)["Tabel 3.4"]._charts
    assert len(chart) == 1


def test_monitoring_needs_the_quarterly_module(example: Path, tmp_path: Path) -> None:
    (example / "triwulan.xlsx").unlink()
    code, output = run_cli("compile", example, "--triwulan", "2", "-o", tmp_path / "x.xlsx")
    assert code == 2
    assert "triwulan.xlsx" in output and not (tmp_path / "x.xlsx").exists()
    assert "xlkip init FOLDER --modul triwulan" in " ".join(output.split())
    code, output = run_cli("compile", example, "--triwulan", "5")
    assert code == 2
    code, output = run_cli("compile", example, "--triwulan", "2", "--dokumen")
    assert code == 2 and "--dokumen" in output
    code, output = run_cli("rekap", example, "--triwulan", "2", "--tulis-per-opd")
    assert code == 2 and "--triwulan" in output


# ---------------------------------------------------------------- Tabel E.81


def test_e81_numbers_its_columns_as_the_regulation(monitoring: dict) -> None:
    path, values = monitoring[3]
    assert openpyxl.load_workbook(path).sheetnames[4] == "E.81"
    numbers = [
        v for (sheet, cell), v in values.items() if sheet == "E.81" and cell.strip(UPPER) == "5"
    ]
    assert [v for v in numbers if v] == [f"({n})" for n in range(1, 18)]
    assert values[("E.81", "F4")] == "K" and values[("E.81", "G4")] == "Rp"


def test_e81_formulas_between_columns(monitoring: dict) -> None:
    path, values = monitoring[3]
    formulas = openpyxl.load_workbook(path)["E.81"]
    program = _row_of(values, "E.81", "D", "PROGRAM PENGELOLAAN APLIKASI INFORMATIKA")
    # (13) = (9) + (10) + (11) up to TW III; (14) = (13) / (8); (15) = (7) + (13)
    assert formulas[f"U{program}"].value == f"=SUM(M{program},O{program},Q{program})"
    assert formulas[f"W{program}"].value.endswith(f'(U{program}/K{program}),"-")')
    assert formulas[f"Y{program}"].value == f"=SUM(I{program},U{program})"
    assert values[("E.81", f"S{program}")] is None  # TW IV is not reported yet
    # A per-quarter indicator: (13) sums the quarters; (15) is the level reached this
    # year, compared with the Renstra's end-year level (1.285), not 1.100 + 3.105.
    row = _row_of(values, "E.81", "E", "Jumlah Informasi Publik yang dipublikasikan")
    assert values[("E.81", f"T{row}")] == 980 + 1045 + 1080
    assert formulas[f"X{row}"].value == f"=T{row}"
    assert values[("E.81", f"X{row}")] == 3105
    assert values[("E.81", f"Z{row}")] == pytest.approx(3105 / 1285)
    text = _row_of(values, "E.81", "A", "Faktor pendorong keberhasilan pencapaian")
    assert values[("E.81", f"F{text}")].startswith("Dukungan pimpinan")


def test_e81_at_the_fourth_quarter_is_the_year(monitoring: dict, example_master: Path) -> None:
    _, values = monitoring[4]
    inputs = api.check(example_master).inputs
    total = _row_of(values, "E.81", "A", "JUMLAH")
    year = sum(r.get("realisasi") for r in inputs.records(REALISASI_ANGGARAN))
    assert values[("E.81", f"U{total}")] == pytest.approx(year)
    for record in inputs.records(IKU):
        row = _row_of(values, "E.81", "E", record.get("indikator"))
        assert values[("E.81", f"T{row}")] == pytest.approx(record.get("realisasi"))
    predikat = _row_of(values, "E.81", "A", "PREDIKAT KINERJA")
    assert values[("E.81", f"V{predikat}")] == "Sangat Tinggi"
    # At TW IV the form's means are the annual report's: 180,61% and 91,43%.
    pagu = sum(r.get("anggaran") for r in inputs.records(REALISASI_ANGGARAN))
    assert values[("E.81", f"V{predikat - 1}")] == pytest.approx(1.8061, abs=5e-5)
    assert values[("E.81", f"W{predikat - 1}")] == pytest.approx(year / pagu)


def test_e81_predikat_fits_its_column(monitoring: dict) -> None:
    """The predikat under (14) is a formula (row heights measure typed text only): the
    longest label of the scale fits one line of its column, as LibreOffice prints it."""
    path, values = monitoring[4]
    predikat = _row_of(values, "E.81", "A", "PREDIKAT KINERJA")
    assert values[("E.81", f"V{predikat}")] == "Sangat Tinggi"
    width = openpyxl.load_workbook(path)["E.81"].column_dimensions["V"].width
    labels = [values[("Tabel 3.1", f"D{row}")] for row in range(4, 9)]
    assert [wrapped_lines(label, capacity_of(width, 10), bold=True) for label in labels] == [1] * 5


def test_e81_nests_programs_under_their_sasaran(monitoring: dict) -> None:
    """A program follows the indicators that name it in Program Pendukung; the one no
    indicator names comes last, said so."""
    _, values = monitoring[4]
    tte = _row_of(
        values, "E.81", "E", "Persentase Jumlah OPD yang menggunakan tanda tangan elektronik"
    )
    persandian = "PROGRAM PENYELENGGARAAN PERSANDIAN UNTUK PENGAMANAN INFORMASI"
    assert values[("E.81", f"D{tte + 1}")] == persandian
    penunjang = _row_of(
        values, "E.81", "D", "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA"
    )
    assert values[("E.81", f"B{penunjang}")].startswith("Program yang tidak disebut")
    assert values[("E.81", f"A{penunjang + 1}")] == "JUMLAH"


def test_monitoring_before_the_year_ends(example: Path, tmp_path: Path) -> None:
    """Mid-year the annual realisasi is empty: the monitoring workbook is still made, and
    the empty column is said once, not as an error per cell."""
    set_cells(example / "kinerja.xlsx", "IKU", {f"F{r}": None for r in range(4, 9)})
    code, output = run_cli("check", example)
    assert code == 1  # the annual report needs them
    code, output = run_cli(
        "compile", example, "--triwulan", "2", "-o", tmp_path / "tw2.xlsx", "--format", "json"
    )
    assert code == 0, output
    data = json.loads(output)
    found = [(f["kode"], f["sel"]) for f in data["findings"]]
    assert ("realisasi_tahunan_belum_diisi", "F4:F8") in found
    assert not [kode for kode, _ in found if kode == "wajib_kosong"]
    # The LKE grades the annual report: a quarter's run shows the findings only.
    assert "pra_evaluasi_lke" not in data
    code, output = run_cli("compile", example, "--triwulan", "2", "-o", tmp_path / "tw2.xlsx")
    assert code == 0, output
    assert "realisasi_tahunan_belum_diisi" in output
    assert "Pra-evaluasi LKE" not in output and "lke 3.a.2" not in output


# ---------------------------------------------------------------- rekap --triwulan N


def _on_plan(path: Path) -> None:
    """Kas planned TW I–III exactly as spent, and an office of another name."""

    def change(workbook) -> None:
        sheet = workbook[ANGGARAN_TRIWULAN.name]
        for row in range(4, 35):
            for kas, spent in (("D", "H"), ("E", "I"), ("F", "J")):
                sheet[f"{kas}{row}"] = sheet[f"{spent}{row}"].value

    edit(path / "triwulan.xlsx", change)
    set_cells(path / "identitas.xlsx", "Identitas", {"B5": "Dinas Perpustakaan"})


def test_rekap_puts_the_offices_behind_plan_first(example_master: Path, tmp_path: Path) -> None:
    pemda = tmp_path / "pemda"
    ahead = copy_folder(example_master, pemda / "a_sesuai")
    _on_plan(ahead)
    copy_folder(example_master, pemda / "b_tertinggal")
    (copy_folder(example_master, pemda / "c_tahunan") / "triwulan.xlsx").unlink()
    target = tmp_path / "rekap_tw3.xlsx"
    code, output = run_cli("rekap", pemda, "--triwulan", "3", "-j", "1", "-o", target)
    assert code == 1, output  # an office without the quarterly module is not ok
    assert not re.search(r"kriteria LKE \d+ dari \d+", output), output
    values = cached_values(target)
    sheet = "Rekap Triwulan"
    assert values[(sheet, "H3")] == "PENYERAPAN THD KAS S.D. TW III"
    assert values[(sheet, "D3")] == "CAPAIAN KINERJA S.D. TW III THD TARGET S.D. TW III"
    # The example spends 84,90% of its kas to date: behind plan, so first.
    assert values[(sheet, "B4")] == "Dinas Komunikasi dan Informatika"
    assert values[(sheet, "H4")] == pytest.approx(5631744438 / 6633108711)
    assert values[(sheet, "K4")] == "Di bawah rencana"
    assert values[(sheet, "B5")] == "Dinas Perpustakaan"
    assert values[(sheet, "H5")] == pytest.approx(1)
    assert values[(sheet, "K5")] == "Sesuai rencana"
    assert values[(sheet, "G6")] == pytest.approx(2 * 5631744438)
    left_out = _row_of(values, sheet, "A", "PERANGKAT DAERAH YANG TIDAK DIREKAP")
    assert values[(sheet, f"B{left_out + 1}")] == "c_tahunan"
    assert "xlkip init FOLDER --modul triwulan" in values[(sheet, f"C{left_out + 1}")]


# ---------------------------------------------------------------- the rule of Cara Hitung


@pytest.mark.parametrize(
    ("cara", "figure", "formula"),
    [
        (KUMULATIF, 4.0, 'IF(ISNUMBER(C1),C1,"-")'),
        (PER_TRIWULAN, 7.0, 'IF((COUNT(A1,B1,C1)=0),"-",SUM(A1,B1,C1))'),
        (RATA_RATA, 7 / 3, 'IF((COUNT(A1,B1,C1)=0),"-",AVERAGE(A1,B1,C1))'),
    ],
)
def test_figure_to_date_by_cara_hitung(cara: str, figure: float, formula: str) -> None:
    here = columns([1.0], [2.0], [4.0])[0].sheet  # A1, B1, C1: TW I–III
    cells = [here.slot(0, col).ref() for col in range(3)]
    expr = sampai_dengan(cara, cells)
    assert expr.render(here) == formula
    assert expr.evaluate() == pytest.approx(figure)
    assert figure_to_date(cara, [None, None, None]) is None


def test_monitoring_of_a_turun_indicator(example: Path, tmp_path: Path) -> None:
    """Lower is better: 3% against a target of 4% is (2 × 4% − 3%) / 4% = 125%."""
    set_cells(example / "kinerja.xlsx", "IKU", {"D5": "Turun"})
    result = api.compile_folder(example, tmp_path / "tw1.xlsx", triwulan=1)
    values = cached_values(result.output)
    row = _row_of(
        values, "Tabel 3.2", "C", "Persentase Jumlah OPD yang menggunakan tanda tangan elektronik"
    )
    assert values[("Tabel 3.2", f"J{row}")] == pytest.approx(1.25)


def test_turun_per_quarter_has_no_capaian_against_the_year_before_tw4(
    example: Path, tmp_path: Path
) -> None:
    """Informasi made Turun (summed per quarter): at TW II its sum is half a year's, so
    against the yearly target it is "-" with a note."""
    set_cells(example / "kinerja.xlsx", "IKU", {"D5": "Turun", "D6": "Turun"})
    set_cells(example / "triwulan.xlsx", RENCANA_AKSI.name, {"I5": 0.2})
    result = api.compile_folder(example, tmp_path / "tw2.xlsx", triwulan=2)
    values = cached_values(result.output)
    name = "Jumlah Informasi Publik yang dipublikasikan"
    row = _row_of(values, "E.81", "E", name)
    assert (values[("E.81", f"V{row}")], values[("E.81", f"Z{row}")]) == ("-", "-")
    assert values[("E.81", f"T{row}")] == 980 + 1045
    assert values[("Tabel 3.2", f"S{_row_of(values, 'Tabel 3.2', 'C', name)}")] == "-"
    notes = [
        v for (sheet, _), v in values.items() if sheet == "E.81" and str(v).startswith("Catatan")
    ]
    assert len(notes) == 1 and "Turun" in notes[0] and "Per triwulan" in notes[0]
    # Three means of one quarter, each saying what it measures.
    labels = {v for v in values.values() if isinstance(v, str) and "RATA" in v}
    assert {
        "CAPAIAN RATA-RATA S.D. TW II TERHADAP TARGET S.D. TW II",
        "CAPAIAN KINERJA RATA-RATA TRIWULAN ITU SAJA",
        "RATA-RATA CAPAIAN KINERJA TERHADAP TARGET TAHUNAN (%)",
    } <= labels
    with zipfile.ZipFile(result.output) as package:
        chart = package.read("xl/charts/chart1.xml").decode()
    assert "Capaian Kinerja Triwulan Itu Saja" in chart
    assert "Capaian kinerja triwulan itu saja" in chart


def _predikat(capaian: float) -> str:
    """The default scale of Tabel 3.1 (Pengaturan's bounds), on the value as shown."""
    shown = round(capaian * 100, 2)
    for bound, label in ((91, "Sangat Tinggi"), (76, "Tinggi"), (66, "Sedang"), (51, "Rendah")):
        if shown >= bound:
            return label
    return "Sangat Rendah"


def test_each_sasaran_has_its_predikat(monitoring: dict) -> None:
    """Issue 22: capaian and predikat per IKU and per sasaran."""
    _, values = monitoring[3]
    sheet = "Tabel 3.2"
    header = {v: c.rstrip("0123456789") for (s, c), v in values.items() if s == sheet}
    capaian_col, predikat_col = header["CAPAIAN SASARAN"], header["PREDIKAT SASARAN"]
    pairs = [
        (value, values.get((sheet, f"{predikat_col}{cell[len(capaian_col) :]}")))
        for (s, cell), value in values.items()
        if s == sheet and cell.rstrip("0123456789") == capaian_col and isinstance(value, float)
    ]
    assert len(pairs) == 4
    assert all(predikat == _predikat(capaian) for capaian, predikat in pairs), pairs


def test_e81_gives_a_program_its_code(example: Path, tmp_path: Path) -> None:
    """Column (3) KODE: the urusan.bidang.program part of its sub kegiatan's codes."""
    sheet = openpyxl.load_workbook(example / "anggaran.xlsx")[REALISASI_ANGGARAN.name]
    name = "PROGRAM PENGELOLAAN APLIKASI INFORMATIKA"
    (row,) = [c.row for c in sheet["B"] if str(c.value).strip() == name]
    set_cells(example / "anggaran.xlsx", REALISASI_ANGGARAN.name, {f"A{row}": "2.16.03.2.01.01"})
    result = api.compile_folder(example, tmp_path / "tw4.xlsx", triwulan=4)
    values = cached_values(result.output)
    at = _row_of(values, "E.81", "D", name)
    assert values[("E.81", f"C{at}")] == "2.16.03"
    other = _row_of(values, "E.81", "D", "PROGRAM PENYELENGGARAAN STATISTIK SEKTORAL")
    assert values.get(("E.81", f"C{other}")) in (None, "")
