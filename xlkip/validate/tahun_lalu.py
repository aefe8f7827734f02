"""This year's "tahun lalu" values against last year's own inputs (`--tahun-lalu`)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from xlkip.findings import Finding, peringatan
from xlkip.inputs import Inputs
from xlkip.instrumen.indeks import index_of
from xlkip.read.cells import quote
from xlkip.read.records import Record
from xlkip.rules.rounding import excel_round
from xlkip.schema.base import TableSheet
from xlkip.schema.informasi import PUBLIKASI
from xlkip.schema.kinerja import IKU, INDEX_BUKTI
from xlkip.schema.pengaduan import PENGADUAN
from xlkip.schema.spbe import INDEKS_TAHUN_LALU, NILAI_ASPEK
from xlkip.text import angka, identity_text, nilai


@dataclass(frozen=True)
class _Pair:
    """What is compared: the cell typed now and the value it should repeat."""

    sheet: TableSheet
    label: str
    record: Record
    key: str
    theirs: float
    where_then: str
    shown: Callable[[float], str]
    digits: int = 4


def check(now: Inputs, last: Inputs) -> Iterator[Finding]:
    pairs = [*_iku(now, last), *_nilai(now, last), *_publikasi(now, last), *_pengaduan(now, last)]
    for pair in pairs:
        mine = pair.record.get(pair.key)
        if mine is None or excel_round(mine, pair.digits) == excel_round(pair.theirs, pair.digits):
            continue
        yield peringatan(
            "beda_dengan_tahun_lalu",
            f"{pair.label} tertulis {pair.shown(mine)} di {now.file_of_sheet(pair.sheet)}, "
            f"tetapi isian tahun {last.tahun} ({pair.where_then}) {pair.shown(pair.theirs)}. "
            "Samakan dengan isian tahun lalu, atau perbaiki isian tahun lalu bila itu yang "
            "keliru.",
            **now.where(pair.sheet, pair.record.cell(pair.key)),
        )
    yield from _indeks_lalu(now, last)


def _then(last: Inputs, sheet: TableSheet, record: Record, key: str) -> str:
    file = last.folder / last.file_of_sheet(sheet)
    return f"{file}, sheet {sheet.name} sel {record.cell(key)}"


def _by(records: list[Record], *keys: str) -> dict[tuple[str, ...], Record]:
    found: dict[tuple[str, ...], Record] = {}
    for record in records:
        found.setdefault(tuple(identity_text(record.get(k, "")) for k in keys), record)
    return found


def _iku(now: Inputs, last: Inputs) -> Iterator[_Pair]:
    before = _by(last.records(IKU), "indikator")
    index_rows = [r for r in last.records(IKU) if r.get("bukti") in INDEX_BUKTI]
    for record in now.records(IKU):
        then = before.get((identity_text(record.get("indikator", "")),))
        if then is None and record.get("bukti") in INDEX_BUKTI and len(index_rows) == 1:
            then = index_rows[0]  # the index IKU renamed with its instrument
        if then is None or then.get("realisasi") is None:
            continue
        satuan = record.get("satuan")
        yield _Pair(
            IKU,
            f"Realisasi tahun lalu '{quote(record.get('indikator'))}'",
            record,
            "realisasi_lalu",
            then.get("realisasi"),
            _then(last, IKU, then, "realisasi"),
            lambda v, s=satuan: nilai(v, s),
        )


def _nilai(now: Inputs, last: Inputs) -> Iterator[_Pair]:
    if now.instrument_lalu.kode != last.instrument.kode:
        return
    before = _by(last.records(NILAI_ASPEK), "aspek", "indikator")
    for record in now.records(NILAI_ASPEK):
        then = before.get(tuple(identity_text(record.get(k, "")) for k in ("aspek", "indikator")))
        if then is None or then.get("nilai") is None:
            continue
        name = record.get("indikator") or record.get("aspek")
        yield _Pair(
            NILAI_ASPEK,
            f"Nilai tahun lalu '{quote(name)}'",
            record,
            "nilai_lalu",
            then.get("nilai"),
            _then(last, NILAI_ASPEK, then, "nilai"),
            lambda v: angka(v, 2),
        )


def _publikasi(now: Inputs, last: Inputs) -> Iterator[_Pair]:
    before = _by(last.records(PUBLIKASI), "jenis_media")
    for record in now.records(PUBLIKASI):
        then = before.get((identity_text(record.get("jenis_media", "")),))
        if then is None or then.get("jumlah") is None:
            continue
        yield _Pair(
            PUBLIKASI,
            f"Jumlah tahun lalu '{quote(record.get('jenis_media'))}'",
            record,
            "jumlah_lalu",
            then.get("jumlah"),
            _then(last, PUBLIKASI, then, "jumlah"),
            angka,
        )


def _pengaduan(now: Inputs, last: Inputs) -> Iterator[_Pair]:
    rows = [r for r in last.records(PENGADUAN) if r.get("tahun") == last.tahun]
    before = _by(rows, "kanal")
    for record in now.records(PENGADUAN):
        if record.get("tahun") != last.tahun:
            continue
        then = before.get((identity_text(record.get("kanal", "")),))
        if then is None:
            continue
        for key, what in (("jumlah", "Jumlah pengaduan"), ("sudah", "Sudah ditindaklanjuti")):
            if then.get(key) is None:
                continue
            yield _Pair(
                PENGADUAN,
                f"{what} {last.tahun} '{quote(record.get('kanal'))}'",
                record,
                key,
                then.get(key),
                _then(last, PENGADUAN, then, key),
                angka,
            )


def _indeks_lalu(now: Inputs, last: Inputs) -> Iterator[Finding]:
    """Across instruments last year's index is typed whole: it must be last year's."""
    form = now.form(INDEKS_TAHUN_LALU)
    typed = form.get("indeks_lalu") if form else None
    if typed is None or now.instrument_lalu.kode != last.instrument.kode:
        return
    rows = last.records(NILAI_ASPEK)
    index = index_of(last.instrument, rows, "nilai")
    if index is None or excel_round(typed, 2) == excel_round(index, 2):
        return
    yield peringatan(
        "beda_dengan_tahun_lalu",
        f"{last.instrument.nama} {last.tahun} tertulis {angka(typed, 2)} di "
        f"{now.file_of('spbe')}, tetapi menurut isian tahun {last.tahun} "
        f"({last.folder / last.file_of('spbe')}, sheet Nilai Aspek) {angka(index, 2)}. Samakan "
        "dengan isian tahun lalu, atau perbaiki isian tahun lalu bila itu yang keliru.",
        **now.where(INDEKS_TAHUN_LALU, form.cells.get("indeks_lalu")),
    )
