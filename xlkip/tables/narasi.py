"""Short Indonesian sentences in the report's own style, generated from the numbers.

Nothing here is written for the example: every sentence is built from the computed
value of a table cell, so different inputs give different sentences.
"""

from __future__ import annotations

from xlkip.rules.predikat import KINERJA_LABELS, Scale, kinerja_scale
from xlkip.rules.values import number_or_none
from xlkip.schema.identitas import KINERJA_PREFIX, SPBE_PREFIX, scale_key
from xlkip.sheet.model import Slot
from xlkip.tables.anggaran import anggaran_program
from xlkip.tables.common import Context
from xlkip.tables.kinerja import capaian_iku
from xlkip.tables.layanan import pengaduan_dua_tahun, publikasi
from xlkip.tables.perencanaan import anggaran_murni
from xlkip.tables.spbe import indeks_spbe
from xlkip.text import angka, as_shown, persen_tabel


def _shown(cell: Slot) -> str:
    """A cell's value exactly as its table prints it."""
    return as_shown(cell.value(), cell.style.num_format or "General")


def _bounds(ctx: Context, prefix: str, labels: tuple[str, ...]) -> tuple[float, ...]:
    return tuple(ctx.inputs.setting(scale_key(prefix, label)) for label in labels[:-1])


def _trend(after: float, before: float | None, shown: str) -> str:
    if before is None:
        return ""
    if after > before:
        return f", naik dari {shown} pada tahun sebelumnya"
    if after < before:
        return f", turun dari {shown} pada tahun sebelumnya"
    return ", sama dengan tahun sebelumnya"


def kinerja_sentences(ctx: Context) -> list[str]:
    scale = kinerja_scale(_bounds(ctx, KINERJA_PREFIX, KINERJA_LABELS))
    iku = ctx.maybe(capaian_iku)
    if iku is None:
        return []
    sentences = []
    for row in iku.sasaran:
        sasaran, value = row.sasaran, number_or_none(row.capaian.value())
        if value is not None and sasaran:
            sentences.append(
                f'Capaian indikator kinerja sasaran "{sasaran}" adalah '
                f"{scale.classify(value).lower()}, yaitu mencapai {_shown(row.capaian)}."
            )
    if number_or_none(iku.rata.value()) is not None:
        value = iku.rata.value()
        sentences.append(
            f"Capaian kinerja rata-rata tahun {ctx.tahun} sebesar {_shown(iku.rata)} "
            f"dengan predikat {scale.classify(value)}."
        )
    below = [
        (row.record.get("indikator"), row.capaian)
        for row in iku.rows
        if number_or_none(row.capaian.value()) is not None and row.capaian.value() < 1
    ]
    if below:
        listed = "; ".join(f"{name} ({_shown(cell)})" for name, cell in below)
        sentences.append(f"Indikator yang belum mencapai target: {listed}.")
    return sentences


def anggaran_sentences(ctx: Context) -> list[str]:
    money = ctx.maybe(anggaran_program)
    if money is None:
        return []
    pagu, realisasi = money.anggaran.value(), money.realisasi.value()
    ratio = number_or_none(money.persen.value())
    shown = f" ({_shown(money.persen)})" if ratio is not None else ""
    sentences = [
        f"Realisasi anggaran tahun {ctx.tahun} sebesar Rp{angka(realisasi)} dari pagu "
        f"Rp{angka(pagu)}{shown}, dengan sisa anggaran Rp{angka(pagu - realisasi)}."
    ]
    efisiensi = number_or_none(money.efisiensi.value())
    if efisiensi is not None:
        sentences.append(
            f"Tingkat efisiensi penggunaan anggaran sebesar {_shown(money.efisiensi)}."
        )
    sentences.extend(_perubahan_sentence(ctx))
    return sentences


def _perubahan_sentence(ctx: Context) -> list[str]:
    """The budget change: DPA murni (Bab II) against the budget after the change (Bab III)."""
    murni = ctx.maybe(anggaran_murni)
    if murni is None or murni.perubahan is None or murni.selisih is None:
        return []
    before, after = murni.murni.value(), murni.perubahan.value()
    change = murni.selisih.value()
    if not change:
        return [f"Pagu anggaran tidak berubah dari DPA murni sebesar Rp{angka(before)}."]
    word = "naik" if change > 0 else "turun"
    share = f" ({persen_tabel(abs(change) / before)})" if before else ""
    return [
        f"Pagu anggaran {word} dari Rp{angka(before)} pada DPA murni menjadi Rp{angka(after)} "
        f"setelah perubahan anggaran, selisih Rp{angka(abs(change))}{share}."
    ]


def layanan_sentences(ctx: Context) -> list[str]:
    return [line for lines in layanan_sentences_by_table(ctx).values() for line in lines]


def layanan_sentences_by_table(ctx: Context) -> dict[str, list[str]]:
    """The evidence tables' sentences, by the key of the table each speaks of."""
    return {
        indeks_spbe.key: _spbe_sentences(ctx),
        pengaduan_dua_tahun.key: _pengaduan_sentences(ctx),
        publikasi.key: _informasi_sentences(ctx),
    }


def _spbe_sentences(ctx: Context) -> list[str]:
    sentences = []
    spbe = ctx.maybe(indeks_spbe)
    totals = spbe.totals if spbe else None
    if totals and number_or_none(totals[ctx.tahun].value()) is not None:
        now, before = totals[ctx.tahun].value(), number_or_none(totals[ctx.tahun - 1].value())
        instrument = ctx.inputs.instrument
        keys = [SPBE_PREFIX + b.kode for b in instrument.predikat if b.batas is not None]
        scale = Scale(tuple(ctx.inputs.setting(k) for k in keys), instrument.labels, digits=2)
        if spbe.lintas:
            # Another instrument last year: said, never compared (no naik/turun).
            lalu = ctx.inputs.instrument_lalu
            shown = f" sebesar {angka(before, 2)}" if before is not None else ""
            trend = (
                f"; tahun {ctx.tahun - 1} dinilai dengan {lalu.nama}{shown}, instrumen yang "
                "berbeda sehingga tidak dibandingkan"
            )
        else:
            trend = _trend(now, before, angka(before, 2) if before is not None else "")
        sentences.append(
            f"{instrument.nama} {ctx.pemda} tahun {ctx.tahun} sebesar {angka(now, 2)} "
            f"dengan {instrument.skala.lower()} {scale.classify(now)}{trend}."
        )
    return sentences


def _pengaduan_sentences(ctx: Context) -> list[str]:
    sentences = []
    pengaduan = ctx.maybe(pengaduan_dua_tahun)
    if pengaduan:
        total = pengaduan.totals[ctx.tahun]
        rasio = number_or_none(total["rasio"].value())
        if rasio is not None:
            sentences.append(
                f"Sebanyak {angka(total['sudah'].value())} dari {angka(total['jumlah'].value())} "
                f"pengaduan masyarakat secara online ({_shown(total['rasio'])}) telah "
                "ditindaklanjuti."
            )
    return sentences


def _informasi_sentences(ctx: Context) -> list[str]:
    sentences = []
    informasi = ctx.maybe(publikasi)
    if informasi:
        informasi = informasi.totals
        now, before = informasi[ctx.tahun].value(), number_or_none(informasi[ctx.tahun - 1].value())
        trend = ""
        if before:
            change = (now - before) / before
            word = "naik" if change >= 0 else "turun"
            trend = (
                f", {word} {persen_tabel(abs(change))} dibanding {angka(before)} pada tahun "
                f"{ctx.tahun - 1}"
            )
        sentences.append(f"Jumlah informasi yang dipublikasikan sebanyak {angka(now)}{trend}.")
    return sentences


def sentences(ctx: Context) -> list[str]:
    return kinerja_sentences(ctx) + anggaran_sentences(ctx) + layanan_sentences(ctx)
