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
from xlkip.schema.kinerja import INDEX_BUKTI
from xlkip.text import angka, nilai
from xlkip.validate.duplicates import identity_text


@dataclass(frozen=True)
class _Pair:
    """What is compared: the cell typed now and the value it should repeat."""

    kind: str
    sheet: str
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
            f"{pair.label} tertulis {pair.shown(mine)} di {now.file_of(pair.kind)}, tetapi isian "
            f"tahun {last.tahun} ({pair.where_then}) {pair.shown(pair.theirs)}. Samakan dengan "
            "isian tahun lalu, atau perbaiki isian tahun lalu bila itu yang keliru.",
            **now.where(pair.kind, pair.sheet, pair.record.cell(pair.key)),
        )
    yield from _indeks_lalu(now, last)


def _then(last: Inputs, kind: str, sheet: str, record: Record, key: str) -> str:
    return f"{last.folder / last.file_of(kind)}, sheet {sheet} sel {record.cell(key)}"


def _by(records: list[Record], *keys: str) -> dict[tuple[str, ...], Record]:
    found: dict[tuple[str, ...], Record] = {}
    for record in records:
        found.setdefault(tuple(identity_text(record.get(k, "")) for k in keys), record)
    return found


def _iku(now: Inputs, last: Inputs) -> Iterator[_Pair]:
    before = _by(last.records("kinerja", "IKU"), "indikator")
    index_rows = [r for r in last.records("kinerja", "IKU") if r.get("bukti") in INDEX_BUKTI]
    for record in now.records("kinerja", "IKU"):
        then = before.get((identity_text(record.get("indikator", "")),))
        if then is None and record.get("bukti") in INDEX_BUKTI and len(index_rows) == 1:
            then = index_rows[0]  # the index IKU renamed with its instrument
        if then is None or then.get("realisasi") is None:
            continue
        satuan = record.get("satuan")
        yield _Pair(
            "kinerja",
            "IKU",
            f"Realisasi tahun lalu '{quote(record.get('indikator'))}'",
            record,
            "realisasi_lalu",
            then.get("realisasi"),
            _then(last, "kinerja", "IKU", then, "realisasi"),
            lambda v, s=satuan: nilai(v, s),
        )


def _nilai(now: Inputs, last: Inputs) -> Iterator[_Pair]:
    if now.instrument_lalu.kode != last.instrument.kode:
        return
    before = _by(last.records("spbe", "Nilai Aspek"), "aspek", "indikator")
    for record in now.records("spbe", "Nilai Aspek"):
        then = before.get(tuple(identity_text(record.get(k, "")) for k in ("aspek", "indikator")))
        if then is None or then.get("nilai") is None:
            continue
        name = record.get("indikator") or record.get("aspek")
        yield _Pair(
            "spbe",
            "Nilai Aspek",
            f"Nilai tahun lalu '{quote(name)}'",
            record,
            "nilai_lalu",
            then.get("nilai"),
            _then(last, "spbe", "Nilai Aspek", then, "nilai"),
            lambda v: angka(v, 2),
        )


def _publikasi(now: Inputs, last: Inputs) -> Iterator[_Pair]:
    before = _by(last.records("informasi", "Publikasi"), "jenis_media")
    for record in now.records("informasi", "Publikasi"):
        then = before.get((identity_text(record.get("jenis_media", "")),))
        if then is None or then.get("jumlah") is None:
            continue
        yield _Pair(
            "informasi",
            "Publikasi",
            f"Jumlah tahun lalu '{quote(record.get('jenis_media'))}'",
            record,
            "jumlah_lalu",
            then.get("jumlah"),
            _then(last, "informasi", "Publikasi", then, "jumlah"),
            angka,
        )


def _pengaduan(now: Inputs, last: Inputs) -> Iterator[_Pair]:
    rows = [r for r in last.records("pengaduan", "Pengaduan") if r.get("tahun") == last.tahun]
    before = _by(rows, "kanal")
    for record in now.records("pengaduan", "Pengaduan"):
        if record.get("tahun") != last.tahun:
            continue
        then = before.get((identity_text(record.get("kanal", "")),))
        if then is None:
            continue
        for key, what in (("jumlah", "Jumlah pengaduan"), ("sudah", "Sudah ditindaklanjuti")):
            if then.get(key) is None:
                continue
            yield _Pair(
                "pengaduan",
                "Pengaduan",
                f"{what} {last.tahun} '{quote(record.get('kanal'))}'",
                record,
                key,
                then.get(key),
                _then(last, "pengaduan", "Pengaduan", then, key),
                angka,
            )


def _indeks_lalu(now: Inputs, last: Inputs) -> Iterator[Finding]:
    """Across instruments last year's index is typed whole: it must be last year's."""
    form = now.form("spbe", "Indeks Tahun Lalu")
    typed = form.get("indeks_lalu") if form else None
    if typed is None or now.instrument_lalu.kode != last.instrument.kode:
        return
    rows = last.records("spbe", "Nilai Aspek")
    index = index_of(last.instrument, rows, "nilai")
    if index is None or excel_round(typed, 2) == excel_round(index, 2):
        return
    yield peringatan(
        "beda_dengan_tahun_lalu",
        f"{last.instrument.nama} {last.tahun} tertulis {angka(typed, 2)} di "
        f"{now.file_of('spbe')}, tetapi menurut isian tahun {last.tahun} "
        f"({last.folder / last.file_of('spbe')}, sheet Nilai Aspek) {angka(index, 2)}. Samakan "
        "dengan isian tahun lalu, atau perbaiki isian tahun lalu bila itu yang keliru.",
        **now.where("spbe", "Indeks Tahun Lalu", form.cells.get("indeks_lalu")),
    )
