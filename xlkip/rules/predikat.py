"""Predikat by a printed scale read as lower bounds, on the value as it is shown."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from xlkip.rules.values import literal, value_of
from xlkip.sheet.expr import IF, ROUND, Expr, if_number

KINERJA_LABELS = ("Sangat Tinggi", "Tinggi", "Sedang", "Rendah", "Sangat Rendah")
KINERJA_DEFAULT_BOUNDS = (0.91, 0.76, 0.66, 0.51)


def predikat(x: Expr, bounds: Sequence[Expr], labels: Sequence[Expr], digits: int) -> Expr:
    """Nested IF down the scale (best first); bounds[i] is the lowest value of labels[i],
    the last label takes everything below. Classified on ROUND(x, digits), so what a
    reader sees and the label agree (90,995% shows as 91,00% and is Sangat Tinggi)."""
    shown = ROUND(x, digits)
    expr: Expr = labels[-1]
    for bound, label in zip(reversed(bounds), reversed(labels[:-1]), strict=True):
        expr = IF(shown.ge(bound), label, expr)
    return if_number(x, expr)


@dataclass(frozen=True)
class Scale:
    """Labels from best to worst; bounds[i] is the lowest value of labels[i]."""

    bounds: tuple[float, ...]
    labels: tuple[str, ...]
    digits: int
    """Values are classified as shown: rounded to this many decimals."""

    def classify(self, value: float | None) -> str | None:
        if value is None:
            return None
        return value_of(
            predikat(
                literal(value),
                [literal(b) for b in self.bounds],
                [literal(label) for label in self.labels],
                self.digits,
            )
        )


def kinerja_scale(bounds: tuple[float, ...] = KINERJA_DEFAULT_BOUNDS) -> Scale:
    """Capaian is a fraction shown as a percentage with two decimals (91,00%)."""
    return Scale(bounds, KINERJA_LABELS, digits=4)
