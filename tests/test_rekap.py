"""`xlkip rekap`: offices in a pool, the pemda workbook, broken offices, exit codes."""

from __future__ import annotations

import math
from pathlib import Path

import openpyxl
import pytest

from tests.helpers import run_cli
from tests.output_helpers import (
    add_canary,
    cached_values,
    formula_cells,
    recalculation_mismatches,
    require_libreoffice,
)
from tests.rekap_helpers import budget, iku, write_office
from xlkip import api
from xlkip.findings import Tingkat
from xlkip.rekap.offices import find_offices
from xlkip.rekap.summary import Status
from xlkip.rekap.workbook import IKU, REKAP, TEMUAN, build_rekap
from xlkip.render.xlsx import render


@pytest.fixture(scope="module")
def pemda(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Three small offices, one with the example's SPBE module, one unreadable, one with
    an error, all in one folder of a pemda."""
    root = tmp_path_factory.mktemp("pemda") / "opd"
    write_office(
        root / "01_dinas_a",
        "Dinas A",
        [iku("A1", 100, 95), iku("A2", 10, 12, arah="Turun")],
        [budget(1, 1_000_000, 900_000), budget(2, "500.000", "Rp 500.000")],
    )
    write_office(
        root / "02_dinas_b",
        "Dinas B",
        [iku("B1", "50", "60")],
        [budget(1, 2_000_000, 1_000_000)],
        modules=("spbe",),
    )
    write_office(root / "03_badan_c", "Badan C", [iku("C1", 4, 2)], [budget(1, 300_000, "-")])
    write_office(root / "04_dinas_rusak", "Dinas Rusak", [iku("D1", 1, 1)], [budget(1, 1, 1)])
    (root / "04_dinas_rusak" / "anggaran.xlsx").write_bytes(b"bukan excel")
    write_office(root / "05_dinas_error", "Dinas Error", [iku("E1", 1, 1)], [budget(1, "abc", 1)])
    (root / "bukan_opd").mkdir()
    (root / "bukan_opd" / "catatan.txt").write_text("bukan template")
    return root


def test_offices_are_the_subfolders_that_hold_templates(pemda: Path) -> None:
    assert [p.name for p in find_offices([pemda])] == [
        "01_dinas_a",
        "02_dinas_b",
        "03_badan_c",
        "04_dinas_rusak",
        "05_dinas_error",
    ]
    office = pemda / "01_dinas_a"
    assert find_offices([office, pemda / "01_dinas_a"]) == [office]
    assert find_offices([pemda / "tidak_ada"]) == [pemda / "tidak_ada"]


def test_an_office_whose_every_workbook_is_damaged_still_has_its_row(
    pemda: Path, tmp_path: Path
) -> None:
    import shutil

    shutil.copytree(pemda / "01_dinas_a", tmp_path / "opd" / "01_dinas_a")
    damaged = tmp_path / "opd" / "02_dinas_rusak_semua"
    damaged.mkdir()
    (damaged / "kinerja.xlsx").write_bytes(b"bukan excel")
    (damaged / "~$kinerja.xlsx").write_bytes(b"kunci Excel")
    (tmp_path / "opd" / "03_catatan").mkdir()
    (tmp_path / "opd" / "03_catatan" / "catatan.txt").write_text("bukan OPD")
    assert [p.name for p in find_offices([tmp_path / "opd"])] == [
        "01_dinas_a",
        "02_dinas_rusak_semua",
    ]
    result = api.rekap([tmp_path / "opd"], tmp_path / "r.xlsx", jobs=1)
    broken = result.offices[1]
    assert broken.status is Status.UNREADABLE and not result.valid
    assert "kinerja.xlsx" in broken.alasan


@pytest.fixture(scope="module")
def rekap(pemda: Path, tmp_path_factory: pytest.TempPathFactory) -> api.RekapResult:
    out = tmp_path_factory.mktemp("rekap")
    return api.rekap([pemda], out / "Rekap.xlsx", jobs=2, per_office=True)


def _row(values: dict, sheet: str, row: int) -> list:
    """A Rekap OPD row without its column F, LKE (tested on its own)."""
    letters = "ABCDEGHIJKLMNOP"
    return [values.get((sheet, f"{c}{row}")) for c in letters]


def test_each_office_shows_its_lke_count_beside_its_capaian(
    pemda: Path, rekap: api.RekapResult
) -> None:
    """Every office that was read shows how many LKE criteria it meets, as its own check
    says ("2/12"); an office that could not be read shows "-"."""
    sheet = openpyxl.load_workbook(rekap.output)[REKAP]
    assert (sheet["E3"].value, sheet["F3"].value) == ("PREDIKAT", "LKE")
    for row, folder in (
        (4, "01_dinas_a"),
        (5, "02_dinas_b"),
        (6, "03_badan_c"),
        (8, "05_dinas_error"),
    ):
        lke = api.check(pemda / folder).lke
        cell = sheet[f"F{row}"]
        assert cell.value == lke.terpenuhi, folder
        assert cell.number_format == f'0"/{lke.diperiksa}"'
    assert sheet["F7"].value == "-"  # 04_dinas_rusak: not read
    assert [o.lke is None for o in rekap.offices] == [False, False, False, True, False]


def test_rekap_figures_are_computed_exactly(rekap: api.RekapResult) -> None:
    values = cached_values(rekap.output)
    a, b, c = (_row(values, REKAP, r) for r in (4, 5, 6))
    # Dinas A: capaian 95/100 and (2·10 − 12)/10 (arah Turun)
    assert a[1:7] == ["Dinas A", "01_dinas_a", pytest.approx((0.95 + 0.8) / 2), "Tinggi", 0, 2]
    assert a[7:10] == [1_500_000, 1_400_000, pytest.approx(1.4 / 1.5)]
    assert a[10] == pytest.approx(1 - (1.4 / 1.5) / 0.875)
    assert b[1:7] == ["Dinas B", "02_dinas_b", pytest.approx(1.2), "Sangat Tinggi", 1, 1]
    assert b[7:10] == [2_000_000, 1_000_000, pytest.approx(0.5)]
    assert c[1:7] == ["Badan C", "03_badan_c", pytest.approx(0.5), "Sangat Rendah", 0, 1]
    assert c[7:10] == [300_000, 0, 0]  # "-" in a budget column is zero
    assert a[11:14] == [0, 0, "ok"]
    assert b[11:14] == [0, 1, "ok"]  # the example's Kab. Dairi twice in 3.15
    assert c[11:14] == [0, 0, "ok"]
    total = _row(values, REKAP, 9)
    capaian = (0.95 + 0.8 + 1.2 + 0.5) / 4  # over every IKU, not the mean of offices
    persen = 2_400_000 / 3_800_000  # Σ realisasi / Σ anggaran
    assert total[0] == "PEMERINTAH DAERAH"
    assert total[3:10] == [
        pytest.approx(capaian),
        "Tinggi",
        1,
        4,
        3_800_000,
        2_400_000,
        pytest.approx(persen),
    ]
    assert total[10] == pytest.approx(1 - persen / capaian)
    assert total[13] == 3  # offices ok


def test_broken_offices_have_rows_that_say_why(rekap: api.RekapResult) -> None:
    values = cached_values(rekap.output)
    rusak, error = _row(values, REKAP, 7), _row(values, REKAP, 8)
    assert rusak[1] == "Dinas Rusak"  # its identitas could be read
    assert rusak[13] == "tidak terbaca"
    assert "anggaran" in rusak[14] and "rusak" in rusak[14]
    assert rusak[2] == "04_dinas_rusak"
    assert rusak[3:11] == ["-"] * 8
    assert error[1] == "Dinas Error" and error[13] == "error"
    assert error[11] == 1 and "bukan angka" in error[14]
    statuses = {Path(o.folder).name: o.status for o in rekap.offices}
    assert statuses["04_dinas_rusak"] is Status.UNREADABLE
    assert statuses["05_dinas_error"] is Status.ERRORS
    assert not rekap.valid
    findings = [
        (values[(TEMUAN, f"B{r}")], values[(TEMUAN, f"C{r}")], values[(TEMUAN, f"D{r}")])
        for r in range(4, 40)
        if values.get((TEMUAN, f"C{r}")) == "error"
    ]
    assert ("Dinas Error", "error", "bukan_angka") in findings
    assert ("Dinas Rusak", "error", "berkas_rusak") in findings


def test_iku_sheet_lists_every_office_indicator(rekap: api.RekapResult) -> None:
    values = cached_values(rekap.output)
    rows = [[values.get((IKU, f"{c}{r}")) for c in "BDFGHIJ"] for r in range(4, 8)]
    assert rows == [
        ["Dinas A", "A1", "Naik", 100, 95, pytest.approx(0.95), "Sangat Tinggi"],
        ["Dinas A", "A2", "Turun", 10, 12, pytest.approx(0.8), "Tinggi"],
        ["Dinas B", "B1", "Naik", 50, 60, pytest.approx(1.2), "Sangat Tinggi"],
        ["Badan C", "C1", "Naik", 4, 2, pytest.approx(0.5), "Sangat Rendah"],
    ]
    formulas = formula_cells(rekap.output)
    assert (
        formulas[(REKAP, "D4")] == "=IF((COUNT('IKU OPD'!I4:I5)=0),\"-\",AVERAGE('IKU OPD'!I4:I5))"
    )
    assert formulas[(REKAP, "K9")].startswith("=IF(AND(ISNUMBER(J9),ISNUMBER(I9)")


def _ringkasan(values: dict, column: str = "B") -> dict[str, object]:
    """The Ringkasan's headline figures by their label in column A."""
    return {
        values[key]: values.get(("Ringkasan", f"{column}{key[1][1:]}"))
        for key in values
        if key[0] == "Ringkasan" and key[1].startswith("A") and isinstance(values[key], str)
    }


def test_each_office_is_what_compile_alone_gives(
    pemda: Path, rekap: api.RekapResult, tmp_path: Path
) -> None:
    rekap_values = cached_values(rekap.output)
    written = [o for o in rekap.offices if o.output]
    assert [Path(o.folder).name for o in written] == ["01_dinas_a", "02_dinas_b", "03_badan_c"]
    for row, office in enumerate(written, start=4):
        alone = api.compile_folder(Path(office.folder), out_dir=tmp_path / Path(office.folder).name)
        assert alone.output is not None
        assert Path(office.output).name == alone.output.name
        assert Path(office.output).read_bytes() == alone.output.read_bytes()
        shown = _ringkasan(cached_values(alone.output))
        figures = office.figures
        assert math.isclose(figures.capaian_rata, shown["Capaian kinerja rata-rata"], rel_tol=1e-12)
        assert figures.anggaran == shown["Anggaran (Rp)"]
        assert figures.realisasi == shown["Realisasi (Rp)"]
        assert rekap_values[(REKAP, f"D{row}")] == pytest.approx(figures.capaian_rata, rel=1e-12)
        assert rekap_values[(REKAP, f"I{row}")] == shown["Anggaran (Rp)"]
        assert rekap_values[(REKAP, f"K{row}")] == pytest.approx(
            shown["Realisasi anggaran"], rel=1e-12
        )
        assert figures.persen_realisasi == pytest.approx(shown["Realisasi anggaran"], rel=1e-12)
        assert figures.efisiensi == pytest.approx(shown["Efisiensi anggaran"], rel=1e-12)
        predikat = _ringkasan(cached_values(alone.output), "C")["Capaian kinerja rata-rata"]
        assert figures.predikat == predikat
        spbe = [v for k, v in shown.items() if str(k).startswith("Indeks SPBE")]
        assert figures.indeks_digital == (spbe[0] if spbe else None)


def test_summaries_do_not_depend_on_the_pool(pemda: Path, rekap: api.RekapResult) -> None:
    alone = [api.compile_office(Path(o.folder)) for o in rekap.offices]
    assert [(o.status, o.figures, o.findings) for o in alone] == [
        (o.status, o.figures, o.findings) for o in rekap.offices
    ]


def test_cli_rekap_exit_codes_and_lines(pemda: Path, tmp_path: Path) -> None:
    code, output = run_cli(
        "rekap", pemda / "01_dinas_a", pemda / "02_dinas_b", "-o", tmp_path / "r.xlsx", "-j", "1"
    )
    assert code == 0, output
    assert "[1/2] ok Dinas A (0 error, 0 peringatan, kriteria LKE 2 dari 12)" in output
    assert "2 OPD direkap: 2 ok, 0 tidak." in output
    assert (tmp_path / "r.xlsx").exists()
    assert not list(tmp_path.glob("LKjIP_*"))  # only with --tulis-per-opd
    code, output = run_cli("rekap", pemda, "-o", tmp_path / "semua.xlsx", "--jobs", "2")
    assert code == 1
    assert "5 OPD direkap: 3 ok, 2 tidak." in output
    code, output = run_cli("rekap", pemda / "tidak_ada", "-o", tmp_path / "x.xlsx")
    assert code == 2  # a folder that is not there is a usage error, and nothing is written
    assert "tidak_ada" in output and "tidak ditemukan" in output
    assert not (tmp_path / "x.xlsx").exists()


def test_an_office_of_another_pemda_is_told_in_its_row_and_the_summary(
    pemda: Path, tmp_path: Path
) -> None:
    stranger = write_office(
        tmp_path / "dinas_luar",
        "Dinas Luar",
        [iku("L1", 1, 1)],
        [budget(1, 10, 5)],
        pemda="Pemerintah Kabupaten Langkat",
    )
    offices = [pemda / "01_dinas_a", pemda / "03_badan_c", stranger]
    code, output = run_cli("rekap", *offices, "-o", tmp_path / "r.xlsx", "-j", "1")
    assert code == 0, output
    assert (
        "[3/3] ok Dinas Luar (0 error, 0 peringatan, kriteria LKE" in output
    )  # before the others are known
    line = next(line for line in output.splitlines() if "Dinas Luar:" in line)
    assert line == (
        "  • peringatan Dinas Luar: Pemerintah daerah OPD ini 'Pemerintah Kabupaten Langkat', "
        "sedangkan rekap 'Pemerintah Kota Binjai'. Tidak dijumlahkan dalam total pemerintah "
        "daerah. Periksa isian Pemerintah Daerah di template identitas."
    )
    values = cached_values(tmp_path / "r.xlsx")
    assert values[(REKAP, "A6")] == "PEMERINTAH DAERAH"  # Dinas Luar is listed under it
    assert [values[(REKAP, f"N{row}")] for row in (4, 5, 9)] == [0, 0, 1]


def test_default_name_is_rekap_pemda_tahun(pemda: Path, tmp_path: Path) -> None:
    result = api.rekap([pemda / "01_dinas_a"], jobs=1, out_dir=tmp_path)
    assert result.output == tmp_path / "Rekap_Kota_Binjai_2024.xlsx"


def test_same_office_names_do_not_overwrite(pemda: Path, tmp_path: Path) -> None:
    office = pemda / "01_dinas_a"
    copy = tmp_path / "salinan"
    import shutil

    shutil.copytree(office, copy)
    result = api.rekap([office, copy], tmp_path / "out" / "r.xlsx", jobs=2, per_office=True)
    names = sorted(p.name for p in (tmp_path / "out").glob("LKjIP_*"))
    assert names == ["LKjIP_Dinas_A_Kota_Binjai_2024.xlsx", "LKjIP_Dinas_A_Kota_Binjai_2024_2.xlsx"]
    assert not list((tmp_path / "out").glob(".xlkip-*"))
    assert result.valid


def test_libreoffice_agrees_with_the_rekap(rekap: api.RekapResult, tmp_path: Path) -> None:
    require_libreoffice()
    model = build_rekap(rekap.offices)
    add_canary(model)
    path = render(model, tmp_path / "rekap.xlsx")
    count, problems = recalculation_mismatches(path, tmp_path / "lo")
    assert problems == ["('Canary', 'A1') =1+1: stored 3, LibreOffice 2"]
    assert count > 40


def test_counts_of_findings_match_the_offices(rekap: api.RekapResult) -> None:
    values = cached_values(rekap.output)
    for row, office in enumerate(rekap.offices, start=4):
        assert values[(REKAP, f"M{row}")] == office.count(Tingkat.ERROR)
        assert values[(REKAP, f"N{row}")] == office.count(Tingkat.PERINGATAN)
