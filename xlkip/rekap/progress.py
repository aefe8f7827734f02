"""What `xlkip rekap` shows while it runs (stderr) and when it is done (stdout)."""

from __future__ import annotations

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeElapsedColumn
from rich.progress import Progress as Bar
from rich.text import Text

from xlkip.findings import Tingkat
from xlkip.rekap.run import ACROSS_OFFICES, RekapResult
from xlkip.rekap.summary import OfficeSummary, Status

_COLOR = {Status.OK: "green", Status.ERRORS: "bold red", Status.UNREADABLE: "bold red"}
_COLOR[Status.NOT_WRITTEN] = "bold red"


class Progress:
    """A bar on a terminal; one line per office otherwise (a log, a CI job)."""

    def __init__(self, console: Console) -> None:
        self.console = console
        self.bar: Bar | None = None
        self.task = None
        self.total = 0
        self.finished = 0

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()

    def start(self, total: int) -> None:
        self.total = total
        if self.console.is_terminal:
            self.bar = Bar(
                TextColumn("Rekap OPD"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                TextColumn("{task.description}", markup=False),  # the office's own name
                console=self.console,
                transient=True,
                auto_refresh=False,  # no refresh thread alive when the pool forks workers
            )
            self.bar.start()
            self.task = self.bar.add_task("", total=total)

    def done(self, office: OfficeSummary) -> None:
        self.finished += 1
        if self.bar is not None:
            self.bar.update(self.task, advance=1, description=office.name)
            self.bar.refresh()
            return
        self.console.print(
            Text.assemble(
                f"[{self.finished}/{self.total}] ",
                _status(office),
                f" {office.name} ({office.count(Tingkat.ERROR)} error, "
                f"{office.count(Tingkat.PERINGATAN)} peringatan{_lke(office)})",
            ),
            soft_wrap=True,
            highlight=False,
        )


def _lke(office: OfficeSummary) -> str:
    return "" if office.lke is None else f", kriteria LKE {office.lke[0]} dari {office.lke[1]}"


def _status(office: OfficeSummary) -> Text:
    return Text(office.status.value, _COLOR[office.status])


def print_summary(result: RekapResult, console: Console) -> None:
    offices = result.offices
    ok = sum(1 for o in offices if o.status is Status.OK)
    console.print(f"{len(offices)} OPD direkap: {ok} ok, {len(offices) - ok} tidak.")
    for office in offices:  # office names, folders and reasons are printed as they are
        if office.status is not Status.OK:
            console.print(
                Text.assemble(
                    "  • ", _status(office), f" {office.name} ({office.folder}): {office.alasan}"
                ),
                soft_wrap=True,
            )
    for office in offices:  # told after the pool: the per-office lines could not know them
        for finding in office.findings:
            if finding.kode in ACROSS_OFFICES:
                console.print(
                    Text.assemble(
                        "  • ", ("peringatan", "yellow"), f" {office.name}: {finding.pesan}"
                    ),
                    soft_wrap=True,
                    highlight=False,
                )
    written = sum(1 for o in offices if o.output)
    if written:
        console.print(f"Workbook LKjIP per OPD ditulis: {written}.")
    console.print(
        Text.assemble("Workbook rekap ditulis: ", (str(result.output), "bold")), soft_wrap=True
    )
