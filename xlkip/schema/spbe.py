"""SPBE: aspect values for two years and the indices of other pemda."""

from xlkip.names import pemda_key
from xlkip.schema.base import Choices, Column, Kind, TableSheet, Template

JENIS_PEMDA = ("Provinsi", "Kabupaten", "Kota")

NILAI_ASPEK = TableSheet(
    name="Nilai Aspek",
    table_name="NilaiAspek",
    title="Nilai aspek SPBE tahun {tahun_lalu} dan {tahun}",
    description="Satu baris per aspek penilaian SPBE. Bobot sudah terisi sesuai "
    "PermenPANRB 59/2020; indeks domain dan indeks SPBE dihitung xlkip.",
    columns=(
        Column(
            "domain",
            "Domain",
            Kind.TEXT,
            "Domain penilaian. Boleh kosong bila sama dengan baris di atasnya.",
            fill_down=True,
            width=30,
            groups=True,
        ),
        Column("aspek", "Aspek", Kind.TEXT, "Aspek penilaian.", width=48),
        Column(
            "bobot",
            "Bobot",
            Kind.PERCENT,
            "Bobot aspek (jumlah seluruh bobot 100%).",
            maximum=1,
            width=10,
        ),
        Column(
            "nilai_lalu",
            "Nilai Tahun Lalu ({tahun_lalu})",
            Kind.INDEX,
            "Nilai aspek hasil evaluasi tahun lalu (0–5).",
            required=False,
            maximum=5,
            width=14,
        ),
        Column(
            "nilai",
            "Nilai Tahun Ini ({tahun})",
            Kind.INDEX,
            "Nilai aspek hasil evaluasi tahun laporan (0–5).",
            maximum=5,
            width=14,
        ),
    ),
    unique=("aspek",),
    blank_rows=20,
)

INDEKS_DAERAH = TableSheet(
    name="Indeks Daerah Lain",
    table_name="IndeksDaerahLain",
    title="Indeks SPBE pemerintah daerah se-provinsi tahun {tahun}",
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
            choice_rule=Choices.ENUMERATION,
            required=False,
            width=12,
        ),
        Column(
            "indeks",
            "Indeks SPBE",
            Kind.INDEX,
            "Indeks SPBE (0–5). Wajib, kecuali pada baris pemda sendiri: boleh dikosongkan, "
            "xlkip mengisinya dengan indeks hasil hitungan nilai aspek.",
            required=False,
            maximum=5,
            width=12,
        ),
    ),
    unique=("instansi",),
    blank_rows=60,
)

TEMPLATE = Template(
    kind="spbe",
    version=1,
    title="Indeks SPBE",
    filename="spbe.xlsx",
    filled_by="Bidang Aplikasi dan Informatika",
    required=False,
    sheets=(NILAI_ASPEK, INDEKS_DAERAH),
)
