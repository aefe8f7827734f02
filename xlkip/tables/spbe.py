"""Tabel 3.3 (weights), 3.5 (the index over two years) and 3.15 (other pemda), by the
evaluation instrument of the report's year (xlkip.instrumen): SPBE domains and aspects up
to 2025, Pemerintah Digital aspects and indicators from 2026."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import groupby
from typing import Any

from xlkip.inputs import Inputs
from xlkip.instrumen import Instrument
from xlkip.names import same_pemda
from xlkip.read.records import Record
from xlkip.rules.predikat import predikat as predikat_rule
from xlkip.rules.spbe import competition_rank, weighted_index
from xlkip.rules.values import literal
from xlkip.schema.spbe import INDEKS_DAERAH, INDEKS_TAHUN_LALU, NILAI_ASPEK, province_list_pending
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


def _domains(instrument: Instrument, records: list[Record]) -> list[tuple[str, list[Record]]]:
    """The groups of scored items in sheet order: SPBE domains, or Pemdi aspects."""
    grouped = groupby(records, key=lambda r: r.get(instrument.kelompok, ""))
    return [(domain, list(rows)) for domain, rows in grouped]


def _item(instrument: Instrument, record: Record) -> str:
    """The scored item's name: an SPBE aspect, or a Pemdi indicator (its aspect when a row
    has no indicator)."""
    return record.get(instrument.unsur) or record.get("aspek")


def _levels(instrument: Instrument) -> str:
    return f"{instrument.kelompok.upper()} DAN {instrument.unsur.upper()} PENILAIAN"


@dataclass
class BobotSpbe:
    weights: dict[int, Slot]
    """id(record) -> the aspect's weight cell."""


@table(
    "bobot_spbe",
    chapter=3,
    title="{unsur_penilaian} Penilaian {penilaian}",
    reads=(NILAI_ASPEK,),
)
def bobot_spbe(ctx: Context) -> BobotSpbe:
    records = ctx.inputs.records(NILAI_ASPEK)
    instrument = ctx.inputs.instrument
    sheet = table_sheet(ctx, [6, 60, 12])
    headers(sheet, HEADER_ROW, ("NO", _levels(instrument), "BOBOT"))
    row = HEADER_ROW + 1
    weights = {}
    for number, (domain, aspects) in enumerate(_domains(instrument, records), start=1):
        domain_row = row
        sheet.put(row, 0, number, CENTER)
        sheet.put(row, 1, domain, TEXT_BOLD)
        for offset, record in enumerate(aspects, start=1):
            sheet.put(row + offset, 0, None, CENTER)
            sheet.put(row + offset, 1, _item(instrument, record), Style(indent=1))
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
    lintas: bool = False
    """Last year's index is of another instrument: shown, never compared."""


@table(
    "indeks_spbe",
    chapter=3,
    title="Capaian {indeks} {pemda} Tahun {tahun_lalu} dan {tahun}",
    reads=(NILAI_ASPEK,),
    needs=(bobot_spbe, skala_spbe),
)
def indeks_spbe(ctx: Context) -> IndeksSpbe:
    records = ctx.inputs.records(NILAI_ASPEK)
    instrument, lintas = ctx.inputs.instrument, ctx.inputs.lintas_instrumen
    weights = ctx.get(bobot_spbe).weights
    scale = ctx.get(skala_spbe)
    years = (ctx.tahun - 1, ctx.tahun)
    shown = [str(y) for y in years]
    if lintas:
        shown[0] = f"{years[0]} ({ctx.inputs.instrument_lalu.nama})"
    sheet = table_sheet(ctx, [6, 60, 11, 14 if lintas else 11, 11])
    headers(sheet, HEADER_ROW, ("NO", _levels(instrument), "BOBOT", *shown))
    row = HEADER_ROW + 1
    parts: dict[int, list[tuple[Range, Range]]] = {0: [], 1: []}
    domains = []
    for number, (domain, aspects) in enumerate(_domains(instrument, records), start=1):
        domain_row = row
        for offset, record in enumerate(aspects, start=1):
            weight = weights[id(record)]
            sheet.put(row + offset, 0, None, CENTER)
            sheet.put(row + offset, 1, _item(instrument, record), Style(indent=1))
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
    sheet.merge((row, 0), (row, 2), f"NILAI {instrument.nama.upper()}", TEXT_BOLD)
    totals = {}
    for index, col in enumerate((3, 4)):
        total = weighted_index(parts[index])
        if lintas and index == 0:
            total = value_cell(_indeks_lalu(ctx.inputs))
        totals[years[index]] = sheet.put(row, col, total, INDEX_BOLD)
    sheet.merge((row + 1, 0), (row + 1, 2), instrument.skala.upper(), TEXT_BOLD)
    bold = Style(bold=True, align="center")
    predikat = {ctx.tahun: sheet.put(row + 1, 4, scale.predikat(totals[ctx.tahun].ref()), bold)}
    before = totals[years[0]].ref()
    predikat[years[0]] = sheet.put(
        row + 1, 3, _predikat_lalu(ctx.inputs, before) if lintas else scale.predikat(before), bold
    )
    last_row = row + 1
    if lintas:
        last_row = row + 3
        sheet.merge((last_row, 0), (last_row, 4), _note(ctx.inputs), NOTE)
    end = finish(sheet, (HEADER_ROW, HEADER_ROW), last_row, KEMENPAN)
    chart = _domain_recap(sheet, end + 2, domains, years, instrument, lintas)
    chart_below(sheet, end + 4 + len(domains), chart, height=300)
    return IndeksSpbe(totals, predikat[ctx.tahun], chart, lintas)


NOTE = Style(italic=True, wrap=True)


def _indeks_lalu(inputs: Inputs) -> float | None:
    """Last year's final index as typed (sheet Indeks Tahun Lalu), across instruments."""
    form = inputs.form(INDEKS_TAHUN_LALU)
    return form.get("indeks_lalu") if form else None


def _predikat_lalu(inputs: Inputs, index: Any) -> Any:
    """Last year's predikat by last year's instrument and its own bands (the defaults of
    its file: this year's Pengaturan holds this year's bands)."""
    before = inputs.instrument_lalu
    return predikat_rule(
        index, [literal(b) for b in before.bounds], [literal(n) for n in before.labels], 2
    )


def _note(inputs: Inputs) -> str:
    before, now = inputs.instrument_lalu, inputs.instrument
    return (
        f"Catatan: nilai tahun {inputs.tahun - 1} adalah {before.nama} "
        f"({before.judul['peraturan']}), tahun {inputs.tahun} {now.nama} "
        f"({now.judul['peraturan']}). Instrumen evaluasinya berbeda, sehingga kedua indeks "
        "ditampilkan tanpa dibandingkan."
    )


def _domain_recap(
    sheet, row: int, domains: list, years: tuple[int, int], instrument: Instrument, lintas: bool
) -> dict:
    """The domain rows again, side by side, for the chart (they interleave with aspects).
    Across instruments the chart shows this year only: last year's groups are others."""
    group = instrument.kelompok.upper()
    headers(sheet, row, ("NO", f"REKAP INDEKS PER {group}", "", *map(str, years)))
    first = row + 1
    for offset, (domain, before, after) in enumerate(domains):
        sheet.put(first + offset, 0, offset + 1, CENTER)
        sheet.merge((first + offset, 1), (first + offset, 2), domain, TEXT)
        sheet.put(first + offset, 3, before.ref(), INDEX)
        sheet.put(first + offset, 4, after.ref(), INDEX)
    last = first + len(domains) - 1
    names = Range(sheet, first, 1, last, 1)
    series = (
        Series(str(years[0]), names, Range(sheet, first, 3, last, 3), LIGHT_BLUE, labels="0.00"),
        Series(str(years[1]), names, Range(sheet, first, 4, last, 4), BLUE, labels="0.00"),
    )
    per = f"{instrument.nama} per {instrument.label_kelompok}"
    return {
        "title": f"{per}, {years[1]}" if lintas else f"{per}, {years[0]} dan {years[1]}",
        "series": series[1:] if lintas else series,
        "value_format": "0.0",
        "value_min": 0,
    }


@table(
    "peringkat_spbe",
    chapter=3,
    title="Indeks dan {skala} {pemda_short} pada Hasil {evaluasi} se-{provinsi} Tahun {tahun}",
    reads=(INDEKS_DAERAH,),
    needs=(skala_spbe,),
    uses=(indeks_spbe,),
    when=lambda inputs: (
        not province_list_pending(
            inputs.records(INDEKS_DAERAH), inputs.identitas("pemerintah_daerah")
        )
    ),
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
    skala = ctx.inputs.instrument.skala.upper()
    headers(sheet, HEADER_ROW, ("NO", "NAMA INSTANSI", "INDEKS", skala, "PERINGKAT"))
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
    nama = ctx.inputs.instrument.nama
    chart_below(
        sheet,
        end + 2,
        {
            "title": f"{nama} Pemerintah Daerah se-{provinsi} Tahun {ctx.tahun}",
            "series": (
                Series(
                    nama,
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
