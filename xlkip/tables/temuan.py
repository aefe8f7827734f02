"""The Temuan Validasi sheet: every finding, where it is, and how to fix it."""

from __future__ import annotations

from dataclasses import dataclass

from xlkip.findings import Tingkat
from xlkip.sheet.expr import COUNTIF, Range
from xlkip.sheet.model import SheetModel
from xlkip.tables.common import (
    CENTER,
    COUNT_BOLD,
    HEADER_ROW,
    TEXT,
    TEXT_BOLD,
    Context,
    finish,
    headers,
    new_sheet,
)

SHEET = "Temuan Validasi"
COLUMNS = ("NO", "TINGKAT", "BERKAS", "SHEET", "SEL", "KODE", "PESAN")
LEVEL_WORDS = {Tingkat.ERROR: "kesalahan", Tingkat.PERINGATAN: "peringatan", Tingkat.INFO: "info"}
"""A finding's level in words of the report (the rows above keep the codes)."""


@dataclass
class TemuanRows:
    sheet: SheetModel
    first: int
    last: int


def temuan(ctx: Context) -> TemuanRows:
    findings = ctx.report.sorted()
    sheet = new_sheet(
        ctx,
        SHEET,
        f"Temuan Validasi Input LKjIP {ctx.subject} Tahun {ctx.tahun}",
        [5, 12, 24, 20, 9, 26, 80],
    )
    headers(sheet, HEADER_ROW, COLUMNS)
    row = HEADER_ROW + 1
    for number, finding in enumerate(findings, start=1):
        sheet.put(row, 0, number, CENTER)
        for col, text in enumerate(
            (
                finding.tingkat.value,
                finding.file,
                finding.sheet,
                finding.sel,
                finding.kode,
                finding.pesan,
            ),
            start=1,
        ):
            sheet.put(row, col, text, TEXT)  # staff file names and text: always strings
        row += 1
    if not findings:
        sheet.merge((row, 0), (row, len(COLUMNS) - 1), "Tidak ada temuan.", TEXT)
        row += 1
    rows = TemuanRows(sheet, HEADER_ROW + 1, max(row - 1, HEADER_ROW + 1))
    last = _counts(rows, row + 1)
    finish(sheet, (HEADER_ROW, HEADER_ROW), last, "xlkip check", closing=len(Tingkat) + 1)
    return rows


def _counts(rows: TemuanRows, row: int) -> int:
    """How many findings of each level, counted from the TINGKAT column above."""
    levels = Range(rows.sheet, rows.first, 1, rows.last, 1, absolute=True)
    for offset, tingkat in enumerate(Tingkat):
        rows.sheet.merge(
            (row + offset, 1), (row + offset, 2), f"Jumlah {LEVEL_WORDS[tingkat]}", TEXT_BOLD
        )
        rows.sheet.put(row + offset, 3, COUNTIF(levels, tingkat.value), COUNT_BOLD)
    return row + len(Tingkat) - 1
