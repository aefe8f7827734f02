"""Read a filled template's sheets into records, matching columns by key."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Any

from openpyxl.utils import get_column_letter

from xlkip.findings import Finding, Tingkat, error, info, peringatan
from xlkip.read.bounds import findings_of
from xlkip.read.cells import (
    READ_AS,
    SLOW,
    Coerced,
    Measure,
    Problem,
    Spec,
    clean_text,
    coerce,
    coerce_common,
    is_blank,
    quote,
    read_as_message,
    resolve_measure,
)
from xlkip.read.records import FormData, Record, TableData, TemplateData
from xlkip.read.workbook import SourceSheet, SourceWorkbook, Unreadable
from xlkip.schema.base import Column, FormSheet, Kind, TableSheet, is_percent_unit
from xlkip.schema.base import normalize_header as _normalize_header
from xlkip.schema.writer import Period, table_columns
from xlkip.text import angka, nilai, persen

normalize_header = lru_cache(maxsize=4096)(_normalize_header)
"""Header scans meet the same few texts in every file of every office of a rekap."""

_UNREAD = object()
HEADER_SCAN_ROWS = 20
MAX_BLANK_RUN = 1000
"""Stop reading a sheet after this many blank rows in a row."""
CELL_TEXT_LIMIT = 32_767
"""Characters (UTF-16 units) an Excel cell holds; xlsxwriter cuts a longer text."""
MARGIN_COLUMNS = 10
"""Columns right of a table's last heading (or a form's explanations) where a staff note
still belongs to the sheet; a value farther right is read by nothing, and said so."""
FORM_ROWS = 200
"""Rows of a form sheet searched for its labels."""
FORM_COLUMNS = 3
"""A form's label, value and explanation."""
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
        findings.extend(findings_of(grid.ignored, data.file, sheet.name))
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
    if raw is not None:
        common = coerce_common(spec, raw)
        if common is not SLOW:
            return common
    if raw is None and (row, col) in grid.uncalculated_formulas:
        return None, Problem(
            "rumus_tanpa_nilai",
            f"Sel kolom '{spec.label}' berisi rumus tanpa hasil tersimpan (berkas disimpan "
            "oleh aplikasi yang tidak menghitung). Buka dan simpan ulang di Excel atau "
            "LibreOffice, atau ketik nilainya langsung.",
        )
    # Up to 1 a number reads the same with or without a % format (0.15 is 15% either
    # way), so the formats, which cost a parse of the sheet's XML, are consulted only above it.
    percent = (
        spec.kind in (Kind.PERCENT, Kind.MEASURE)
        and isinstance(raw, int | float)
        and abs(raw) > 1
        and grid.is_percent_format(row, col)
    )
    return coerce(spec, raw, "0%" if percent else None)


def _ref(row: int, col: int) -> str:
    return f"{get_column_letter(col)}{row}"


def as_finding(problem: Problem, where: dict[str, str | None]) -> Finding:
    make = info if problem.info else peringatan if problem.warning else error
    return make(problem.kode, problem.pesan, **where)


@dataclass
class _Layout:
    header_row: int
    columns: dict[str, int] = field(default_factory=dict)
    years: dict[int, int] = field(default_factory=dict)
    unknown: dict[int, str] = field(default_factory=dict)

    @cached_property
    def letters(self) -> dict[str, str]:
        """Column key -> letter; a year column under its year as text (see Record)."""
        letters = {key: get_column_letter(col) for key, col in self.columns.items()}
        letters.update((str(year), get_column_letter(col)) for year, col in self.years.items())
        return letters


@dataclass(frozen=True)
class _Plan:
    keys: tuple[str, ...]
    cols: tuple[int, ...]
    year_cols: tuple[int, ...]
    columns: tuple[tuple[str, int, Spec, bool, bool], ...]
    """Per column found: key, column, spec, fill_down, required."""
    fill_down: tuple[str, ...]


def _filled(value: Any) -> bool:
    """Not is_blank: a value other than None and whitespace."""
    return value is not None and not (type(value) is str and not value.strip())


class _TableReader:
    def __init__(self, grid: SourceSheet, sheet: TableSheet, data: TemplateData, period: Period):
        self.grid, self.sheet, self.data, self.period = grid, sheet, data, period
        self.findings: list[Finding] = []
        self.problem_cells: set[str] = set()
        self.read_as: dict[tuple[int, str, str, str], list[int]] = {}
        """(column, label, typed, read as) -> rows: one info per spelling, not per cell."""
        self.known = frozenset(c.key for c in sheet.columns)
        series = sheet.year_columns
        self.has_measures = any(c.kind is Kind.MEASURE for c in sheet.columns) or bool(
            series and series.kind is Kind.MEASURE
        )
        self.specs = {c.key: _spec(c, c.header_text(period.tahun)) for c in sheet.columns}
        self._planned: tuple[_Layout, _Plan] | None = None

    def where(self, cell: str | None) -> dict[str, str | None]:
        return self.data.where(self.sheet.name, cell)

    def read(self) -> tuple[TableData, list[Finding]]:
        layout = self._find_layout()
        table = TableData(self.sheet, [], sorted(layout.years), problem_cells=self.problem_cells)
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
                    self._left_below(row + 1, layout)
                    break
                continue
            blank_run = 0
            table.records.append(record)
        self._say_read_as()
        self._left_right(layout)
        return table, self.findings

    def _left_right(self, layout: _Layout) -> None:
        """Values far right of the table's last heading: read by nothing."""
        headings = [*layout.columns.values(), *layout.years.values(), *layout.unknown]
        last = max([len(table_columns(self.sheet, self.period)), *headings])
        ignored = self.grid.filled_right_of(last + MARGIN_COLUMNS)
        self.findings.extend(findings_of(ignored, self.data.file, self.sheet.name))

    def _left_below(self, first: int, layout: _Layout) -> None:
        """Values of the table's columns after the long blank run that ends reading."""
        columns = [*layout.columns.values(), *layout.years.values()]
        ignored = self.grid.filled_below(first, columns)
        self.findings.extend(findings_of(ignored, self.data.file, self.sheet.name))

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
        plan = self._plan(layout)
        raws = dict(zip(plan.keys, self.grid.values_at(row, plan.cols), strict=True))
        year_raws = self.grid.values_at(row, plan.year_cols)
        if not any(_filled(v) for v in raws.values()) and not any(map(_filled, year_raws)):
            uncalculated = self.grid.uncalculated_formulas
            if not any((row, col) in uncalculated for col in (*plan.cols, *plan.year_cols)):
                return None
        if self._is_total_row(raws):
            return None
        record = Record(row, {}, layout.letters, self.known)
        values = record.values
        uncalculated = self.grid.uncalculated_formulas
        for key, col, spec, fill_down, required in plan.columns:
            raw = raws[key]
            if type(raw) is str and len(raw) > CELL_TEXT_LIMIT // 2:
                self.findings.extend(_cut_text(raw, self.where(_ref(row, col))))
            if raw is None:  # a blank cell, unless it is a formula never calculated
                blank = (row, col) not in uncalculated
                value = None if blank else self._coerce(spec, row, col, raw)
            elif (common := coerce_common(spec, raw)) is not SLOW and common[1] is None:
                value = common[0]
            else:
                value = self._coerce(spec, row, col, raw)
            if value is None and fill_down:
                value = previous.get(key)
            if value is None and required and not self._reported(record, key):
                self.findings.append(
                    error(
                        "wajib_kosong",
                        f"Kolom '{spec.label}' wajib diisi.",
                        **self.where(record.cell(key)),
                    )
                )
            values[key] = value
        for key in plan.fill_down:
            if values.get(key) is not None:
                previous[key] = values[key]
        self._read_years(record, layout)
        if self.has_measures:
            self._resolve_measures(record, layout)
        return record

    def _plan(self, layout: _Layout) -> _Plan:
        """What every row of this table needs, worked out once per table."""
        if self._planned is None or self._planned[0] is not layout:
            columns = tuple(
                (c.key, layout.columns[c.key], self.specs[c.key], c.fill_down, c.required)
                for c in self.sheet.columns
                if c.key in layout.columns
            )
            plan = _Plan(
                keys=tuple(layout.columns),
                cols=tuple(layout.columns.values()),
                year_cols=tuple(layout.years.values()),
                columns=columns,
                fill_down=tuple(c.key for c in self.sheet.columns if c.fill_down),
            )
            self._planned = (layout, plan)
        return self._planned[1]

    def _read_years(self, record: Record, layout: _Layout) -> None:
        series = self.sheet.year_columns
        if series is None:
            return
        for year, col in layout.years.items():
            spec = Spec(series.header_text(year), series.kind, minimum=None)
            record.years[year] = self._coerce(spec, record.row, col)

    def _resolve_measures(self, record: Record, layout: _Layout) -> None:
        satuan = record.values.get("satuan")
        for key, value in record.values.items():
            if isinstance(value, Measure):
                self._percent_in_other_unit(
                    value, satuan, (record.row, layout.columns[key]), layout
                )
                record.values[key] = resolve_measure(value, satuan)
        for year, value in record.years.items():
            if isinstance(value, Measure):
                self._percent_in_other_unit(value, satuan, (record.row, layout.years[year]), layout)
                record.years[year] = resolve_measure(value, satuan)

    def _percent_in_other_unit(
        self, measure: Measure, satuan: Any, cell: tuple[int, int], layout: _Layout
    ) -> None:
        """A percentage typed for an indicator counted in another unit ("70%" for a number
        of publications) is read as typed, but most likely belongs to another indicator."""
        row, col = cell
        if satuan is None or is_percent_unit(satuan) or measure.value == 0:
            return
        typed_percent = measure.percent or (
            abs(measure.value) <= 1 and self.grid.is_percent_format(row, col)
        )
        if not typed_percent:
            return
        header = self.grid.value(layout.header_row, col)
        self.findings.append(
            peringatan(
                "persen_pada_satuan_lain",
                f"Nilai pada kolom '{quote(header)}' ditulis sebagai persentase "
                f"({persen(measure.value)}), padahal satuan indikator ini '{quote(satuan)}', "
                f"sehingga laporan membacanya {nilai(measure.value, satuan)}. Periksa apakah "
                "nilai ini milik indikator yang sama; bila indikatornya memang persentase, "
                "ubah Satuan menjadi %.",
                **self.where(_ref(row, col)),
            )
        )

    def _say_read_as(self) -> None:
        for (col, label, typed, read_as), rows in self.read_as.items():
            letter = get_column_letter(col)
            runs = _runs(rows)
            first, last = runs[0]
            if len(rows) == 1:
                cell, message = f"{letter}{first}", read_as_message(label, typed, read_as)
            else:
                cell = f"{letter}{first}:{letter}{last}" if len(runs) == 1 else f"{letter}{first}"
                cells = f"di {angka(len(rows))} sel ({_cells_text(letter, runs)})"
                message = read_as_message(label, typed, read_as, cells)
            self.findings.append(info(READ_AS, message, **self.where(cell)))

    def _coerce(self, spec: Spec, row: int, col: int, raw: Any = _UNREAD) -> Any:
        value, problem = _cell_value(self.grid, spec, row, col, raw)
        if problem is not None and problem.spelling is not None:
            self.read_as.setdefault((col, spec.label, *problem.spelling), []).append(row)
        elif problem is not None:
            ref = _ref(row, col)
            self.findings.append(as_finding(problem, self.where(ref)))
            if not problem.keeps_value:
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


SHOWN_RUNS = 5
"""Runs of cells a READ_AS info lists; the count says how many there are in all."""


def _runs(rows: list[int]) -> list[tuple[int, int]]:
    """Rows 5, 6, 7, 9 -> [(5, 7), (9, 9)]."""
    runs: list[tuple[int, int]] = []
    for row in sorted(set(rows)):
        if runs and row == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], row)
        else:
            runs.append((row, row))
    return runs


def _cells_text(letter: str, runs: list[tuple[int, int]]) -> str:
    shown = [f"{letter}{a}" if a == b else f"{letter}{a}:{letter}{b}" for a, b in runs[:SHOWN_RUNS]]
    more = ", dan lainnya" if len(runs) > SHOWN_RUNS else ""
    return ", ".join(shown) + more


def _cut_text(text: str, where: dict[str, str | None]) -> list[Finding]:
    """A text longer than an Excel cell holds: the output workbook keeps its start only."""
    length = len(text.encode("utf-16-le")) // 2  # Excel counts UTF-16 units
    if length <= CELL_TEXT_LIMIT:
        return []
    return [
        peringatan(
            "teks_terlalu_panjang",
            f"Teks di sel ini {angka(length)} karakter, melebihi batas satu sel Excel; di buku "
            f"kerja keluaran teks ini dipotong menjadi {angka(CELL_TEXT_LIMIT)} karakter. "
            "Persingkat teksnya.",
            **where,
        )
    ]


def _spec(column: Column, label: str) -> Spec:
    return Spec(
        label,
        column.kind,
        column.choices,
        column.choice_rule,
        column.dash_is_zero,
        column.minimum,
        column.maximum,
        column.choice_aliases,
        optional_choice=bool(column.no_choices) and not column.required,
    )


def _read_form(grid: SourceSheet, sheet: FormSheet, data: TemplateData):
    findings: list[Finding] = []
    lookup = {key: f for f in sheet.fields for key in f.match_keys()}
    values: dict[str, Any] = {}
    cells: dict[str, str] = {}
    for row in range(1, min(grid.max_row, FORM_ROWS) + 1):
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
            choice_aliases=form_field.choice_aliases,
            maximum=form_field.maximum,
        )
        raw = grid.value(row, 2)
        if isinstance(raw, str):
            findings.extend(_cut_text(raw, data.where(sheet.name, ref)))
        value, problem = _cell_value(grid, spec, row, 2, raw)
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
    ignored = grid.filled_right_of(FORM_COLUMNS + MARGIN_COLUMNS)
    ignored.extend(grid.filled_below(FORM_ROWS + 1, range(1, FORM_COLUMNS + MARGIN_COLUMNS + 1)))
    findings.extend(findings_of(ignored, data.file, sheet.name))
    return FormData(sheet, values, cells), findings
