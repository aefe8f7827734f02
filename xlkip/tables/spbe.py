"""Tabel 3.3 (weights), 3.5 (the index over two years) and 3.15 (other pemda)."""

from __future__ import annotations

from itertools import groupby

from xlkip.read.records import Record
from xlkip.sheet.charts import BLUE, LIGHT_BLUE, Series
from xlkip.sheet.expr import (
    COUNT,
    DASH,
    IF,
    RANK,
    SUBTOTAL_SUM,
    SUMPRODUCT,
    BinOp,
    Const,
    Expr,
    Range,
    WeightsPresent,
)
from xlkip.sheet.model import Style
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
    new_sheet,
    value_cell,
)
from xlkip.validate.duplicates import identity_text

WEIGHT = Style(num_format="0.00%", align="center")
WEIGHT_BOLD = Style(num_format="0.00%", align="center", bold=True)
MAX_CHART_HEIGHT = 540
"""Pixels: a chart taller than this would not fit on one landscape page."""
KEMENPAN = "Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Republik Indonesia"


def _domains(records: list[Record]) -> list[tuple[str, list[Record]]]:
    grouped = groupby(records, key=lambda r: r.get("domain", ""))
    return [(domain, list(rows)) for domain, rows in grouped]


def tabel_3_3(ctx: Context) -> None:
    records = ctx.rows_for("spbe", "Nilai Aspek", "Tabel 3.3", "Tabel 3.5")
    if not records:
        return
    sheet = new_sheet(
        ctx,
        "Tabel 3.3",
        "Tabel 3.3 Aspek Penilaian Sistem Pemerintahan Berbasis Elektronik (SPBE)",
        [6, 60, 12],
    )
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
    ctx.anchors["bobot_spbe"] = weights


def _weighted(bobot: Range, nilai: Range) -> tuple[Expr, Expr]:
    return SUMPRODUCT(bobot, nilai), WeightsPresent(bobot, nilai)


def _index_or_dash(parts: list[tuple[Expr, Expr]], counted: list[Range]) -> Expr:
    numerator, denominator = parts[0]
    for top, bottom in parts[1:]:
        numerator, denominator = numerator + top, denominator + bottom
    none = BinOp("=", COUNT(*counted), Const(0))
    return IF(none, DASH, numerator / denominator)


def tabel_3_5(ctx: Context) -> None:
    records = ctx.inputs.records("spbe", "Nilai Aspek")
    if not records:
        return
    weights = ctx.anchors["bobot_spbe"]
    scale = ctx.anchors["skala_spbe"]
    years = (ctx.tahun - 1, ctx.tahun)
    sheet = new_sheet(
        ctx,
        "Tabel 3.5",
        f"Tabel 3.5 Capaian Indeks SPBE {ctx.pemda} Tahun {years[0]} dan {years[1]}",
        [6, 60, 11, 11, 11],
    )
    headers(sheet, HEADER_ROW, ("NO", "DOMAIN DAN ASPEK PENILAIAN", "BOBOT", *map(str, years)))
    row = HEADER_ROW + 1
    parts: dict[int, list[tuple[Expr, Expr]]] = {0: [], 1: []}
    counted: dict[int, list[Range]] = {0: [], 1: []}
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
            parts[index].append(_weighted(bobot, nilai))
            counted[index].append(nilai)
            domain_cells.append(
                sheet.put(
                    domain_row, col, _index_or_dash([_weighted(bobot, nilai)], [nilai]), INDEX_BOLD
                )
            )
        domains.append((domain, *domain_cells))
        row = last + 1
    sheet.merge((row, 0), (row, 2), "NILAI INDEKS SPBE", TEXT_BOLD)
    totals = {}
    for index, col in enumerate((3, 4)):
        totals[years[index]] = sheet.put(
            row, col, _index_or_dash(parts[index], counted[index]), INDEX_BOLD
        )
    sheet.merge((row + 1, 0), (row + 1, 2), "PREDIKAT", TEXT_BOLD)
    for year, col in zip(years, (3, 4), strict=True):
        sheet.put(
            row + 1, col, scale.predikat(totals[year].ref()), Style(bold=True, align="center")
        )
    end = finish(sheet, (HEADER_ROW, HEADER_ROW), row + 1, KEMENPAN)
    ctx.anchors["spbe_total"] = totals
    ctx.anchors["spbe_predikat"] = sheet.slot(row + 1, 4)
    ctx.anchors["chart_spbe_domain"] = _domain_recap(sheet, end + 2, domains, years)
    chart_below(sheet, end + 4 + len(domains), ctx.anchors["chart_spbe_domain"], height=300)


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


def tabel_3_15(ctx: Context) -> None:
    records = ctx.inputs.records("spbe", "Indeks Daerah Lain")
    own_total = ctx.anchors.get("spbe_total", {}).get(ctx.tahun)
    own = identity_text(ctx.pemda)
    rows: list[tuple[str, object, bool]] = [
        (r.get("instansi"), value_cell(r.get("indeks")), identity_text(r.get("instansi")) == own)
        for r in records
    ]
    if not any(mine for _, _, mine in rows) and own_total is not None:
        rows.append((ctx.pemda, own_total.ref(), True))
    rows.sort(key=_by_index)
    if not rows:
        ctx.leave_out("Tabel 3.15", "sheet Indeks Daerah Lain kosong")
        return
    scale = ctx.anchors["skala_spbe"]
    provinsi = ctx.inputs.identitas("provinsi", "")
    sheet = new_sheet(
        ctx,
        "Tabel 3.15",
        f"Tabel 3.15 Indeks dan Predikat {ctx.pemda_short} pada Hasil Evaluasi Sistem "
        f"Pemerintahan Berbasis Elektronik se-{provinsi} Tahun {ctx.tahun}",
        [6, 44, 11, 16, 12],
    )
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
        rank = IF(BinOp("=", COUNT(cell.ref()), Const(0)), DASH, RANK(cell.ref(), indices))
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


def _by_index(row: tuple[str, object, bool]) -> tuple[int, float]:
    """Highest index first; rows without an index last (sorted() keeps ties in order)."""
    index = row[1].evaluate() if isinstance(row[1], Expr) else row[1]
    return (0, -index) if isinstance(index, int | float) else (1, 0.0)
