"""Next year's templates from this year's filled ones (`xlkip init --dari`).

Pure: from last year's Inputs (as read and checked) to the content of each template
for the new year. What carries over: identity and settings, the IKU and Renstra lists
(targets of the new year from the Renstra, last year's realisasi as "tahun lalu"), the
digital-government items with last year's nilai (unless the instrument changed), last
year's publications and complaints as "tahun lalu", the lists staff keep (media
partners, applications, programmers, other pemda), the narrative (narasi.xlsx) as
this year's draft, and the rencana aksi (triwulan.xlsx: each IKU with its Cara Hitung).
The budget starts blank.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from xlkip.inputs import Inputs
from xlkip.instrumen import instrument_for
from xlkip.instrumen.indeks import index_of
from xlkip.perencanaan import iku_link
from xlkip.read.records import Record
from xlkip.schema import narasi
from xlkip.schema.aplikasi import APLIKASI_WEBSITE, TENAGA_PROGRAMMER
from xlkip.schema.base import FormSheet, TableSheet, is_percent_unit
from xlkip.schema.identitas import IDENTITAS, PENGATURAN, SPBE_PREFIX
from xlkip.schema.informasi import MITRA_MEDIA, PUBLIKASI
from xlkip.schema.kinerja import IKU, INDEX_BUKTI, RENSTRA, index_bukti
from xlkip.schema.narasi import LAMPIRAN, NARASI, NARASI_SASARAN, STANDAR, TANDA_TAHUN_LALU
from xlkip.schema.pengaduan import PENGADUAN
from xlkip.schema.sdm import PEGAWAI
from xlkip.schema.spbe import INDEKS_DAERAH, INDEKS_TAHUN_LALU, NILAI_ASPEK
from xlkip.schema.triwulan import RENCANA_AKSI
from xlkip.schema.writer import Percent, Period
from xlkip.text import angka, identity_text

Content = dict[str, Any]


@dataclass
class Rolled:
    period: Period
    content: dict[str, Content] = field(default_factory=dict)
    """Template kind -> sheet name -> rows or field values."""
    notes: dict[str, list[str]] = field(default_factory=dict)
    """Template kind -> lines for its Petunjuk sheet."""
    instrument_note: str | None = None
    """Set when last year was evaluated with another instrument."""


def roll(last: Inputs, period: Period) -> Rolled:
    rolled = Rolled(period)
    rolled.content["identitas"] = _identitas(last, period)
    rolled.content["kinerja"] = _kinerja(last, period)
    rolled.content["triwulan"] = _triwulan(last, rolled.content["kinerja"][IKU.name])
    rolled.notes["triwulan"] = [
        "Satu baris per IKU dengan Cara Hitung tahun lalu; Target TW IV indikator Kumulatif "
        "adalah target tahun ini dari Renstra. Isi target triwulan lainnya menurut rencana "
        "aksi, dan anggaran kas menurut DPA."
    ]
    rolled.content["spbe"] = _spbe(last, period, rolled.notes)
    rolled.instrument_note = (rolled.notes.get("spbe") or [None])[0]
    rolled.content["aplikasi"] = {
        sheet.name: _copied(last, sheet) for sheet in (TENAGA_PROGRAMMER, APLIKASI_WEBSITE)
    }
    rolled.content["informasi"] = {
        MITRA_MEDIA.name: _copied(last, MITRA_MEDIA),
        PUBLIKASI.name: [
            {"jenis_media": r.get("jenis_media"), "jumlah_lalu": r.get("jumlah")}
            for r in last.records(PUBLIKASI)
        ],
    }
    rolled.content["pengaduan"] = {PENGADUAN.name: _pengaduan(last)}
    rolled.content["sdm"] = {PEGAWAI.name: _copied(last, PEGAWAI)}
    # Last year's prose is this year's draft: staff edit it rather than retype it.
    rolled.content["narasi"] = {
        s.name: _copied(last, s) for s in (NARASI, NARASI_SASARAN, LAMPIRAN)
    } | {TANDA_TAHUN_LALU.name: _tanda_tahun_lalu(last)}
    rolled.content["narasi"][STANDAR.name] = _standar(last)
    for kind, lines in rolled.notes.items():
        rolled.notes[kind] = [f"Disalin dari isian tahun {last.tahun}. {line}" for line in lines]
    for kind in rolled.content:
        rolled.notes.setdefault(kind, [_copied_note(last, kind)])
    return rolled


def _tanda_tahun_lalu(last: Inputs) -> list[dict[str, Any]]:
    """A fingerprint of every carried prose cell with the year its text was written: a
    text carried unchanged for two years keeps its first year."""
    before = {
        (r.get("lembar"), r.get("kolom"), r.get("sidik")): r.get("tahun")
        for r in last.records(TANDA_TAHUN_LALU)
    }
    cells = [(NARASI, "isi")] + [(NARASI_SASARAN, k) for k in narasi.NARASI_SASARAN_COLUMNS]
    marks: dict[tuple[str, str, str], int] = {}
    for sheet, column in cells:
        for record in last.records(sheet):
            text = record.get(column)
            if text is not None and str(text).strip():
                key = (sheet.name, column, narasi.sidik(text))
                marks.setdefault(key, before.get(key) or last.tahun)
    return [
        {"lembar": lembar, "kolom": kolom, "tahun": tahun, "sidik": sidik}
        for (lembar, kolom, sidik), tahun in marks.items()
    ]


def _copied_note(last: Inputs, kind: str) -> str:
    return (
        f"Disalin dari isian tahun {last.tahun} ({last.file_of(kind)}): periksa dan perbarui "
        "daftarnya; kolom tahun ini dikosongkan."
    )


def _measure(value: Any, satuan: Any) -> Any:
    """A read value, written back so that it reads the same (% rows hold fractions)."""
    if isinstance(value, int | float) and is_percent_unit(satuan):
        return Percent(value)
    return value


def _copied(last: Inputs, sheet: TableSheet) -> list[dict[str, Any]]:
    return [dict(r.values) for r in last.records(sheet)]


def _standar(last: Inputs) -> list[dict[str, Any]]:
    """National standards change slowly: carried, each nilai in its indicator's satuan."""
    satuan = {identity_text(r.get("indikator") or ""): r.get("satuan") for r in last.records(IKU)}
    rows = _copied(last, STANDAR)
    for row in rows:
        unit = satuan.get(identity_text(row.get("indikator") or ""))
        row["nilai"] = _measure(row.get("nilai"), unit)
    return rows


def _form(last: Inputs, sheet: FormSheet) -> dict[str, Any]:
    form = last.form(sheet)
    return {k: v for k, v in form.values.items() if v is not None} if form else {}


OF_THE_YEAR = ("tanggal_laporan", "batas_penyampaian")
"""Pengaturan rows of one report's dates: last year's would read as this year's."""


def _identitas(last: Inputs, period: Period) -> Content:
    identitas = _form(last, IDENTITAS)
    identitas.update(
        tahun=period.tahun, renstra_awal=period.renstra_awal, renstra_akhir=period.renstra_akhir
    )
    pengaturan = _form(last, PENGATURAN)
    for key in OF_THE_YEAR:
        pengaturan.pop(key, None)
    if instrument_for(period.tahun).kode != last.instrument.kode:
        # The bands of another instrument: the new one's defaults are written instead.
        pengaturan = {k: v for k, v in pengaturan.items() if not k.startswith(SPBE_PREFIX)}
    return {IDENTITAS.name: identitas, PENGATURAN.name: pengaturan}


def _renstra_target(renstra: list[Record], iku: Record, tahun: int) -> Any:
    """The Renstra target of `tahun` for an IKU: the Renstra row that names it (Sama dengan
    IKU), else the row of the same indikator."""
    name = identity_text(iku.get("indikator", ""))
    linked = [r for r in renstra if identity_text(iku_link(r) or "") == name]
    same = [r for r in renstra if identity_text(r.get("indikator", "")) == name]
    for row in (*linked, *same):
        if row.years.get(tahun) is not None:
            return row.years[tahun]
    return None


def _kinerja(last: Inputs, period: Period) -> Content:
    renstra = last.records(RENSTRA)
    new_bukti = index_bukti(instrument_for(period.tahun))
    iku = []
    for r in last.records(IKU):
        satuan = r.get("satuan")
        bukti = r.get("bukti")
        iku.append(
            {
                "sasaran": r.get("sasaran"),
                "indikator": r.get("indikator"),
                "satuan": satuan,
                "arah": r.get("arah"),
                "target": _measure(_renstra_target(renstra, r, period.tahun), satuan),
                "realisasi_lalu": _measure(r.get("realisasi"), satuan),
                "bukti": new_bukti if bukti in INDEX_BUKTI else bukti,
                # Bab II's descriptions and the programs stay; the year's targets are new.
                **{
                    key: r.get(key)
                    for key in ("tujuan", "penanggung_jawab", "sumber_data", "rumus", "program")
                },
            }
        )
    rows = []
    for r in renstra:
        satuan = r.get("satuan")
        values = {k: v for k, v in r.values.items() if k != "realisasi"}
        values.update(
            satuan=satuan,
            target={str(y): _measure(v, satuan) for y, v in r.years.items()},
        )
        rows.append(values)
    return {IKU.name: iku, RENSTRA.name: rows}


def _triwulan(last: Inputs, iku: list[dict[str, Any]]) -> Content:
    """The new year's rencana aksi: one row per IKU with last year's Cara Hitung; a
    cumulative indicator reaches the year's target at TW IV, one averaged over the quarters
    holds it each quarter (their mean is the year's). How a sum per quarter spreads over
    the year is the office's plan, left for staff; the budget per quarter starts blank."""
    from xlkip.rules.triwulan import KUMULATIF, RATA_RATA

    cara = {
        identity_text(r.get("indikator")): r.get("cara_hitung") for r in last.records(RENCANA_AKSI)
    }
    rows = []
    for row in iku:
        hitung = cara.get(identity_text(row["indikator"] or ""))
        planned = {4: row["target"]} if hitung == KUMULATIF else {}
        if hitung == RATA_RATA:
            planned = dict.fromkeys((1, 2, 3, 4), row["target"])
        rows.append(
            {
                "indikator": row["indikator"],
                "satuan": row["satuan"],
                "cara_hitung": hitung,
                **{f"target_tw{n}": target for n, target in planned.items()},
            }
        )
    return {RENCANA_AKSI.name: rows}


def _spbe(last: Inputs, period: Period, notes: dict[str, list[str]]) -> Content:
    before, now = last.instrument, instrument_for(period.tahun)
    rows = last.records(NILAI_ASPEK)
    daerah = [
        {"instansi": r.get("instansi"), "jenis": r.get("jenis")}
        for r in last.records(INDEKS_DAERAH)
    ]
    if not rows:
        return {NILAI_ASPEK.name: now.rows(), INDEKS_DAERAH.name: daerah}
    if before.kode == now.kode:
        nilai = [
            {
                **{k: r.get(k) for k in ("domain", "aspek", "indikator", "bobot")},
                "nilai_lalu": r.get("nilai"),
            }
            for r in rows
        ]
        return {
            NILAI_ASPEK.name: nilai,
            INDEKS_TAHUN_LALU.name: {"instrumen_lalu": before.nama},
            INDEKS_DAERAH.name: daerah,
        }
    index = index_of(before, rows, "nilai")
    shown = f" ({angka(index, 2)})" if index is not None else ""
    notes["spbe"] = [
        f"Tahun {last.tahun} dinilai dengan {before.nama} ({before.dasar_hukum}); tahun "
        f"{period.tahun} dengan {now.nama} ({now.dasar_hukum}). Karena unsur penilaiannya "
        f"berbeda, kolom Nilai Tahun Lalu dikosongkan; {before.nama} {last.tahun}{shown} "
        "ditulis di sheet Indeks Tahun Lalu dan ditampilkan tanpa dibandingkan."
    ]
    return {
        NILAI_ASPEK.name: now.rows(),
        INDEKS_TAHUN_LALU.name: {"instrumen_lalu": before.nama, "indeks_lalu": index},
        INDEKS_DAERAH.name: daerah,
    }


def _pengaduan(last: Inputs) -> list[dict[str, Any]]:
    """Last year's rows stay (they are this year's "tahun lalu"); a row per channel for
    the new year waits for its counts."""
    rows = [dict(r.values) for r in last.records(PENGADUAN) if r.get("tahun") == last.tahun]
    kanal = list(dict.fromkeys(r.get("kanal") for r in rows))
    return rows + [{"tahun": last.tahun + 1, "kanal": k} for k in kanal]
