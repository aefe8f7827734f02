"""Quantities the evidence tables compute, to hold an IKU realisasi against.

Each is computed for a year (the report year or the one before) at the
precision the report shows it, so "3,12" typed matches an index of 3,1196.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from xlkip.inputs import Inputs
from xlkip.rules import pengaduan
from xlkip.rules.spbe import weighted_index
from xlkip.schema.kinerja import BUKTI
from xlkip.text import angka, persen


@dataclass(frozen=True)
class Evidence:
    value: float
    digits: int
    """Compare at this many decimals of the stored value."""
    shown: str


def spbe_index(inputs: Inputs, year: int) -> Evidence | None:
    key = "nilai" if year == inputs.tahun else "nilai_lalu"
    rows = inputs.records("spbe", "Nilai Aspek")
    index = weighted_index((r.get("bobot", 0), r.get(key)) for r in rows)
    if index is None:
        return None
    return Evidence(index, 2, f"indeks SPBE {year} {angka(index, 2)} (Tabel 3.5)")


def rasio_pengaduan(inputs: Inputs, year: int) -> Evidence | None:
    rows = [r for r in inputs.records("pengaduan", "Pengaduan") if r.get("tahun") == year]
    jumlah = sum(r.get("jumlah", 0) for r in rows)
    sudah = sum(r.get("sudah", 0) for r in rows)
    value = pengaduan.rasio(jumlah, sudah)
    if value is None:
        return None
    shown = (
        f"rasio {year} {persen(value)} ({angka(sudah)} dari {angka(jumlah)} pengaduan "
        "ditindaklanjuti, Tabel 3.11/3.12)"
    )
    return Evidence(value, 4, shown)


def jumlah_informasi(inputs: Inputs, year: int) -> Evidence | None:
    key = "jumlah" if year == inputs.tahun else "jumlah_lalu"
    rows = inputs.records("informasi", "Publikasi")
    if not rows:
        return None
    total = sum(r.get(key, 0) for r in rows)
    return Evidence(total, 0, f"jumlah informasi {year} {angka(total)} (total Tabel 3.10)")


@dataclass(frozen=True)
class EvidenceSource:
    kind: str
    sheet: str
    compute: Callable[[Inputs, int], Evidence | None]

    def usable(self, inputs: Inputs) -> bool:
        return inputs.clean(self.kind, self.sheet)


EVIDENCE: dict[str, EvidenceSource] = dict(
    zip(
        BUKTI,
        (
            EvidenceSource("spbe", "Nilai Aspek", spbe_index),
            EvidenceSource("pengaduan", "Pengaduan", rasio_pengaduan),
            EvidenceSource("informasi", "Publikasi", jumlah_informasi),
        ),
        strict=True,
    )
)
