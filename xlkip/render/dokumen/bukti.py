"""Which evidence tables stand in which sasaran's section of Bab III.

An IKU row's Bukti Dukung (kinerja.xlsx) names the evidence that proves its realisasi,
and with it the module template that computes it (`BUKTI_MODUL`). Every produced table
built from that module's sheets — and the reference scale it prints beside — goes to
the section of the first sasaran whose indicator names it; a table no indicator names
stays in "Data Pendukung Capaian Kinerja"."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from xlkip.schema import TEMPLATES
from xlkip.schema.kinerja import BUKTI_MODUL
from xlkip.tables.registry import tables_reading
from xlkip.tables.spec import Plan, TableSpec
from xlkip.text import identity_text


def module_tables(kind: str) -> set[str]:
    """The keys of the tables built from the sheets of template `kind`, with the
    reference scales they print beside."""
    keys: set[str] = set()
    for sheet in TEMPLATES[kind].sheets:
        for spec in tables_reading(sheet):
            keys.add(spec.key)
            keys.update(needed.key for needed in spec.needs if needed.reference)
    return keys


def evidence_by_sasaran(plan: Plan, records: Iterable[Any]) -> dict[str, list[TableSpec[Any]]]:
    """Sasaran (as `identity_text` keys it) -> the produced evidence tables of its
    section, in report order. `records` are the IKU rows, in the sheet's order."""
    owner: dict[str, str] = {}
    for record in records:
        kind = BUKTI_MODUL.get(record.get("bukti"))
        if kind is None:
            continue
        sasaran = identity_text(str(record.get("sasaran") or ""))
        for key in module_tables(kind):
            owner.setdefault(key, sasaran)
    placed: dict[str, list[TableSpec[Any]]] = {}
    for spec in plan.tables:
        if spec.key in owner:
            placed.setdefault(owner[spec.key], []).append(spec)
    return placed
