"""What one office's run hands back to the rekap: small, plain and picklable, so a
worker process can send it to the parent."""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from xlkip.findings import Finding, Tingkat
from xlkip.inputs import Inputs
from xlkip.rules.anggaran import DEFAULT_RUMUS_EFISIENSI, RUMUS_EFISIENSI, persen_realisasi
from xlkip.rules.capaian import capaian
from xlkip.rules.predikat import KINERJA_DEFAULT_BOUNDS, KINERJA_LABELS, kinerja_scale
from xlkip.rules.spbe import weighted_index
from xlkip.schema.identitas import KINERJA_PREFIX, scale_key


class Status(str, Enum):
    OK = "ok"
    ERRORS = "error"
    """Read, but errors stop its workbook (as `xlkip compile` would)."""
    UNREADABLE = "tidak terbaca"
    """The folder or a required template could not be read at all."""


@dataclass(frozen=True)
class IkuRow:
    sasaran: str | None
    indikator: str | None
    satuan: str | None
    arah: str | None
    target: float | None
    realisasi: float | None
    capaian: float | None
    """As Tabel 3.2 computes it (arah, the office's cap); None where it shows "-"."""


@dataclass(frozen=True)
class Figures:
    """The office's headline figures, as its own workbook shows them."""

    iku: tuple[IkuRow, ...] = ()
    bounds: tuple[float, ...] = KINERJA_DEFAULT_BOUNDS
    """The office's predikat scale (Pengaturan), lower bounds from Sangat Tinggi down."""
    cap: float | None = None
    anggaran: float | None = None
    realisasi: float | None = None
    efisiensi_rumus: str | None = None
    indeks_digital: float | None = None

    @property
    def capaian_rata(self) -> float | None:
        present = [r.capaian for r in self.iku if r.capaian is not None]
        return math.fsum(present) / len(present) if present else None

    @property
    def iku_tercapai(self) -> int:
        return sum(1 for r in self.iku if r.capaian is not None and r.capaian >= 1)

    @property
    def predikat(self) -> str | None:
        return kinerja_scale(self.bounds).classify(self.capaian_rata)

    @property
    def persen_realisasi(self) -> float | None:
        if self.anggaran is None or self.realisasi is None:
            return None
        return persen_realisasi(self.anggaran, self.realisasi)

    @property
    def efisiensi(self) -> float | None:
        rule = RUMUS_EFISIENSI.get(self.efisiensi_rumus or DEFAULT_RUMUS_EFISIENSI)
        return rule(self.persen_realisasi, self.capaian_rata) if rule else None


@dataclass(frozen=True)
class OfficeSummary:
    folder: str
    status: Status
    instansi: str | None = None
    pemda: str | None = None
    tahun: int | None = None
    alasan: str | None = None
    """Why the office is not ok, in Indonesian, for its row of the rekap."""
    findings: tuple[Finding, ...] = ()
    figures: Figures | None = None
    """None unless the office is ok."""
    output: str | None = None
    """The office's own workbook, when it was written."""
    seconds: float = 0.0

    def count(self, tingkat: Tingkat) -> int:
        return sum(1 for f in self.findings if f.tingkat is tingkat)

    @property
    def name(self) -> str:
        return self.instansi or Path(self.folder).name


def figures_of(inputs: Inputs) -> Figures:
    """The headline figures from what was read, by the rules the tables compute with."""
    cap = inputs.setting("batas_capaian")
    iku = tuple(
        IkuRow(
            r.get("sasaran"),
            r.get("indikator"),
            r.get("satuan"),
            r.get("arah"),
            r.get("target"),
            r.get("realisasi"),
            _capaian(r.get("target"), r.get("realisasi"), r.get("arah"), cap),
        )
        for r in inputs.records("kinerja", "IKU")
    )
    budget = inputs.records("anggaran", "Realisasi Anggaran")
    aspects = inputs.records("spbe", "Nilai Aspek")
    return Figures(
        iku=iku,
        bounds=tuple(
            float(inputs.setting(scale_key(KINERJA_PREFIX, label))) for label in KINERJA_LABELS[:-1]
        ),
        cap=cap,
        anggaran=math.fsum(r.get("anggaran", 0) for r in budget) if budget else None,
        realisasi=math.fsum(r.get("realisasi", 0) for r in budget) if budget else None,
        efisiensi_rumus=inputs.setting("rumus_efisiensi"),
        indeks_digital=weighted_index((r.get("bobot", 0), r.get("nilai")) for r in aspects)
        if aspects
        else None,
    )


def _capaian(target, realisasi, arah, cap) -> float | None:
    if not isinstance(target, int | float) or not isinstance(realisasi, int | float):
        return None
    return capaian(target, realisasi, arah or "Naik", cap)
