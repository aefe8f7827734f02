"""Narasi: the report's prose that only staff can write, for the Word document.

One row per fixed section of the document (Bab I and Bab IV); per sasaran, the
causes of success or failure, the obstacles and the solutions (Bab III); per
indicator, its national standard (Standar Nasional: value and source, or none). A cell may
hold text pasted from last year's Word file: its line breaks become paragraphs. The
text is always placed as plain text, never read as markup, a field or a formula."""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path

from xlkip.schema.base import Choices, Column, Kind, TableSheet, Template

LATAR_BELAKANG = "Latar Belakang"
TUGAS_FUNGSI = "Tugas dan Fungsi"
STRUKTUR_ORGANISASI = "Struktur Organisasi"
ISU_STRATEGIS = "Isu Strategis dan Permasalahan"
SISTEMATIKA = "Sistematika Laporan"
VISI_MISI = "Visi dan Misi"
PENUTUP = "Penutup dan Langkah ke Depan"

BAGIAN = (
    LATAR_BELAKANG,
    TUGAS_FUNGSI,
    STRUKTUR_ORGANISASI,
    ISU_STRATEGIS,
    SISTEMATIKA,
    VISI_MISI,
    PENUTUP,
)
"""The fixed sections, in the order the document prints them."""

NARASI = TableSheet(
    name="Narasi",
    feeds_document="dokumen Word: Bab I Pendahuluan, visi dan misi di Bab II, Bab IV Penutup",
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
    feeds_document="dokumen Word: analisis setiap sasaran di Bab III",
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

TANDA_TAHUN_LALU = TableSheet(
    name="Tanda Tahun Lalu",
    table_name="TandaTahunLalu",
    title="Sidik teks narasi yang disalin dari tahun lalu",
    description=(
        "Sheet tersembunyi, diisi oleh xlkip init --dari; jangan diubah. Teks yang sidiknya "
        "masih sama dengan yang tercatat di sini dilaporkan sebagai teks tahun lalu sampai "
        "diperbarui."
    ),
    columns=(
        Column("lembar", "Sheet", Kind.TEXT, "Sheet asal teks (Narasi atau Narasi Sasaran)."),
        Column("kolom", "Kolom", Kind.TEXT, "Kolom asal teks (isi, penyebab, kendala, solusi)."),
        Column("tahun", "Tahun Asal", Kind.YEAR, "Tahun laporan asal teks."),
        Column("sidik", "Sidik Teks", Kind.TEXT, "SHA-256 teks (spasi dirapikan)."),
    ),
    blank_rows=1,
    required=False,
    hidden=True,
)

LAMPIRAN = TableSheet(
    name="Lampiran",
    feeds_document="dokumen Word: Lampiran",
    table_name="Lampiran",
    title="Lampiran laporan kinerja tahun {tahun}",
    description=(
        "Satu baris per lampiran, sesudah Lampiran 1 Perjanjian Kinerja yang selalu dilampirkan. "
        "Isi Tabel (nomor atau judul tabel laporan) atau Gambar (nama berkas di folder "
        "lampiran), salah satu saja."
    ),
    columns=(
        Column(
            "judul", "Judul Lampiran", Kind.TEXT, "Judul yang dicetak di atas lampiran.", width=40
        ),
        Column(
            "tabel",
            "Tabel",
            Kind.TEXT,
            "Tabel laporan yang dilampirkan: nomornya seperti di workbook hasil (mis. Tabel 3.8) "
            "atau kata-kata dari judulnya (mis. Pengembangan Aplikasi), yang tetap cocok "
            "walaupun nomornya bergeser.",
            required=False,
            width=36,
        ),
        Column(
            "gambar",
            "Gambar",
            Kind.TEXT,
            "Nama berkas gambar .png atau .jpg di subfolder 'lampiran' folder isian, mis. "
            "struktur_organisasi.png (nama saja, tanpa folder).",
            required=False,
            width=36,
        ),
    ),
    blank_rows=10,
    required=False,
)

ADA = "Ada"
TIDAK_ADA = "Tidak ada"

STANDAR = TableSheet(
    name="Standar Nasional",
    feeds_document="dokumen Word: perbandingan dengan standar nasional di Bab III",
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
    sheets=(NARASI, NARASI_SASARAN, STANDAR, LAMPIRAN, TANDA_TAHUN_LALU),
    older_versions=(1,),
)


TULIS: dict[str, str] = {
    LATAR_BELAKANG: "dasar hukum dan alasan penyusunan laporan tahun ini",
    TUGAS_FUNGSI: "tugas pokok dan fungsi menurut peraturan kepala daerah yang berlaku",
    STRUKTUR_ORGANISASI: "susunan organisasi dan jabatan tahun ini",
    ISU_STRATEGIS: "isu strategis dan permasalahan utama yang dihadapi tahun ini",
    SISTEMATIKA: "urutan bab laporan dan isi singkat tiap bab",
    VISI_MISI: (
        "visi dan misi kepala daerah dalam RPJMD dan kaitannya dengan tugas perangkat daerah"
    ),
    PENUTUP: "rekomendasi dan langkah perbaikan kinerja tahun depan",
    "penyebab": "penyebab keberhasilan atau kegagalan mencapai target tahun ini",
    "kendala": "kendala dan hambatan yang dihadapi tahun ini",
    "solusi": "solusi dan upaya nyata yang telah dan akan dilakukan",
}
"""Each section of Narasi (by Bagian) and each staff column of Narasi Sasaran (by key) ->
what staff write there. The LKE criterion a part rests on is data of the LKE edition
(instrumen/lke/, its `narasi` lists), read by the narasi findings and the pre-flight."""

NARASI_SASARAN_COLUMNS = ("penyebab", "kendala", "solusi")
"""The columns of Narasi Sasaran staff must write each year."""


def sidik(text: object) -> str:
    """The fingerprint of a prose cell: whitespace and line endings as Excel or a paste may
    change them do not count, a changed word does."""
    plain = " ".join(str(text).split())
    return hashlib.sha256(plain.encode("utf-8")).hexdigest()


LAMPIRAN_FOLDER = "lampiran"
LAMPIRAN_SUFFIXES = (".png", ".jpg", ".jpeg")
LAMPIRAN_MAX_BYTES = 2_000_000
"""As the cover's logo: a bigger image would weigh on the PDF e-SAKIP limits to 10 MB."""
_SIGNATURES = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")


def gambar_lampiran(folder: Path, name: object) -> Path | str:
    """The image `name` names in `folder`/lampiran, or why it is not used (Indonesian).
    Only a plain file name is looked up, and nothing outside that subfolder is opened."""
    text = str(name).strip()
    if (
        not text
        or text in (".", "..")
        or any(c in text for c in "/\\:\0")
        or os.path.isabs(text)
        or text != os.path.basename(text)
    ):
        return "harus nama berkas saja, tanpa folder atau garis miring"
    if not text.lower().endswith(LAMPIRAN_SUFFIXES):
        return "harus gambar .png atau .jpg"
    subfolder = folder / LAMPIRAN_FOLDER
    path = subfolder / text
    try:
        if not stat.S_ISDIR(os.lstat(subfolder).st_mode):
            return f"folder '{LAMPIRAN_FOLDER}' bukan folder biasa"
        mode = os.lstat(path).st_mode
    except OSError:
        return f"tidak ada di folder '{LAMPIRAN_FOLDER}'"
    if not stat.S_ISREG(mode):
        return "bukan berkas biasa (tautan, folder atau perangkat)"
    try:
        if path.stat().st_size > LAMPIRAN_MAX_BYTES:
            return f"lebih dari {LAMPIRAN_MAX_BYTES // 1_000_000} MB; kecilkan ukurannya"
        with path.open("rb") as image:
            head = image.read(8)
    except OSError:
        return "tidak dapat dibaca"
    if not head.startswith(_SIGNATURES) or not _readable(path):
        return "bukan berkas PNG atau JPEG yang utuh"
    return path


def _readable(path: Path) -> bool:
    """Whether python-docx, which places the image, reads its header (size, resolution)."""
    from docx.image.image import Image

    try:
        Image.from_file(str(path))
    except Exception:  # a damaged header fails in many ways; each one means "unreadable"
        return False
    return True
