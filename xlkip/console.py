"""How findings look in a terminal."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from xlkip.findings import Report, Tingkat

_STYLE = {Tingkat.ERROR: "bold red", Tingkat.PERINGATAN: "yellow", Tingkat.INFO: "cyan"}


def print_report(report: Report, console: Console) -> None:
    findings = report.sorted()
    if findings:
        table = Table(title="Temuan Validasi", show_lines=True, expand=True)
        table.add_column("Tingkat", no_wrap=True)
        table.add_column("File", ratio=2, overflow="fold")
        table.add_column("Sheet", ratio=2, overflow="fold")
        table.add_column("Sel", no_wrap=True)
        table.add_column("Kode", no_wrap=True)
        table.add_column("Pesan", ratio=6, overflow="fold")
        for f in findings:
            table.add_row(
                f"[{_STYLE[f.tingkat]}]{f.tingkat.value}[/]",
                f.file or "",
                f.sheet or "",
                f.sel or "",
                f.kode,
                f.pesan,
            )
        console.print(table)
    counts = report.count()
    summary = ", ".join(f"{n} {t}" for t, n in counts.items())
    verdict = (
        "[green]tidak ada error.[/]"
        if report.valid
        else "[bold red]perbaiki error di atas, lalu jalankan lagi.[/]"
    )
    console.print(f"Temuan: {summary} — {verdict}")
