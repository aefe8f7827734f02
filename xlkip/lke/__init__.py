"""Pra-evaluasi LKE: the criteria of the Lembar Kerja Evaluasi for the component
Pelaporan Kinerja (PermenPANRB 88/2021), held against an office's inputs before it
submits (DESIGN §10).

The criteria are data, one JSON file per regulation edition (instrumen/lke/),
chosen by the report's year like the instruments (`edition_for(tahun)`). Each
criterion names the check that evaluates it (`periksa`, a key of `checks.CHECKS`) or
says why the inputs cannot show it (`alasan`). A new edition is a new file, not code.
No score is computed: the regulation's scoring is the evaluator's; xlkip counts the
criteria met.

May import: findings, inputs, instrumen/, perencanaan, read/, schema/, sheet/, tables/,
tanggal, text, validate/.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib.abc import Traversable
from pathlib import Path
from typing import Any

from xlkip.findings import Report
from xlkip.inputs import Inputs
from xlkip.instrumen.lke import Edisi, Kriteria
from xlkip.instrumen.lke import edisi_of as _edisi_of
from xlkip.instrumen.lke import edition_for as _edition_for
from xlkip.instrumen.lke import editions as _editions
from xlkip.lke.checks import CHECKS, Bahan
from xlkip.lke.status import STATUSES, TERPENUHI, TIDAK_DAPAT, Status


def _known_checks(edisi: Edisi) -> Edisi:
    """A criterion naming a check xlkip does not have fails on loading, not when run."""
    for k in edisi.kriteria:
        if k.periksa is not None and k.periksa not in CHECKS:
            raise ValueError(f"{edisi.kode} {k.id}: unknown check {k.periksa!r}")
    return edisi


def edisi_of(data: dict[str, Any]) -> Edisi:
    """An edition from its JSON, its checks known."""
    return _known_checks(_edisi_of(data))


def editions(folder: Traversable | Path | None = None) -> tuple[Edisi, ...]:
    """Every edition in `folder` (by default those shipped with xlkip), oldest first."""
    return tuple(_known_checks(edisi) for edisi in _editions(folder))


def edition_for(tahun: int, shipped: tuple[Edisi, ...] | None = None) -> Edisi:
    """The edition that evaluates the report of `tahun`."""
    return _edition_for(tahun, shipped or editions())


@dataclass(frozen=True)
class Hasil:
    kriteria: Kriteria
    status: Status

    def to_dict(self) -> dict[str, str]:
        return {
            "id": self.kriteria.id,
            "kriteria": self.kriteria.kata,
            "sumber": self.kriteria.sumber,
            "status": self.status.status,
            "alasan": self.status.why,
            "tempat": self.status.where,
        }


@dataclass(frozen=True)
class Evaluasi:
    edisi: Edisi
    hasil: tuple[Hasil, ...]

    @property
    def terpenuhi(self) -> int:
        return sum(1 for h in self.hasil if h.status.status == TERPENUHI)

    @property
    def diperiksa(self) -> int:
        """The criteria the inputs can show (not "tidak dapat diperiksa")."""
        return sum(1 for h in self.hasil if h.status.status != TIDAK_DAPAT)

    def count(self) -> dict[str, int]:
        return {s: sum(1 for h in self.hasil if h.status.status == s) for s in STATUSES}

    @property
    def ringkas(self) -> str:
        """ "9 dari 13 kriteria yang dapat diperiksa terpenuhi" (a count, never a score)."""
        return f"{self.terpenuhi} dari {self.diperiksa} kriteria yang dapat diperiksa terpenuhi"

    def to_dict(self) -> dict[str, Any]:
        return {
            "edisi": self.edisi.kode,
            "dasar_hukum": self.edisi.dasar_hukum,
            "komponen": self.edisi.komponen,
            "terpenuhi": self.terpenuhi,
            "diperiksa": self.diperiksa,
            "kriteria": [h.to_dict() for h in self.hasil],
        }


def evaluate(inputs: Inputs, report: Report, edisi: Edisi | None = None) -> Evaluasi:
    """Each criterion of the year's edition held against the inputs and the findings."""
    edisi = edisi or edition_for(inputs.tahun)
    bahan = Bahan(inputs, report)
    hasil = tuple(
        Hasil(
            k,
            CHECKS[k.periksa](bahan)
            if k.periksa is not None
            else Status(TIDAK_DAPAT, k.alasan, "di luar isian xlkip"),
        )
        for k in edisi.kriteria
    )
    return Evaluasi(edisi, hasil)


__all__ = ["Edisi", "Evaluasi", "Hasil", "Kriteria", "Status", "edition_for", "evaluate"]
