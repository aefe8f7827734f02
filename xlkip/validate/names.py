"""Names that group output rows, typed in two spellings of one name."""

from __future__ import annotations

from collections.abc import Iterator

from xlkip.findings import Finding, peringatan
from xlkip.inputs import Inputs
from xlkip.read.cells import quote
from xlkip.read.records import Record, TableData
from xlkip.text import identity_text


def check(inputs: Inputs) -> Iterator[Finding]:
    for data in inputs.templates.values():
        for table in data.tables.values():
            for column in table.sheet.columns:
                if column.groups:
                    yield from _spellings(table, column.key, column.header, data.file)


def _spellings(table: TableData, key: str, label: str, file: str) -> Iterator[Finding]:
    """One peringatan per further spelling, at its first cell, naming the first one's."""
    first_of: dict[str, Record] = {}
    reported: set[tuple[str, str]] = set()
    for record in table.records:
        name = record.get(key)
        if name is None:
            continue
        first = first_of.setdefault(identity_text(name), record)
        spelling = str(name)
        shown = str(first.get(key))
        if spelling == shown or (shown, spelling) in reported:
            continue
        reported.add((shown, spelling))
        yield peringatan(
            "ejaan_berbeda",
            f"{label} '{quote(spelling)}' ditulis berbeda dengan '{quote(shown)}' di sel "
            f"{first.cell(key)}; keduanya dihitung sebagai satu {label.lower()}. Samakan "
            "penulisannya.",
            file=file,
            sheet=table.sheet.name,
            sel=record.cell(key),
        )
