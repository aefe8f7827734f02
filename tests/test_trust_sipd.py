"""impor-anggaran counts nothing twice and reads what Excel makes of an export (issue 18)."""

from __future__ import annotations

import codecs
import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from tests.helpers import run_cli
from tests.sipd_files import (
    example_flat_rows,
    lra_rows,
    recap_rows,
    rupiah_text,
    write_csv,
    write_xlsx,
)
from xlkip import api
from xlkip.sipd.codes import classify
from xlkip.sipd.importer import import_files
from xlkip.text import angka

GOLDEN_ANGGARAN, GOLDEN_REALISASI = 9_475_869_588, 8_664_222_212


def lines_starting(lines: list[tuple], text: str) -> list[tuple]:
    """Rows of a sheet whose first cell begins with `text`, trailing blanks cut."""
    found = [r for r in lines if isinstance(r[0], str) and r[0].startswith(text)]
    return [tuple(v for v in r if v is not None) for r in found]


def _unicode_text(rows: list[list]) -> str:
    """What Excel's "Unicode Text" save writes: tab-separated lines ending in CR LF."""
    return "".join("\t".join("" if v is None else str(v) for v in row) + "\r\n" for row in rows)


# -- encodings ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "encode"),
    [
        ("unicode.txt", lambda text: text.encode("utf-16")),  # Excel: BOM, little-endian
        ("unicode-be.csv", lambda text: codecs.BOM_UTF16_BE + text.encode("utf-16-be")),
        ("tanpa-bom.txt", lambda text: text.encode("utf-16-le")),
        ("utf8-bom.csv", lambda text: codecs.BOM_UTF8 + text.encode("utf-8")),
    ],
)
def test_utf16_and_bom_exports_are_read(tmp_path: Path, name: str, encode) -> None:
    path = tmp_path / name
    path.write_bytes(encode(_unicode_text(example_flat_rows())))
    result = import_files([path])
    assert result.findings == []
    assert (result.reconciliation.anggaran, result.reconciliation.realisasi) == (
        GOLDEN_ANGGARAN * 100,
        GOLDEN_REALISASI * 100,
    )
    assert len(result.rows) == 31


def test_a_cut_utf16_file_is_said_to_be_an_encoding_problem(tmp_path: Path) -> None:
    path = tmp_path / "terpotong.txt"
    path.write_bytes(_unicode_text(example_flat_rows()[:5]).encode("utf-16")[:-1])
    result = import_files([path])
    assert [(f.tingkat.value, f.kode, f.file, f.pesan) for f in result.findings] == [
        (
            "error",
            "sipd_pengodean_rusak",
            "terpotong.txt",
            "Berkas teks ini tidak dapat dibaca sebagai UTF-16: pengodean hurufnya (encoding) "
            "rusak atau terpotong. Buka berkasnya di Excel lalu simpan sebagai 'CSV UTF-8 "
            "(Comma delimited)' atau sebagai Excel (.xlsx), atau unduh ulang dari SIPD.",
        )
    ]


# -- the same export twice ----------------------------------------------------------------


def _text_amounts(rows: list[list]) -> list[list]:
    """The export as a csv keeps it: amounts as Indonesian text."""
    return [rows[0], *([*r[:16], rupiah_text(r[16]), rupiah_text(r[17])] for r in rows[1:])]


def test_the_same_export_twice_is_an_error_and_counted_once(tmp_path: Path) -> None:
    export = write_csv(tmp_path / "flat.csv", example_flat_rows())
    result = import_files([export, export])
    assert [(f.tingkat.value, f.kode, f.file, f.pesan) for f in result.findings] == [
        (
            "error",
            "sipd_berkas_ganda",
            "flat.csv",
            "Berkas flat.csv disebut dua kali. Angkanya hanya dihitung sekali; sebutkan setiap "
            "unduhan satu kali saja.",
        )
    ]
    assert result.reconciliation.anggaran == GOLDEN_ANGGARAN * 100
    assert [s.file for s in result.reconciliation.sources] == ["flat.csv"]


def test_one_export_as_csv_and_as_xlsx_is_named_twice_and_not_written(tmp_path: Path) -> None:
    rows = example_flat_rows()
    csv_export = write_csv(tmp_path / "flat.csv", _text_amounts(rows))
    xlsx_export = write_xlsx(tmp_path / "flat.xlsx", {"Sheet1": rows})
    target = tmp_path / "inputs" / "anggaran.xlsx"
    result = api.import_anggaran([csv_export, xlsx_export], target)
    assert [
        (f.tingkat.value, f.kode, f.file, f.sheet, f.pesan) for f in result.report.findings
    ] == [
        (
            "error",
            "sipd_berkas_ganda",
            "flat.xlsx",
            "Sheet1",
            "flat.xlsx (sheet Sheet1) berisi baris yang sama persis dengan flat.csv: unduhan "
            "yang sama diberikan dua kali (mungkin sekali sebagai CSV dan sekali sebagai Excel). "
            "Angkanya hanya dihitung sekali; sebutkan setiap unduhan satu kali saja.",
        )
    ]
    assert result.output is None and not target.exists()
    code, output = run_cli("impor-anggaran", csv_export, xlsx_export, "-o", target)
    assert code == 1 and "sipd_berkas_ganda" in output and "tidak ditulis" in output
    assert "anggaran Rp9.475.869.588" in output
    assert not target.parent.exists() or not any(target.parent.iterdir())


def test_two_different_halves_of_one_export_still_add_up(tmp_path: Path) -> None:
    rows = example_flat_rows()
    first = write_xlsx(tmp_path / "unit1.xlsx", {"Sheet1": rows[:40]})
    second = write_csv(tmp_path / "unit2.csv", [rows[0], *rows[40:]])
    result = import_files([first, second])
    assert result.findings == []
    assert result.reconciliation.anggaran == GOLDEN_ANGGARAN * 100


# -- a row twice in one export ------------------------------------------------------------


def test_a_repeated_account_row_is_a_warning_at_both_rows_and_in_rekonsiliasi(
    tmp_path: Path,
) -> None:
    rows = example_flat_rows()
    copied = rows[5]  # row 6 of the sheet
    export = write_xlsx(tmp_path / "realisasi.xlsx", {"Sheet1": [*rows, copied]})
    target = tmp_path / "inputs" / "anggaran.xlsx"
    result = api.import_anggaran([export], target)
    anggaran, realisasi = copied[16], copied[17]
    message = (
        "Baris {} dan baris {} sama: rekening {} pada sub kegiatan {}; isian kolom lainnya dan "
        f"angkanya sama (anggaran Rp{angka(anggaran)}, realisasi Rp{angka(realisasi)}). "
        "Dihitung sekali saja. Bila di SIPD memang ada dua baris ini, gabungkan keduanya "
        "menjadi satu baris berisi jumlahnya lalu impor ulang."
    )
    sub = classify(copied[12]).text  # written as 2.16.01.1.01.02 in the export
    account = copied[14]
    assert [(f.tingkat.value, f.kode, f.file, f.sheet) for f in result.report.findings] == [
        ("peringatan", "sipd_baris_ganda", "realisasi.xlsx", "Sheet1")
    ] * 2
    assert [(f.sel, f.pesan) for f in result.report.findings] == [
        ("O6", message.format(6, 79, account, sub)),
        ("O79", message.format(79, 6, account, sub)),
    ]
    assert result.output == target  # a warning: written, the copy counted once
    assert result.reconciliation.anggaran == GOLDEN_ANGGARAN * 100
    (summary,) = result.reconciliation.sources
    assert (summary.rows_read, summary.account_rows) == (78, 77)
    sheet = openpyxl.load_workbook(target, data_only=True)["Rekonsiliasi"]
    lines = [r for r in sheet.iter_rows(values_only=True) if any(v is not None for v in r)]
    assert lines_starting(lines, "Baris ganda") == [("Baris ganda (periksa): 1",)]
    listed = (sub, "realisasi.xlsx", "Sheet1", 79, 6, account, anggaran, realisasi)
    assert (*listed, "sekali (angka sama)") in [r[:9] for r in lines]
    code, output = run_cli("impor-anggaran", export, "-o", target, "--timpa")
    assert code == 0 and "anggaran Rp9.475.869.588" in output
    assert "Baris ganda: realisasi.xlsx baris 79 sama dengan baris 6" in output


def test_a_repeated_row_with_other_amounts_is_summed_with_a_warning(tmp_path: Path) -> None:
    rows = example_flat_rows()
    again = [*rows[5][:16], 1_000, 500]
    result = import_files([write_xlsx(tmp_path / "realisasi.xlsx", {"Sheet1": [*rows, again]})])
    assert [(f.kode, f.sel) for f in result.findings] == [
        ("sipd_baris_ganda", "O6"),
        ("sipd_baris_ganda", "O79"),
    ]
    assert result.findings[0].pesan.endswith(
        "; isian kolom lainnya sama, tetapi angkanya berbeda. Keduanya dijumlahkan. Bila salah "
        "satunya salinan yang keliru, hapus baris itu lalu impor ulang."
    )
    assert result.reconciliation.anggaran == (GOLDEN_ANGGARAN + 1_000) * 100


def test_rows_told_apart_by_another_column_are_not_repeats(tmp_path: Path) -> None:
    rows = example_flat_rows(sumber_dana=True)
    other_fund = [*rows[5][:18], "DAK - DANA ALOKASI KHUSUS"]
    renumbered = [999, *rows[5][1:]]  # the same row, another number: still a repeat
    export = write_xlsx(tmp_path / "realisasi.xlsx", {"Sheet1": [*rows, other_fund, renumbered]})
    result = import_files([export])
    assert [(f.kode, f.sel) for f in result.findings] == [
        ("sipd_baris_ganda", "O6"),
        ("sipd_baris_ganda", "O80"),
    ]


# -- subtotal rows ------------------------------------------------------------------------


def test_subtotal_rows_at_the_top_in_the_middle_and_at_the_bottom_of_a_recap(
    tmp_path: Path,
) -> None:
    rows = recap_rows()
    program, kegiatan, sub_a = rows[8], rows[9], rows[10]
    grand = ["JUMLAH SELURUHNYA", None, *program[2:]]
    rows = [
        *rows[:8],
        grand,  # printed above the rows it sums
        *rows[8:14],
        [None, "SUB TOTAL", *sub_a[2:]],  # after sub kegiatan 0001's accounts
        *rows[14:17],
        ["2.16.02.2.01", "Total Kegiatan Pengelolaan Informasi", *kegiatan[2:]],
        [None, "Total Program", *program[2:]],
        *rows[17:],  # JUMLAH
    ]
    result = import_files([write_xlsx(tmp_path / "rekap.xlsx", {"Rekap": rows})])
    assert result.findings == []
    assert [(r["kode"], r["anggaran"], r["realisasi"]) for r in result.rows] == [
        ("2.16.02.2.01.0001", 8_500_000, 7_900_000),
        ("2.16.02.2.01.0002", 2_500_000, 750_000),
    ]
    rec = result.reconciliation
    assert [c.uraian for c in rec.checks if c.jenis == "anggaran"] == [
        "Baris 9 'JUMLAH SELURUHNYA'",
        "Baris 16 'SUB TOTAL'",
        "Baris 20 'Total Kegiatan Pengelolaan Informasi'",
        "Baris 21 'Total Program'",
        "Baris 22 'JUMLAH'",
    ]
    assert all(c.ok for c in rec.checks) and rec.parents_mismatched == 0


def test_a_subtotal_that_does_not_add_up_is_still_an_error_at_its_cell(tmp_path: Path) -> None:
    rows = recap_rows()
    wrong = [None, "SUB TOTAL", *rows[10][2:]]
    wrong[6] = rupiah_text(8_400_000)  # JUMLAH Anggaran of sub kegiatan 0001 is 8.500.000
    rows = [*rows[:14], wrong, *rows[14:]]
    result = import_files([write_xlsx(tmp_path / "rekap.xlsx", {"Rekap": rows})])
    assert [(f.kode, f.sel, f.pesan) for f in result.findings] == [
        (
            "sipd_jumlah_tidak_cocok",
            "G15",
            "Baris 15 'SUB TOTAL': anggaran Rp8.400.000, sedangkan jumlah sub kegiatan yang "
            "dibaca Rp8.500.000 (selisih Rp100.000). Periksa berkas dari SIPD: mungkin ada "
            "baris yang terhapus atau terketik ulang.",
        )
    ]


def test_subtotal_rows_with_filled_down_codes_are_not_accounts(tmp_path: Path) -> None:
    rows = example_flat_rows()
    with_totals: list[list] = [rows[0]]
    for index, row in enumerate(rows[1:]):
        with_totals.append(row)
        following = rows[index + 2] if index + 2 < len(rows) else None
        if following is None or following[12] != row[12]:
            same_sub = [r for r in rows[1:] if r[12] == row[12]]
            total = [*row[:15], "JUMLAH SUB KEGIATAN"]  # every code filled down
            with_totals.append([*total, sum(r[16] for r in same_sub), sum(r[17] for r in same_sub)])
    export = write_xlsx(tmp_path / "realisasi.xlsx", {"Sheet1": with_totals})
    result = import_files([export])
    assert result.findings == []
    assert (result.reconciliation.anggaran, result.reconciliation.realisasi) == (
        GOLDEN_ANGGARAN * 100,
        GOLDEN_REALISASI * 100,
    )
    checks = result.reconciliation.checks
    assert len(checks) == 2 * 31 and all(c.ok for c in checks)
    summary = result.reconciliation.sources[0]
    assert (summary.account_rows, summary.sub_kegiatan) == (77, 31)


# -- codes Excel changed ------------------------------------------------------------------

DATE_MESSAGE = (
    "Kode di sel ini sudah diubah Excel menjadi tanggal ({}); kode aslinya tidak dapat "
    "diketahui, jadi baris ini tidak diimpor. Format kolom kode sebagai Teks, lalu unduh "
    "ulang dari SIPD atau ketik ulang kodenya (mis. 2.16.02.2.01.0021)."
)


def test_a_sub_kegiatan_code_excel_made_a_date_is_an_error_at_its_cell(tmp_path: Path) -> None:
    rows = example_flat_rows()
    rows[3][12] = dt.datetime(2001, 1, 1)  # M4: KODE SUB KEGIATAN
    rows[5][6] = dt.datetime(2001, 1, 16)  # G6: KODE BIDANG URUSAN, the program code follows
    export = write_xlsx(tmp_path / "realisasi.xlsx", {"Sheet1": rows})
    target = tmp_path / "inputs" / "anggaran.xlsx"
    result = api.import_anggaran([export], target)
    found = result.report.findings
    assert [(f.tingkat.value, f.kode, f.file, f.sheet, f.sel) for f in found] == [
        ("error", "sipd_kode_tanggal", "realisasi.xlsx", "Sheet1", "M4")
    ]
    assert found[0].pesan == DATE_MESSAGE.format("1/1/2001")
    assert result.output is None and not target.exists()
    assert not [r for r in result.rows if r["kode"].endswith(".2001")]  # no invented code
    assert (
        len(result.rows) == 31
        and result.reconciliation.anggaran == (GOLDEN_ANGGARAN - rows[3][16]) * 100
    )
    assert result.reconciliation.sources[0].skipped == {
        "kode diubah Excel menjadi tanggal atau angka": (1, [4])
    }


@pytest.mark.parametrize("text", ["2001-01-01 00:00:00", "01/01/2001", "1-Jan-01", "Jan-01"])
def test_a_date_as_text_in_a_csv_code_column_is_an_error(tmp_path: Path, text: str) -> None:
    rows = example_flat_rows()
    rows[3][12] = text
    result = import_files([write_csv(tmp_path / "realisasi.csv", rows)])
    assert [(f.kode, f.file, f.sel, f.pesan) for f in result.findings] == [
        ("sipd_kode_tanggal", "realisasi.csv", "M4", DATE_MESSAGE.format(text))
    ]


def test_a_code_stored_as_a_decimal_number_is_an_error_unless_a_whole_code_follows(
    tmp_path: Path,
) -> None:
    rows = [
        ["KODE", "URAIAN", "ANGGARAN", "REALISASI"],
        [2.2, "URUSAN STATISTIK (2.20, ditulis sebagai angka)", 300, 250],
        ["2.20.02", "PROGRAM PENYELENGGARAAN STATISTIK SEKTORAL", 300, 250],
        ["2.20.02.2.01", "Penyelenggaraan Statistik Sektoral di Lingkup Daerah", 300, 250],
        ["2.20.02.2.01.0001", "Penyelenggaraan Statistik Sektoral", 300, 250],
    ]
    result = import_files([write_xlsx(tmp_path / "rekap.xlsx", {"Rekap": rows})])
    assert [(f.kode, f.sel, f.pesan) for f in result.findings] == [
        (
            "sipd_kode_angka",
            "A2",
            "Kode di sel ini tersimpan sebagai angka (2.2), bukan teks: Excel membuang angka nol "
            "di belakang (2.20 menjadi 2.2), jadi kodenya tidak dapat dipastikan dan baris ini "
            "tidak diimpor. Format kolom kode sebagai Teks, lalu unduh ulang dari SIPD atau "
            "ketik ulang kodenya.",
        )
    ]
    flat = example_flat_rows()
    for row in flat[1:]:
        row[6] = float(row[6])  # KODE BIDANG URUSAN 2.16 as a number: the program code follows
    flat[1][6] = 2.2  # and one that lost its zero
    result = import_files([write_xlsx(tmp_path / "realisasi.xlsx", {"Sheet1": flat})])
    assert result.findings == []
    assert result.reconciliation.anggaran == GOLDEN_ANGGARAN * 100


def test_an_lra_line_named_jumlah_stays_an_lra_line(tmp_path: Path) -> None:
    lra = lra_rows()
    lra[3][2] = "JUMLAH BELANJA DAERAH"  # the belanja line of account 5
    recap = write_xlsx(tmp_path / "rekap.xlsx", {"Rekap": recap_rows()})
    result = import_files([recap, write_xlsx(tmp_path / "lra.xlsx", {"LRA": lra})])
    assert result.findings == []
    assert "Baris 4: LRA rekening 5 JUMLAH BELANJA DAERAH" in [
        c.uraian for c in result.reconciliation.checks
    ]


def test_part_of_an_export_given_again_is_an_error(tmp_path: Path) -> None:
    rows = example_flat_rows()
    whole = write_xlsx(tmp_path / "realisasi.xlsx", {"Sheet1": rows})
    new = [*rows[60][:16], 1_000, 900]  # a row the whole export does not have
    part = write_csv(tmp_path / "unit1.csv", [*rows[:40], new])  # 39 rows of it again
    result = import_files([whole, part])
    assert [(f.tingkat.value, f.kode, f.file, f.pesan) for f in result.findings] == [
        (
            "error",
            "sipd_berkas_ganda",
            "unit1.csv",
            "39 dari 40 baris unit1.csv sama persis (sub kegiatan, rekening dan angkanya) "
            "dengan baris di realisasi.xlsx (sheet Sheet1): sebagian unduhan yang sama "
            "diberikan dua kali, sehingga angkanya terhitung dua kali. Sebutkan setiap "
            "unduhan satu kali saja, atau hapus baris yang sama dari salah satunya.",
        )
    ]


def test_two_files_of_one_name_are_told_apart_by_their_folder(tmp_path: Path) -> None:
    rows = example_flat_rows()
    (tmp_path / "juni").mkdir()
    (tmp_path / "desember").mkdir()
    first = write_csv(tmp_path / "juni" / "flat.csv", rows)
    again = write_csv(tmp_path / "desember" / "flat.csv", rows)
    (finding,) = import_files([first, again]).findings
    assert finding.pesan.startswith(
        "desember/flat.csv berisi baris yang sama persis dengan juni/flat.csv: "
    )


def test_a_row_repeated_in_the_other_code_form_is_a_repeat(tmp_path: Path) -> None:
    rows = example_flat_rows()
    again = list(rows[5])
    again[12] = classify(again[12]).text  # 2.16.01.1.01.02 written as 2.16.01.1.01.0002
    assert again[12] != rows[5][12]
    result = import_files([write_xlsx(tmp_path / "realisasi.xlsx", {"Sheet1": [*rows, again]})])
    assert [(f.kode, f.sel) for f in result.findings] == [
        ("sipd_baris_ganda", "O6"),
        ("sipd_baris_ganda", "O79"),
    ]
    assert result.reconciliation.anggaran == GOLDEN_ANGGARAN * 100
