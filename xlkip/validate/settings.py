"""Identitas and Pengaturan: a coherent period and ordered rating scales."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

from xlkip.findings import Finding, error
from xlkip.inputs import Inputs
from xlkip.rules.predikat import KINERJA_LABELS
from xlkip.schema.identitas import IDENTITAS, KINERJA_PREFIX, PENGATURAN, SPBE_PREFIX, scale_key


def check(inputs: Inputs) -> Iterator[Finding]:
    identitas = inputs.form(IDENTITAS)
    if identitas is not None:
        yield from _period(inputs, identitas)
    pengaturan = inputs.form(PENGATURAN)
    if pengaturan is not None:
        yield from _ordered(inputs, pengaturan, KINERJA_PREFIX, KINERJA_LABELS, "predikat kinerja")
        instrument = inputs.instrument
        yield from _ordered(
            inputs,
            pengaturan,
            SPBE_PREFIX,
            [b.kode for b in instrument.predikat],
            f"{instrument.skala.lower()} {instrument.nama}",
            [b.nama for b in instrument.predikat],
        )


def _period(inputs: Inputs, identitas) -> Iterator[Finding]:
    tahun, awal, akhir = (identitas.get(k) for k in ("tahun", "renstra_awal", "renstra_akhir"))
    if None in (tahun, awal, akhir):
        return
    if not awal <= tahun <= akhir:
        yield error(
            "tahun_di_luar_renstra",
            f"Tahun laporan {tahun} berada di luar periode Renstra {awal}–{akhir}. Periksa "
            "tahun laporan dan periode Renstra.",
            **inputs.where(IDENTITAS, identitas.cells.get("tahun")),
        )


def _ordered(inputs: Inputs, form, prefix: str, labels, name: str, shown=None) -> Iterator[Finding]:
    keys = [scale_key(prefix, label) for label in labels[:-1]]
    labels = shown or labels
    bounds = [form.get(k) for k in keys]
    if None in bounds:
        return
    if any(upper <= lower for upper, lower in itertools.pairwise(bounds)):
        yield error(
            "skala_tidak_urut",
            f"Batas {name} harus menurun dari {labels[0]} ke {labels[-2]}. Perbaiki urutannya.",
            **inputs.where(PENGATURAN, form.cells.get(keys[0])),
        )
