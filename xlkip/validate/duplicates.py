"""The same indicator, pemda, application or sub-kegiatan typed twice."""

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
            if table.sheet.unique:
                yield from _repeats(table, data.file)


def _repeats(table: TableData, file: str) -> Iterator[Finding]:
    keys = table.sheet.unique
    compare = [table.sheet.column(k).identity or identity_text for k in keys]
    required = [k for k in keys if table.sheet.column(k).required]
    seen: dict[tuple[str, ...], Record] = {}
    for record in table.records:
        if any(record.get(k) is None for k in required):
            continue
        # A blank optional part (an SPBE aspect has no indikator) is part of the identity.
        identity = tuple(same(record.get(k, "")) for k, same in zip(keys, compare, strict=True))
        first = seen.setdefault(identity, record)
        if first is record:
            continue
        yield peringatan(
            "baris_ganda",
            f"Baris {record.row} ('{_named(record, keys)}') sama dengan baris {first.row} "
            f"('{_named(first, keys)}'). Hapus salah satu, atau bedakan namanya bila memang "
            "berbeda.",
            file=file,
            sheet=table.sheet.name,
            sel=record.cell([k for k in keys if record.get(k) is not None][-1]),
        )


def _named(record: Record, keys: tuple[str, ...]) -> str:
    return quote(" / ".join(str(record.get(k)) for k in keys if record.get(k) is not None))
