"""Build every output table into one WorkbookModel (no file is written here)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from xlkip.findings import Report
from xlkip.inputs import Inputs
from xlkip.sheet.model import SheetModel, WorkbookModel
from xlkip.tables import anggaran, kinerja, layanan, scale, spbe
from xlkip.tables.common import Context
from xlkip.tables.ringkasan import SHEET as RINGKASAN
from xlkip.tables.ringkasan import ringkasan
from xlkip.tables.temuan import SHEET as TEMUAN
from xlkip.tables.temuan import temuan

Builder = Callable[[Context], None]

# Per template, the tables it feeds, in the order they must be built (a table may
# reference the ones built before it).
SECTIONS: dict[str, list[tuple[str, Builder]]] = {
    "kinerja": [
        ("Tabel 3.2", kinerja.tabel_3_2),
        ("Tabel 3.13", kinerja.tabel_3_13),
        ("Tabel 3.14", kinerja.tabel_3_14),
    ],
    "spbe": [
        ("Tabel 3.3", spbe.tabel_3_3),
        ("Tabel 3.4", scale.tabel_3_4),
        ("Tabel 3.5", spbe.tabel_3_5),
        ("Tabel 3.15", spbe.tabel_3_15),
    ],
    "aplikasi": [
        ("Tabel 3.6", layanan.tabel_3_6),
        ("Tabel 3.7", layanan.tabel_3_7),
        ("Tabel 3.8", layanan.tabel_3_8),
    ],
    "informasi": [("Tabel 3.9", layanan.tabel_3_9), ("Tabel 3.10", layanan.tabel_3_10)],
    "pengaduan": [("Tabel 3.12", layanan.tabel_3_12), ("Tabel 3.11", layanan.tabel_3_11)],
    "anggaran": [("Tabel 3.17", anggaran.tabel_3_17), ("Tabel 3.16", anggaran.tabel_3_16)],
}


def build_workbook(inputs: Inputs, report: Report) -> WorkbookModel:
    ctx = Context(inputs, report, WorkbookModel())
    scale.tabel_3_1(ctx)
    for kind, tables in SECTIONS.items():
        if not inputs.has(kind):
            for name, _ in tables:
                ctx.leave_out(name, f"template {kind} tidak ada di folder input")
            continue
        for _, build in tables:
            build(ctx)
    temuan(ctx)
    ringkasan(ctx)
    ctx.model.sheets.sort(key=_sheet_order)
    ctx.model.properties = {
        "title": f"LKjIP {ctx.subject} Tahun {ctx.tahun}",
        "subject": "Bab III Akuntabilitas Kinerja (Tabel 3.1–3.17)",
        "author": "xlkip",
        "company": str(inputs.identitas("instansi", "")),
        "keywords": f"LKjIP, {ctx.pemda}, {ctx.tahun}",
        "comments": "Dibuat oleh xlkip compile. Angka turunan adalah rumus Excel.",
        "created": dt.datetime(ctx.tahun + 1, 1, 1),
    }
    ctx.model.footer = ctx.subject
    ctx.model.left_out = ctx.left_out
    return ctx.model


def _sheet_order(sheet: SheetModel) -> tuple[int, float]:
    if sheet.name == RINGKASAN:
        return (0, 0)
    if sheet.name == TEMUAN:
        return (2, 0)
    return (1, float(sheet.name.split(".")[1]) if "." in sheet.name else 0)
