"""SPBE index (PermenPANRB 59/2020): weighted mean of aspect values."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal

from xlkip.rules.predikat import Scale

SPBE_LABELS = ("Memuaskan", "Sangat Baik", "Baik", "Cukup", "Kurang")
SPBE_DEFAULT_BOUNDS = (4.2, 3.5, 2.6, 1.8)


def spbe_scale(bounds: tuple[float, ...] = SPBE_DEFAULT_BOUNDS) -> Scale:
    return Scale(bounds, SPBE_LABELS, digits=2)


def weighted_index(pairs: Iterable[tuple[float, float | None]]) -> float | None:
    """Σ(bobot × nilai) / Σ bobot over aspects that have a nilai.

    Computed in decimal so that 297.5 / 100 is exactly 2.975 (shown as 2,98).
    """
    total = weight = Decimal(0)
    for bobot, nilai in pairs:
        if nilai is None:
            continue
        b = Decimal(repr(bobot))
        total += b * Decimal(repr(nilai))
        weight += b
    return float(total / weight) if weight else None


def competition_rank(values: Sequence[float | None]) -> list[int | None]:
    """Rank, highest first; equal values share a rank (1, 2, 2, 4)."""
    present = [v for v in values if v is not None]
    return [None if v is None else 1 + sum(1 for o in present if o > v) for v in values]
