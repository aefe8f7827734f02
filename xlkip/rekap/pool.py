"""Run offices in a process pool: each worker imports xlkip once, then takes offices."""

from __future__ import annotations

import os
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from pathlib import Path

from xlkip.rekap.summary import OfficeSummary, Status

Done = Callable[[OfficeSummary], None]


def default_jobs() -> int:
    """The cores this process may use (a container's share, not the host's count)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # Windows, macOS
        return max(1, os.cpu_count() or 1)


def _warm() -> None:
    """Pool initializer: pay the imports once per worker, not once per office."""
    import xlkip.compile
    import xlkip.rekap.office
    import xlkip.render.xlsx
    import xlkip.tables  # noqa: F401


def _one(folder: str, output: str | None, triwulan: int | None = None) -> OfficeSummary:
    from xlkip.rekap.office import compile_office

    return compile_office(Path(folder), output=Path(output) if output else None, triwulan=triwulan)


def run_offices(
    folders: list[Path],
    outputs: list[Path | None],
    jobs: int,
    done: Done | None = None,
    triwulan: int | None = None,
) -> list[OfficeSummary]:
    """Every office's summary, in the order given; `done` is told of each as it ends.

    With one job (or one office) everything runs in this process: no pool to start.
    """
    if jobs <= 1 or len(folders) <= 1:
        results = []
        for folder, output in zip(folders, outputs, strict=True):
            summary = _one(str(folder), str(output) if output else None, triwulan)
            results.append(summary)
            if done:
                done(summary)
        return results
    _warm()  # a forked worker then starts with the imports already made
    slots: list[OfficeSummary | None] = [None] * len(folders)
    with ProcessPoolExecutor(max_workers=min(jobs, len(folders)), initializer=_warm) as pool:
        futures: dict[Future, int] = {
            pool.submit(_one, str(folder), str(output) if output else None, triwulan): index
            for index, (folder, output) in enumerate(zip(folders, outputs, strict=True))
        }
        for future in as_completed(futures):
            index = futures[future]
            slots[index] = _result(future, folders[index])
            if done:
                done(slots[index])
    return [s for s in slots if s is not None]


def _result(future: Future, folder: Path) -> OfficeSummary:
    """A worker that died (killed, out of memory) is that office's failure only."""
    try:
        return future.result()
    except Exception as exc:
        return OfficeSummary(
            str(folder),
            Status.UNREADABLE,
            alasan=f"Proses untuk folder ini berhenti tak terduga ({type(exc).__name__}). "
            "Jalankan xlkip compile pada folder ini untuk melihat sebabnya.",
        )
