"""Narasi: the report's prose that only staff can write, for the Word document.

One row per fixed section of the document (Bab I and Bab IV); per sasaran, the
causes of success or failure, the obstacles and the solutions (Bab III); per
indicator, its national standard (Standar Nasional: value and source, or none). A cell may
hold text pasted from last year's Word file: its line breaks become paragraphs. The
text is always placed as plain text, never read as markup, a field or a formula."""

from __future__ import annotations

from xlkip.schema.base import Choices, Column, Kind, TableSheet, Template

LATAR_BELAKANG = "Latar Belakang"
TUGAS_FUNGSI = "Tugas dan Fungsi"
STRUKTUR_ORGANISASI = "Struktur Organisasi"
ISU_STRATEGIS = "Isu Strategis dan Permasalahan"
SISTEMATIKA = "Sistematika Laporan"
PENUTUP = "Penutup dan Langkah ke Depan"

BAGIAN = (LATAR_BELAKANG, TUGAS_FUNGSI, STRUKTUR_ORGANISASI, ISU_STRATEGIS, SISTEMATIKA, PENUTUP)
"""The fixed sections, in the order the document prints them."""

NARASI = TableSheet(
    name="Narasi",
    table_name="Narasi",
    title="Narasi laporan kinerja tahun {tahun}",
    description=(
        "Satu baris per bagian laporan. Teks boleh panjang; setiap baris baru (Alt+Enter) "
        "menjadi paragraf baru di dokumen Word."
    ),
    columns=(
        Column(
            "bagian",
            "Bagian",
            Kind.CHOICE,
            "Bagian laporan yang diisi teksnya.",
            choices=BAGIAN,
            choice_rule=Choices.CLOSED,
            width=32,
        ),
        Column(
            "isi",
            "Isi",
            Kind.PROSE,
            "Teks bagian ini. Kosong: dokumen memberi tanda [Isi: …] untuk diisi.",
            required=False,
            width=90,
        ),
    ),
    unique=("bagian",),
    blank_rows=10,
)

NARASI_SASARAN = TableSheet(
    name="Narasi Sasaran",
    table_name="NarasiSasaran",
    title="Analisis per sasaran strategis tahun {tahun}",
    description=(
        "Satu baris per sasaran strategis, dengan nama sasaran seperti di sheet IKU "
        "(kinerja.xlsx): penyebab keberhasilan/kegagalan, kendala dan solusinya."
    ),
    columns=(
        Column(
            "sasaran",
            "Sasaran Strategis",
            Kind.TEXT,
            "Nama sasaran, sama dengan kolom Sasaran di sheet IKU.",
            width=40,
        ),
        Column(
            "penyebab",
            "Penyebab Keberhasilan/Kegagalan",
            Kind.PROSE,
            "Mengapa target tercapai atau tidak tercapai.",
            required=False,
            width=50,
        ),
        Column(
            "kendala",
            "Kendala/Hambatan",
            Kind.PROSE,
            "Kendala yang dihadapi dalam mencapai target.",
            required=False,
            width=50,
        ),
        Column(
            "solusi",
            "Solusi/Langkah Antisipatif",
            Kind.PROSE,
            "Solusi yang telah dan akan dilakukan.",
            required=False,
            width=50,
        ),
    ),
    unique=("sasaran",),
    blank_rows=20,
    required=False,
)

ADA = "Ada"
TIDAK_ADA = "Tidak ada"

STANDAR = TableSheet(
    name="Standar Nasional",
    table_name="StandarNasional",
    title="Standar nasional per indikator kinerja tahun {tahun}",
    description=(
        "Satu baris per indikator, dengan nama indikator seperti di sheet IKU "
        "(kinerja.xlsx): apakah ada standar nasional pembandingnya, nilainya dan sumbernya. "
        "Indikator yang tidak ditulis di sini disebut di dokumen sebagai belum diisi."
    ),
    columns=(
        Column(
            "indikator",
            "Indikator Kinerja",
            Kind.TEXT,
            "Nama indikator, sama dengan kolom Indikator di sheet IKU.",
            width=45,
        ),
        Column(
            "ada",
            "Standar Nasional",
            Kind.CHOICE,
            "Ada: ada standar nasional untuk indikator ini (isi nilai dan sumber). Tidak ada: "
            "dokumen menyatakan tidak ada standar nasional.",
            choices=(ADA, TIDAK_ADA),
            choice_rule=Choices.CLOSED,
            width=16,
        ),
        Column(
            "nilai",
            "Nilai Standar",
            Kind.MEASURE,
            "Nilai standar nasional, dalam satuan indikatornya (mis. 80% atau 2,79). Wajib "
            "bila Ada.",
            required=False,
            minimum=None,
            width=14,
        ),
        Column(
            "sumber",
            "Sumber",
            Kind.TEXT,
            "Peraturan atau publikasi yang menetapkan standar ini. Wajib bila Ada.",
            required=False,
            width=45,
        ),
    ),
    unique=("indikator",),
    blank_rows=20,
    required=False,
)
"""Analysis (4) of Bab III per indicator, and the table comparing realisasi with it."""

TEMPLATE = Template(
    kind="narasi",
    version=2,
    title="Narasi Laporan Kinerja",
    filename="narasi.xlsx",
    filled_by="Sub Bagian Program dan Pelaporan",
    required=False,
    sheets=(NARASI, NARASI_SASARAN, STANDAR),
    older_versions=(1,),
)
