"""Public complaints: what is not yet followed up, and the follow-up ratio."""

from __future__ import annotations

from xlkip.sheet.expr import AND, DASH, IF, ISNUMBER, Expr, ratio


def belum(jumlah: Expr, sudah: Expr) -> Expr:
    return IF(AND(ISNUMBER(jumlah), ISNUMBER(sudah)), jumlah - sudah, DASH)


def rasio(jumlah: Expr, sudah: Expr) -> Expr:
    """Σ sudah / Σ jumlah; "-" without complaints."""
    return ratio(sudah, jumlah)
