"""One office's quarter for `rekap --triwulan`, read from its monitoring workbook's
tables: plain values a worker process can send to the parent."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from xlkip.rules.values import number_or_none
from xlkip.tables.triwulan import anggaran_triwulan, rencana_aksi_iku


@dataclass(frozen=True)
class Quarter:
    """One office up to TW N, as its monitoring workbook shows it (plain, picklable)."""

    triwulan: int
    iku: int = 0
    capaian: float | None = None
    """The mean capaian to date of its IKU (Tabel 3.2's CAPAIAN RATA-RATA)."""
    kas_sd: float | None = None
    realisasi_sd: float | None = None
    kas_tahun: float | None = None

    @property
    def penyerapan(self) -> float | None:
        if self.kas_sd is None or self.realisasi_sd is None or self.kas_sd == 0:
            return None
        return self.realisasi_sd / self.kas_sd

    @property
    def behind(self) -> bool:
        """Capaian or absorption to date under 100% of the plan to date."""
        return any(v is not None and v < 1 for v in (self.capaian, self.penyerapan))

    @property
    def order(self) -> tuple[bool, float]:
        """Behind plan first, the furthest behind on top."""
        shown = [v for v in (self.capaian, self.penyerapan) if v is not None]
        return (not self.behind, min(shown) if shown else math.inf)


def quarter_of(built: Any, triwulan: int) -> Quarter:
    iku = built.results.get(rencana_aksi_iku.key)
    budget = built.results.get(anggaran_triwulan.key)
    total = budget.total if budget is not None else None
    return Quarter(
        triwulan,
        iku=len(iku.rows) if iku is not None else 0,
        capaian=number_or_none(iku.rata.value()) if iku is not None else None,
        kas_sd=number_or_none(total.kas_sd.value()) if total else None,
        realisasi_sd=number_or_none(total.realisasi_sd.value()) if total else None,
        kas_tahun=number_or_none(total.kas_tahun.value()) if total else None,
    )
