"""Write a template workbook — blank, or filled with rows — from its schema."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import xlsxwriter
from xlsxwriter.utility import xl_col_to_name

from xlkip.measure import wrapped_height
from xlkip.read.numbers import NotANumber, parse_number
from xlkip.schema import MARKER_KIND, MARKER_TAHUN, MARKER_VERSION
from xlkip.schema.base import Choices, Column, Field, FormSheet, Kind, TableSheet, Template

HEADER_ROW = 2
TEMPLATE_FONT_PT = 11
"""XlsxWriter's default font (Calibri 11), in every cell of a template."""
HEADER_HEIGHT = 45.0
PETUNJUK_WIDTHS = (34, 8, 22, 70, 40)
"""Zero-based row of a data sheet's table header; the title and a note sit above."""
FORM_FIRST_ROW = 4
FILLED_BLANK_ROWS = 25
"""A filled template keeps this many empty rows for more; a blank one has the schema's."""

FIXED_CREATED = dt.datetime(2024, 1, 1)
"""Templates carry a fixed creation date, so the same schema gives the same file."""

NUMBER_FORMATS = {
    Kind.MONEY: "#,##0",
    Kind.COUNT: "#,##0",
    Kind.PERCENT: "0.00%",
    Kind.INDEX: "0.00",
    Kind.YEAR: "0",
    Kind.TEXT: "@",
    Kind.PROSE: "@",
    Kind.CHOICE: "@",
    Kind.YEAR_RANGE: "@",
}

_PROTECTION = {
    "format_columns": True,
    "format_rows": True,
    "autofilter": True,
    "sort": True,
    "select_locked_cells": True,
    "select_unlocked_cells": True,
}

TableRows = Sequence[Mapping[str, Any]]
FormValues = Mapping[str, Any]


@dataclass(frozen=True)
class Percent:
    """A value already read as a fraction (0.15) for a % row of a measure column: written
    as that number with a % format, so it reads back as 15%, not as 0.15%."""

    fraction: float


@dataclass(frozen=True)
class Period:
    tahun: int
    renstra_awal: int
    renstra_akhir: int

    @classmethod
    def around(cls, tahun: int) -> Period:
        return cls(tahun, tahun - 3, tahun + 2)

    @property
    def renstra_years(self) -> range:
        return range(self.renstra_awal, self.renstra_akhir + 1)


@dataclass(frozen=True)
class TemplateOptions:
    """What depends on the other templates written with this one."""

    feeds: Mapping[str, str] = field(default_factory=dict)
    """Sheet name -> the tables it feeds, e.g. "Tabel 3.2 dan 3.13"."""
    choices: Mapping[tuple[str, str], tuple[str, ...]] = field(default_factory=dict)
    """(sheet name, column key) -> the dropdown's values, when narrower than the schema's."""


def write_template(
    template: Template,
    path: Path,
    period: Period,
    content: Mapping[str, TableRows | FormValues] | None = None,
    options: TemplateOptions | None = None,
    extra: Callable[[xlsxwriter.Workbook], None] | None = None,
    notes: Sequence[str] = (),
) -> Path:
    """Write `template` to `path`; `content` maps sheet names to rows (tables)
    or to field values (forms). Without content the template is blank. `notes` are
    extra lines for the top of the Petunjuk sheet; `extra` may add sheets after the
    schema's (the reader reads only the schema's sheets)."""
    content = content or {}
    options = options or TemplateOptions()
    workbook = xlsxwriter.Workbook(str(path), {"in_memory": True})
    try:
        _mark(workbook, template, period)
        styles = _Styles(workbook)
        petunjuk = workbook.add_worksheet("Petunjuk")
        _page_setup(petunjuk)
        _write_petunjuk(petunjuk, template, period, styles, options, notes)
        for sheet in template.sheets:
            worksheet = workbook.add_worksheet(sheet.name)
            _page_setup(worksheet)
            if getattr(sheet, "hidden", False):
                worksheet.hide()
            if isinstance(sheet, TableSheet):
                rows = content.get(sheet.name, ())
                choices = {k[1]: v for k, v in options.choices.items() if k[0] == sheet.name}
                _write_table_sheet(worksheet, template, sheet, period, rows, styles, choices)
            else:
                _write_form_sheet(worksheet, sheet, period, content.get(sheet.name, {}), styles)
        if extra is not None:
            extra(workbook)
    finally:
        workbook.close()
    return path


def _page_setup(worksheet: Any) -> None:
    worksheet.set_paper(9)  # A4
    worksheet.set_landscape()
    worksheet.fit_to_pages(1, 0)


def _mark(workbook: xlsxwriter.Workbook, template: Template, period: Period) -> None:
    workbook.set_properties(
        {
            "title": f"Template xlkip: {template.title}",
            "subject": f"Input LKjIP tahun {period.tahun}",
            "author": "xlkip",
            "comments": "Dibuat oleh xlkip init. Isi sheet data; jangan ubah judul kolom.",
            "created": FIXED_CREATED,
        }
    )
    workbook.set_custom_property(MARKER_KIND, template.kind)
    workbook.set_custom_property(MARKER_VERSION, template.version)
    workbook.set_custom_property(MARKER_TAHUN, period.tahun)
    # A defined name survives copy-paste into a fresh workbook less often than a
    # property survives "Save As", so both carry the marker.
    workbook.define_name(MARKER_KIND, f'="{template.kind}:{template.version}"')


class _Styles:
    def __init__(self, workbook: xlsxwriter.Workbook) -> None:
        self.workbook = workbook
        self.title = workbook.add_format({"bold": True, "font_size": 14})
        self.note = workbook.add_format({"italic": True, "font_color": "#595959"})
        self.header = workbook.add_format(
            {"bold": True, "text_wrap": True, "valign": "top", "border": 1, "bg_color": "#DDEBF7"}
        )
        self.label = workbook.add_format({"bold": True, "border": 1, "valign": "top"})
        self.wrap = workbook.add_format({"text_wrap": True, "valign": "top", "border": 1})
        self._inputs: dict[tuple[Kind, bool], Any] = {}

    def input(self, kind: Kind, percent: bool = False) -> Any:
        """Unlocked input cell with the number format of its kind."""
        key = (kind, percent)
        if key not in self._inputs:
            num_format = "0.00%" if percent else NUMBER_FORMATS.get(kind, "General")
            self._inputs[key] = self.workbook.add_format(
                {"locked": False, "num_format": num_format, "border": 1, "border_color": "#BFBFBF"}
            )
        return self._inputs[key]


def _write_value(worksheet: Any, row: int, col: int, kind: Kind, value: Any, styles: _Styles):
    """Staff text stays text; numbers typed as text ("9.475.869.588", "15%") are
    written as the numbers they are, with a % format where they carried one."""
    if value is None or value == "":
        worksheet.write_blank(row, col, None, styles.input(kind))
        return
    if isinstance(value, Percent):
        worksheet.write_number(row, col, value.fraction, styles.input(kind, True))
        return
    if kind.numeric or kind is Kind.YEAR:
        number, percent = _as_number(value)
        if number is not None:
            worksheet.write_number(row, col, number, styles.input(kind, percent))
            return
    worksheet.write_string(row, col, str(value), styles.input(kind))


def _as_number(value: Any) -> tuple[float | None, bool]:
    if isinstance(value, bool):
        return None, False
    if isinstance(value, int | float):
        return value, False
    try:
        parsed = parse_number(str(value))
    except NotANumber:
        return None, False
    if parsed is None:
        return None, False
    return parsed.value, parsed.percent


def table_columns(sheet: TableSheet, period: Period) -> list[tuple[Column, int | None, str]]:
    """The table's columns in order: (column, year for year columns, header)."""
    columns: list[tuple[Column, int | None, str]] = []
    for column in sheet.columns:
        columns.append((column, None, column.header_text(period.tahun)))
        if sheet.year_columns and column.key == "realisasi":
            series = sheet.year_columns
            as_column = Column(
                series.key,
                series.header,
                series.kind,
                series.help,
                required=False,
                minimum=None,
                width=series.width,
            )
            columns.extend(
                (as_column, year, series.header_text(year)) for year in period.renstra_years
            )
    return columns


def _write_table_sheet(
    worksheet: Any,
    template: Template,
    sheet: TableSheet,
    period: Period,
    rows: TableRows,
    styles: _Styles,
    choices: Mapping[str, tuple[str, ...]],
) -> None:
    columns = table_columns(sheet, period)
    blank_rows = sheet.blank_rows if not rows else min(sheet.blank_rows, FILLED_BLANK_ROWS)
    last_row = HEADER_ROW + len(rows) + blank_rows
    worksheet.write_string(
        0, 0, sheet.title.format(tahun=period.tahun, tahun_lalu=period.tahun - 1), styles.title
    )
    worksheet.write_string(1, 0, f"{sheet.description} Lihat sheet Petunjuk.", styles.note)
    worksheet.add_table(
        HEADER_ROW,
        0,
        last_row,
        len(columns) - 1,
        {
            "name": sheet.table_name,
            "style": "Table Style Light 9",
            "columns": [
                {"header": header, "header_format": styles.header} for _, _, header in columns
            ],
        },
    )
    for col, (column, year, header) in enumerate(columns):
        worksheet.set_column(col, col, column.width)
        for offset in range(len(rows) + blank_rows):
            value = _row_value(rows, offset, column, year)
            _write_value(worksheet, HEADER_ROW + 1 + offset, col, column.kind, value, styles)
        offered = choices.get(column.key, column.choices)
        _validate_column(worksheet, template, column, offered, header, (col, last_row), period)
    headers = [(header, column.width) for column, _, header in columns]
    worksheet.set_row(
        HEADER_ROW, max(HEADER_HEIGHT, wrapped_height(headers, TEMPLATE_FONT_PT, True))
    )
    worksheet.freeze_panes(HEADER_ROW + 1, 0)
    worksheet.protect("", _PROTECTION)


def _row_value(rows: TableRows, offset: int, column: Column, year: int | None) -> Any:
    if offset >= len(rows):
        return None
    value = rows[offset].get(column.key)
    if year is not None:
        return (value or {}).get(str(year))
    return value


def _validate_column(
    worksheet: Any,
    template: Template,
    column: Column,
    offered: tuple[str, ...],
    header: str,
    where: tuple[int, int],
    period: Period,
) -> None:
    col, last_row = where
    rule: dict[str, Any] = {
        "input_title": header[:32],
        "input_message": (_no_choices(column, offered) or column.help)[:255],
    }
    if offered:
        rule.update(validate="list", source=list(offered))
    elif column.choices_from:
        rule.update(validate="list", source=_source_range(template, column, period))
    else:
        rule.update(validate="any")
    if rule["validate"] == "list":
        rule["error_type"] = _error_type(column)
        rule["error_title"] = "Pilihan tidak dikenal"
        rule["error_message"] = _choice_message(column, header)[:255]
    worksheet.data_validation(HEADER_ROW + 1, col, last_row, col, rule)


def _no_choices(column: Column, offered: tuple[str, ...]) -> str:
    """What a choice column says when the templates written offer none of its choices."""
    if offered or column.choices_from or column.kind is not Kind.CHOICE:
        return ""
    return column.no_choices


_ERROR_TYPE = {Choices.CLOSED: "stop", Choices.ENUMERATION: "warning", Choices.OPEN: "information"}


def _spelling_examples(column: Column, count: int = 3) -> str:
    """A few other spellings a column reads, each of another choice."""
    first: dict[str, str] = {}
    for other, canonical in column.choice_aliases:
        first.setdefault(canonical, other)
    return ", ".join(list(first.values())[:count])


def _error_type(column: Column) -> str:
    """Excel stops a value outside a closed list, unless xlkip reads other spellings of it
    (typed from last year's table: "SMA", "S1/D4"), which Excel must then let through."""
    if column.choice_rule is Choices.CLOSED and column.choice_aliases:
        return "warning"
    return _ERROR_TYPE[column.choice_rule]


def _choice_message(column: Column, header: str) -> str:
    """What Excel says when a typed value is not in the dropdown, named by the header."""
    rule = column.choice_rule
    if rule is Choices.CLOSED and column.choice_aliases:
        return (
            f"Nilai ini tidak ada di daftar kolom '{header}'. Ejaan lain yang umum (mis. "
            f"{_spelling_examples(column)}) dibaca sebagai pilihannya; nilai lain ditolak "
            "xlkip check."
        )
    if rule is Choices.CLOSED:
        return f"Pilih salah satu nilai dari daftar kolom '{header}'."
    if rule is Choices.ENUMERATION:
        return (
            f"Nilai ini tidak ada di daftar kolom '{header}'. Pilih dari daftar bila salah "
            "ketik; xlkip check akan memberi peringatan."
        )
    return f"Nilai ini tidak ada di daftar saran kolom '{header}', tetapi boleh dipakai."


def _source_range(template: Template, column: Column, period: Period) -> str:
    source_sheet, source_key = column.choices_from
    source = template.sheet(source_sheet)
    assert isinstance(source, TableSheet)
    index = [c.key for c, _, _ in table_columns(source, period)].index(source_key)
    letter = xl_col_to_name(index)
    end = HEADER_ROW + 1 + source.blank_rows + 200
    return f"='{source_sheet}'!${letter}${HEADER_ROW + 2}:${letter}${end}"


def _write_form_sheet(
    worksheet: Any, sheet: FormSheet, period: Period, values: FormValues, styles: _Styles
) -> None:
    worksheet.write_string(0, 0, sheet.title, styles.title)
    worksheet.write_string(1, 0, sheet.description, styles.note)
    for col, text in enumerate(("Isian", "Nilai", "Penjelasan")):
        worksheet.write_string(FORM_FIRST_ROW - 1, col, text, styles.header)
    for offset, form_field in enumerate(sheet.fields):
        row = FORM_FIRST_ROW + offset
        worksheet.write_string(row, 0, form_field.label, styles.label)
        value = values.get(form_field.key, _default(form_field, period))
        _write_value(worksheet, row, 1, form_field.kind, value, styles)
        worksheet.write_string(row, 2, form_field.help, styles.wrap)
        if form_field.choices:
            worksheet.data_validation(
                row,
                1,
                row,
                1,
                {
                    "validate": "list",
                    "source": list(form_field.choices),
                    "error_title": "Pilihan tidak dikenal",
                    "error_message": "Pilih salah satu nilai dari daftar.",
                },
            )
    worksheet.set_column(0, 0, 30)
    worksheet.set_column(1, 1, 42)
    worksheet.set_column(2, 2, 70)
    worksheet.protect("", _PROTECTION)


def _default(field: Field, period: Period) -> Any:
    by_period = {
        "tahun": period.tahun,
        "renstra_awal": period.renstra_awal,
        "renstra_akhir": period.renstra_akhir,
    }
    return by_period.get(field.key, field.default)


def _write_petunjuk(
    worksheet: Any,
    template: Template,
    period: Period,
    styles: _Styles,
    options: TemplateOptions,
    notes: Sequence[str] = (),
) -> None:
    feeds = [options.feeds[s.name] for s in template.sheets if s.name in options.feeds]
    used_for = "; ".join(feeds) if feeds else "judul, tahun dan aturan perhitungan semua tabel"
    lines = [
        f"Petunjuk pengisian — {template.title} (tahun {period.tahun})",
        f"Diisi oleh: {template.filled_by}. Dipakai untuk: {used_for}.",
        "Isi hanya fakta: total, persentase, capaian, predikat dan sisa dihitung xlkip.",
        "Angka boleh ditempel dari SIPD atau Word: 9.475.869.588, Rp 2.602.173.662, 91,43%, 2,98."
        " Tanda - berarti kosong (atau nol untuk kolom anggaran dan jumlah).",
        "Nama berkas boleh diganti; xlkip mengenali template dari isinya. Jangan ubah judul kolom"
        " dan nama sheet.",
        "Sheet dikunci tanpa kata sandi agar judul kolom tidak terubah. Bila baris kosong kurang,"
        " buka kunci (Tinjau > Buka Proteksi Lembar), lalu tambahkan baris di bawah tabel.",
        "Setelah diisi, jalankan: xlkip check <folder> untuk memeriksa isian.",
        *notes,
    ]
    worksheet.write_string(0, 0, lines[0], styles.title)
    for row, line in enumerate(lines[1:], start=1):
        worksheet.write_string(row, 0, line)
    row = len(lines) + 1
    for sheet in template.sheets:
        worksheet.write_string(row, 0, f"Sheet {sheet.name}", styles.title)
        feeds = options.feeds.get(sheet.name)
        note = f"{sheet.description} Dipakai untuk {feeds}." if feeds else sheet.description
        worksheet.write_string(row + 1, 0, note, styles.note)
        row += 2
        for col, text in enumerate(("Kolom", "Wajib", "Jenis isian", "Penjelasan", "Pilihan")):
            worksheet.write_string(row, col, text, styles.header)
        row += 1
        offered = {k[1]: v for k, v in options.choices.items() if k[0] == sheet.name}
        for name, required, kind, help_text, choices in _petunjuk_rows(sheet, period, offered):
            texts = (name, "Ya" if required else "Tidak", kind.value, help_text, ", ".join(choices))
            for col, text in enumerate(texts):
                worksheet.write_string(row, col, text, styles.wrap)
            # LibreOffice keeps a row one line high unless its height is written.
            fitted = zip(texts, PETUNJUK_WIDTHS, strict=True)
            worksheet.set_row(row, wrapped_height(fitted, TEMPLATE_FONT_PT))
            row += 1
        row += 1
    for col, width in enumerate(PETUNJUK_WIDTHS):
        worksheet.set_column(col, col, width)
    worksheet.protect("", _PROTECTION)


def _petunjuk_rows(
    sheet: FormSheet | TableSheet, period: Period, offered: Mapping[str, tuple[str, ...]]
):
    if isinstance(sheet, FormSheet):
        for f in sheet.fields:
            yield f.label, f.required, f.kind, f.help, f.choices
        return
    for column, year, header in table_columns(sheet, period):
        if year is not None and year != period.renstra_awal:
            continue
        if year is not None:
            header = f"Target {period.renstra_awal} … Target {period.renstra_akhir}"
        choices = offered.get(column.key, column.choices)
        if no_choices := _no_choices(column, choices):
            choices = (no_choices,)
        elif column.choice_aliases and choices:
            also = f"(ejaan lain juga dikenali, mis. {_spelling_examples(column)})"
            choices = (*choices[:-1], f"{choices[-1]} {also}")
        if column.choices_from:
            choices = (f"indikator di sheet {column.choices_from[0]}",)
        yield header, column.required, column.kind, column.help, choices
