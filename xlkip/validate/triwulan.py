"""The quarterly module against itself and against the annual templates.

Within triwulan.xlsx: a realisasi typed before its target, a quarter of realisasi or kas
skipped, a
cumulative figure that falls, money spent beyond the kas plan. Against kinerja.xlsx and
anggaran.xlsx (one set of facts): the year's realisasi equals the quarters' (the
indicator's rule at TW IV; the sum of the budget's quarters), said at both cells.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from xlkip.findings import Finding, Report, info, peringatan
from xlkip.inputs import Inputs
from xlkip.read.cells import quote
from xlkip.read.records import Record
from xlkip.rules.capaian import NAIK
from xlkip.rules.rounding import excel_round
from xlkip.rules.triwulan import KUMULATIF, TRIWULAN, figure_to_date
from xlkip.schema.anggaran import REALISASI_ANGGARAN
from xlkip.schema.kinerja import IKU
from xlkip.schema.triwulan import ANGGARAN_TRIWULAN, RENCANA_AKSI, ROMAWI
from xlkip.text import angka, identity_text, nilai

MEASURE_DIGITS = 4
"""Indicator figures agree when equal to four decimals (0,01% of a percentage)."""
MONEY_DIGITS = 2
HALF_SEN = 0.005
"""Rupiah amounts differ when they differ by a sen or more (as rounded to MONEY_DIGITS)."""


def check(inputs: Inputs) -> Iterator[Finding]:
    if not inputs.has("triwulan"):
        return
    iku = {identity_text(r.get("indikator")): r for r in inputs.records(IKU)}
    for record in inputs.records(RENCANA_AKSI):
        # Not the targets: a plan may be typed in any order (init --dari writes Target TW
        # IV first); a target missing where realisasi is typed is said by
        # _realisasi_before_target. Realisasi and kas are reported quarter after quarter.
        yield from _series(inputs, RENCANA_AKSI, record, ("realisasi",))
        yield from _realisasi_before_target(inputs, record)
        annual = iku.get(identity_text(record.get("indikator")))
        if annual is None:
            if inputs.has("kinerja") and inputs.clean(IKU):
                yield _unknown_indicator(inputs, record)
            continue
        yield from _falling(inputs, record, annual)
        yield from _annual_iku(inputs, record, annual)
    budget = Budget.of(inputs.records(REALISASI_ANGGARAN))
    for record in inputs.records(ANGGARAN_TRIWULAN):
        yield from _series(inputs, ANGGARAN_TRIWULAN, record, ("kas", "realisasi"))
        yield from _beyond_kas(inputs, record)
        yield from _annual_budget(inputs, record, budget)


QUARTER_KEYS = {key: [f"{key}_tw{n}" for n in TRIWULAN] for key in ("target", "realisasi", "kas")}


def quarters(record: Record, key: str) -> list[float | None]:
    """The row's four values of `key` (target, realisasi, kas), TW I first."""
    values = record.values  # the keys are the schema's: read straight, 50k rows a budget
    return [values.get(k) for k in QUARTER_KEYS[key]]


def _cell(record: Record, key: str, n: int) -> str | None:
    return record.cell(f"{key}_tw{n}")


def _series(inputs: Inputs, sheet, record: Record, keys: tuple[str, ...]) -> Iterator[Finding]:
    for key in keys:
        values = quarters(record, key)
        filled = [n for n in TRIWULAN if values[n - 1] is not None]
        if not filled or len(filled) == filled[-1]:
            continue  # nothing typed, or TW I … TW n all typed
        n = next(m for m in TRIWULAN if values[m - 1] is None)
        later = [ROMAWI[m - 1] for m in filled if m > n]
        yield peringatan(
            "triwulan_terlewat",
            f"Kolom {_header(sheet, key, n)} '{quote(_name(record))}' kosong, padahal "
            f"TW {', '.join(later)} sudah diisi. Isi triwulan {ROMAWI[n - 1]} (ketik 0 "
            "bila memang nol), atau kosongkan triwulan sesudahnya.",
            **inputs.where(sheet, _cell(record, key, n)),
        )


def _header(sheet, key: str, n: int) -> str:
    return sheet.column(f"{key}_tw{n}").header


def _name(record: Record) -> str:
    for key in ("indikator", "sub_kegiatan", "program"):
        if key in record.known and record.get(key) is not None:
            return record.get(key)
    return ""


def _realisasi_before_target(inputs: Inputs, record: Record) -> Iterator[Finding]:
    targets, realisasi = quarters(record, "target"), quarters(record, "realisasi")
    for n in TRIWULAN:
        if realisasi[n - 1] is not None and targets[n - 1] is None:
            yield peringatan(
                "realisasi_tanpa_target_triwulan",
                f"Realisasi TW {ROMAWI[n - 1]} '{quote(record.get('indikator'))}' diisi, tetapi "
                f"target TW {ROMAWI[n - 1]}-nya kosong, sehingga capaiannya tidak dapat "
                f"dihitung. Isi target TW {ROMAWI[n - 1]} menurut rencana aksi (sel "
                f"{_cell(record, 'target', n)}).",
                **inputs.where(RENCANA_AKSI, _cell(record, "realisasi", n)),
            )


def _falling(inputs: Inputs, record: Record, annual: Record) -> Iterator[Finding]:
    """A cumulative figure of a Naik indicator never falls; a Turun indicator's may (it
    is meant to), so it is not checked."""
    if record.get("cara_hitung") != KUMULATIF or annual.get("arah") != NAIK:
        return
    for key, label in (("target", "Target"), ("realisasi", "Realisasi")):
        values = quarters(record, key)
        for n in TRIWULAN[1:]:
            before, now = values[n - 2], values[n - 1]
            if before is None or now is None or excel_round(now - before, MEASURE_DIGITS) >= 0:
                continue
            satuan = record.get("satuan")
            yield peringatan(
                "kumulatif_menurun",
                f"{label} TW {ROMAWI[n - 1]} '{quote(record.get('indikator'))}' "
                f"({nilai(now, satuan)}) lebih kecil dari TW {ROMAWI[n - 2]} "
                f"({nilai(before, satuan)}), padahal cara hitungnya {KUMULATIF} dan arahnya "
                f"{NAIK}: angka kumulatif tidak turun. Periksa angkanya, atau pilih Cara Hitung "
                "'Per triwulan' bila angka tiap triwulan hanya untuk triwulan itu.",
                **inputs.where(RENCANA_AKSI, _cell(record, key, n)),
            )


def _annual_iku(inputs: Inputs, record: Record, annual: Record) -> Iterator[Finding]:
    cara, year = record.get("cara_hitung"), annual.get("realisasi")
    values = quarters(record, "realisasi")
    if cara is None or year is None or values[-1] is None:
        return  # the year is not over in this file, or the annual figure is not typed
    if cara != KUMULATIF and None in values:
        return
    figure = figure_to_date(cara, values)
    if figure is None or excel_round(figure, MEASURE_DIGITS) == excel_round(year, MEASURE_DIGITS):
        return
    satuan = annual.get("satuan")
    name = quote(record.get("indikator"))
    tw_cell = (
        _cell(record, "realisasi", 4)
        if cara == KUMULATIF
        else (f"{_cell(record, 'realisasi', 1)}:{_cell(record, 'realisasi', 4)}")
    )
    rule = "TW IV" if cara == KUMULATIF else f"TW I–IV ({cara.lower()})"
    here = f"{inputs.file_of('triwulan')} sheet {RENCANA_AKSI.name} sel {tw_cell}"
    there = f"{inputs.file_of('kinerja')} sheet {IKU.name} sel {annual.cell('realisasi')}"
    fix = "Samakan keduanya: satu realisasi tahunan untuk LKjIP dan laporan triwulan."
    yield peringatan(
        "realisasi_tahunan_beda_triwulan",
        f"Realisasi tahunan '{name}' {nilai(year, satuan)}, tetapi menurut {rule} di {here} "
        f"{nilai(figure, satuan)}. {fix}",
        **inputs.where(IKU, annual.cell("realisasi")),
    )
    yield peringatan(
        "realisasi_tahunan_beda_triwulan",
        f"Realisasi '{name}' menurut {rule} {nilai(figure, satuan)}, tetapi realisasi tahunan "
        f"di {there} {nilai(year, satuan)}. {fix}",
        **inputs.where(RENCANA_AKSI, tw_cell),
    )


def _beyond_kas(inputs: Inputs, record: Record) -> Iterator[Finding]:
    """Money spent to date beyond the kas planned to date (the first quarter it happens)."""
    kas, realisasi = quarters(record, "kas"), quarters(record, "realisasi")
    spent = planned = 0.0
    for n in TRIWULAN:
        spent += realisasi[n - 1] or 0
        planned += kas[n - 1] or 0
        if realisasi[n - 1] is None or spent - planned < HALF_SEN:
            continue
        yield peringatan(
            "realisasi_melebihi_kas",
            f"Realisasi '{quote(_name(record))}' sampai TW {ROMAWI[n - 1]} Rp{angka(spent)} "
            f"melebihi anggaran kas sampai triwulan itu Rp{angka(planned)}. Periksa "
            "realisasi dengan SP2D, atau perbarui anggaran kas menurut DPA (pergeseran "
            "anggaran kas).",
            **inputs.where(ANGGARAN_TRIWULAN, _cell(record, "realisasi", n)),
        )
        return


NAME_KEYS = ("program", "kegiatan", "sub_kegiatan")


@dataclass
class Budget:
    """The annual budget's rows by sub kegiatan and by program: names as typed first
    (the usual copy), else as a person reads them."""

    records: list[Record]
    exact: dict[tuple[Any, ...], Record]
    _read_as: dict[tuple[str, ...], Record] | None = None
    _programs: dict[str, list[Record]] | None = None

    @classmethod
    def of(cls, records: list[Record]) -> Budget:
        exact: dict[tuple[Any, ...], Record] = {}
        for r in records:
            exact.setdefault(tuple(r.values.get(k) for k in NAME_KEYS), r)
        return cls(records, exact)

    def rows_of(self, record: Record) -> list[Record] | None:
        """The annual rows the quarterly row stands for; None when none is named so."""
        if record.get("sub_kegiatan") is None:
            return self.programs().get(identity_text(record.get("program", "")))
        row = self.exact.get(tuple(record.values.get(k) for k in NAME_KEYS))
        if row is None:
            row = self.read_as().get(_sub_key(record))
        return [row] if row is not None else None

    def read_as(self) -> dict[tuple[str, ...], Record]:
        if self._read_as is None:
            self._read_as = {}
            for r in self.records:
                self._read_as.setdefault(_sub_key(r), r)
        return self._read_as

    def programs(self) -> dict[str, list[Record]]:
        if self._programs is None:
            self._programs = {}
            for r in self.records:
                self._programs.setdefault(identity_text(r.get("program", "")), []).append(r)
        return self._programs


def _sub_key(record: Record) -> tuple[str, ...]:
    return tuple(identity_text(record.get(k, "")) for k in NAME_KEYS)


def _annual_budget(inputs: Inputs, record: Record, budget: Budget) -> Iterator[Finding]:
    if not inputs.has("anggaran") or not inputs.clean(REALISASI_ANGGARAN):
        return
    rows = budget.rows_of(record)
    level = "sub kegiatan" if record.get("sub_kegiatan") is not None else "program"
    name_cell = record.cell("sub_kegiatan" if level == "sub kegiatan" else "program")
    if rows is None:
        yield peringatan(
            "anggaran_triwulan_tidak_dikenal",
            f"{level.capitalize()} '{quote(_name(record))}' tidak ada di "
            f"{inputs.file_of('anggaran')} (sheet {REALISASI_ANGGARAN.name}) dengan program "
            "dan kegiatan yang sama. Tulis namanya persis seperti di sana.",
            **inputs.where(ANGGARAN_TRIWULAN, name_cell),
        )
        return
    values = quarters(record, "realisasi")
    yearly = [r.get("realisasi") for r in rows]
    if None in values or None in yearly:
        return
    quarters_sum, year = sum(values), sum(yearly)
    if abs(quarters_sum - year) < HALF_SEN:
        return
    tw_cells = f"{_cell(record, 'realisasi', 1)}:{_cell(record, 'realisasi', 4)}"
    first, last = rows[0].cell("realisasi"), rows[-1].cell("realisasi")
    annual_cells = first if len(rows) == 1 else f"{first}:{last}"
    fix = "Samakan keduanya: realisasi tahunan adalah jumlah keempat triwulan."
    yield peringatan(
        "anggaran_tahunan_beda_triwulan",
        f"Realisasi tahunan {level} '{quote(_name(record))}' Rp{angka(year)}, tetapi jumlah "
        f"TW I–IV di {inputs.file_of('triwulan')} sheet {ANGGARAN_TRIWULAN.name} sel {tw_cells} "
        f"Rp{angka(quarters_sum)}. {fix}",
        **inputs.where(REALISASI_ANGGARAN, annual_cells),
    )
    yield peringatan(
        "anggaran_tahunan_beda_triwulan",
        f"Jumlah realisasi TW I–IV {level} '{quote(_name(record))}' Rp{angka(quarters_sum)}, "
        f"tetapi realisasi tahunan di {inputs.file_of('anggaran')} sheet "
        f"{REALISASI_ANGGARAN.name} sel {annual_cells} Rp{angka(year)}. {fix}",
        **inputs.where(ANGGARAN_TRIWULAN, tw_cells),
    )


def _unknown_indicator(inputs: Inputs, record: Record) -> Finding:
    return peringatan(
        "indikator_triwulan_tidak_dikenal",
        f"Indikator '{quote(record.get('indikator'))}' tidak ada di sheet {IKU.name} "
        f"({inputs.file_of('kinerja')}). Tulis namanya persis seperti di sheet IKU; rencana "
        "aksi hanya dibuat untuk IKU.",
        **inputs.where(RENCANA_AKSI, record.cell("indikator")),
    )


ANNUAL_REALISASI = (
    (IKU, "kinerja", "realisasi IKU"),
    (REALISASI_ANGGARAN, "anggaran", "realisasi anggaran"),
)


def before_year_end(inputs: Inputs, report: Report) -> None:
    """For the monitoring workbook and the quarterly rekap: the year's realisasi is typed
    only when the year is over, so its empty cells are said once per sheet as an info,
    not an error each (the annual report still requires them)."""
    for sheet, kind, label in ANNUAL_REALISASI:
        records = inputs.records(sheet)
        letter = records[0].letters.get("realisasi") if records else None
        if letter is None:
            continue
        place = (inputs.file_of(kind), sheet.name, letter)
        empty = [f for f in report.findings if _empty_at(f, place)]
        if not empty:
            continue
        report.findings = [f for f in report.findings if not _empty_at(f, place)]
        report.add(
            info(
                "realisasi_tahunan_belum_diisi",
                f"Kolom Realisasi ({label}) di sheet {sheet.name} masih kosong pada "
                f"{len(empty)} baris: wajar sebelum tahun berakhir, karena laporan triwulan "
                "memakai triwulan.xlsx. Isi realisasi tahunan sebelum menyusun LKjIP.",
                **inputs.where(sheet, f"{letter}{records[0].row}:{letter}{records[-1].row}"),
            )
        )


def _empty_at(finding: Finding, place: tuple[str, str, str]) -> bool:
    """A required cell left empty in the given (file, sheet, column letter)."""
    file, sheet, letter = place
    return (
        finding.kode == "wajib_kosong"
        and (finding.file, finding.sheet) == (file, sheet)
        and (finding.sel or "").rstrip("0123456789") == letter
    )
