"""Budget realisation: ratios of sums at every level, sisa, and efisiensi."""

from __future__ import annotations

from collections.abc import Callable

from xlkip.sheet.expr import AND, DASH, IF, ISNUMBER, BinOp, Const, Expr, ratio


def persen_realisasi(anggaran: Expr, realisasi: Expr) -> Expr:
    """Σ realisasi / Σ anggaran of the cells given (never a mean of percentages); "-"
    when the anggaran is 0."""
    return ratio(realisasi, anggaran)


def sisa(anggaran: Expr, realisasi: Expr) -> Expr:
    return anggaran - realisasi


def efisiensi_rasio(persen: Expr, capaian: Expr) -> Expr:
    """Seed 3.2.6: 1 − (% realisasi anggaran / % capaian rata-rata)."""
    usable = AND(ISNUMBER(persen), ISNUMBER(capaian), BinOp("<>", capaian, Const(0)))
    return IF(usable, Const(1) - persen / capaian, DASH)


def efisiensi_selisih(persen: Expr, capaian: Expr) -> Expr:
    """Capaian kinerja − realisasi anggaran, the other form pemda use."""
    return IF(AND(ISNUMBER(persen), ISNUMBER(capaian)), capaian - persen, DASH)


RUMUS_EFISIENSI: dict[str, Callable[[Expr, Expr], Expr]] = {
    "1 − (realisasi anggaran ÷ capaian kinerja)": efisiensi_rasio,
    "capaian kinerja − realisasi anggaran": efisiensi_selisih,
}
"""Every option the Pengaturan dropdown offers, with the rule it names."""
DEFAULT_RUMUS_EFISIENSI = next(iter(RUMUS_EFISIENSI))


def efisiensi(rumus: str, persen: Expr, capaian: Expr) -> Expr:
    return RUMUS_EFISIENSI[rumus](persen, capaian)
