"""Rounding as Excel's ROUND does it: half away from zero on the decimal value."""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Context, Decimal


def excel_round(value: float, digits: int) -> float:
    """Round like Excel: 2.975 -> 2.98, where Python's round() gives 2.97.

    Excel keeps 15 significant digits, so the float is read at that precision
    before rounding half up.
    """
    if not math.isfinite(value):
        return value
    exact = Decimal(format(value, ".15g"))
    # Enough digits for the integer part too: 1e30 rounded to 2 decimals is still 1e30.
    precision = Context(prec=max(28, exact.adjusted() + digits + 2))
    places = Decimal(1).scaleb(-digits)
    return float(exact.quantize(places, rounding=ROUND_HALF_UP, context=precision))
