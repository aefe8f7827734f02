"""Tabel 1.1–1.5 and 2.1–2.4 in the compiled workbook: the seed's figures, formulas for
every total, counts only (no person-level value), and tables left out without inputs."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
import pytest

from tests.helpers import set_cells
from tests.output_helpers import formula_cells
from xlkip import api
from xlkip.measure import wrapped_lines
from xlkip.render.layout import _lines

S, K, A = "sdm.xlsx", "kinerja.xlsx", "anggaran.xlsx"


@pytest.fixture(scope="module")
def compiled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("bab") / "inputs"
    api.init_templates(folder, with_example=True)
    result = api.compile_folder(folder, folder.parent / "lkjip.xlsx")
    assert result.output is not None
    return result.output


def _rows(path: Path, sheet: str) -> list[tuple]:
    ws = openpyxl.load_workbook(path, data_only=True)[sheet]
    return [tuple(c.value for c in row) for row in ws.iter_rows() if any(c.value for c in row)]


def _table(path: Path, sheet: str) -> dict:
    """First column -> the rest of its row, for the rows under the header."""
    return {r[0]: r[1:] for r in _rows(path, sheet)[2:] if r[0] is not None}


def test_tabel_1_1_by_golongan(compiled: Path) -> None:
    rows = _table(compiled, "Tabel 1.1")
    counts = {k: v[0] for k, v in rows.items() if "/" in str(k) and "Sumber" not in str(k)}
    assert counts == {
        "IV/a": 1, "IV/b": 3, "IV/c": 0, "IV/d": 0, "IV/e": 0,
        "III/a": 0, "III/b": 2, "III/c": 4, "III/d": 8,
        "II/a": 0, "II/b": 0, "II/c": 1, "II/d": 0,
        "I/a": 0, "I/b": 0, "I/c": 0, "I/d": 0,
    }  # fmt: skip
    subtotals = [rows[f"Total Golongan {g}"][0] for g in ("IV", "III", "II", "I")]
    assert subtotals == [4, 14, 1, 0] and rows["Jumlah"][0] == 19
    formulas = formula_cells(compiled)
    assert formulas[("Tabel 1.1", "B9")] == "=SUM(B4:B8)"
    assert formulas[("Tabel 1.1", "B25")] == "=SUM(B9,B14,B19,B24)"


def test_tabel_1_2_to_1_5(compiled: Path) -> None:
    assert _table(compiled, "Tabel 1.2") | {} == {
        "Staff Administrasi": (14,), "Tenaga Liputan": (22,), "Tenaga Operator BCC": (12,),
        "Tenaga Programmer": (8,), "Total": (56,),
        "Sumber : Sub Bagian Umum dan Kepegawaian Dinas Komunikasi dan Informatika Kota "
        "Binjai": (None,),
    }  # fmt: skip
    jenis_kelamin = _table(compiled, "Tabel 1.3")
    assert jenis_kelamin["Laki-laki"] == (9, 25, 34) and jenis_kelamin["Perempuan"] == (10, 31, 41)
    assert jenis_kelamin["Total"] == (19, 56, 75)
    pendidikan = _table(compiled, "Tabel 1.4")
    assert [k for k in pendidikan if not k.startswith("Sumber")] == [
        "SMA/SMK", "D3", "S1/D4", "S2", "Total"
    ]  # fmt: skip
    assert pendidikan["S1/D4"] == (12, 33, 45) and pendidikan["Total"] == (19, 56, 75)
    jabatan = _table(compiled, "Tabel 1.5")
    assert jabatan["Jabatan Pelaksana"] == (7,)  # 8 printed: see the example's data note
    assert jabatan["Total"] == (75,)
    formulas = formula_cells(compiled)
    assert formulas[("Tabel 1.3", "D5")] == "=SUM(B5:C5)"
    assert formulas[("Tabel 1.3", "D7")] == "=SUM(D5:D6)"


def test_tabel_2_1_to_2_3(compiled: Path) -> None:
    sasaran = _rows(compiled, "Tabel 2.1")
    assert sasaran[1][-1] == "TARGET 2024"
    assert sasaran[2][:2] == (1, "Peningkatan Tata Kelola pemerintahan berbasis Elektronik")
    assert [r[4] for r in sasaran[2:7]] == [2.98, 0.15, 0.70, 0.45, 0.70]  # as 2.1 prints
    iku = _rows(compiled, "Tabel 2.2")
    assert iku[2] == ("1", "2", "3", "4", "5", "6")
    assert iku[4][3:] == (
        "DISKOMINFO",
        "RENSTRA",
        "Jumlah OPD yang menggunakan tanda tangan elektronik dibagi jumlah OPD dikali 100%",
    )
    pk = _rows(compiled, "Tabel 2.3")
    assert [r[3] for r in pk[2:7]] == [2.98, 0.15, 1100, 0.15, 0.70]  # as 2.3 prints


def test_tabel_2_4_against_3_16(compiled: Path) -> None:
    rows = _rows(compiled, "Tabel 2.4")
    assert rows[1] == (
        "NO", "PROGRAM", "ANGGARAN MURNI (Rp)", "KET", "SETELAH PERUBAHAN (Tabel 3.16)",
        "PERUBAHAN (Rp)",
    )  # fmt: skip
    programs = rows[2:7]
    assert [r[2] for r in programs] == [4620028407, 2227422546, 2191822276, 151320630, 217173100]
    assert [r[4] for r in programs] == [3996931540, 2526370656, 2602173662, 142970630, 207423100]
    assert [r[5] for r in programs] == [-623096867, 298948110, 410351386, -8350000, -9750000]
    assert rows[7][0] == "JUMLAH" and rows[7][2:] == (9407766959, None, 9475869588, 68102629)
    formulas = formula_cells(compiled)
    assert formulas[("Tabel 2.4", "E4")] == "='Tabel 3.16'!C5"
    assert formulas[("Tabel 2.4", "F4")] == "=(E4-C4)"
    assert formulas[("Tabel 2.4", "E9")] == "='Tabel 3.16'!C10"
    ringkasan = [r[0] for r in _rows(compiled, "Ringkasan")]
    assert (
        "Pagu anggaran naik dari Rp9.407.766.959 pada DPA murni menjadi Rp9.475.869.588 "
        "setelah perubahan anggaran, selisih Rp68.102.629 (0,72%)."
    ) in ringkasan


def test_no_name_leaves_xlkip(example: Path, tmp_path: Path) -> None:
    """Names typed into sdm appear nowhere in the workbook: no cell, no part of the zip."""
    names = {f"A{row}": f"Nama Rahasia {row}" for row in range(4, 79)}
    set_cells(example / S, "Pegawai", names)
    output = api.compile_folder(example, tmp_path / "out.xlsx").output
    with zipfile.ZipFile(output) as archive:
        text = b"".join(archive.read(n) for n in archive.namelist())
    assert b"Rahasia" not in text
    sheets = openpyxl.load_workbook(output).sheetnames
    assert not any("Pegawai" in name for name in sheets)
    assert _table(output, "Tabel 1.5")["Total"] == (75,)


def test_pppk_in_their_own_block(example: Path, tmp_path: Path) -> None:
    set_cells(example / S, "Pegawai", {"B22": "PPPK", "C22": "IX"})  # the II/c Pelaksana
    output = api.compile_folder(example, tmp_path / "out.xlsx").output
    golongan = _table(output, "Tabel 1.1")
    assert golongan["II/c"] == (0,) and golongan["PPPK IX"] == (1,)
    assert golongan["Total PPPK"] == (1,) and golongan["Jumlah"] == (19,)
    assert _table(output, "Tabel 1.3")["Total"] == (19, 56, 75)  # PPPK are ASN


def test_office_without_bab_i_and_ii_inputs(example: Path, tmp_path: Path) -> None:
    (example / S).unlink()
    blank = {f"{col}{row}": None for col in "IJKLMN" for row in range(4, 9)}
    set_cells(example / K, "IKU", blank)
    result = api.compile_folder(example, tmp_path / "out.xlsx")
    sheets = openpyxl.load_workbook(result.output).sheetnames
    assert sheets[:3] == ["Ringkasan", "Tabel 2.1", "Tabel 3.1"]
    assert _rows(result.output, "Tabel 2.1")[0][0].startswith("TABEL 2.1 ANGGARAN DAN PROGRAM")
    assert not [f for f in result.report.findings if f.kode.startswith("target_")]


def test_blank_pk_target_references_chapter_iii(example: Path, tmp_path: Path) -> None:
    set_cells(example / K, "IKU", {"K4": None})
    output = api.compile_folder(example, tmp_path / "out.xlsx").output
    assert formula_cells(output)[("Tabel 2.3", "D4")] == "='Tabel 3.2'!F4"
    assert _rows(output, "Tabel 2.3")[2][3] == 2.98


def test_programs_in_only_one_list(example: Path, tmp_path: Path) -> None:
    set_cells(example / A, "DPA Murni", {"A6": "PROGRAM BARU"})
    output = api.compile_folder(example, tmp_path / "out.xlsx").output
    rows = {r[1]: r for r in _rows(output, "Tabel 2.4")[2:] if isinstance(r[0], int)}
    assert rows["PROGRAM BARU"][2:] == (2191822276, "DAU", "-", "-")
    added = rows["PROGRAM PENGELOLAAN APLIKASI INFORMATIKA"]
    assert added[2:] == (0, None, 2602173662, 2602173662)
    jumlah = next(r for r in _rows(output, "Tabel 2.4") if r[0] == "JUMLAH")
    assert jumlah[2] == 9407766959 and jumlah[4] == 9475869588


def test_a_wrapped_title_gets_the_lines_its_words_need() -> None:
    """Cells wrap at spaces: Tabel 1.1's title in its narrow table needs 4 lines, not the
    3 its length alone suggests (the fourth was cut in the PDF)."""
    title = (
        "TABEL 1.1 KOMPOSISI SUMBER DAYA MANUSIA BERDASARKAN GOLONGAN/RUANG DINAS "
        "KOMUNIKASI DAN INFORMATIKA KOTA BINJAI TAHUN 2024"
    )
    assert wrapped_lines("aaa bbb ccc", 7) == 2 and wrapped_lines("a" * 20, 7) == 3
    assert _lines(title, 44, bold=True, size=11) == 4
    assert _lines(title.lower(), 44, bold=False, size=11) == 3
