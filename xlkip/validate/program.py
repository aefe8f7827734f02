"""The IKU's Program Pendukung against the programs of the budget: each name typed must
be a program of the Realisasi Anggaran sheet (spelled as a person reads it)."""

from __future__ import annotations

from collections.abc import Iterator

from xlkip.findings import Finding, peringatan
from xlkip.inputs import Inputs
from xlkip.read.cells import quote
from xlkip.schema.anggaran import REALISASI_ANGGARAN
from xlkip.schema.kinerja import IKU, PROGRAM, program_names
from xlkip.text import identity_text


def budget_programs(inputs: Inputs) -> dict[str, str]:
    """Each program of the Realisasi Anggaran sheet: its key -> its first spelling."""
    programs: dict[str, str] = {}
    for record in inputs.records(REALISASI_ANGGARAN):
        name = record.get("program")
        if name is not None:
            programs.setdefault(identity_text(name), str(name))
    return programs


def check(inputs: Inputs) -> Iterator[Finding]:
    known = budget_programs(inputs)
    if not known:
        return  # no budget to name: its absence is reported where it is required
    for record in inputs.records(IKU):
        for name in program_names(record.get(PROGRAM.key)):
            if identity_text(name) not in known:
                yield _unknown(inputs, name, record.cell(PROGRAM.key), known)


def _unknown(inputs: Inputs, name: str, cell: str, known: dict[str, str]) -> Finding:
    names = ", ".join(f"'{quote(n, 100)}'" for n in known.values())
    file = inputs.file_of("anggaran")
    return peringatan(
        "program_tidak_di_anggaran",
        f"Program '{quote(name)}' di kolom {PROGRAM.header} tidak ada di {file} (sheet "
        f"{REALISASI_ANGGARAN.name}), sehingga tidak dihitung dalam efisiensi per sasaran. "
        f"Program yang ada: {names}. Tulis nama program seperti di {file} (huruf besar/kecil "
        "dan spasi boleh berbeda); pisahkan beberapa program dengan baris baru (Alt+Enter) "
        "atau titik koma (;).",
        **inputs.where(IKU, cell),
    )
