"""Tabel 3.17 (program → kegiatan → sub kegiatan) and 3.16 (per program, efisiensi)."""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import groupby
from typing import TYPE_CHECKING, Any

from xlkip.read.records import Record
from xlkip.rules.anggaran import efisiensi, persen_realisasi, sisa
from xlkip.schema.anggaran import REALISASI_ANGGARAN
from xlkip.schema.kinerja import IKU, program_names
from xlkip.schema.kinerja import PROGRAM as PROGRAM_COLUMN
from xlkip.sheet.charts import BLUE, LIGHT_BLUE, ORANGE, Series
from xlkip.sheet.expr import DASH, SUBTOTAL_SUM, SUM, Expr, Range
from xlkip.sheet.model import BlockColumn, SheetModel, Slot, Style
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
)
from xlkip.tables.kinerja import CapaianIku, SasaranRow, capaian_iku
from xlkip.tables.spec import table
from xlkip.text import identity_text

if TYPE_CHECKING:
    from xlkip.inputs import Inputs

PROGRAM = Style(bold=True, fill="#F2F2F2")
PROGRAM_MONEY = Style(bold=True, fill="#F2F2F2", num_format="#,##0")
PROGRAM_PERCENT = Style(bold=True, fill="#F2F2F2", num_format="0.00%", align="center")
KEGIATAN = Style(bold=True, indent=1)
SUB = Style(indent=2)


SUB_KEGIATAN_COLUMNS = (
    BlockColumn(0, SUB, "sub_kegiatan", str),
    BlockColumn(1, CENTER, "sumber_dana", str),
    BlockColumn(2, MONEY, "anggaran", float),
    BlockColumn(3, MONEY, "realisasi", float),
    BlockColumn(4, PERCENT, rule=persen_realisasi, args=(2, 3)),
    BlockColumn(5, MONEY, rule=sisa, args=(2, 3)),
)
"""A sub kegiatan row: its record's values, and the same rules as every total row."""


def _money_row(
    sheet: SheetModel,
    row: int,
    anggaran: Expr | float | None,
    realisasi: Expr | float | None,
    styles: tuple[Style, Style],
) -> tuple[Slot, Slot]:
    money, percent = styles
    a = sheet.put(row, 2, anggaran, money)
    r = sheet.put(row, 3, realisasi, money)
    sheet.put(row, 4, persen_realisasi(a.ref(), r.ref()), percent)
    sheet.put(row, 5, sisa(a.ref(), r.ref()), money)
    return a, r


@dataclass
class ProgramCells:
    name: str | None
    anggaran: Slot
    realisasi: Slot
    kegiatan: list[ProgramCells] = field(default_factory=list)
    """Tabel 3.17's kegiatan rows under this program (its % in column E)."""


@dataclass
class AnggaranRinci:
    programs: list[ProgramCells]
    total: tuple[Slot, Slot]


@table(
    "anggaran_rinci",
    chapter=3,
    title="Realisasi Anggaran {subject} Tahun {tahun}",
    reads=(REALISASI_ANGGARAN,),
)
def anggaran_rinci(ctx: Context) -> AnggaranRinci:
    records = ctx.inputs.records(REALISASI_ANGGARAN)
    # URAIAN holds a program's name in capitals on one line, in Excel too.
    sheet = table_sheet(ctx, [66, 10, 17, 17, 10, 17])
    headers(
        sheet,
        HEADER_ROW,
        ("URAIAN", "SUMBER DANA", "ANGGARAN", "JUMLAH REALISASI", "%", "SISA ANGGARAN"),
    )
    row = HEADER_ROW + 1
    programs = []
    for program, kegiatan_rows in _hierarchy(records):
        program_row = row
        row += 1
        kegiatan_cells = []
        for kegiatan, subs in kegiatan_rows:
            kegiatan_row = row
            # A heading prints on the page of its first row: a kegiatan with its first sub
            # kegiatan; a program with its first kegiatan and that kegiatan's first row.
            heading = program_row if kegiatan_row == program_row + 1 else kegiatan_row
            sheet.keep_together.append((heading, kegiatan_row + 1))
            sheet.put_rows(kegiatan_row + 1, SUB_KEGIATAN_COLUMNS, subs)
            row += 1 + len(subs)
            sheet.put(kegiatan_row, 0, _text(kegiatan), KEGIATAN)
            sheet.put(kegiatan_row, 1, None, CENTER)
            money = _subtotal_row(
                sheet, kegiatan_row, kegiatan_row + 1, row - 1, (MONEY_BOLD, PERCENT_BOLD)
            )
            kegiatan_cells.append(ProgramCells(_text(kegiatan), *money))
        sheet.put(program_row, 0, _text(program), PROGRAM)
        sheet.put(program_row, 1, None, PROGRAM)
        cells = _subtotal_row(
            sheet, program_row, program_row + 1, row - 1, (PROGRAM_MONEY, PROGRAM_PERCENT)
        )
        programs.append(ProgramCells(_text(program), *cells, kegiatan_cells))
    sheet.put(row, 0, "JUMLAH", TEXT_BOLD)
    sheet.put(row, 1, None, TEXT)
    total = _subtotal_row(sheet, row, HEADER_ROW + 1, row - 1, (MONEY_BOLD, PERCENT_BOLD))
    finish(
        sheet,
        (HEADER_ROW, HEADER_ROW),
        row,
        f"Laporan Pertanggungjawaban Fungsional per 31 Desember {ctx.tahun} (SIPD)",
    )
    return AnggaranRinci(programs, total)


def _name_key(value: object) -> str:
    return "" if value is None else identity_text(value)


def _hierarchy(records: list[Record]) -> list[tuple[Any, list[tuple[Any, list[dict]]]]]:
    """Program -> kegiatan -> sub kegiatan rows, each in order of first appearance.

    Rows of one kegiatan pasted apart still land together, as in the report. Names are
    grouped as a person reads them (case and spaces ignored); the first spelling shows.
    """
    keys: dict[Any, str] = {}  # a program's name repeats on each of its rows

    def key_of(name: Any) -> str:
        if name not in keys:
            keys[name] = _name_key(name)
        return keys[name]

    kegiatan_of: dict[tuple[str, str], list[dict]] = {}
    programs: dict[str, tuple[Any, list[tuple[Any, list[dict]]]]] = {}
    for record in records:
        values = record.values
        program, kegiatan = values.get("program"), values.get("kegiatan")
        group = (key_of(program), key_of(kegiatan))
        rows = kegiatan_of.get(group)
        if rows is None:
            rows = kegiatan_of[group] = []
            shown = programs.setdefault(group[0], (program, []))
            shown[1].append((kegiatan, rows))
        rows.append(values)
    return list(programs.values())


def _text(value: object) -> str | None:
    return None if value is None else str(value)


def _subtotal_row(
    sheet: SheetModel, row: int, first: int, last: int, styles: tuple[Style, Style]
) -> tuple[Slot, Slot]:
    """SUBTOTAL skips the kegiatan subtotals inside a program's range: no double count."""
    anggaran = SUBTOTAL_SUM(Range(sheet, first, 2, last, 2))
    realisasi = SUBTOTAL_SUM(Range(sheet, first, 3, last, 3))
    return _money_row(sheet, row, anggaran, realisasi, styles)


@dataclass
class AnggaranProgram:
    programs: list[ProgramCells]
    """This table's own row per program (its ANGGARAN and REALISASI cells)."""
    anggaran: Slot
    realisasi: Slot
    persen: Slot
    efisiensi: Slot
    persen_chart: dict[str, Any]
    """% realisasi per program, for the Ringkasan."""


@table(
    "anggaran_program",
    chapter=3,
    title="Realisasi Anggaran per Program Tahun {tahun}",
    needs=(anggaran_rinci,),
    uses=(capaian_iku,),
)
def anggaran_program(ctx: Context) -> AnggaranProgram:
    programs = ctx.get(anggaran_rinci).programs
    sheet = table_sheet(ctx, [6, 58, 18, 18, 12, 18])
    header_span(sheet, (HEADER_ROW, 0), (HEADER_ROW + 1, 0), "NO")
    header_span(sheet, (HEADER_ROW, 1), (HEADER_ROW + 1, 1), "PROGRAM")
    header_span(sheet, (HEADER_ROW, 2), (HEADER_ROW, 5), f"KEADAAN TAHUN {ctx.tahun}")
    headers(sheet, HEADER_ROW + 1, ("ANGGARAN", "REALISASI", "(%) CAPAIAN", "SISA"), 2)
    first = row = HEADER_ROW + 2
    rows = []
    for number, program in enumerate(programs, start=1):
        sheet.put(row, 0, number, CENTER)
        sheet.put(row, 1, program.name, TEXT)
        a = sheet.put(row, 2, program.anggaran.ref(), MONEY)
        r = sheet.put(row, 3, program.realisasi.ref(), MONEY)
        rows.append(ProgramCells(program.name, a, r))
        sheet.put(row, 4, persen_realisasi(a.ref(), r.ref()), PERCENT)
        sheet.put(row, 5, sisa(a.ref(), r.ref()), MONEY)
        row += 1
    sheet.merge((row, 0), (row, 1), "TOTAL", TEXT_BOLD)
    total_a = sheet.put(row, 2, SUM(Range(sheet, first, 2, row - 1, 2)), MONEY_BOLD)
    total_r = sheet.put(row, 3, SUM(Range(sheet, first, 3, row - 1, 3)), MONEY_BOLD)
    persen = sheet.put(row, 4, persen_realisasi(total_a.ref(), total_r.ref()), PERCENT_BOLD)
    sheet.put(row, 5, sisa(total_a.ref(), total_r.ref()), MONEY_BOLD)
    last, efisiensi_cell = _efisiensi(ctx, sheet, row + 2, persen)
    end = finish(
        sheet, (HEADER_ROW, HEADER_ROW + 1), last, f"Dokumen Pelaksanaan Anggaran {ctx.subject}"
    )
    chart_below(sheet, end + 2, anggaran_chart(sheet, first, row - 1), height=340)
    return AnggaranProgram(
        rows, total_a, total_r, persen, efisiensi_cell, persen_chart(sheet, first, row - 1)
    )


def persen_chart(sheet: SheetModel, first: int, last: int) -> dict:
    """Horizontal bars: long program names stay readable on the one-page Ringkasan."""
    return {
        "title": "Persentase Realisasi Anggaran per Program",
        "series": (
            Series(
                "% Realisasi",
                Range(sheet, first, 1, last, 1),
                Range(sheet, first, 4, last, 4),
                BLUE,
                labels="0.00%",
            ),
        ),
        "kind": "bar",
        "value_format": "0%",
        "value_min": 0,
        "legend": False,
    }


def anggaran_chart(sheet: SheetModel, first: int, last: int) -> dict:
    programs = Range(sheet, first, 1, last, 1)
    return {
        "title": "Anggaran dan Realisasi per Program",
        "series": (
            Series("Anggaran", programs, Range(sheet, first, 2, last, 2), LIGHT_BLUE),
            Series("Realisasi", programs, Range(sheet, first, 3, last, 3), BLUE),
            Series(
                "% Realisasi",
                programs,
                Range(sheet, first, 4, last, 4),
                ORANGE,
                line=True,
                secondary=True,
                labels="0.00%",
            ),
        ),
        "value_format": "#,##0",
        "value_title": "Rupiah",
        "secondary_format": "0%",
        "secondary_title": "% realisasi",
        "value_min": 0,
    }


def _efisiensi(ctx: Context, sheet: SheetModel, row: int, persen: Slot) -> tuple[int, Slot]:
    """3.2.6: efisiensi from this table's total and the capaian rata-rata of the IKU."""
    iku = ctx.maybe(capaian_iku)
    rumus = ctx.inputs.setting("rumus_efisiensi")
    sheet.merge((row, 0), (row, 5), "ANALISIS EFISIENSI PENGGUNAAN ANGGARAN", TEXT_BOLD)
    sheet.merge((row + 1, 0), (row + 1, 3), "Realisasi anggaran (total tabel ini)", TEXT)
    sheet.put(row + 1, 4, persen.ref(), PERCENT)
    source = f" ({ctx.label(capaian_iku)})" if iku else ""
    sheet.merge((row + 2, 0), (row + 2, 3), f"Capaian kinerja rata-rata{source}", TEXT)
    capaian = sheet.put(row + 2, 4, iku.rata.ref() if iku else DASH, PERCENT)
    sheet.merge((row + 3, 0), (row + 3, 3), f"Efisiensi = {rumus}", TEXT_BOLD)
    cell = sheet.put(row + 3, 4, efisiensi(rumus, persen.ref(), capaian.ref()), PERCENT_BOLD)
    for r in range(row + 1, row + 4):
        sheet.put(r, 5, None, TEXT)
    return row + 3, cell


@dataclass
class SasaranEfisiensi:
    """One sasaran's row of the efficiency table."""

    sasaran: str
    programs: list[ProgramCells]
    """Tabel 3.16's rows of the programs serving it, in that table's order."""
    anggaran: Slot
    realisasi: Slot
    persen: Slot
    capaian: Slot
    efisiensi: Slot


@dataclass
class EfisiensiSasaran:
    rows: list[SasaranEfisiensi]


def program_link_filled(inputs: Inputs) -> bool:
    """Some IKU row names a program in its Program Pendukung column."""
    return any(program_names(r.get(PROGRAM_COLUMN.key)) for r in inputs.records(IKU))


@table(
    "efisiensi_sasaran",
    chapter=3,
    title="Efisiensi Penggunaan Sumber Daya per Sasaran Strategis",
    needs=(anggaran_program, capaian_iku),
    when=program_link_filled,
)
def efisiensi_sasaran(ctx: Context) -> EfisiensiSasaran:
    """3.2.6 per sasaran: the budget of the programs its indicators name (Tabel 3.16's
    cells) against its capaian (Tabel 3.2's), by the office's efisiensi formula."""
    budget = {identity_text(p.name): p for p in ctx.get(anggaran_program).programs if p.name}
    iku = ctx.get(capaian_iku)
    rumus = ctx.inputs.setting("rumus_efisiensi")
    sheet = table_sheet(ctx, [5, 34, 46, 17, 17, 12, 12, 12])
    headers(
        sheet,
        HEADER_ROW,
        (
            "NO",
            "SASARAN STRATEGIS",
            "PROGRAM PENDUKUNG",
            "ANGGARAN",
            "REALISASI",
            "% REALISASI ANGGARAN",
            "CAPAIAN KINERJA",
            "EFISIENSI",
        ),
    )
    row = HEADER_ROW + 1
    rows = []
    for number, (sasaran, records) in enumerate(_sasaran_records(iku), start=1):
        keys = {identity_text(n) for r in records for n in program_names(r.get(PROGRAM_COLUMN.key))}
        programs = [program for key, program in budget.items() if key in keys]
        rows.append(_efisiensi_row(sheet, row, number, sasaran, programs, rumus))
        row += 1
    sheet.merge((row, 0), (row, 7), f"Efisiensi = {rumus}", TEXT_BOLD)
    source = (
        f"Anggaran dan realisasi program: {ctx.label(anggaran_program)}; capaian sasaran: "
        f"{ctx.label(capaian_iku)}; program pendukung: kolom {PROGRAM_COLUMN.header} sheet IKU"
    )
    finish(sheet, (HEADER_ROW, HEADER_ROW), row, source)
    return EfisiensiSasaran(rows)


def _sasaran_records(iku: CapaianIku) -> list[tuple[SasaranRow, list[Record]]]:
    """Each sasaran of Tabel 3.2 with its IKU rows (consecutive rows, as 3.2 groups them)."""
    records = (r.record for r in iku.rows)
    groups = groupby(records, key=lambda r: identity_text(r.get("sasaran", "")))
    return list(zip(iku.sasaran, (list(g) for _, g in groups), strict=True))


def _efisiensi_row(
    sheet: SheetModel,
    row: int,
    number: int,
    sasaran: SasaranRow,
    programs: list[ProgramCells],
    rumus: str,
) -> SasaranEfisiensi:
    sheet.put(row, 0, number, CENTER)
    sheet.put(row, 1, _text(sasaran.sasaran), TEXT)
    if programs:
        sheet.put(row, 2, "\n".join(str(p.name) for p in programs), TEXT)
        a = sheet.put(row, 3, SUM(*(p.anggaran.ref() for p in programs)), MONEY)
        r = sheet.put(row, 4, SUM(*(p.realisasi.ref() for p in programs)), MONEY)
    else:
        sheet.put(row, 2, DASH, CENTER)
        a, r = sheet.put(row, 3, DASH, CENTER), sheet.put(row, 4, DASH, CENTER)
    persen = sheet.put(row, 5, persen_realisasi(a.ref(), r.ref()), PERCENT)
    capaian = sheet.put(row, 6, sasaran.capaian.ref(), PERCENT)
    result = sheet.put(row, 7, efisiensi(rumus, persen.ref(), capaian.ref()), PERCENT)
    return SasaranEfisiensi(str(sasaran.sasaran or ""), programs, a, r, persen, capaian, result)
