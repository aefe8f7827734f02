"""A criterion's status: terpenuhi / sebagian / belum / tidak dapat diperiksa, with why
and where to act."""

from __future__ import annotations

from dataclasses import dataclass

TERPENUHI = "terpenuhi"
SEBAGIAN = "sebagian"
BELUM = "belum"
TIDAK_DAPAT = "tidak dapat diperiksa"
STATUSES = (TERPENUHI, SEBAGIAN, BELUM, TIDAK_DAPAT)


@dataclass(frozen=True)
class Status:
    status: str
    why: str
    """Indonesian: what the inputs show, and what to do."""
    where: str
    """Where to act: file, sheet and cell, or the document's section."""

    def __post_init__(self) -> None:
        assert self.status in STATUSES, self.status
