"""`xlkip rekap` from folders to the pemda workbook (also reachable as xlkip.api.rekap)."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass, field, replace
from pathlib import Path

from xlkip.compile import paused_gc
from xlkip.errors import UsageError
from xlkip.output import OutputError, safe_filename, write_atomically
from xlkip.rekap.offices import find_offices
from xlkip.rekap.pool import default_jobs, run_offices
from xlkip.rekap.scope import (
    ACROSS_OFFICES,
    Scope,
    choose_scope,
    mark_offices,
    nothing_chosen,
    short_pemda,
)
from xlkip.rekap.summary import OfficeSummary
from xlkip.rekap.workbook import build_rekap
from xlkip.render.xlsx import render

__all__ = ["ACROSS_OFFICES", "RekapResult", "rekap"]


@dataclass
class RekapResult:
    offices: list[OfficeSummary]
    output: Path
    scope: Scope = field(default_factory=Scope)

    @property
    def valid(self) -> bool:
        return all(o.status.value == "ok" for o in self.offices)


def rekap(
    dirs: list[Path],
    output: Path | None = None,
    jobs: int | None = None,
    per_office: bool = False,
    out_dir: Path = Path("output"),
    done: Callable[[OfficeSummary], None] | None = None,
    started: Callable[[int], None] | None = None,
    pemda: str | None = None,
    tahun: int | None = None,
    sertakan_semua: bool = False,
    triwulan: int | None = None,
) -> RekapResult:
    """Check (and with `per_office` compile) every office in `dirs` in a process pool,
    then write the pemda workbook. `done` hears of each office as it finishes.

    Each office's workbook is first written into a staging folder beside the output,
    under its index, and renamed into place once every office is done, so offices of
    the same name cannot overwrite each other.

    The totals hold one pemda and one year: `pemda` and `tahun`, or those most offices
    report (see choose_scope); other offices are listed under them, or summed too with
    `sertakan_semua`."""
    if not dirs:
        raise UsageError("Sebutkan minimal satu folder OPD (atau folder berisi folder OPD).")
    if triwulan is not None and per_office:
        raise UsageError(
            "--triwulan merekap pemantauan triwulan saja: tulis workbook pemantauan tiap OPD "
            "dengan xlkip compile FOLDER --triwulan N."
        )
    folders = find_offices(dirs)
    if started:
        started(len(folders))
    target_dir = output.parent if output else out_dir
    with ExitStack() as stack:
        staging = None
        if per_office:
            try:
                target_dir.mkdir(parents=True, exist_ok=True)
                staging = Path(tempfile.mkdtemp(prefix=".xlkip-rekap-", dir=target_dir))
            except OSError as exc:
                raise OutputError(f"Tidak dapat menulis ke {target_dir} ({exc}).") from exc
            stack.callback(shutil.rmtree, staging, ignore_errors=True)
        outputs = [staging / f"{i}.xlsx" if staging else None for i in range(len(folders))]
        offices = run_offices(folders, outputs, jobs or default_jobs(), done, triwulan)
        scope = choose_scope(offices, pemda, tahun, sertakan_semua)
        if pemda or tahun:
            nothing = nothing_chosen(offices, scope)
            if nothing:
                raise UsageError(nothing)
        offices = mark_offices(offices, scope)
        if staging:
            offices = _place_workbooks(offices, target_dir)
    if triwulan is not None:
        from xlkip.rekap.triwulan import write_rekap_triwulan

        written = write_rekap_triwulan(offices, scope, triwulan, output, out_dir)
        return RekapResult(offices, written, scope)
    return RekapResult(offices, _write_rekap(offices, scope, output, out_dir), scope)


def _place_workbooks(offices: list[OfficeSummary], target_dir: Path) -> list[OfficeSummary]:
    """Each office's workbook under the name `xlkip compile` gives it; two offices of
    the same name in one run get _2, _3 … rather than overwriting each other."""
    used: set[str] = set()
    placed = []
    for office in offices:
        if office.output is None:
            placed.append(office)
            continue
        pemda = short_pemda(str(office.pemda or ""))
        name = safe_filename("LKjIP", office.instansi or "", pemda, str(office.tahun or ""))
        stem, number = name[: -len(".xlsx")], 1
        while name.casefold() in used:
            number += 1
            name = f"{stem}_{number}.xlsx"
        used.add(name.casefold())
        target = target_dir / name
        try:
            os.replace(office.output, target)
        except OSError as exc:
            raise OutputError(f"Tidak dapat menulis {target} ({exc.strerror or exc}).") from exc
        placed.append(replace(office, output=str(target)))
    return placed


def _write_rekap(
    offices: list[OfficeSummary], scope: Scope, output: Path | None, out_dir: Path
) -> Path:
    if output is None:
        pemda, tahun = short_pemda(scope.pemda), str(scope.tahun or "")
        output = out_dir / safe_filename("Rekap", pemda, tahun)
    with paused_gc():
        model = build_rekap(offices, scope)
        try:
            write_atomically(output, lambda path: render(model, path))
        finally:
            model.release()
    return output
