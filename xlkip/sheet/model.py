"""An output workbook as data: sheets of placed cells, before any file is written."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from xlsxwriter.utility import xl_rowcol_to_cell

from xlkip.sheet.expr import Expr, Ref, Value


@dataclass(frozen=True)
class Style:
    """How a cell looks; the renderer turns each distinct Style into one format."""

    num_format: str | None = None
    bold: bool = False
    italic: bool = False
    fill: str | None = None
    align: str | None = None
    valign: str = "top"
    wrap: bool = True
    border: bool = True
    size: int | None = None
    color: str | None = None
    indent: int = 0


_SENTINEL = object()


@lru_cache(maxsize=1 << 16)
def _a1(row: int, col: int, absolute: bool) -> str:
    return xl_rowcol_to_cell(row, col, absolute, absolute)


@dataclass(eq=False, slots=True)
class Slot:
    """One placed cell: its content is staff text, a number, a formula, or nothing."""

    sheet: SheetModel
    row: int
    col: int
    content: Any
    style: Style
    _value: Any = _SENTINEL
    _ref: Ref | None = None

    def value(self) -> Value:
        if self._value is _SENTINEL:
            content = self.content
            self._value = content.evaluate() if isinstance(content, Expr) else content
        return self._value

    def address(self, here: SheetModel, absolute: bool = False) -> str:
        cell = _a1(self.row, self.col, absolute)
        return cell if here is self.sheet else f"{self.sheet.quoted_name}!{cell}"

    @property
    def a1(self) -> str:
        return xl_rowcol_to_cell(self.row, self.col)

    def ref(self, absolute: bool = False) -> Ref:
        if absolute:
            return Ref(self, True)
        if self._ref is None:
            self._ref = Ref(self)  # shared: a cell is referenced by several formulas
        return self._ref


@dataclass
class PrintSetup:
    repeat_rows: tuple[int, int] | None = None
    freeze: tuple[int, int] | None = None
    landscape: bool = True
    one_page: bool = False
    """Fit the whole sheet on one page (the Ringkasan), not only its width."""


@dataclass(eq=False)
class SheetModel:
    name: str
    slots: dict[tuple[int, int], Slot] = field(default_factory=dict)
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)
    widths: dict[int, float] = field(default_factory=dict)
    heights: dict[int, float] = field(default_factory=dict)
    print_setup: PrintSetup = field(default_factory=PrintSetup)
    charts: list[Any] = field(default_factory=list)
    hidden_cols: set[int] = field(default_factory=set)
    keep_together: list[tuple[int, int]] = field(default_factory=list)
    """Row ranges printed on one page when they fit on one: a table's closing rows
    (totals, a summary block) with the rows just above them."""

    @property
    def quoted_name(self) -> str:
        return "'" + self.name.replace("'", "''") + "'"

    def put(self, row: int, col: int, content: Any, style: Style) -> Slot:
        slot = Slot(self, row, col, content, style)
        self.slots[(row, col)] = slot
        return slot

    def merge(
        self, first: tuple[int, int], last: tuple[int, int], content: Any, style: Style
    ) -> Slot:
        """A merged range shows the first cell's content; the others stay styled blanks."""
        slot = self.put(*first, content, style)
        if first != last:
            self.merges.append((*first, *last))
            for row in range(first[0], last[0] + 1):
                for col in range(first[1], last[1] + 1):
                    if (row, col) != first:
                        self.put(row, col, None, style)
        return slot

    def slot(self, row: int, col: int) -> Slot | None:
        return self.slots.get((row, col))

    def slots_in(
        self, first_row: int, first_col: int, last_row: int, last_col: int
    ) -> Iterator[Slot]:
        for row in range(first_row, last_row + 1):
            for col in range(first_col, last_col + 1):
                slot = self.slots.get((row, col))
                if slot is not None:
                    yield slot

    @property
    def last_row(self) -> int:
        return max((r for r, _ in self.slots), default=0)

    @property
    def last_col(self) -> int:
        return max((c for _, c in self.slots), default=0)


@dataclass
class WorkbookModel:
    sheets: list[SheetModel] = field(default_factory=list)
    properties: dict[str, Any] = field(default_factory=dict)
    footer: str = ""
    left_out: list[tuple[str, str]] = field(default_factory=list)

    def add(self, sheet: SheetModel) -> SheetModel:
        self.sheets.append(sheet)
        return sheet

    def sheet(self, name: str) -> SheetModel:
        return next(s for s in self.sheets if s.name == name)

    def release(self) -> None:
        """Break the sheet <-> cell cycles once written, so reference counting frees a
        big workbook at once instead of a long garbage collection at exit."""
        for sheet in self.sheets:
            sheet.slots.clear()
            sheet.charts.clear()
        self.sheets.clear()
