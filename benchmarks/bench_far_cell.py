"""Benchmark: `check` of the example with one character typed at XFD1048576 of a template.

python-calamine sizes a sheet's grid by its farthest filled cell: before issue 18 this
aborted (`memory allocation of 549755813888 bytes failed`), and a cell at XFD20000 took
43 s and 12.9 GB. Reading is now bounded by the cells that hold something: the far cell
is left out with a warning at its cell. Writes the example, types the character, then
checks the folder (before and after) in a fresh process and prints the seconds and the peak memory.
A benchmark, not a test. Target: < 2 s and < 200 MB (seconds of CPU: wall seconds on a
shared machine count the others' work too); exits 1 when missed.

    python benchmarks/bench_far_cell.py              # XFD1048576 of kinerja.xlsx, sheet IKU
    python benchmarks/bench_far_cell.py XFD20000     # another cell
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import openpyxl

try:  # run as a script (python benchmarks/…) or imported as benchmarks.…
    from measure import PEAK_MB_SOURCE
except ModuleNotFoundError:
    from benchmarks.measure import PEAK_MB_SOURCE

TARGET_SECONDS, TARGET_MB = 2.0, 200.0
CHILD = (
    PEAK_MB_SOURCE
    + """
import json, resource, sys, time
start = time.perf_counter()
from pathlib import Path
from xlkip import api
report = api.check(Path(sys.argv[1])).report
usage = resource.getrusage(resource.RUSAGE_SELF)
print(json.dumps({"seconds": time.perf_counter() - start,
                  "cpu": usage.ru_utime + usage.ru_stime,
                  "peak_mb": peak_mb(usage),
                  "far": [f.sel for f in report.findings if f.kode == "sel_di_luar_tabel"]}))
"""
)


def _check(folder: Path) -> dict | None:
    command = [sys.executable, "-c", CHILD, str(folder)]
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        print(f"check failed (exit {done.returncode}): {done.stderr[-500:]}")
        return None
    return json.loads(done.stdout)


def _line(label: str, result: dict) -> str:
    return (
        f"{label}: check {result['seconds']:.2f} s ({result['cpu']:.2f} s CPU), "
        f"peak {result['peak_mb']:.0f} MB, warned at {', '.join(result['far']) or 'nothing'}"
    )


def main(cell: str = "XFD1048576") -> int:
    from xlkip import api

    with tempfile.TemporaryDirectory() as work:
        folder = Path(work) / "inputs"
        api.init_templates(folder, with_example=True)
        plain = _check(folder)
        path = folder / "kinerja.xlsx"
        workbook = openpyxl.load_workbook(path)
        workbook["IKU"][cell] = "x"
        workbook.save(path)
        result = _check(folder)
    if plain is None or result is None:
        return 1
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())} ({os.cpu_count()} cores)")
    print("wall seconds depend on what else runs; CPU seconds are the check's own work")
    print(_line("the example as it is        ", plain))
    print(_line(f"one character at {cell:<10}", result))
    met = result["cpu"] < TARGET_SECONDS and result["peak_mb"] < TARGET_MB
    verdict = "met" if met else "MISSED"
    print(f"target < {TARGET_SECONDS:.0f} s CPU and < {TARGET_MB:.0f} MB: {verdict}")
    return 0 if met and result["far"] == [cell] else 1


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:2]))
