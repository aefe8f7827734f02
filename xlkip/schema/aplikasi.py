"""Aplikasi: the programmer team and the applications and websites it runs."""

from xlkip.schema.base import Choices, Column, Kind, TableSheet, Template, spellings

JENIS_APLIKASI = ("Aplikasi", "Website")
STATUS_APLIKASI = ("Aktif", "Tidak Aktif", "Belum Publish")
JENIS_APLIKASI_ALIASES = spellings({"Website": ("Web", "Situs", "Situs Web", "Laman")})
STATUS_APLIKASI_ALIASES = spellings(
    {
        "Tidak Aktif": ("Non Aktif", "Nonaktif"),
        "Belum Publish": ("Belum Dipublikasi", "Belum Dipublish", "Belum Terbit"),
    }
)

TENAGA_PROGRAMMER = TableSheet(
    name="Tenaga Programmer",
    table_name="TenagaProgrammer",
    title="Tenaga programmer tahun {tahun}",
    description="Satu baris per jabatan tenaga pendamping.",
    columns=(
        Column(
            "jabatan", "Jabatan Tenaga Pendamping", Kind.TEXT, "Mis. Senior Programmer.", width=30
        ),
        Column("jabatan_tim", "Jabatan Dalam Tim", Kind.TEXT, "Mis. Programmer.", width=22),
        Column("jumlah", "Jumlah (Orang)", Kind.COUNT, "Jumlah orang.", width=12),
    ),
    unique=("jabatan",),
    blank_rows=20,
)

APLIKASI_WEBSITE = TableSheet(
    name="Aplikasi dan Website",
    table_name="AplikasiWebsite",
    title="Aplikasi dan website yang dibangun dan dikelola",
    description="Satu baris per aplikasi atau website.",
    columns=(
        Column(
            "jenis",
            "Jenis",
            Kind.CHOICE,
            "Aplikasi atau Website.",
            choices=JENIS_APLIKASI,
            choice_aliases=JENIS_APLIKASI_ALIASES,
            choice_rule=Choices.CLOSED,  # splits Tabel 3.7 from 3.8
            width=11,
        ),
        Column("nama", "Nama Aplikasi/Website", Kind.TEXT, "Nama aplikasi atau website.", width=40),
        Column(
            "tahun",
            "Tahun",
            Kind.YEAR_RANGE,
            "Tahun dibangun, atau rentang tahun pengembangan mis. 2018-2024.",
            width=12,
        ),
        Column(
            "status",
            "Status",
            Kind.CHOICE,
            "Aktif, Tidak Aktif atau Belum Publish.",
            choices=STATUS_APLIKASI,
            choice_aliases=STATUS_APLIKASI_ALIASES,
            choice_rule=Choices.ENUMERATION,
            width=14,
        ),
        Column(
            "integrasi",
            "Integrasi",
            Kind.TEXT,
            "Dengan apa terintegrasi. Kosongkan atau - bila tidak terintegrasi.",
            required=False,
            width=36,
        ),
        Column("keterangan", "Keterangan", Kind.TEXT, "Opsional.", required=False, width=30),
    ),
    unique=("jenis", "nama"),
    blank_rows=150,
)

TEMPLATE = Template(
    kind="aplikasi",
    version=1,
    title="Aplikasi dan Tenaga Programmer",
    filename="aplikasi.xlsx",
    filled_by="Bidang Aplikasi dan Informatika",
    required=False,
    sheets=(TENAGA_PROGRAMMER, APLIKASI_WEBSITE),
)
