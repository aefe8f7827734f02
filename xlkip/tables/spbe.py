"""Tabel 3.3 (weights), 3.5 (the index over two years) and 3.15 (other pemda)."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import groupby
from typing import Any

from xlkip.names import same_pemda
from xlkip.read.records import Record
from xlkip.rules.spbe import competition_rank, weighted_index
from xlkip.schema.spbe import INDEKS_DAERAH, NILAI_ASPEK
from xlkip.sheet.charts import BLUE, LIGHT_BLUE, Series
from xlkip.sheet.expr import SUBTOTAL_SUM, Expr, Range
from xlkip.sheet.model import Slot, Style
from xlkip.tables.common import (
    CENTER,
    HEADER_ROW,
    HIGHLIGHT,
    HIGHLIGHT_CENTER,
    HIGHLIGHT_INDEX,
    INDEX,
    INDEX_BOLD,
    TEXT,
    TEXT_BOLD,
    Context,
    chart_below,
    finish,
    headers,
    table_sheet,
    value_cell,
)
from xlkip.tables.scale import skala_spbe
from xlkip.tables.spec import table

WEIGHT = Style(num_format="0.00%", align="center")
WEIGHT_BOLD = Style(num_format="0.00%", align="center", bold=True)
MAX_CHART_HEIGHT = 540
"""Pixels: a chart taller than this would not fit on one landscape page."""
KEMENPAN = "Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Republik Indonesia"


def _domains(records: list[Record]) -> list[tuple[str, list[Record]]]:
    grouped = groupby(records, key=lambda r: r.get("domain", ""))
    return [(domain, list(rows)) for domain, rows in grouped]


@dataclass
class BobotSpbe:
    weights: dict[int, Slot]
    """id(record) -> the aspect's weight cell."""


@table(
    "bobot_spbe",
    chapter=3,
    title="Aspek Penilaian Sistem Pemerintahan Berbasis Elektronik (SPBE)",
    reads=(NILAI_ASPEK,),
)
def bobot_spbe(ctx: Context) -> BobotSpbe:
    records = ctx.inputs.records(NILAI_ASPEK)
    sheet = table_sheet(ctx, [6, 60, 12])
    headers(sheet, HEADER_ROW, ("NO", "DOMAIN DAN ASPEK PENILAIAN", "BOBOT"))
    row = HEADER_ROW + 1
    weights = {}
    for number, (domain, aspects) in enumerate(_domains(records), start=1):
        domain_row = row
        sheet.put(row, 0, number, CENTER)
        sheet.put(row, 1, domain, TEXT_BOLD)
        for offset, record in enumerate(aspects, start=1):
            sheet.put(row + offset, 0, None, CENTER)
            sheet.put(row + offset, 1, record.get("aspek"), Style(indent=1))
            weights[id(record)] = sheet.put(
                row + offset, 2, value_cell(record.get("bobot")), WEIGHT
            )
        row += len(aspects) + 1
        sheet.put(
            domain_row, 2, SUBTOTAL_SUM(Range(sheet, domain_row + 1, 2, row - 1, 2)), WEIGHT_BOLD
        )
    sheet.merge((row, 0), (row, 1), "JUMLAH", TEXT_BOLD)
    sheet.put(row, 2, SUBTOTAL_SUM(Range(sheet, HEADER_ROW + 1, 2, row - 1, 2)), WEIGHT_BOLD)
    finish(sheet, (HEADER_ROW, HEADER_ROW), row, KEMENPAN)
    return BobotSpbe(weights)


@dataclass
class IndeksSpbe:
    totals: dict[int, Slot]
    """Year -> the index of that year."""
    predikat: Slot
    """The predikat of the report year's index."""
    chart: dict[str, Any]


@table(
    "indeks_spbe",
    chapter=3,
    title="Capaian Indeks SPBE {pemda} Tahun {tahun_lalu} dan {tahun}",
    reads=(NILAI_ASPEK,),
    needs=(bobot_spbe, skala_spbe),
)
def indeks_spbe(ctx: Context) -> IndeksSpbe:
    records = ctx.inputs.records(NILAI_ASPEK)
    weights = ctx.get(bobot_spbe).weights
    scale = ctx.get(skala_spbe)
    years = (ctx.tahun - 1, ctx.tahun)
    sheet = table_sheet(ctx, [6, 60, 11, 11, 11])
    headers(sheet, HEADER_ROW, ("NO", "DOMAIN DAN ASPEK PENILAIAN", "BOBOT", *map(str, years)))
    row = HEADER_ROW + 1
    parts: dict[int, list[tuple[Range, Range]]] = {0: [], 1: []}
    domains = []
    for number, (domain, aspects) in enumerate(_domains(records), start=1):
        domain_row = row
        for offset, record in enumerate(aspects, start=1):
            weight = weights[id(record)]
            sheet.put(row + offset, 0, None, CENTER)
            sheet.put(row + offset, 1, record.get("aspek"), Style(indent=1))
            sheet.put(row + offset, 2, weight.ref(), WEIGHT)
            sheet.put(row + offset, 3, record.get("nilai_lalu"), INDEX)
            sheet.put(row + offset, 4, record.get("nilai"), INDEX)
        last = row + len(aspects)
        bobot = Range(sheet, domain_row + 1, 2, last, 2)
        sheet.put(domain_row, 0, number, CENTER)
        sheet.put(domain_row, 1, domain, TEXT_BOLD)
        sheet.put(domain_row, 2, SUBTOTAL_SUM(bobot), WEIGHT_BOLD)
        domain_cells = []
        for index, col in enumerate((3, 4)):
            nilai = Range(sheet, domain_row + 1, col, last, col)
            parts[index].append((bobot, nilai))
            domain_cells.append(
                sheet.put(domain_row, col, weighted_index([(bobot, nilai)]), INDEX_BOLD)
            )
        domains.append((domain, *domain_cells))
        row = last + 1
    sheet.merge((row, 0), (row, 2), "NILAI INDEKS SPBE", TEXT_BOLD)
    totals = {}
    for index, col in enumerate((3, 4)):
        totals[years[index]] = sheet.put(row, col, weighted_index(parts[index]), INDEX_BOLD)
    sheet.merge((row + 1, 0), (row + 1, 2), "PREDIKAT", TEXT_BOLD)
    predikat = {
        year: sheet.put(
            row + 1, col, scale.predikat(totals[year].ref()), Style(bold=True, align="center")
        )
        for year, col in zip(years, (3, 4), strict=True)
    }
    end = finish(sheet, (HEADER_ROW, HEADER_ROW), row + 1, KEMENPAN)
    chart = _domain_recap(sheet, end + 2, domains, years)
    chart_below(sheet, end + 4 + len(domains), chart, height=300)
    return IndeksSpbe(totals, predikat[ctx.tahun], chart)


def _domain_recap(sheet, row: int, domains: list, years: tuple[int, int]) -> dict:
    """The domain rows again, side by side, for the chart (they interleave with aspects)."""
    headers(sheet, row, ("NO", "REKAP INDEKS PER DOMAIN", "", *map(str, years)))
    first = row + 1
    for offset, (domain, before, after) in enumerate(domains):
        sheet.put(first + offset, 0, offset + 1, CENTER)
        sheet.merge((first + offset, 1), (first + offset, 2), domain, TEXT)
        sheet.put(first + offset, 3, before.ref(), INDEX)
        sheet.put(first + offset, 4, after.ref(), INDEX)
    last = first + len(domains) - 1
    names = Range(sheet, first, 1, last, 1)
    return {
        "title": f"Indeks SPBE per Domain, {years[0]} dan {years[1]}",
        "series": (
            Series(
                str(years[0]), names, Range(sheet, first, 3, last, 3), LIGHT_BLUE, labels="0.00"
            ),
            Series(str(years[1]), names, Range(sheet, first, 4, last, 4), BLUE, labels="0.00"),
        ),
        "value_format": "0.0",
        "value_min": 0,
    }


@table(
    "peringkat_spbe",
    chapter=3,
    title="Indeks dan Predikat {pemda_short} pada Hasil Evaluasi Sistem Pemerintahan Berbasis "
    "Elektronik se-{provinsi} Tahun {tahun}",
    reads=(INDEKS_DAERAH,),
    needs=(skala_spbe,),
    uses=(indeks_spbe,),
)
def peringkat_spbe(ctx: Context) -> None:
    records = ctx.inputs.records(INDEKS_DAERAH)
    indeks = ctx.maybe(indeks_spbe)
    own_total = indeks.totals.get(ctx.tahun) if indeks else None
    rows = _province_rows(records, ctx.pemda, own_total)
    rows.sort(key=_by_index)
    scale = ctx.get(skala_spbe)
    provinsi = ctx.inputs.identitas("provinsi", "")
    sheet = table_sheet(ctx, [6, 44, 11, 16, 12])
    headers(sheet, HEADER_ROW, ("NO", "NAMA INSTANSI", "INDEKS", "PREDIKAT", "PERINGKAT"))
    first, last = HEADER_ROW + 1, HEADER_ROW + len(rows)
    indices = Range(sheet, first, 2, last, 2, absolute=True)
    own_rows = []
    for offset, (name, index, mine) in enumerate(rows):
        row = first + offset
        sheet.put(row, 0, offset + 1, HIGHLIGHT_CENTER if mine else CENTER)
        sheet.put(row, 1, name, HIGHLIGHT if mine else TEXT)
        cell = sheet.put(row, 2, index, HIGHLIGHT_INDEX if mine else INDEX)
        sheet.put(row, 3, scale.predikat(cell.ref()), HIGHLIGHT_CENTER if mine else CENTER)
        rank = competition_rank(cell.ref(), indices)
        sheet.put(row, 4, rank, HIGHLIGHT_CENTER if mine else CENTER)
        if mine:
            own_rows.append(row)
    end = finish(
        sheet, (HEADER_ROW, HEADER_ROW), last, f"{KEMENPAN} (diurutkan dari indeks tertinggi)"
    )
    names = Range(sheet, first, 1, last, 1)
    highlight = tuple(r - first for r in own_rows)
    chart_below(
        sheet,
        end + 2,
        {
            "title": f"Indeks SPBE Pemerintah Daerah se-{provinsi} Tahun {ctx.tahun}",
            "series": (
                Series(
                    "Indeks SPBE",
                    names,
                    Range(sheet, first, 2, last, 2),
                    BLUE,
                    labels="0.00",
                    highlight=highlight,
                ),
            ),
            "kind": "bar",
            "value_format": "0.0",
            "value_min": 0,
            "legend": False,
        },
        height=min(MAX_CHART_HEIGHT, max(300, 15 * len(rows) + 80)),
    )


def _province_rows(
    records: list[Record], pemda: str, own_total: Slot | None
) -> list[tuple[str, object, bool]]:
    """(name, index, is the office's own pemda) for each pemda of the province list.

    The own pemda is recognised however its name is written (pemda_key) and listed
    once: a blank own index is the one computed in the SPBE table (a reference to it),
    and without an own row in the list the computed index is added as one."""
    rows: list[tuple[str, object, bool]] = []
    own_listed = False
    for record in records:
        mine = same_pemda(record.get("instansi"), pemda)
        if mine and own_listed:
            continue  # the same pemda typed twice: the first row is the one shown
        index = record.get("indeks")
        if mine and index is None and own_total is not None:
            index = own_total.ref()
        rows.append((record.get("instansi"), value_cell(index), mine))
        own_listed = own_listed or mine
    if not own_listed and own_total is not None:
        rows.append((pemda, own_total.ref(), True))
    return rows


def _by_index(row: tuple[str, object, bool]) -> tuple[int, float]:
    """Highest index first; rows without an index last (sorted() keeps ties in order)."""
    index = row[1].evaluate() if isinstance(row[1], Expr) else row[1]
    return (0, -index) if isinstance(index, int | float) else (1, 0.0)
