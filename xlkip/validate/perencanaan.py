"""Bab II against Chapter III: the PK target against the Renstra and the Target column,
the IKU list against the Renstra rows that feed the Sasaran Strategis table, and the DPA
murni programs against the programs of the budget after the change."""

from __future__ import annotations

from collections.abc import Iterator

from xlkip.evidence import cited_as
from xlkip.findings import Finding, info, peringatan
from xlkip.inputs import Inputs
from xlkip.perencanaan import (
    Target,
    as_in_row,
    iku_link,
    pk_target,
    renstra_links,
    renstra_sheet_target,
    renstra_target,
    uses_bab_ii,
)
from xlkip.read.cells import quote
from xlkip.read.records import Record
from xlkip.rules.rounding import excel_round
from xlkip.schema.anggaran import DPA_MURNI, REALISASI_ANGGARAN
from xlkip.schema.kinerja import IKU, RENSTRA
from xlkip.text import identity_text, nilai


def check(inputs: Inputs) -> Iterator[Finding]:
    yield from _renstra_rows(inputs)
    yield from _targets(inputs)
    yield from _programs(inputs)


def _same(a: float, b: float) -> bool:
    return excel_round(a, 4) == excel_round(b, 4)


def _at(target: Target) -> str:
    return f"sheet {target.sheet} sel {target.cell}" if target.cell else f"sheet {target.sheet}"


def _renstra_rows(inputs: Inputs) -> Iterator[Finding]:
    """The Sasaran Strategis table takes one Renstra row per IKU: a second is ambiguous."""
    first: dict[str, Record] = {}
    for row in inputs.records(RENSTRA):
        link = iku_link(row)
        if link is None:
            continue
        earlier = first.setdefault(identity_text(link), row)
        if earlier is row:
            continue
        yield peringatan(
            "iku_ganda_di_renstra",
            f"IKU '{quote(link)}' sudah disebut oleh baris {earlier.row} sheet Renstra. Target "
            f"Renstra{cited_as(inputs, 'sasaran_strategis')} diambil dari satu baris per IKU; "
            "sebut IKU ini pada satu "
            "baris saja.",
            **inputs.where(RENSTRA, row.cell("iku")),
        )


def _targets(inputs: Inputs) -> Iterator[Finding]:
    """Only where Bab II is used: without it there is no PK table to contradict."""
    if not inputs.clean(IKU) or not uses_bab_ii(inputs):
        return
    links = renstra_links(inputs)
    for record in inputs.records(IKU):
        yield from _typed_renstra(inputs, record, links)
        yield from _pk_against_target(inputs, record)
        renstra = renstra_target(inputs, record, links)
        yield from _pk_against_renstra(inputs, record, renstra)
        if renstra is None:
            yield info(
                "target_renstra_tidak_ada",
                f"Target Renstra {inputs.tahun} '{quote(record.get('indikator'))}' tidak diisi "
                "dan tidak ada baris sheet Renstra dengan nama indikator yang sama atau yang "
                "menyebut IKU ini; tabel Sasaran Strategis"
                f"{cited_as(inputs, 'sasaran_strategis')} menampilkan "
                "-. Isi kolom Target Renstra, atau pilih IKU ini di kolom 'Sama dengan IKU' "
                "sheet Renstra.",
                **inputs.where(IKU, record.cell("target_renstra")),
            )


def _typed_renstra(inputs: Inputs, record: Record, links: dict[str, Record]) -> Iterator[Finding]:
    typed, satuan = record.get("target_renstra"), record.get("satuan")
    if typed is None:
        return
    linked = renstra_sheet_target(inputs, record, links)
    if linked is None or _same(typed, linked.value):
        return
    yield peringatan(
        "target_renstra_beda",
        f"Target Renstra {inputs.tahun} '{quote(record.get('indikator'))}' tertulis "
        f"{nilai(typed, satuan)}, tetapi {_at(linked)} mencatat {nilai(linked.value, satuan)} "
        "untuk indikator yang sama. Samakan keduanya dengan dokumen Renstra.",
        **inputs.where(IKU, record.cell("target_renstra")),
    )


def _pk_against_target(inputs: Inputs, record: Record) -> Iterator[Finding]:
    pk, target = pk_target(record), record.get("target")
    if pk is None or not pk.typed or target is None or _same(pk.value, target):
        return
    yield peringatan(
        "target_pk_beda_target",
        f"Target PK '{quote(record.get('indikator'))}' {as_in_row(pk.value, record)} berbeda "
        f"dengan Target {as_in_row(target, record)} (sel {record.cell('target')}) yang dipakai "
        f"untuk capaian di Bab III{cited_as(inputs, 'capaian_iku')}. Samakan keduanya, atau "
        "perbaiki kolom Target bila "
        "Perjanjian Kinerja berubah.",
        **inputs.where(IKU, pk.cell),
    )


def _pk_against_renstra(
    inputs: Inputs, record: Record, renstra: Target | None
) -> Iterator[Finding]:
    pk = pk_target(record)
    if pk is None or renstra is None or _same(pk.value, renstra.value):
        return
    yield peringatan(
        "target_pk_beda_renstra",
        f"Target PK {inputs.tahun} '{quote(record.get('indikator'))}' "
        f"{as_in_row(pk.value, record)} ({_at(pk)}) berbeda dengan target Renstra {inputs.tahun} "
        f"{as_in_row(renstra.value, record, renstra.value)} ({_at(renstra)}). Perjanjian "
        "Kinerja mengambil target tahunan dari Renstra: samakan keduanya, atau periksa apakah "
        "keduanya indikator yang sama.",
        **inputs.where(IKU, pk.cell if pk.typed else _pk_place(record)),
    )


def _pk_place(record: Record) -> str | None:
    """Without a typed PK target, the one typed value of the two is where to look."""
    if record.get("target_renstra") is not None:
        return record.cell("target_renstra")
    return record.cell("target")


def _programs(inputs: Inputs) -> Iterator[Finding]:
    dpa = inputs.records(DPA_MURNI)
    if not dpa or not inputs.clean(REALISASI_ANGGARAN):
        return
    realisasi: dict[str, Record] = {}
    for row in inputs.records(REALISASI_ANGGARAN):
        if row.get("program") is not None:
            realisasi.setdefault(identity_text(row.get("program")), row)
    murni = {identity_text(r.get("program")): r for r in dpa if r.get("program") is not None}
    for key, row in murni.items():
        if key not in realisasi:
            yield peringatan(
                "program_tidak_di_realisasi",
                f"Program '{quote(row.get('program'))}' ada di DPA murni"
                f"{cited_as(inputs, 'anggaran_murni')} tetapi tidak ada di sheet Realisasi "
                f"Anggaran{cited_as(inputs, 'anggaran_program')}. Bila namanya berbeda, samakan "
                "penulisannya; bila program ini dihapus pada perubahan anggaran, biarkan.",
                **inputs.where(DPA_MURNI, row.cell("program")),
            )
    for key, row in realisasi.items():
        if key not in murni:
            yield peringatan(
                "program_tidak_di_dpa",
                f"Program '{quote(row.get('program'))}' ada di Realisasi Anggaran"
                f"{cited_as(inputs, 'anggaran_program')} tetapi tidak ada di sheet DPA Murni"
                f"{cited_as(inputs, 'anggaran_murni')}. Tambahkan pagu murninya (0 "
                "bila program ini baru pada perubahan anggaran), atau samakan penulisan namanya.",
                **inputs.where(REALISASI_ANGGARAN, row.cell("program")),
            )
