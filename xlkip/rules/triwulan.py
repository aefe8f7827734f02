"""The figure of an indicator up to a quarter, as its Cara Hitung defines quarterly figures.

Kumulatif: each quarter's figure is the state at its end, so the figure to date (and the
year's, at TW IV) is the last quarter's. Per triwulan: each quarter counts only itself,
so the figure to date is their sum. Rata-rata triwulan: the mean of the quarters typed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from xlkip.rules.capaian import TURUN
from xlkip.rules.values import literal, value_of
from xlkip.sheet.expr import AVERAGE, COUNT, DASH, IF, SUM, BinOp, Const, Expr, if_number

KUMULATIF = "Kumulatif"
PER_TRIWULAN = "Per triwulan"
RATA_RATA = "Rata-rata triwulan"
CARA_HITUNG = (KUMULATIF, PER_TRIWULAN, RATA_RATA)
TRIWULAN = (1, 2, 3, 4)


def _last(quarters: Sequence[Expr]) -> Expr:
    return if_number(quarters[-1], quarters[-1])


def _sum(quarters: Sequence[Expr]) -> Expr:
    return IF(BinOp("=", COUNT(*quarters), Const(0)), DASH, SUM(*quarters))


def _mean(quarters: Sequence[Expr]) -> Expr:
    return IF(BinOp("=", COUNT(*quarters), Const(0)), DASH, AVERAGE(*quarters))


SAMPAI_DENGAN: dict[str, Callable[[Sequence[Expr]], Expr]] = {
    KUMULATIF: _last,
    PER_TRIWULAN: _sum,
    RATA_RATA: _mean,
}


def sampai_dengan(cara: str, quarters: Sequence[Expr]) -> Expr:
    """The figure up to the last of `quarters` (TW I … TW n); "-" when there is none."""
    return SAMPAI_DENGAN[cara](quarters)


def figure_to_date(cara: str, values: Sequence[float | None]) -> float | None:
    """The same rule on plain values (checks and sentences)."""
    return value_of(sampai_dengan(cara, [literal(v) for v in values]))


def partial_turun_sum(arah: object, cara: object, triwulan: int) -> bool:
    """A Turun indicator summed per quarter, before TW IV: its sum to date is always below
    the year's figure, so (2 × target − sum) / target against a yearly target reads as
    over-achievement (140% at TW II with every quarter on plan). Such a capaian is not
    computed ("-") until the year is complete; against the target to date it is sound."""
    return arah == TURUN and cara == PER_TRIWULAN and triwulan < TRIWULAN[-1]
