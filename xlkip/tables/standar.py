"""Realisasi against the national standard of each indicator that has one (narasi.xlsx,
sheet Standar Nasional): analysis (4) of Bab III, PermenPANRB 53/2014."""

from __future__ import annotations

from dataclasses import dataclass

from xlkip.inputs import Inputs
from xlkip.read.records import Record
from xlkip.rules.standar import selisih_standar
from xlkip.schema.kinerja import IKU
from xlkip.schema.narasi import ADA, STANDAR
from xlkip.sheet.model import Slot
from xlkip.tables.common import (
    CENTER,
    HEADER_ROW,
    TEXT,
    Context,
    finish,
    headers,
    table_sheet,
    value_cell,
)
from xlkip.tables.kinerja import capaian_iku, indicator_style
from xlkip.tables.spec import table
from xlkip.text import identity_text


def standards(inputs: Inputs) -> dict[str, Record]:
    """Indicator (as `identity_text` keys it) -> its Standar Nasional row, for the IKU
    indicators marked Ada with a nilai, in the IKU sheet's order."""
    typed = {
        identity_text(r.get("indikator")): r
        for r in inputs.records(STANDAR)
        if r.get("ada") == ADA and r.get("nilai") is not None and r.get("indikator")
    }
    keys = [identity_text(r.get("indikator") or "") for r in inputs.records(IKU)]
    return {key: typed[key] for key in keys if key in typed}


@dataclass
class StandarRow:
    iku: Record
    standar: Record
    realisasi: Slot
    nilai: Slot
    selisih: Slot


@dataclass
class StandarNasional:
    rows: dict[str, StandarRow]
    """By indicator, as `identity_text` keys it."""


@table(
    "standar_nasional",
    chapter=3,
    title="Perbandingan Realisasi dengan Standar Nasional {subject} Tahun {tahun}",
    reads=(STANDAR,),
    needs=(capaian_iku,),
    when=lambda inputs: bool(standards(inputs)),
)
def standar_nasional(ctx: Context) -> StandarNasional:
    typed = standards(ctx.inputs)
    sheet = table_sheet(ctx, [5, 40, 10, 14, 14, 14, 40])
    headers(
        sheet,
        HEADER_ROW,
        (
            "NO",
            "INDIKATOR",
            "SATUAN",
            f"REALISASI {ctx.tahun}",
            "STANDAR NASIONAL",
            "SELISIH",
            "SUMBER",
        ),
    )
    rows: dict[str, StandarRow] = {}
    row = HEADER_ROW + 1
    for iku in ctx.get(capaian_iku).rows:
        key = identity_text(iku.record.get("indikator") or "")
        if key not in typed:
            continue
        standar = typed[key]
        style = indicator_style(iku.record, standar.get("nilai"))
        sheet.put(row, 0, len(rows) + 1, CENTER)
        sheet.put(row, 1, iku.record.get("indikator"), TEXT)
        sheet.put(row, 2, iku.record.get("satuan"), CENTER)
        realisasi = sheet.put(row, 3, iku.realisasi.ref(), style)
        nilai = sheet.put(row, 4, value_cell(standar.get("nilai")), style)
        selisih = sheet.put(row, 5, selisih_standar(realisasi.ref(), nilai.ref()), style)
        sheet.put(row, 6, standar.get("sumber") or "-", TEXT)
        rows[key] = StandarRow(iku.record, standar, realisasi, nilai, selisih)
        row += 1
    source = f"Perjanjian Kinerja {ctx.subject}; standar nasional dari sumber pada kolom Sumber"
    finish(sheet, (HEADER_ROW, HEADER_ROW), row - 1, source)
    return StandarNasional(rows)
