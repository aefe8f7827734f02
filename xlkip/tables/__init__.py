"""Build every output table into one WorkbookModel (no file is written here)."""

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
    plan = inputs.plan
    ctx = Context(inputs, report, WorkbookModel(), plan)
    for spec in plan.build_order():
        ctx.current = spec
        ctx.results[spec.key] = spec.build(ctx)
    ctx.current = None
    findings = temuan(ctx)
    summary = ringkasan(ctx, findings)
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
    return Built(ctx.model, ctx.results, figures_of(ctx.results, ctx.tahun))


def _subject(ctx: Context) -> str:
    numbers = [ctx.plan.numbers[spec.key] for spec in ctx.plan.tables]
    chapter_3 = [n for n in numbers if n.startswith("3.")]
    if not chapter_3:
        return "Laporan Kinerja Instansi Pemerintah"
    return f"Bab III Akuntabilitas Kinerja (Tabel {chapter_3[0]}–{chapter_3[-1]})"
