"""Ringkasan: identity, headline figures pulled from the tables, key charts.

It is the first page the head of office reads, so it carries no checker counts: those
close the Temuan Validasi sheet, which the PDF leaves out."""

from __future__ import annotations

from typing import Any

from xlkip.sheet.model import PrintSetup, SheetModel, Slot, Style
from xlkip.tables.anggaran import anggaran_program
from xlkip.tables.common import (
    CENTER,
    COUNT_BOLD,
    HEADER,
    INDEX_BOLD,
    MONEY_BOLD,
    PERCENT_BOLD,
    TEXT,
    TEXT_BOLD,
    Context,
    chart_below,
    new_sheet,
)
from xlkip.tables.kinerja import capaian_iku
from xlkip.tables.layanan import pengaduan_dua_tahun, pengaduan_tahun_ini, publikasi
from xlkip.tables.narasi import sentences
from xlkip.tables.spbe import indeks_spbe
from xlkip.tables.spec import TableSpec

SHEET = "Ringkasan"
SECTION = Style(bold=True, size=11, border=False, wrap=False, color="#1F4E78")
PROSE = Style(border=False)

Headline = tuple[str, Slot, Style, Slot | None, str]
"""(label, value cell, style, predikat cell, the table it comes from)."""


def _headlines(ctx: Context) -> list[Headline]:
    """Every headline figure the inputs produce, each from the table that computes it."""
    rows: list[Headline] = []

    def source(spec: TableSpec[Any]) -> str:
        return ctx.label(spec) or ""

    iku = ctx.maybe(capaian_iku)
    if iku is not None:
        rows.append(
            ("Capaian kinerja rata-rata", iku.rata, PERCENT_BOLD, iku.predikat, source(capaian_iku))
        )
    money = ctx.maybe(anggaran_program)
    if money is not None:
        where = source(anggaran_program)
        rows += [
            ("Realisasi anggaran", money.persen, PERCENT_BOLD, None, where),
            ("Anggaran (Rp)", money.anggaran, MONEY_BOLD, None, where),
            ("Realisasi (Rp)", money.realisasi, MONEY_BOLD, None, where),
            ("Efisiensi anggaran", money.efisiensi, PERCENT_BOLD, None, where),
        ]
    spbe = ctx.maybe(indeks_spbe)
    if spbe is not None:
        rows.append(
            (
                f"{ctx.inputs.instrument.nama} {ctx.tahun}",
                spbe.totals[ctx.tahun],
                INDEX_BOLD,
                spbe.predikat,
                source(indeks_spbe),
            )
        )
    pengaduan = ctx.maybe(pengaduan_dua_tahun)
    if pengaduan is not None:
        rows.append(
            (
                "Rasio pengaduan ditindaklanjuti",
                pengaduan.totals[ctx.tahun]["rasio"],
                PERCENT_BOLD,
                None,
                source(pengaduan_tahun_ini),
            )
        )
    informasi = ctx.maybe(publikasi)
    if informasi is not None:
        rows.append(
            (
                "Jumlah informasi terpublikasi",
                informasi.totals[ctx.tahun],
                COUNT_BOLD,
                None,
                source(publikasi),
            )
        )
    return rows


def ringkasan(ctx: Context) -> SheetModel:
    sheet = new_sheet(
        ctx, SHEET, f"Ringkasan Laporan Kinerja {ctx.subject} Tahun {ctx.tahun}", [34, 22, 18, 16]
    )
    row = _identity(ctx, sheet, 2)
    row = _figures(ctx, sheet, row + 1)
    row = _narrative(ctx, sheet, row + 1)
    _charts(ctx, sheet, row + 1)
    sheet.print_setup = PrintSetup(landscape=False, one_page=True)
    return sheet


def _narrative(ctx: Context, sheet: SheetModel, row: int) -> int:
    lines = sentences(ctx)
    if not lines:
        return row
    sheet.put(row, 0, "Kesimpulan", SECTION)
    for offset, line in enumerate(lines, start=1):
        sheet.merge((row + offset, 0), (row + offset, 3), line, PROSE)
    return row + len(lines) + 1


def _charts(ctx: Context, sheet: SheetModel, row: int) -> None:
    """The key charts again, fed from the same table cells."""
    iku, money = ctx.maybe(capaian_iku), ctx.maybe(anggaran_program)
    for spec, height in ((iku and iku.chart, 250), (money and money.persen_chart, 230)):
        if spec:
            row = chart_below(sheet, row, spec, height=height, last_col=3)


def _identity(ctx: Context, sheet: SheetModel, row: int) -> int:
    sheet.put(row, 0, "Identitas", SECTION)
    period = ctx.inputs.period
    items = [
        ("Instansi", ctx.inputs.identitas("instansi")),
        ("Pemerintah daerah", ctx.pemda),
        ("Provinsi", ctx.inputs.identitas("provinsi")),
        ("Tahun laporan", str(ctx.tahun)),
        ("Periode Renstra", f"{period.renstra_awal}–{period.renstra_akhir}"),
        ("Kepala", ctx.inputs.identitas("kepala")),
        ("NIP", ctx.inputs.identitas("nip")),
    ]
    for offset, (label, value) in enumerate(items, start=1):
        sheet.put(row + offset, 0, label, TEXT_BOLD)
        sheet.merge((row + offset, 1), (row + offset, 3), value, TEXT)
    return row + len(items) + 1


def _figures(ctx: Context, sheet: SheetModel, row: int) -> int:
    sheet.put(row, 0, "Angka utama", SECTION)
    for col, text in enumerate(("Ukuran", "Nilai", "Predikat", "Sumber")):
        sheet.put(row + 1, col, text, HEADER)
    row += 2
    for label, cell, style, predikat, source in _headlines(ctx):
        sheet.put(row, 0, label, TEXT_BOLD)
        sheet.put(row, 1, cell.ref(), style)
        sheet.put(row, 2, predikat.ref() if predikat else None, CENTER)
        sheet.put(row, 3, source, CENTER)
        row += 1
    return row
