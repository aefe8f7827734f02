"""Small office folders for the rekap tests: facts typed as staff would."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from xlkip import contoh
from xlkip.schema import TEMPLATES
from xlkip.schema.writer import Period, write_template


def iku(indikator: str, target: Any, realisasi: Any, arah: str = "Naik", satuan: str = "Dokumen"):
    return {
        "sasaran": f"Sasaran {indikator}",
        "indikator": indikator,
        "satuan": satuan,
        "arah": arah,
        "target": target,
        "realisasi": realisasi,
    }


def budget(n: int, anggaran: Any, realisasi: Any) -> dict[str, Any]:
    return {
        "kode": f"1.01.01.1.01.{n:04d}",
        "program": "PROGRAM PENUNJANG",
        "kegiatan": "Administrasi Keuangan",
        "sub_kegiatan": f"Sub kegiatan {n}",
        "sumber_dana": "DAU",
        "anggaran": anggaran,
        "realisasi": realisasi,
    }


def write_office(
    folder: Path,
    instansi: str,
    indicators: list[dict[str, Any]],
    budget_rows: list[dict[str, Any]],
    modules: tuple[str, ...] = (),
    pemda: str | None = None,
    tahun: int | None = None,
) -> Path:
    """identitas, kinerja and anggaran with these facts; `modules` from the example."""
    folder.mkdir(parents=True)
    period = Period(*contoh.period_of())
    if tahun is not None:
        period = Period(tahun, period.renstra_awal, period.renstra_akhir)
    identitas = contoh.load("identitas")
    identitas["Identitas"] = {**identitas["Identitas"], "instansi": instansi}
    if tahun is not None:
        identitas["Identitas"]["tahun"] = tahun
    if pemda is not None:
        identitas["Identitas"]["pemerintah_daerah"] = pemda
    content = {
        "identitas": identitas,
        "kinerja": {"IKU": indicators, "Renstra": []},
        "anggaran": {"Realisasi Anggaran": budget_rows},
    }
    for kind in ("identitas", "kinerja", "anggaran", *modules):
        template = TEMPLATES[kind]
        write_template(
            template, folder / template.filename, period, content.get(kind) or contoh.load(kind)
        )
    return folder
