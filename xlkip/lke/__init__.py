"""Pra-evaluasi LKE: the criteria of the Lembar Kerja Evaluasi for the component
Pelaporan Kinerja (PermenPANRB 88/2021), held against an office's inputs before it
submits (DESIGN §10).

The criteria are data, one JSON file per regulation edition (`pelaporan_2021.json`),
chosen by the report's year like the instruments (`edition_for(tahun)`). Each
criterion names the check that evaluates it (`periksa`, a key of `checks.CHECKS`) or
says why the inputs cannot show it (`alasan`). A new edition is a new file, not code.
No score is computed: the regulation's scoring is the evaluator's; xlkip counts the
criteria met.

May import: findings, inputs, perencanaan, read/, schema/, sheet/, tables/, text,
validate/.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path
from typing import Any

from xlkip.findings import Report
from xlkip.inputs import Inputs
from xlkip.lke.checks import CHECKS, Bahan
from xlkip.lke.status import STATUSES, TERPENUHI, TIDAK_DAPAT, Status


@dataclass(frozen=True)
class Kriteria:
    id: str
    subkomponen: str
    kata: str
    """The criterion's words, as the LKE words them."""
    sumber: str
    periksa: str | None
    """The check that evaluates it (a key of CHECKS); None: not visible in the inputs."""
    alasan: str = ""
    """Why it cannot be checked (with periksa None)."""


@dataclass(frozen=True)
class Edisi:
    kode: str
    nama: str
    dasar_hukum: str
    komponen: str
    sumber: tuple[str, ...]
    tahun_dari: int | None
    tahun_sampai: int | None
    kriteria: tuple[Kriteria, ...]

    def applies_to(self, tahun: int) -> bool:
        after = self.tahun_dari is None or tahun >= self.tahun_dari
        before = self.tahun_sampai is None or tahun <= self.tahun_sampai
        return after and before


def edisi_of(data: dict[str, Any]) -> Edisi:
    """An edition from its JSON; a criterion naming an unknown check fails here."""
    kriteria = tuple(
        Kriteria(
            id=k["id"],
            subkomponen=k["subkomponen"],
            kata=k["kata"],
            sumber=k["sumber"],
            periksa=k.get("periksa"),
            alasan=k.get("alasan", ""),
        )
        for k in data["kriteria"]
    )
    for k in kriteria:
        if k.periksa is not None and k.periksa not in CHECKS:
            raise ValueError(f"{data['kode']} {k.id}: unknown check {k.periksa!r}")
        if k.periksa is None and not k.alasan:
            raise ValueError(f"{data['kode']} {k.id}: a criterion not checked says why")
    return Edisi(
        kode=data["kode"],
        nama=data["nama"],
        dasar_hukum=data["dasar_hukum"],
        komponen=data["komponen"],
        sumber=tuple(data["sumber"]),
        tahun_dari=data.get("tahun_dari"),
        tahun_sampai=data.get("tahun_sampai"),
        kriteria=kriteria,
    )


@cache
def editions(folder: Traversable | Path | None = None) -> tuple[Edisi, ...]:
    """Every edition in `folder` (by default those shipped with xlkip), oldest first."""
    source = folder or resources.files(__package__)
    files = [f for f in source.iterdir() if f.name.endswith(".json")]
    loaded = [edisi_of(json.loads(f.read_text(encoding="utf-8"))) for f in files]
    return tuple(sorted(loaded, key=lambda e: e.tahun_dari or 0))


def edition_for(tahun: int, shipped: tuple[Edisi, ...] | None = None) -> Edisi:
    """The edition that evaluates the report of `tahun` (the nearest one outside all)."""
    shipped = shipped or editions()
    for edisi in reversed(shipped):
        if edisi.applies_to(tahun):
            return edisi
    earliest = shipped[0]
    return earliest if tahun < (earliest.tahun_dari or 0) else shipped[-1]


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
