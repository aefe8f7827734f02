"""Kinerja: the IKU against their targets, and the Renstra targets of the period."""

import re

from xlkip.instrumen import Instrument, instruments
from xlkip.read.cells import is_dash
from xlkip.rules.capaian import ARAH, NAIK, TURUN
from xlkip.schema.base import (
    Choices,
    Column,
    Kind,
    TableSheet,
    Template,
    YearColumns,
    spellings,
)


def index_bukti(instrument: Instrument) -> str:
    """The Bukti Dukung choice naming the index of `instrument`."""
    return instrument.nama


INDEX_BUKTI = tuple(index_bukti(i) for i in instruments())
INSTRUMEN_SPELLINGS = {
    "spbe_2020": ("SPBE",),
    "pemdi_2026": ("IPD", "Pemdi", "Indeks Pemdi", "Pemerintah Digital"),
}
"""Instrument code -> the other names an office calls its index by."""


def instrument_aliases() -> dict[str, tuple[str, ...]]:
    """Each instrument's name -> its other spellings (Bukti Dukung, Instrumen Tahun Lalu)."""
    return {i.nama: INSTRUMEN_SPELLINGS.get(i.kode, ()) for i in instruments()}


"""Each names the index of the report's year, computed with the year's instrument."""
BUKTI_MODUL: dict[str, str] = {
    **dict.fromkeys(INDEX_BUKTI, "spbe"),
    "Rasio pengaduan ditindaklanjuti": "pengaduan",
    "Jumlah informasi terpublikasi": "informasi",
}
"""Each evidence xlkip computes, and the module template that computes it. The
dropdown of a template offers the evidence of the modules written with it."""
BUKTI = tuple(BUKTI_MODUL)
BUKTI_ALIASES = spellings(
    {
        **instrument_aliases(),
        "Rasio pengaduan ditindaklanjuti": ("Rasio pengaduan", "Pengaduan ditindaklanjuti"),
        "Jumlah informasi terpublikasi": ("Informasi terpublikasi",),
    }
)
SATUAN_MODUL: dict[str, str | None] = {
    "%": None,
    "Indeks": None,
    "Informasi": "informasi",
    "Aplikasi": "aplikasi",
    "Dokumen": None,
    "Titik": "aplikasi",
    "OPD": None,
    "Orang": None,
}
"""Each suggested satuan, and the module whose office uses it (None: any office)."""
SATUAN = tuple(SATUAN_MODUL)

_SASARAN = Column(
    "sasaran",
    "Sasaran",
    Kind.TEXT,
    "Sasaran strategis. Boleh dikosongkan bila sama dengan baris di atasnya.",
    fill_down=True,
    width=40,
)
_SATUAN = Column(
    "satuan",
    "Satuan",
    Kind.TEXT,
    "Satuan indikator. Pilih % bila target/realisasi berupa persentase.",
    choices=SATUAN,
    choice_rule=Choices.OPEN,
    width=11,
)
_ARAH = Column(
    "arah",
    "Arah",
    Kind.CHOICE,
    "Naik: makin tinggi makin baik. Turun: makin rendah makin baik.",
    choices=ARAH,
    choice_aliases=spellings(
        {NAIK: ("Meningkat", "Positif", "Maksimal"), TURUN: ("Menurun", "Negatif", "Minimal")}
    ),
    choice_rule=Choices.CLOSED,
    width=9,
)

BAB_II_COLUMNS = (
    Column(
        "tujuan",
        "Tujuan",
        Kind.TEXT,
        "Opsional (Bab II): tujuan Renstra yang dicapai sasaran ini (tabel Sasaran "
        "Strategis). Boleh dikosongkan bila sama dengan baris di atasnya.",
        required=False,
        fill_down=True,
        width=34,
    ),
    Column(
        "target_renstra",
        "Target Renstra {tahun}",
        Kind.MEASURE,
        "Opsional (Bab II): target tahun laporan menurut Renstra (tabel Sasaran Strategis). "
        "Kosongkan bila sama dengan target tahun ini di sheet Renstra: diambil dari baris yang "
        "kolom 'Sama dengan IKU'-nya menyebut indikator ini, atau dari baris dengan nama "
        "indikator yang sama.",
        required=False,
        minimum=None,
        width=13,
    ),
    Column(
        "target_pk",
        "Target PK {tahun}",
        Kind.MEASURE,
        "Opsional (Bab II): target dalam Perjanjian Kinerja (tabel Perjanjian Kinerja). "
        "Kosongkan bila sama dengan kolom Target.",
        required=False,
        minimum=None,
        aliases=("Target Perjanjian Kinerja",),
        width=13,
    ),
    Column(
        "penanggung_jawab",
        "Penanggung Jawab",
        Kind.TEXT,
        "Opsional (Bab II): penanggung jawab IKU, mis. singkatan nama perangkat daerah atau "
        "bidangnya (tabel IKU Bab II).",
        required=False,
        width=18,
    ),
    Column(
        "sumber_data",
        "Sumber Data",
        Kind.TEXT,
        "Opsional (Bab II): sumber data IKU, mis. RENSTRA (tabel IKU Bab II).",
        required=False,
        width=16,
    ),
    Column(
        "rumus",
        "Penjelasan/Rumus",
        Kind.TEXT,
        "Opsional (Bab II): penjelasan atau rumus perhitungan IKU (tabel IKU Bab II).",
        required=False,
        aliases=("Rumus", "Penjelasan", "Penjelasan (Rumus Perhitungan IKU)"),
        width=40,
    ),
)
"""What Bab II needs beyond Chapter III; all optional, so an office without them
still compiles (Tabel 2.1–2.3 are then left out)."""

PROGRAM = Column(
    "program",
    "Program Pendukung",
    Kind.PROSE,  # keeps the line breaks that separate programs
    "Opsional: nama program di anggaran.xlsx (sheet Realisasi Anggaran) yang mendukung "
    "indikator ini, sebagaimana pasangan sasaran/indikator dan program dalam Perjanjian "
    "Kinerja. Beberapa program dipisah baris baru (Alt+Enter) atau tanda ;. Dipakai "
    "untuk efisiensi dan program pendukung per sasaran strategis (sasaran = gabungan program "
    "semua indikatornya).",
    required=False,
    aliases=("Program", "Program Pendukung IKU"),
    width=40,
)
"""Links an indicator to the programs that fund it. It sits on the IKU row because the
Perjanjian Kinerja pairs each sasaran/indikator with its programs and staff fill one
row per indicator here already."""
PROGRAM_SEPARATOR = re.compile(r"[;\r\n]+")


def program_names(value: object) -> list[str]:
    """The program names typed in one Program Pendukung cell, in order."""
    if value is None:
        return []
    names = (name.strip() for name in PROGRAM_SEPARATOR.split(str(value)))
    return [name for name in names if name and not is_dash(name)]


IKU = TableSheet(
    name="IKU",
    table_name="IKU",
    title="Indikator Kinerja Utama — target dan realisasi tahun {tahun}",
    description="Satu baris per indikator kinerja utama (IKU) dalam Perjanjian Kinerja.",
    columns=(
        _SASARAN,
        Column(
            "indikator",
            "Indikator Kinerja",
            Kind.TEXT,
            "Nama indikator sebagaimana dalam Perjanjian Kinerja.",
            width=45,
        ),
        _SATUAN,
        _ARAH,
        Column(
            "target",
            "Target {tahun}",
            Kind.MEASURE,
            "Target tahun laporan. Persentase boleh diketik 15%, 15 atau 0,15.",
            minimum=None,
            width=13,
        ),
        Column(
            "realisasi",
            "Realisasi {tahun}",
            Kind.MEASURE,
            "Realisasi tahun laporan, dengan satuan yang sama dengan target.",
            minimum=None,
            width=13,
        ),
        Column(
            "realisasi_lalu",
            "Realisasi Tahun Lalu ({tahun_lalu})",
            Kind.MEASURE,
            "Realisasi tahun sebelumnya (untuk perbandingan dengan tahun lalu). Kosongkan bila "
            "tidak ada.",
            required=False,
            minimum=None,
            width=15,
        ),
        Column(
            "bukti",
            "Bukti Dukung",
            Kind.CHOICE,
            "Opsional: tabel yang menghitung realisasi ini. Bila diisi, xlkip "
            "membandingkan realisasi dengan hasil hitungan tabel tersebut.",
            required=False,
            choices=BUKTI,
            choice_aliases=BUKTI_ALIASES,
            choice_rule=Choices.CLOSED,
            no_choices="Kolom ini ada, tetapi tanpa pilihan di kantor ini: bukti dukung yang "
            "dihitung xlkip berasal dari modul spbe, informasi atau pengaduan, dan template "
            "kantor ini tidak memuat modul itu. Kosongkan kolom ini.",
            width=30,
        ),
        *BAB_II_COLUMNS,
        PROGRAM,
    ),
    unique=("indikator",),
    blank_rows=50,
)

RENSTRA = TableSheet(
    name="Renstra",
    table_name="Renstra",
    title="Target Renstra per tahun dan realisasi tahun {tahun}",
    description="Satu baris per indikator Renstra; kolom Target untuk setiap tahun periode.",
    columns=(
        _SASARAN,
        Column(
            "indikator",
            "Indikator Kinerja",
            Kind.TEXT,
            "Nama indikator sebagaimana dalam Renstra.",
            width=45,
        ),
        _SATUAN,
        _ARAH,
        Column(
            "realisasi",
            "Realisasi {tahun}",
            Kind.MEASURE,
            "Realisasi tahun laporan. Kosongkan bila belum ada.",
            required=False,
            minimum=None,
            width=13,
        ),
        Column(
            "iku",
            "Sama dengan IKU",
            Kind.TEXT,
            "Opsional: pilih indikator di sheet IKU yang sama dengan baris ini (perlu bila "
            "namanya ditulis berbeda; nama yang sama sudah dikenali, dan 'Ya' berarti IKU "
            "bernama sama dengan baris ini). Bila diisi, xlkip membandingkan kedua realisasinya.",
            required=False,
            choices_from=("IKU", "indikator"),
            choice_rule=Choices.OPEN,
            width=35,
        ),
    ),
    year_columns=YearColumns(
        "target", "Target {year}", "Target Renstra untuk tahun tersebut. Kosongkan bila tidak ada."
    ),
    unique=("indikator",),
    blank_rows=60,
)

TEMPLATE = Template(
    kind="kinerja",
    version=3,
    title="Kinerja (IKU dan Renstra)",
    filename="kinerja.xlsx",
    filled_by="Sub Bagian Keuangan dan Program",
    required=True,
    sheets=(IKU, RENSTRA),
    older_versions=(1, 2),
)
