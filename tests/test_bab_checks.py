"""Bab I and Bab II inputs: the sdm person list, the PK and Renstra targets of the IKU,
and the DPA murni, each broken the way staff do, with exactly the findings it adds."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import check_json, findings_of, set_cells
from tests.test_broken import Case, _cells, _delete, _property, _remove_sheet
from tests.test_example import SEED_SLIPS

E, W, N = "error", "peringatan", "info"
S, K, A, AP = "sdm.xlsx", "kinerja.xlsx", "anggaran.xlsx", "aplikasi.xlsx"
# sdm Pegawai: A nama, B status, C golongan, D jenis kelamin, E pendidikan, F jabatan.
# Rows 4-22 are the 19 ASN (row 4 the Eselon II, row 22 the II/c Pelaksana), rows 23-78
# the 56 Non ASN (rows 71-78 the 8 Tenaga Programmer).


def _retitle_program(folder: Path) -> None:
    set_cells(folder / A, "DPA Murni", {"A6": "PROGRAM PENGELOLAAN APLIKASI INFORMATIKAA"})


def _renstra_from_the_sheet(folder: Path) -> None:
    """J8 blank: the complaints IKU takes its Renstra target from Renstra!I15 (2024)."""
    set_cells(folder / K, "IKU", {"J8": None})
    set_cells(folder / K, "Renstra", {"I15": "75%"})


CASES = [
    Case("a Non ASN with a golongan", _cells(S, "Pegawai", {"C23": "III/a"}),
         [(E, "golongan_non_asn", S, "Pegawai", "C23")], 1),
    Case("an ASN without golongan", _cells(S, "Pegawai", {"C4": None}),
         [(E, "golongan_wajib", S, "Pegawai", "C4")], 1),
    Case("an ASN with a PPPK golongan", _cells(S, "Pegawai", {"C4": "IX"}),
         [(E, "golongan_tidak_sesuai", S, "Pegawai", "C4")], 1),
    Case("a PPPK with a PNS ruang", _cells(S, "Pegawai", {"B5": "PPPK"}),
         [(E, "golongan_tidak_sesuai", S, "Pegawai", "C5")], 1),
    Case("a PPPK with its own golongan", _cells(S, "Pegawai", {"B5": "pppk", "C5": "IX"}),
         [], 0),
    Case("a ruang that does not exist", _cells(S, "Pegawai", {"C4": "III/e"}),
         [(E, "pilihan_tidak_dikenal", S, "Pegawai", "C4")], 1),
    Case("a status left empty", _cells(S, "Pegawai", {"B4": None}),
         [(E, "wajib_kosong", S, "Pegawai", "B4")], 1),
    Case("a Non ASN in an eselon", _cells(S, "Pegawai", {"F23": "Eselon IV"}),
         [(W, "jabatan_tidak_sesuai", S, "Pegawai", "F23")], 0),
    Case("an ASN with a Non ASN jabatan", _cells(S, "Pegawai", {"F22": "Operator"}),
         [(W, "jabatan_tidak_sesuai", S, "Pegawai", "F22")], 0),
    Case("an ASN group typed another way", _cells(S, "Pegawai", {"F22": "  PELAKSANA "}),
         [(W, "ejaan_berbeda", S, "Pegawai", "F22")], 0),
    Case("one programmer fewer than Tabel 3.6 says",
         _cells(S, "Pegawai", {"F78": "Staff Administrasi"}),
         [(W, "jumlah_programmer_beda", AP, "Tenaga Programmer", "C4:C6")], 0),
    Case("a programmer more in Tabel 3.6", _cells(AP, "Tenaga Programmer", {"C6": 4}),
         [(W, "jumlah_programmer_beda", AP, "Tenaga Programmer", "C4:C6")], 0),
    Case("no sdm template", _delete(S), [], 0),
    Case("a PK target other than the Target column", _cells(K, "IKU", {"K4": "3"}),
         [(W, "target_pk_beda_target", K, "IKU", "K4"),
          (W, "target_pk_beda_renstra", K, "IKU", "K4")], 0),
    Case("no Renstra target for an IKU without a Renstra row", _cells(K, "IKU", {"J4": None}),
         [(N, "target_renstra_tidak_ada", K, "IKU", "J4")], 0),
    Case("the Renstra target taken from the Renstra sheet",
         _renstra_from_the_sheet,
         [(W, "target_pk_beda_renstra", K, "IKU", "K8")], 0),
    Case("two Renstra rows naming one IKU",
         _cells(K, "Renstra", {"L6": "Persentase Jumlah OPD yang menggunakan tanda tangan "
                                     "elektronik"}),
         [(W, "iku_ganda_di_renstra", K, "Renstra", "L10"),
          (W, "realisasi_renstra_beda", K, "Renstra", "E6")], 0),
    Case("a DPA program named another way", _retitle_program,
         [(W, "program_tidak_di_realisasi", A, "DPA Murni", "A6"),
          (W, "program_tidak_di_dpa", A, "Realisasi Anggaran", "B26")], 0),
    Case("a DPA program in other case and spacing",
         _cells(A, "DPA Murni", {"A6": "Program  pengelolaan aplikasi   informatika "}), [], 0),
    Case("no DPA Murni sheet", _remove_sheet(A, "DPA Murni"), [], 0),
    Case("a kinerja template of the version before", _property(K, "xlkip_versi", 1), [], 0),
    Case("an anggaran template of the version before", _property(A, "xlkip_versi", 1), [], 0),
]  # fmt: skip


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_bab_input(case: Case, example: Path) -> None:
    case.mutate(example)
    added = [f for f in findings_of(example) if f not in SEED_SLIPS]
    assert sorted(added) == sorted(case.added)
    assert check_json(example)[0] == case.exit_code


def _messages(folder: Path) -> dict[tuple[str, str, str], str]:
    return {
        (f["sheet"], f["sel"], f["kode"]): f["pesan"] for f in check_json(folder)[1]["findings"]
    }


def test_messages_say_where_and_quote_both(example: Path) -> None:
    set_cells(example / S, "Pegawai", {"C23": "III/a", "F78": "Staff Administrasi"})
    set_cells(example / K, "IKU", {"K4": "3"})
    pesan = _messages(example)
    assert "Non ASN" in pesan[("Pegawai", "C23", "golongan_non_asn")]
    programmer = pesan[("Tenaga Programmer", "C4:C6", "jumlah_programmer_beda")]
    assert "8 orang" in programmer and "7 orang" in programmer
    pk = pesan[("IKU", "K4", "target_pk_beda_target")]
    assert "3" in pk and "2,98" in pk and "sel E4" in pk


def test_a_blank_pk_target_is_the_target(example: Path) -> None:
    """Without K7 the PK target is E7 (15%); it still differs from the Renstra's 45%,
    and the finding moves to the Renstra target typed in J7."""
    set_cells(example / K, "IKU", {"K7": None})
    findings = findings_of(example)
    assert (W, "target_pk_beda_renstra", K, "IKU", "K7") not in findings
    assert (W, "target_pk_beda_renstra", K, "IKU", "J7") in findings
    pesan = _messages(example)[("IKU", "J7", "target_pk_beda_renstra")]
    assert "15% (sheet IKU sel E7)" in pesan and "45% (sheet IKU sel J7)" in pesan


def test_percent_text_in_a_count_row_is_flagged(example: Path) -> None:
    set_cells(example / K, "IKU", {"J6": "1100", "E6": "70%"})
    findings = [f for f in findings_of(example) if f[3] == "IKU" and f[4] in ("E6", "J6")]
    assert findings == [
        (W, "persen_pada_satuan_lain", K, "IKU", "E6"),
        (W, "target_renstra_beda", K, "IKU", "J6"),
    ]


def test_a_version_never_made_is_refused(example: Path) -> None:
    _property(K, "xlkip_versi", 0)(example)
    assert (E, "versi_template", K, None, None) in findings_of(example)
