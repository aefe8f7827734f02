"""An output workbook as data: sheets of placed cells, before any file is written."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from xlsxwriter.utility import xl_col_to_name, xl_rowcol_to_cell

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


@lru_cache(maxsize=1024)
def _column_letters(col: int, absolute: bool) -> str:
    return ("$" if absolute else "") + xl_col_to_name(col)


def _a1(row: int, col: int, absolute: bool) -> str:
    """C12 or $C$12, as xl_rowcol_to_cell writes it (a big table asks for 100 000s)."""
    return f"{_column_letters(col, absolute)}{'$' if absolute else ''}{row + 1}"


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


@dataclass(frozen=True, slots=True)
class BlockColumn:
    """One column of a RowBlock: each row's value under `key` (through `convert`), or
    a `rule` over the same row's cells in the columns `args`."""

    col: int
    style: Style
    key: str | None = None
    convert: Callable[[Any], Any] | None = None
    rule: Callable[..., Expr] | None = None
    args: tuple[int, ...] = ()

    def given(self, data: Mapping[str, Any]) -> Any:
        """A row's value in this (non-rule) column."""
        content = data.get(self.key)
        return self.convert(content) if content is not None and self.convert else content


@dataclass(eq=False, slots=True)
class RowBlock:
    """Consecutive rows of one shape whose cells are made when they are read or
    written, never held: the sub kegiatan of a Tabel 3.17 can be 200 000 rows, and a
    placed cell per value (with its formula objects) cost hundreds of bytes each.

    Row `first + i` shows `rows[i]`, a mapping shared with what was read."""

    sheet: SheetModel
    first: int
    columns: tuple[BlockColumn, ...]
    rows: Sequence[Mapping[str, Any]]
    _read_by_rules: frozenset[int] = frozenset()

    def __post_init__(self) -> None:
        placed: set[int] = set()
        for column in self.columns:
            if column.rule is not None and not placed.issuperset(column.args):
                raise ValueError(f"column {column.col}: a rule reads only the columns before it")
            placed.add(column.col)
        self._read_by_rules = frozenset(c for column in self.columns for c in column.args)

    @property
    def last(self) -> int:
        return self.first + len(self.rows) - 1

    def row_contents(self, row: int, rules: bool = True) -> list[tuple[int, Any, Style]]:
        """The row's (col, content, style): each given value, and each rule's formula
        over this row's cells (without `rules`, the given values only)."""
        data = self.rows[row - self.first]
        read: dict[int, Slot] = {}  # the cells a rule reads, made once for the row
        contents = []
        for column in self.columns:
            if column.rule is None:
                content = column.given(data)
            elif rules:  # not slot.ref(): a cached Ref would make a cycle per cell
                content = column.rule(*[Ref(read[c]) for c in column.args])
            else:
                continue
            if column.col in self._read_by_rules:
                read[column.col] = Slot(self.sheet, row, column.col, content, column.style)
            contents.append((column.col, content, column.style))
        return contents

    def row_slots(self, row: int, rules: bool = True) -> list[Slot]:
        """The row's cells in column order; without `rules`, only the given values."""
        return [
            Slot(self.sheet, row, col, content, style)
            for col, content, style in self.row_contents(row, rules)
        ]

    def slot(self, row: int, col: int) -> Slot | None:
        column = next((c for c in self.columns if c.col == col), None)
        if column is None:
            return None
        if column.rule is not None:
            return next(s for s in self.row_slots(row) if s.col == col)
        return Slot(self.sheet, row, col, column.given(self.rows[row - self.first]), column.style)

    def slots_between(self, row: int, first_col: int, last_col: int) -> list[Slot]:
        inside = [c for c in self.columns if first_col <= c.col <= last_col]
        rules = any(c.rule is not None for c in inside)
        return [s for s in self.row_slots(row, rules) if first_col <= s.col <= last_col]

    def values_between(
        self, start: int, end: int, first_col: int, last_col: int, skip: Callable[[Any], bool]
    ) -> Iterator[Value]:
        """Rows `start` … `end`'s values in the columns given, row by row; cells whose
        content `skip` accepts are left out."""
        inside = [c for c in self.columns if first_col <= c.col <= last_col]
        if any(c.rule is not None for c in inside):
            for row in range(start, end + 1):
                for slot in self.slots_between(row, first_col, last_col):
                    if not skip(slot.content):
                        yield slot.value()
            return
        for data in self.rows[start - self.first : end - self.first + 1]:
            for column in inside:
                yield column.given(data)

    @property
    def cell_count(self) -> int:
        return len(self.rows) * len(self.columns)


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
    blocks: list[RowBlock] = field(default_factory=list)
    """Runs of rows made on demand, in row order, never overlapping a placed cell."""

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

    def put_rows(
        self, first: int, columns: Sequence[BlockColumn], rows: Sequence[Mapping[str, Any]]
    ) -> RowBlock:
        """Rows `first` … `first + len(rows) - 1`, one per mapping, shaped by `columns`."""
        if self.blocks and first <= self.blocks[-1].last:
            raise ValueError("blocks are placed in row order")
        block = RowBlock(self, first, tuple(columns), rows)
        if rows:
            self.blocks.append(block)
        return block

    def block_at(self, row: int) -> RowBlock | None:
        at = bisect_right(self.blocks, row, key=_first_row) - 1
        if at >= 0 and row <= self.blocks[at].last:
            return self.blocks[at]
        return None

    def slot(self, row: int, col: int) -> Slot | None:
        slot = self.slots.get((row, col))
        if slot is None and self.blocks:
            block = self.block_at(row)
            return block.slot(row, col) if block else None
        return slot

    def values_in(
        self,
        first_row: int,
        first_col: int,
        last_row: int,
        last_col: int,
        skip: Callable[[Any], bool] | None = None,
    ) -> Iterator[Value]:
        """The values of a rectangle's cells, row by row, but those whose content `skip`
        accepts; a block's rows are read from its data without making their cells."""
        skip = skip or _nothing
        row = first_row
        at = max(bisect_right(self.blocks, first_row, key=_first_row) - 1, 0)
        for block in self.blocks[at:]:
            if block.first > last_row:
                break
            if block.last < first_row:
                continue
            yield from self._placed_values(row, block.first - 1, first_col, last_col, skip)
            end = min(block.last, last_row)
            yield from block.values_between(max(block.first, row), end, first_col, last_col, skip)
            row = end + 1
        yield from self._placed_values(row, last_row, first_col, last_col, skip)

    def _placed_values(
        self, first_row: int, last_row: int, first_col: int, last_col: int, skip
    ) -> Iterator[Value]:
        for row in range(first_row, last_row + 1):
            for col in range(first_col, last_col + 1):
                slot = self.slots.get((row, col))
                if slot is not None and not skip(slot.content):
                    yield slot.value()

    def contents(self) -> Iterator[tuple[int, int, Any, Style]]:
        """(row, col, content, style) of every cell but the formulas, the blocks' read
        from their data without making their cells: what layout measures."""
        for slot in self.slots.values():
            if not isinstance(slot.content, Expr):
                yield slot.row, slot.col, slot.content, slot.style
        for block in self.blocks:
            for column in block.columns:
                if column.rule is None:
                    for row, data in enumerate(block.rows, start=block.first):
                        yield row, column.col, column.given(data), column.style

    def cells(self) -> Iterator[Slot]:
        """Every cell: the placed ones, then the blocks' rows, made one row at a time."""
        yield from self.slots.values()
        for block in self.blocks:
            for row in range(block.first, block.last + 1):
                yield from block.row_slots(row)

    @property
    def cell_count(self) -> int:
        return len(self.slots) + sum(block.cell_count for block in self.blocks)

    @property
    def last_row(self) -> int:
        placed = max((r for r, _ in self.slots), default=0)
        return max(placed, self.blocks[-1].last) if self.blocks else placed

    @property
    def last_col(self) -> int:
        in_blocks = (c.col for block in self.blocks for c in block.columns)
        return max(max((c for _, c in self.slots), default=0), max(in_blocks, default=0))


def _first_row(block: RowBlock) -> int:
    return block.first


def _nothing(content: Any) -> bool:
    return False


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
            sheet.blocks.clear()
            sheet.charts.clear()
        self.sheets.clear()
