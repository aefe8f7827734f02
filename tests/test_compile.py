"""xlkip compile: the workbook's figures, formulas, layout and all-or-nothing writing."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import openpyxl
import pytest

from tests.helpers import edit, run_cli, set_cells
from tests.output_helpers import cached_values, formula_cells
from xlkip import api

SHEETS = [
    "Ringkasan",
    *(f"Tabel 1.{n}" for n in range(1, 6)),
    *(f"Tabel 2.{n}" for n in range(1, 5)),
    *(f"Tabel 3.{n}" for n in range(1, 19)),  # the seed's 3.1–3.17, then the efficiency
    "Temuan Validasi",
]


@pytest.fixture(scope="module")
def compiled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("compile")
    api.init_templates(folder / "inputs", with_example=True)
    result = api.compile_folder(folder / "inputs", out_dir=folder / "output")
    assert result.output is not None
    return result.output


def _rows(path: Path, sheet: str) -> list[tuple]:
    ws = openpyxl.load_workbook(path, data_only=True)[sheet]
    return [tuple(c.value for c in row) for row in ws.iter_rows()]


def _row(path: Path, sheet: str, label: str) -> tuple:
    """The row labelled `label` in its first or second column."""
    return next(r for r in _rows(path, sheet) if label in r[:2])


def test_name_and_sheets(compiled: Path) -> None:
    assert compiled.name == "LKjIP_Dinas_Komunikasi_dan_Informatika_Kota_Binjai_2024.xlsx"
    assert openpyxl.load_workbook(compiled).sheetnames == SHEETS


def test_golden_budget_figures(compiled: Path) -> None:
    total = _row(compiled, "Tabel 3.16", "TOTAL")
    assert total[2:6] == (9475869588, 8664222212, pytest.approx(0.9143458689), 811647376)
    persen = [r[4] for r in _rows(compiled, "Tabel 3.16") if isinstance(r[0], int)]
    assert [round(p, 4) for p in persen] == [0.9204, 0.9174, 0.9788, 0.2537, 0.4086]
    jumlah = _row(compiled, "Tabel 3.17", "JUMLAH")
    assert jumlah[2:6] == (9475869588, 8664222212, pytest.approx(0.9143458689), 811647376)


def test_golden_complaints_information_media(compiled: Path) -> None:
    total_3_12 = _row(compiled, "Tabel 3.12", "TOTAL LAPORAN")
    assert total_3_12[2:5] == (115, 95, 20) and total_3_12[6:9] == (62, 60, 2)
    assert _row(compiled, "Tabel 3.11", "TOTAL LAPORAN")[2:5] == (62, 60, 2)
    assert _row(compiled, "Tabel 3.10", "JUMLAH")[2:4] == (3543, 4225)
    assert _row(compiled, "Tabel 3.9", "JUMLAH MEDIA")[2] == 27
    assert _row(compiled, "Tabel 3.6", "JUMLAH")[3] == 8


def test_golden_spbe(compiled: Path) -> None:
    total = _row(compiled, "Tabel 3.5", "NILAI INDEKS SPBE")
    assert total[3:5] == (pytest.approx(2.975), pytest.approx(3.1196))
    assert _row(compiled, "Tabel 3.5", "PREDIKAT")[3:5] == ("Baik", "Baik")
    domain_3 = _row(compiled, "Tabel 3.5", "Domain 3 - Manajemen SPBE")
    assert round(domain_3[4], 2) == 1.73
    assert _row(compiled, "Tabel 3.3", "JUMLAH")[2] == pytest.approx(1.0)
    binjai = _row(compiled, "Tabel 3.15", "Pemerintah Kota Binjai")
    assert binjai[2:5] == (3.12, "Baik", 9)  # eight pemda score higher
    medan = _row(compiled, "Tabel 3.15", "Pemerintah Kota Medan")
    assert medan[3] == "Baik"  # printed "Sangat Baik" in the seed; 2,67 is Baik by 3.4


def test_capaian_and_predikat(compiled: Path) -> None:
    iku = {r[2]: r for r in _rows(compiled, "Tabel 3.2") if isinstance(r[2], str)}
    spbe = iku["Indeks Nilai SPBE"]
    assert spbe[7] == pytest.approx(3.12 / 2.98) and spbe[8] == "Sangat Tinggi"
    tte = iku["Persentase Jumlah OPD yang menggunakan tanda tangan elektronik"]
    assert tte[7] == pytest.approx(0.8) and tte[8] == "Tinggi"
    rata = _row(compiled, "Tabel 3.2", "CAPAIAN RATA-RATA")
    expected = (3.12 / 2.98 + 0.8 + 4225 / 1100 + 2 + 0.94 / 0.7) / 5
    assert rata[7] == pytest.approx(expected) and rata[8] == "Sangat Tinggi"
    efisiensi = _row(
        compiled, "Tabel 3.16", "Efisiensi = 1 − (realisasi anggaran ÷ capaian kinerja)"
    )
    assert efisiensi[4] == pytest.approx(1 - 0.9143458689 / expected)


def test_every_derived_cell_is_a_formula_with_its_value(compiled: Path) -> None:
    formulas = formula_cells(compiled)
    values = cached_values(compiled)
    assert len(formulas) > 300
    assert all(values[key] is not None for key in formulas)
    by_sheet = {sheet for sheet, _ in formulas}
    assert by_sheet >= {
        f"Tabel 3.{n}" for n in (1, 2, 3, 5, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17)
    } | {"Ringkasan"}


def test_tables_reference_each_other(compiled: Path) -> None:
    formulas = formula_cells(compiled)

    def refers(sheet: str, target: str) -> bool:
        return any(target in f for (s, _), f in formulas.items() if s == sheet)

    assert refers("Tabel 3.16", "'Tabel 3.17'!")
    assert refers("Tabel 3.16", "'Tabel 3.2'!")  # efisiensi
    assert refers("Tabel 3.18", "'Tabel 3.16'!") and refers("Tabel 3.18", "'Tabel 3.2'!")
    assert refers("Tabel 3.13", "'Tabel 3.2'!")
    assert refers("Tabel 3.2", "'Tabel 3.1'!")  # predikat through the printed scale
    assert refers("Tabel 3.5", "'Tabel 3.3'!") and refers("Tabel 3.5", "'Tabel 3.4'!")
    assert refers("Tabel 3.11", "'Tabel 3.12'!")
    assert refers("Ringkasan", "'Tabel 3.2'!")
    assert not refers("Ringkasan", "'Temuan Validasi'!")  # the head's page has no checker counts


def test_percentages_are_fractions_with_a_percent_format(compiled: Path) -> None:
    ws = openpyxl.load_workbook(compiled)["Tabel 3.16"]
    total = next(r for r in ws.iter_rows() if r[0].value == "TOTAL")
    assert "%" in total[4].number_format
    assert total[2].number_format == "#,##0"


# Temuan Validasi: the example's 16 findings, the narasi ones naming their LKE criterion.
MULTI_PAGE = {"Tabel 3.7", "Tabel 3.8", "Tabel 3.15", "Tabel 3.17", "Temuan Validasi"}


def test_print_ready(compiled: Path) -> None:
    workbook = openpyxl.load_workbook(compiled)
    assert workbook.properties.title.startswith("LKjIP Dinas Komunikasi dan Informatika")
    assert workbook.properties.subject == (
        "Laporan Kinerja Instansi Pemerintah: Bab I Pendahuluan, Bab II Perencanaan Kinerja, "
        "Bab III Akuntabilitas Kinerja (Tabel 1.1–3.18)"
    )
    for name in SHEETS[1:]:
        ws = workbook[name]
        assert ws.page_setup.paperSize == 9
        assert ws.page_setup.orientation == "landscape"
        assert ws.sheet_properties.pageSetUpPr.fitToPage
        assert ws.page_setup.fitToWidth in (None, 1)  # 1 is the default, left unwritten
        assert ws.page_setup.fitToHeight == 0
        assert ws.freeze_panes
        # The header repeats where the table runs onto more pages, and only there (a
        # chart's own page would otherwise carry an empty header).
        assert bool(ws.print_title_rows) == (name in MULTI_PAGE), name
        assert "Dinas Komunikasi dan Informatika Kota Binjai" in ws.oddFooter.left.text
        assert "&P" in ws.oddFooter.right.text


def test_same_inputs_same_workbook(example: Path, tmp_path: Path) -> None:
    first = api.compile_folder(example, tmp_path / "a.xlsx").output
    second = api.compile_folder(example, tmp_path / "b.xlsx").output
    assert first.read_bytes() == second.read_bytes()


def test_staff_text_is_never_a_formula(example: Path, tmp_path: Path) -> None:
    injected = '=HYPERLINK("http://contoh.invalid","klik di sini")'

    def type_as_text(workbook) -> None:
        cell = workbook["IKU"]["B7"]
        cell.value = injected
        cell.data_type = "s"  # what Excel stores when staff type '=… into a text cell

    edit(example / "kinerja.xlsx", type_as_text)
    output = api.compile_folder(example, tmp_path / "out.xlsx").output
    ws = openpyxl.load_workbook(output)["Tabel 3.2"]
    cell = next(c for row in ws.iter_rows() for c in row if c.value == injected)
    assert cell.data_type == "s"


def test_errors_stop_the_output_unless_forced(example: Path, tmp_path: Path) -> None:
    set_cells(example / "anggaran.xlsx", "Realisasi Anggaran", {"F4": "dua juta"})
    target = tmp_path / "out.xlsx"
    code, output = run_cli("compile", example, "-o", target)
    assert code == 1 and not target.exists()
    assert "Workbook tidak dibuat" in output
    code, output = run_cli("compile", example, "-o", target, "--paksa")
    assert code == 1 and target.exists()
    temuan = _rows(target, "Temuan Validasi")
    assert any(r[5] == "bukan_angka" and r[4] == "F4" for r in temuan)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_locked_output_keeps_the_earlier_file(
    example: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out.xlsx"
    api.compile_folder(example, target)
    before = _digest(target)

    def locked(*_args, **_kwargs):
        raise PermissionError(13, "Permission denied")  # what Windows says while Excel has it

    monkeypatch.setattr(os, "replace", locked)
    code, output = run_cli("compile", example, "-o", target)
    assert code == 2
    assert "sedang dibuka di Excel" in output
    assert _digest(target) == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".xlkip-")]


def test_unwritable_output_path(example: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "bukan-folder"
    blocker.write_text("x")
    code, output = run_cli("compile", example, "-o", blocker / "out.xlsx")
    assert code == 2 and "Tidak dapat menulis" in output


def test_compile_prefers_an_inputs_folder(
    example: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(example.parent)
    code, output = run_cli("compile")
    assert code == 0 and "contoh bawaan" not in output
    assert (example.parent / "output").is_dir()


def test_capaian_cap_and_arah_turun(example: Path, tmp_path: Path) -> None:
    set_cells(example / "identitas.xlsx", "Pengaturan", {"B9": "120%"})
    set_cells(example / "kinerja.xlsx", "IKU", {"D7": "Turun"})  # statistik: 15% → 30%
    output = api.compile_folder(example, tmp_path / "out.xlsx").output
    iku = {r[2]: r for r in _rows(output, "Tabel 3.2") if isinstance(r[2], str)}
    assert iku["Jumlah Informasi Publik yang dipublikasikan"][7] == pytest.approx(1.2)
    statistik = iku["Persentase data statistik sektoral yang tersusun"]
    assert (
        statistik[7] == pytest.approx((2 * 0.15 - 0.30) / 0.15) and statistik[8] == "Sangat Rendah"
    )
    assert _row(output, "Tabel 3.1", "Capaian dibatasi paling tinggi")[2] == pytest.approx(1.2)


def test_the_scale_cites_the_regulation_or_the_office_that_moved_it(
    example: Path, tmp_path: Path
) -> None:
    """Tabel 3.1's source is a document, never an input file: the regulation while the
    bounds are its own, the office once its Pengaturan moves one."""

    def source(output: Path) -> str:
        return next(r[0] for r in _rows(output, "Tabel 3.1") if str(r[0]).startswith("Sumber"))

    as_given = api.compile_folder(example, tmp_path / "a.xlsx").output
    assert source(as_given) == "Sumber : PermenPANRB Nomor 53 Tahun 2014"
    set_cells(example / "identitas.xlsx", "Pengaturan", {"B5": "90%"})
    moved = api.compile_folder(example, tmp_path / "b.xlsx").output
    assert source(moved) == (
        "Sumber : Dinas Komunikasi dan Informatika Kota Binjai, "
        "batas disesuaikan dari PermenPANRB Nomor 53 Tahun 2014"
    )
