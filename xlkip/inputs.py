"""Everything read from one input folder, ready for validation and tables."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

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

    def setting(self, key: str) -> Any:
        form = self.form("identitas", "Pengaturan")
        default = _pengaturan_default(key)
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


def _pengaturan_default(key: str) -> Any:
    from xlkip.schema.identitas import PENGATURAN

    return PENGATURAN.field(key).default
