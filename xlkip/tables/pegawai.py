"""Bab I: the staff composition, Tabel 1.1–1.5, counted from the sdm person rows.

Only counts are written: each count is a number computed here from the rows, each
total and subtotal a SUM over the cells above it (carrying its value). No name or other
person-level value reaches the workbook (UU 27/2022). Every table counts the same
people, so their totals agree by construction.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from xlkip.inputs import Inputs
from xlkip.komposisi import Komposisi, is_asn, komposisi
from xlkip.schema.sdm import GOLONGAN_PPPK, JENIS_KELAMIN, NON_ASN, PEGAWAI, RUANG
from xlkip.sheet.expr import SUM, Range
from xlkip.sheet.model import SheetModel, Slot, Style
from xlkip.tables.common import (
    HEADER_ROW,
    TEXT,
    TEXT_BOLD,
    Context,
    finish,
    header_span,
    headers,
    table_sheet,
)
from xlkip.tables.spec import table

_DASH_ZERO = '#,##0;-#,##0;"-"'
"""A zero shows "-" as the report prints it, and still sums as 0."""
COUNT = Style(num_format=_DASH_ZERO, align="center")
COUNT_BOLD = Style(num_format=_DASH_ZERO, align="center", bold=True)
SUBTOTAL = Style(bold=True, fill="#F2F2F2")
SUBTOTAL_COUNT = Style(num_format=_DASH_ZERO, align="center", bold=True, fill="#F2F2F2")
JABATAN_LABELS = {"Fungsional": "Jabatan Fungsional", "Pelaksana": "Jabatan Pelaksana"}


@dataclass
class Jumlah:
    total: Slot
    """The table's grand total: the number of people it counts."""


def _counts(ctx: Context) -> Komposisi:
    return komposisi(ctx.inputs.records(PEGAWAI))


def _source(ctx: Context) -> str:
    from xlkip.schema import TEMPLATES

    return f"{TEMPLATES['sdm'].filled_by} {ctx.subject}"


def _has_status(wanted: Callable[[object], bool]) -> Callable[[Inputs], bool]:
    def when(inputs: Inputs) -> bool:
        return any(wanted(r.get("status")) for r in inputs.records(PEGAWAI))

    return when


def _count_rows(sheet: SheetModel, row: int, entries: Sequence[tuple[str, int]], style) -> int:
    for label, count in entries:
        sheet.put(row, 0, label, style)
        sheet.put(row, 1, count, COUNT)
        row += 1
    return row


def _list_table(ctx: Context, heading: str, entries: Sequence[tuple[str, int]]) -> Jumlah:
    """Label | JUMLAH, one row per entry and a Total under them (1.2, 1.5)."""
    sheet = table_sheet(ctx, [48, 16])
    headers(sheet, HEADER_ROW, (heading, "JUMLAH"))
    first = HEADER_ROW + 1
    row = _count_rows(sheet, first, entries, TEXT)
    sheet.put(row, 0, "Total", TEXT_BOLD)
    total = sheet.put(row, 1, SUM(Range(sheet, first, 1, row - 1, 1)), COUNT_BOLD)
    finish(sheet, (HEADER_ROW, HEADER_ROW), row, _source(ctx))
    return Jumlah(total)


@table(
    "sdm_golongan",
    chapter=1,
    title="Komposisi Sumber Daya Manusia Berdasarkan Golongan/Ruang {subject} Tahun {tahun}",
    reads=(PEGAWAI,),
    when=_has_status(is_asn),
)
def sdm_golongan(ctx: Context) -> Jumlah:
    """Every PNS ruang, golongan IV first as the report prints them (zeros as "-") with a
    subtotal per golongan; the PPPK golongan that occur in a block of their own."""
    counts = _counts(ctx)
    blocks = [
        (f"Total Golongan {gol}", [(f"{gol}/{r}", counts.pns_golongan[f"{gol}/{r}"]) for r in rs])
        for gol, rs in reversed(RUANG.items())
    ]
    pppk = [(f"PPPK {g}", counts.pppk_golongan[g]) for g in reversed(GOLONGAN_PPPK)]
    if any(count for _, count in pppk):
        blocks.append(("Total PPPK", [(label, n) for label, n in pppk if n]))
    sheet = table_sheet(ctx, [36, 16])
    headers(sheet, HEADER_ROW, ("GOL/RUANG", "JUMLAH"))
    row = HEADER_ROW + 1
    subtotals = []
    for label, entries in blocks:
        first = row
        row = _count_rows(sheet, row, entries, TEXT)
        sheet.put(row, 0, label, SUBTOTAL)
        subtotal = SUM(Range(sheet, first, 1, row - 1, 1))
        subtotals.append(sheet.put(row, 1, subtotal, SUBTOTAL_COUNT))
        row += 1
    sheet.put(row, 0, "Jumlah", TEXT_BOLD)
    total = sheet.put(row, 1, SUM(*(cell.ref() for cell in subtotals)), COUNT_BOLD)
    finish(sheet, (HEADER_ROW, HEADER_ROW), row, _source(ctx))
    return Jumlah(total)


@table(
    "sdm_non_asn",
    chapter=1,
    title="Komposisi Sumber Daya Manusia Non ASN (Tenaga Harian Lepas) {subject} Tahun {tahun}",
    reads=(PEGAWAI,),
    when=_has_status(lambda status: status == NON_ASN),
)
def sdm_non_asn(ctx: Context) -> Jumlah:
    return _list_table(ctx, "NAMA JABATAN", list(_counts(ctx).non_asn_jabatan.items()))


def _by_asn_table(
    ctx: Context, heading: str, labels: Sequence[str], counts: Mapping[tuple[str, bool], int]
) -> Jumlah:
    """Label × (ASN, Non ASN) with a JUMLAH column and a Total row (1.3, 1.4)."""
    sheet = table_sheet(ctx, [30, 14, 14, 14])
    header_span(sheet, (HEADER_ROW, 0), (HEADER_ROW + 1, 0), heading)
    header_span(sheet, (HEADER_ROW, 1), (HEADER_ROW, 2), "JENIS PEGAWAI")
    headers(sheet, HEADER_ROW + 1, ("ASN", "NON ASN"), 1)
    header_span(sheet, (HEADER_ROW, 3), (HEADER_ROW + 1, 3), "JUMLAH")
    first = row = HEADER_ROW + 2
    for label in labels:
        sheet.put(row, 0, label, TEXT)
        sheet.put(row, 1, counts.get((label, True), 0), COUNT)
        sheet.put(row, 2, counts.get((label, False), 0), COUNT)
        sheet.put(row, 3, SUM(Range(sheet, row, 1, row, 2)), COUNT_BOLD)
        row += 1
    sheet.put(row, 0, "Total", TEXT_BOLD)
    for col in (1, 2):
        sheet.put(row, col, SUM(Range(sheet, first, col, row - 1, col)), COUNT_BOLD)
    total = sheet.put(row, 3, SUM(Range(sheet, first, 3, row - 1, 3)), COUNT_BOLD)
    finish(sheet, (HEADER_ROW, HEADER_ROW + 1), row, _source(ctx))
    return Jumlah(total)


@table(
    "sdm_jenis_kelamin",
    chapter=1,
    title="Komposisi Sumber Daya Manusia {subject} Berdasarkan Jenis Kelamin Tahun {tahun}",
    reads=(PEGAWAI,),
)
def sdm_jenis_kelamin(ctx: Context) -> Jumlah:
    return _by_asn_table(ctx, "JENIS KELAMIN", JENIS_KELAMIN, _counts(ctx).jenis_kelamin)


@table(
    "sdm_pendidikan",
    chapter=1,
    title="Komposisi Sumber Daya Manusia {subject} Berdasarkan Pendidikan Tahun {tahun}",
    reads=(PEGAWAI,),
)
def sdm_pendidikan(ctx: Context) -> Jumlah:
    counts = _counts(ctx)
    return _by_asn_table(ctx, "JENIS PENDIDIKAN", counts.pendidikan_rows, counts.pendidikan)


@table(
    "sdm_jabatan",
    chapter=1,
    title="Komposisi Sumber Daya Manusia {subject} Berdasarkan Jabatan Tahun {tahun}",
    reads=(PEGAWAI,),
)
def sdm_jabatan(ctx: Context) -> Jumlah:
    entries = [(JABATAN_LABELS.get(j, j), n) for j, n in _counts(ctx).jabatan.items()]
    return _list_table(ctx, "JENIS JABATAN", entries)
