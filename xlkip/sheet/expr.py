"""Cell expressions: one object renders the Excel formula and computes its value.

Every derived cell of the output is an `Expr`. Excel in Protected View, Outlook and
phone previews show the value stored with a formula, so the value is computed here
from the same object that writes the formula: the two cannot drift.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
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


@dataclass(frozen=True, eq=False)
class Const(Expr):
    value: float | int | str

    def render(self, here: SheetModel) -> str:
        if isinstance(self.value, str):
            return '"' + self.value.replace('"', '""') + '"'
        return repr(self.value) if isinstance(self.value, float) else str(self.value)

    def evaluate(self) -> Value:
        return self.value


@dataclass(frozen=True, eq=False)
class Ref(Expr):
    slot: Slot
    absolute: bool = False

    def render(self, here: SheetModel) -> str:
        return self.slot.address(here, self.absolute)

    def evaluate(self) -> Value:
        return self.slot.value()


@dataclass(frozen=True, eq=False)
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

    def slots(self) -> Iterable[Slot]:
        return self.sheet.slots_in(self.first_row, self.first_col, self.last_row, self.last_col)

    def evaluate(self) -> Value:
        raise TypeError("a range has no single value")

    def values(self) -> list[Value]:
        return [slot.value() for slot in self.slots()]


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


@dataclass(frozen=True, eq=False)
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


@dataclass(frozen=True, eq=False)
class Func(Expr):
    """An Excel function with the Python that computes what Excel would."""

    name: str
    args: tuple[Expr, ...]
    compute: Callable[..., Value]

    def render(self, here: SheetModel) -> str:
        return f"{self.name}({','.join(a.render(here) for a in self.args)})"

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


def SUM(*args: Expr) -> Expr:
    return Func("SUM", args, lambda *a: math.fsum(_numbers(a)))


def SUBTOTAL_SUM(*ranges: Range) -> Expr:
    """SUBTOTAL(9, …): sums the range but skips other SUBTOTAL cells inside it, so
    program rows can sum everything below them without counting kegiatan twice."""

    def compute(*rs: Range) -> float:
        leaves = (s.value() for r in rs for s in r.slots() if not _is_subtotal(s.content))
        return math.fsum(v for v in leaves if isinstance(v, int | float))

    return Func("SUBTOTAL", (Const(9), *ranges), lambda _nine, *rs: compute(*rs))


def _is_subtotal(content: Any) -> bool:
    return isinstance(content, Func) and content.name == "SUBTOTAL"


def COUNT(*args: Expr) -> Expr:
    return Func("COUNT", args, lambda *a: len(_numbers(a)))


def COUNTA(*args: Expr) -> Expr:
    return Func("COUNTA", args, lambda *a: sum(1 for v in _flat(a) if v not in (None, "")))


def COUNTIF(where: Range, wanted: str) -> Expr:
    def compute(rng: Range, _crit: Expr) -> int:
        return sum(1 for v in rng.values() if isinstance(v, str) and _compare("=", v, wanted))

    return Func("COUNTIF", (where, Const(wanted)), compute)


def AVERAGE(*args: Expr) -> Expr:
    def compute(*a: Expr) -> float:
        numbers = _numbers(a)
        return math.fsum(numbers) / len(numbers)

    return Func("AVERAGE", args, compute)


def ROUND(x: Expr, digits: int) -> Expr:
    def compute(a: Expr, _digits: Expr) -> float:
        return excel_round(_number(a.evaluate()), digits)

    return Func("ROUND", (x, Const(digits)), compute)


def MIN(*args: Expr) -> Expr:
    return Func("MIN", args, lambda *a: min(_numbers(a)))


def ISNUMBER(x: Expr) -> Expr:
    def compute(a: Expr) -> bool:
        v = a.evaluate()
        return isinstance(v, int | float) and not isinstance(v, bool)

    return Func("ISNUMBER", (x,), compute)


def AND(*conditions: Expr) -> Expr:
    return Func("AND", conditions, lambda *c: all(bool(x.evaluate()) for x in c))


def IF(condition: Expr, then: Operand, otherwise: Operand) -> Expr:
    """Only the branch taken is evaluated, as in Excel."""
    then_, else_ = lift(then), lift(otherwise)

    def compute(c: Expr, t: Expr, e: Expr) -> Value:
        return t.evaluate() if c.evaluate() else e.evaluate()

    return Func("IF", (condition, then_, else_), compute)


def RANK(x: Expr, among: Range) -> Expr:
    """Rank from the highest; ties share a rank (1, 2, 2, 4) as Excel's RANK."""

    def compute(a: Expr, rng: Range) -> int:
        value = _number(a.evaluate())
        return 1 + sum(1 for v in _numbers((rng,)) if v > value)

    return Func("RANK", (x, among), compute)


def _array_number(value: Value) -> float:
    """Inside SUMPRODUCT's arrays, text and blanks count as zero."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return value
    return 0


def SUMPRODUCT(a: Range, b: Range) -> Expr:
    def compute(x: Range, y: Range) -> float:
        pairs = zip(x.values(), y.values(), strict=True)
        return math.fsum(_array_number(p) * _array_number(q) for p, q in pairs)

    return Func("SUMPRODUCT", (a, b), compute)


@dataclass(frozen=True, eq=False)
class WeightsPresent(Expr):
    """SUMPRODUCT(weights, --(values<>"")): the weights of the values that exist."""

    weights: Range
    values: Range

    def render(self, here: SheetModel) -> str:
        return f'SUMPRODUCT({self.weights.render(here)},--({self.values.render(here)}<>""))'

    def evaluate(self) -> Value:
        pairs = zip(self.weights.values(), self.values.values(), strict=True)
        return math.fsum(_array_number(w) for w, v in pairs if v not in (None, ""))


def ratio(numerator: Expr, denominator: Expr) -> Expr:
    """numerator / denominator, or "-" when either is not a number or the denominator is 0."""
    usable = AND(ISNUMBER(numerator), ISNUMBER(denominator), BinOp("<>", denominator, Const(0)))
    return IF(usable, numerator / denominator, DASH)


def if_number(x: Expr, then: Expr) -> Expr:
    return IF(ISNUMBER(x), then, DASH)
