"""Read a filled template's sheets into records, matching columns by key."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from xlsxwriter.utility import xl_col_to_name

from xlkip.findings import Finding, Tingkat, error, peringatan
from xlkip.read.cells import (
    Coerced,
    Measure,
    Problem,
    Spec,
    clean_text,
    coerce,
    is_blank,
    quote,
    resolve_measure,
)
from xlkip.read.records import FormData, Record, TableData, TemplateData
from xlkip.read.workbook import SourceSheet, SourceWorkbook, Unreadable
from xlkip.schema.base import Column, FormSheet, Kind, TableSheet, normalize_header
from xlkip.schema.writer import Period, table_columns

_UNREAD = object()
HEADER_SCAN_ROWS = 20
MAX_BLANK_RUN = 1000
"""Stop reading a sheet after this many blank rows in a row."""
TOTAL_WORDS = {"jumlah", "total", "grand total", "jumlah total", "total laporan"}


def read_template(source: SourceWorkbook, data: TemplateData, period: Period) -> list[Finding]:
    findings: list[Finding] = []
    for sheet in data.template.sheets:
        try:
            grid = source.sheet(sheet.name)
        except Unreadable as exc:
            findings.append(exc.finding)
            continue
        if grid is None and not getattr(sheet, "required", True):
            continue
        if grid is None:
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
        if isinstance(sheet, TableSheet):
            table, problems = _TableReader(grid, sheet, data, period).read()
            table.clean = not any(f.tingkat is Tingkat.ERROR for f in problems)
            data.tables[sheet.name] = table
        else:
            form, problems = _read_form(grid, sheet, data)
            data.forms[sheet.name] = form
        findings.extend(problems)
    return findings


def _cell_value(grid: SourceSheet, spec: Spec, row: int, col: int, raw: Any = _UNREAD) -> Coerced:
    """Coerce one cell; a formula without a stored result is a problem, not a blank."""
    if raw is _UNREAD:
        raw = grid.value(row, col)
    if raw is None and (row, col) in grid.uncalculated_formulas:
        return None, Problem(
            "rumus_tanpa_nilai",
            f"Sel kolom '{spec.label}' berisi rumus tanpa hasil tersimpan (berkas disimpan "
            "oleh aplikasi yang tidak menghitung). Buka dan simpan ulang di Excel atau "
            "LibreOffice, atau ketik nilainya langsung.",
        )
    # Up to 1 a number reads the same with or without a % format (0.15 is 15% either
    # way), so the formats, which cost an openpyxl load, are consulted only above it.
    percent = (
        spec.kind in (Kind.PERCENT, Kind.MEASURE)
        and isinstance(raw, int | float)
        and abs(raw) > 1
        and grid.is_percent_format(row, col)
    )
    return coerce(spec, raw, "0%" if percent else None)


def _ref(row: int, col: int) -> str:
    return f"{xl_col_to_name(col - 1)}{row}"


def as_finding(problem: Problem, where: dict[str, str | None]) -> Finding:
    make = peringatan if problem.warning else error
    return make(problem.kode, problem.pesan, **where)


@dataclass
class _Layout:
    header_row: int
    columns: dict[str, int] = field(default_factory=dict)
    years: dict[int, int] = field(default_factory=dict)
    unknown: dict[int, str] = field(default_factory=dict)

    @cached_property
    def letters(self) -> dict[str, str]:
        return {key: xl_col_to_name(col - 1) for key, col in self.columns.items()}


class _TableReader:
    def __init__(self, grid: SourceSheet, sheet: TableSheet, data: TemplateData, period: Period):
        self.grid, self.sheet, self.data, self.period = grid, sheet, data, period
        self.findings: list[Finding] = []
        self.problem_cells: set[str] = set()
        self.known = frozenset(c.key for c in sheet.columns)
        series = sheet.year_columns
        self.has_measures = any(c.kind is Kind.MEASURE for c in sheet.columns) or bool(
            series and series.kind is Kind.MEASURE
        )
        self.specs = {c.key: _spec(c, c.header_text(period.tahun)) for c in sheet.columns}

    def where(self, cell: str | None) -> dict[str, str | None]:
        return self.data.where(self.sheet.name, cell)

    def read(self) -> tuple[TableData, list[Finding]]:
        layout = self._find_layout()
        table = TableData(self.sheet, [], sorted(layout.years))
        if self._missing_columns(layout):
            return table, self.findings
        self._check_header_years(layout)
        if self.sheet.prefilled and not self._has_facts(layout):
            return table, self.findings
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
        table.unreadable = self.problem_cells
        return table, self.findings

    def _has_facts(self, layout: _Layout) -> bool:
        """Anything typed outside the columns `xlkip init` prefilled."""
        typed = [c for k, c in layout.columns.items() if k not in self.sheet.prefilled]
        return any(
            not is_blank(self.grid.value(row, col))
            for row in range(layout.header_row + 1, self.grid.max_row + 1)
            for col in typed
        )

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
                        f"Judul kolom '{quote(layout.unknown[col])}' tidak dikenali; di sini "
                        f"seharusnya kolom '{header}'. Kembalikan judul kolomnya.",
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
                        f"Judul kolom '{quote(shown)}' tidak sesuai tahun laporan "
                        f"{self.period.tahun} (seharusnya '{expected}'). Periksa apakah ini "
                        "template tahun lalu.",
                        **self.where(_ref(layout.header_row, col)),
                    )
                )

    def _read_row(self, row: int, layout: _Layout, previous: dict[str, Any]) -> Record | None:
        raws = {key: self.grid.value(row, col) for key, col in layout.columns.items()}
        year_raws = {year: self.grid.value(row, col) for year, col in layout.years.items()}
        if all(is_blank(v) for v in (*raws.values(), *year_raws.values())) and not any(
            (row, col) in self.grid.uncalculated_formulas
            for col in (*layout.columns.values(), *layout.years.values())
        ):
            return None
        if self._is_total_row(raws):
            return None
        record = Record(row, {}, layout.letters, self.known)
        for column in self.sheet.columns:
            col = layout.columns.get(column.key)
            if col is None:
                continue
            value = self._coerce(self.specs[column.key], row, col, raws[column.key])
            if value is None and column.fill_down:
                value = previous.get(column.key)
            if value is None and column.required and not self._reported(record, column.key):
                self.findings.append(
                    error(
                        "wajib_kosong",
                        f"Kolom '{self.specs[column.key].label}' wajib diisi.",
                        **self.where(record.cell(column.key)),
                    )
                )
            record.values[column.key] = value
        for column in self.sheet.columns:
            if column.fill_down and record.values.get(column.key) is not None:
                previous[column.key] = record.values[column.key]
        self._read_years(record, layout)
        if self.has_measures:
            self._resolve_measures(record)
        return record

    def _read_years(self, record: Record, layout: _Layout) -> None:
        series = self.sheet.year_columns
        if series is None:
            return
        for year, col in layout.years.items():
            spec = Spec(series.header_text(year), series.kind, minimum=None)
            record.years[year] = self._coerce(spec, record.row, col)

    def _resolve_measures(self, record: Record) -> None:
        satuan = record.values.get("satuan")
        for key, value in record.values.items():
            if isinstance(value, Measure):
                record.values[key] = resolve_measure(value, satuan)
        for year, value in record.years.items():
            if isinstance(value, Measure):
                record.years[year] = resolve_measure(value, satuan)

    def _coerce(self, spec: Spec, row: int, col: int, raw: Any = _UNREAD) -> Any:
        value, problem = _cell_value(self.grid, spec, row, col, raw)
        if problem is not None:
            ref = _ref(row, col)
            self.findings.append(as_finding(problem, self.where(ref)))
            if not problem.warning:
                self.problem_cells.add(ref)
        return value

    def _reported(self, record: Record, key: str) -> bool:
        return record.cell(key) in self.problem_cells

    def _is_total_row(self, raws: dict[str, Any]) -> bool:
        """A "JUMLAH" row pasted from SIPD: totals are ours to compute, not facts."""
        if not any(
            isinstance(v, str) and v.strip().casefold() in TOTAL_WORDS for v in raws.values()
        ):
            return False
        texts = [
            clean_text(raws[c.key])
            for c in self.sheet.columns
            if c.kind is Kind.TEXT and c.key in raws and not is_blank(raws[c.key])
        ]
        return bool(texts) and all(t.casefold() in TOTAL_WORDS for t in texts)


def _spec(column: Column, label: str) -> Spec:
    return Spec(
        label,
        column.kind,
        column.choices,
        column.choice_rule,
        column.dash_is_zero,
        column.minimum,
        column.maximum,
    )


def _read_form(grid: SourceSheet, sheet: FormSheet, data: TemplateData):
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
        value, problem = _cell_value(grid, spec, row, 2)
        if problem is not None:
            findings.append(as_finding(problem, data.where(sheet.name, ref)))
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
