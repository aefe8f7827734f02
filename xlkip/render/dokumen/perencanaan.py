"""Bab II's sentences: under Tabel 2.1 and 2.3 what the plan holds (tujuan, sasaran,
indicators: counts in words, so no digit the workbook lacks), under Tabel 2.4 the DPA
murni's total as its JUMLAH cell shows it and the number of programs; where the tables of
the plan are not made, why (no Bab II column of the IKU sheet filled)."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import groupby
from typing import Any

from num2words import num2words

from xlkip.inputs import Inputs
from xlkip.perencanaan import uses_bab_ii
from xlkip.render.dokumen.tabel import cell_text
from xlkip.schema import anggaran, kinerja
from xlkip.tables.common import HEADER_ROW
from xlkip.tables.perencanaan import AnggaranMurni
from xlkip.text import identity_text


def _kata(count: int) -> str:
    return num2words(count, lang="id")


def _groups(inputs: Inputs, key: str) -> int:
    """How many runs of the same `key` the IKU sheet holds, as Bab II's tables merge them."""
    records = inputs.records(kinerja.IKU)
    return sum(1 for _ in groupby(records, key=lambda r: identity_text(r.get(key, ""))))


def _indicators(inputs: Inputs) -> int:
    return len(inputs.records(kinerja.IKU))


def _renstra(inputs: Inputs, tahun: int) -> str:
    return (
        f"Rencana Strategis menetapkan {_kata(_groups(inputs, 'tujuan'))} tujuan dengan "
        f"{_kata(_groups(inputs, 'sasaran'))} sasaran strategis dan "
        f"{_kata(_indicators(inputs))} indikator kinerja yang ditargetkan untuk tahun {tahun}."
    )


def _perjanjian(inputs: Inputs, tahun: int) -> str:
    return (
        f"Perjanjian Kinerja tahun {tahun} memuat {_kata(_indicators(inputs))} indikator "
        f"kinerja dari {_kata(_groups(inputs, 'sasaran'))} sasaran strategis."
    )


def _anggaran(result: AnggaranMurni, tahun: int) -> str | None:
    total = result.murni
    programs = total.row - (HEADER_ROW + 1)  # one row per program between header and JUMLAH
    shown = cell_text(total.value(), total.style.num_format)
    if not programs:
        return None
    return f"Anggaran DPA murni tahun {tahun} sebesar Rp{shown} untuk {_kata(programs)} program."


def sentences(key: str, inputs: Inputs, result: Any) -> Iterator[str]:
    """The sentence under Bab II's table `key`, if it has one."""
    if key == "sasaran_strategis":
        yield _renstra(inputs, inputs.tahun)
    elif key == "perjanjian_kinerja":
        yield _perjanjian(inputs, inputs.tahun)
    elif key == "anggaran_murni" and isinstance(result, AnggaranMurni):
        sentence = _anggaran(result, inputs.tahun)
        if sentence:
            yield sentence


def not_made(inputs: Inputs, anggaran_made: bool) -> Iterator[str]:
    """Why Bab II's tables are missing, naming the file, sheet and columns to fill."""
    if not uses_bab_ii(inputs):
        columns = [c.header.format(tahun=inputs.tahun) for c in kinerja.BAB_II_COLUMNS]
        yield (
            "Tabel sasaran strategis, indikator kinerja utama dan Perjanjian Kinerja tidak "
            f"disusun karena belum satu pun kolom Bab II di {kinerja.TEMPLATE.filename}, sheet "
            f"{kinerja.IKU.name}, yang diisi: {', '.join(columns[:-1])} dan {columns[-1]}."
        )
    if not anggaran_made:
        yield (
            "Tabel anggaran DPA murni tidak disusun karena sheet "
            f"{anggaran.DPA_MURNI.name} di {anggaran.TEMPLATE.filename} belum diisi."
        )
