"""An indicator's realisasi against the national standard typed for it."""

from __future__ import annotations

from xlkip.sheet.expr import AND, DASH, IF, ISNUMBER, Expr


def selisih_standar(realisasi: Expr, standar: Expr) -> Expr:
    """Realisasi − standar nasional; "-" when either is missing. Whether above is better
    depends on the indicator's arah (Turun: lower is better), said in words."""
    return IF(AND(ISNUMBER(realisasi), ISNUMBER(standar)), realisasi - standar, DASH)
