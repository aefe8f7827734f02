"""Ringkasan: identity, headline figures pulled from the tables, findings, what is missing."""

from __future__ import annotations

from typing import Any

from xlkip.findings import Tingkat
from xlkip.sheet.expr import COUNTIF, Range
from xlkip.sheet.model import PrintSetup, SheetModel, Slot, Style
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
from xlkip.tables.narasi import sentences

SHEET = "Ringkasan"
SECTION = Style(bold=True, size=11, border=False, wrap=False, color="#1F4E78")
PROSE = Style(border=False)


def _headlines(ctx: Context) -> list[tuple[str, Slot | None, Style, Slot | None, str]]:
    """(label, value cell, style, predikat cell, source) of every headline figure present."""
    a: dict[str, Any] = ctx.anchors
    rows = []
    if "capaian_rata" in a:
        rata = a["capaian_rata"]
        predikat = rata.sheet.slot(rata.row, rata.col + 1)
        rows.append(("Capaian kinerja rata-rata", rata, PERCENT_BOLD, predikat, "Tabel 3.2"))
    if "anggaran" in a:
        money = a["anggaran"]
        rows += [
            ("Realisasi anggaran", money["persen"], PERCENT_BOLD, None, "Tabel 3.16"),
            ("Anggaran (Rp)", money["anggaran"], MONEY_BOLD, None, "Tabel 3.16"),
            ("Realisasi (Rp)", money["realisasi"], MONEY_BOLD, None, "Tabel 3.16"),
            ("Efisiensi anggaran", a["efisiensi"], PERCENT_BOLD, None, "Tabel 3.16"),
        ]
    if "spbe_total" in a:
        rows.append(
            (
                f"Indeks SPBE {ctx.tahun}",
                a["spbe_total"][ctx.tahun],
                INDEX_BOLD,
                a["spbe_predikat"],
                "Tabel 3.5",
            )
        )
    if "pengaduan" in a:
        rows.append(
            (
                "Rasio pengaduan ditindaklanjuti",
                a["pengaduan"]["totals"][ctx.tahun]["rasio"],
                PERCENT_BOLD,
                None,
                "Tabel 3.11",
            )
        )
    if "informasi_total" in a:
        rows.append(
            (
                "Jumlah informasi terpublikasi",
                a["informasi_total"][ctx.tahun],
                COUNT_BOLD,
                None,
                "Tabel 3.10",
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
    row = _findings(ctx, sheet, row + 1)
    row = _left_out(ctx, sheet, row + 1)
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
    for key, height in (("chart_capaian", 250), ("chart_persen_program", 230)):
        spec = ctx.anchors.get(key)
        if spec is not None:
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
        ctx.anchors.setdefault("ringkasan_cells", {})[label] = sheet.put(row, 1, cell.ref(), style)
        sheet.put(row, 2, predikat.ref() if predikat else None, CENTER)
        sheet.put(row, 3, source, CENTER)
        row += 1
    return row


def _findings(ctx: Context, sheet: SheetModel, row: int) -> int:
    temuan, first, last = ctx.anchors["temuan_rows"]
    sheet.put(row, 0, "Temuan validasi", SECTION)
    levels = Range(temuan, first, 1, last, 1, absolute=True)
    for offset, tingkat in enumerate(Tingkat, start=1):
        sheet.put(row + offset, 0, f"Jumlah {tingkat.value}", TEXT_BOLD)
        sheet.put(row + offset, 1, COUNTIF(levels, tingkat.value), COUNT_BOLD)
    return row + len(Tingkat) + 1


def _left_out(ctx: Context, sheet: SheetModel, row: int) -> int:
    if not ctx.left_out:
        return row
    sheet.put(row, 0, "Tabel yang tidak dibuat", SECTION)
    for offset, (table, reason) in enumerate(ctx.left_out, start=1):
        sheet.put(row + offset, 0, table, TEXT_BOLD)
        sheet.merge((row + offset, 1), (row + offset, 3), reason, TEXT)
    return row + len(ctx.left_out) + 1
