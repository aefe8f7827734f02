"""The rating scales, printed so that predikat formulas look them up: capaian (3.1)
and the SPBE bands (3.4)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from xlkip.rules.predikat import KINERJA_DEFAULT_BOUNDS, KINERJA_LABELS
from xlkip.schema.identitas import KINERJA_PREFIX, SPBE_PREFIX, scale_key
from xlkip.sheet.expr import DASH
from xlkip.sheet.model import Slot, Style
from xlkip.tables.common import (
    CENTER,
    HEADER_ROW,
    PERCENT,
    TEXT,
    Context,
    ScaleRows,
    finish,
    headers,
    table_sheet,
)
from xlkip.tables.spec import table


def _scale(
    ctx: Context,
    columns: Sequence[str],
    labels: Sequence[str],
    prefix: str,
    style: Style,
    digits: int,
    source: str,
    keys: Sequence[str] | None = None,
) -> ScaleRows:
    """The scale's rows; each bound is the Pengaturan field `keys[i]` (by default the
    field named after the label)."""
    keys = keys or [scale_key(prefix, label) for label in labels]
    sheet = table_sheet(ctx, [6, 20, 20, 26])
    headers(sheet, HEADER_ROW, columns)
    bounds, names = [], []
    row = HEADER_ROW
    for number, label in enumerate(labels, start=1):
        row = HEADER_ROW + number
        sheet.put(row, 0, number, CENTER)
        if number < len(labels):
            setting = ctx.inputs.setting(keys[number - 1])
            bounds.append(sheet.put(row, 1, setting, style))
        else:
            sheet.put(row, 1, DASH, CENTER)
        # "Below" is the lower bound of the better label, one row up.
        upper = bounds[number - 2].ref() if number > 1 else DASH
        sheet.put(row, 2, upper, style if number > 1 else CENTER)
        names.append(sheet.put(row, 3, label, TEXT))
    finish(sheet, (HEADER_ROW, HEADER_ROW), row, source)
    return ScaleRows(bounds, names, digits)


@dataclass
class SkalaKinerja:
    scale: ScaleRows
    cap: Slot | None
    """The optional upper limit of capaian (Pengaturan), printed under the scale."""


@table("skala_kinerja", chapter=3, title="Skala Nilai Peringkat Kinerja", reference=True)
def skala_kinerja(ctx: Context) -> SkalaKinerja:
    scale = _scale(
        ctx,
        (
            "No.",
            "Capaian Paling Rendah (≥)",
            "Capaian Di Bawah (<)",
            "Kriteria Penilaian Realisasi Kinerja",
        ),
        KINERJA_LABELS,
        KINERJA_PREFIX,
        PERCENT,
        4,
        _kinerja_source(ctx),
    )
    cap = ctx.inputs.setting("batas_capaian")
    cap_cell = None
    if cap is not None:
        sheet = scale.labels[0].sheet
        row = HEADER_ROW + len(KINERJA_LABELS) + 4
        sheet.put(row, 1, "Capaian dibatasi paling tinggi", TEXT)
        cap_cell = sheet.put(row, 2, cap, PERCENT)
    return SkalaKinerja(scale, cap_cell)


REGULATION = "PermenPANRB Nomor 53 Tahun 2014"


def _kinerja_source(ctx: Context) -> str:
    """The regulation, or the office itself where its Pengaturan moved a bound."""
    bounded = zip(KINERJA_LABELS, KINERJA_DEFAULT_BOUNDS, strict=False)  # the last has none
    if all(
        abs(ctx.inputs.setting(scale_key(KINERJA_PREFIX, label)) - default) < 1e-9
        for label, default in bounded
    ):
        return REGULATION
    return f"{ctx.subject}, batas disesuaikan dari {REGULATION}"


@table("skala_spbe", chapter=3, title="{skala} Indeks {penilaian}", reference=True)
def skala_spbe(ctx: Context) -> ScaleRows:
    """The bands of the year's instrument, bounds from Pengaturan (spbe_<kode>)."""
    instrument = ctx.inputs.instrument
    bands = instrument.predikat
    return _scale(
        ctx,
        ("No.", "Indeks Paling Rendah (≥)", "Indeks Di Bawah (<)", instrument.skala),
        [b.nama for b in bands],
        SPBE_PREFIX,
        Style(num_format="0." + "0" * instrument.desimal_batas, align="center"),
        2,
        instrument.judul["peraturan"],
        keys=[SPBE_PREFIX + b.kode for b in bands],
    )
