"""Identitas: who reports, for which year, and the rules in force (Pengaturan)."""

from xlkip.rules.anggaran import DEFAULT_RUMUS_EFISIENSI, RUMUS_EFISIENSI
from xlkip.rules.predikat import KINERJA_DEFAULT_BOUNDS, KINERJA_LABELS
from xlkip.rules.spbe import SPBE_DEFAULT_BOUNDS, SPBE_LABELS
from xlkip.schema.base import Field, FormSheet, Kind, Template

IDENTITAS = FormSheet(
    name="Identitas",
    title="Identitas Instansi",
    description="Nama instansi dan tahun laporan. Dipakai pada judul setiap tabel.",
    fields=(
        Field(
            "instansi",
            "Nama Instansi",
            Kind.TEXT,
            "Nama lengkap perangkat daerah, mis. Dinas Komunikasi dan Informatika.",
        ),
        Field(
            "pemerintah_daerah",
            "Pemerintah Daerah",
            Kind.TEXT,
            "Mis. Pemerintah Kota Binjai. Dipakai untuk menandai baris sendiri di Tabel 3.15.",
        ),
        Field("provinsi", "Provinsi", Kind.TEXT, "Mis. Sumatera Utara."),
        Field("tahun", "Tahun Laporan", Kind.YEAR, "Tahun kinerja yang dilaporkan, mis. 2024."),
        Field("renstra_awal", "Awal Periode Renstra", Kind.YEAR, "Mis. 2021."),
        Field("renstra_akhir", "Akhir Periode Renstra", Kind.YEAR, "Mis. 2026."),
        Field("kepala", "Nama Kepala", Kind.TEXT, "Nama lengkap beserta gelar."),
        Field(
            "nip",
            "NIP Kepala",
            Kind.TEXT,
            "Ketik sebagai teks, mis. 19870331 200602 1 001.",
            required=False,
        ),
        Field(
            "jabatan",
            "Jabatan Kepala",
            Kind.TEXT,
            "Mis. Kepala Dinas Komunikasi dan Informatika Kota Binjai.",
            required=False,
        ),
    ),
)

KINERJA_PREFIX, SPBE_PREFIX = "batas_", "spbe_"


def scale_key(prefix: str, label: str) -> str:
    """The Pengaturan field holding the lower bound of a predikat: "batas_sangat_tinggi"."""
    return prefix + label.lower().replace(" ", "_")


_kinerja_bounds = tuple(
    Field(
        scale_key(KINERJA_PREFIX, label),
        f"Batas bawah {label}",
        Kind.PERCENT,
        f"Capaian paling rendah yang masih berpredikat {label}.",
        default=bound,
        maximum=None,
    )
    for label, bound in zip(KINERJA_LABELS, KINERJA_DEFAULT_BOUNDS, strict=False)
)
_spbe_bounds = tuple(
    Field(
        scale_key(SPBE_PREFIX, label),
        f"Indeks SPBE terendah {label}",
        Kind.INDEX,
        f"Indeks paling rendah yang masih berpredikat {label}.",
        default=bound,
        maximum=5,
    )
    for label, bound in zip(SPBE_LABELS, SPBE_DEFAULT_BOUNDS, strict=False)
)

PENGATURAN = FormSheet(
    name="Pengaturan",
    title="Pengaturan Perhitungan",
    description="Sudah terisi nilai baku (Tabel 3.1, 3.4, rumus efisiensi). Ubah hanya bila "
    "pemerintah daerah Anda memakai ketentuan lain.",
    fields=(
        *_kinerja_bounds,
        Field(
            "batas_capaian",
            "Batas atas capaian",
            Kind.PERCENT,
            "Kosongkan bila capaian tidak dibatasi; isi mis. 120% bila dibatasi.",
            required=False,
            maximum=None,
        ),
        *_spbe_bounds,
        Field(
            "rumus_efisiensi",
            "Rumus efisiensi anggaran",
            Kind.CHOICE,
            "Rumus efisiensi penggunaan anggaran (bagian 3.2.6).",
            choices=tuple(RUMUS_EFISIENSI),
            default=DEFAULT_RUMUS_EFISIENSI,
        ),
    ),
)

TEMPLATE = Template(
    kind="identitas",
    version=1,
    title="Identitas dan Pengaturan",
    filename="identitas.xlsx",
    filled_by="Sub Bagian Keuangan dan Program",
    required=True,
    sheets=(IDENTITAS, PENGATURAN),
)
