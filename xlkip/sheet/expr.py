"""Cell expressions: one object renders the Excel formula and computes its value.

Every derived cell of the output is an `Expr`. Excel in Protected View, Outlook and
phone previews show the value stored with a formula, so the value is computed here
from the same object that writes the formula: the two cannot drift.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from xlsxwriter.utility import xl_rowcol_to_cell

from xlkip.rules.rounding import excel_round

if TYPE_CHECKING:
    from xlkip.sheet.model import SheetModel, Slot

Value = float | int | str | bool | None
DASH = "-"
"""What a rule with no value shows (never #DIV/0!)."""


class Expr:
    __slots__ = ()

    def render(self, here: SheetModel) -> str:
        raise NotImplementedError

    def evaluate(self) -> Value:
        raise NotImplementedError

    def __add__(self, other: Operand) -> Expr:
        return BinOp("+", self, lift(other))

    def __sub__(self, other: Operand) -> Expr:
        return BinOp("-", self, lift(other))

    def __mul__(self, other: Operand) -> Expr:
        return BinOp("*", self, lift(other))

    def __truediv__(self, other: Operand) -> Expr:
        return BinOp("/", self, lift(other))

    def __rsub__(self, other: Operand) -> Expr:
        return BinOp("-", lift(other), self)

    def __rmul__(self, other: Operand) -> Expr:
        return BinOp("*", lift(other), self)

    def ge(self, other: Operand) -> Expr:
        return BinOp(">=", self, lift(other))

    def eq(self, other: Operand) -> Expr:
        return BinOp("=", self, lift(other))


Operand = Expr | float | int | str


def lift(value: Operand) -> Expr:
    return value if isinstance(value, Expr) else Const(value)


@dataclass(frozen=True, eq=False, slots=True)
class Const(Expr):
    value: float | int | str

    def render(self, here: SheetModel) -> str:
        if isinstance(self.value, str):
            return '"' + self.value.replace('"', '""') + '"'
        return repr(self.value) if isinstance(self.value, float) else str(self.value)

    def evaluate(self) -> Value:
        return self.value


@dataclass(frozen=True, eq=False, slots=True)
class Ref(Expr):
    slot: Slot
    absolute: bool = False

    def render(self, here: SheetModel) -> str:
        return self.slot.address(here, self.absolute)

    def evaluate(self) -> Value:
        return self.slot.value()


@dataclass(frozen=True, eq=False, slots=True)
class Range(Expr):
    """A rectangle of cells on one sheet, e.g. C5:C20."""

    sheet: SheetModel
    first_row: int
    first_col: int
    last_row: int
    last_col: int
    absolute: bool = False

    def render(self, here: SheetModel) -> str:
        a = xl_rowcol_to_cell(self.first_row, self.first_col, self.absolute, self.absolute)
        b = xl_rowcol_to_cell(self.last_row, self.last_col, self.absolute, self.absolute)
        prefix = "" if here is self.sheet else f"{self.sheet.quoted_name}!"
        return f"{prefix}{a}:{b}"

    def evaluate(self) -> Value:
        raise TypeError("a range has no single value")

    def values(self, skip: Callable[[Any], bool] | None = None) -> list[Value]:
        """Every cell's value, row by row; with `skip`, not those whose content it accepts."""
        corners = (self.first_row, self.first_col, self.last_row, self.last_col)
        return list(self.sheet.values_in(*corners, skip=skip))


def _arith(op: str, a: Value, b: Value) -> Value:
    a, b = _number(a), _number(b)
    if op == "+":
        return a + b
    if op == "-":
        return a - b
    if op == "*":
        return a * b
    if b == 0:
        raise ZeroDivisionError("a formula divides by zero: guard it with IfNumber/Ratio")
    return a / b


def _compare(op: str, a: Value, b: Value) -> bool:
    if isinstance(a, str) and isinstance(b, str):
        a, b = a.casefold(), b.casefold()
    elif a is None:
        a = "" if isinstance(b, str) else 0
    elif b is None:
        b = "" if isinstance(a, str) else 0
    return {">=": a >= b, "=": a == b, "<>": a != b, ">": a > b, "<": a < b}[op]


def _number(value: Value) -> float:
    if value is None:
        return 0
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(f"arithmetic on a non-number: {value!r}")
    return value


@dataclass(frozen=True, eq=False, slots=True)
class BinOp(Expr):
    op: str
    left: Expr
    right: Expr

    def render(self, here: SheetModel) -> str:
        return f"({self.left.render(here)}{self.op}{self.right.render(here)})"

    def evaluate(self) -> Value:
        a, b = self.left.evaluate(), self.right.evaluate()
        if self.op in ("+", "-", "*", "/"):
            return _arith(self.op, a, b)
        return _compare(self.op, a, b)


@dataclass(frozen=True, eq=False, slots=True)
class Func(Expr):
    """An Excel function with the Python that computes what Excel would."""

    name: str
    args: tuple[Expr, ...]
    compute: Callable[..., Value]

    def render(self, here: SheetModel) -> str:
        return f"{self.name}({','.join([a.render(here) for a in self.args])})"

    def evaluate(self) -> Value:
        return self.compute(*self.args)


def _flat(args: Sequence[Expr]) -> list[Value]:
    values: list[Value] = []
    for arg in args:
        values.extend(arg.values() if isinstance(arg, Range) else [arg.evaluate()])
    return values


def _numbers(args: Sequence[Expr]) -> list[float]:
    """What SUM and AVERAGE count: numbers, not text or blanks."""
    return [v for v in _flat(args) if isinstance(v, int | float) and not isinstance(v, bool)]


# What each Excel function computes, as module-level functions: a workbook holds
# hundreds of thousands of formulas, and a closure per formula would cost memory.


def _sum(*args: Expr) -> float:
    return math.fsum(_numbers(args))


def _subtotal_sum(_nine: Expr, *ranges: Range) -> float:
    leaves = (v for r in ranges for v in r.values(skip=_is_subtotal))
    return math.fsum(v for v in leaves if isinstance(v, int | float))


def _count(*args: Expr) -> int:
    return len(_numbers(args))


def _counta(*args: Expr) -> int:
    return sum(1 for v in _flat(args) if v not in (None, ""))


def _countif(where: Range, wanted: Const) -> int:
    target = wanted.value
    return sum(1 for v in where.values() if isinstance(v, str) and _compare("=", v, target))


def _average(*args: Expr) -> float:
    numbers = _numbers(args)
    return math.fsum(numbers) / len(numbers)


def _round(x: Expr, digits: Const) -> float:
    return excel_round(_number(x.evaluate()), int(digits.value))


def _min(*args: Expr) -> float:
    return min(_numbers(args))


def _max(*args: Expr) -> float:
    return max(_numbers(args))


def _isnumber(x: Expr) -> bool:
    v = x.evaluate()
    return isinstance(v, int | float) and not isinstance(v, bool)


def _and(*conditions: Expr) -> bool:
    return all(bool(c.evaluate()) for c in conditions)


def _if(condition: Expr, then: Expr, otherwise: Expr) -> Value:
    """Only the branch taken is evaluated, as in Excel."""
    return then.evaluate() if condition.evaluate() else otherwise.evaluate()


def _rank(x: Expr, among: Range) -> int:
    value = _number(x.evaluate())
    return 1 + sum(1 for v in _numbers((among,)) if v > value)


def _array_number(value: Value) -> float:
    """Inside SUMPRODUCT's arrays, text and blanks count as zero."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return value
    return 0


def _sumproduct(x: Range, y: Range) -> float:
    pairs = zip(x.values(), y.values(), strict=True)
    return math.fsum(_array_number(p) * _array_number(q) for p, q in pairs)


def SUM(*args: Expr) -> Expr:
    return Func("SUM", args, _sum)


def SUBTOTAL_SUM(*ranges: Range) -> Expr:
    """SUBTOTAL(9, …): sums the range but skips other SUBTOTAL cells inside it, so
    program rows can sum everything below them without counting kegiatan twice."""
    return Func("SUBTOTAL", (Const(9), *ranges), _subtotal_sum)


def _is_subtotal(content: Any) -> bool:
    return isinstance(content, Func) and content.name == "SUBTOTAL"


def COUNT(*args: Expr) -> Expr:
    return Func("COUNT", args, _count)


def COUNTA(*args: Expr) -> Expr:
    return Func("COUNTA", args, _counta)


def COUNTIF(where: Range, wanted: str) -> Expr:
    return Func("COUNTIF", (where, Const(wanted)), _countif)


def AVERAGE(*args: Expr) -> Expr:
    return Func("AVERAGE", args, _average)


def ROUND(x: Expr, digits: int) -> Expr:
    return Func("ROUND", (x, Const(digits)), _round)


def MIN(*args: Expr) -> Expr:
    return Func("MIN", args, _min)


def MAX(*args: Expr) -> Expr:
    return Func("MAX", args, _max)


def ISNUMBER(x: Expr) -> Expr:
    return Func("ISNUMBER", (x,), _isnumber)


def AND(*conditions: Expr) -> Expr:
    return Func("AND", conditions, _and)


def IF(condition: Expr, then: Operand, otherwise: Operand) -> Expr:
    return Func("IF", (condition, lift(then), lift(otherwise)), _if)


def RANK(x: Expr, among: Range) -> Expr:
    """Rank from the highest; ties share a rank (1, 2, 2, 4) as Excel's RANK."""
    return Func("RANK", (x, among), _rank)


def SUMPRODUCT(a: Range, b: Range) -> Expr:
    return Func("SUMPRODUCT", (a, b), _sumproduct)


_DASH = Const(DASH)


@dataclass(frozen=True, eq=False, slots=True)
class WeightsPresent(Expr):
    """SUMPRODUCT(weights, --(values<>"")): the weights of the values that exist."""

    weights: Range
    values: Range

    def render(self, here: SheetModel) -> str:
        return f'SUMPRODUCT({self.weights.render(here)},--({self.values.render(here)}<>""))'

    def evaluate(self) -> Value:
        pairs = zip(self.weights.values(), self.values.values(), strict=True)
        return math.fsum(_array_number(w) for w, v in pairs if v not in (None, ""))


@dataclass(frozen=True, eq=False, slots=True)
class Ratio(Expr):
    """numerator / denominator, or "-" when either is not a number or the denominator
    is 0. One object, not the eight of IF(AND(ISNUMBER …)) built from functions: a
    budget has a ratio on each of its rows."""

    numerator: Expr
    denominator: Expr

    def render(self, here: SheetModel) -> str:
        n, d = self.numerator.render(here), self.denominator.render(here)
        return f'IF(AND(ISNUMBER({n}),ISNUMBER({d}),({d}<>0)),({n}/{d}),"-")'

    def evaluate(self) -> Value:
        n, d = self.numerator.evaluate(), self.denominator.evaluate()
        if _is_number(n) and _is_number(d) and d != 0:
            return n / d
        return DASH


def _is_number(value: Value) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def ratio(numerator: Expr, denominator: Expr) -> Expr:
    """numerator / denominator, or "-" when either is not a number or the denominator is 0."""
    return Ratio(numerator, denominator)


def if_number(x: Expr, then: Expr) -> Expr:
    return IF(ISNUMBER(x), then, _DASH)
