"""Everything read from one input folder, ready for validation and tables.

Sheets are named by their schema objects (`schema.kinerja.IKU`), never by strings, so a
misspelt sheet fails at import time rather than reading as empty.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from xlkip.instrumen import Instrument, by_name, instrument_for
from xlkip.read.records import FormData, Record, TableData, TemplateData
from xlkip.schema.base import FormSheet, TableSheet
from xlkip.schema.writer import Period


@dataclass
class Inputs:
    folder: Path
    period: Period
    templates: dict[str, TemplateData] = field(default_factory=dict)

    @property
    def tahun(self) -> int:
        return self.period.tahun

    def has(self, kind: str) -> bool:
        return kind in self.templates

    def table(self, sheet: TableSheet) -> TableData | None:
        data = self.templates.get(_kind_of(sheet))
        return data.tables.get(sheet.name) if data else None

    def clean(self, sheet: TableSheet) -> bool:
        """Present and read without error, so its numbers can prove another table's."""
        table = self.table(sheet)
        return table is not None and table.clean

    def records(self, sheet: TableSheet) -> list[Record]:
        table = self.table(sheet)
        return table.records if table else []

    def form(self, sheet: FormSheet) -> FormData | None:
        data = self.templates.get(_kind_of(sheet))
        return data.forms.get(sheet.name) if data else None

    @property
    def instrument(self) -> Instrument:
        """The evaluation instrument of the report's year (Indeks SPBE, Indeks Pemdi)."""
        return instrument_for(self.tahun)

    @property
    def instrument_lalu(self) -> Instrument:
        """The instrument of last year's scores: as named in the spbe template's sheet
        Indeks Tahun Lalu, else the one of that year."""
        from xlkip.schema.spbe import INDEKS_TAHUN_LALU

        form = self.form(INDEKS_TAHUN_LALU)
        named = by_name(form.get("instrumen_lalu")) if form else None
        return named or instrument_for(self.tahun - 1)

    @property
    def lintas_instrumen(self) -> bool:
        """Last year was evaluated with another instrument: its index is shown beside this
        year's with a note, and never compared with it (no naik/turun, no capaian)."""
        return self.instrument_lalu.kode != self.instrument.kode

    def setting(self, key: str) -> Any:
        from xlkip.schema.identitas import PENGATURAN, for_year

        fields = for_year(self.tahun).sheet(PENGATURAN.name).fields_by_key
        default = (fields.get(key) or PENGATURAN.field(key)).default
        form = self.form(PENGATURAN)
        return form.get(key, default) if form else default

    def identitas(self, key: str, default: Any = None) -> Any:
        from xlkip.schema.identitas import IDENTITAS

        IDENTITAS.field(key)  # a misspelt key fails here, not silently
        form = self.form(IDENTITAS)
        return form.get(key, default) if form else default

    def file_of(self, kind: str) -> str:
        """The name staff gave the file of `kind`, or the template's usual name."""
        from xlkip.schema import TEMPLATES

        data = self.templates.get(kind)
        return data.file if data else f"template {TEMPLATES[kind].filename}"

    def file_of_sheet(self, sheet: TableSheet | FormSheet) -> str:
        return self.file_of(_kind_of(sheet))

    def where(self, sheet: TableSheet | FormSheet, cell: str | None = None) -> dict[str, Any]:
        return self.templates[_kind_of(sheet)].where(sheet.name, cell)


def _kind_of(sheet: TableSheet | FormSheet) -> str:
    from xlkip.schema import KIND_OF_SHEET

    return KIND_OF_SHEET[id(sheet)]
