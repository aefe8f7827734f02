"""Benchmark: `compile --triwulan 4` of a 50k-row budget against the annual compile (a
benchmark, not a test).

Writes, through the real templates, the 50k sub kegiatan of bench_compile.py and a
triwulan.xlsx holding the same sub kegiatan with their kas and realisasi per quarter
(summing to the annual realisasi, so the one-set-of-facts check has nothing to say), the
other templates being the built-in example. Then, each in a fresh process and the
fastest of REPEAT runs kept: the annual compile of that folder without triwulan.xlsx
(the office as it is today), the annual compile with it, and `compile --triwulan 4`.
Target: the monitoring workbook within 1.5× the annual compile.

    python benchmarks/bench_triwulan.py            # 50 000 rows
    python benchmarks/bench_triwulan.py 10000      # another size
    REPEAT=1 python benchmarks/bench_triwulan.py   # fewer runs
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

try:  # run as a script (python benchmarks/…) or imported as benchmarks.…
    from bench_compile import anggaran_rows, write_inputs
    from measure import PEAK_MB_SOURCE
except ModuleNotFoundError:
    from benchmarks.bench_compile import anggaran_rows, write_inputs
    from benchmarks.measure import PEAK_MB_SOURCE

from xlkip import contoh
from xlkip.schema.triwulan import ANGGARAN_TRIWULAN, RENCANA_AKSI, TEMPLATE
from xlkip.schema.writer import Period, write_template

ROWS = 50_000
REPEAT = int(os.environ.get("REPEAT", "3"))
TARGET = 1.5
KAS_SPLIT = (0.2, 0.25, 0.25)
SPENT_SPLIT = (0.15, 0.25, 0.25)
CHILD = (
    PEAK_MB_SOURCE
    + """
import json, resource, sys, time
start = time.perf_counter()
from pathlib import Path
from xlkip import api
triwulan = int(sys.argv[3]) if len(sys.argv) > 3 else None
result = api.compile_folder(Path(sys.argv[1]), Path(sys.argv[2]), force=True, triwulan=triwulan)
usage = resource.getrusage(resource.RUSAGE_SELF)
print(json.dumps({"phases": result.timings, "seconds": time.perf_counter() - start,
                  "cpu": usage.ru_utime + usage.ru_stime, "peak_mb": peak_mb(usage),
                  "findings": len(result.report.findings)}))
"""
)


def _split(total: int, shares: tuple[float, ...]) -> list[int]:
    """Four quarters summing to `total` exactly (TW IV takes the rest)."""
    parts = [int(total * share) for share in shares]
    return [*parts, total - sum(parts)]


def quarter_rows(budget: list[dict]) -> list[dict]:
    """The budget's sub kegiatan, named as they are (program and kegiatan filled down
    the same way), with kas and realisasi per quarter."""
    rows = []
    for row in budget:
        kas = _split(row["anggaran"], KAS_SPLIT)
        spent = _split(row["realisasi"], SPENT_SPLIT)
        rows.append(
            {
                "program": row["program"],
                "kegiatan": row["kegiatan"],
                "sub_kegiatan": row["sub_kegiatan"],
                **{f"kas_tw{n}": kas[n - 1] for n in range(1, 5)},
                **{f"realisasi_tw{n}": spent[n - 1] for n in range(1, 5)},
            }
        )
    return rows


def write_folder(folder: Path, rows: int) -> None:
    write_inputs(folder, rows)
    example = contoh.load("triwulan")
    content = {
        RENCANA_AKSI.name: example[RENCANA_AKSI.name],
        ANGGARAN_TRIWULAN.name: quarter_rows(anggaran_rows(rows)),
    }
    write_template(TEMPLATE, folder / TEMPLATE.filename, Period(*contoh.period_of()), content)


def best(args: list[str]) -> dict:
    runs = []
    for _ in range(REPEAT):
        started = time.perf_counter()
        out = subprocess.run(args, capture_output=True, text=True, check=True)
        measured = json.loads(out.stdout)
        measured["process_seconds"] = time.perf_counter() - started
        runs.append(measured)
    fastest = min(runs, key=lambda r: r["process_seconds"])
    fastest["peak_mb"] = min(r["peak_mb"] for r in runs)
    return fastest


def _line(label: str, run: dict) -> str:
    phases = run["phases"]
    parts = " ".join(
        f"{k} {phases.get(k, 0):5.2f}" for k in ("read", "validate", "compute", "write")
    )
    return (
        f"{label:<34} {run['process_seconds']:6.2f} s  ({parts})  peak {run['peak_mb']:4.0f} MB"
        f"  {run['findings']} findings"
    )


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else ROWS
    with tempfile.TemporaryDirectory(prefix="xlkip-bench-tw-") as temp:
        work = Path(temp)
        folder = work / "inputs"
        folder.mkdir()
        write_folder(folder, rows)
        annual_only = work / "annual_only"
        shutil.copytree(folder, annual_only)
        (annual_only / TEMPLATE.filename).unlink()
        child = [sys.executable, "-c", CHILD]
        today = best([*child, str(annual_only), str(work / "today.xlsx")])
        annual = best([*child, str(folder), str(work / "annual.xlsx")])
        quarters = best([*child, str(folder), str(work / "tw4.xlsx"), "4"])
    print(f"{rows} sub kegiatan rows (minimum of {REPEAT} runs; load average {_load()})")
    print(_line("compile, without triwulan.xlsx", today))
    print(_line("compile, with triwulan.xlsx", annual))
    print(_line("compile --triwulan 4", quarters))
    for label, base in (("without", today), ("with", annual)):
        ratio = quarters["process_seconds"] / base["process_seconds"]
        verdict = "met" if ratio <= TARGET else "NOT met"
        print(
            f"--triwulan 4 / annual ({label} triwulan.xlsx): {ratio:.2f}x "
            f"(target ≤ {TARGET}x: {verdict})"
        )


def _load() -> str:
    try:
        return " ".join(f"{x:.1f}" for x in os.getloadavg())
    except OSError:
        return "?"


if __name__ == "__main__":
    main()
