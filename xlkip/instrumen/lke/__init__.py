"""The LKE criteria of the component Pelaporan Kinerja (PermenPANRB 88/2021), one JSON
file per regulation edition, chosen by the report's year like the instruments.

Data only: which check evaluates a criterion is named here (`periksa`) and run by
xlkip/lke/; the narrative prose each criterion rests on (`narasi`: sections of sheet
Narasi and columns of Narasi Sasaran) is read by the narasi findings, so both name a
criterion from one source.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path
from typing import Any

from xlkip.instrumen import applies, in_force, load_folder


@dataclass(frozen=True)
class Kriteria:
    id: str
    subkomponen: str
    kata: str
    """The criterion's words, as the LKE words them."""
    sumber: str
    periksa: str | None
    """The check that evaluates it (a key of lke.checks.CHECKS); None: not visible in
    the inputs."""
    alasan: str = ""
    """Why it cannot be checked (with periksa None)."""
    narasi: tuple[str, ...] = ()
    """The narasi.xlsx sections (Bagian) and Narasi Sasaran columns it rests on."""


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
        return applies(self, tahun)

    def resting_on(self, part: str) -> Kriteria | None:
        """The criterion a narasi section or Narasi Sasaran column serves."""
        return next((k for k in self.kriteria if part in k.narasi), None)

    def naming(self, kriteria: Kriteria) -> str:
        """How a message names a criterion: its number, edition and words."""
        return f'kriteria LKE {kriteria.id} ({self.komponen}): "{kriteria.kata.rstrip(".")}"'


def edisi_of(data: dict[str, Any]) -> Edisi:
    kriteria = tuple(
        Kriteria(
            id=k["id"],
            subkomponen=k["subkomponen"],
            kata=k["kata"],
            sumber=k["sumber"],
            periksa=k.get("periksa"),
            alasan=k.get("alasan", ""),
            narasi=tuple(k.get("narasi", ())),
        )
        for k in data["kriteria"]
    )
    for k in kriteria:
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
    return load_folder(folder or resources.files(__package__), edisi_of)


def edition_for(tahun: int, shipped: tuple[Edisi, ...] | None = None) -> Edisi:
    """The edition that evaluates the report of `tahun` (the nearest one outside all)."""
    return in_force(tahun, shipped or editions())
