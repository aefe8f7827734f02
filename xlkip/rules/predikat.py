"""Predikat of capaian by the rating scale of Tabel 3.1, read as lower bounds."""

from __future__ import annotations

from dataclasses import dataclass

from xlkip.rules.rounding import excel_round

KINERJA_LABELS = ("Sangat Tinggi", "Tinggi", "Sedang", "Rendah", "Sangat Rendah")
KINERJA_DEFAULT_BOUNDS = (0.91, 0.76, 0.66, 0.51)


@dataclass(frozen=True)
class Scale:
    """Labels from best to worst; bounds[i] is the lowest value of labels[i].

    The last label has no bound: it takes everything below the others.
    """

    bounds: tuple[float, ...]
    labels: tuple[str, ...]
    digits: int
    """Values are classified as shown: rounded to this many decimals."""

    def classify(self, value: float | None) -> str | None:
        if value is None:
            return None
        shown = excel_round(value, self.digits)
        for bound, label in zip(self.bounds, self.labels, strict=False):
            if shown >= bound:
                return label
        return self.labels[-1]


def kinerja_scale(bounds: tuple[float, ...] = KINERJA_DEFAULT_BOUNDS) -> Scale:
    """Capaian is a fraction shown as a percentage with two decimals (91,00%)."""
    return Scale(bounds, KINERJA_LABELS, digits=4)
