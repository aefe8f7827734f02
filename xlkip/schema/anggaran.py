"""Anggaran: one row per sub-kegiatan, as exported from SIPD."""

from xlkip.schema.base import Choices, Column, Kind, TableSheet, Template, spellings

SUMBER_DANA = ("DAU", "DAK", "DBH", "PAD", "BLUD", "Lainnya")
SUMBER_DANA_ALIASES = spellings(
    {
        "DAU": ("Dana Alokasi Umum",),
        "DAK": ("Dana Alokasi Khusus",),
        "DBH": ("Dana Bagi Hasil",),
        "PAD": ("Pendapatan Asli Daerah",),
        "BLUD": ("Badan Layanan Umum Daerah",),
        "Lainnya": ("Lain-lain", "Lain"),
    }
)

REALISASI_ANGGARAN = TableSheet(
    name="Realisasi Anggaran",
    table_name="RealisasiAnggaran",
    title="Realisasi anggaran per sub kegiatan tahun {tahun}",
    description="Satu baris per sub kegiatan. Total program dan kegiatan dihitung xlkip.",
    columns=(
        Column(
            "kode",
            "Kode",
            Kind.TEXT,
            "Opsional: kode rekening sub kegiatan dari SIPD.",
            required=False,
            width=14,
        ),
        Column(
            "program",
            "Program",
            Kind.TEXT,
            "Nama program. Boleh kosong bila sama dengan baris di atasnya.",
            fill_down=True,
            width=34,
            groups=True,
        ),
        Column(
            "kegiatan",
            "Kegiatan",
            Kind.TEXT,
            "Nama kegiatan. Boleh kosong bila sama dengan baris di atasnya.",
            fill_down=True,
            width=34,
            groups=True,
        ),
        Column("sub_kegiatan", "Sub Kegiatan", Kind.TEXT, "Nama sub kegiatan.", width=40),
        Column(
            "sumber_dana",
            "Sumber Dana",
            Kind.CHOICE,
            "DAU, DAK, DBH, PAD, BLUD atau Lainnya.",
            choices=SUMBER_DANA,
            choice_aliases=SUMBER_DANA_ALIASES,
            choice_rule=Choices.ENUMERATION,
            required=False,
            width=11,
        ),
        Column(
            "anggaran",
            "Anggaran",
            Kind.MONEY,
            "Pagu anggaran (Rp). Boleh ditempel dari SIPD: 2.358.277.568,00 atau Rp…; "
            "- berarti nol.",
            dash_is_zero=True,
            width=18,
        ),
        Column(
            "realisasi",
            "Realisasi",
            Kind.MONEY,
            "Realisasi anggaran (Rp) sampai 31 Desember; - berarti nol.",
            dash_is_zero=True,
            width=18,
        ),
    ),
    unique=("program", "kegiatan", "sub_kegiatan"),
    blank_rows=300,
)

DPA_MURNI = TableSheet(
    name="DPA Murni",
    table_name="DPAMurni",
    title="Anggaran murni per program (DPA sebelum perubahan) tahun {tahun}",
    description=(
        "Opsional: satu baris per program, pagu menurut DPA awal (sebelum perubahan "
        "anggaran). Total dan selisih terhadap anggaran setelah perubahan dihitung xlkip."
    ),
    columns=(
        Column(
            "program",
            "Program",
            Kind.TEXT,
            "Nama program, sama dengan di sheet Realisasi Anggaran.",
            width=50,
        ),
        Column(
            "anggaran",
            "Anggaran Murni",
            Kind.MONEY,
            "Pagu program dalam DPA murni (Rp); - berarti nol.",
            dash_is_zero=True,
            aliases=("Anggaran", "Pagu Murni", "Anggaran DPA"),
            width=18,
        ),
        Column(
            "keterangan",
            "Sumber Dana/Keterangan",
            Kind.TEXT,
            "Opsional: sumber dana atau keterangan, mis. DAU.",
            choices=SUMBER_DANA,
            choice_rule=Choices.OPEN,
            required=False,
            aliases=("Sumber Dana", "Keterangan", "Ket"),
            width=16,
        ),
    ),
    unique=("program",),
    blank_rows=30,
    required=False,
)

TEMPLATE = Template(
    kind="anggaran",
    version=2,
    title="Realisasi Anggaran",
    filename="anggaran.xlsx",
    filled_by="Sub Bagian Keuangan",
    required=True,
    sheets=(REALISASI_ANGGARAN, DPA_MURNI),
    older_versions=(1,),
)
