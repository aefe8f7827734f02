"""Benchmark: compile time and memory by input size (a benchmark, not a test).

Generates anggaran inputs of 1k, 10k and 50k sub-kegiatan rows through the real
templates (the other templates are the built-in example), compiles each in a fresh
process, and prints rows, seconds per phase (read, validate, compute, write), the whole
process's seconds and peak memory. It also times `xlkip --help` and `xlkip compile` of
the example as whole processes.

    python benchmarks/bench_compile.py            # 1k, 10k, 50k
    python benchmarks/bench_compile.py 2000 20000 # other sizes
"""

from __future__ import annotations

import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from xlkip import contoh
from xlkip.schema import TEMPLATES
from xlkip.schema.writer import Period, write_template

SIZES = (1_000, 10_000, 50_000)
CHILD = """
import json, resource, sys, time
start = time.perf_counter()
from pathlib import Path
from xlkip import api
result = api.compile_folder(Path(sys.argv[1]), Path(sys.argv[2]), force=True)
print(json.dumps({"phases": result.timings, "seconds": time.perf_counter() - start,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "findings": len(result.report.findings)}))
"""


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


def run_size(rows: int, work: Path) -> dict:
    folder = work / f"inputs_{rows}"
    folder.mkdir()
    write_inputs(folder, rows)
    started = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-c", CHILD, str(folder), str(work / f"out_{rows}.xlsx")],
        capture_output=True,
        text=True,
        check=True,
    )
    measured = json.loads(out.stdout)
    measured["process_seconds"] = time.perf_counter() - started
    return measured


def whole_process(args: list[str], cwd: Path, repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        subprocess.run(args, cwd=cwd, capture_output=True, check=False)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    sizes = [int(a) for a in sys.argv[1:]] or list(SIZES)
    xlkip = [sys.executable, "-m", "xlkip"]
    with tempfile.TemporaryDirectory(prefix="xlkip-bench-") as temp:
        work = Path(temp)
        print(f"xlkip --help                 {whole_process([*xlkip, '--help'], work):6.2f} s")
        example = whole_process([*xlkip, "compile", "--contoh"], work)
        print(f"xlkip compile (example)      {example:6.2f} s")
        print()
        print(
            f"{'rows':>7} {'read':>6} {'valid':>6} {'comp':>6} {'write':>6} {'total':>7} "
            f"{'process':>8} {'peak MB':>8}"
        )
        results = {}
        for rows in sizes:
            r = run_size(rows, work)
            p = r["phases"]
            results[rows] = r
            print(
                f"{rows:>7} {p['read']:6.2f} {p['validate']:6.2f} {p['compute']:6.2f} "
                f"{p['write']:6.2f} {sum(p.values()):7.2f} {r['process_seconds']:8.2f} "
                f"{r['peak_mb']:8.0f}"
            )
        if 10_000 in results and 50_000 in results:
            ratio = results[50_000]["process_seconds"] / results[10_000]["process_seconds"]
            print(f"\n50k / 10k whole-process time: {ratio:.1f}x")


if __name__ == "__main__":
    main()
