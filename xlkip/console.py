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
    from rich.text import Text

    from xlkip.lke import Evaluasi


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
    from rich.text import Text

    findings = report.sorted()
    if findings:
        table = Table(
            title="Temuan Validasi",
            caption="Untuk log atau program lain: --format baris|json",
            show_lines=True,
            expand=True,
        )
        places = [Text("\n".join(p for p in (f.file, f.lokasi) if p)) for f in findings]
        # File and sheet names wrap at their spaces like the message does. The column takes
        # a quarter of the terminal, or its longest word up to 2/5: at 80 columns a name is
        # not cut mid-word; only a single word wider than that folds.
        longest = max((len(word) for place in places for word in place.plain.split()), default=0)
        width = min(max(16, longest, console.width // 4), console.width * 2 // 5)
        table.add_column("Lokasi", max_width=width, overflow="fold")
        table.add_column("Temuan", ratio=1, overflow="fold")
        for place, f in zip(places, findings, strict=True):
            table.add_row(place, _described(f))
        console.print(table)
    style = "green" if report.valid else "bold red"
    counts, _, verdict = summary(report).partition(" — ")
    console.print(Text.assemble(f"{counts} — ", (verdict, style)))


def _described(finding: Finding) -> Text:
    """The tingkat and code on the first line, the message below."""
    from rich.text import Text

    return Text.assemble(
        (finding.tingkat.value, _STYLE[finding.tingkat]),
        " ",
        (finding.kode, "dim"),
        "\n",
        finding.pesan,
    )


def make_console(stderr: bool = False, soft_wrap: bool = False) -> Console:
    """A console that prints every string as it is. Staff text (a cell, a file, sheet or
    office name, a server's reply) may hold `[/x]` or `[link=…]`, which rich would read
    as its markup, or `:x:`, an emoji code: here neither is read. Our own styling is a
    Text object (`styled`, Text.assemble), so it never parses what staff typed."""
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, soft_wrap=soft_wrap, markup=False, emoji=False)


def styled(template: str, *values: object) -> Text:
    """Our own markup `template`, each `{}` filled with a value shown literally."""
    from rich.markup import escape
    from rich.text import Text

    return Text.from_markup(template.format(*(escape(str(v)) for v in values)), emoji=False)


def print_report(
    report: Report, fmt: Format, console: Console, lke: Evaluasi | None = None
) -> None:
    """The findings, then the Pra-evaluasi LKE when given (JSON: its key pra_evaluasi_lke)."""
    if fmt is Format.TABEL:
        print_table(report, console)
        if lke is not None:
            print_lke_table(lke, console)
    elif fmt is Format.BARIS:
        print_lines(report, console.file)
        if lke is not None:
            print_lke_lines(lke, console.file)
    else:
        print_json(with_lke(report.to_dict(), lke), console.file)


def with_lke(data: dict[str, Any], lke: Evaluasi | None) -> dict[str, Any]:
    return data if lke is None else {**data, "pra_evaluasi_lke": lke.to_dict()}


_LKE_STYLE = {"terpenuhi": "green", "sebagian": "yellow", "belum": "bold red"}


def lke_summary(lke: Evaluasi) -> str:
    return f"Pra-evaluasi LKE: {lke.ringkas} (bukan nilai LKE; nilai diberikan evaluator)."


def print_lke_lines(lke: Evaluasi, stream: TextIO) -> None:
    """`lke 3.b.6: belum: why (where) — kriteria: "words"`, one line each whatever the
    text holds."""
    for hasil in lke.hasil:
        why = " ".join(hasil.status.why.split())
        where = " ".join(hasil.status.where.split())
        words = hasil.kriteria.kata.rstrip(".")
        line = f"lke {hasil.kriteria.id}: {hasil.status.status}: {why} ({where})"
        stream.write(f'{line} — kriteria: "{words}"\n')
    stream.write(lke_summary(lke) + "\n")


def print_lke_table(lke: Evaluasi, console: Console) -> None:
    """Criterion, status, and why with where; every staff text shown literally (Text)."""
    from rich.table import Table
    from rich.text import Text

    table = Table(title=f"Pra-evaluasi LKE ({lke.edisi.komponen})", show_lines=True, expand=True)
    table.add_column("Kriteria", ratio=2, overflow="fold")
    table.add_column("Status", no_wrap=True)
    table.add_column("Alasan dan tempat memperbaiki", ratio=3, overflow="fold")
    for hasil in lke.hasil:
        status = hasil.status.status
        table.add_row(
            Text(f"{hasil.kriteria.id} {hasil.kriteria.kata}"),
            Text(status, _LKE_STYLE.get(status, "dim")),
            Text.assemble(hasil.status.why, "\n", (hasil.status.where, "dim")),
        )
    console.print(table)
    console.print(Text(lke_summary(lke)))


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
