"""The index of an instrument, computed from the rows staff filled (pure functions).

SPBE (PermenPANRB 59/2020): index = Σ(bobot × nilai) / Σ bobot over the aspects
(xlkip.rules.spbe.weighted_index). Indeks Pemerintah Digital (PermenPANRB 8/2026):
aspect index = Σ(indicator weight × nilai) / aspect weight, index = Σ(aspect weight ×
aspect index), the weights being fractions of the index. Items without a nilai are left
out of both sums, as SPBE aspects are; with every nilai present and the weights summing
to 100% the two definitions give the same number. Computed in decimal, so that an
index of exactly 2.975 is shown 2,98.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any, Protocol

from xlkip.instrumen import Instrument
from xlkip.rules import spbe

Pair = tuple[float, float | None]
"""(weight, nilai) of one scored item."""


class Row(Protocol):
    def get(self, key: str, default: Any = None) -> Any: ...


def _decimal(value: float) -> Decimal:
    return Decimal(repr(value))


def _aspect(pairs: Iterable[Pair]) -> tuple[Decimal, Decimal] | None:
    """(aspect weight over items with a nilai, aspect index), exactly."""
    total = weight = Decimal(0)
    for bobot, nilai in pairs:
        if nilai is None:
            continue
        total += _decimal(bobot) * _decimal(nilai)
        weight += _decimal(bobot)
    return (weight, total / weight) if weight else None


def aspect_index(pairs: Iterable[Pair]) -> float | None:
    """Σ(indicator weight × nilai) / aspect weight, over the indicators with a nilai."""
    aspect = _aspect(pairs)
    return float(aspect[1]) if aspect else None


def pemdi_index(aspects: Iterable[Iterable[Pair]]) -> float | None:
    """Σ(aspect weight × aspect index), over the aspects with an index."""
    total = weight = Decimal(0)
    for pairs in aspects:
        aspect = _aspect(pairs)
        if aspect is None:
            continue
        total += aspect[0] * aspect[1]
        weight += aspect[0]
    return float(total / weight) if weight else None


def groups(instrument: Instrument, rows: Sequence[Row]) -> list[tuple[str, list[Row]]]:
    """Consecutive rows of the same group (SPBE domain, Pemdi aspect), in sheet order."""
    grouped: list[tuple[str, list[Row]]] = []
    for row in rows:
        name = row.get(instrument.kelompok, "")
        if grouped and grouped[-1][0] == name:
            grouped[-1][1].append(row)
        else:
            grouped.append((name, [row]))
    return grouped


def _pairs(rows: Iterable[Row], key: str) -> list[Pair]:
    return [(r.get("bobot", 0), r.get(key)) for r in rows]


def index_of(instrument: Instrument, rows: Sequence[Row], key: str = "nilai") -> float | None:
    """The index of the rows' `key` column ("nilai" or "nilai_lalu") by the instrument,
    by the rule the workbook's formula uses (xlkip.rules.spbe), so that validation and the
    workbook agree: Σ(bobot × nilai) / Σ bobot over the items with a nilai. For the Indeks
    Pemerintah Digital that is Σ(aspect weight × aspect index) (pemdi_index) whenever the
    weights sum to 100%, which validation requires."""
    del instrument  # one rule for both instruments; the grouping only shows per aspect
    return spbe.index_of(_pairs(rows, key))


def group_indices(
    instrument: Instrument, rows: Sequence[Row], key: str = "nilai"
) -> list[tuple[str, float, float | None]]:
    """(group name, group weight, group index) for each domain or aspect."""
    return [
        (
            name,
            float(sum(_decimal(r.get("bobot", 0)) for r in group)),
            aspect_index(_pairs(group, key)),
        )
        for name, group in groups(instrument, rows)
    ]
