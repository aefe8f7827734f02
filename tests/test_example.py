"""The built-in example carries the seed's slips; check must find exactly those."""

from pathlib import Path

from tests.helpers import check_json, findings_of
from xlkip import api
from xlkip.komposisi import komposisi
from xlkip.schema.anggaran import DPA_MURNI, REALISASI_ANGGARAN
from xlkip.schema.kinerja import IKU, RENSTRA
from xlkip.schema.sdm import PEGAWAI

SEED_SLIPS = [
    # Tabel 3.8 lists the Diskominfo website twice ("dan" / "&").
    ("peringatan", "baris_ganda", "aplikasi.xlsx", "Aplikasi dan Website", "B62"),
    # TTE target 2024: 15% in Tabel 2.1 ("Sumber: Renstra"), 71,43% in the Renstra of 3.14.
    ("peringatan", "target_renstra_beda", "kinerja.xlsx", "IKU", "J5"),
    # 2023 information count: 1100 in 3.13, but 3.10 sums to 3543.
    ("peringatan", "realisasi_beda_bukti", "kinerja.xlsx", "IKU", "G6"),
    # Tabel 2.1 gives the information indicator (counted in informasi) a target of 70%…
    ("peringatan", "persen_pada_satuan_lain", "kinerja.xlsx", "IKU", "J6"),
    # … where the Renstra of 3.14 says 1135 for 2024 …
    ("peringatan", "target_renstra_beda", "kinerja.xlsx", "IKU", "J6"),
    # … and the Perjanjian Kinerja (2.3) and 3.2 say 1100.
    ("peringatan", "target_pk_beda_renstra", "kinerja.xlsx", "IKU", "K6"),
    # Statistics target 2024: 45% in Tabel 2.1, 15% in the Perjanjian Kinerja (2.3) and 3.2.
    ("peringatan", "target_pk_beda_renstra", "kinerja.xlsx", "IKU", "K7"),
    # Complaints IKU 94% in 3.2, but 60/62 = 96,77% by 3.11.
    ("peringatan", "realisasi_beda_bukti", "kinerja.xlsx", "IKU", "F8"),
    # Complaints 2023: 70% in 3.13, but 95/115 = 82,61% by 3.12.
    ("peringatan", "realisasi_beda_bukti", "kinerja.xlsx", "IKU", "G8"),
    # Information count: 3346 in 3.14 against 4225 in 3.2.
    ("peringatan", "realisasi_renstra_beda", "kinerja.xlsx", "Renstra", "E5"),
    # TTE: 0,00% in 3.14 against 12% in 3.2.
    ("peringatan", "realisasi_renstra_beda", "kinerja.xlsx", "Renstra", "E10"),
    # Complaints: 82,00% in 3.14 against 94% in 3.2.
    ("peringatan", "realisasi_renstra_beda", "kinerja.xlsx", "Renstra", "E15"),
    # The causes, obstacles and solutions are written for the TTE sasaran only.
    *(("peringatan", "narasi_kosong", "narasi.xlsx", "Narasi Sasaran", f"A{r}") for r in (5, 6, 7)),
    # Kab. Dairi twice in 3.15.
    ("peringatan", "baris_ganda", "spbe.xlsx", "Indeks Daerah Lain", "A12"),
]


def test_example_findings_are_exactly_the_seed_slips(example: Path):
    assert findings_of(example) == SEED_SLIPS


def test_bab_ii_messages_quote_both_targets(example: Path):
    pesan = {
        (f["sheet"], f["sel"], f["kode"]): f["pesan"] for f in check_json(example)[1]["findings"]
    }
    statistik = pesan[("IKU", "K7", "target_pk_beda_renstra")]
    assert "15%" in statistik and "45%" in statistik and "sel J7" in statistik
    informasi = pesan[("IKU", "K6", "target_pk_beda_renstra")]
    assert "1.100" in informasi and "sel J6" in informasi
    assert "70%" in pesan[("IKU", "J6", "persen_pada_satuan_lain")]
    assert "Informasi" in pesan[("IKU", "J6", "persen_pada_satuan_lain")]
    tte = pesan[("IKU", "J5", "target_renstra_beda")]
    assert "15%" in tte and "71,43%" in tte and "sel I10" in tte


def test_example_checks_clean_of_errors(example: Path):
    code, report = check_json(example)
    assert code == 0
    assert report["valid"] is True


def test_messages_quote_both_numbers(example: Path):
    pesan = {(f["sheet"], f["sel"]): f["pesan"] for f in check_json(example)[1]["findings"]}
    assert "94%" in pesan[("IKU", "F8")] and "96,77%" in pesan[("IKU", "F8")]
    assert "1.100" in pesan[("IKU", "G6")] and "3.543" in pesan[("IKU", "G6")]
    assert "0%" in pesan[("Renstra", "E10")] and "12%" in pesan[("Renstra", "E10")]
    assert "baris 10" in pesan[("Indeks Daerah Lain", "A12")]
    assert "Dinas Komunikasi & Informatika" in pesan[("Aplikasi dan Website", "B62")]


def test_example_values_are_read_as_printed(example: Path):
    inputs = api.check(example).inputs
    iku = inputs.records(IKU)
    assert [r.get("realisasi") for r in iku] == [3.12, 0.12, 4225, 0.30, 0.94]
    assert iku[3].get("sasaran") == iku[2].get("sasaran")  # filled down
    anggaran = inputs.records(REALISASI_ANGGARAN)
    assert sum(r.get("anggaran") for r in anggaran) == 9475869588
    assert sum(r.get("realisasi") for r in anggaran) == 8664222212
    assert len({r.get("program") for r in anggaran}) == 5
    renstra = inputs.records(RENSTRA)
    assert renstra[10].get("realisasi") == 1.4916  # 149,16% in a % cell, not 1,49%
    assert renstra[6].years == {
        2021: None,
        2022: 0.2381,
        2023: 0.4762,
        2024: 0.7143,
        2025: 0.8571,
        2026: 1.0,
    }
    assert inputs.identitas("nip") == "19870331 200602 1 001"
    assert inputs.period.renstra_years == range(2021, 2027)


def test_example_staff_follow_tables_1_1_to_1_4(example: Path):
    """The person list reproduces Tabel 1.1–1.4 as printed; of 1.5 it cannot reproduce
    the 8 Jabatan Pelaksana (its ASN rows sum to 20, while 1.1, 1.3 and 1.4 say 19)."""
    k = komposisi(api.check(example).inputs.records(PEGAWAI))
    assert dict(k.pns_golongan) == {"IV/a": 1, "IV/b": 3, "III/b": 2, "III/c": 4, "III/d": 8,
                                    "II/c": 1}  # fmt: skip
    assert k.non_asn_jabatan == {"Staff Administrasi": 14, "Tenaga Liputan": 22,
                                 "Tenaga Operator BCC": 12, "Tenaga Programmer": 8}  # fmt: skip
    assert k.jenis_kelamin == {("Laki-laki", True): 9, ("Perempuan", True): 10,
                               ("Laki-laki", False): 25, ("Perempuan", False): 31}  # fmt: skip
    assert k.pendidikan == {("S2", True): 6, ("S1/D4", True): 12, ("D3", True): 1,
                            ("SMA/SMK", False): 20, ("D3", False): 3,
                            ("S1/D4", False): 33}  # fmt: skip
    assert k.jabatan == {"Eselon II": 1, "Eselon III": 4, "Eselon IV": 2, "Fungsional": 5,
                         "Pelaksana": 7, "Staff Administrasi": 14, "Tenaga Liputan": 22,
                         "Tenaga Operator BCC": 12, "Tenaga Programmer": 8}  # fmt: skip
    assert sum(k.jabatan.values()) == 75 and k.programmer == 8


def test_example_bab_ii_is_read_as_printed(example: Path):
    inputs = api.check(example).inputs
    iku = inputs.records(IKU)
    assert [r.get("target_renstra") for r in iku] == [2.98, 0.15, 0.70, 0.45, 0.70]  # Tabel 2.1
    assert [r.get("target_pk") for r in iku] == [2.98, 0.15, 1100, 0.15, 0.70]  # Tabel 2.3
    assert {r.get("tujuan") for r in iku} == {
        "Peningkatan Tata Kelola pemerintahan berbasis Elektronik"
    }
    dpa = inputs.records(DPA_MURNI)
    assert [r.get("anggaran") for r in dpa] == [
        4620028407,
        2227422546,
        2191822276,
        151320630,
        217173100,
    ]
    assert sum(r.get("anggaran") for r in dpa) == 9407766959  # Tabel 2.4's JUMLAH
