"""Capaian (achievement) of an indicator against its target, and means of capaian."""

from __future__ import annotations

from xlkip.sheet.expr import AND, AVERAGE, COUNT, DASH, IF, ISNUMBER, MIN, BinOp, Const, Expr, Range

NAIK = "Naik"
TURUN = "Turun"
ARAH = (NAIK, TURUN)


def capaian(target: Expr, realisasi: Expr, arah: str, cap: Expr | None = None) -> Expr:
    """Naik: realisasi / target. Turun: (2·target − realisasi) / target (DESIGN §4, no
    floor: a realisasi beyond twice the target gives a negative capaian, as the formula
    the reports use does).

    "-" when there is no target (0 or missing) or no realisasi, never #DIV/0!; with a cap
    (Pengaturan), never above it.
    """
    if arah == TURUN:
        core: Expr = (Const(2) * target - realisasi) / target
    else:
        core = realisasi / target
    if cap is not None:
        core = MIN(core, cap)
    usable = AND(ISNUMBER(target), ISNUMBER(realisasi), BinOp("<>", target, Const(0)))
    return IF(usable, core, DASH)


def mean(cells: Range) -> Expr:
    """The mean of the capaian that exist; "-" when none do (capaian sasaran, rata-rata)."""
    return IF(BinOp("=", COUNT(cells), Const(0)), DASH, AVERAGE(cells))
