"""The headline figures of one compiled report, as plain values (for the email body,
the pemda rekap and anything else that summarises a report without opening it)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from xlkip.rules.values import number_or_none
from xlkip.sheet.model import Slot
from xlkip.tables.anggaran import anggaran_program
from xlkip.tables.kinerja import capaian_iku
from xlkip.tables.layanan import pengaduan_dua_tahun, publikasi
from xlkip.tables.spbe import indeks_spbe


@dataclass(frozen=True)
class Figures:
    capaian_rata: float | None = None
    predikat: str | None = None
    iku_tercapai: int = 0
    """Indicators whose capaian is at least 100%."""
    iku_total: int = 0
    anggaran: float | None = None
    realisasi: float | None = None
    persen_realisasi: float | None = None
    sisa: float | None = None
    efisiensi: float | None = None
    indeks_digital: float | None = None
    """The digital-government index of the report year (SPBE up to 2025)."""
    predikat_digital: str | None = None
    nama_indeks: str | None = None
    """The index's name under the year's instrument ("Indeks Pemerintah Digital")."""
    rasio_pengaduan: float | None = None
    jumlah_informasi: float | None = None
    formats: dict[str, str] = field(default_factory=dict)
    """The number format of the cell each figure comes from ("efisiensi": "0.00%"), so a
    summary spells a value as its table shows it (xlkip.text.as_shown)."""


def figures_of(results: dict[str, Any], tahun: int, nama_indeks: str | None = None) -> Figures:
    """The figures the tables computed, read from their cells' values."""
    values: dict[str, Any] = {}
    cells: dict[str, Slot] = {}
    iku = results.get(capaian_iku.key)
    if iku is not None:
        capaian = [number_or_none(row.capaian.value()) for row in iku.rows]
        values.update(
            capaian_rata=number_or_none(iku.rata.value()),
            predikat=iku.predikat.value() if number_or_none(iku.rata.value()) is not None else None,
            iku_tercapai=sum(1 for c in capaian if c is not None and c >= 1),
            iku_total=len(iku.rows),
        )
        cells["capaian_rata"] = iku.rata
    money = results.get(anggaran_program.key)
    if money is not None:
        anggaran, realisasi = (
            number_or_none(money.anggaran.value()),
            number_or_none(money.realisasi.value()),
        )
        values.update(
            anggaran=anggaran,
            realisasi=realisasi,
            persen_realisasi=number_or_none(money.persen.value()),
            sisa=anggaran - realisasi if anggaran is not None and realisasi is not None else None,
            efisiensi=number_or_none(money.efisiensi.value()),
        )
        cells.update(
            anggaran=money.anggaran,
            realisasi=money.realisasi,
            persen_realisasi=money.persen,
            efisiensi=money.efisiensi,
        )
    spbe = results.get(indeks_spbe.key)
    if spbe is not None and number_or_none(spbe.totals[tahun].value()) is not None:
        values.update(
            indeks_digital=spbe.totals[tahun].value(),
            predikat_digital=spbe.predikat.value(),
            nama_indeks=nama_indeks,
        )
        cells["indeks_digital"] = spbe.totals[tahun]
    pengaduan = results.get(pengaduan_dua_tahun.key)
    if pengaduan is not None:
        values["rasio_pengaduan"] = number_or_none(pengaduan.totals[tahun]["rasio"].value())
    informasi = results.get(publikasi.key)
    if informasi is not None:
        values["jumlah_informasi"] = number_or_none(informasi.totals[tahun].value())
    values["formats"] = {k: c.style.num_format for k, c in cells.items() if c.style.num_format}
    return Figures(**values)
