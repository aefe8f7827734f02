"""Tabel 3.2 (IKU), 3.13 (this year against last) and 3.14 (against the Renstra)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from itertools import groupby
from typing import Any

from xlkip.perencanaan import indicator_format
from xlkip.read.records import Record
from xlkip.rules.capaian import capaian, mean
from xlkip.schema.kinerja import IKU, INDEX_BUKTI, RENSTRA
from xlkip.sheet.charts import BLUE, ORANGE, Series
from xlkip.sheet.expr import DASH, Range
from xlkip.sheet.model import SheetModel, Slot, Style
from xlkip.tables.common import (
    CENTER,
    HEADER_ROW,
    PERCENT,
    PERCENT_BOLD,
    TEXT,
    TEXT_BOLD,
    Context,
    chart_below,
    finish,
    header_span,
    headers,
    measure_style,
    table_sheet,
    value_cell,
)
from xlkip.tables.scale import skala_kinerja
from xlkip.tables.spec import table
from xlkip.text import identity_text


def _groups(records: list[Record]) -> Iterator[list[Record]]:
    """Consecutive rows of the same sasaran."""
    for _, rows in groupby(records, key=lambda r: identity_text(r.get("sasaran", ""))):
        yield list(rows)


def _sasaran_cells(
    sheet: SheetModel, top: int, bottom: int, number: int, group: list[Record]
) -> None:
    """NO and SASARAN merged over the sasaran's indicator rows, as the report prints them."""
    sheet.merge((top, 0), (bottom, 0), number, CENTER)
    sheet.merge((top, 1), (bottom, 1), group[0].get("sasaran"), TEXT)


def indicator_style(record: Record, *more: Any) -> Style:
    """One number format for an IKU row in every table that prints it, so a value is
    spelled the same in 2.3, 3.2 and 3.13 and a row never mixes 14% and 15,20%."""
    return Style(num_format=indicator_format(record, *more), align="center")


def _put_measure(sheet: SheetModel, row: int, col: int, value: Any, style: Style) -> Slot:
    return sheet.put(row, col, value_cell(value), style)


@dataclass
class IkuRow:
    record: Record
    target: Slot
    realisasi: Slot
    capaian: Slot


@dataclass
class SasaranRow:
    sasaran: Any
    capaian: Slot


@dataclass
class CapaianIku:
    rows: list[IkuRow]
    sasaran: list[SasaranRow]
    rata: Slot
    """Capaian rata-rata over every indicator."""
    predikat: Slot
    chart: dict[str, Any]


def _cap(ctx: Context) -> Any:
    cell = ctx.get(skala_kinerja).cap
    return cell.ref(absolute=True) if cell is not None else None


@table(
    "capaian_iku",
    chapter=3,
    title="Realisasi Sasaran/Indikator Kinerja Utama {subject} Tahun {tahun}",
    reads=(IKU,),
    needs=(skala_kinerja,),
)
def capaian_iku(ctx: Context) -> CapaianIku:
    records = ctx.inputs.records(IKU)
    scale = ctx.get(skala_kinerja).scale
    cap = _cap(ctx)
    sheet = table_sheet(ctx, [5, 32, 40, 10, 8, 12, 12, 12, 14, 13])
    headers(
        sheet,
        HEADER_ROW,
        (
            "NO",
            "SASARAN",
            "INDIKATOR TUJUAN/SASARAN",
            "SATUAN",
            "ARAH",
            "TARGET",
            "REALISASI",
            "CAPAIAN",
            "PREDIKAT",
            "CAPAIAN SASARAN",
        ),
    )
    row = HEADER_ROW + 1
    first = row
    iku_rows = []
    sasaran_rows = []
    for number, group in enumerate(_groups(records), start=1):
        top = row
        for record in group:
            sheet.put(row, 2, record.get("indikator"), TEXT)
            sheet.put(row, 3, record.get("satuan"), CENTER)
            sheet.put(row, 4, record.get("arah"), CENTER)
            style = indicator_style(record)
            target = _put_measure(sheet, row, 5, record.get("target"), style)
            realisasi = _put_measure(sheet, row, 6, record.get("realisasi"), style)
            achieved = sheet.put(
                row, 7, capaian(target.ref(), realisasi.ref(), record.get("arah"), cap), PERCENT
            )
            sheet.put(row, 8, scale.predikat(achieved.ref()), CENTER)
            iku_rows.append(IkuRow(record, target, realisasi, achieved))
            row += 1
        bottom = row - 1
        _sasaran_cells(sheet, top, bottom, number, group)
        sasaran = sheet.merge((top, 9), (bottom, 9), mean(Range(sheet, top, 7, bottom, 7)), PERCENT)
        sasaran_rows.append(SasaranRow(group[0].get("sasaran"), sasaran))
    sheet.merge((row, 0), (row, 6), "CAPAIAN RATA-RATA", TEXT_BOLD)
    rata = sheet.put(row, 7, mean(Range(sheet, first, 7, row - 1, 7)), PERCENT_BOLD)
    predikat = sheet.put(row, 8, scale.predikat(rata.ref()), TEXT_BOLD)
    sheet.put(row, 9, None, TEXT)
    _target_line(sheet, first, row - 1)
    end = finish(sheet, (HEADER_ROW, HEADER_ROW), row, f"Perjanjian Kinerja {ctx.subject}")
    chart = capaian_chart(sheet, first, row - 1)
    chart_below(sheet, end + 2, chart, last_col=9)
    return CapaianIku(iku_rows, sasaran_rows, rata, predikat, chart)


TARGET_COL = 10


def _target_line(sheet: SheetModel, first: int, last: int) -> None:
    """A hidden column of 100% that the chart draws as the target line."""
    sheet.put(HEADER_ROW, TARGET_COL, "TARGET (100%)", TEXT)
    for row in range(first, last + 1):
        sheet.put(row, TARGET_COL, 1, PERCENT)
    sheet.widths[TARGET_COL] = 10
    sheet.hidden_cols.add(TARGET_COL)


def capaian_chart(sheet: SheetModel, first: int, last: int) -> dict:
    names = Range(sheet, first, 2, last, 2)
    return {
        "title": "Capaian Indikator Kinerja Utama terhadap Target",
        "series": (
            Series("Capaian", names, Range(sheet, first, 7, last, 7), BLUE, labels="0%"),
            Series(
                "Target (100%)",
                names,
                Range(sheet, first, TARGET_COL, last, TARGET_COL),
                ORANGE,
                line=True,
                dashed=True,
            ),
        ),
        "value_format": "0%",
        "value_min": 0,
        "show_hidden": True,
    }


@table(
    "perbandingan_tahun_lalu",
    chapter=3,
    title="Perbandingan Realisasi Capaian Kinerja {subject} Tahun {tahun_lalu} dan Tahun {tahun}",
    needs=(capaian_iku,),
)
def perbandingan_tahun_lalu(ctx: Context) -> None:
    iku_rows = ctx.get(capaian_iku).rows
    sheet = table_sheet(ctx, [5, 36, 44, 14, 14])
    headers(
        sheet,
        HEADER_ROW,
        (
            "NO",
            "SASARAN",
            "INDIKATOR TUJUAN/SASARAN",
            f"REALISASI {ctx.tahun - 1}",
            f"REALISASI {ctx.tahun}",
        ),
    )
    row = HEADER_ROW + 1
    by_record = {id(r.record): r.realisasi for r in iku_rows}
    for number, group in enumerate(_groups([r.record for r in iku_rows]), start=1):
        top = row
        for record in group:
            sheet.put(row, 2, record.get("indikator"), TEXT)
            current = by_record[id(record)]
            _put_measure(sheet, row, 3, record.get("realisasi_lalu"), current.style)
            sheet.put(row, 4, current.ref(), current.style)
            row += 1
        _sasaran_cells(sheet, top, row - 1, number, group)
    last = row - 1
    across = _across_instruments(ctx, [r.record for r in iku_rows])
    if across:
        last = row + 1
        sheet.merge((last, 0), (last, 4), across, Style(italic=True, wrap=True))
    finish(sheet, (HEADER_ROW, HEADER_ROW), last, f"Perjanjian Kinerja {ctx.subject}")


def _across_instruments(ctx: Context, records: list[Record]) -> str | None:
    """The note under 3.13 when the index IKU's two years are of different instruments."""
    inputs = ctx.inputs
    names = [r.get("indikator") for r in records if r.get("bukti") in INDEX_BUKTI]
    if not inputs.lintas_instrumen or not names:
        return None
    before, now = inputs.instrument_lalu, inputs.instrument
    return (
        f"Catatan: realisasi {inputs.tahun - 1} '{names[0]}' adalah {before.nama}, realisasi "
        f"{inputs.tahun} {now.nama}; instrumen evaluasinya berbeda, sehingga keduanya tidak "
        "dibandingkan."
    )


@table(
    "target_renstra",
    chapter=3,
    title="Perbandingan Realisasi dan Target Renstra {subject} {renstra_awal}–{renstra_akhir}",
    reads=(RENSTRA,),
    needs=(skala_kinerja,),
)
def target_renstra(ctx: Context) -> None:
    renstra = ctx.inputs.table(RENSTRA)
    assert renstra is not None
    period = ctx.inputs.period
    years = [y for y in period.renstra_years if y in renstra.years]
    cap = _cap(ctx)
    sheet = table_sheet(ctx, [5, 30, 38, 9, 12, *([11] * len(years)), 13, 14])
    year_col = 5
    capaian_col = year_col + len(years)
    two_rows = HEADER_ROW + 1
    for col, text in enumerate(
        ("NO", "SASARAN", "INDIKATOR KINERJA", "SATUAN", f"REALISASI {ctx.tahun}")
    ):
        header_span(sheet, (HEADER_ROW, col), (two_rows, col), text)
    header_span(
        sheet,
        (HEADER_ROW, year_col),
        (HEADER_ROW, capaian_col - 1),
        "TARGET KINERJA SASARAN RENSTRA",
    )
    headers(sheet, two_rows, [str(y) for y in years], year_col)
    header_span(
        sheet,
        (HEADER_ROW, capaian_col),
        (two_rows, capaian_col),
        f"CAPAIAN {ctx.tahun} TERHADAP TARGET {ctx.tahun}",
    )
    header_span(
        sheet,
        (HEADER_ROW, capaian_col + 1),
        (two_rows, capaian_col + 1),
        f"CAPAIAN TERHADAP TARGET AKHIR ({period.renstra_akhir})",
    )
    row = HEADER_ROW + 2
    for number, group in enumerate(_groups(renstra.records), start=1):
        top = row
        for record in group:
            sheet.put(row, 2, record.get("indikator"), TEXT)
            sheet.put(row, 3, record.get("satuan"), CENTER)
            values = [record.years.get(year) for year in years]
            style = measure_style([record.get("realisasi"), *values], record.get("satuan"))
            realisasi = _put_measure(sheet, row, 4, record.get("realisasi"), style)
            targets = {
                year: _put_measure(sheet, row, year_col + offset, value, style)
                for offset, (year, value) in enumerate(zip(years, values, strict=True))
            }
            for col, year in ((capaian_col, ctx.tahun), (capaian_col + 1, period.renstra_akhir)):
                target = targets.get(year)
                content = (
                    capaian(target.ref(), realisasi.ref(), record.get("arah"), cap)
                    if target is not None
                    else DASH
                )
                sheet.put(row, col, content, PERCENT)
            row += 1
        _sasaran_cells(sheet, top, row - 1, number, group)
    finish(sheet, (HEADER_ROW, HEADER_ROW + 1), row - 1, f"Renstra {ctx.subject}")
