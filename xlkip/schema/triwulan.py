"""Triwulan: the rencana aksi of each IKU and the budget per quarter (DESIGN §10).

A module of its own, not columns of kinerja.xlsx and anggaran.xlsx: an office that
reports only once a year never sees it, the annual contract (kinerja) keeps its shape,
and quarterly staff fill this one file four times, one quarter's columns at a time.
"""

from xlkip.rules.triwulan import CARA_HITUNG, KUMULATIF, PER_TRIWULAN, RATA_RATA, TRIWULAN
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
from xlkip.schema.kinerja import SATUAN

ROMAWI = ("I", "II", "III", "IV")
"""The quarters as the forms name them: TW I … TW IV."""


def _quarters(key: str, header: str, help_: str, kind: Kind) -> tuple[Column, ...]:
    return tuple(
        Column(
            f"{key}_tw{n}",
            f"{header} TW {ROMAWI[n - 1]}",
            kind,
            help_.format(tw=ROMAWI[n - 1]),
            required=False,
            minimum=None if kind is Kind.MEASURE else 0,
            dash_is_zero=kind is Kind.MONEY,
            width=14 if kind is Kind.MEASURE else 17,
        )
        for n in TRIWULAN
    )


RENCANA_AKSI = TableSheet(
    name="Rencana Aksi",
    table_name="RencanaAksi",
    title="Rencana aksi: target dan realisasi IKU per triwulan tahun {tahun}",
    description=(
        "Satu baris per indikator kinerja utama, dengan nama yang sama dengan sheet IKU di "
        "kinerja.xlsx. Isi target keempat triwulan di awal tahun, lalu realisasi tiap "
        "triwulan setelah triwulan itu berakhir."
    ),
    columns=(
        Column(
            "indikator",
            "Indikator Kinerja",
            Kind.TEXT,
            "Nama indikator persis seperti di sheet IKU (kinerja.xlsx).",
            width=45,
        ),
        Column(
            "satuan",
            "Satuan",
            Kind.TEXT,
            "Satuan indikator, sama dengan sheet IKU. Pilih % bila angkanya persentase.",
            choices=SATUAN,
            choice_rule=Choices.OPEN,
            width=11,
        ),
        Column(
            "cara_hitung",
            "Cara Hitung",
            Kind.CHOICE,
            f"{KUMULATIF}: angka tiap triwulan adalah capaian sampai akhir triwulan itu "
            f"(TW IV = angka tahunan). {PER_TRIWULAN}: angka tiap triwulan hanya triwulan itu "
            f"(angka tahunan = jumlah keempatnya). {RATA_RATA}: angka tahunan = rata-rata "
            "triwulan yang terisi.",
            choices=CARA_HITUNG,
            choice_aliases=spellings(
                {
                    KUMULATIF: ("Kumulatif s.d. triwulan", "Akumulatif", "Sampai dengan"),
                    PER_TRIWULAN: ("Per TW", "Jumlah", "Dijumlah", "Non kumulatif"),
                    RATA_RATA: ("Rata-rata", "Rerata"),
                }
            ),
            choice_rule=Choices.CLOSED,
            width=16,
        ),
        *_quarters(
            "target",
            "Target",
            "Target triwulan {tw} menurut rencana aksi, dengan satuan yang sama.",
            Kind.MEASURE,
        ),
        *_quarters(
            "realisasi",
            "Realisasi",
            "Realisasi triwulan {tw}. Kosongkan sampai triwulan itu berakhir.",
            Kind.MEASURE,
        ),
    ),
    unique=("indikator",),
    blank_rows=50,
)

ANGGARAN_TRIWULAN = TableSheet(
    name="Anggaran Triwulan",
    table_name="AnggaranTriwulan",
    title="Anggaran kas dan realisasi anggaran per triwulan tahun {tahun}",
    description=(
        "Satu baris per sub kegiatan (atau per program bila sub kegiatannya tidak dirinci), "
        "dengan nama yang sama dengan anggaran.xlsx. Anggaran kas dari DPA/SIPD; realisasi "
        "tiap triwulan (bukan kumulatif)."
    ),
    columns=(
        Column(
            "program",
            "Program",
            Kind.TEXT,
            "Nama program seperti di anggaran.xlsx. Boleh kosong bila sama dengan baris di "
            "atasnya.",
            fill_down=True,
            width=34,
        ),
        Column(
            "kegiatan",
            "Kegiatan",
            Kind.TEXT,
            "Nama kegiatan. Boleh kosong bila sama dengan baris di atasnya; kosongkan untuk "
            "baris program.",
            required=False,
            fill_down=True,
            width=30,
        ),
        Column(
            "sub_kegiatan",
            "Sub Kegiatan",
            Kind.TEXT,
            "Nama sub kegiatan seperti di anggaran.xlsx. Kosongkan bila baris ini untuk seluruh "
            "program.",
            required=False,
            width=38,
        ),
        *_quarters(
            "kas",
            "Anggaran Kas",
            "Anggaran kas triwulan {tw} (Rp) menurut DPA; - berarti nol.",
            Kind.MONEY,
        ),
        *_quarters(
            "realisasi",
            "Realisasi",
            "Realisasi anggaran dalam triwulan {tw} saja (Rp); - berarti nol.",
            Kind.MONEY,
        ),
    ),
    unique=("program", "kegiatan", "sub_kegiatan"),
    blank_rows=300,
)

EVALUASI = FormSheet(
    name="Evaluasi",
    title="Evaluasi hasil Renja triwulan ini (Tabel E.81)",
    description=(
        "Opsional: teks bagian bawah formulir evaluasi hasil Renja (Permendagri 86/2017, "
        "Tabel E.81) untuk triwulan yang dilaporkan. Perbarui setiap triwulan."
    ),
    fields=(
        Field(
            "faktor_pendorong",
            "Faktor Pendorong Keberhasilan Pencapaian",
            Kind.PROSE,
            "Apa yang mendorong tercapainya target sampai triwulan ini.",
            required=False,
        ),
        Field(
            "faktor_penghambat",
            "Faktor Penghambat Pencapaian Kinerja",
            Kind.PROSE,
            "Apa yang menghambat pencapaian target sampai triwulan ini.",
            required=False,
        ),
        Field(
            "tindak_lanjut_triwulan",
            "Tindak Lanjut yang Diperlukan dalam Triwulan Berikutnya",
            Kind.PROSE,
            "Langkah pada triwulan berikutnya.",
            required=False,
        ),
        Field(
            "tindak_lanjut_renja",
            "Tindak Lanjut yang Diperlukan dalam Renja Berikutnya",
            Kind.PROSE,
            "Langkah yang perlu masuk Renja tahun berikutnya.",
            required=False,
        ),
    ),
    required=False,
)

TEMPLATE = Template(
    kind="triwulan",
    version=1,
    title="Rencana Aksi dan Anggaran per Triwulan",
    filename="triwulan.xlsx",
    filled_by="Sub Bagian Keuangan dan Program",
    required=False,
    sheets=(RENCANA_AKSI, ANGGARAN_TRIWULAN, EVALUASI),
)
