"""Rounding as Excel's ROUND does it: half away from zero on the decimal value."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal


def excel_round(value: float, digits: int) -> float:
    """Round like Excel: 2.975 -> 2.98, where Python's round() gives 2.97.

    Excel keeps 15 significant digits, so the float is read at that precision
    before rounding half up.
    """
    exact = Decimal(format(value, ".15g"))
    return float(exact.quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP))
