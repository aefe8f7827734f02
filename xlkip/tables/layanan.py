"""Evidence tables: programmers (3.6), applications (3.7, 3.8), media (3.9, 3.10)
and public complaints (3.11, 3.12)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from xlkip.read.records import Record
from xlkip.rules import pengaduan as rules
from xlkip.schema.aplikasi import APLIKASI_WEBSITE, TENAGA_PROGRAMMER
from xlkip.schema.informasi import MITRA_MEDIA, PUBLIKASI
from xlkip.schema.pengaduan import PENGADUAN
from xlkip.sheet.charts import BLUE, LIGHT_BLUE, LIGHT_ORANGE, ORANGE, Series
from xlkip.sheet.expr import (
    AND,
    COUNTA,
    COUNTIF,
    DASH,
    IF,
    ISNUMBER,
    SUM,
    Expr,
    Range,
    ratio,
)
from xlkip.sheet.model import SheetModel, Slot
from xlkip.tables.common import (
    CENTER,
    COUNT,
    COUNT_BOLD,
    HEADER_ROW,
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
    value_cell,
)
from xlkip.tables.spec import table
from xlkip.text import identity_text


def _source(ctx: Context, kind: str) -> str:
    from xlkip.schema import TEMPLATES

    return f"{TEMPLATES[kind].filled_by} {ctx.subject}"


def _total_row(
    sheet: SheetModel, row: int, label_cols: int, label: str, sum_cols: list[int], first: int
) -> dict[int, Slot]:
    sheet.merge((row, 0), (row, label_cols - 1), label, TEXT_BOLD)
    return {
        col: sheet.put(row, col, SUM(Range(sheet, first, col, row - 1, col)), COUNT_BOLD)
        for col in sum_cols
    }


@dataclass
class Total:
    total: Slot


@table(
    "tenaga_programmer",
    chapter=3,
    title="Tenaga Programmer {subject} Tahun {tahun}",
    reads=(TENAGA_PROGRAMMER,),
)
def tenaga_programmer(ctx: Context) -> Total:
    records = ctx.inputs.records(TENAGA_PROGRAMMER)
    sheet = table_sheet(ctx, [6, 34, 26, 14])
    headers(
        sheet,
        HEADER_ROW,
        ("NO.", "JABATAN TENAGA PENDAMPING", "JABATAN DALAM TIM", "JUMLAH (ORANG)"),
    )
    first = row = HEADER_ROW + 1
    for number, record in enumerate(records, start=1):
        sheet.put(row, 0, number, CENTER)
        sheet.put(row, 1, record.get("jabatan"), TEXT)
        sheet.put(row, 2, record.get("jabatan_tim"), TEXT)
        sheet.put(row, 3, value_cell(record.get("jumlah")), COUNT)
        row += 1
    totals = _total_row(sheet, row, 3, "JUMLAH", [3], first)
    finish(sheet, (HEADER_ROW, HEADER_ROW), row, _source(ctx, "aplikasi"))
    return Total(totals[3])


def _of_jenis(jenis: str):
    def rows(inputs: Any) -> list[Record]:
        return [r for r in inputs.records(APLIKASI_WEBSITE) if r.get("jenis") == jenis]

    return rows


@dataclass
class Applications:
    summary: dict[str, Slot]
    """Jumlah, Aktif, Tidak Aktif, Belum Publish, Terintegrasi."""


def _applications(ctx: Context, jenis: str) -> Applications:
    records = _of_jenis(jenis)(ctx.inputs)
    sheet = table_sheet(ctx, [6, 40, 12, 14, 36, 28])
    headers(sheet, HEADER_ROW, ("NO", jenis.upper(), "TAHUN", "STATUS", "INTEGRASI", "KETERANGAN"))
    first = row = HEADER_ROW + 1
    for number, record in enumerate(records, start=1):
        sheet.put(row, 0, number, CENTER)
        sheet.put(row, 1, record.get("nama"), TEXT)
        sheet.put(row, 2, record.get("tahun"), CENTER)
        sheet.put(row, 3, record.get("status"), CENTER)
        sheet.put(row, 4, record.get("integrasi", DASH), TEXT)
        sheet.put(row, 5, record.get("keterangan"), TEXT)
        row += 1
    last = row - 1
    status = Range(sheet, first, 3, last, 3, absolute=True)
    integrasi = Range(sheet, first, 4, last, 4, absolute=True)
    names = Range(sheet, first, 1, last, 1, absolute=True)
    summary: list[tuple[str, Expr]] = [
        (f"Jumlah {jenis.lower()}", COUNTA(names)),
        ("Aktif", COUNTIF(status, "Aktif")),
        ("Tidak Aktif", COUNTIF(status, "Tidak Aktif")),
        ("Belum Publish", COUNTIF(status, "Belum Publish")),
        ("Terintegrasi", COUNTA(integrasi) - COUNTIF(integrasi, DASH)),
    ]
    cells = {}
    for offset, (label, expr) in enumerate(summary, start=2):
        sheet.merge((last + offset, 0), (last + offset, 2), label, TEXT_BOLD)
        cells[label] = sheet.put(last + offset, 3, expr, COUNT_BOLD)
    finish(
        sheet,
        (HEADER_ROW, HEADER_ROW),
        last + len(summary) + 1,
        _source(ctx, "aplikasi"),
        closing=len(summary) + 1,
    )
    return Applications(cells)


@table(
    "aplikasi",
    chapter=3,
    reads=(APLIKASI_WEBSITE,),
    title="Pengembangan Aplikasi {pemda_short} Tahun {tahun}",
    when=lambda inputs: bool(_of_jenis("Aplikasi")(inputs)),
)
def aplikasi(ctx: Context) -> Applications:
    return _applications(ctx, "Aplikasi")


@table(
    "website",
    chapter=3,
    reads=(APLIKASI_WEBSITE,),
    title="Data Website yang Dibangun Tenaga Programmer Tahun {tahun}",
    when=lambda inputs: bool(_of_jenis("Website")(inputs)),
)
def website(ctx: Context) -> Applications:
    return _applications(ctx, "Website")


@table(
    "mitra_media",
    chapter=3,
    title="Media Penyediaan Layanan Informasi Publik {subject} Tahun {tahun}",
    reads=(MITRA_MEDIA,),
)
def mitra_media(ctx: Context) -> Total:
    records = ctx.inputs.records(MITRA_MEDIA)
    sheet = table_sheet(ctx, [6, 44, 11, 60])
    headers(sheet, HEADER_ROW, ("NO", "MEDIA", "JUMLAH", "NAMA MITRA"))
    first = row = HEADER_ROW + 1
    for number, record in enumerate(records, start=1):
        sheet.put(row, 0, number, CENTER)
        sheet.put(row, 1, record.get("jenis_media"), TEXT)
        sheet.put(row, 2, value_cell(record.get("jumlah")), COUNT)
        sheet.put(row, 3, record.get("nama_mitra"), TEXT)
        row += 1
    totals = _total_row(sheet, row, 2, "JUMLAH MEDIA", [2], first)
    sheet.put(row, 3, None, TEXT)
    finish(sheet, (HEADER_ROW, HEADER_ROW), row, _source(ctx, "informasi"))
    return Total(totals[2])


def _change(before: Slot, after: Slot) -> Expr:
    both = AND(ISNUMBER(before.ref()), ISNUMBER(after.ref()))
    return IF(both, after.ref() - before.ref(), DASH)


@dataclass
class YearTotals:
    totals: dict[int, Slot]
    """Year -> the total of that year."""


@table(
    "publikasi",
    chapter=3,
    title="Jumlah Penyediaan Layanan Informasi Publik {subject} Tahun {tahun}",
    reads=(PUBLIKASI,),
)
def publikasi(ctx: Context) -> YearTotals:
    records = ctx.inputs.records(PUBLIKASI)
    years = (ctx.tahun - 1, ctx.tahun)
    sheet = table_sheet(ctx, [6, 46, 12, 12, 13, 13])
    for col, text in enumerate(("NO", "JENIS MEDIA")):
        header_span(sheet, (HEADER_ROW, col), (HEADER_ROW + 1, col), text)
    header_span(sheet, (HEADER_ROW, 2), (HEADER_ROW, 3), "JUMLAH IKLAN/BERITA")
    headers(sheet, HEADER_ROW + 1, [str(y) for y in years], 2)
    header_span(sheet, (HEADER_ROW, 4), (HEADER_ROW, 5), "PERUBAHAN")
    headers(sheet, HEADER_ROW + 1, ("JUMLAH", "%"), 4)
    first = row = HEADER_ROW + 2
    for number, record in enumerate(records, start=1):
        sheet.put(row, 0, number, CENTER)
        sheet.put(row, 1, record.get("jenis_media"), TEXT)
        before = sheet.put(row, 2, value_cell(record.get("jumlah_lalu")), COUNT)
        after = sheet.put(row, 3, value_cell(record.get("jumlah")), COUNT)
        change = sheet.put(row, 4, _change(before, after), COUNT)
        sheet.put(row, 5, ratio(change.ref(), before.ref()), PERCENT)
        row += 1
    totals = _total_row(sheet, row, 2, "JUMLAH", [2, 3], first)
    change = sheet.put(row, 4, _change(totals[2], totals[3]), COUNT_BOLD)
    sheet.put(row, 5, ratio(change.ref(), totals[2].ref()), PERCENT_BOLD)
    end = finish(sheet, (HEADER_ROW, HEADER_ROW + 1), row, _source(ctx, "informasi"))
    media = Range(sheet, first, 1, row - 1, 1)
    chart_below(
        sheet,
        end + 2,
        {
            "title": f"Jumlah Informasi per Jenis Media, {years[0]} dan {years[1]}",
            "series": (
                Series(str(years[0]), media, Range(sheet, first, 2, row - 1, 2), LIGHT_BLUE),
                Series(str(years[1]), media, Range(sheet, first, 3, row - 1, 3), BLUE),
            ),
            "kind": "bar",
            "value_min": 0,
        },
        height=max(300, 30 * len(records) + 90),
    )
    return YearTotals({years[0]: totals[2], years[1]: totals[3]})


def _channels(records: list[Record]) -> list[str]:
    seen: dict[str, str] = {}
    for record in records:
        seen.setdefault(identity_text(record.get("kanal")), record.get("kanal"))
    return list(seen.values())


def _complaints_of_two_years(inputs: Any) -> list[Record]:
    years = (inputs.tahun - 1, inputs.tahun)
    return [r for r in inputs.records(PENGADUAN) if r.get("tahun") in years]


@dataclass
class Pengaduan:
    channels: list[str]
    cells: dict[tuple[int, int], dict[str, Slot]]
    """(row, year) -> jumlah, sudah, belum, rasio cells of one channel."""
    totals: dict[int, dict[str, Slot]]
    """Year -> jumlah, sudah, belum, rasio totals."""
    first: int
    source: str


@table(
    "pengaduan_dua_tahun",
    chapter=3,
    title="Rasio Jumlah Layanan Pengaduan Masyarakat secara Online yang Ditindaklanjuti "
    "{subject} Tahun {tahun_lalu} dan {tahun}",
    reads=(PENGADUAN,),
    when=lambda inputs: bool(_complaints_of_two_years(inputs)),
)
def pengaduan_dua_tahun(ctx: Context) -> Pengaduan:
    years = (ctx.tahun - 1, ctx.tahun)
    records = _complaints_of_two_years(ctx.inputs)
    channels = _channels(records)
    by_key = {(identity_text(r.get("kanal")), r.get("tahun")): r for r in records}
    sheet = table_sheet(ctx, [6, 24, *([12] * 8)])
    for col, text in enumerate(("NO", "APLIKASI")):
        header_span(sheet, (HEADER_ROW, col), (HEADER_ROW + 1, col), text)
    for index, year in enumerate(years):
        col = 2 + 4 * index
        header_span(sheet, (HEADER_ROW, col), (HEADER_ROW, col + 3), str(year))
        headers(
            sheet,
            HEADER_ROW + 1,
            ("JUMLAH PENGADUAN", "SUDAH DITINDAK LANJUTI", "BELUM DITINDAK LANJUTI", "RASIO"),
            col,
        )
    first = row = HEADER_ROW + 2
    cells: dict[tuple[int, int], dict[str, Slot]] = {}
    for number, kanal in enumerate(channels, start=1):
        sheet.put(row, 0, number, CENTER)
        sheet.put(row, 1, kanal, TEXT)
        for index, year in enumerate(years):
            record = by_key.get((identity_text(kanal), year))
            cells[(row, year)] = _complaint_cells(sheet, row, 2 + 4 * index, record)
        row += 1
    sheet.merge((row, 0), (row, 1), "TOTAL LAPORAN", TEXT_BOLD)
    totals = {}
    for index, year in enumerate(years):
        col = 2 + 4 * index
        jumlah = sheet.put(row, col, SUM(Range(sheet, first, col, row - 1, col)), COUNT_BOLD)
        sudah = sheet.put(
            row, col + 1, SUM(Range(sheet, first, col + 1, row - 1, col + 1)), COUNT_BOLD
        )
        belum = sheet.put(
            row, col + 2, SUM(Range(sheet, first, col + 2, row - 1, col + 2)), COUNT_BOLD
        )
        rasio = sheet.put(row, col + 3, rules.rasio(jumlah.ref(), sudah.ref()), PERCENT_BOLD)
        totals[year] = {"jumlah": jumlah, "sudah": sudah, "belum": belum, "rasio": rasio}
    kanal_names = " dan ".join(channels)
    end = finish(sheet, (HEADER_ROW, HEADER_ROW + 1), row, f"{kanal_names} {ctx.subject}")
    names = Range(sheet, first, 1, row - 1, 1)
    palette = ((LIGHT_BLUE, LIGHT_ORANGE), (BLUE, ORANGE))
    series = tuple(
        Series(f"{label} {year}", names, Range(sheet, first, col, row - 1, col), color)
        for index, year in enumerate(years)
        for (label, offset), color in zip((("Sudah", 1), ("Belum", 2)), palette[index], strict=True)
        for col in (2 + 4 * index + offset,)
    )
    chart_below(
        sheet,
        end + 2,
        {
            "title": f"Pengaduan per Kanal: Sudah dan Belum Ditindaklanjuti, {years[0]} dan "
            f"{years[1]}",
            "series": series,
            "value_min": 0,
        },
    )
    return Pengaduan(channels, cells, totals, first, f"{kanal_names} {ctx.subject}")


def _complaint_cells(
    sheet: SheetModel, row: int, col: int, record: Record | None
) -> dict[str, Slot]:
    jumlah = sheet.put(row, col, value_cell(record and record.get("jumlah")), COUNT)
    sudah = sheet.put(row, col + 1, value_cell(record and record.get("sudah")), COUNT)
    belum = sheet.put(row, col + 2, rules.belum(jumlah.ref(), sudah.ref()), COUNT)
    rasio = sheet.put(row, col + 3, rules.rasio(jumlah.ref(), sudah.ref()), PERCENT)
    return {"jumlah": jumlah, "sudah": sudah, "belum": belum, "rasio": rasio}


@table(
    "pengaduan_tahun_ini",
    chapter=3,
    title="Rasio Jumlah Layanan Pengaduan Masyarakat secara Online yang Ditindaklanjuti "
    "{subject} Tahun {tahun}",
    needs=(pengaduan_dua_tahun,),
)
def pengaduan_tahun_ini(ctx: Context) -> None:
    """This year's part of the two-year table, pulled from it as a person would."""
    data = ctx.get(pengaduan_dua_tahun)
    sheet = table_sheet(ctx, [6, 24, 14, 16, 16, 12])
    header_span(sheet, (HEADER_ROW, 0), (HEADER_ROW + 1, 0), "NO")
    header_span(sheet, (HEADER_ROW, 1), (HEADER_ROW + 1, 1), "APLIKASI")
    header_span(sheet, (HEADER_ROW, 2), (HEADER_ROW, 5), str(ctx.tahun))
    headers(
        sheet,
        HEADER_ROW + 1,
        ("JUMLAH PENGADUAN", "SUDAH DITINDAKLANJUTI", "BELUM DITINDAKLANJUTI", "RASIO"),
        2,
    )
    row = HEADER_ROW + 2
    keys = ("jumlah", "sudah", "belum", "rasio")
    for offset, kanal in enumerate(data.channels):
        source = data.cells[(data.first + offset, ctx.tahun)]
        sheet.put(row, 0, offset + 1, CENTER)
        sheet.put(row, 1, kanal, TEXT)
        for col, key in enumerate(keys, start=2):
            sheet.put(row, col, source[key].ref(), PERCENT if key == "rasio" else COUNT)
        row += 1
    sheet.merge((row, 0), (row, 1), "TOTAL LAPORAN", TEXT_BOLD)
    total = data.totals[ctx.tahun]
    for col, key in enumerate(keys, start=2):
        sheet.put(row, col, total[key].ref(), PERCENT_BOLD if key == "rasio" else COUNT_BOLD)
    finish(sheet, (HEADER_ROW, HEADER_ROW + 1), row, data.source)
