"""impor-anggaran: SIPD downloads of every layout, read by their codes and reconciled."""

from __future__ import annotations

import tempfile
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.helpers import findings_of, run_cli, set_cells
from tests.output_helpers import cached_values, recalculation_mismatches, require_libreoffice
from tests.sipd_files import (
    ACCOUNTS,
    FLAT_HEADER,
    SKPD,
    example_flat_rows,
    example_sub_kegiatan,
    lra_rows,
    recap_rows,
    rupiah_text,
    write_csv,
    write_xlsx,
)
from xlkip import api
from xlkip.read.workbook import OLE_MAGIC
from xlkip.render.libreoffice import convert
from xlkip.sipd.importer import import_files

GOLDEN_ANGGARAN, GOLDEN_REALISASI = 9_475_869_588, 8_664_222_212


def _where(findings) -> list[tuple[str, str, str | None, str | None, str | None]]:
    return [(f.tingkat.value, f.kode, f.file, f.sheet, f.sel) for f in findings]


def _row(path: Path, sheet: str, label: str) -> tuple:
    ws = openpyxl.load_workbook(path, data_only=True)[sheet]
    return next(r for r in ws.iter_rows(values_only=True) if label in r[:2])


# -- the seed's Tabel 3.17 as a flattened per-account export, imported and compiled ------


@pytest.fixture(scope="module")
def imported_example(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, api.ImportResult]:
    work = tmp_path_factory.mktemp("sipd")
    export = write_xlsx(work / "statistik belanja.xlsx", {"Sheet1": example_flat_rows(True)})
    folder = work / "inputs"
    api.init_templates(folder, with_example=True)
    result = api.import_anggaran([export], folder / "anggaran.xlsx", overwrite=True)
    return folder, result


def test_example_export_imports_every_sub_kegiatan(imported_example) -> None:
    folder, result = imported_example
    assert result.output == folder / "anggaran.xlsx"
    assert result.report.findings == []
    subs = example_sub_kegiatan()
    assert [r["kode"] for r in result.rows] == [s["sub_code"] for s in subs]
    assert [(r["sub_kegiatan"], r["anggaran"], r["realisasi"]) for r in result.rows] == [
        (s["sub_kegiatan"], s["anggaran"], s["realisasi"]) for s in subs
    ]
    assert {r["sumber_dana"] for r in result.rows} == {"DAU"}
    (summary,) = result.reconciliation.sources
    assert (summary.rows_read, summary.account_rows, summary.sub_kegiatan) == (77, 77, 31)
    assert (result.reconciliation.anggaran, result.reconciliation.realisasi) == (
        GOLDEN_ANGGARAN * 100,
        GOLDEN_REALISASI * 100,
    )


def test_imported_template_is_read_like_any_other(imported_example) -> None:
    folder, _ = imported_example
    book = openpyxl.load_workbook(folder / "anggaran.xlsx")
    assert book.sheetnames == ["Petunjuk", "Realisasi Anggaran", "DPA Murni", "Rekonsiliasi"]
    sheet = book["Realisasi Anggaran"]
    assert [c.value for c in sheet[4]][:7] == [
        "2.16.01.1.01.0001",
        "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA",
        "Administrasi Keuangan Perangkat Daerah",
        "Penyediaan Gaji dan Tunjangan ASN",
        "DAU",
        2358277568,
        2257542046,
    ]
    example = findings_of(folder)
    assert not [f for f in example if f[1].startswith("kode_") or f[2] == "anggaran.xlsx"]


def test_imported_example_compiles_to_the_golden_figures(imported_example, tmp_path) -> None:
    folder, _ = imported_example
    compiled = api.compile_folder(folder, out_dir=tmp_path)
    assert compiled.output is not None and compiled.report.valid
    total = _row(compiled.output, "Tabel 3.16", "TOTAL")
    assert total[2:6] == (GOLDEN_ANGGARAN, GOLDEN_REALISASI, pytest.approx(0.9143458689), 811647376)
    ws = openpyxl.load_workbook(compiled.output, data_only=True)["Tabel 3.16"]
    persen = [r[4] for r in ws.iter_rows(values_only=True) if isinstance(r[0], int)]
    assert [round(p, 4) for p in persen] == [0.9204, 0.9174, 0.9788, 0.2537, 0.4086]
    assert f"{total[4]:.2%}" == "91.43%"
    jumlah = _row(compiled.output, "Tabel 3.17", "JUMLAH")
    assert jumlah[2:4] == (GOLDEN_ANGGARAN, GOLDEN_REALISASI)


def test_rekonsiliasi_sheet_lists_the_files_and_totals(imported_example) -> None:
    folder, _ = imported_example
    rows = list(
        openpyxl.load_workbook(folder / "anggaran.xlsx", data_only=True)["Rekonsiliasi"].iter_rows(
            values_only=True
        )
    )
    assert ("statistik belanja.xlsx", "Sheet1", 77, 77, 0, 31, "realisasi") in [r[:7] for r in rows]
    assert ("Anggaran", GOLDEN_ANGGARAN) in [r[:2] for r in rows]
    assert ("Realisasi", GOLDEN_REALISASI) in [r[:2] for r in rows]


# -- the other layouts --------------------------------------------------------------------


def test_csv_with_semicolons_and_indonesian_numbers(tmp_path: Path) -> None:
    rows = example_flat_rows()
    text_rows = [rows[0], *([*r[:16], rupiah_text(r[16]), rupiah_text(r[17])] for r in rows[1:])]
    export = write_csv(tmp_path / "realisasi.csv", text_rows, delimiter=";")
    result = import_files([export])
    assert result.findings == []
    assert (result.reconciliation.anggaran, result.reconciliation.realisasi) == (
        GOLDEN_ANGGARAN * 100,
        GOLDEN_REALISASI * 100,
    )
    assert len(result.rows) == 31


def test_xls_from_libreoffice(tmp_path: Path) -> None:
    require_libreoffice()  # the .xls is made by LibreOffice from an xlsx written here
    source = write_xlsx(tmp_path / "realisasi.xlsx", {"Sheet1": example_flat_rows()})
    xls = convert(source, "xls", tmp_path / "xls")
    assert xls.read_bytes()[:8] == OLE_MAGIC  # a real Excel 97–2003 file
    result = import_files([xls])
    assert result.findings == []
    assert result.reconciliation.anggaran == GOLDEN_ANGGARAN * 100
    assert len(result.rows) == 31


def test_two_realisation_columns_take_the_paid_out_one(tmp_path: Path) -> None:
    header = [*FLAT_HEADER[:17], "REALISASI RENCANA", "REALISASI RILL"]
    row = ["1", "2024", *SKPD, *SKPD, "2.16", "BIDANG", "2.16.02", "PROGRAM P", "2.16.02.2.01"]
    row += ["KEGIATAN K", "2.16.02.2.01.0021", "SUB S", "5.1.02.01.01.0024", "ATK"]
    export = write_xlsx(
        tmp_path / "realisasi.xlsx",
        {"Data": [header, [*row, 1_000_000, 900_000, 800_000]]},
    )
    result = import_files([export])
    assert [(r["anggaran"], r["realisasi"]) for r in result.rows] == [(1_000_000, 800_000)]
    assert [(f.kode, f.pesan) for f in result.findings] == [
        (
            "sipd_kolom_dipilih",
            "Kolom realisasi yang dipakai: 'REALISASI RILL' (yang dicairkan/dibayar); tidak "
            "dipakai: 'REALISASI RENCANA'.",
        )
    ]


def test_split_code_columns_with_numbers_that_lost_their_zero(tmp_path: Path) -> None:
    rows = [
        ["REALISASI PER SUB KEGIATAN"],
        ["KODE", None, None, None, "URAIAN", "ANGGARAN", "REALISASI"],
        [2, 16, None, None, "URUSAN PEMERINTAHAN BIDANG KOMUNIKASI DAN INFORMATIKA", 300, 250],
        [2, 16, 2, None, "PROGRAM PENGELOLAAN APLIKASI INFORMATIKA", 300, 250],
        [2, 16, 2, "2.01", "Pengelolaan Nama Domain", 300, 250],
        [2, 16, 2, "2.01.21", "Penatalaksanaan Nama Domain", 100, 100],
        [2, 16, 2, "2.01.0022", "Penyelenggaraan Sistem Jaringan Intra", None, None],
        [None, None, None, "5.1.02.01.01.0024", "Belanja ATK", 150, 120],
        [None, None, None, "5.1.02.02.01.0026", "Belanja Jasa", 50, 30],
    ]
    result = import_files([write_xlsx(tmp_path / "rekap.xlsx", {"Rekap": rows})])
    assert result.findings == []
    assert [(r["kode"], r["program"], r["kegiatan"], r["sub_kegiatan"]) for r in result.rows] == [
        (
            "2.16.02.2.01.0021",
            "PROGRAM PENGELOLAAN APLIKASI INFORMATIKA",
            "Pengelolaan Nama Domain",
            "Penatalaksanaan Nama Domain",
        ),
        (
            "2.16.02.2.01.0022",
            "PROGRAM PENGELOLAAN APLIKASI INFORMATIKA",
            "Pengelolaan Nama Domain",
            "Penyelenggaraan Sistem Jaringan Intra",
        ),
    ]
    assert [(r["anggaran"], r["realisasi"]) for r in result.rows] == [(100, 100), (200, 150)]
    assert result.reconciliation.parents_checked == 3  # bidang, program, kegiatan
    assert result.reconciliation.parents_mismatched == 0


def test_recap_by_level_with_jenis_pairs_and_an_lra(tmp_path: Path) -> None:
    recap = write_xlsx(tmp_path / "rekap.xlsx", {"Rekap": recap_rows()})
    lra = write_xlsx(tmp_path / "lra.xlsx", {"LRA": lra_rows()})
    result = import_files([recap, lra])
    assert result.findings == []
    assert result.tahun == 2024
    assert [(r["kode"], r["anggaran"], r["realisasi"]) for r in result.rows] == [
        ("2.16.02.2.01.0001", 8_500_000, 7_900_000),
        ("2.16.02.2.01.0002", 2_500_000, 750_000),
    ]
    rec = result.reconciliation
    recap_summary, lra_summary = rec.sources
    assert (recap_summary.rows_read, recap_summary.account_rows, recap_summary.sub_rows) == (
        13,
        4,
        2,
    )
    assert recap_summary.skipped == {
        "baris nomor kolom (1, 2, 3, …)": (1, [8]),
        "baris tanpa kode (judul, keterangan atau tanda tangan)": (2, [20, 21]),
    }
    assert lra_summary.lra and lra_summary.rows_read == 6
    assert [(c.uraian, c.jenis, c.ok) for c in rec.checks] == [
        ("Baris 18 'JUMLAH'", "anggaran", True),
        ("Baris 18 'JUMLAH'", "realisasi", True),
        *(
            (f"Baris {row}: LRA rekening {code} {name}", jenis, True)
            for row, code, name in (
                (4, "5", "BELANJA DAERAH"),
                (5, "5.1", "BELANJA OPERASI"),
                (6, "5.1.02", "Belanja Barang dan Jasa"),
                (7, "5.2", "BELANJA MODAL"),
                (8, "5.2.02", "Belanja Modal Peralatan dan Mesin"),
            )
            for jenis in ("anggaran", "realisasi")
        ),
    ]
    # program, kegiatan, two sub kegiatan against their accounts, akun 5 against its leaves
    assert (rec.parents_checked, rec.parents_mismatched) == (5, 0)


def test_totals_that_do_not_add_up_are_errors_at_their_cells(tmp_path: Path) -> None:
    rows = recap_rows(jumlah_anggaran="11.000.100,00")
    rows[8][6] = "10.000.000,00"  # the program row
    recap = write_xlsx(tmp_path / "rekap.xlsx", {"Rekap": rows})
    lra = write_xlsx(tmp_path / "lra.xlsx", {"LRA": lra_rows(belanja_modal=6_000_000)})
    result = import_files([recap, lra])
    assert [(f.kode, f.pesan, f.file, f.sel) for f in result.findings] == [
        (
            "sipd_jenis_tidak_cocok",
            "Jumlah per jenis belanja (Rp11.000.000) tidak sama dengan kolom 'JUMLAH Anggaran' "
            "(Rp10.000.000) pada baris 9. Periksa berkas dari SIPD.",
            "rekap.xlsx",
            "G9",
        ),
        (
            "sipd_induk_tidak_cocok",
            "Baris 9: program 2.16.02: anggaran Rp10.000.000, sedangkan jumlah rinciannya "
            "Rp11.000.000 (selisih Rp1.000.000). Periksa berkas dari SIPD: mungkin ada baris yang "
            "terhapus atau terketik ulang.",
            "rekap.xlsx",
            "G9",
        ),
        (
            "sipd_jumlah_tidak_cocok",
            "Baris 18 'JUMLAH': anggaran Rp11.000.100, sedangkan jumlah sub kegiatan yang dibaca "
            "Rp11.000.000 (selisih Rp100). Periksa berkas dari SIPD: mungkin ada baris yang "
            "terhapus atau terketik ulang.",
            "rekap.xlsx",
            "G18",
        ),
        *(
            (
                "sipd_lra_tidak_cocok",
                f"Baris {row}: LRA rekening {code} {name}: anggaran Rp{shown}, sedangkan jumlah "
                f"yang ditulis ke template Rp{written} (selisih Rp1.000.000). Periksa bahwa LRA "
                "dan laporan realisasi diunduh untuk SKPD dan tanggal yang sama.",
                "lra.xlsx",
                f"D{row}",
            )
            for row, code, name, shown, written in (
                (4, "5", "BELANJA DAERAH", "10.000.000", "11.000.000"),
                (7, "5.2", "BELANJA MODAL", "6.000.000", "7.000.000"),
                (8, "5.2.02", "Belanja Modal Peralatan dan Mesin", "6.000.000", "7.000.000"),
            )
        ),
    ]


# -- several SKPD, several files ---------------------------------------------------------


def _two_skpd_export(path: Path) -> Path:
    rows = example_flat_rows()
    other = ["1.02.0.00.0.00.01.0000", "DINAS KESEHATAN"]
    sub = ["1.02", "KESEHATAN", "1.02.02", "PROGRAM KESEHATAN", "1.02.02.2.01", "KEGIATAN"]
    extra = [
        [900, 2024, *other, *other, *sub, "1.02.02.2.01.0001", "SUB", code, name, 5_000, 4_000]
        for code, name in ACCOUNTS
    ]
    return write_xlsx(path, {"Sheet1": [*rows, *extra]})


def test_rows_of_another_skpd_are_left_out_when_identitas_names_one(tmp_path: Path) -> None:
    folder = tmp_path / "inputs"
    api.init_templates(folder, with_example=True)
    (folder / "anggaran.xlsx").unlink()
    export = _two_skpd_export(tmp_path / "pemda.xlsx")
    result = api.import_anggaran([export], folder / "anggaran.xlsx")
    assert len(result.rows) == 31 and result.output is not None
    assert [(f.tingkat.value, f.kode, f.pesan) for f in result.report.findings] == [
        (
            "info",
            "sipd_skpd_lain",
            "Berkas memuat 2 SKPD; hanya 'Dinas Komunikasi dan Informatika' yang diimpor. Baris "
            "SKPD lain dilewati: DINAS KESEHATAN.",
        )
    ]
    (summary,) = result.reconciliation.sources
    assert summary.skipped == {"milik SKPD lain": (3, [79, 80, 81])}


def test_several_skpd_without_a_choice_are_all_imported_with_a_warning(tmp_path: Path) -> None:
    result = import_files([_two_skpd_export(tmp_path / "pemda.xlsx")])
    assert len(result.rows) == 32
    assert [(f.kode, f.pesan) for f in result.findings] == [
        (
            "sipd_beberapa_skpd",
            "Berkas memuat 2 SKPD (DINAS KOMUNIKASI DAN INFORMATIKA, DINAS KESEHATAN); semuanya "
            "diimpor. Untuk satu SKPD, isi identitas.xlsx di folder tujuan atau sebutkan --skpd.",
        )
    ]


def test_an_skpd_that_is_not_in_the_file_is_an_error(tmp_path: Path) -> None:
    result = import_files([_two_skpd_export(tmp_path / "pemda.xlsx")], skpd="Dinas Pendidikan")
    assert [(f.kode, f.pesan) for f in result.findings] == [
        (
            "sipd_skpd_tidak_ada",
            "SKPD 'Dinas Pendidikan' tidak ada di berkas ini, yang memuat 2 SKPD: DINAS "
            "KOMUNIKASI DAN INFORMATIKA, DINAS KESEHATAN. Sebutkan SKPD dengan --skpd (nama atau "
            "kode seperti tertulis di berkas).",
        )
    ]


def test_one_file_per_sub_unit_adds_up(tmp_path: Path) -> None:
    rows = example_flat_rows()
    first = write_xlsx(tmp_path / "unit1.xlsx", {"Sheet1": rows[:40]})
    second = write_csv(tmp_path / "unit2.csv", [rows[0], *rows[40:]], delimiter=",")
    result = import_files([first, second], skpd=SKPD[0])
    assert result.findings == []
    assert result.reconciliation.anggaran == GOLDEN_ANGGARAN * 100
    assert len(result.rows) == 31


# -- bad input ----------------------------------------------------------------------------


def test_no_header_says_which_words_were_looked_for(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "catatan.xlsx", {"Catatan": [["Daftar hadir"], ["Nama", "NIP"]]})
    result = import_files([path])
    assert _where(result.findings) == [
        ("error", "sipd_tanpa_judul", "catatan.xlsx", "Catatan", None)
    ]
    assert result.findings[0].pesan == (
        "Baris judul kolom tidak ditemukan di 20 baris pertama. xlkip mencari kolom kode (judul "
        "memuat 'kode'), anggaran ('anggaran', 'pagu' atau 'nominal') dan realisasi "
        "('realisasi'). Pastikan ini unduhan laporan realisasi dari SIPD dan judul kolomnya "
        "tidak dihapus."
    )


def test_no_code_column(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "rekap.csv", [["Uraian", "Anggaran", "Realisasi"], ["Belanja", "100", "90"]]
    )
    result = import_files([path])
    assert [(f.kode, f.pesan, f.file, f.sel) for f in result.findings] == [
        (
            "sipd_tanpa_kolom_kode",
            "Tidak ada kolom kode pada baris judul (baris 1): xlkip mencari judul yang memuat kata "
            "'kode' (mis. KODE SUB KEGIATAN, KODE REKENING). Program, kegiatan dan sub kegiatan "
            "disusun dari kodenya; unduh laporan yang memuat kolom kode.",
            "rekap.csv",
            "A1",
        ),
    ]


def test_a_code_that_fits_no_level_and_a_number_that_is_not_one(tmp_path: Path) -> None:
    rows = [
        ["Kode", "Uraian", "Anggaran", "Realisasi"],
        ["2.16.02.2.01.0001", "Sub kegiatan", "1.000.000,00", "900.000"],
        ["2.16.2", "Program salah ketik", "1.000", "1.000"],
        ["2.16.02.2.01.0002", "Sub kegiatan kedua", "satu juta", "-"],
    ]
    result = import_files([write_csv(tmp_path / "rekap.csv", rows)])
    assert [(f.kode, f.pesan, f.sel) for f in result.findings] == [
        (
            "sipd_kode_tidak_dikenal",
            "Kode '2.16.2' tidak cocok dengan tingkat mana pun (program 2.16.02, kegiatan "
            "2.16.02.2.01, sub kegiatan 2.16.02.2.01.0021 atau 2.16.02.2.01.21, rekening "
            "5.1.02.01.01.0024). Perbaiki kodenya, atau unduh ulang dari SIPD.",
            "A3",
        ),
        (
            "bukan_angka",
            "Isi 'satu juta' pada kolom 'Anggaran' bukan angka. Ketik angka saja, mis. 1.234.567 "
            "atau 91,43%.",
            "C4",
        ),
        (
            "sipd_nama_tidak_ada",
            "Nama program tidak ada di berkas untuk kode 2.16.02; ditulis 'Program <kode>'. "
            "Lengkapi namanya di template anggaran.",
            None,
        ),
        (
            "sipd_nama_tidak_ada",
            "Nama kegiatan tidak ada di berkas untuk kode 2.16.02.2.01; ditulis 'Kegiatan "
            "<kode>'. Lengkapi namanya di template anggaran.",
            None,
        ),
    ]
    assert all(f.file == "rekap.csv" and f.sheet is None for f in result.findings[:2])


def test_unsupported_and_damaged_files(tmp_path: Path) -> None:
    pdf = tmp_path / "lra.pdf"
    pdf.write_bytes(b"%PDF-1.4")
    broken = tmp_path / "rusak.xlsx"
    broken.write_bytes(b"PK\x03\x04 bukan zip")
    result = import_files([pdf, broken])
    assert [(f.kode, f.file, f.pesan) for f in result.findings] == [
        (
            "sipd_format_tidak_didukung",
            "lra.pdf",
            "Format .pdf tidak dapat dibaca. Unduh laporan SIPD sebagai Excel (.xlsx atau .xls) "
            "atau CSV.",
        ),
        (
            "berkas_rusak",
            "rusak.xlsx",
            "Berkas rusak atau bukan buku kerja Excel yang utuh. Buka di Excel dan simpan ulang, "
            "atau salin isinya ke template baru dari xlkip init.",
        ),
    ]


def test_an_xlkip_template_is_named_as_such_not_searched_for_headers(tmp_path: Path) -> None:
    api.init_templates(tmp_path / "inputs", tahun=2025)
    result = import_files([tmp_path / "inputs" / "anggaran.xlsx"])
    assert [(f.kode, f.file, f.pesan) for f in result.findings] == [
        (
            "sipd_template_xlkip",
            "anggaran.xlsx",
            "Berkas ini template anggaran dari xlkip, bukan unduhan SIPD. impor-anggaran membaca "
            "laporan realisasi yang diunduh dari SIPD (.xlsx, .xls atau .csv) dan menulis "
            "template anggaran; template yang sudah terisi dipakai langsung oleh xlkip check "
            "dan compile.",
        )
    ]


# -- the command --------------------------------------------------------------------------


def test_cli_writes_refuses_to_overwrite_and_leaves_nothing_on_errors(tmp_path: Path) -> None:
    export = write_xlsx(tmp_path / "realisasi.xlsx", {"Sheet1": example_flat_rows()})
    target = tmp_path / "inputs" / "anggaran.xlsx"
    code, output = run_cli("impor-anggaran", export, "-o", target)
    assert code == 0, output
    assert "77 baris dibaca, 77 baris rekening dijumlahkan" in output
    assert (
        "Jumlah terbaca: 31 sub kegiatan, anggaran Rp9.475.869.588, realisasi Rp8.664.222.212."
    ) in output
    before = target.read_bytes()
    code, output = run_cli("impor-anggaran", export, "-o", target)
    assert code == 2 and "--timpa" in output
    bad = write_xlsx(
        tmp_path / "salah.xlsx",
        {
            "Sheet1": [
                ["Kode", "Uraian", "Anggaran", "Realisasi"],
                ["2.16.02.2.01.0001", "S", "x", 1],
            ]
        },
    )
    code, output = run_cli("impor-anggaran", bad, "-o", target, "--timpa")
    assert code == 1 and "bukan_angka" in output and "tidak ditulis" in output
    assert target.read_bytes() == before
    assert sorted(p.name for p in target.parent.iterdir()) == ["anggaran.xlsx"]
    assert run_cli("impor-anggaran", tmp_path / "tidak-ada.xlsx", "-o", target)[0] == 2


# -- check on a filled kode column --------------------------------------------------------


def test_check_compares_codes_with_their_parents_and_finds_repeats(example: Path) -> None:
    set_cells(
        example / "anggaran.xlsx",
        "Realisasi Anggaran",
        {
            "A4": "2.16.01.1.02.0001",
            "A5": "2.16.01.1.02.0002",
            "A6": "2.16.02.1.05.0001",
            "A7": "2.16.01.1.06.0001",
            "A8": "2.16.01.1.07.0002",
            "A9": "2.16.01.1.06.0001",
            "A10": "5.1.02",
        },
    )
    report = api.check(example).report
    found = [(f.kode, f.sel, f.pesan) for f in report.sorted() if f.kode.startswith("kode_")]
    assert found == [
        (
            "kode_tidak_cocok_program",
            "A6",
            "Kode 2.16.02.1.05.0001 menunjuk program 2.16.02, sedangkan program 'PROGRAM "
            "PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA' memakai kode 2.16.01 (baris 4). "
            "Perbaiki kodenya, atau nama programnya bila baris ini milik program lain.",
        ),
        (
            "kode_tidak_cocok_kegiatan",
            "A8",
            "Kode 2.16.01.1.07.0002 menunjuk kegiatan 2.16.01.1.07, sedangkan kegiatan "
            "'Administrasi Umum Perangkat Daerah' memakai kode 2.16.01.1.06 (baris 7). Perbaiki "
            "kodenya, atau nama kegiatannya bila baris ini milik kegiatan lain.",
        ),
        (
            "kode_ganda",
            "A9",
            "Kode 2.16.01.1.06.0001 sudah dipakai di baris 7 ('Penyediaan Komponen Instalasi "
            "Listrik/Penerangan Bangunan K…'). Satu sub kegiatan cukup satu baris per sumber "
            "dana: gabungkan angkanya atau perbaiki kodenya.",
        ),
        (
            "kode_bukan_sub_kegiatan",
            "A10",
            "Kode '5.1.02' bukan kode sub kegiatan SIPD (mis. 2.16.02.2.01.0021). Perbaiki "
            "kodenya atau kosongkan selnya.",
        ),
    ]
    assert all(
        f.tingkat.value == "peringatan" for f in report.findings if f.kode.startswith("kode_")
    )


def test_rekonsiliasi_formulas_agree_with_libreoffice(tmp_path: Path) -> None:
    require_libreoffice()
    rows = recap_rows(jumlah_anggaran="11.000.100,00")
    recap = write_xlsx(tmp_path / "rekap.xlsx", {"Rekap": rows})
    lra = write_xlsx(tmp_path / "lra.xlsx", {"LRA": lra_rows()})
    target = tmp_path / "inputs" / "anggaran.xlsx"
    result = api.import_anggaran([recap, lra], target, force=True)
    assert result.output == target and not result.report.valid  # written only because forced
    count, problems = recalculation_mismatches(target, tmp_path / "recalc")
    assert count == 2 * 12 and problems == []  # Selisih and Hasil of each of the 12 checks
    values = cached_values(target)
    hasil = [v for (sheet, ref), v in values.items() if sheet == "Rekonsiliasi" and ref[0] == "I"]
    assert hasil.count("TIDAK SAMA") == 1 and hasil.count("Sama") == 11


def test_more_bad_input_messages(tmp_path: Path) -> None:
    no_amount = write_csv(
        tmp_path / "pagu.csv", [["Kode", "Uraian", "Pagu"], ["2.16.02", "P", "1"]]
    )
    lra_only = write_xlsx(tmp_path / "lra.xlsx", {"LRA": lra_rows()})
    assert [(f.kode, f.pesan, f.file, f.sel) for f in import_files([no_amount]).findings] == [
        (
            "sipd_tanpa_kolom_angka",
            "Kolom realisasi tidak ditemukan pada baris judul (baris 1): xlkip mencari judul yang "
            "memuat 'realisasi'.",
            "pagu.csv",
            "A1",
        )
    ]
    assert [(f.kode, f.pesan, f.file) for f in import_files([lra_only]).findings] == [
        (
            "sipd_tanpa_sub_kegiatan",
            "Tidak ada baris sub kegiatan (kode seperti 2.16.02.2.01.0021) di berkas lra.xlsx. "
            "Sertakan laporan realisasi per sub kegiatan; LRA per rekening hanya dipakai untuk "
            "rekonsiliasi.",
            "lra.xlsx",
        )
    ]
    negative = write_csv(
        tmp_path / "koreksi.csv",
        [
            ["Kode", "Uraian", "Anggaran", "Realisasi"],
            ["2.16.02.2.01.0001", "S", "0", "(1.500,50)"],
        ],
    )
    result = import_files([negative], skpd="Dinas Kesehatan")
    assert [(f.kode, f.pesan) for f in result.findings if f.kode != "sipd_nama_tidak_ada"] == [
        (
            "sipd_jumlah_negatif",
            "Sub kegiatan 2.16.02.2.01.0001 berjumlah negatif (anggaran Rp0, realisasi "
            "Rp-1.500,50). Periksa baris koreksi/pengembalian di berkas SIPD.",
        )
    ]


def test_an_skpd_or_year_other_than_identitas_is_a_warning(tmp_path: Path) -> None:
    folder = tmp_path / "inputs"
    api.init_templates(folder, with_example=True)
    rows = example_flat_rows()
    rows = [
        rows[0],
        *([*r[:1], 2023, "1.02.0.00.0.00.01.0000", "DINAS KESEHATAN", *r[4:]] for r in rows[1:]),
    ]
    export = write_xlsx(tmp_path / "lain.xlsx", {"Sheet1": rows})
    result = api.import_anggaran([export], folder / "anggaran.xlsx", overwrite=True)
    assert result.output is not None and result.period.tahun == 2024
    assert [(f.tingkat.value, f.kode, f.pesan) for f in result.report.findings] == [
        (
            "peringatan",
            "sipd_skpd_berbeda",
            "SKPD di berkas ('DINAS KESEHATAN') berbeda dengan 'Dinas Komunikasi dan Informatika'. "
            "Periksa bahwa berkas ini milik SKPD Anda.",
        ),
        (
            "peringatan",
            "sipd_tahun_berbeda",
            "Berkas SIPD bertahun 2023, sedangkan template ditulis untuk tahun 2024. Periksa bahwa "
            "unduhannya tahun laporan yang benar.",
        ),
    ]


def test_usage_errors_are_said_before_anything_is_read(tmp_path: Path) -> None:
    export = write_xlsx(tmp_path / "realisasi.xlsx", {"Sheet1": example_flat_rows()})
    existing = tmp_path / "anggaran.xlsx"
    existing.write_bytes(b"isian lama")
    cases = [
        ([], existing, "Sebutkan minimal satu berkas unduhan SIPD (xlsx, xls atau csv)."),
        ([tmp_path / "x.xlsx"], existing, f"Berkas {tmp_path / 'x.xlsx'} tidak ditemukan."),
        (
            [export],
            tmp_path / "a.pdf",
            f"Berkas tujuan {tmp_path / 'a.pdf'} harus .xlsx, mis. -o inputs/anggaran.xlsx.",
        ),
        (
            [export],
            export,
            f"Berkas tujuan {export} sama dengan berkas yang dibaca; pilih nama lain.",
        ),
        (
            [export],
            existing,
            f"Berkas {existing} sudah ada. Agar isiannya tidak tertimpa, pilih "
            "nama lain dengan -o atau tambahkan --timpa.",
        ),
    ]
    for files, output, message in cases:
        with pytest.raises(api.UsageError) as raised:
            api.import_anggaran(files, output)
        assert str(raised.value) == message
    assert existing.read_bytes() == b"isian lama"
    folder = tmp_path / "keluar"
    folder.mkdir()
    assert api.import_anggaran([export], folder).output == folder / "anggaran.xlsx"


_CELLS = st.one_of(
    st.none(),
    st.sampled_from(
        ["KODE", "Uraian", "Anggaran", "Realisasi", "JUMLAH", "2.16.02", "2.16.02.2.01",
         "2.16.02.2.01.0001", "2.16.02.2.01.21", "5", "5.1.02.01.01.0024", "1.500.000,00",
         "(250.000,00)", "-", "x", "2.16.2.20.2.21.01.0000 DINAS", "BELANJA OPERASI", "Rill",
         "SUB TOTAL", "Total Program", "01/01/2001", "2001-01-01 00:00:00", "2.2"]
    ),
    st.text(max_size=12),
    st.integers(-10**6, 10**9).map(str),
)  # fmt: skip


@settings(max_examples=80, deadline=None)
@given(st.lists(st.lists(_CELLS, max_size=7), max_size=14))
def test_any_table_gives_findings_never_a_crash(rows: list[list[str | None]]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = write_csv(Path(folder) / "acak.csv", rows)
        result = import_files([path])
    assert result.rows or result.findings
    assert all(f.file in ("acak.csv", None) for f in result.findings)
