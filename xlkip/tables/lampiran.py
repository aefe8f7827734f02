"""Which produced table a row of narasi.xlsx's Lampiran sheet names: the check and the
document resolve it by this one rule."""

from __future__ import annotations

import re
from typing import Any

from xlkip.findings import Report
from xlkip.inputs import Inputs
from xlkip.schema.base import normalize_header
from xlkip.sheet.model import WorkbookModel
from xlkip.tables.common import Context
from xlkip.tables.registry import plan
from xlkip.tables.spec import TableSpec


def table_named(inputs: Inputs, name: object) -> TableSpec[Any] | list[str]:
    """The produced table `name` names, by its number ("Tabel 3.8", "3.8") or by words of
    its title ("Tenaga Programmer"), or the labels of the tables it could mean (none, or
    more than one)."""
    produced = plan(inputs)
    text = " ".join(str(name).split()).lower()
    number = re.fullmatch(r"(?:tabel\s*)?(\d+\.\d+)", text)
    if number:
        found = [s for s in produced.tables if produced.number(s) == number.group(1)]
        return found[0] if found else []
    words = f" {normalize_header(text)} "
    if not words.strip():
        return []
    fields = Context(inputs, Report(), WorkbookModel(), produced).title_fields()
    found = [
        spec
        for spec in produced.tables
        if any(
            words in f" {normalize_header(title)} "
            for title in (spec.title, spec.title.format(**fields))
        )
    ]
    if len(found) == 1:
        return found[0]
    return [f"{produced.label(s)} {s.title.format(**fields)}" for s in found]
