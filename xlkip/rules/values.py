"""Evaluating a rule's expression on plain values (no workbook needed)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from xlkip.sheet.expr import DASH, Const, Expr, Range


def literal(value: float | int | str | None) -> Expr:
    """A plain value as an operand; a missing value behaves as an empty cell."""
    return Const("" if value is None else value)


def number_or_none(value: Any) -> float | None:
    """A computed value as a number; None for "-", text, a boolean or a blank."""
    return value if isinstance(value, int | float) and not isinstance(value, bool) else None


def value_of(expr: Expr) -> Any:
    """The expression's value, with "-" (a rule that has no value) as None."""
    value = expr.evaluate()
    return None if value == DASH else value


def column(*values: float | int | str | None) -> Range:
    """A one-column range on a scratch sheet holding `values` (for rules over ranges)."""
    return columns(values)[0]


def columns(*lists: Sequence[float | int | str | None]) -> list[Range]:
    """Parallel one-column ranges on one scratch sheet, side by side."""
    from xlkip.sheet.model import SheetModel, Style

    sheet = SheetModel("_")
    style = Style()
    for col, values in enumerate(lists):
        for row, value in enumerate(values):
            sheet.put(row, col, value, style)
    height = max((len(v) for v in lists), default=0)
    return [Range(sheet, 0, col, max(height - 1, 0), col) for col in range(len(lists))]
