"""SPBE index (PermenPANRB 59/2020): weighted means of aspect values, bands, and rank."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from xlkip.rules.predikat import Scale
from xlkip.rules.values import columns, value_of
from xlkip.sheet.expr import (
    COUNT,
    DASH,
    IF,
    RANK,
    SUMPRODUCT,
    BinOp,
    Const,
    Expr,
    Range,
    WeightsPresent,
)

SPBE_LABELS = ("Memuaskan", "Sangat Baik", "Baik", "Cukup", "Kurang")
SPBE_DEFAULT_BOUNDS = (4.2, 3.5, 2.6, 1.8)


def spbe_scale(bounds: tuple[float, ...] = SPBE_DEFAULT_BOUNDS) -> Scale:
    return Scale(bounds, SPBE_LABELS, digits=2)


def weighted_index(parts: Sequence[tuple[Range, Range]]) -> Expr:
    """Σ(bobot × nilai) / Σ bobot over the aspects that have a nilai, across one or more
    (bobot, nilai) blocks (a domain, or every domain for the index); "-" when no aspect
    has a nilai."""
    numerator: Expr = SUMPRODUCT(*parts[0])
    denominator: Expr = WeightsPresent(*parts[0])
    for bobot, nilai in parts[1:]:
        numerator = numerator + SUMPRODUCT(bobot, nilai)
        denominator = denominator + WeightsPresent(bobot, nilai)
    none = BinOp("=", COUNT(*(nilai for _, nilai in parts)), Const(0))
    return IF(none, DASH, numerator / denominator)


def index_of(pairs: Iterable[tuple[float, float | None]]) -> float | None:
    """The index of (bobot, nilai) pairs, by the same rule as the workbook's formula."""
    rows = list(pairs)
    if not rows:
        return None
    weights, values = columns([b for b, _ in rows], [n for _, n in rows])
    return value_of(weighted_index([(weights, values)]))


def competition_rank(x: Expr, among: Range) -> Expr:
    """Rank from the highest; equal values share a rank (1, 2, 2, 4); "-" without a value."""
    return IF(BinOp("=", COUNT(x), Const(0)), DASH, RANK(x, among))
