"""Budget realisation: always ratios of sums, never means of percentages."""

from __future__ import annotations


def persen_realisasi(anggaran: float, realisasi: float) -> float | None:
    return realisasi / anggaran if anggaran else None


def sisa(anggaran: float, realisasi: float) -> float:
    return anggaran - realisasi


def efisiensi_rasio(persen_anggaran: float | None, capaian_rata: float | None) -> float | None:
    """Seed 3.2.6: 1 − (% realisasi anggaran / % capaian rata-rata)."""
    if persen_anggaran is None or not capaian_rata:
        return None
    return 1 - persen_anggaran / capaian_rata


def efisiensi_selisih(persen_anggaran: float | None, capaian_rata: float | None) -> float | None:
    """Capaian kinerja − realisasi anggaran, the other form used by pemda."""
    if persen_anggaran is None or capaian_rata is None:
        return None
    return capaian_rata - persen_anggaran


RUMUS_EFISIENSI = {
    "1 − (realisasi anggaran ÷ capaian kinerja)": efisiensi_rasio,
    "capaian kinerja − realisasi anggaran": efisiensi_selisih,
}
DEFAULT_RUMUS_EFISIENSI = next(iter(RUMUS_EFISIENSI))
