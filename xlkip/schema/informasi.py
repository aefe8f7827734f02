"""Informasi: media partners and the publications per medium."""

from xlkip.schema.base import Column, Kind, TableSheet, Template

MITRA_MEDIA = TableSheet(
    name="Mitra Media",
    table_name="MitraMedia",
    title="Media penyediaan layanan informasi publik tahun {tahun}",
    description="Satu baris per jenis media.",
    columns=(
        Column("jenis_media", "Jenis Media", Kind.TEXT, "Mis. Media Cetak.", width=40),
        Column("jumlah", "Jumlah Mitra", Kind.COUNT, "Jumlah media/mitra.", width=12),
        Column(
            "nama_mitra",
            "Nama Mitra",
            Kind.TEXT,
            "Opsional: nama-nama mitra.",
            required=False,
            width=50,
        ),
    ),
    unique=("jenis_media",),
    blank_rows=20,
)

PUBLIKASI = TableSheet(
    name="Publikasi",
    table_name="Publikasi",
    title="Jumlah informasi yang dipublikasikan per jenis media",
    description="Satu baris per jenis media; jumlah iklan/berita tahun lalu dan tahun ini.",
    columns=(
        Column("jenis_media", "Jenis Media", Kind.TEXT, "Mis. Media Online.", width=45),
        Column(
            "jumlah_lalu",
            "Jumlah Tahun Lalu ({tahun_lalu})",
            Kind.COUNT,
            "Jumlah tahun lalu; - berarti nol.",
            dash_is_zero=True,
            required=False,
            width=14,
        ),
        Column(
            "jumlah",
            "Jumlah Tahun Ini ({tahun})",
            Kind.COUNT,
            "Jumlah tahun laporan; - berarti nol.",
            dash_is_zero=True,
            width=14,
        ),
    ),
    unique=("jenis_media",),
    blank_rows=30,
)

TEMPLATE = Template(
    kind="informasi",
    version=1,
    title="Layanan Informasi Publik",
    filename="informasi.xlsx",
    filled_by="Bidang Informasi dan Komunikasi Publik",
    required=False,
    sheets=(MITRA_MEDIA, PUBLIKASI),
)
