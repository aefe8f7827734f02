"""Headline figures read back from a compiled workbook's Ringkasan sheet.

Every figure there is a formula stored with its computed value, so the cached values
are the report's own numbers (what Outlook's preview and a phone show).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from xlkip.deliver.eml import Figures

SHEET = "Ringkasan"
_NUMBERS = {
    "capaian kinerja rata-rata": "capaian_rata",
    "realisasi anggaran": "realisasi_anggaran",
    "anggaran (rp)": "anggaran",
    "realisasi (rp)": "realisasi",
    "efisiensi anggaran": "efisiensi",
}
_PREDIKAT = {"capaian_rata": "predikat_capaian", "indeks_spbe": "predikat_spbe"}


def from_workbook(path: Path, temuan: dict[str, int]) -> Figures:
    from openpyxl import load_workbook

    workbook = load_workbook(path, read_only=True, data_only=True)
    try:
        rows = [tuple(r[:3]) for r in workbook[SHEET].iter_rows(values_only=True) if r]
    finally:
        workbook.close()
    found: dict[str, Any] = {}
    identity: dict[str, Any] = {}
    for label, value, predikat in (r + (None,) * (3 - len(r)) for r in rows):
        if not isinstance(label, str):
            continue
        key = _key(label.strip().casefold())
        if key is None:
            identity.setdefault(label.strip().casefold(), value)
            continue
        if isinstance(value, int | float):
            found[key] = float(value)
            if key in _PREDIKAT and isinstance(predikat, str):
                found[_PREDIKAT[key]] = predikat
    return Figures(
        instansi=str(identity.get("instansi") or ""),
        pemda=str(identity.get("pemerintah daerah") or ""),
        tahun=int(str(identity.get("tahun laporan") or 0)),
        temuan=temuan,
        **found,
    )


def _key(label: str) -> str | None:
    if label.startswith("indeks spbe"):
        return "indeks_spbe"
    return _NUMBERS.get(label)
