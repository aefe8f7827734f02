"""One office's row of the rekap: its folder checked and compiled exactly as `xlkip
compile` would, summarised; whatever goes wrong becomes the office's status."""

from __future__ import annotations

import time
from dataclasses import replace
from pathlib import Path

from xlkip.check import check
from xlkip.compile import (
    before_year_end,
    built_workbook,
    default_output,
    paused_gc,
    write_workbook,
)
from xlkip.errors import UsageError
from xlkip.findings import Report, error
from xlkip.inputs import Inputs
from xlkip.output import OutputError
from xlkip.rekap.summary import OfficeDetails, OfficeSummary, Status, details_of, not_written
from xlkip.schema import TEMPLATES


def compile_office(
    folder: Path,
    out_dir: Path | None = None,
    output: Path | None = None,
    triwulan: int | None = None,
) -> OfficeSummary:
    """One office for the rekap: check it and, given `out_dir` (or an exact `output`),
    compile its workbook exactly as `xlkip compile` would. Never raises: whatever goes
    wrong becomes the office's status and reason, so one office cannot stop a pemda."""

    started = time.perf_counter()
    try:
        with paused_gc():
            checked = check(folder)
            inputs, report = checked.inputs, checked.report
            if triwulan is not None:
                before_year_end(inputs, report)
            details, written, unwritten = None, None, None
            if report.valid:
                with built_workbook(inputs, report, triwulan, checked.lke) as built:
                    details = details_of(built, inputs, triwulan)
                    if out_dir is not None or output is not None:
                        target = output or default_output(inputs, out_dir or Path("output"))
                        try:
                            written = write_workbook(built, target)
                        except OutputError as exc:  # read fine: not "tidak terbaca"
                            unwritten = exc
    except UsageError as exc:
        return _unreadable(folder, "folder_tidak_terbaca", str(exc))
    except Exception as exc:  # one office's internal failure must not stop the others
        return _unreadable(
            folder,
            "kesalahan_internal",
            f"Kesalahan internal xlkip ({type(exc).__name__}: {exc}). Jalankan xlkip compile "
            f"{folder} --debug untuk rinciannya, dan kirimkan ke pengembang.",
        )
    summary = _summarize(folder, inputs, report, details, written, time.perf_counter() - started)
    annual = triwulan is None  # the LKE grades the annual report, not a quarter's
    if annual and checked.lke is not None and summary.status is not Status.UNREADABLE:
        summary = replace(summary, lke=(checked.lke.terpenuhi, checked.lke.diperiksa))
    return not_written(summary, unwritten) if unwritten else summary


def _unreadable(folder: Path, kode: str, alasan: str) -> OfficeSummary:
    return OfficeSummary(
        str(folder), Status.UNREADABLE, alasan=alasan, findings=(error(kode, alasan),)
    )


def _summarize(
    folder: Path,
    inputs: Inputs,
    report: Report,
    details: OfficeDetails | None,
    written: Path | None,
    seconds: float,
) -> OfficeSummary:
    errors = [f for f in report.sorted() if f.tingkat.value == "error"]
    missing = [t.kind for t in TEMPLATES.values() if t.required and not inputs.has(t.kind)]
    status, alasan = Status.OK, None
    if missing:
        status = Status.UNREADABLE
        causes = [f for f in errors if f.kode != "template_wajib_tidak_ada"]
        alasan = f"Template wajib tidak terbaca atau tidak ada: {', '.join(missing)}." + (
            f" {causes[0].file}: {causes[0].pesan}" if causes else ""
        )
    elif errors:
        status = Status.ERRORS
        first = errors[0]
        where = ", ".join(p for p in (first.file, first.lokasi) if p)
        alasan = f"{len(errors)} error; yang pertama ({where}): {first.pesan}"
    tahun = inputs.identitas("tahun")
    return OfficeSummary(
        folder=str(folder),
        status=status,
        instansi=inputs.identitas("instansi"),
        pemda=inputs.identitas("pemerintah_daerah"),
        tahun=tahun if isinstance(tahun, int) else None,
        alasan=alasan.strip() if alasan else None,
        findings=tuple(report.sorted()),
        details=details if status is Status.OK else None,
        output=str(written) if written else None,
        seconds=seconds,
    )
