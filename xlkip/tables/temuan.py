"""The Temuan Validasi sheet: every finding, where it is, and how to fix it."""

from __future__ import annotations

from dataclasses import dataclass

from xlkip.sheet.model import SheetModel
from xlkip.tables.common import CENTER, HEADER_ROW, TEXT, Context, finish, headers, new_sheet

SHEET = "Temuan Validasi"
COLUMNS = ("NO", "TINGKAT", "BERKAS", "SHEET", "SEL", "KODE", "PESAN")


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
    finish(sheet, (HEADER_ROW, HEADER_ROW), row - 1, "xlkip check")
    return TemuanRows(sheet, HEADER_ROW + 1, max(row - 1, HEADER_ROW + 1))
