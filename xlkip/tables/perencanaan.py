"""Bab II: strategic goals (2.1), the IKU (2.2), the Perjanjian Kinerja (2.3), and the
DPA before the budget change (2.4) set against Chapter III's budget (3.16)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from itertools import groupby
from typing import Any

from xlkip.perencanaan import explains_iku, pk_target, renstra_links, renstra_target, uses_bab_ii
from xlkip.read.records import Record
from xlkip.schema.anggaran import DPA_MURNI
from xlkip.schema.kinerja import IKU
from xlkip.sheet.expr import DASH, SUM, Range
from xlkip.sheet.model import SheetModel, Slot
from xlkip.tables.anggaran import anggaran_program
from xlkip.tables.common import (
    CENTER,
    HEADER_ROW,
    MONEY,
    MONEY_BOLD,
    TEXT,
    TEXT_BOLD,
    Context,
    finish,
    headers,
    table_sheet,
    value_cell,
)
from xlkip.tables.kinerja import capaian_iku, indicator_style
from xlkip.tables.spec import table
from xlkip.text import identity_text


def _runs(records: list[Record], key: str) -> Iterator[list[Record]]:
    """Consecutive rows of the same `key`, as the report merges them."""
    for _, rows in groupby(records, key=lambda r: identity_text(r.get(key, ""))):
        yield list(rows)


def _sasaran_blocks(
    sheet: SheetModel, records: list[Record], first: int, columns: tuple[int, int]
) -> Iterator[tuple[int, Record]]:
    """Yield (row, record) for each indicator; NO and SASARAN merged over each sasaran."""
    number_col, sasaran_col = columns
    row = first
    for number, group in enumerate(_runs(records, "sasaran"), start=1):
        top = row
        for record in group:
            yield row, record
            row += 1
        if number_col >= 0:
            sheet.merge((top, number_col), (row - 1, number_col), number, CENTER)
        sheet.merge((top, sasaran_col), (row - 1, sasaran_col), group[0].get("sasaran"), TEXT)


@table(
    "sasaran_strategis",
    chapter=2,
    title="Sasaran Strategis {subject} Tahun {tahun}",
    reads=(IKU,),
    when=uses_bab_ii,
)
def sasaran_strategis(ctx: Context) -> None:
    """Tujuan, sasaran, indikator and the Renstra target of the report year."""
    records = ctx.inputs.records(IKU)
    links = renstra_links(ctx.inputs)
    sheet = table_sheet(ctx, [5, 30, 34, 40, 12])
    headers(
        sheet,
        HEADER_ROW,
        ("NO", "TUJUAN", "SASARAN", "INDIKATOR TUJUAN/SASARAN", f"TARGET {ctx.tahun}"),
    )
    targets = {}
    for record in records:
        target = renstra_target(ctx.inputs, record, links)
        targets[id(record)] = None if target is None else target.value
    last = HEADER_ROW
    for number, group in enumerate(_runs(records, "tujuan"), start=1):
        top = last + 1
        for last, record in _sasaran_blocks(sheet, group, top, (-1, 2)):
            sheet.put(last, 3, record.get("indikator"), TEXT)
            value = targets[id(record)]
            sheet.put(last, 4, value_cell(value), indicator_style(record, value))
        sheet.merge((top, 0), (last, 0), number, CENTER)
        sheet.merge((top, 1), (last, 1), group[0].get("tujuan"), TEXT)
    finish(sheet, (HEADER_ROW, HEADER_ROW), last, f"Renstra {ctx.subject}")


@table(
    "indikator_kinerja_utama",
    chapter=2,
    title="Indikator Kinerja Utama {subject}",
    reads=(IKU,),
    when=explains_iku,
)
def indikator_kinerja_utama(ctx: Context) -> None:
    """The IKU with who answers for each, where its data comes from and how it is computed."""
    sheet = table_sheet(ctx, [5, 32, 36, 16, 14, 46])
    headers(
        sheet,
        HEADER_ROW,
        (
            "NO",
            "SASARAN",
            "INDIKATOR KINERJA UTAMA",
            "PENANGGUNG JAWAB",
            "SUMBER DATA",
            "PENJELASAN (RUMUS PERHITUNGAN IKU)",
        ),
    )
    headers(sheet, HEADER_ROW + 1, [str(n) for n in range(1, 7)])
    last = HEADER_ROW + 1
    for last, record in _sasaran_blocks(sheet, ctx.inputs.records(IKU), HEADER_ROW + 2, (0, 1)):
        sheet.put(last, 2, record.get("indikator"), TEXT)
        sheet.put(last, 3, record.get("penanggung_jawab"), CENTER)
        sheet.put(last, 4, record.get("sumber_data"), CENTER)
        sheet.put(last, 5, record.get("rumus"), TEXT)
    finish(sheet, (HEADER_ROW, HEADER_ROW + 1), last, f"Renstra {ctx.subject}")


@table(
    "perjanjian_kinerja",
    chapter=2,
    title="Perjanjian Kinerja {subject} Tahun {tahun}",
    reads=(IKU,),
    uses=(capaian_iku,),
    when=uses_bab_ii,
)
def perjanjian_kinerja(ctx: Context) -> None:
    """The PK target of each IKU; a blank Target PK is the Chapter III target, referenced
    from its cell in the capaian table."""
    chapter_3 = ctx.maybe(capaian_iku)
    targets = {id(r.record): r.target for r in chapter_3.rows} if chapter_3 else {}
    sheet = table_sheet(ctx, [5, 36, 44, 12])
    headers(sheet, HEADER_ROW, ("NO", "SASARAN", "INDIKATOR TUJUAN/SASARAN", "TARGET"))
    records = ctx.inputs.records(IKU)
    pks = {id(r): pk_target(r) for r in records}
    last = HEADER_ROW
    for last, record in _sasaran_blocks(sheet, records, HEADER_ROW + 1, (0, 1)):
        sheet.put(last, 2, record.get("indikator"), TEXT)
        pk = pks[id(record)]
        value = None if pk is None else pk.value
        content: Any = value_cell(value)
        if pk is not None and not pk.typed and id(record) in targets:
            content = targets[id(record)].ref()
        sheet.put(last, 3, content, indicator_style(record))
    finish(sheet, (HEADER_ROW, HEADER_ROW), last, f"Perjanjian Kinerja {ctx.subject}")


@dataclass
class AnggaranMurni:
    murni: Slot
    """JUMLAH of the DPA murni."""
    perubahan: Slot | None
    """JUMLAH after the change (from Chapter III), when that table is made."""
    selisih: Slot | None


@table(
    "anggaran_murni",
    chapter=2,
    title="Anggaran dan Program {subject} Tahun {tahun}",
    reads=(DPA_MURNI,),
    uses=(anggaran_program,),
)
def anggaran_murni(ctx: Context) -> AnggaranMurni:
    """The DPA before the change per program; beside it, each program's budget after the
    change referenced from Chapter III's table, and the difference."""
    after = ctx.maybe(anggaran_program)
    label = ctx.label(anggaran_program)
    after_cells = {identity_text(p.name): p.anggaran for p in after.programs} if after else {}
    murni_rows = [r for r in ctx.inputs.records(DPA_MURNI) if r.get("program") is not None]
    listed = {identity_text(r.get("program")) for r in murni_rows}
    added = [p for p in (after.programs if after else []) if identity_text(p.name) not in listed]
    compare = after is not None
    sheet = table_sheet(ctx, [5, 58, 18, 10, 18, 18] if compare else [5, 58, 18, 10])
    texts = ["NO", "PROGRAM", "ANGGARAN MURNI (Rp)", "KET"]
    if compare:
        texts += [f"SETELAH PERUBAHAN ({label})", "PERUBAHAN (Rp)"]
    headers(sheet, HEADER_ROW, texts)
    first = row = HEADER_ROW + 1
    entries = [(r.get("program"), r.get("anggaran"), r.get("keterangan")) for r in murni_rows]
    entries += [(p.name, 0, None) for p in added]
    for number, (program, murni, keterangan) in enumerate(entries, start=1):
        sheet.put(row, 0, number, CENTER)
        sheet.put(row, 1, program, TEXT)
        murni_cell = sheet.put(row, 2, murni if murni is not None else 0, MONEY)
        sheet.put(row, 3, keterangan, CENTER)
        if compare:
            changed = after_cells.get(identity_text(program))
            new = sheet.put(row, 4, changed.ref() if changed else DASH, MONEY)
            sheet.put(row, 5, new.ref() - murni_cell.ref() if changed else DASH, MONEY)
        row += 1
    sheet.merge((row, 0), (row, 1), "JUMLAH", TEXT_BOLD)
    total = sheet.put(row, 2, SUM(Range(sheet, first, 2, row - 1, 2)), MONEY_BOLD)
    sheet.put(row, 3, None, TEXT)
    perubahan = selisih = None
    if compare:
        perubahan = sheet.put(row, 4, after.anggaran.ref(), MONEY_BOLD)
        selisih = sheet.put(row, 5, perubahan.ref() - total.ref(), MONEY_BOLD)
    source = f"Dokumen Pelaksanaan Anggaran {ctx.subject} Tahun {ctx.tahun}"
    if compare:
        source += f"; setelah perubahan: {label}"
    finish(sheet, (HEADER_ROW, HEADER_ROW), row, source)
    return AnggaranMurni(total, perubahan, selisih)
