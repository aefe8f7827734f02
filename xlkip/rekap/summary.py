"""What one office's run hands back to the rekap: small, plain and picklable, so a
worker process can send it to the parent. Everything in it is read from the typed
results of the office's own tables (the registry), so the rekap and the office's
workbook agree by construction."""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from xlkip.findings import Finding, Tingkat
from xlkip.inputs import Inputs
from xlkip.output import OutputError, os_error_behind, os_reason
from xlkip.rules.anggaran import DEFAULT_RUMUS_EFISIENSI
from xlkip.rules.predikat import KINERJA_DEFAULT_BOUNDS
from xlkip.rules.values import number_or_none
from xlkip.tables.figures import Figures
from xlkip.tables.kinerja import capaian_iku
from xlkip.tables.scale import skala_kinerja

if TYPE_CHECKING:
    from xlkip.tables import Built


class Status(str, Enum):
    OK = "ok"
    ERRORS = "error"
    """Read, but errors stop its workbook (as `xlkip compile` would)."""
    UNREADABLE = "tidak terbaca"
    """The folder or a required template could not be read at all."""
    NOT_WRITTEN = "gagal ditulis"
    """Read and compiled, but its own workbook could not be written (a full disk): its
    figures are in the rekap, its file is not."""


@dataclass(frozen=True)
class IkuRow:
    """One indicator as the office's Tabel 3.2 (capaian_iku) has it."""

    sasaran: str | None
    indikator: str | None
    satuan: str | None
    arah: str | None
    target: float | None
    realisasi: float | None
    capaian: float | None
    """None where the table shows "-" (no target, no realisasi)."""
    num_format: str | None = None
    """The row's one number format for target and realisasi, as Tabel 3.2 prints them."""


@dataclass(frozen=True)
class OfficeRules:
    """How this office computes (its Pengaturan), so the rekap's formulas do the same."""

    bounds: tuple[float, ...] = KINERJA_DEFAULT_BOUNDS
    """Lower bounds of the predikat from Sangat Tinggi down (its Tabel 3.1)."""
    cap: float | None = None
    rumus_efisiensi: str = DEFAULT_RUMUS_EFISIENSI


@dataclass(frozen=True)
class OfficeDetails:
    figures: Figures
    """The headline figures of the office's workbook (xlkip.tables.figures)."""
    iku: tuple[IkuRow, ...] = ()
    rules: OfficeRules = OfficeRules()
    triwulan: Any = None
    """With `rekap --triwulan`: the office's quarter (xlkip.rekap.quarter.Quarter)."""


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
    details: OfficeDetails | None = None
    """None unless the office is ok."""
    output: str | None = None
    """The office's own workbook, when it was written."""
    seconds: float = 0.0
    lke: tuple[int, int] | None = None
    """Pra-evaluasi LKE: criteria met, of those the inputs can show (None when a required
    template could not be read)."""

    def count(self, tingkat: Tingkat) -> int:
        return sum(1 for f in self.findings if f.tingkat is tingkat)

    @property
    def name(self) -> str:
        return self.instansi or Path(self.folder).name

    @property
    def figures(self) -> Figures | None:
        return self.details.figures if self.details else None


def details_of(built: Built, inputs: Inputs, triwulan: int | None = None) -> OfficeDetails:
    """The office's figures, IKU and rules, as plain values from its tables' results
    (with `triwulan`, from its monitoring workbook)."""
    iku = built.results.get(capaian_iku.key)
    rows = tuple(
        IkuRow(
            row.record.get("sasaran"),
            row.record.get("indikator"),
            row.record.get("satuan"),
            row.record.get("arah"),
            number_or_none(row.record.get("target")),
            number_or_none(row.realisasi.value()),
            number_or_none(row.capaian.value()),
            row.target.style.num_format,
        )
        for row in (iku.rows if iku is not None else ())
    )
    skala = built.results.get(skala_kinerja.key)
    rules = OfficeRules(
        bounds=tuple(b.value() for b in skala.scale.bounds) if skala else KINERJA_DEFAULT_BOUNDS,
        cap=number_or_none(skala.cap.value()) if skala and skala.cap is not None else None,
        rumus_efisiensi=inputs.setting("rumus_efisiensi") or DEFAULT_RUMUS_EFISIENSI,
    )
    if triwulan is not None:
        from xlkip.rekap.quarter import quarter_of

        return OfficeDetails(Figures(), rows, rules, quarter_of(built, triwulan))
    return OfficeDetails(built.figures, rows, rules)


def not_written(summary: OfficeSummary, exc: OutputError) -> OfficeSummary:
    """An office whose workbook could not be written was still read: say it was the
    writing that failed (a full disk is not a damaged template) and keep its figures."""
    if summary.status is not Status.OK:
        return summary
    alasan = "Isian OPD ini terbaca, tetapi workbook LKjIP-nya gagal ditulis"
    cause = os_error_behind(exc)
    if cause is None:
        alasan += f". {exc}"
    else:
        why, advice = os_reason(cause)
        alasan += f" ({why}). {advice} Lalu jalankan lagi rekap --tulis-per-opd."
    return replace(summary, status=Status.NOT_WRITTEN, alasan=" ".join(alasan.split()), output=None)
