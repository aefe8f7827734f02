"""What a set of templates written together tells staff about each other: the tables
each sheet feeds (numbered as a report of those templates would number them) and the
evidence the IKU sheet may name (only that of the modules written)."""

from __future__ import annotations

from collections.abc import Collection

from xlkip.schema import TEMPLATES
from xlkip.schema.base import TableSheet
from xlkip.schema.kinerja import BUKTI_MODUL, IKU
from xlkip.schema.writer import TemplateOptions
from xlkip.tables.registry import REPORT, tables_reading
from xlkip.tables.spec import plan_where

CORE = tuple(kind for kind, template in TEMPLATES.items() if template.required)
MODULES = tuple(kind for kind, template in TEMPLATES.items() if not template.required)
KOMINFO = MODULES
"""The evidence modules of a Kominfo office: all of them."""


def options_for(kinds: Collection[str]) -> TemplateOptions:
    sheets = [s for kind in kinds for s in TEMPLATES[kind].sheets if isinstance(s, TableSheet)]
    written = {id(sheet) for sheet in sheets}
    plan = plan_where(REPORT, lambda spec: all(id(s) in written for s in spec.reads))
    feeds = {}
    for sheet in sheets:
        labels = [plan.label(spec) for spec in tables_reading(sheet) if plan.produces(spec)]
        if labels:
            feeds[sheet.name] = _listed(labels)
    bukti = tuple(label for label, module in BUKTI_MODUL.items() if module in kinds)
    return TemplateOptions(feeds=feeds, choices={(IKU.name, "bukti"): bukti})


def _listed(labels: list[str]) -> str:
    numbers = [label.removeprefix("Tabel ") for label in labels]
    if len(numbers) == 1:
        return f"Tabel {numbers[0]}"
    return f"Tabel {', '.join(numbers[:-1])} dan {numbers[-1]}"
