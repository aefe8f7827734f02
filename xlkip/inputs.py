"""Everything read from one input folder, ready for validation and tables."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from xlkip.instrumen import Instrument, by_name, instrument_for
from xlkip.read.records import FormData, Record, TableData, TemplateData
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

    def table(self, kind: str, sheet: str) -> TableData | None:
        data = self.templates.get(kind)
        return data.tables.get(sheet) if data else None

    def clean(self, kind: str, sheet: str) -> bool:
        """Present and read without error, so its numbers can prove another table's."""
        table = self.table(kind, sheet)
        return table is not None and table.clean

    def records(self, kind: str, sheet: str) -> list[Record]:
        table = self.table(kind, sheet)
        return table.records if table else []

    def form(self, kind: str, sheet: str) -> FormData | None:
        data = self.templates.get(kind)
        return data.forms.get(sheet) if data else None

    @property
    def instrument(self) -> Instrument:
        """The evaluation instrument of the report's year (Indeks SPBE, Indeks Pemdi)."""
        return instrument_for(self.tahun)

    @property
    def instrument_lalu(self) -> Instrument:
        """The instrument of last year's scores: as named in the spbe template's sheet
        Indeks Tahun Lalu, else the one of that year."""
        form = self.form("spbe", "Indeks Tahun Lalu")
        named = by_name(form.get("instrumen_lalu")) if form else None
        return named or instrument_for(self.tahun - 1)

    @property
    def lintas_instrumen(self) -> bool:
        """Last year was evaluated with another instrument: its index is shown beside this
        year's with a note, and never compared with it (no naik/turun, no capaian)."""
        return self.instrument_lalu.kode != self.instrument.kode

    def setting(self, key: str) -> Any:
        form = self.form("identitas", "Pengaturan")
        default = _pengaturan_default(key, self.tahun)
        return form.get(key, default) if form else default

    def identitas(self, key: str, default: Any = None) -> Any:
        form = self.form("identitas", "Identitas")
        return form.get(key, default) if form else default

    def file_of(self, kind: str) -> str:
        """The name staff gave the file of `kind`, or the template's usual name."""
        from xlkip.schema import TEMPLATES

        data = self.templates.get(kind)
        return data.file if data else f"template {TEMPLATES[kind].filename}"

    def where(self, kind: str, sheet: str, cell: str | None = None) -> dict[str, str | None]:
        return self.templates[kind].where(sheet, cell)


def _pengaturan_default(key: str, tahun: int) -> Any:
    """The default of a Pengaturan row for the year (index bands follow its instrument)."""
    from xlkip.schema.identitas import PENGATURAN, for_year

    pengaturan = for_year(tahun).sheet("Pengaturan")
    fields = {f.key: f for f in pengaturan.fields}
    return (fields.get(key) or PENGATURAN.field(key)).default
