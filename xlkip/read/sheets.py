"""Read a filled template's sheets into records, matching columns by key."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from openpyxl.utils import get_column_letter

from xlkip.findings import Finding, Tingkat, error, peringatan
from xlkip.read.cells import Measure, Spec, clean_text, coerce, is_blank, resolve_measure
from xlkip.read.records import FormData, Record, TableData, TemplateData
from xlkip.schema.base import Column, FormSheet, Kind, TableSheet, normalize_header
from xlkip.schema.writer import Period, table_columns

HEADER_SCAN_ROWS = 20
MAX_BLANK_RUN = 1000
"""Stop reading a sheet after this many blank rows in a row."""
TOTAL_WORDS = {"jumlah", "total", "grand total", "jumlah total", "total laporan"}


def find_sheet(workbook: Any, name: str) -> Any | None:
    wanted = name.casefold().strip()
    for worksheet in workbook.worksheets:
        if worksheet.title.casefold().strip() == wanted:
            return worksheet
    return None


def read_template(workbook: Any, data: TemplateData, period: Period) -> list[Finding]:
    findings: list[Finding] = []
    for sheet in data.template.sheets:
        worksheet = find_sheet(workbook, sheet.name)
        if worksheet is None:
            findings.append(
                error(
                    "sheet_tidak_ada",
                    f"Sheet '{sheet.name}' tidak ditemukan. Jangan ganti nama atau hapus sheet; "
                    f"salin isinya ke template baru dari xlkip init bila perlu.",
                    file=data.file,
                    sheet=sheet.name,
                )
            )
            continue
        grid = _Grid(worksheet)
        if isinstance(sheet, TableSheet):
            table, problems = _TableReader(grid, sheet, data, period).read()
            table.clean = not any(f.tingkat is Tingkat.ERROR for f in problems)
            data.tables[sheet.name] = table
        else:
            form, problems = _read_form(grid, sheet, data)
            data.forms[sheet.name] = form
        findings.extend(problems)
    return findings


class _Grid:
    """Cell access that sees a merged range's value in every cell of it."""

    def __init__(self, worksheet: Any) -> None:
        self.ws = worksheet
        self.title = worksheet.title
        self.max_row = worksheet.max_row or 0
        self.max_col = worksheet.max_column or 0
        self._merged: dict[tuple[int, int], tuple[int, int]] = {}
        for merged in worksheet.merged_cells.ranges:
            anchor = (merged.min_row, merged.min_col)
            last_row = min(merged.max_row, self.max_row)
            last_col = min(merged.max_col, self.max_col)
            for row in range(merged.min_row, last_row + 1):
                for col in range(merged.min_col, last_col + 1):
                    self._merged[(row, col)] = anchor

    def cell(self, row: int, col: int) -> Any:
        row, col = self._merged.get((row, col), (row, col))
        return self.ws.cell(row=row, column=col)

    def value(self, row: int, col: int) -> Any:
        return self.cell(row, col).value


def _ref(row: int, col: int) -> str:
    return f"{get_column_letter(col)}{row}"


@dataclass
class _Layout:
    header_row: int
    columns: dict[str, int] = field(default_factory=dict)
    years: dict[int, int] = field(default_factory=dict)
    unknown: dict[int, str] = field(default_factory=dict)


class _TableReader:
    def __init__(self, grid: _Grid, sheet: TableSheet, data: TemplateData, period: Period):
        self.grid, self.sheet, self.data, self.period = grid, sheet, data, period
        self.findings: list[Finding] = []
        self.problem_cells: set[str] = set()
        self.specs = {c.key: _spec(c, c.header_text(period.tahun)) for c in sheet.columns}

    def where(self, cell: str | None) -> dict[str, str | None]:
        return self.data.where(self.sheet.name, cell)

    def read(self) -> tuple[TableData, list[Finding]]:
        layout = self._find_layout()
        table = TableData(self.sheet, [], sorted(layout.years))
        if self._missing_columns(layout):
            return table, self.findings
        self._check_header_years(layout)
        previous: dict[str, Any] = {}
        blank_run = 0
        for row in range(layout.header_row + 1, self.grid.max_row + 1):
            record = self._read_row(row, layout, previous)
            if record is None:
                blank_run += 1
                if blank_run >= MAX_BLANK_RUN:
                    break
                continue
            blank_run = 0
            table.records.append(record)
        return table, self.findings

    def _find_layout(self) -> _Layout:
        lookup = {key: column.key for column in self.sheet.columns for key in column.match_keys()}
        best = _Layout(header_row=0)
        best_score = 0
        for row in range(1, min(self.grid.max_row, HEADER_SCAN_ROWS) + 1):
            layout = _Layout(header_row=row)
            for col in range(1, self.grid.max_col + 1):
                text = clean_text(self.grid.value(row, col))
                if text is None:
                    continue
                key = lookup.get(normalize_header(text))
                year = self.sheet.year_columns.year_of(text) if self.sheet.year_columns else None
                if year is not None:
                    layout.years.setdefault(year, col)
                elif key is not None and key not in layout.columns:
                    layout.columns[key] = col
                else:
                    layout.unknown[col] = text
            score = len(layout.columns) + len(layout.years)
            if score > best_score:
                best, best_score = layout, score
        return best

    def _missing_columns(self, layout: _Layout) -> bool:
        expected = [c.key for c, _, _ in table_columns(self.sheet, self.period)]
        missing = [c for c in self.sheet.columns if c.required and c.key not in layout.columns]
        header_row = layout.header_row or 1
        for column in missing:
            header = column.header_text(self.period.tahun)
            col = expected.index(column.key) + 1
            if col in layout.unknown:
                self.findings.append(
                    error(
                        "judul_kolom_diubah",
                        f"Judul kolom '{layout.unknown[col]}' tidak dikenali; di sini seharusnya "
                        f"kolom '{header}'. Kembalikan judul kolomnya.",
                        **self.where(_ref(header_row, col)),
                    )
                )
            else:
                self.findings.append(
                    error(
                        "kolom_tidak_ada",
                        f"Kolom wajib '{header}' tidak ditemukan pada baris judul. Tambahkan kolom "
                        "itu kembali (salin dari template baru xlkip init).",
                        **self.where(_ref(header_row, 1)),
                    )
                )
        return bool(missing)

    def _check_header_years(self, layout: _Layout) -> None:
        for column in self.sheet.columns:
            col = layout.columns.get(column.key)
            if col is None or "{tahun" not in column.header:
                continue
            shown = str(self.grid.value(layout.header_row, col))
            expected = column.header_text(self.period.tahun)
            years = re.findall(r"(?:19|20)\d\d", shown)
            if years and years != re.findall(r"(?:19|20)\d\d", expected):
                self.findings.append(
                    peringatan(
                        "tahun_judul_kolom",
                        f"Judul kolom '{shown}' tidak sesuai tahun laporan {self.period.tahun} "
                        f"(seharusnya '{expected}'). Periksa apakah ini template tahun lalu.",
                        **self.where(_ref(layout.header_row, col)),
                    )
                )

    def _read_row(self, row: int, layout: _Layout, previous: dict[str, Any]) -> Record | None:
        raws = {key: self.grid.cell(row, col) for key, col in layout.columns.items()}
        year_raws = {year: self.grid.cell(row, col) for year, col in layout.years.items()}
        if all(is_blank(c.value) for c in (*raws.values(), *year_raws.values())):
            return None
        if self._is_total_row(raws):
            return None
        record = Record(row=row, values={}, cells={})
        for column in self.sheet.columns:
            col = layout.columns.get(column.key)
            if col is None:
                continue
            record.cells[column.key] = _ref(row, col)
            value = self._coerce(self.specs[column.key], raws[column.key], record.cells[column.key])
            if value is None and column.fill_down:
                value = previous.get(column.key)
            if value is None and column.required and not self._reported(record, column.key):
                self.findings.append(
                    error(
                        "wajib_kosong",
                        f"Kolom '{self.specs[column.key].label}' wajib diisi.",
                        **self.where(record.cells[column.key]),
                    )
                )
            record.values[column.key] = value
        for column in self.sheet.columns:
            if column.fill_down and record.values.get(column.key) is not None:
                previous[column.key] = record.values[column.key]
        self._read_years(record, layout, year_raws)
        self._resolve_measures(record)
        return record

    def _read_years(self, record: Record, layout: _Layout, year_raws: dict[int, Any]) -> None:
        series = self.sheet.year_columns
        if series is None:
            return
        for year, cell in year_raws.items():
            ref = _ref(record.row, layout.years[year])
            spec = Spec(series.header_text(year), series.kind, minimum=None)
            record.year_cells[year] = ref
            record.years[year] = self._coerce(spec, cell, ref)

    def _resolve_measures(self, record: Record) -> None:
        satuan = record.values.get("satuan")
        for key, value in record.values.items():
            if isinstance(value, Measure):
                record.values[key] = resolve_measure(value, satuan)
        for year, value in record.years.items():
            if isinstance(value, Measure):
                record.years[year] = resolve_measure(value, satuan)

    def _coerce(self, spec: Spec, cell: Any, ref: str) -> Any:
        value, problem = coerce(spec, cell.value, getattr(cell, "number_format", None))
        if problem is not None:
            self.problem_cells.add(ref)
            self.findings.append(error(problem.kode, problem.pesan, **self.where(ref)))
        return value

    def _reported(self, record: Record, key: str) -> bool:
        return record.cells[key] in self.problem_cells

    def _is_total_row(self, raws: dict[str, Any]) -> bool:
        """A "JUMLAH" row pasted from SIPD: totals are ours to compute, not facts."""
        texts = [
            clean_text(raws[c.key].value)
            for c in self.sheet.columns
            if c.kind is Kind.TEXT and c.key in raws and not is_blank(raws[c.key].value)
        ]
        return bool(texts) and all(t.casefold() in TOTAL_WORDS for t in texts)


def _spec(column: Column, label: str) -> Spec:
    return Spec(
        label,
        column.kind,
        column.choices,
        column.strict_choices,
        column.dash_is_zero,
        column.minimum,
        column.maximum,
    )


def _read_form(grid: _Grid, sheet: FormSheet, data: TemplateData):
    findings: list[Finding] = []
    lookup = {key: f for f in sheet.fields for key in f.match_keys()}
    values: dict[str, Any] = {}
    cells: dict[str, str] = {}
    for row in range(1, min(grid.max_row, 200) + 1):
        label = clean_text(grid.value(row, 1))
        form_field = lookup.get(normalize_header(label)) if label else None
        if form_field is None or form_field.key in cells:
            continue
        ref = _ref(row, 2)
        cells[form_field.key] = ref
        spec = Spec(
            form_field.label,
            form_field.kind,
            form_field.choices,
            minimum=form_field.minimum,
            maximum=form_field.maximum,
        )
        cell = grid.cell(row, 2)
        value, problem = coerce(spec, cell.value, cell.number_format)
        if problem is not None:
            findings.append(error(problem.kode, problem.pesan, **data.where(sheet.name, ref)))
        elif value is None and form_field.required:
            findings.append(
                error(
                    "wajib_kosong",
                    f"'{form_field.label}' wajib diisi.",
                    **data.where(sheet.name, ref),
                )
            )
        values[form_field.key] = value
    for form_field in sheet.fields:
        if form_field.key not in cells and form_field.required:
            findings.append(
                error(
                    "isian_tidak_ada",
                    f"Baris '{form_field.label}' tidak ditemukan di kolom A. Kembalikan baris itu "
                    "(salin dari template baru xlkip init).",
                    **data.where(sheet.name),
                )
            )
    return FormData(sheet, values, cells), findings
