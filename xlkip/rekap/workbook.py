"""The pemda workbook: one row per office, every office's IKU, every office's findings.

Built on the same WorkbookModel as an office's workbook, so each derived cell is a
formula carrying its value. The figures an office's own workbook derives (its budget
totals) arrive here as that office's numbers; everything the rekap derives from
them — capaian, predikat, %, efisiensi, counts, pemda totals — is
a formula, and the pemda totals are ratios of sums, never means of percentages.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from xlkip.findings import Tingkat
from xlkip.measure import BREAK, capacity_of, wrapped_lines
from xlkip.rekap.scope import ACROSS_OFFICES, Scope, choose_scope, folder_labels, short_pemda
from xlkip.rekap.summary import IkuRow, OfficeRules, OfficeSummary, Status
from xlkip.render.charts import chart_geometry
from xlkip.rules.anggaran import DEFAULT_RUMUS_EFISIENSI, efisiensi, persen_realisasi
from xlkip.rules.capaian import capaian, mean
from xlkip.rules.predikat import KINERJA_DEFAULT_BOUNDS, KINERJA_LABELS, predikat
from xlkip.sheet.charts import BLUE, ORANGE, ChartSpec, Series
from xlkip.sheet.expr import (
    COUNTA,
    COUNTIF,
    DASH,
    SUM,
    Const,
    Expr,
    Func,
    Range,
)
from xlkip.sheet.model import PrintSetup, SheetModel, Style, WorkbookModel
from xlkip.tables.common import (
    CENTER,
    COUNT_BOLD,
    HEADER,
    HEADER_ROW,
    LEAD_ROWS,
    MONEY,
    MONEY_BOLD,
    PERCENT,
    PERCENT_BOLD,
    TEXT,
    TITLE,
)
from xlkip.tables.common import COUNT as COUNT_STYLE
from xlkip.tables.common import TEXT_BOLD as BOLD

REKAP, GRAFIK, IKU, TEMUAN = "Rekap OPD", "Grafik OPD", "IKU OPD", "Temuan OPD"
CHART_WIDTH_PX = 880
CHART_COLUMN_WIDTH = 126
"""The chart sheet's one column holds the chart (887 px in Excel) and still fits A4
landscape unshrunk in LibreOffice, whose column unit prints wider."""
CHART_MIN_FONT = 8
"""The chart comes only when every office's label prints at this size or more (about
16 offices on a page): beyond that the table alone carries the numbers legibly."""

STATUS_STYLE = {
    Status.OK: Style(align="center"),
    Status.ERRORS: Style(align="center", bold=True, color="#C00000"),
    Status.UNREADABLE: Style(align="center", bold=True, color="#C00000", fill="#FCE4D6"),
    Status.NOT_WRITTEN: Style(align="center", bold=True, color="#C00000"),
}
OK_COUNT = Style(num_format='0 "OPD ok"', align="center", bold=True)
REKAP_SOURCE = Style(italic=True, border=False, wrap=False)
"""Source lines at 10 pt: the 9 pt of an office's tables would print under 8 pt here,
where every sheet is fitted to the page at about 80%."""


def _countif_at_least(where: Range, bound: float) -> Expr:
    """COUNTIF(range, ">=1"): the numbers in the range at or above `bound`."""

    def count(cells: Range, _criterion: Const) -> int:
        return sum(
            1
            for v in cells.values()
            if isinstance(v, int | float) and not isinstance(v, bool) and v >= bound
        )

    return Func("COUNTIF", (where, Const(f">={bound:g}")), count)


def _predikat(x: Expr, bounds: Sequence[float]) -> Expr:
    """The office's own scale (its Tabel 3.1), by the rule Tabel 3.2 uses."""
    return predikat(x, [Const(b) for b in bounds], [Const(label) for label in KINERJA_LABELS], 4)


def _number(value: float | None) -> Any:
    return DASH if value is None else value


def build_rekap(offices: Sequence[OfficeSummary], scope: Scope | None = None) -> WorkbookModel:
    """The pemda workbook of `scope` (by default the pemda and year most offices
    report). Offices of another pemda or year come after the others in every sheet and,
    unless the scope includes them, are listed under the totals rather than summed."""
    scope = scope or choose_scope(offices)
    summed = [scope.sertakan_semua or not scope.reasons(o) for o in offices]
    order = sorted(range(len(offices)), key=lambda i: not summed[i])  # stable: folder order
    ordered = [offices[i] for i in order]
    labels = folder_labels(offices)
    subject = short_pemda(scope.pemda) or "Pemerintah Daerah"
    tahun = scope.tahun
    model = WorkbookModel()
    rekap = model.add(SheetModel(REKAP))
    iku = model.add(SheetModel(IKU))
    temuan = model.add(SheetModel(TEMUAN))
    capaian_cells = _iku_sheet(iku, ordered, subject, tahun)
    counts = _findings_sheet(temuan, ordered, subject, tahun)
    rows = _OfficeRows(ordered, [labels[i] for i in order], capaian_cells, counts)
    summed_rows = _rekap_sheet(rekap, rows, sum(summed), scope)
    title = f"Capaian Kinerja dan Realisasi Anggaran Perangkat Daerah {subject} Tahun {tahun or ''}"
    grafik = _chart_sheet(rekap, summed_rows, title.strip())
    if grafik is not None:
        model.sheets.insert(1, grafik)
    year = tahun or dt.date.today().year - 1
    model.properties = {
        "title": f"Rekap LKjIP {subject} Tahun {year}",
        "subject": "Rekapitulasi kinerja, anggaran dan temuan perangkat daerah",
        "author": "xlkip",
        "company": scope.pemda,
        "keywords": f"LKjIP, rekap, {subject}, {year}",
        "comments": "Dibuat oleh xlkip rekap. Angka turunan adalah rumus Excel.",
        "created": dt.datetime(year + 1, 1, 1),
    }
    model.footer = f"Rekap LKjIP {subject} {year}"
    return model


def _title(sheet: SheetModel, text: str, widths: Sequence[float], headers: Sequence[str]) -> None:
    sheet.merge((0, 0), (0, len(widths) - 1), text.upper(), TITLE)
    for col, width in enumerate(widths):
        sheet.widths[col] = width
    for col, header in enumerate(headers):
        sheet.put(HEADER_ROW, col, header, HEADER)
    sheet.print_setup = PrintSetup(repeat_rows=(HEADER_ROW, HEADER_ROW), freeze=(HEADER_ROW + 1, 2))


def _iku_sheet(
    sheet: SheetModel, offices: Sequence[OfficeSummary], subject: str, tahun: int | None
) -> dict[int, tuple[Range, Range]]:
    """Every ok office's IKU; per office, the ranges of its indicator and capaian cells."""
    _title(
        sheet,
        f"Indikator Kinerja Utama Perangkat Daerah {subject} Tahun {tahun or ''}".strip(),
        [4, 22, 28, 36, 9, 7, 12, 12, 10, 13],
        (
            "NO",
            "PERANGKAT DAERAH",
            "SASARAN",
            "INDIKATOR",
            "SATUAN",
            "ARAH",
            "TARGET",
            "REALISASI",
            "CAPAIAN",
            "PREDIKAT",
        ),
    )
    row = HEADER_ROW + 1
    ranges: dict[int, tuple[Range, Range]] = {}
    number = 0
    for index, office in enumerate(offices):
        details = office.details
        if details is None or not details.iku:
            continue
        first = row
        for record in details.iku:
            number += 1
            _iku_row(sheet, row, number, office.name, record, details.rules)
            row += 1
        ranges[index] = (
            Range(sheet, first, 3, row - 1, 3),
            Range(sheet, first, 8, row - 1, 8),
        )
    sheet.put(row + 1, 0, "Sumber : Tabel 3.2 LKjIP masing-masing perangkat daerah", REKAP_SOURCE)
    return ranges


def _iku_row(
    sheet: SheetModel,
    row: int,
    number: int,
    name: str,
    record: IkuRow,
    rules: OfficeRules,
) -> None:
    sheet.put(row, 0, number, CENTER)
    sheet.put(row, 1, name, TEXT)
    sheet.put(row, 2, record.sasaran, TEXT)
    sheet.put(row, 3, record.indikator, TEXT)
    sheet.put(row, 4, record.satuan, CENTER)
    sheet.put(row, 5, record.arah, CENTER)
    # One format for the row, the office's Tabel 3.2's: never 8% beside 7,50%.
    style = Style(num_format=record.num_format, align="center")
    target = sheet.put(row, 6, _number(record.target), style)
    realisasi = sheet.put(row, 7, _number(record.realisasi), style)
    cap = Const(rules.cap) if rules.cap is not None else None
    achieved = sheet.put(row, 8, capaian(target.ref(), realisasi.ref(), record.arah, cap), PERCENT)
    sheet.put(row, 9, _predikat(achieved.ref(), rules.bounds), CENTER)


def _findings_sheet(
    sheet: SheetModel, offices: Sequence[OfficeSummary], subject: str, tahun: int | None
) -> dict[int, Range]:
    """Every office's findings; per office, the range of its tingkat cells."""
    _title(
        sheet,
        f"Temuan Validasi Perangkat Daerah {subject} Tahun {tahun or ''}".strip(),
        [4, 22, 10, 20, 55, 16, 14, 7],
        ("NO", "PERANGKAT DAERAH", "TINGKAT", "KODE", "PESAN", "FILE", "SHEET", "SEL"),
    )
    row = HEADER_ROW + 1
    ranges: dict[int, Range] = {}
    for index, office in enumerate(offices):
        if not office.findings:
            continue
        first = row
        for finding in office.findings:
            sheet.put(row, 0, row - HEADER_ROW, CENTER)
            sheet.put(row, 1, office.name, TEXT)
            sheet.put(row, 2, finding.tingkat.value, CENTER)
            sheet.put(row, 3, finding.kode, TEXT)
            sheet.put(row, 4, finding.pesan, TEXT)
            sheet.put(row, 5, finding.file, TEXT)
            sheet.put(row, 6, finding.sheet, TEXT)
            sheet.put(row, 7, finding.sel, CENTER)
            row += 1
        ranges[index] = Range(sheet, first, 2, row - 1, 2)
    sheet.put(
        row + 1,
        0,
        "Sumber : xlkip check pada folder input masing-masing perangkat daerah",
        REKAP_SOURCE,
    )
    return ranges


(
    NO,
    NAMA,
    FOLDER,
    CAPAIAN,
    PREDIKAT,
    TERCAPAI,
    JUMLAH_IKU,
    ANGGARAN,
    REALISASI,
    PERSEN,
    EFISIENSI,
    ERROR,
    PERINGATAN,
    STATUS,
    KETERANGAN,
) = range(15)
REKAP_COLUMNS = (
    ("NO", 4),
    ("PERANGKAT DAERAH", 17),
    ("FOLDER", 11),
    ("CAPAIAN RATA-RATA", 9),
    ("PREDIKAT", 12),  # a formula, which no row grows for: "Sangat Tinggi" on one line
    ("IKU TERCAPAI", 8),
    ("JUMLAH IKU", 7),
    ("ANGGARAN (Rp)", 14),
    ("REALISASI (Rp)", 14),
    ("% REALISASI", 9),
    ("EFISIENSI", 9),
    ("ERROR", 6),
    ("PERINGATAN", 11),
    ("STATUS", 8),
    ("KETERANGAN", 19),
)
"""Headers and widths of Rekap OPD: together narrow enough (about 160) that LibreOffice
fits them to an A4 landscape page at 80% or more, so its 10 pt text prints at 8 pt or
more (a test prints it). Sisa anggaran has no column of its own: anggaran and realisasi
stand side by side, and % realisasi says how much was spent. Nor has the SPBE index: it
is the pemda's, evaluated once for all offices, and stays in the workbook of the office
that reports it."""
REKAP_HEADERS = tuple(header for header, _ in REKAP_COLUMNS)
NOTE = Style(bold=True, color="#C00000", border=False, wrap=False)


@dataclass(frozen=True)
class _OfficeRows:
    """The offices in sheet order, with their folders and their IKU and finding ranges."""

    offices: Sequence[OfficeSummary]
    folders: Sequence[str]
    iku: dict[int, tuple[Range, Range]]
    findings: dict[int, Range]


def _rekap_sheet(
    sheet: SheetModel, rows: _OfficeRows, summed: int, scope: Scope
) -> tuple[int, int]:
    """The first `summed` offices, their pemda totals, then the others under a heading;
    the first and last row of the summed offices."""
    subject = short_pemda(scope.pemda) or "Pemerintah Daerah"
    _title(
        sheet,
        f"Rekapitulasi Kinerja Perangkat Daerah {subject} Tahun {scope.tahun or ''}".strip(),
        [
            _folder_width(rows.folders) if c == FOLDER else w
            for c, (_, w) in enumerate(REKAP_COLUMNS)
        ],
        REKAP_HEADERS,
    )
    strangers = sum(1 for o in rows.offices if scope.reasons(o))
    if scope.sertakan_semua and strangers:
        sheet.put(
            HEADER_ROW - 1,
            0,
            f"Termasuk {strangers} OPD pemerintah daerah atau tahun lain (--sertakan-semua), "
            "ikut dijumlahkan: lihat KETERANGAN.",
            NOTE,
        )
    first = row = HEADER_ROW + 1
    for index in range(summed):
        _office_row(sheet, row, index, rows)
        row += 1
    last = row - 1
    if summed:
        _total_row(sheet, row, first, last, {i: r for i, r in rows.iku.items() if i < summed})
    else:  # a library caller's scope that no office is of
        sheet.merge((row, NO), (row, KETERANGAN), "PEMERINTAH DAERAH: tidak ada OPD", BOLD)
    if summed < len(rows.offices):
        row += 2
        sheet.merge(
            (row, 0),
            (row, KETERANGAN),
            f"OPD pemerintah daerah atau tahun lain: tidak dijumlahkan dalam total {subject} "
            f"{scope.tahun or ''}".strip(),
            BOLD,
        )
        for index in range(summed, len(rows.offices)):
            row += 1
            _office_row(sheet, row, index, rows)
    sheet.put(
        row + 2,
        0,
        "Sumber : LKjIP masing-masing perangkat daerah (xlkip compile); jumlah pemda = "
        "Σ realisasi ÷ Σ anggaran, capaian rata-rata atas seluruh IKU",
        REKAP_SOURCE,
    )
    # The source line prints with the last rows above it, never alone under a header.
    sheet.keep_together.append((max(first, row - LEAD_ROWS), row + 2))
    return first, last


def _chart_sheet(rekap: SheetModel, rows: tuple[int, int], title: str) -> SheetModel | None:
    """The chart of the summed offices on a sheet of its own, which prints unshrunk (the
    table's sheet prints at about 80%, its chart's 9 pt labels would fall under 8 pt);
    none when its labels would print under CHART_MIN_FONT even there."""
    first, last = rows
    if last < first:
        return None
    chart = _chart(rekap, first, last, HEADER_ROW)
    if chart_geometry(chart).font < CHART_MIN_FONT:
        return None
    sheet = SheetModel(GRAFIK)
    sheet.put(0, 0, title.upper(), TITLE)
    sheet.widths[0] = CHART_COLUMN_WIDTH
    sheet.charts.append(chart)
    return sheet


def _office_row(sheet: SheetModel, row: int, index: int, rows: _OfficeRows) -> None:
    office = rows.offices[index]
    iku, findings = rows.iku.get(index), rows.findings.get(index)
    details = office.details
    rules = details.rules if details else OfficeRules()
    figures = details.figures if details else None
    sheet.put(row, NO, index + 1, CENTER)
    sheet.put(row, NAMA, office.name, TEXT)
    sheet.put(row, FOLDER, _folder_text(rows.folders[index], sheet.widths[FOLDER]), TEXT)
    if iku is not None:
        indikator, capaian_range = iku
        achieved = sheet.put(row, CAPAIAN, mean(capaian_range), PERCENT)
        sheet.put(row, PREDIKAT, _predikat(achieved.ref(), rules.bounds), CENTER)
        sheet.put(row, TERCAPAI, _countif_at_least(capaian_range, 1), COUNT_STYLE)
        sheet.put(row, JUMLAH_IKU, COUNTA(indikator), COUNT_STYLE)
    else:
        achieved = sheet.put(row, CAPAIAN, DASH, PERCENT)
        for col in (PREDIKAT, TERCAPAI, JUMLAH_IKU):
            sheet.put(row, col, DASH, CENTER)
    has_budget = figures is not None and figures.anggaran is not None
    anggaran = sheet.put(row, ANGGARAN, figures.anggaran if has_budget else DASH, MONEY)
    realisasi = sheet.put(row, REALISASI, figures.realisasi if has_budget else DASH, MONEY)
    persen = sheet.put(row, PERSEN, persen_realisasi(anggaran.ref(), realisasi.ref()), PERCENT)
    sheet.put(
        row, EFISIENSI, efisiensi(rules.rumus_efisiensi, persen.ref(), achieved.ref()), PERCENT
    )
    for col, tingkat in ((ERROR, Tingkat.ERROR), (PERINGATAN, Tingkat.PERINGATAN)):
        counted = COUNTIF(findings, tingkat.value) if findings is not None else 0
        sheet.put(row, col, counted, COUNT_STYLE)
    sheet.put(row, STATUS, office.status.value, STATUS_STYLE[office.status])
    sheet.put(row, KETERANGAN, _keterangan(office), TEXT)


FOLDER_MAX_WIDTH = 14
"""The FOLDER column widens up to this for a long part of a folder's name: wider, the
sheet would print under 8 pt (see REKAP_COLUMNS)."""


def _folder_width(folders: Sequence[str]) -> float:
    """FOLDER's width: the least in which each folder, else each part of it (up to its _
    or /), fits a line, when it can within FOLDER_MAX_WIDTH."""
    pieces = {p for folder in folders for p in (folder, *breakable(folder).split(BREAK))}
    needs = (_one_line_width(piece) for piece in pieces)
    return max([REKAP_COLUMNS[FOLDER][1], *(n for n in needs if n is not None)])


def _one_line_width(text: str) -> float | None:
    """The least width (in half units) up to FOLDER_MAX_WIDTH that holds `text` on a line."""
    width = REKAP_COLUMNS[FOLDER][1]
    while wrapped_lines(text, capacity_of(width, 10)) > 1:
        width += 0.5
        if width > FOLDER_MAX_WIDTH:
            return None
    return width


def _folder_text(folder: str, width: float) -> str:
    """The folder as it is named when it fits a line, so it can be copied; else one that
    wraps after its _ and /."""
    if wrapped_lines(folder, capacity_of(width, 10)) == 1:
        return folder
    return breakable(folder)


def breakable(folder: str) -> str:
    """A folder that may wrap after its _ and / rather than mid-word ("dinas_kesehat"
    "an"): a zero-width space follows each."""
    return re.sub(r"([_/])(?=.)", rf"\1{BREAK}", folder)


def _keterangan(office: OfficeSummary) -> str | None:
    """Why the office is not ok, then what the rekap saw beside the other offices."""
    said = [office.alasan] if office.alasan else []
    said += [f.pesan for f in office.findings if f.kode in ACROSS_OFFICES]
    return " ".join(said) or None


def _total_row(
    sheet: SheetModel, row: int, first: int, last: int, iku: dict[int, tuple[Range, Range]]
) -> None:
    def column(col: int) -> Range:
        return Range(sheet, first, col, last, col)

    sheet.merge((row, NO), (row, FOLDER), "PEMERINTAH DAERAH", BOLD)
    if iku:
        all_capaian = Range(
            iku[min(iku)][1].sheet,
            min(r[1].first_row for r in iku.values()),
            8,
            max(r[1].last_row for r in iku.values()),
            8,
        )
        achieved = sheet.put(row, CAPAIAN, mean(all_capaian), PERCENT_BOLD)
    else:
        achieved = sheet.put(row, CAPAIAN, DASH, PERCENT_BOLD)
    sheet.put(row, PREDIKAT, _predikat(achieved.ref(), KINERJA_DEFAULT_BOUNDS), BOLD)
    for col in (TERCAPAI, JUMLAH_IKU):
        sheet.put(row, col, SUM(column(col)), COUNT_BOLD)
    anggaran = sheet.put(row, ANGGARAN, SUM(column(ANGGARAN)), MONEY_BOLD)
    realisasi = sheet.put(row, REALISASI, SUM(column(REALISASI)), MONEY_BOLD)
    persen = sheet.put(row, PERSEN, persen_realisasi(anggaran.ref(), realisasi.ref()), PERCENT_BOLD)
    rumus = DEFAULT_RUMUS_EFISIENSI
    sheet.put(row, EFISIENSI, efisiensi(rumus, persen.ref(), achieved.ref()), PERCENT_BOLD)
    for col in (ERROR, PERINGATAN):
        sheet.put(row, col, SUM(column(col)), COUNT_BOLD)
    sheet.put(row, STATUS, COUNTIF(column(STATUS), Status.OK.value), OK_COUNT)
    sheet.put(row, KETERANGAN, None, TEXT)


def _chart(sheet: SheetModel, first: int, last: int, anchor_row: int) -> ChartSpec:
    names = Range(sheet, first, NAMA, last, NAMA)
    capaian_range = Range(sheet, first, CAPAIAN, last, CAPAIAN)
    persen_range = Range(sheet, first, PERSEN, last, PERSEN)
    return ChartSpec(
        title="Capaian kinerja dan realisasi anggaran per perangkat daerah",
        series=(
            Series("Capaian rata-rata", names, capaian_range, BLUE),
            Series("% realisasi anggaran", names, persen_range, ORANGE),
        ),
        anchor=(anchor_row, 0),
        size=(CHART_WIDTH_PX, max(320, 60 + 28 * (last - first + 1))),
        kind="bar",
        value_format="0%",
        value_min=0,
        legend=True,
    )
