"""Benchmark: `xlkip rekap` of a pemda (40 offices) and of a province (1,300 offices).

Offices are copies of the built-in example with varied numbers: VARIANTS distinct
offices (their own instansi, IKU realisasi and budget) written through the real
templates, then copied folder by folder up to the count. Each count runs `xlkip
rekap` as a whole process (start-up, pool, every office, the pemda workbook), REPEAT
times; the minimum and the median are printed with the CPU seconds of the process and
its workers, the peak memory of the parent and of the largest worker, and the load
average (other processes share the machine).

    python benchmarks/bench_rekap.py              # 40 and 1300 offices, --jobs = cores
    python benchmarks/bench_rekap.py 40 --jobs 2  # other counts or jobs
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from xlkip import contoh
from xlkip.schema import TEMPLATES
from xlkip.schema.writer import Period, write_template

COUNTS = (40, 1_300)
VARIANTS = 40
REPEAT = 3
DINAS = ("Dinas", "Badan", "Kantor", "Satuan", "Inspektorat", "Sekretariat")


def _varied(kind: str, content: dict, rng: random.Random, n: int) -> dict:
    if kind == "identitas":
        content["Identitas"] = {
            **content["Identitas"],
            "instansi": f"{DINAS[n % len(DINAS)]} Contoh {n + 1}",
        }
    elif kind == "kinerja":
        for row in content["IKU"]:
            if isinstance(row.get("realisasi"), int | float):
                row["realisasi"] = round(row["realisasi"] * rng.uniform(0.6, 1.3), 2)
    elif kind == "anggaran":
        for row in content["Realisasi Anggaran"]:
            anggaran = rng.randrange(50_000_000, 3_000_000_000, 1000)
            row["anggaran"] = anggaran
            row["realisasi"] = rng.randrange(0, anggaran + 1, 1000)
    return content


def write_variants(root: Path, count: int) -> list[Path]:
    period = Period(*contoh.period_of())
    folders = []
    for n in range(count):
        rng = random.Random(n)
        folder = root / f"variant_{n:02d}"
        folder.mkdir(parents=True)
        for template in TEMPLATES.values():
            content = _varied(template.kind, contoh.load(template.kind), rng, n)
            write_template(template, folder / template.filename, period, content)
        folders.append(folder)
    return folders


def write_pemda(root: Path, variants: list[Path], count: int) -> Path:
    pemda = root / f"pemda_{count}"
    for n in range(count):
        shutil.copytree(variants[n % len(variants)], pemda / f"opd_{n:04d}")
    return pemda


def run(pemda: Path, out: Path, jobs: int) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds (the process and its workers), and the peak memory of
    the largest of them (getrusage of children: the biggest process waited for)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "xlkip", "rekap", str(pemda), "-o", str(out), "--jobs", str(jobs)],
        capture_output=True,
        text=True,
        check=False,
    )
    wall = time.perf_counter() - started
    if done.returncode != 0:
        sys.exit(f"xlkip rekap failed ({done.returncode}):\n{done.stdout}{done.stderr}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, after.ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("counts", nargs="*", type=int, default=list(COUNTS))
    parser.add_argument("--jobs", type=int, default=len(os.sched_getaffinity(0)))
    parser.add_argument("--repeat", type=int, default=REPEAT)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="xlkip-bench-rekap-") as temp:
        root = Path(temp)
        variants = write_variants(root / "variants", min(VARIANTS, max(args.counts)))
        print(
            f"jobs {args.jobs}, {args.repeat} runs each; load average before: "
            f"{' '.join(f'{x:.2f}' for x in os.getloadavg())}"
        )
        print(f"{'offices':>8} {'min s':>7} {'median s':>9} {'cpu s':>7} {'peak MB':>8}")
        for count in args.counts:
            pemda = write_pemda(root, variants, count)
            runs = [run(pemda, root / f"rekap_{count}.xlsx", args.jobs) for _ in range(args.repeat)]
            walls = [r[0] for r in runs]
            print(
                f"{count:>8} {min(walls):7.2f} {statistics.median(walls):9.2f} "
                f"{min(r[1] for r in runs):7.2f} {max(r[2] for r in runs):8.0f}"
            )
        print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
