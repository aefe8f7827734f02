"""What reading produces: typed values with the cell each came from."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from xlkip.schema.base import FormSheet, TableSheet, Template


@dataclass(slots=True)
class Record:
    """One data row of a table sheet."""

    row: int
    values: dict[str, Any]
    letters: dict[str, str]
    """Column key -> column letter, shared by every row of the table."""
    known: frozenset[str]
    """Every column key of the sheet's schema, shared by every row of the table."""
    years: dict[int, Any] = field(default_factory=dict)

    def get(self, key: str, default: Any = None) -> Any:
        value = self.values.get(key)
        if value is None:
            if key not in self.known:
                raise KeyError(f"{key!r} is not a column of this sheet: {sorted(self.known)}")
            return default
        return value

    def cell(self, key: str) -> str | None:
        letter = self.letters.get(key)
        return f"{letter}{self.row}" if letter else None


@dataclass
class TableData:
    sheet: TableSheet
    records: list[Record]
    years: list[int] = field(default_factory=list)
    clean: bool = True
    """Read without error: checks across tables may trust its numbers."""
    unreadable: set[str] = field(default_factory=set)
    """Cells (A1) whose content could not be read: already an error, so a check that
    finds them empty must not report them again."""


@dataclass
class FormData:
    sheet: FormSheet
    values: dict[str, Any]
    cells: dict[str, str]

    def get(self, key: str, default: Any = None) -> Any:
        value = self.values.get(key)
        if value is None:
            if key not in self.sheet.fields_by_key:
                raise KeyError(f"{key!r} is not a field of sheet {self.sheet.name}")
            return default
        return value


@dataclass
class TemplateData:
    template: Template
    path: Path
    tables: dict[str, TableData] = field(default_factory=dict)
    forms: dict[str, FormData] = field(default_factory=dict)

    @property
    def file(self) -> str:
        return self.path.name

    def where(self, sheet: str, cell: str | None = None) -> dict[str, str | None]:
        """Keyword arguments that place a finding at a cell of this file."""
        return {"file": self.file, "sheet": sheet, "sel": cell}
