"""How findings look: a table in a terminal, one line each for logs, JSON for machines."""

from __future__ import annotations

import codecs
import json
import sys
import unicodedata
from enum import Enum
from typing import TYPE_CHECKING, Any, TextIO

from xlkip.findings import Finding, Report, Tingkat

if TYPE_CHECKING:
    from rich.console import Console


class Format(str, Enum):
    TABEL = "tabel"
    BARIS = "baris"
    JSON = "json"


def default_format(stream: TextIO | None = None) -> Format:
    """A table for a person at a terminal; one line per finding anywhere else."""
    stream = stream or sys.stdout
    isatty = getattr(stream, "isatty", None)
    return Format.TABEL if isatty is not None and isatty() else Format.BARIS


_STYLE = {Tingkat.ERROR: "bold red", Tingkat.PERINGATAN: "yellow", Tingkat.INFO: "cyan"}


def finding_line(finding: Finding) -> str:
    """`file:sheet!cell: tingkat kode: pesan`, on one line whatever the message holds."""
    where = finding.file or ""
    if finding.sheet:
        where += f":{finding.sheet}"
    if finding.sel:
        where += f"!{finding.sel}"
    pesan = " ".join(finding.pesan.split())
    head = f"{where}: " if where else ""
    return f"{head}{finding.tingkat.value} {finding.kode}: {pesan}"


def summary(report: Report) -> str:
    counts = ", ".join(f"{n} {t}" for t, n in report.count().items())
    verdict = "tidak ada error." if report.valid else "perbaiki error di atas, lalu jalankan lagi."
    return f"Temuan: {counts} — {verdict}"


def print_lines(report: Report, stream: TextIO) -> None:
    for finding in report.sorted():
        stream.write(finding_line(finding) + "\n")
    stream.write(summary(report) + "\n")


def print_json(data: dict[str, Any], stream: TextIO) -> None:
    stream.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def print_table(report: Report, console: Console) -> None:
    from rich.table import Table

    findings = report.sorted()
    if findings:
        table = Table(
            title="Temuan Validasi",
            caption="Untuk log atau program lain: --format baris|json",
            show_lines=True,
            expand=True,
        )
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
    style = "green" if report.valid else "bold red"
    counts, _, verdict = summary(report).partition(" — ")
    console.print(f"{counts} — [{style}]{verdict}[/]")


def print_report(report: Report, fmt: Format, console: Console) -> None:
    if fmt is Format.TABEL:
        print_table(report, console)
    elif fmt is Format.BARIS:
        print_lines(report, console.file)
    else:
        print_json(report.to_dict(), console.file)


# ---- consoles that cannot print UTF-8 ------------------------------------------------

ASCII_HANDLER = "xlkip-ascii"
_PLAIN = {
    "—": "-",
    "–": "-",
    "−": "-",
    "•": "*",
    "…": "...",
    "≤": "<=",
    "≥": ">=",
    "×": "x",
    "Σ": "Jumlah ",
    "“": '"',
    "”": '"',
    "‘": "'",
    "’": "'",
    "→": "->",
}


def _to_ascii(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    return "".join(plain(ch) for ch in error.object[error.start : error.end]), error.end


def plain(ch: str) -> str:
    """One character as ASCII: a known substitute, its letter without accents, or '?'."""
    if ch in _PLAIN:
        return _PLAIN[ch]
    name = unicodedata.name(ch, "")
    if name.startswith("BOX DRAWINGS"):  # a rich table's frame
        lines = name.removeprefix("BOX DRAWINGS ")
        return "-" if "VERTICAL" not in lines else "|" if "HORIZONTAL" not in lines else "+"
    letters = unicodedata.normalize("NFKD", ch).encode("ascii", "ignore").decode("ascii")
    return letters or "?"


codecs.register_error(ASCII_HANDLER, _to_ascii)


def tolerate_narrow_consoles(*streams: TextIO) -> None:
    """Where a console cannot print some characters (PYTHONIOENCODING=ascii, an old
    Windows code page), print their nearest ASCII instead of failing."""
    for stream in streams:
        encoding = getattr(stream, "encoding", None) or "ascii"
        try:
            "—é…≤│".encode(encoding)
        except (UnicodeEncodeError, LookupError):
            reconfigure = getattr(stream, "reconfigure", None)
            if reconfigure is not None:
                reconfigure(errors=ASCII_HANDLER)
