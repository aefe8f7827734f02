"""Benchmark: compile time and memory by input size (a benchmark, not a test).

Generates anggaran inputs of 1k, 10k, 50k and 200k sub-kegiatan rows through the real
templates (the other templates are the built-in example), compiles each in a fresh
process, and prints rows, seconds per phase (read, validate, compute, write), the whole
process's seconds and peak memory. Beside each compile it runs the floor
(bench_floor.py: the same inputs read with python-calamine and the same number of cells
and formulas written with XlsxWriter, nothing of ours) in a fresh process too, and
prints the ratio. Every measurement is repeated and the minimum kept, since other
processes may share the cores; the load average is printed with it. It also times
`xlkip --help` and `xlkip compile` of the example as whole processes.

    python benchmarks/bench_compile.py                 # 1k, 10k, 50k, 200k
    python benchmarks/bench_compile.py 2000 20000      # other sizes
    REPEAT=1 python benchmarks/bench_compile.py 50000  # fewer runs
"""

from __future__ import annotations

import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

try:  # run as a script (python benchmarks/…) or imported as benchmarks.…
    from measure import PEAK_MB_SOURCE
except ModuleNotFoundError:
    from benchmarks.measure import PEAK_MB_SOURCE

from xlkip import contoh
from xlkip.schema import TEMPLATES
from xlkip.schema.writer import Period, write_template

SIZES = (1_000, 10_000, 50_000, 200_000)
REPEAT = int(os.environ.get("REPEAT", "3"))
FLOOR = Path(__file__).with_name("bench_floor.py")
CHILD = (
    PEAK_MB_SOURCE
    + """
import json, resource, sys, time
start = time.perf_counter()
from pathlib import Path
from xlkip import api
result = api.compile_folder(Path(sys.argv[1]), Path(sys.argv[2]), force=True)
usage = resource.getrusage(resource.RUSAGE_SELF)
print(json.dumps({"phases": result.timings, "seconds": time.perf_counter() - start,
                  "cpu": usage.ru_utime + usage.ru_stime, "peak_mb": peak_mb(usage),
                  "findings": len(result.report.findings)}))
"""
)


def anggaran_rows(count: int, seed: int = 2024) -> list[dict]:
    """Programs of ~10 kegiatan of ~25 sub kegiatan, amounts as SIPD exports them."""
    rng = random.Random(seed)
    rows = []
    for n in range(count):
        program, kegiatan = n // 250, n // 25
        anggaran = rng.randrange(5_000_000, 2_000_000_000, 1000)
        rows.append(
            {
                "kode": f"2.{program // 99 + 10}.{program % 99 + 1:02d}.2.{kegiatan % 10 + 1:02d}."
                f"{n % 25 + 1:04d}",
                "program": f"PROGRAM {program + 1} PENGELOLAAN LAYANAN" if n % 250 == 0 else None,
                "kegiatan": f"Kegiatan {kegiatan + 1}" if n % 25 == 0 else None,
                "sub_kegiatan": f"Sub kegiatan {n + 1}",
                "sumber_dana": rng.choice(["DAU", "DAK", "PAD"]),
                "anggaran": anggaran,
                "realisasi": rng.randrange(0, anggaran + 1, 1000),
            }
        )
    return rows


def write_inputs(folder: Path, rows: int) -> None:
    period = Period(*contoh.period_of())
    for template in TEMPLATES.values():
        content = contoh.load(template.kind)
        if template.kind == "anggaran":
            content = {"Realisasi Anggaran": anggaran_rows(rows)}
        write_template(template, folder / template.filename, period, content)


def _timed(args: list[str]) -> dict:
    started = time.perf_counter()
    out = subprocess.run(args, capture_output=True, text=True, check=True)
    measured = json.loads(out.stdout)
    measured["process_seconds"] = time.perf_counter() - started
    return measured


def cell_counts(path: Path) -> tuple[int, int]:
    """Cells and formulas in a workbook's sheets, counted in its XML."""
    cells = formulas = 0
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if re.fullmatch(r"xl/worksheets/sheet\d+\.xml", name):
                xml = archive.read(name)
                cells += xml.count(b"<c ")
                formulas += xml.count(b"<f>")
    return cells, formulas


def run_size(rows: int, work: Path) -> tuple[dict, dict]:
    """The fastest of REPEAT compiles, and of REPEAT floors writing as many cells."""
    folder = work / f"inputs_{rows}"
    folder.mkdir()
    write_inputs(folder, rows)
    output = work / f"out_{rows}.xlsx"
    runs = [_timed([sys.executable, "-c", CHILD, str(folder), str(output)]) for _ in range(REPEAT)]
    cells, formulas = cell_counts(output)
    floor_args = [sys.executable, str(FLOOR), str(folder), str(work / f"floor_{rows}.xlsx")]
    floors = [_timed([*floor_args, str(cells), str(formulas)]) for _ in range(REPEAT)]
    best = min(runs, key=lambda r: r["process_seconds"])
    best["peak_mb"] = min(r["peak_mb"] for r in runs)
    best["cpu"] = min(r["cpu"] for r in runs)
    best["cells"], best["formulas"] = cells, formulas
    floor = min(floors, key=lambda r: r["process_seconds"])
    floor["peak_mb"] = min(r["peak_mb"] for r in floors)
    floor["cpu"] = min(r["cpu"] for r in floors)
    return best, floor


def whole_process(args: list[str], cwd: Path, repeat: int = 5) -> float:
    times = []
    for _ in range(max(repeat, REPEAT)):
        started = time.perf_counter()
        subprocess.run(args, cwd=cwd, capture_output=True, check=False)
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> None:
    sizes = [int(a) for a in sys.argv[1:]] or list(SIZES)
    xlkip = [sys.executable, "-m", "xlkip"]
    with tempfile.TemporaryDirectory(prefix="xlkip-bench-") as temp:
        work = Path(temp)
        print(f"xlkip --help                 {whole_process([*xlkip, '--help'], work):6.2f} s")
        example = whole_process([*xlkip, "compile", "--contoh"], work)
        print(f"xlkip compile (example)      {example:6.2f} s")
        print()
        print(f"(minimum of {REPEAT} runs; load average {_load()})")
        print(
            f"{'rows':>7} {'cells':>8} {'formulas':>8} {'read':>6} {'valid':>6} {'comp':>6} "
            f"{'write':>6} {'process':>8} {'cpu':>6} {'peak MB':>8} {'floor s':>8} "
            f"{'cpu':>6} {'floor MB':>8} {'ratio':>6} {'cpu':>6}"
        )
        results = {}
        for rows in sizes:
            r, floor = run_size(rows, work)
            p = r["phases"]
            results[rows] = r
            print(
                f"{rows:>7} {r['cells']:>8} {r['formulas']:>8} {p['read']:6.2f} "
                f"{p['validate']:6.2f} {p['compute']:6.2f} {p['write']:6.2f} "
                f"{r['process_seconds']:8.2f} {r['cpu']:6.2f} {r['peak_mb']:8.0f} "
                f"{floor['process_seconds']:8.2f} {floor['cpu']:6.2f} {floor['peak_mb']:8.0f} "
                f"{r['process_seconds'] / floor['process_seconds']:5.2f}x "
                f"{r['cpu'] / floor['cpu']:5.2f}x"
            )
        if 10_000 in results and 50_000 in results:
            ratio = results[50_000]["process_seconds"] / results[10_000]["process_seconds"]
            print(f"\n50k / 10k whole-process time: {ratio:.1f}x")
        print(f"load average after: {_load()}")


def _load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


if __name__ == "__main__":
    main()
