"""Evaluation instruments of digital government, as data files (one per instrument).

`spbe_2020.json` (Indeks SPBE, PermenPANRB 59/2020) applies to reports up to tahun 2025,
`pemdi_2026.json` (Indeks Pemerintah Digital, PermenPANRB 8/2026) from tahun 2026. Each
file holds its legal basis, sources, structure (groups of scored items with their
weights as % of the index) and bands. The files only prefill the templates: staff
correct the structure in the template's Nilai Aspek sheet and the bands in Pengaturan,
so a wrong figure here never needs a new release.

May import: rules/.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path
from typing import Any, Protocol, TypeVar


class Dated(Protocol):
    """Data in force for the reports of tahun_dari … tahun_sampai (None: open)."""

    @property
    def tahun_dari(self) -> int | None: ...

    @property
    def tahun_sampai(self) -> int | None: ...


D = TypeVar("D", bound=Dated)


def applies(item: Dated, tahun: int) -> bool:
    after = item.tahun_dari is None or tahun >= item.tahun_dari
    before = item.tahun_sampai is None or tahun <= item.tahun_sampai
    return after and before


def in_force(tahun: int, shipped: Sequence[D]) -> D:
    """The one of `shipped` (oldest first) for the report of `tahun`: the latest that
    applies, else the nearest (the first before all, the last after all or in a gap)."""
    for item in reversed(shipped):
        if applies(item, tahun):
            return item
    earliest = shipped[0]
    return earliest if tahun < (earliest.tahun_dari or 0) else shipped[-1]


def load_folder(folder: Traversable | Path, parse: Callable[[dict[str, Any]], D]) -> tuple[D, ...]:
    """Every JSON file of `folder`, parsed, oldest first."""
    files = sorted((f for f in folder.iterdir() if f.name.endswith(".json")), key=lambda f: f.name)
    loaded = [parse(json.loads(f.read_text(encoding="utf-8"))) for f in files]
    return tuple(sorted(loaded, key=lambda item: item.tahun_dari or 0))


@dataclass(frozen=True)
class Unsur:
    """A scored item: an SPBE aspect, or a Pemdi indicator."""

    nama: str
    bobot: float
    """Percent of the whole index, e.g. 13 or 4.5."""


@dataclass(frozen=True)
class Kelompok:
    """A group of scored items: an SPBE domain, or a Pemdi aspect."""

    nama: str
    unsur: tuple[Unsur, ...]

    @property
    def bobot(self) -> float:
        return sum(u.bobot for u in self.unsur)


@dataclass(frozen=True)
class Band:
    kode: str
    """Stable key of the band ("sangat_baik"); the Pengaturan field is spbe_<kode>."""
    nama: str
    batas: float | None
    """Lowest index of the band; None for the lowest band."""


@dataclass(frozen=True)
class Instrument:
    kode: str
    nama: str
    nama_evaluasi: str
    dasar_hukum: str
    sumber: tuple[str, ...]
    skala: str
    """What the bands are called: "Predikat" or "Tingkat Kematangan"."""
    tahun_dari: int | None
    tahun_sampai: int | None
    kelompok: str
    """Template column holding the group name: "domain" (SPBE) or "aspek" (Pemdi)."""
    unsur: str
    """Template column holding the scored item: "aspek" (SPBE) or "indikator" (Pemdi)."""
    struktur: tuple[Kelompok, ...]
    predikat: tuple[Band, ...]
    judul: dict[str, str] = field(default_factory=dict)
    """Words for the tables' titles: penilaian ("Pemerintah Digital"), evaluasi, unsur_penilaian
    ("Aspek dan Indikator"), peraturan (the short citation under the tables)."""
    desimal_batas: int = 2
    """Decimals the regulation prints its bounds with (4,2 or 4,00)."""
    nama_lama: tuple[str, ...] = ()
    """Words of the instrument this one replaces, in an IKU name: a finding suggests nama."""
    pasal_nama: str = ""

    def applies_to(self, tahun: int) -> bool:
        return applies(self, tahun)

    @property
    def labels(self) -> tuple[str, ...]:
        return tuple(b.nama for b in self.predikat)

    @property
    def bounds(self) -> tuple[float, ...]:
        return tuple(b.batas for b in self.predikat if b.batas is not None)

    @property
    def label_kelompok(self) -> str:
        return self.kelompok.capitalize()

    @property
    def label_unsur(self) -> str:
        return self.unsur.capitalize()

    def rows(self) -> list[dict[str, Any]]:
        """The template's Nilai Aspek rows: group, item and weight (a fraction)."""
        rows = []
        for kelompok in self.struktur:
            for unsur in kelompok.unsur:
                rows.append(
                    {
                        self.kelompok: kelompok.nama,
                        self.unsur: unsur.nama,
                        "bobot": unsur.bobot / 100,
                    }
                )
        return rows


def _instrument(data: dict[str, Any]) -> Instrument:
    return Instrument(
        kode=data["kode"],
        nama=data["nama"],
        nama_evaluasi=data["nama_evaluasi"],
        dasar_hukum=data["dasar_hukum"],
        sumber=tuple(data["sumber"]),
        skala=data["skala"],
        tahun_dari=data.get("tahun_dari"),
        tahun_sampai=data.get("tahun_sampai"),
        kelompok=data["kelompok"],
        unsur=data["unsur"],
        struktur=tuple(
            Kelompok(k["nama"], tuple(Unsur(u["nama"], u["bobot"]) for u in k["unsur"]))
            for k in data["struktur"]
        ),
        predikat=tuple(Band(b["kode"], b["nama"], b["batas"]) for b in data["predikat"]),
        judul=dict(data.get("judul", {})),
        desimal_batas=data.get("desimal_batas", 2),
        nama_lama=tuple(data.get("nama_lama", ())),
        pasal_nama=data.get("pasal_nama", ""),
    )


@cache
def instruments() -> tuple[Instrument, ...]:
    """Every instrument shipped with xlkip, oldest first."""
    return load_folder(resources.files(__package__), _instrument)


def instrument_for(tahun: int) -> Instrument:
    """The instrument that evaluates the report of `tahun` (the latest one for a gap)."""
    return in_force(tahun, instruments())


def by_name(nama: object) -> Instrument | None:
    """The instrument staff named ("Indeks SPBE"), compared without case and spaces."""
    wanted = " ".join(str(nama).casefold().split())
    for instrument in instruments():
        if " ".join(instrument.nama.casefold().split()) == wanted:
            return instrument
    return None


def band_codes() -> tuple[str, ...]:
    """Every band code of every instrument, in order of first appearance."""
    codes: list[str] = []
    for instrument in instruments():
        codes.extend(b.kode for b in instrument.predikat if b.kode not in codes)
    return tuple(codes)


__all__ = ["Band", "Instrument", "Kelompok", "Unsur", "by_name", "instrument_for", "instruments"]
