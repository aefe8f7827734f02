"""Pemerintah digital: the evaluation's scored items for two years, and other pemda.

One template for both instruments (xlkip.instrumen): up to tahun 2025 the 8 aspects of
the Indeks SPBE grouped in 4 domains, from 2026 the 20 indicators of the Indeks
Pemerintah Digital grouped in 7 aspects. `xlkip init` prefills the list of the year's
instrument with its weights; staff may correct it to the evaluation they received.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from functools import cache
from typing import TYPE_CHECKING

from xlkip.instrumen import Instrument, instrument_for, instruments
from xlkip.names import pemda_key, same_pemda
from xlkip.schema.base import (
    Choices,
    Column,
    Field,
    FormSheet,
    Kind,
    TableSheet,
    Template,
    spellings,
)
from xlkip.schema.kinerja import instrument_aliases

if TYPE_CHECKING:
    from xlkip.read.records import Record

JENIS_PEMDA = ("Provinsi", "Kabupaten", "Kota")

NILAI_ASPEK = TableSheet(
    name="Nilai Aspek",
    table_name="NilaiAspek",
    title="Nilai evaluasi pemerintah digital tahun {tahun_lalu} dan {tahun}",
    description="Satu baris per unsur yang dinilai (aspek SPBE, atau indikator Indeks "
    "Pemerintah Digital), dengan bobotnya. Indeks dihitung xlkip.",
    columns=(
        Column(
            "domain",
            "Domain",
            Kind.TEXT,
            "Domain penilaian SPBE (sampai tahun 2025). Kosongkan untuk Indeks Pemerintah "
            "Digital. Boleh kosong bila sama dengan baris di atasnya.",
            required=False,
            fill_down=True,
            width=30,
            groups=True,
        ),
        Column(
            "aspek",
            "Aspek",
            Kind.TEXT,
            "Aspek penilaian. Boleh kosong bila sama dengan baris di atasnya.",
            fill_down=True,
            width=44,
        ),
        Column(
            "indikator",
            "Indikator",
            Kind.TEXT,
            "Indikator penilaian Indeks Pemerintah Digital (mulai tahun 2026). Kosongkan "
            "untuk SPBE, yang dinilai per aspek.",
            required=False,
            width=40,
        ),
        Column(
            "bobot",
            "Bobot",
            Kind.PERCENT,
            "Bobot unsur terhadap indeks; jumlah seluruh bobot harus 100%.",
            maximum=1,
            width=10,
        ),
        Column(
            "nilai_lalu",
            "Nilai Tahun Lalu ({tahun_lalu})",
            Kind.INDEX,
            "Nilai hasil evaluasi tahun lalu (0–5) dengan instrumen yang sama. Kosongkan bila "
            "tahun lalu dinilai dengan instrumen lain.",
            required=False,
            maximum=5,
            width=14,
        ),
        Column(
            "nilai",
            "Nilai Tahun Ini ({tahun})",
            Kind.INDEX,
            "Nilai hasil evaluasi tahun laporan (0–5).",
            maximum=5,
            width=14,
        ),
    ),
    unique=("aspek", "indikator"),
    blank_rows=20,
    prefilled=("domain", "aspek", "indikator", "bobot"),
)

INDEKS_TAHUN_LALU = FormSheet(
    name="Indeks Tahun Lalu",
    title="Instrumen dan indeks tahun lalu",
    description="Bila tahun lalu dinilai dengan instrumen lain (mis. Indeks SPBE 2025 di laporan "
    "2026), tulis indeks akhirnya di sini: kedua indeks ditampilkan tanpa dibandingkan.",
    fields=(
        Field(
            "instrumen_lalu",
            "Instrumen Tahun Lalu",
            Kind.CHOICE,
            "Instrumen evaluasi yang menilai tahun lalu. Sudah terisi menurut tahunnya.",
            required=False,
            choices=tuple(i.nama for i in instruments()),
            choice_aliases=spellings(instrument_aliases()),
        ),
        Field(
            "indeks_lalu",
            "Indeks Tahun Lalu",
            Kind.INDEX,
            "Indeks akhir tahun lalu, hanya bila instrumennya berbeda dengan tahun ini. Bila "
            "sama, kosongkan: indeks dihitung dari kolom Nilai Tahun Lalu.",
            required=False,
            maximum=5,
        ),
    ),
    required=False,
)

INDEKS_DAERAH = TableSheet(
    name="Indeks Daerah Lain",
    table_name="IndeksDaerahLain",
    title="Indeks pemerintah daerah se-provinsi tahun {tahun}",
    description="Satu baris per pemerintah daerah, sesuai Keputusan MenPANRB. Predikat dan "
    "peringkat dihitung xlkip.",
    columns=(
        Column(
            "instansi",
            "Nama Instansi",
            Kind.TEXT,
            "Mis. Pemerintah Kab. Langkat. Baris pemda sendiri boleh ada atau tidak; "
            "Kab./Kabupaten dan dengan atau tanpa 'Pemerintah' dianggap sama.",
            width=42,
            identity=pemda_key,
        ),
        Column(
            "jenis",
            "Jenis",
            Kind.CHOICE,
            "Provinsi, Kabupaten atau Kota.",
            choices=JENIS_PEMDA,
            choice_aliases=spellings(
                {"Provinsi": ("Prov", "Prop", "Propinsi"), "Kabupaten": ("Kab",)}
            ),
            choice_rule=Choices.ENUMERATION,
            required=False,
            width=12,
        ),
        Column(
            "indeks",
            "Indeks",
            Kind.INDEX,
            "Indeks hasil evaluasi tahun laporan (0–5). Wajib, kecuali pada baris pemda "
            "sendiri: boleh dikosongkan, xlkip mengisinya dengan indeks hasil hitungan.",
            required=False,
            maximum=5,
            aliases=tuple(i.nama for i in instruments()),
            width=14,
        ),
    ),
    unique=("instansi",),
    blank_rows=60,
)


def other_pemda(records: Sequence[Record], own: object) -> list[Record]:
    """The rows of the province list naming another pemda than the office's own."""
    return [r for r in records if not (own is not None and same_pemda(r.get("instansi"), own))]


def province_list_pending(records: Sequence[Record], own: object) -> bool:
    """Other pemda listed, not one with its index: the list is not updated yet (last
    year's names, as `xlkip init --dari` carries them), not a list of missing values."""
    others = other_pemda(records, own)
    return bool(others) and all(r.get("indeks") is None for r in others)


TEMPLATE = Template(
    kind="spbe",
    version=2,
    title="Pemerintah Digital (Indeks SPBE / Indeks Pemerintah Digital)",
    filename="spbe.xlsx",
    filled_by="Bidang Aplikasi dan Informatika",
    required=False,
    sheets=(NILAI_ASPEK, INDEKS_TAHUN_LALU, INDEKS_DAERAH),
    older_versions=(1,),
)


@cache
def for_year(tahun: int) -> Template:
    """The template as written for the report of `tahun`: titles, help and defaults of the
    year's instrument (the reader accepts either)."""
    now, before = instrument_for(tahun), instrument_for(tahun - 1)
    nilai = replace(
        NILAI_ASPEK,
        title=f"Nilai {now.nama} tahun {{tahun_lalu}} dan {{tahun}}",
        description=_description(now),
    )
    lalu = replace(
        INDEKS_TAHUN_LALU,
        fields=(
            replace(INDEKS_TAHUN_LALU.fields[0], default=before.nama),
            INDEKS_TAHUN_LALU.fields[1],
        ),
    )
    indeks = replace(INDEKS_DAERAH.column("indeks"), header=now.nama, help=f"{now.nama} (0–5).")
    daerah = replace(
        INDEKS_DAERAH,
        title=f"{now.nama} pemerintah daerah se-provinsi tahun {{tahun}}",
        columns=tuple(indeks if c.key == "indeks" else c for c in INDEKS_DAERAH.columns),
    )
    return replace(TEMPLATE, title=f"Pemerintah Digital ({now.nama})", sheets=(nilai, lalu, daerah))


def _description(instrument: Instrument) -> str:
    unit = instrument.label_unsur.lower()
    return (
        f"Satu baris per {unit} {instrument.nama}. {instrument.label_kelompok}, {unit} dan "
        f"bobot sudah terisi sesuai {instrument.dasar_hukum}; ubah bila hasil evaluasi yang "
        f"diterima berbeda. Indeks {instrument.label_kelompok.lower()} dan {instrument.nama} "
        "dihitung xlkip."
    )
