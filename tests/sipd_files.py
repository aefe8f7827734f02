"""SIPD downloads built by the tests: each layout written as xlsx (xlsxwriter) or csv."""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import xlsxwriter

from xlkip import contoh
from xlkip.read.numbers import parse_number

FLAT_HEADER = (
    "NO",
    "TAHUN",
    "KODE SKPD",
    "NAMA SKPD",
    "KODE SUB UNIT",
    "NAMA SUB UNIT",
    "KODE BIDANG URUSAN",
    "NAMA BIDANG URUSAN",
    "KODE PROGRAM",
    "NAMA PROGRAM",
    "KODE KEGIATAN",
    "NAMA KEGIATAN",
    "KODE SUB KEGIATAN",
    "NAMA SUB KEGIATAN",
    "KODE REKENING",
    "NAMA REKENING",
    "PAGU",
    "REALISASI",
)
SKPD = ("2.16.2.20.2.21.01.0000", "DINAS KOMUNIKASI DAN INFORMATIKA")
ACCOUNTS = (
    ("5.1.02.01.01.0024", "Belanja Alat/Bahan untuk Kegiatan Kantor-Alat Tulis Kantor"),
    ("5.1.02.02.01.0026", "Belanja Jasa Tenaga Administrasi"),
    ("5.1.02.04.01.0001", "Belanja Perjalanan Dinas Biasa"),
)
PROGRAM_CODES = {
    "PROGRAM PENUNJANG": "2.16.01",
    "PROGRAM PENGELOLAAN INFORMASI": "2.16.02",
    "PROGRAM PENGELOLAAN APLIKASI": "2.16.03",
    "PROGRAM PENYELENGGARAAN STATISTIK": "2.20.02",
    "PROGRAM PENYELENGGARAAN PERSANDIAN": "2.21.02",
}


def write_xlsx(path: Path, sheets: dict[str, Iterable[Sequence[Any]]]) -> Path:
    workbook = xlsxwriter.Workbook(str(path))
    date = workbook.add_format({"num_format": "dd/mm/yyyy"})  # what Excel shows a date as
    for name, rows in sheets.items():
        sheet = workbook.add_worksheet(name)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                if value is None:
                    continue
                if isinstance(value, str):
                    sheet.write_string(r, c, value)
                elif isinstance(value, dt.date):
                    sheet.write_datetime(r, c, value, date)
                else:
                    sheet.write_number(r, c, value)
    workbook.close()
    return path


def write_csv(path: Path, rows: Iterable[Sequence[Any]], delimiter: str = ";") -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, delimiter=delimiter)
        for row in rows:
            writer.writerow(["" if v is None else v for v in row])
    return path


def rupiah_text(value: int) -> str:
    """1500000 -> '1.500.000,00'; -1500 -> '(1.500,00)'."""
    text = f"{abs(value):,}".replace(",", ".") + ",00"
    return f"({text})" if value < 0 else text


def _amount(text: str | None) -> int:
    parsed = parse_number(text) if text else None
    return round(parsed.value) if parsed else 0


def split(amount: int, parts: int) -> list[int]:
    """An amount over `parts` accounts, unevenly, summing exactly."""
    shares = [amount * (k + 1) // (parts * (parts + 1) // 2) for k in range(parts - 1)]
    return [*shares, amount - sum(shares)]


def example_sub_kegiatan() -> list[dict[str, Any]]:
    """The built-in example's Tabel 3.17 rows, filled down, with codes for each level."""
    rows = contoh.load("anggaran")["Realisasi Anggaran"]
    program = kegiatan = None
    program_code = kegiatan_code = ""
    counters: dict[str, int] = {}
    out = []
    for row in rows:
        if row["program"]:
            program = row["program"]
            program_code = next(c for p, c in PROGRAM_CODES.items() if program.startswith(p))
        if row["kegiatan"] or row["program"]:
            kegiatan = row["kegiatan"]
            number = counters[program_code] = counters.get(program_code, 0) + 1
            kind = "1" if program_code.endswith(".01") else "2"
            kegiatan_code = f"{program_code}.{kind}.{number:02d}"
        sub_number = counters[kegiatan_code] = counters.get(kegiatan_code, 0) + 1
        out.append(
            {
                "program": program,
                "program_code": program_code,
                "kegiatan": kegiatan,
                "kegiatan_code": kegiatan_code,
                "sub_kegiatan": row["sub_kegiatan"],
                "sub_code": f"{kegiatan_code}.{sub_number:04d}",
                "old_code": f"{kegiatan_code}.{sub_number:02d}",
                "anggaran": _amount(row["anggaran"]),
                "realisasi": _amount(row["realisasi"]),
            }
        )
    return out


def example_flat_rows(sumber_dana: bool = False) -> list[list[Any]]:
    """The example as a flattened per-account export: two or three accounts per sub
    kegiatan, every other one in the older two-digit code form."""
    header = [*FLAT_HEADER, "SUMBER DANA"] if sumber_dana else list(FLAT_HEADER)
    rows: list[list[Any]] = [header]
    number = 0
    for index, sub in enumerate(example_sub_kegiatan()):
        count = 2 + index % 2
        code = sub["old_code"] if index % 2 else sub["sub_code"]
        bidang = sub["program_code"][:4]
        pagu = split(sub["anggaran"], count)
        real = split(sub["realisasi"], count)
        for (account, account_name), a, r in zip(ACCOUNTS[:count], pagu, real, strict=True):
            number += 1
            row = [
                number,
                2024,
                SKPD[0],
                SKPD[1],
                SKPD[0],
                SKPD[1],
                bidang,
                f"BIDANG {bidang}",
                sub["program_code"],
                sub["program"],
                sub["kegiatan_code"],
                sub["kegiatan"],
                code,
                sub["sub_kegiatan"],
                account,
                account_name,
                a,
                r,
            ]
            rows.append([*row, "DAU - DANA ALOKASI UMUM"] if sumber_dana else row)
    return rows


def recap_rows(jumlah_anggaran: str | None = None) -> list[list[Any]]:
    """A recap printed by level: title rows, a group row over a sub-header row (a pair
    per jenis belanja and a JUMLAH pair), column numbers, text amounts, a negative in
    parentheses, account rows at several levels under each sub kegiatan, JUMLAH."""

    def amounts(operasi: tuple[int, int], modal: tuple[int, int]) -> list[str]:
        total = (operasi[0] + modal[0], operasi[1] + modal[1])
        return [rupiah_text(v) for v in (*operasi, *modal, *total)]

    sub_a = [
        ["5", "BELANJA DAERAH", *amounts((1_500_000, 1_400_000), (7_000_000, 6_500_000))],
        ["5.1.02.01.01.0024", "Belanja ATK", *amounts((1_500_000, 1_400_000), (0, 0))],
        ["5.2.02.10.01.0002", "Belanja Modal Komputer", *amounts((0, 0), (7_000_000, 6_500_000))],
    ]
    sub_b = [
        [
            "5.1.02.02.01.0026",
            "Belanja Jasa Tenaga Administrasi",
            *amounts((2_000_000, 1_000_000), (0, 0)),
        ],
        ["5.1.02.04.01.0001", "Belanja Perjalanan Dinas", *amounts((500_000, -250_000), (0, 0))],
    ]
    rows: list[list[Any]] = [
        ["PEMERINTAH KOTA BINJAI"],
        ["LAPORAN REALISASI ANGGARAN PER SUB KEGIATAN"],
        ["SKPD : 2.16.2.20.2.21.01.0000 DINAS KOMUNIKASI DAN INFORMATIKA"],
        ["TAHUN ANGGARAN 2024"],
        [],
        ["KODE", "URAIAN", "BELANJA OPERASI", None, "BELANJA MODAL", None, "JUMLAH", None],
        [None, None, "Anggaran", "Realisasi", "Anggaran", "Realisasi", "Anggaran", "Realisasi"],
        [1, 2, 3, 4, 5, 6, 7, 8],
        [
            "2.16.02",
            "PROGRAM PENGELOLAAN INFORMASI DAN KOMUNIKASI PUBLIK",
            *amounts((4_000_000, 2_150_000), (7_000_000, 6_500_000)),
        ],
        [
            "2.16.02.2.01",
            "Pengelolaan Informasi dan Komunikasi Publik Pemerintah Daerah",
            *amounts((4_000_000, 2_150_000), (7_000_000, 6_500_000)),
        ],
        [
            "2.16.02.2.01.0001",
            "Pengelolaan Konten dan Perencanaan Media Komunikasi Publik",
            *amounts((1_500_000, 1_400_000), (7_000_000, 6_500_000)),
        ],
        *sub_a,
        ["2.16.02.2.01.02", "Layanan Hubungan Media", *amounts((2_500_000, 750_000), (0, 0))],
        *sub_b,
        ["JUMLAH", None, *amounts((4_000_000, 2_150_000), (7_000_000, 6_500_000))],
        [],
        ["Binjai, 31 Desember 2024"],
        ["KEPALA DINAS"],
    ]
    if jumlah_anggaran is not None:
        rows[-4][6] = jumlah_anggaran
    return rows


def lra_rows(belanja_modal: int = 7_000_000) -> list[list[Any]]:
    """An LRA by account for the recap above (pendapatan rows are not the budget)."""
    return [
        ["LAPORAN REALISASI ANGGARAN"],
        ["kode_rekening", "level", "nama_rekening", "anggaran", "realisasi", "persentase"],
        ["4", 1, "PENDAPATAN DAERAH", 0, 0, 0],
        ["5", 1, "BELANJA DAERAH", 4_000_000 + belanja_modal, 8_650_000, 0.78],
        ["5.1", 2, "BELANJA OPERASI", 4_000_000, 2_150_000, 0.54],
        ["5.1.02", 3, "Belanja Barang dan Jasa", 4_000_000, 2_150_000, 0.54],
        ["5.2", 2, "BELANJA MODAL", belanja_modal, 6_500_000, 0.93],
        ["5.2.02", 3, "Belanja Modal Peralatan dan Mesin", belanja_modal, 6_500_000, 0.93],
    ]


def quarter_rows(period: str | None, quarters: tuple[int, int] = (1, 4)) -> list[list[Any]]:
    """The example's flat export under a title that prints `period` (None: no period
    line), each account's realisasi that of quarters first..last, the year's spread
    evenly over TW I-IV (whole rupiah: TW n to date is n/4 of the year, rounded down)."""
    title: list[list[Any]] = [["LAPORAN REALISASI ANGGARAN PER SUB KEGIATAN"], ["TAHUN 2024"]]
    if period is not None:
        title.append([period])
    first, last = quarters
    rows = example_flat_rows()
    body = [[*row[:-1], row[-1] * last // 4 - row[-1] * (first - 1) // 4] for row in rows[1:]]
    return [*title, [], rows[0], *body]


def quarter_realisasi(code_index: int, quarters: tuple[int, int]) -> int:
    """What quarter_rows gives sub kegiatan number `code_index` (0: the first)."""
    first, last = quarters
    sub = example_sub_kegiatan()[code_index]
    shares = split(sub["realisasi"], 2 + code_index % 2)
    return sum(r * last // 4 - r * (first - 1) // 4 for r in shares)
