"""A corpus of broken inputs: each gives exactly its findings and the right exit code.

Each case starts from the built-in example and breaks one thing the way staff do.
The findings it adds to the example's own (the seed's slips) are asserted exactly.
"""

from __future__ import annotations

import datetime as dt
import shutil
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import openpyxl
import pytest

from tests.helpers import check_json, edit, findings_of, set_cells
from tests.test_example import SEED_SLIPS
from tests.test_messages import leaks
from xlkip.read.workbook import OLE_MAGIC

Mutation = Callable[[Path], None]


@dataclass(frozen=True)
class Case:
    name: str
    mutate: Mutation
    added: list[tuple[str, str, str | None, str | None, str | None]]
    exit_code: int


def _write_bytes(name: str, data: bytes) -> Mutation:
    return lambda folder: (folder / name).write_bytes(data)


def _truncate(name: str) -> Mutation:
    def mutate(folder: Path) -> None:
        path = folder / name
        path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])

    return mutate


def _zip_without_workbook(folder: Path) -> None:
    with zipfile.ZipFile(folder / "kinerja.xlsx", "w") as archive:
        archive.writestr("catatan.txt", "bukan buku kerja")


def _cells(name: str, sheet: str, values: dict) -> Mutation:
    return lambda folder: set_cells(folder / name, sheet, values)


def _property(name: str, key: str, value) -> Mutation:
    def change(workbook) -> None:
        for prop in workbook.custom_doc_props.props:
            if prop.name == key:
                prop.value = value

    return lambda folder: edit(folder / name, change)


def _delete(name: str) -> Mutation:
    return lambda folder: (folder / name).unlink()


def _copy(name: str, new_name: str) -> Mutation:
    return lambda folder: shutil.copy(folder / name, folder / new_name)


def _remove_sheet(name: str, sheet: str) -> Mutation:
    return lambda folder: edit(folder / name, lambda wb: wb.remove(wb[sheet]))


def _delete_column(name: str, sheet: str, column: int) -> Mutation:
    return lambda folder: edit(folder / name, lambda wb: wb[sheet].delete_cols(column))


def _plain_workbook(name: str) -> Mutation:
    def mutate(folder: Path) -> None:
        workbook = openpyxl.Workbook()
        workbook.active["A1"] = "rekap pribadi"
        workbook.save(folder / name)

    return mutate


E, W, N = "error", "peringatan", "info"
K, A, S, P = "kinerja.xlsx", "anggaran.xlsx", "spbe.xlsx", "pengaduan.xlsx"
T = "triwulan.xlsx"

CASES = [
    # Files
    Case(
        "corrupt zip",
        _write_bytes(K, b"PK\x03\x04 rusak"),
        [(E, "berkas_rusak", K, None, None)],
        1,
    ),
    Case(
        "truncated file",
        _truncate(K),
        [(E, "berkas_rusak", K, None, None)],
        1,
    ),
    Case(
        "zip that is no workbook",
        _zip_without_workbook,
        [(E, "berkas_rusak", K, None, None)],
        1,
    ),
    Case(
        "password-protected",
        # An OLE file holding the stream EncryptedPackage, as Excel writes an encrypted .xlsx
        _write_bytes(A, OLE_MAGIC + bytes(504) + "EncryptedPackage".encode("utf-16-le") + bytes(2)),
        [(E, "berkas_berpassword", A, None, None)],
        1,
    ),
    Case(
        ".xls file",
        _write_bytes("anggaran lama.xls", b"\xd0\xcf\x11\xe0"),
        [(E, "format_xls", "anggaran lama.xls", None, None)],
        1,
    ),
    Case(
        "workbook that is no template",
        _plain_workbook("rekap pribadi.xlsx"),
        [(N, "template_tidak_dikenal", "rekap pribadi.xlsx", None, None)],
        0,
    ),
    Case(
        "unknown template kind",
        _property(S, "xlkip_template", "laporan_lain"),
        [
            (E, "jenis_template_tidak_dikenal", S, None, None),
            (N, "bukti_tidak_tersedia", K, "IKU", "H4"),
        ],
        1,
    ),
    Case(
        "wrong template version",
        _property(A, "xlkip_versi", 99),
        [(E, "versi_template", A, None, None)],
        1,
    ),
    Case(
        "same template twice",
        _copy(K, "zz kinerja lama.xlsx"),
        [(E, "template_ganda", "zz kinerja lama.xlsx", None, None)],
        1,
    ),
    Case(
        "required template missing", _delete(A), [(E, "template_wajib_tidak_ada", A, None, None)], 1
    ),
    Case(
        "optional template missing",
        _delete(S),
        [
            (N, "bukti_tidak_tersedia", K, "IKU", "H4"),
        ],
        0,
    ),
    Case(
        "excel lock file",
        _write_bytes("~$kinerja.xlsx", b"kunci"),
        [(N, "berkas_kunci_dilewati", "~$kinerja.xlsx", None, None)],
        0,
    ),
    Case(
        "unrelated file",
        _write_bytes("catatan rapat.docx", b"PK"),
        [(N, "berkas_dilewati", "catatan rapat.docx", None, None)],
        0,
    ),
    # Structure
    Case(
        "missing sheet",
        _remove_sheet(K, "Renstra"),
        [(E, "sheet_tidak_ada", K, "Renstra", None)],
        1,
    ),
    Case(
        "missing column", _delete_column(K, "IKU", 4), [(E, "kolom_tidak_ada", K, "IKU", "A3")], 1
    ),
    Case(
        "header renamed",
        _cells(K, "IKU", {"F3": "Capaian Akhir"}),
        [(E, "judul_kolom_diubah", K, "IKU", "F3")],
        1,
    ),
    Case(
        "missing form row",
        _cells("identitas.xlsx", "Identitas", {"A11": "Kepala Kantor"}),
        [(E, "isian_tidak_ada", "identitas.xlsx", "Identitas", None)],
        1,
    ),
    Case(
        "header of last year's template",
        _cells(K, "IKU", {"E3": "Target 2023"}),
        [(W, "tahun_judul_kolom", K, "IKU", "E3")],
        0,
    ),
    # Cells
    Case(
        "required value empty",
        _cells(K, "IKU", {"B7": None}),
        [(E, "wajib_kosong", K, "IKU", "B7")],
        1,
    ),
    Case(
        "not a number",
        _cells(A, "Realisasi Anggaran", {"F4": "dua juta"}),
        [(E, "bukan_angka", A, "Realisasi Anggaran", "F4")],
        1,
    ),
    Case(
        "date in a number cell",
        _cells(P, "Pengaduan", {"C5": dt.datetime(2024, 1, 5)}),
        [(E, "bukan_angka", P, "Pengaduan", "C5")],
        1,
    ),
    Case(
        "negative",
        _cells(A, "Realisasi Anggaran", {"G5": -5}),
        [(E, "angka_negatif", A, "Realisasi Anggaran", "G5")],
        1,
    ),
    Case(
        "percentage out of range",
        _cells(S, "Nilai Aspek", {"D4": "150%"}),
        [(E, "persen_di_luar_rentang", S, "Nilai Aspek", "D4")],
        1,
    ),
    Case(
        "index out of range",
        _cells(S, "Indeks Daerah Lain", {"C5": 35.7}),
        [(E, "nilai_di_luar_rentang", S, "Indeks Daerah Lain", "C5")],
        1,
    ),
    Case(
        "unknown dropdown value",
        _cells(K, "IKU", {"D4": "Naik turun"}),
        [(E, "pilihan_tidak_dikenal", K, "IKU", "D4")],
        1,
    ),
    Case(
        "unknown sumber dana is a warning, kept as typed",
        _cells(A, "Realisasi Anggaran", {"E4": "DUA"}),
        [(W, "pilihan_tidak_dikenal", A, "Realisasi Anggaran", "E4")],
        0,
    ),
    Case(
        "unknown status is a warning",
        _cells("aplikasi.xlsx", "Aplikasi dan Website", {"D4": "Rusak"}),
        [(W, "pilihan_tidak_dikenal", "aplikasi.xlsx", "Aplikasi dan Website", "D4")],
        0,
    ),
    Case(
        "unknown jenis of a pemda is a warning",
        _cells(S, "Indeks Daerah Lain", {"B5": "Kabupatn"}),
        [(W, "pilihan_tidak_dikenal", S, "Indeks Daerah Lain", "B5")],
        0,
    ),
    Case(
        "unknown jenis of an application is an error (it splits 3.7 from 3.8)",
        _cells("aplikasi.xlsx", "Aplikasi dan Website", {"A4": "Portal"}),
        [(E, "pilihan_tidak_dikenal", "aplikasi.xlsx", "Aplikasi dan Website", "A4")],
        1,
    ),
    Case(
        "a new satuan is fine: satuan only suggests",
        _cells(K, "IKU", {"C4": "Kegiatan"}),
        [],
        0,
    ),
    Case(
        "count not whole",
        _cells("aplikasi.xlsx", "Tenaga Programmer", {"C4": 2.5}),
        [(E, "bukan_bilangan_bulat", "aplikasi.xlsx", "Tenaga Programmer", "C4")],
        1,
    ),
    Case(
        "year not a year",
        _cells(P, "Pengaduan", {"A4": 1850}),
        [(E, "tahun_tidak_valid", P, "Pengaduan", "A4")],
        1,
    ),
    Case(
        "year after the report",
        _cells(P, "Pengaduan", {"A4": 2030}),
        [(E, "tahun_di_luar_rentang", P, "Pengaduan", "A4")],
        1,
    ),
    Case(
        "duplicate indicator",
        _cells(K, "IKU", {"B7": "Indeks nilai SPBE "}),
        # triwulan.xlsx no longer finds the renamed indicator, and holds the copy's
        # realisasi against the quarters of the indicator it now names.
        [
            (W, "baris_ganda", K, "IKU", "B7"),
            (W, "indikator_triwulan_tidak_dikenal", T, "Rencana Aksi", "A7"),
            (W, "realisasi_tahunan_beda_triwulan", K, "IKU", "F7"),
            (W, "realisasi_tahunan_beda_triwulan", T, "Rencana Aksi", "K4"),
        ],
        0,
    ),
    Case(
        "duplicate sub kegiatan",
        _cells(A, "Realisasi Anggaran", {"D5": "Penyediaan Gaji dan Tunjangan ASN"}),
        [
            (W, "baris_ganda", A, "Realisasi Anggaran", "D5"),
            (W, "anggaran_triwulan_tidak_dikenal", T, "Anggaran Triwulan", "C5"),
        ],
        0,
    ),
    # Row logic
    Case(
        "realisasi above anggaran",
        _cells(A, "Realisasi Anggaran", {"G4": 9_000_000_000}),
        [
            (W, "realisasi_melebihi_anggaran", A, "Realisasi Anggaran", "G4"),
            # the year's realisasi is no longer the sum of the quarters
            (W, "anggaran_tahunan_beda_triwulan", A, "Realisasi Anggaran", "G4"),
            (W, "anggaran_tahunan_beda_triwulan", T, "Anggaran Triwulan", "H4:K4"),
        ],
        0,
    ),
    Case(
        "sudah above jumlah",
        _cells(P, "Pengaduan", {"D4": 100}),
        [(E, "sudah_melebihi_jumlah", P, "Pengaduan", "D4")],
        1,
    ),
    Case(
        "target zero",
        _cells(K, "IKU", {"E7": 0}),
        # The example's Target PK (K7, 15% as in Tabel 2.3) no longer matches the target.
        [(W, "target_nol", K, "IKU", "E7"), (W, "target_pk_beda_target", K, "IKU", "K7")],
        0,
    ),
    Case(
        "year outside the renstra period",
        _cells("identitas.xlsx", "Identitas", {"B10": 2023}),
        [
            (E, "tahun_di_luar_renstra", "identitas.xlsx", "Identitas", "B8"),
            (W, "tahun_target_di_luar_renstra", K, "Renstra", None),
        ],
        1,
    ),
    Case(
        "rating scale out of order",
        _cells("identitas.xlsx", "Pengaturan", {"B5": "50%"}),
        [(E, "skala_tidak_urut", "identitas.xlsx", "Pengaturan", "B5")],
        1,
    ),
    # Across tables
    Case(
        "spbe weights not 100",
        _cells(S, "Nilai Aspek", {"D4": "20%"}),
        [
            (E, "bobot_spbe_tidak_100", S, "Nilai Aspek", "D4:D11"),
            (W, "realisasi_beda_bukti", K, "IKU", "F4"),
            (W, "indeks_sendiri_beda", S, "Indeks Daerah Lain", "C33"),
        ],
        1,
    ),
    Case(
        "own spbe row differs",
        _cells(S, "Indeks Daerah Lain", {"C33": 3.5}),
        [(W, "indeks_sendiri_beda", S, "Indeks Daerah Lain", "C33")],
        0,
    ),
    Case(
        "own spbe row left blank: its index is computed",
        _cells(S, "Indeks Daerah Lain", {"C33": None}),
        [],
        0,
    ),
    Case(
        "own spbe row in a short form still compared",
        _cells(S, "Indeks Daerah Lain", {"A33": "KOTA BINJAI", "C33": 3.5}),
        [(W, "indeks_sendiri_beda", S, "Indeks Daerah Lain", "C33")],
        0,
    ),
    Case(
        "another pemda's index left blank",
        _cells(S, "Indeks Daerah Lain", {"C5": None}),
        [(E, "wajib_kosong", S, "Indeks Daerah Lain", "C5")],
        1,
    ),
    Case(
        "another pemda's index unreadable: one finding",
        _cells(S, "Indeks Daerah Lain", {"C5": "tiga"}),
        [(E, "bukan_angka", S, "Indeks Daerah Lain", "C5")],
        1,
    ),
    Case(
        "the same pemda in its long and short forms",
        _cells(S, "Indeks Daerah Lain", {"A6": "Kabupaten  Deli Serdang"}),
        [(W, "baris_ganda", S, "Indeks Daerah Lain", "A6")],
        0,
    ),
    Case(
        "renstra names an unknown IKU",
        _cells(K, "Renstra", {"L5": "Indikator lain"}),
        [(W, "iku_tidak_ditemukan", K, "Renstra", "L5")],
        0,
    ),
    Case(
        "a changed evidence keeps its finding at the same cell",
        _cells(P, "Pengaduan", {"D7": 37}),
        [],
        0,
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_broken_input(case: Case, example: Path) -> None:
    case.mutate(example)
    findings = findings_of(example)
    added = [f for f in findings if f not in SEED_SLIPS]
    assert sorted(added) == sorted(case.added)
    code, report = check_json(example)
    assert code == case.exit_code
    assert report["valid"] is (case.exit_code == 0)
    assert all(f["file"] for f in report["findings"] if f["tingkat"] == "error")
    assert [f["pesan"] for f in report["findings"] if leaks(f["pesan"])] == []


def test_fixing_the_evidence_removes_the_finding(example: Path) -> None:
    set_cells(example / "kinerja.xlsx", "IKU", {"F8": "96,77%"})
    assert ("peringatan", "realisasi_beda_bukti", K, "IKU", "F8") not in findings_of(example)


def test_empty_folder(tmp_path: Path) -> None:
    code, report = check_json(tmp_path)
    assert code == 1
    errors = [(f["kode"], f["file"]) for f in report["findings"] if f["tingkat"] == "error"]
    assert errors == [
        ("template_wajib_tidak_ada", name)
        for name in ("anggaran.xlsx", "identitas.xlsx", "kinerja.xlsx")
    ]
