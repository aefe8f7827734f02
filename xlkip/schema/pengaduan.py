"""Pengaduan: complaints per channel per year and how many were followed up."""

from xlkip.schema.base import Column, Kind, TableSheet, Template

PENGADUAN = TableSheet(
    name="Pengaduan",
    table_name="Pengaduan",
    title="Pengaduan masyarakat secara online",
    description="Satu baris per tahun per kanal/aplikasi. Isi tahun lalu dan tahun laporan.",
    columns=(
        Column("tahun", "Tahun", Kind.YEAR, "Tahun pengaduan masuk.", width=10),
        Column("kanal", "Kanal/Aplikasi", Kind.TEXT, "Mis. SP4N LAPOR.", width=30, groups=True),
        Column(
            "jumlah",
            "Jumlah Pengaduan",
            Kind.COUNT,
            "Jumlah pengaduan masuk.",
            dash_is_zero=True,
            width=14,
        ),
        Column(
            "sudah",
            "Sudah Ditindaklanjuti",
            Kind.COUNT,
            "Jumlah pengaduan yang sudah ditindaklanjuti.",
            dash_is_zero=True,
            width=16,
        ),
    ),
    unique=("tahun", "kanal"),
    blank_rows=30,
)

TEMPLATE = Template(
    kind="pengaduan",
    version=1,
    title="Pengaduan Masyarakat",
    filename="pengaduan.xlsx",
    filled_by="Bidang Informasi dan Komunikasi Publik",
    required=False,
    sheets=(PENGADUAN,),
)
