"""The Pra-evaluasi LKE sheet of the workbook: one row per criterion with its status,
why and where to act, then how many criteria have each status (counted by formulas
from the STATUS column). Like the Temuan Validasi sheet it is for staff: not a
numbered table, and the PDF leaves it out unless asked."""

from __future__ import annotations

from xlkip.inputs import Inputs
from xlkip.lke import Evaluasi
from xlkip.lke.status import STATUSES
from xlkip.sheet.expr import COUNTIF, Range
from xlkip.sheet.model import SheetModel, WorkbookModel
from xlkip.tables.common import (
    CENTER,
    COUNT_BOLD,
    HEADER,
    HEADER_ROW,
    NOTE,
    TEXT,
    TEXT_BOLD,
    TITLE,
    finish,
)

SHEET = "Pra-evaluasi LKE"
COLUMNS = ("NO", "KRITERIA", "URAIAN KRITERIA", "STATUS", "ALASAN", "TEMPAT MEMPERBAIKI")
WIDTHS = (5, 9, 44, 14, 60, 34)


def subject(inputs: Inputs) -> str:
    pemda = str(inputs.identitas("pemerintah_daerah", ""))
    short = pemda[len("Pemerintah ") :] if pemda.lower().startswith("pemerintah ") else pemda
    return " ".join(p for p in (str(inputs.identitas("instansi", "")), short) if p)


def add_sheet(model: WorkbookModel, inputs: Inputs, evaluasi: Evaluasi) -> SheetModel:
    """The sheet, added after every other sheet of `model`."""
    sheet = model.add(SheetModel(SHEET))
    title = f"Pra-evaluasi LKE Pelaporan Kinerja {subject(inputs)} Tahun {inputs.tahun}"
    sheet.merge((0, 0), (0, len(COLUMNS) - 1), title.upper(), TITLE)
    for col, width in enumerate(WIDTHS):
        sheet.widths[col] = width
    for col, text in enumerate(COLUMNS):
        sheet.put(HEADER_ROW, col, text, HEADER)
    row = first = HEADER_ROW + 1
    for number, hasil in enumerate(evaluasi.hasil, start=1):
        sheet.put(row, 0, number, CENTER)
        sheet.put(row, 1, hasil.kriteria.id, CENTER)
        sheet.put(row, 2, hasil.kriteria.kata, TEXT)
        sheet.put(row, 3, hasil.status.status, CENTER)
        sheet.put(row, 4, hasil.status.why, TEXT)  # quotes staff text: always a string
        sheet.put(row, 5, hasil.status.where, TEXT)
        row += 1
    statuses = Range(sheet, first, 3, row - 1, 3, absolute=True)
    row += 1
    for offset, status in enumerate(STATUSES):
        sheet.merge((row + offset, 1), (row + offset, 2), f"Jumlah {status}", TEXT_BOLD)
        sheet.put(row + offset, 3, COUNTIF(statuses, status), COUNT_BOLD)
    last = row + len(STATUSES) - 1
    sheet.merge(
        (last + 1, 0),
        (last + 1, len(COLUMNS) - 1),
        "Bukan nilai LKE: hanya jumlah kriteria yang terlihat dari isian. Nilai diberikan "
        "evaluator (Inspektorat, KemenPANRB).",
        NOTE,
    )
    source = f"{evaluasi.edisi.dasar_hukum}, Lampiran: LKE komponen {evaluasi.edisi.komponen}"
    finish(sheet, (HEADER_ROW, HEADER_ROW), last + 1, source, closing=len(STATUSES) + 2)
    return sheet
