"""Benchmark: `impor-anggaran` of a whole pemda's flattened per-account export.

Generates a SIPD "statistik belanja" export (NO … KODE REKENING, NAMA REKENING, PAGU,
REALISASI) of 200 000 account rows — 40 SKPD × 100 sub kegiatan × 50 accounts, the
older two-digit sub kegiatan form on every other SKPD — as xlsx and as a `;` csv, then
imports each in a fresh process (read, sum, reconcile, write the filled template) and
prints the seconds and the peak memory. A benchmark, not a test. Target: < 10 s.

    python benchmarks/bench_sipd.py            # 200 000 account rows
    python benchmarks/bench_sipd.py 50000      # another size
"""

from __future__ import annotations

import csv
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import xlsxwriter

try:  # run as a script (python benchmarks/…) or imported as benchmarks.…
    from measure import PEAK_MB_SOURCE
except ModuleNotFoundError:
    from benchmarks.measure import PEAK_MB_SOURCE

HEADER = (
    "NO", "TAHUN", "KODE SKPD", "NAMA SKPD", "KODE SUB UNIT", "NAMA SUB UNIT",
    "KODE BIDANG URUSAN", "NAMA BIDANG URUSAN", "KODE PROGRAM", "NAMA PROGRAM",
    "KODE KEGIATAN", "NAMA KEGIATAN", "KODE SUB KEGIATAN", "NAMA SUB KEGIATAN",
    "KODE REKENING", "NAMA REKENING", "PAGU", "REALISASI",
)  # fmt: skip
SUBS_PER_SKPD, ACCOUNTS_PER_SUB = 100, 50
CHILD = (
    PEAK_MB_SOURCE
    + """
import json, resource, sys, time
start = time.perf_counter()
from pathlib import Path
from xlkip import api
result = api.import_anggaran([Path(sys.argv[1])], Path(sys.argv[2]), overwrite=True)
usage = resource.getrusage(resource.RUSAGE_SELF)
print(json.dumps({"seconds": time.perf_counter() - start,
                  "cpu": usage.ru_utime + usage.ru_stime,
                  "peak_mb": peak_mb(usage),
                  "sub_kegiatan": len(result.rows),
                  "errors": sum(f.tingkat.value == "error" for f in result.report.findings),
                  "written": result.output is not None}))
"""
)
READ_ONLY = """
import json, resource, sys, time
start = time.perf_counter()
import python_calamine
book = python_calamine.CalamineWorkbook.from_path(sys.argv[1])
rows = book.get_sheet_by_name(book.sheet_names[0]).to_python(skip_empty_area=False)
usage = resource.getrusage(resource.RUSAGE_SELF)
print(json.dumps({"seconds": time.perf_counter() - start, "cpu": usage.ru_utime + usage.ru_stime}))
"""


def export_rows(count: int, seed: int = 2024):
    rng = random.Random(seed)
    per_skpd = SUBS_PER_SKPD * ACCOUNTS_PER_SUB
    for n in range(count):
        skpd, rest = divmod(n, per_skpd)
        sub, account = divmod(rest, ACCOUNTS_PER_SUB)
        urusan, bidang = 1 + skpd % 8, 1 + skpd // 8
        program, kegiatan, number = 1 + sub // 20, 1 + (sub // 5) % 4, 1 + sub % 5
        skpd_code = f"{urusan}.{bidang:02d}.0.00.0.00.{skpd + 1:02d}.0000"
        bidang_code = f"{urusan}.{bidang:02d}"
        program_code = f"{bidang_code}.{program:02d}"
        kegiatan_code = f"{program_code}.2.{kegiatan:02d}"
        sub_code = f"{kegiatan_code}.{number:02d}" if skpd % 2 else f"{kegiatan_code}.{number:04d}"
        pagu = rng.randrange(100_000, 50_000_000, 1000)
        yield (
            n + 1, 2024, skpd_code, f"SKPD {skpd + 1}", skpd_code, f"SKPD {skpd + 1}",
            bidang_code, f"BIDANG {bidang_code}", program_code, f"PROGRAM {program_code}",
            kegiatan_code, f"KEGIATAN {kegiatan_code}", sub_code, f"SUB KEGIATAN {sub_code}",
            f"5.1.02.{1 + account // 10:02d}.01.{1 + account:04d}", f"Belanja {account + 1}",
            pagu, rng.randrange(0, pagu + 1, 1000),
        )  # fmt: skip


def write_xlsx(path: Path, count: int) -> None:
    # Shared strings, as Excel and SIPD's downloads store text (constant_memory would
    # write inline strings, which calamine reads about a third slower).
    workbook = xlsxwriter.Workbook(str(path))
    sheet = workbook.add_worksheet("Sheet1")
    sheet.write_row(0, 0, HEADER)
    for r, row in enumerate(export_rows(count), start=1):
        sheet.write_row(r, 0, row)
    workbook.close()


def write_csv(path: Path, count: int) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(HEADER)
        for row in export_rows(count):
            writer.writerow([*row[:16], f"{row[16]:,}".replace(",", ".") + ",00", row[17]])


def run(source: Path, work: Path, child: str = CHILD) -> dict:
    output = subprocess.run(
        [sys.executable, "-c", child, str(source), str(work / "anggaran.xlsx")],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(output.stdout.strip().splitlines()[-1])


def main(argv: list[str]) -> None:
    count = int(argv[0]) if argv else 200_000
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())} ({os.cpu_count()} cores)")
    print("wall seconds depend on what else runs; CPU seconds are the import's own work")
    with tempfile.TemporaryDirectory(prefix="xlkip-bench-sipd-") as folder:
        work = Path(folder)
        for suffix, writer in ((".xlsx", write_xlsx), (".csv", write_csv)):
            source = work / f"statistik_belanja{suffix}"
            started = time.perf_counter()
            writer(source, count)
            made = time.perf_counter() - started
            result = run(source, work)
            print(
                f"{count:>7} account rows {suffix:<5} ({source.stat().st_size / 2**20:5.1f} MB, "
                f"made in {made:4.1f} s): import {result['seconds']:5.2f} s "
                f"({result['cpu']:5.2f} s CPU), peak "
                f"{result['peak_mb']:4.0f} MB, {result['sub_kegiatan']} sub kegiatan written, "
                f"{result['errors']} errors"
            )
            if suffix == ".xlsx":
                alone = run(source, work, READ_ONLY)
                print(
                    f"{'':>7} of which python-calamine alone reads the sheet in "
                    f"{alone['seconds']:5.2f} s ({alone['cpu']:5.2f} s CPU)"
                )


if __name__ == "__main__":
    main(sys.argv[1:])
