"""SDM: one row per person of the office, for the staff composition of Bab I.

Only aggregates leave xlkip: Tabel 1.1–1.5 count these rows, and the output holds
no person-level sheet and no name (UU 27/2022 on personal data). The name column is
optional and exists only to help staff keep their list; no NIP is asked.

Golongan: a PNS ("ASN") has a golongan/ruang I/a … IV/e (PP 11/2017); a PPPK has a
golongan I … XVII of its own (Perpres 98/2020), so the two lists are one dropdown
and the validator checks each person's golongan against the status. Tabel 1.1 counts
the PNS ruang and shows PPPK golongan in a block of their own.
"""

from xlkip.schema.base import Choices, Column, Kind, TableSheet, Template, spellings

ASN, PPPK, NON_ASN = "ASN", "PPPK", "Non ASN"
STATUS = (ASN, PPPK, NON_ASN)

RUANG = {
    "I": ("a", "b", "c", "d"),
    "II": ("a", "b", "c", "d"),
    "III": ("a", "b", "c", "d"),
    "IV": ("a", "b", "c", "d", "e"),
}
"""PNS golongan -> its ruang, as Tabel 1.1 lists them."""
GOLONGAN_PNS = tuple(f"{gol}/{ruang}" for gol, ruangs in RUANG.items() for ruang in ruangs)
GOLONGAN_PPPK = (
    "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX",
    "X", "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII",
)  # fmt: skip
JENIS_KELAMIN = ("Laki-laki", "Perempuan")
PENDIDIKAN = ("SD", "SMP", "SMA/SMK", "D1", "D2", "D3", "D4", "S1", "S2", "S3")

_ARABIC = {roman: str(n) for n, roman in enumerate(GOLONGAN_PPPK, start=1)}

STATUS_ALIASES = spellings(
    {
        ASN: ("PNS", "CPNS", "ASN PNS", "Pegawai Negeri Sipil"),
        PPPK: ("P3K", "ASN PPPK"),
        NON_ASN: ("Non-ASN", "THL", "Tenaga Harian Lepas", "Honorer", "Tenaga Kontrak", "PTT"),
    }
)
GOLONGAN_ALIASES = spellings(
    {
        **{
            f"{gol}/{ruang}": (f"{_ARABIC[gol]}/{ruang}", f"Golongan {gol}/{ruang}")
            for gol, ruangs in RUANG.items()
            for ruang in ruangs
        },
        # "PPPK IX" is how Tabel 1.1 prints a PPPK golongan.
        **{g: (f"PPPK {g}", _ARABIC[g], f"PPPK {_ARABIC[g]}") for g in GOLONGAN_PPPK},
    }
)
JENIS_KELAMIN_ALIASES = spellings(
    {"Laki-laki": ("L", "LK", "Pria", "Laki"), "Perempuan": ("P", "PR", "Wanita")}
)
PENDIDIKAN_ALIASES = spellings(
    {
        "SD": ("SD/MI", "MI", "Sekolah Dasar", "SD Sederajat"),
        "SMP": ("SLTP", "SMP/MTs", "MTs", "SMP/SLTP", "SLTP/SMP", "SMP Sederajat"),
        "SMA/SMK": (
            "SMA", "SMK", "SMU", "SLTA", "MA", "STM", "SMEA", "SMA/SLTA", "SLTA/SMA",
            "SMA/MA", "SMA/SMK/MA", "SLTA Sederajat", "SMA Sederajat",
        ),
        "D1": ("DI", "Diploma I", "Diploma 1"),
        "D2": ("DII", "Diploma II", "Diploma 2"),
        "D3": ("DIII", "Diploma III", "Diploma 3"),
        "D4": ("DIV", "Diploma IV", "Diploma 4"),
        # Tabel 1.4 prints S1 and D4 in one row "S1/D4": both count there alike.
        "S1": ("S1/D4", "D4/S1", "S1/DIV", "DIV/S1", "SI", "Strata 1", "Strata I", "Sarjana"),
        "S2": ("SII", "Strata 2", "Strata II", "Magister", "Master"),
        "S3": ("SIII", "Strata 3", "Strata III", "Doktor"),
    }
)  # fmt: skip

ESELON = ("Eselon II", "Eselon III", "Eselon IV")
JABATAN_ASN = (*ESELON, "Fungsional", "Pelaksana")
"""The groups of ASN jabatan; Tabel 1.5 lists them first, in this order."""
JABATAN_NON_ASN_MODUL: dict[str, str | None] = {
    "Staf Administrasi": None,
    "Tenaga Liputan": "informasi",
    "Operator": None,
    "Programmer": "aplikasi",
}
"""Suggestions only (a Non ASN jabatan is whatever the office calls it), each with the
module whose office has it (None: any office)."""
JABATAN_NON_ASN = tuple(JABATAN_NON_ASN_MODUL)
JABATAN_ALIASES = spellings(
    {
        "Eselon II": (
            "Eselon 2", "Eselon II.a", "Eselon II.b", "JPT Pratama",
            "Jabatan Pimpinan Tinggi Pratama", "Pimpinan Tinggi Pratama",
        ),
        "Eselon III": (
            "Eselon 3", "Eselon III.a", "Eselon III.b", "Administrator", "Jabatan Administrator",
        ),
        "Eselon IV": ("Eselon 4", "Eselon IV.a", "Eselon IV.b", "Pengawas", "Jabatan Pengawas"),
        # Tabel 1.5 prints these two as "Jabatan Fungsional" and "Jabatan Pelaksana".
        "Fungsional": ("Jabatan Fungsional", "JF", "JFT", "Fungsional Tertentu"),
        "Pelaksana": ("Jabatan Pelaksana", "JFU", "Fungsional Umum", "Staf Pelaksana"),
    }
)  # fmt: skip
"""The ASN groups as the report prints them and as SK jabatan name them."""
PROGRAMMER_WORD = "programmer"
"""A jabatan containing this word counts as a programmer (against Tabel 3.6)."""

PEGAWAI = TableSheet(
    name="Pegawai",
    table_name="Pegawai",
    title="Daftar pegawai per 31 Desember {tahun}",
    description=(
        "Satu baris per orang (ASN, PPPK dan Non ASN). Hasil xlkip hanya memuat jumlah, "
        "tidak memuat nama."
    ),
    columns=(
        Column(
            "nama",
            "Nama (opsional)",
            Kind.TEXT,
            "Opsional, hanya untuk membantu pengisian. Nama tidak pernah dibawa ke hasil "
            "xlkip; NIP tidak perlu diisi.",
            required=False,
            width=30,
        ),
        Column(
            "status",
            "Status Pegawai",
            Kind.CHOICE,
            "ASN (PNS), PPPK, atau Non ASN (tenaga harian lepas/kontrak).",
            choice_rule=Choices.CLOSED,
            choices=STATUS,
            choice_aliases=STATUS_ALIASES,
            width=13,
        ),
        Column(
            "golongan",
            "Golongan/Ruang",
            Kind.CHOICE,
            "ASN (PNS): I/a … IV/e. PPPK: golongan I … XVII. Non ASN: kosongkan.",
            required=False,
            choice_rule=Choices.CLOSED,
            choices=GOLONGAN_PNS + GOLONGAN_PPPK,
            choice_aliases=GOLONGAN_ALIASES,
            width=14,
        ),
        Column(
            "jenis_kelamin",
            "Jenis Kelamin",
            Kind.CHOICE,
            "Laki-laki atau Perempuan.",
            choice_rule=Choices.CLOSED,
            choices=JENIS_KELAMIN,
            choice_aliases=JENIS_KELAMIN_ALIASES,
            width=13,
        ),
        Column(
            "pendidikan",
            "Pendidikan Terakhir",
            Kind.CHOICE,
            "Jenjang pendidikan terakhir: SD, SMP, SMA/SMK, D1, D2, D3, D4, S1, S2 atau S3 "
            "(ejaan lain seperti SLTA, S1/D4, D-III, S-2 juga dikenali).",
            choice_rule=Choices.CLOSED,
            choices=PENDIDIKAN,
            choice_aliases=PENDIDIKAN_ALIASES,
            width=13,
        ),
        Column(
            "jabatan",
            "Kelompok Jabatan",
            Kind.TEXT,
            "ASN/PPPK: Eselon II, Eselon III, Eselon IV, Fungsional atau Pelaksana. Non ASN: "
            "nama jabatannya, mis. Staf Administrasi atau Operator (boleh nama lain).",
            choices=JABATAN_ASN + JABATAN_NON_ASN,
            choice_aliases=JABATAN_ALIASES,
            choice_rule=Choices.OPEN,
            width=26,
            groups=True,
        ),
    ),
    blank_rows=150,
)

TEMPLATE = Template(
    kind="sdm",
    version=1,
    title="Sumber Daya Manusia (Pegawai)",
    filename="sdm.xlsx",
    filled_by="Sub Bagian Umum dan Kepegawaian",
    required=False,
    sheets=(PEGAWAI,),
)
