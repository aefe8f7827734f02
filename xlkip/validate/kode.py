"""The anggaran sheet's SIPD codes (when the kode column is filled): each must be a sub
kegiatan code, agree with the program and kegiatan of its row, and appear once."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from xlkip.findings import Finding, peringatan
from xlkip.inputs import Inputs
from xlkip.read.cells import quote
from xlkip.read.records import Record
from xlkip.schema.anggaran import REALISASI_ANGGARAN
from xlkip.sipd.codes import Code, Level, classify
from xlkip.text import identity_text


def check(inputs: Inputs) -> Iterator[Finding]:
    coded: list[tuple[Record, Code]] = []
    for record in inputs.records(REALISASI_ANGGARAN):
        text = record.get("kode")
        if text is None:
            continue
        code = classify(str(text))
        if code is None or code.level is not Level.SUB_KEGIATAN or code.rekening:
            yield peringatan(
                "kode_bukan_sub_kegiatan",
                f"Kode '{quote(text)}' bukan kode sub kegiatan SIPD (mis. 2.16.02.2.01.0021). "
                "Perbaiki kodenya atau kosongkan selnya.",
                **inputs.where(REALISASI_ANGGARAN, record.cell("kode")),
            )
            continue
        coded.append((record, code))
    yield from _parents(inputs, coded, "program", Level.PROGRAM)
    yield from _parents(inputs, coded, "kegiatan", Level.KEGIATAN)
    yield from _repeats(inputs, coded)


def _parents(
    inputs: Inputs, coded: list[tuple[Record, Code]], key: str, level: Level
) -> Iterator[Finding]:
    """Rows under one program (kegiatan) must share its part of the code."""
    first: dict[tuple[str, ...], tuple[Record, str]] = {}
    keys = ("program",) if key == "program" else ("program", "kegiatan")
    for record, code in coded:
        names = tuple(_identity(record.get(k, "")) for k in keys)
        part = code.prefix(level)
        seen = first.setdefault(names, (record, part))
        if seen[1] == part:
            continue
        yield peringatan(
            f"kode_tidak_cocok_{key}",
            f"Kode {code.text} menunjuk {key} {part}, sedangkan {key} "
            f"'{quote(record.get(key))}' memakai kode {seen[1]} (baris {seen[0].row}). Perbaiki "
            f"kodenya, atau nama {key}nya bila baris ini milik {key} lain.",
            **inputs.where(REALISASI_ANGGARAN, record.cell("kode")),
        )


def _repeats(inputs: Inputs, coded: list[tuple[Record, Code]]) -> Iterator[Finding]:
    """The same sub kegiatan twice (one row per sumber dana is allowed)."""
    seen: dict[tuple[str, str], Record] = {}
    for record, code in coded:
        sumber = _identity(record.get("sumber_dana", ""))
        first = seen.setdefault((code.text, sumber), record)
        if first is record or _same_names(first, record):
            continue  # the same names too: baris_ganda already says so
        yield peringatan(
            "kode_ganda",
            f"Kode {code.text} sudah dipakai di baris {first.row} "
            f"('{quote(first.get('sub_kegiatan'))}'). Satu sub kegiatan cukup satu baris per "
            "sumber dana: gabungkan angkanya atau perbaiki kodenya.",
            **inputs.where(REALISASI_ANGGARAN, record.cell("kode")),
        )


@lru_cache(maxsize=4096)
def _identity(value: object) -> str:
    """Names repeat on every row of a program: compared once per distinct text."""
    return identity_text(value)


def _same_names(a: Record, b: Record) -> bool:
    keys = ("program", "kegiatan", "sub_kegiatan")
    return all(identity_text(a.get(k, "")) == identity_text(b.get(k, "")) for k in keys)
