"""The Standar Nasional sheet (narasi.xlsx) against the IKU sheet: each row names a
known indicator, and a standard marked Ada has its nilai and its sumber."""

from __future__ import annotations

from collections.abc import Iterator

from xlkip.findings import Finding, peringatan
from xlkip.inputs import Inputs
from xlkip.read.cells import quote
from xlkip.read.records import Record
from xlkip.schema.kinerja import IKU
from xlkip.schema.narasi import ADA, STANDAR
from xlkip.text import identity_text


def check(inputs: Inputs) -> Iterator[Finding]:
    known = [r.get("indikator") for r in inputs.records(IKU) if r.get("indikator")]
    keys = {identity_text(name) for name in known}
    for record in inputs.records(STANDAR):
        name = record.get("indikator")
        if known and name and identity_text(name) not in keys:
            yield _unknown(inputs, record, known)
        elif record.get("ada") == ADA:
            yield from _incomplete(inputs, record)


def _unknown(inputs: Inputs, record: Record, known: list[str]) -> Finding:
    names = "; ".join(f"'{quote(name, 120)}'" for name in known)  # to be copied whole
    return peringatan(
        "standar_indikator_tidak_dikenal",
        f"Indikator '{quote(record.get('indikator'))}' tidak ada di sheet IKU "
        f"({inputs.file_of_sheet(IKU)}), sehingga standar nasionalnya tidak dipakai. Tulis "
        f"nama indikator persis seperti di sheet IKU: {names}.",
        **inputs.where(STANDAR, record.cell("indikator")),
    )


def _incomplete(inputs: Inputs, record: Record) -> Iterator[Finding]:
    name = quote(record.get("indikator"))
    if record.get("nilai") is None:
        yield peringatan(
            "standar_tanpa_nilai",
            f"Standar nasional indikator '{name}' ditandai Ada, tetapi kolom Nilai Standar "
            "kosong; indikator ini tidak dibandingkan dengan standar nasional. Isi nilainya, "
            "atau pilih 'Tidak ada'.",
            **inputs.where(STANDAR, record.cell("nilai")),
        )
    if not record.get("sumber"):
        yield peringatan(
            "standar_tanpa_sumber",
            f"Standar nasional indikator '{name}' ditandai Ada, tetapi kolom Sumber kosong. "
            "Tulis peraturan atau publikasi yang menetapkan standar ini.",
            **inputs.where(STANDAR, record.cell("sumber")),
        )
