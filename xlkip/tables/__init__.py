"""Build every output table into one WorkbookModel (no file is written here).

The tables a report holds, and their numbers, are planned by `registry` from the
inputs; render/ turns the model into files.

May import: findings, inputs, instrumen/, komposisi, names, perencanaan, read/, rules/,
schema/, sheet/, text.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from xlkip.findings import Report
from xlkip.inputs import Inputs
from xlkip.sheet.model import WorkbookModel
from xlkip.tables.common import Context
from xlkip.tables.figures import Figures, figures_of
from xlkip.tables.ringkasan import ringkasan
from xlkip.tables.temuan import temuan


@dataclass
class Built:
    model: WorkbookModel
    results: dict[str, Any]
    """Table key -> the typed result its builder returned."""
    figures: Figures


def build_workbook(inputs: Inputs, report: Report) -> WorkbookModel:
    return build(inputs, report).model


def build(inputs: Inputs, report: Report) -> Built:
    """Every table the inputs produce, the Ringkasan and the Temuan Validasi."""
    from xlkip.tables import registry

    plan = registry.plan(inputs)
    ctx = Context(inputs, report, WorkbookModel(), plan)
    for spec in plan.build_order():
        ctx.current = spec
        ctx.results[spec.key] = spec.build(ctx)
    ctx.current = None
    findings = temuan(ctx)
    summary = ringkasan(ctx)
    tables = {ctx.label(spec): spec for spec in plan.tables}
    ctx.model.sheets.sort(
        key=lambda sheet: (
            0 if sheet is summary else 2 if sheet is findings.sheet else 1,
            plan.tables.index(tables[sheet.name]) if sheet.name in tables else 0,
        )
    )
    ctx.model.properties = {
        "title": f"LKjIP {ctx.subject} Tahun {ctx.tahun}",
        "subject": _subject(ctx),
        "author": "xlkip",
        "company": str(inputs.identitas("instansi", "")),
        "keywords": f"LKjIP, {ctx.pemda}, {ctx.tahun}",
        "comments": "Dibuat oleh xlkip compile. Angka turunan adalah rumus Excel.",
        "created": dt.datetime(ctx.tahun + 1, 1, 1),
    }
    ctx.model.footer = ctx.subject
    return Built(ctx.model, ctx.results, figures_of(ctx.results, ctx.tahun, inputs.instrument.nama))


CHAPTERS = {
    1: "Bab I Pendahuluan",
    2: "Bab II Perencanaan Kinerja",
    3: "Bab III Akuntabilitas Kinerja",
}


def _subject(ctx: Context) -> str:
    """The chapters the workbook holds, e.g. "Laporan Kinerja Instansi Pemerintah: Bab I
    Pendahuluan, Bab II Perencanaan Kinerja, Bab III Akuntabilitas Kinerja (Tabel 1.1–3.17)"."""
    numbers = [ctx.plan.numbers[spec.key] for spec in ctx.plan.tables]
    if not numbers:
        return "Laporan Kinerja Instansi Pemerintah"
    chapters = dict.fromkeys(int(n.split(".")[0]) for n in numbers)
    named = ", ".join(CHAPTERS.get(c, f"Bab {c}") for c in chapters)
    return f"Laporan Kinerja Instansi Pemerintah: {named} (Tabel {numbers[0]}–{numbers[-1]})"
