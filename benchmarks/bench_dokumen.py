"""Benchmark: writing the Word document (compile --dokumen) from an already built report.

Targets: the example's document in < 2 s; a 5,000-sub-kegiatan budget's document in < 15 s
with the whole process (reading, building, the document) under 300 MB. Each run is a fresh
process. A benchmark, not a test; exits 1 when a target is missed. On a shared machine the
wall-clock time follows the load, so the process's CPU time (about what an idle machine
takes: the work is one thread) and the load average are printed beside it.

    python benchmarks/bench_dokumen.py
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

try:  # run as a script (python benchmarks/…) or imported as benchmarks.…
    from bench_compile import write_inputs
    from measure import PEAK_MB_SOURCE
except ModuleNotFoundError:
    from benchmarks.bench_compile import write_inputs
    from benchmarks.measure import PEAK_MB_SOURCE

CHILD = (
    PEAK_MB_SOURCE
    + """
import json, resource, sys, time
from pathlib import Path
from xlkip import api
from xlkip.render.dokumen import write_document

folder = Path(sys.argv[1])
checked = api.check(folder)
with api.built_workbook(checked.inputs, checked.report) as built:
    started, cpu = time.perf_counter(), time.process_time()
    write_document(built, checked.inputs, checked.report, folder.parent / "lkjip.docx")
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
usage = resource.getrusage(resource.RUSAGE_SELF)
print(json.dumps({"seconds": seconds, "cpu": cpu, "peak_mb": peak_mb(usage)}))
"""
)


def measure(folder: Path) -> dict[str, float]:
    run = subprocess.run(
        [sys.executable, "-c", CHILD, str(folder)], capture_output=True, text=True, check=True
    )
    return json.loads(run.stdout.strip().splitlines()[-1])


def main() -> int:
    from xlkip import api

    missed = False
    with tempfile.TemporaryDirectory(prefix="xlkip-bench-dokumen-") as work:
        example = Path(work) / "contoh" / "inputs"
        api.init_templates(example, with_example=True)
        big = Path(work) / "besar" / "inputs"
        big.mkdir(parents=True)
        write_inputs(big, 5_000)
        for name, folder, seconds, mb in (
            ("example", example, 2.0, None),
            ("5,000 rows", big, 15.0, 300.0),
        ):
            got = measure(folder)
            ok = got["seconds"] < seconds and (mb is None or got["peak_mb"] < mb)
            missed |= not ok
            print(
                f"{name:>10}: document {got['seconds']:.2f} s (target < {seconds:g} s; "
                f"{got['cpu']:.2f} s of CPU), load average "
                f"{os.getloadavg()[0]:.1f}, "
                f"process peak {got['peak_mb']:.0f} MB" + (f" (target < {mb:g} MB)" if mb else "")
            )
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
