"""Capaian (achievement) of an indicator against its target."""

from __future__ import annotations

from collections.abc import Iterable

NAIK = "Naik"
TURUN = "Turun"
ARAH = (NAIK, TURUN)


def capaian(target: float | None, realisasi: float | None, arah: str, cap: float | None = None):
    """Naik: realisasi / target. Turun: (2·target − realisasi) / target.

    None when there is no target (0 or missing) or no realisasi: the report
    shows "-" rather than #DIV/0!.
    """
    if not target or realisasi is None:
        return None
    value = (2 * target - realisasi) / target if arah == TURUN else realisasi / target
    return min(value, cap) if cap is not None else value


def mean(values: Iterable[float | None]) -> float | None:
    """Mean of the values that exist; None when none do."""
    present = [v for v in values if v is not None]
    return sum(present) / len(present) if present else None
