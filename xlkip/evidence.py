"""Quantities the evidence tables compute, to hold an IKU realisasi against.

Each is computed for a year (the report year or the one before) by the same rule the
workbook's formula uses, and compared at the precision the report shows it, so "3,12"
typed matches an index of 3,1196. Messages name the tables by their assigned numbers.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from xlkip.inputs import Inputs
from xlkip.instrumen.indeks import index_of
from xlkip.rules import pengaduan
from xlkip.rules.values import literal, value_of
from xlkip.schema.base import TableSheet
from xlkip.schema.informasi import PUBLIKASI
from xlkip.schema.kinerja import BUKTI_MODUL
from xlkip.schema.pengaduan import PENGADUAN
from xlkip.schema.spbe import INDEKS_TAHUN_LALU, NILAI_ASPEK
from xlkip.text import angka, persen_tabel


@dataclass(frozen=True)
class Evidence:
    value: float
    digits: int
    """Compare at this many decimals of the stored value."""
    shown: str


def _cited(inputs: Inputs, *keys: str) -> str:
    from xlkip.tables.registry import BY_KEY, label

    labels = [label(inputs, BY_KEY[key]) for key in keys]
    numbers = [label.removeprefix("Tabel ") for label in labels if label]
    return f"Tabel {'/'.join(numbers)}" if numbers else "tabel buktinya"


def cited_as(inputs: Inputs, key: str) -> str:
    """ " (Tabel 3.6)" for a table these inputs produce, else nothing."""
    from xlkip.tables.registry import BY_KEY, label

    found = label(inputs, BY_KEY[key])
    return f" ({found})" if found else ""


def spbe_index(inputs: Inputs, year: int) -> Evidence | None:
    """The index of the year by the instrument of the year: this year's from the sheet;
    last year's from its nilai, or as typed in Indeks Tahun Lalu when the instrument
    changed (its items are not this year's)."""
    rows = inputs.records(NILAI_ASPEK)
    if year == inputs.tahun:
        instrument, index = inputs.instrument, index_of(inputs.instrument, rows, "nilai")
    else:
        instrument = inputs.instrument_lalu
        typed = inputs.form(INDEKS_TAHUN_LALU)
        index = typed.get("indeks_lalu") if typed else None
        if index is None and not inputs.lintas_instrumen:
            index = index_of(instrument, rows, "nilai_lalu")
    if index is None:
        return None
    cited = _cited(inputs, "indeks_spbe")
    return Evidence(index, 2, f"{instrument.nama} {year} {angka(index, 2)} ({cited})")


def rasio_pengaduan(inputs: Inputs, year: int) -> Evidence | None:
    rows = [r for r in inputs.records(PENGADUAN) if r.get("tahun") == year]
    jumlah = sum(r.get("jumlah", 0) for r in rows)
    sudah = sum(r.get("sudah", 0) for r in rows)
    value = value_of(pengaduan.rasio(literal(jumlah), literal(sudah)))
    if value is None:
        return None
    cited = _cited(inputs, "pengaduan_tahun_ini", "pengaduan_dua_tahun")
    shown = (
        f"rasio {year} {persen_tabel(value)} ({angka(sudah)} dari {angka(jumlah)} pengaduan "
        f"ditindaklanjuti, {cited})"
    )
    return Evidence(value, 4, shown)


def jumlah_informasi(inputs: Inputs, year: int) -> Evidence | None:
    key = "jumlah" if year == inputs.tahun else "jumlah_lalu"
    rows = inputs.records(PUBLIKASI)
    if not rows:
        return None
    total = sum(r.get(key, 0) for r in rows)
    cited = _cited(inputs, "publikasi")
    return Evidence(total, 0, f"jumlah informasi {year} {angka(total)} (total {cited})")


@dataclass(frozen=True)
class EvidenceSource:
    sheet: TableSheet
    compute: Callable[[Inputs, int], Evidence | None]

    def usable(self, inputs: Inputs) -> bool:
        return inputs.clean(self.sheet)


_COMPUTE: dict[str, EvidenceSource] = {
    "spbe": EvidenceSource(NILAI_ASPEK, spbe_index),
    "pengaduan": EvidenceSource(PENGADUAN, rasio_pengaduan),
    "informasi": EvidenceSource(PUBLIKASI, jumlah_informasi),
}
EVIDENCE: dict[str, EvidenceSource] = {
    label: _COMPUTE[module] for label, module in BUKTI_MODUL.items()
}
