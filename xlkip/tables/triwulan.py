"""The monitoring workbook of quarters I..N (`compile --triwulan N`): rencana aksi against
realisasi per IKU, budget absorption against the kas plan, and the quarterly trend.

Its own registry (`MONITORING`), numbered like Bab III of the annual report (3.1 is the
same capaian scale, so predikat read the same Pengaturan bounds), built into its own
WorkbookModel by `build_monitoring`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from itertools import groupby
from typing import Any

from xlkip.findings import Report
from xlkip.inputs import Inputs
from xlkip.read.records import Record
from xlkip.rules.anggaran import persen_realisasi
from xlkip.rules.capaian import capaian, mean
from xlkip.rules.triwulan import TRIWULAN, partial_turun_sum, sampai_dengan
from xlkip.schema.kinerja import IKU
from xlkip.schema.triwulan import ANGGARAN_TRIWULAN, EVALUASI, RENCANA_AKSI, ROMAWI
from xlkip.sheet.charts import BLUE, GREEN, LIGHT_BLUE, ORANGE, Series
from xlkip.sheet.expr import DASH, SUBTOTAL_SUM, SUM, Expr, Range
from xlkip.sheet.model import BlockColumn, SheetModel, Slot, Style, WorkbookModel
from xlkip.tables.common import (
    CENTER,
    HEADER_ROW,
    MONEY,
    MONEY_BOLD,
    PERCENT,
    PERCENT_BOLD,
    TEXT,
    TEXT_BOLD,
    Context,
    chart_below,
    finish,
    header_span,
    headers,
    table_sheet,
    value_cell,
)
from xlkip.tables.kinerja import indicator_style
from xlkip.tables.scale import skala_kinerja
from xlkip.tables.spec import TableSpec, make_plan, plan_where, table
from xlkip.text import identity_text

PROGRAM = Style(bold=True, fill="#F2F2F2")
PROGRAM_MONEY = Style(bold=True, fill="#F2F2F2", num_format="#,##0")
PROGRAM_PERCENT = Style(bold=True, fill="#F2F2F2", num_format="0.00%", align="center")
SUB = Style(indent=1)
SELURUH_PROGRAM = "(seluruh program)"


@dataclass
class MonitoringContext(Context):
    triwulan: int = 4
    """The last quarter reported: the workbook covers TW I … TW N."""

    @property
    def quarters(self) -> tuple[int, ...]:
        return TRIWULAN[: self.triwulan]

    def title_fields(self) -> dict[str, Any]:
        return {**super().title_fields(), "triwulan": ROMAWI[self.triwulan - 1]}


def tw(n: int) -> str:
    return f"TW {ROMAWI[n - 1]}"


def _ctx(ctx: Context) -> MonitoringContext:
    assert isinstance(ctx, MonitoringContext), "a monitoring table is built with its quarter"
    return ctx


# ---------------------------------------------------------------- rencana aksi per IKU


@dataclass
class RencanaAksiRow:
    iku: Record
    plan: Record
    target_tahun: Slot
    realisasi_tw: dict[int, Slot]
    capaian_tw: dict[int, Slot]
    target_sd: Slot
    realisasi_sd: Slot
    capaian_sd: Slot
    predikat: Slot


@dataclass
class RencanaAksiIku:
    rows: list[RencanaAksiRow]
    first: int
    last: int
    capaian_cols: dict[int, int]
    """Quarter -> the column of its capaian (the trend's mean reads it)."""
    sasaran: list[Slot]
    rata: Slot
    predikat: Slot
    sheet: SheetModel


def planned_iku(inputs: Inputs) -> list[tuple[Record, Record]]:
    """(IKU row, its Rencana Aksi row) in the IKU sheet's order; an IKU without a
    rencana aksi, or a rencana aksi naming no IKU (a finding), is left out."""
    plans = {identity_text(r.get("indikator")): r for r in inputs.records(RENCANA_AKSI)}
    pairs = []
    for record in inputs.records(IKU):
        plan = plans.get(identity_text(record.get("indikator")))
        if plan is not None and plan.get("cara_hitung") is not None:
            pairs.append((record, plan))
    return pairs


def _has_plan(inputs: Inputs) -> bool:
    return bool(planned_iku(inputs))


def _quarter_values(plan: Record, key: str, quarters: tuple[int, ...]) -> list[Any]:
    return [plan.get(f"{key}_tw{n}") for n in quarters]


@table(
    "rencana_aksi_iku",
    chapter=3,
    title="Rencana Aksi dan Realisasi Indikator Kinerja Utama {subject} s.d. Triwulan "
    "{triwulan} Tahun {tahun}",
    reads=(IKU, RENCANA_AKSI),
    needs=(skala_kinerja,),
    when=_has_plan,
)
def rencana_aksi_iku(ctx: Context) -> RencanaAksiIku:
    mctx = _ctx(ctx)
    quarters = mctx.quarters
    scale_result = ctx.get(skala_kinerja)
    scale = scale_result.scale
    cap = scale_result.cap.ref(absolute=True) if scale_result.cap is not None else None
    sd_col = 7 + 3 * len(quarters)
    widths = [5, 24, 34, 9, 7, 11, 11, *([10, 10, 10] * len(quarters)), 11, 11, 10, 12, 11, 11, 12]
    sheet = table_sheet(ctx, widths)
    two = HEADER_ROW + 1
    for col, text in enumerate(
        ("NO", "SASARAN", "INDIKATOR KINERJA", "SATUAN", "ARAH", "CARA HITUNG", "TARGET TAHUN")
    ):
        header_span(sheet, (HEADER_ROW, col), (two, col), text)
    capaian_cols = {}
    for offset, n in enumerate(quarters):
        col = 7 + 3 * offset
        header_span(sheet, (HEADER_ROW, col), (HEADER_ROW, col + 2), tw(n))
        headers(sheet, two, ("TARGET", "REALISASI", "CAPAIAN"), col)
        capaian_cols[n] = col + 2
    header_span(sheet, (HEADER_ROW, sd_col), (HEADER_ROW, sd_col + 3), f"S.D. {tw(quarters[-1])}")
    headers(sheet, two, ("TARGET", "REALISASI", "CAPAIAN", "PREDIKAT"), sd_col)
    header_span(sheet, (HEADER_ROW, sd_col + 4), (two, sd_col + 4), "CAPAIAN SASARAN")
    header_span(sheet, (HEADER_ROW, sd_col + 5), (two, sd_col + 5), "CAPAIAN THD TARGET TAHUN")
    header_span(sheet, (HEADER_ROW, sd_col + 6), (two, sd_col + 6), "PREDIKAT SASARAN")
    row = first = two + 1
    rows: list[RencanaAksiRow] = []
    sasaran: list[Slot] = []
    pairs = planned_iku(ctx.inputs)
    groups = groupby(pairs, key=lambda pair: identity_text(pair[0].get("sasaran", "")))
    for number, (_, members) in enumerate(groups, start=1):
        group = list(members)
        top = row
        for iku, plan in group:
            rows.append(_iku_row(sheet, row, iku, plan, quarters, scale, cap))
            row += 1
        sheet.merge((top, 0), (row - 1, 0), number, CENTER)
        sheet.merge((top, 1), (row - 1, 1), group[0][0].get("sasaran"), TEXT)
        capaian_sd = Range(sheet, top, sd_col + 2, row - 1, sd_col + 2)
        capaian_sasaran = sheet.merge(
            (top, sd_col + 4), (row - 1, sd_col + 4), mean(capaian_sd), PERCENT
        )
        sasaran.append(capaian_sasaran)
        predikat_sasaran = scale.predikat(capaian_sasaran.ref())
        sheet.merge((top, sd_col + 6), (row - 1, sd_col + 6), predikat_sasaran, CENTER)
    last = row - 1
    to_date = f"S.D. {tw(quarters[-1])}"
    label = f"CAPAIAN RATA-RATA {to_date} TERHADAP TARGET {to_date}"
    sheet.merge((row, 0), (row, sd_col + 1), label, TEXT_BOLD)
    rata = sheet.put(
        row, sd_col + 2, mean(Range(sheet, first, sd_col + 2, last, sd_col + 2)), PERCENT_BOLD
    )
    predikat = sheet.put(row, sd_col + 3, scale.predikat(rata.ref()), TEXT_BOLD)
    for col in (sd_col + 4, sd_col + 5, sd_col + 6):
        sheet.put(row, col, None, TEXT)
    finish(sheet, (HEADER_ROW, two), row, f"Rencana Aksi dan Perjanjian Kinerja {ctx.subject}")
    return RencanaAksiIku(rows, first, last, capaian_cols, sasaran, rata, predikat, sheet)


def _iku_row(
    sheet: SheetModel,
    row: int,
    iku: Record,
    plan: Record,
    quarters: tuple[int, ...],
    scale: Any,
    cap: Expr | None,
) -> RencanaAksiRow:
    arah, cara = iku.get("arah"), plan.get("cara_hitung")
    targets = _quarter_values(plan, "target", quarters)
    realisasi = _quarter_values(plan, "realisasi", quarters)
    style = indicator_style(iku, *targets, *realisasi)
    sheet.put(row, 2, iku.get("indikator"), TEXT)
    sheet.put(row, 3, iku.get("satuan"), CENTER)
    sheet.put(row, 4, arah, CENTER)
    sheet.put(row, 5, cara, CENTER)
    target_tahun = sheet.put(row, 6, value_cell(iku.get("target")), style)
    target_cells, realisasi_cells, capaian_tw, realisasi_tw = [], [], {}, {}
    for offset, n in enumerate(quarters):
        col = 7 + 3 * offset
        t = sheet.put(row, col, value_cell(targets[offset]), style)
        r = sheet.put(row, col + 1, value_cell(realisasi[offset]), style)
        capaian_tw[n] = sheet.put(row, col + 2, capaian(t.ref(), r.ref(), arah, cap), PERCENT)
        realisasi_tw[n] = r
        target_cells.append(t.ref())
        realisasi_cells.append(r.ref())
    col = 7 + 3 * len(quarters)
    target_sd = sheet.put(row, col, sampai_dengan(cara, target_cells), style)
    realisasi_sd = sheet.put(row, col + 1, sampai_dengan(cara, realisasi_cells), style)
    capaian_sd = sheet.put(
        row, col + 2, capaian(target_sd.ref(), realisasi_sd.ref(), arah, cap), PERCENT
    )
    predikat = sheet.put(row, col + 3, scale.predikat(capaian_sd.ref()), CENTER)
    if partial_turun_sum(arah, cara, quarters[-1]):
        sheet.put(row, col + 5, DASH, CENTER)
    else:
        year = capaian(target_tahun.ref(), realisasi_sd.ref(), arah, cap)
        sheet.put(row, col + 5, year, PERCENT)
    return RencanaAksiRow(
        iku,
        plan,
        target_tahun,
        realisasi_tw,
        capaian_tw,
        target_sd,
        realisasi_sd,
        capaian_sd,
        predikat,
    )


# ---------------------------------------------------------------- anggaran per triwulan


def serapan_sd(*cells: Expr) -> Expr:
    """Absorption to date of one row: Σ realisasi ÷ Σ kas of its quarters, given as the
    kas cells then as many realisasi cells."""
    half = len(cells) // 2
    return persen_realisasi(SUM(*cells[:half]), SUM(*cells[half:]))


def anggaran_columns(quarters: tuple[int, ...]) -> tuple[BlockColumn, ...]:
    """A sub kegiatan's row: kas TW I–IV, realisasi TW I..N and its absorption to date.
    Its totals (the year's kas, the sums to date) are the program's and the JUMLAH's: a
    50k-row budget keeps one formula per row, as Tabel 3.17 keeps two."""
    kas = [BlockColumn(n, MONEY, f"kas_tw{n}", float) for n in TRIWULAN]
    spent = [BlockColumn(5 + n, MONEY, f"realisasi_tw{n}", float) for n in quarters]
    col = 6 + len(quarters)
    args = (*quarters, *(5 + n for n in quarters))
    serapan = BlockColumn(col + 2, PERCENT, rule=serapan_sd, args=args)
    return (BlockColumn(0, SUB, "sub_kegiatan", str), *kas, *spent, serapan)


@dataclass
class AnggaranTriwulan:
    programs: list[tuple[str | None, MoneyRow]]
    total: MoneyRow


def _by_program(records: list[Record]) -> list[tuple[Any, list[dict[str, Any]]]]:
    """Rows grouped by program in order of first appearance; a row for a whole program
    (Sub Kegiatan blank) says so in its URAIAN."""
    programs: dict[str, tuple[Any, list[dict[str, Any]]]] = {}
    for record in records:
        values = record.values
        program = values.get("program")
        rows = programs.setdefault(identity_text(program or ""), (program, []))[1]
        whole = values.get("sub_kegiatan") is None
        rows.append({**values, "sub_kegiatan": SELURUH_PROGRAM} if whole else values)
    return list(programs.values())


@table(
    "anggaran_triwulan",
    chapter=3,
    title="Anggaran Kas dan Realisasi Anggaran per Triwulan {subject} s.d. Triwulan {triwulan} "
    "Tahun {tahun}",
    reads=(ANGGARAN_TRIWULAN,),
)
def anggaran_triwulan(ctx: Context) -> AnggaranTriwulan:
    quarters = _ctx(ctx).quarters
    columns = anggaran_columns(quarters)
    col = 6 + len(quarters)
    sheet = table_sheet(ctx, [52, *([16] * (col - 1)), 16, 16, 11, 11])
    two = HEADER_ROW + 1
    header_span(sheet, (HEADER_ROW, 0), (two, 0), "URAIAN")
    header_span(sheet, (HEADER_ROW, 1), (HEADER_ROW, 5), "ANGGARAN KAS")
    headers(sheet, two, (*(tw(n) for n in TRIWULAN), "SETAHUN"), 1)
    header_span(sheet, (HEADER_ROW, 6), (HEADER_ROW, col - 1), "REALISASI")
    headers(sheet, two, [tw(n) for n in quarters], 6)
    header_span(sheet, (HEADER_ROW, col), (HEADER_ROW, col + 3), f"S.D. {tw(quarters[-1])}")
    headers(sheet, two, ("ANGGARAN KAS", "REALISASI", "% THD KAS", "% THD KAS SETAHUN"), col)
    row = two + 1
    first = row
    programs = []
    for name, rows in _by_program(ctx.inputs.records(ANGGARAN_TRIWULAN)):
        program_row = row
        sheet.put_rows(program_row + 1, columns, rows)
        row += 1 + len(rows)
        sheet.put(program_row, 0, None if name is None else str(name), PROGRAM)
        cells = _subtotal_row(sheet, program_row, program_row + 1, row - 1, quarters, True)
        sheet.keep_together.append((program_row, program_row + 1))
        programs.append((None if name is None else str(name), cells))
    sheet.put(row, 0, "JUMLAH", TEXT_BOLD)
    total = _subtotal_row(sheet, row, first, row - 1, quarters, False)
    finish(sheet, (HEADER_ROW, two), row, f"Dokumen Pelaksanaan Anggaran dan SP2D {ctx.subject}")
    return AnggaranTriwulan(programs, total)


@dataclass
class MoneyRow:
    kas: dict[int, Slot]
    kas_tahun: Slot
    realisasi: dict[int, Slot]
    kas_sd: Slot
    realisasi_sd: Slot
    persen_sd: Slot
    persen_tahun: Slot


def _subtotal_row(
    sheet: SheetModel, row: int, first: int, last: int, quarters: tuple[int, ...], program: bool
) -> MoneyRow:
    """SUBTOTAL over the rows below (the JUMLAH row skips the program rows inside)."""
    money = PROGRAM_MONEY if program else MONEY_BOLD
    percent = PROGRAM_PERCENT if program else PERCENT_BOLD

    def subtotal(col: int) -> Slot:
        return sheet.put(row, col, SUBTOTAL_SUM(Range(sheet, first, col, last, col)), money)

    kas = {n: subtotal(n) for n in TRIWULAN}
    kas_tahun = sheet.put(row, 5, SUM(*(k.ref() for k in kas.values())), money)
    spent = {n: subtotal(5 + n) for n in quarters}
    col = 6 + len(quarters)
    kas_sd = sheet.put(row, col, SUM(*(kas[n].ref() for n in quarters)), money)
    realisasi_sd = sheet.put(row, col + 1, SUM(*(s.ref() for s in spent.values())), money)
    persen_sd = sheet.put(row, col + 2, persen_realisasi(kas_sd.ref(), realisasi_sd.ref()), percent)
    persen_tahun = sheet.put(
        row, col + 3, persen_realisasi(kas_tahun.ref(), realisasi_sd.ref()), percent
    )
    return MoneyRow(kas, kas_tahun, spent, kas_sd, realisasi_sd, persen_sd, persen_tahun)


# ---------------------------------------------------------------- the quarterly trend


def _has_any(inputs: Inputs) -> bool:
    return _has_plan(inputs) or bool(inputs.records(ANGGARAN_TRIWULAN))


@table(
    "tren_triwulan",
    chapter=3,
    title="Tren Capaian Kinerja dan Penyerapan Anggaran per Triwulan {subject} Tahun {tahun}",
    uses=(rencana_aksi_iku, anggaran_triwulan),
    when=_has_any,
)
def tren_triwulan(ctx: Context) -> None:
    quarters = _ctx(ctx).quarters
    iku = ctx.maybe(rencana_aksi_iku)
    budget = ctx.maybe(anggaran_triwulan)
    sheet = table_sheet(ctx, [12, 18, 14, 18, 18])
    headers(
        sheet,
        HEADER_ROW,
        (
            "TRIWULAN",
            "CAPAIAN KINERJA RATA-RATA TRIWULAN ITU SAJA",
            "TARGET (100%)",
            "RENCANA PENYERAPAN (KAS) KUMULATIF",
            "REALISASI ANGGARAN KUMULATIF",
        ),
    )
    first = HEADER_ROW + 1
    for offset, n in enumerate(quarters):
        row = first + offset
        sheet.put(row, 0, tw(n), CENTER)
        if iku is not None:
            col = iku.capaian_cols[n]
            sheet.put(row, 1, mean(Range(iku.sheet, iku.first, col, iku.last, col)), PERCENT)
        else:
            sheet.put(row, 1, "-", CENTER)
        sheet.put(row, 2, 1, PERCENT)
        if budget is not None:
            total = budget.total
            year = total.kas_tahun.ref()
            kas = SUM(*(total.kas[m].ref() for m in quarters[: offset + 1]))
            spent = SUM(*(total.realisasi[m].ref() for m in quarters[: offset + 1]))
            sheet.put(row, 3, persen_realisasi(year, kas), PERCENT)
            sheet.put(row, 4, persen_realisasi(year, spent), PERCENT)
        else:
            sheet.put(row, 3, "-", CENTER)
            sheet.put(row, 4, "-", CENTER)
    last = first + len(quarters) - 1
    end = finish(sheet, (HEADER_ROW, HEADER_ROW), last, f"Rencana Aksi dan DPA {ctx.subject}")
    chart_below(sheet, end + 2, trend_chart(sheet, first, last, iku, budget), last_col=4)


def trend_chart(sheet: SheetModel, first: int, last: int, iku: Any, budget: Any) -> dict:
    names = Range(sheet, first, 0, last, 0)
    series = []
    if iku is not None:
        series.append(
            Series(
                "Capaian kinerja triwulan itu saja",
                names,
                Range(sheet, first, 1, last, 1),
                BLUE,
                labels="0%",
            )
        )
        series.append(
            Series(
                "Target (100%)",
                names,
                Range(sheet, first, 2, last, 2),
                ORANGE,
                line=True,
                dashed=True,
            )
        )
    if budget is not None:
        series.append(
            Series("Rencana kas", names, Range(sheet, first, 3, last, 3), LIGHT_BLUE, line=True)
        )
        series.append(
            Series(
                "Realisasi anggaran",
                names,
                Range(sheet, first, 4, last, 4),
                GREEN,
                line=True,
                labels="0%",
            )
        )
    return {
        "title": "Capaian Kinerja Triwulan Itu Saja dan Penyerapan Anggaran Kumulatif",
        "series": tuple(series),
        "value_format": "0%",
        "value_min": 0,
    }


MONITORING: tuple[TableSpec[Any], ...] = (
    skala_kinerja,
    rencana_aksi_iku,
    anggaran_triwulan,
    tren_triwulan,
)
"""The monitoring workbook's tables, in the order it prints them."""


def monitoring_feeds() -> dict[str, list[str]]:
    """Sheet of triwulan.xlsx -> the monitoring workbook's tables it feeds, E.81 last (the
    Petunjuk of triwulan.xlsx: the annual report reads none of it)."""
    from xlkip.tables.e81 import SHEET as E81

    plan = plan_where(MONITORING, lambda spec: True)
    feeds = {}
    for sheet in (RENCANA_AKSI, ANGGARAN_TRIWULAN):
        direct = {spec.key for spec in MONITORING if any(read is sheet for read in spec.reads)}
        fed = [
            spec
            for spec in MONITORING
            if spec.key in direct or any(used.key in direct for used in (*spec.uses, *spec.needs))
        ]
        feeds[sheet.name] = [*(plan.label(spec) for spec in fed if plan.produces(spec)), E81]
    feeds[EVALUASI.name] = [E81]
    return feeds


@dataclass
class BuiltMonitoring:
    model: WorkbookModel
    results: dict[str, Any] = field(default_factory=dict)
    figures: Any = None
    """No headline figures: the email draft is the annual report's."""


def missing_quarters(inputs: Inputs) -> str | None:
    """Why no monitoring workbook can be made from these inputs, or None."""
    if inputs.has("triwulan") and _has_any(inputs):
        return None
    return (
        f"Folder {inputs.folder} tidak berisi triwulan.xlsx yang terisi, sehingga laporan "
        "triwulan tidak dapat disusun. Buat dengan xlkip init FOLDER --modul triwulan, isi sheet "
        "Rencana Aksi dan Anggaran Triwulan, lalu jalankan lagi."
    )


def build_monitoring(inputs: Inputs, report: Report, triwulan: int) -> BuiltMonitoring:
    """Every monitoring table these inputs produce for quarters I..`triwulan`, then the
    Temuan Validasi sheet."""
    from xlkip.tables.e81 import e81
    from xlkip.tables.temuan import temuan

    plan = make_plan(MONITORING, inputs)
    ctx = MonitoringContext(inputs, report, WorkbookModel(), plan, triwulan=triwulan)
    for spec in plan.build_order():
        ctx.current = spec
        ctx.results[spec.key] = spec.build(ctx)
    ctx.current = None
    iku, budget = ctx.maybe(rencana_aksi_iku), ctx.maybe(anggaran_triwulan)
    e81(ctx, iku, budget, triwulan)
    temuan(ctx)
    ctx.model.properties = {
        "title": f"Pemantauan Rencana Aksi {ctx.subject} s.d. {tw(triwulan)} Tahun {ctx.tahun}",
        "subject": "Pemantauan kinerja dan anggaran per triwulan",
        "author": "xlkip",
        "company": str(inputs.identitas("instansi", "")),
        "keywords": f"rencana aksi, triwulan, {ctx.pemda}, {ctx.tahun}",
        "comments": "Dibuat oleh xlkip compile --triwulan. Angka turunan adalah rumus Excel.",
        "created": dt.datetime(ctx.tahun, 3 * triwulan, 1),
    }
    ctx.model.footer = ctx.subject
    return BuiltMonitoring(ctx.model, ctx.results)
