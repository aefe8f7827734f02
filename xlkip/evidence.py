"""Quantities the evidence tables compute, to hold an IKU realisasi against.

Each is computed for a year (the report year or the one before) at the
precision the report shows it, so "3,12" typed matches an index of 3,1196.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from xlkip.inputs import Inputs
from xlkip.instrumen.indeks import index_of
from xlkip.rules import pengaduan
from xlkip.schema.kinerja import INDEX_BUKTI, INFORMASI_BUKTI, RASIO_BUKTI
from xlkip.text import angka, persen


@dataclass(frozen=True)
class Evidence:
    value: float
    digits: int
    """Compare at this many decimals of the stored value."""
    shown: str


def digital_index(inputs: Inputs, year: int) -> Evidence | None:
    """The index of the year by the instrument of the year: this year's from the sheet;
    last year's from its nilai, or as typed in Indeks Tahun Lalu when the instrument
    changed (its items are not this year's)."""
    rows = inputs.records("spbe", "Nilai Aspek")
    if year == inputs.tahun:
        instrument, index = inputs.instrument, index_of(inputs.instrument, rows, "nilai")
    else:
        instrument = inputs.instrument_lalu
        typed = inputs.form("spbe", "Indeks Tahun Lalu")
        index = typed.get("indeks_lalu") if typed else None
        if index is None and not inputs.lintas_instrumen:
            index = index_of(instrument, rows, "nilai_lalu")
    if index is None:
        return None
    return Evidence(index, 2, f"{instrument.nama} {year} {angka(index, 2)} (Tabel 3.5)")


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


EVIDENCE: dict[str, EvidenceSource] = {
    **{bukti: EvidenceSource("spbe", "Nilai Aspek", digital_index) for bukti in INDEX_BUKTI},
    RASIO_BUKTI: EvidenceSource("pengaduan", "Pengaduan", rasio_pengaduan),
    INFORMASI_BUKTI: EvidenceSource("informasi", "Publikasi", jumlah_informasi),
}
