"""The built-in example carries the seed's slips; check must find exactly those."""

from pathlib import Path

from tests.helpers import check_json, findings_of
from xlkip import api
from xlkip.schema.anggaran import REALISASI_ANGGARAN
from xlkip.schema.kinerja import IKU, RENSTRA

SEED_SLIPS = [
    # Tabel 3.8 lists the Diskominfo website twice ("dan" / "&").
    ("peringatan", "baris_ganda", "aplikasi.xlsx", "Aplikasi dan Website", "B62"),
    # 2023 information count: 1100 in 3.13, but 3.10 sums to 3543.
    ("peringatan", "realisasi_beda_bukti", "kinerja.xlsx", "IKU", "G6"),
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
    # Kab. Dairi twice in 3.15.
    ("peringatan", "baris_ganda", "spbe.xlsx", "Indeks Daerah Lain", "A12"),
]


def test_example_findings_are_exactly_the_seed_slips(example: Path):
    assert findings_of(example) == SEED_SLIPS


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
