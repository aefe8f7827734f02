"""`xlkip rekap --triwulan N`: the pemda's quarterly picture. Each office's capaian and
budget absorption up to TW N, read from its own monitoring workbook's tables, and the
offices behind plan first."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from xlkip.output import safe_filename, write_atomically
from xlkip.rekap.quarter import Quarter
from xlkip.rekap.scope import Scope, short_pemda
from xlkip.rekap.summary import OfficeSummary, Status
from xlkip.render.xlsx import render
from xlkip.rules.anggaran import persen_realisasi
from xlkip.rules.capaian import mean
from xlkip.rules.predikat import KINERJA_DEFAULT_BOUNDS, KINERJA_LABELS, predikat
from xlkip.schema.triwulan import ROMAWI
from xlkip.sheet.expr import COUNT, DASH, IF, MIN, SUM, BinOp, Const, Expr, Range
from xlkip.sheet.model import PrintSetup, SheetModel, Style, WorkbookModel
from xlkip.tables.common import (
    CENTER,
    COUNT_BOLD,
    HEADER,
    HEADER_ROW,
    MONEY,
    MONEY_BOLD,
    PERCENT,
    PERCENT_BOLD,
    TEXT,
    TEXT_BOLD,
    TITLE,
)
from xlkip.tables.common import COUNT as COUNT_STYLE

SHEET = "Rekap Triwulan"
BEHIND, ON_PLAN = "Di bawah rencana", "Sesuai rencana"
COLUMNS = (
    ("NO", 5),
    ("PERANGKAT DAERAH", 40),
    ("JUMLAH IKU", 9),
    ("CAPAIAN KINERJA S.D. {tw} THD TARGET S.D. {tw}", 13),
    ("PREDIKAT", 13),
    ("ANGGARAN KAS S.D. {tw}", 18),
    ("REALISASI ANGGARAN S.D. {tw}", 18),
    ("PENYERAPAN THD KAS S.D. {tw}", 13),
    ("ANGGARAN KAS SETAHUN", 18),
    ("PENYERAPAN THD KAS SETAHUN", 13),
    ("KETERANGAN", 18),
)


def _quarter(office: OfficeSummary) -> Quarter | None:
    return office.details.triwulan if office.details is not None else None


def write_rekap_triwulan(
    offices: Sequence[OfficeSummary],
    scope: Scope,
    triwulan: int,
    output: Path | None,
    out_dir: Path,
) -> Path:
    if output is None:
        parts = ("Rekap_Triwulan", short_pemda(scope.pemda), str(scope.tahun or ""))
        output = out_dir / safe_filename(*parts, suffix=f"_TW{triwulan}.xlsx")
    model = build_rekap_triwulan(offices, scope, triwulan)
    try:
        write_atomically(output, lambda path: render(model, path))
    finally:
        model.release()
    return output


def build_rekap_triwulan(
    offices: Sequence[OfficeSummary], scope: Scope, triwulan: int
) -> WorkbookModel:
    tw = f"TW {ROMAWI[triwulan - 1]}"
    subject = short_pemda(scope.pemda) or "Pemerintah Daerah"
    counted = [
        o
        for o in offices
        if o.status is Status.OK
        and _quarter(o) is not None
        and (scope.sertakan_semua or not scope.reasons(o))
    ]
    counted.sort(key=lambda o: _quarter(o).order)  # stable: folder order among equals
    others = [o for o in offices if o not in counted]
    model = WorkbookModel()
    sheet = model.add(SheetModel(SHEET))
    title = (
        f"Rekap Pemantauan Rencana Aksi Perangkat Daerah {subject} s.d. Triwulan "
        f"{ROMAWI[triwulan - 1]} Tahun {scope.tahun or ''}"
    )
    sheet.merge((0, 0), (0, len(COLUMNS) - 1), title.strip().upper(), TITLE)
    for col, (header, width) in enumerate(COLUMNS):
        sheet.widths[col] = width
        sheet.put(HEADER_ROW, col, header.format(tw=tw), HEADER)
    sheet.print_setup = PrintSetup(repeat_rows=(HEADER_ROW, HEADER_ROW), freeze=(HEADER_ROW + 1, 2))
    first = row = HEADER_ROW + 1
    for number, office in enumerate(counted, start=1):
        _office_row(sheet, row, number, office)
        row += 1
    if counted:
        _total_row(sheet, row, first, row - 1)
        row += 1
    row = _not_counted(sheet, row + 1, others, scope)
    sheet.put(
        row + 1,
        0,
        f"Sumber : workbook pemantauan (xlkip compile --triwulan {triwulan}) tiap perangkat daerah",
        Style(italic=True, border=False, wrap=False),
    )
    year = scope.tahun or dt.date.today().year
    model.properties = {
        "title": f"Rekap Triwulan {subject} s.d. {tw} Tahun {year}",
        "subject": "Rekapitulasi capaian kinerja dan penyerapan anggaran per triwulan",
        "author": "xlkip",
        "company": scope.pemda,
        "keywords": f"rencana aksi, triwulan, rekap, {subject}, {year}",
        "comments": "Dibuat oleh xlkip rekap --triwulan. Angka turunan adalah rumus Excel.",
        "created": dt.datetime(year, 3 * triwulan, 1),
    }
    model.footer = f"Rekap Triwulan {subject} {year}"
    return model


def _value(value: float | None) -> Any:
    return DASH if value is None else value


def _keterangan(capaian: Expr, penyerapan: Expr) -> Expr:
    """Behind plan when capaian or absorption to date is under 100%."""
    under = BinOp("<", MIN(capaian, penyerapan), Const(1))
    return IF(BinOp("=", COUNT(capaian, penyerapan), Const(0)), DASH, IF(under, BEHIND, ON_PLAN))


def _office_row(sheet: SheetModel, row: int, number: int, office: OfficeSummary) -> None:
    quarter = _quarter(office)
    assert quarter is not None and office.details is not None
    bounds = office.details.rules.bounds
    sheet.put(row, 0, number, CENTER)
    sheet.put(row, 1, office.name, TEXT)
    sheet.put(row, 2, quarter.iku, COUNT_STYLE)
    capaian = sheet.put(row, 3, _value(quarter.capaian), PERCENT)
    labels = [Const(label) for label in KINERJA_LABELS]
    sheet.put(row, 4, predikat(capaian.ref(), [Const(b) for b in bounds], labels, 4), CENTER)
    kas = sheet.put(row, 5, _value(quarter.kas_sd), MONEY)
    spent = sheet.put(row, 6, _value(quarter.realisasi_sd), MONEY)
    serapan = sheet.put(row, 7, persen_realisasi(kas.ref(), spent.ref()), PERCENT)
    year = sheet.put(row, 8, _value(quarter.kas_tahun), MONEY)
    sheet.put(row, 9, persen_realisasi(year.ref(), spent.ref()), PERCENT)
    sheet.put(row, 10, _keterangan(capaian.ref(), serapan.ref()), CENTER)


def _total_row(sheet: SheetModel, row: int, first: int, last: int) -> None:
    def column(col: int) -> Range:
        return Range(sheet, first, col, last, col)

    sheet.merge((row, 0), (row, 1), "PEMDA (RATA-RATA CAPAIAN, JUMLAH ANGGARAN)", TEXT_BOLD)
    sheet.put(row, 2, SUM(column(2)), COUNT_BOLD)
    capaian = sheet.put(row, 3, mean(column(3)), PERCENT_BOLD)
    labels = [Const(label) for label in KINERJA_LABELS]
    bounds = [Const(b) for b in KINERJA_DEFAULT_BOUNDS]
    sheet.put(row, 4, predikat(capaian.ref(), bounds, labels, 4), TEXT_BOLD)
    kas = sheet.put(row, 5, SUM(column(5)), MONEY_BOLD)
    spent = sheet.put(row, 6, SUM(column(6)), MONEY_BOLD)
    serapan = sheet.put(row, 7, persen_realisasi(kas.ref(), spent.ref()), PERCENT_BOLD)
    year = sheet.put(row, 8, SUM(column(8)), MONEY_BOLD)
    sheet.put(row, 9, persen_realisasi(year.ref(), spent.ref()), PERCENT_BOLD)
    sheet.put(row, 10, _keterangan(capaian.ref(), serapan.ref()), TEXT_BOLD)


def _not_counted(
    sheet: SheetModel, row: int, offices: Sequence[OfficeSummary], scope: Scope
) -> int:
    """The offices left out of the rows above, each with why."""
    if not offices:
        return row
    last = len(COLUMNS) - 1
    sheet.merge((row, 0), (row, last), "PERANGKAT DAERAH YANG TIDAK DIREKAP", TEXT_BOLD)
    row += 1
    for office in offices:
        reasons = [f.pesan for f in scope.reasons(office)] if office.status is Status.OK else []
        alasan = (
            office.alasan
            or " ".join(reasons)
            or (
                "Tidak ada triwulan.xlsx yang terisi: buat dengan xlkip init FOLDER --modul "
                "triwulan."
            )
        )
        sheet.put(row, 0, None, TEXT)
        sheet.put(row, 1, office.name, TEXT)
        sheet.merge((row, 2), (row, last), alasan, TEXT)
        row += 1
    return row
