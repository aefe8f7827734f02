"""`xlkip check`: read a folder of templates, validate it, and say every finding."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from xlkip.errors import UsageError
from xlkip.findings import Report
from xlkip.inputs import Inputs
from xlkip.lke import Evaluasi, evaluate
from xlkip.read.folder import read_folder, unused_modules
from xlkip.validate import validate


@dataclass
class CheckResult:
    inputs: Inputs
    report: Report
    timings: dict[str, float] = field(default_factory=dict)
    """Seconds per phase: read, validate (and compute, write for compile)."""
    lke: Evaluasi | None = None
    """The Pra-evaluasi LKE of the inputs and every finding (xlkip.lke)."""


def check(folder: Path, tahun_lalu: Path | None = None) -> CheckResult:
    """Read every template in `folder` and collect every finding in one pass; with
    `tahun_lalu` (last year's filled folder) also compare every "tahun lalu" value."""
    result = _check(folder)
    if tahun_lalu is not None:
        from xlkip.validate import tahun_lalu as across_years

        if tahun_lalu.resolve() == folder.resolve():
            raise UsageError("--tahun-lalu menyebut folder yang sama dengan folder tahun ini.")
        last = _check(tahun_lalu)
        if last.inputs.tahun != result.inputs.tahun - 1:
            raise UsageError(
                f"Folder {tahun_lalu} berisi laporan tahun {last.inputs.tahun}, bukan tahun "
                f"{result.inputs.tahun - 1}. Sebutkan folder isian tahun lalu."
            )
        result.report.extend(list(across_years.check(result.inputs, last.inputs)))
    result.lke = evaluate(result.inputs, result.report)
    return result


def _check(folder: Path) -> CheckResult:
    started = time.perf_counter()
    report = Report()
    inputs = read_folder(folder, report)
    read = time.perf_counter()
    report.extend(unused_modules(inputs))
    report.extend(validate(inputs))
    timings = {"read": read - started, "validate": time.perf_counter() - read}
    return CheckResult(inputs, report, timings)
