"""Identitas: who reports, for which year, and the rules in force (Pengaturan)."""

from dataclasses import replace
from functools import cache

from xlkip.instrumen import Band, Instrument, instrument_for, instruments
from xlkip.rules.anggaran import DEFAULT_RUMUS_EFISIENSI, RUMUS_EFISIENSI
from xlkip.rules.predikat import KINERJA_DEFAULT_BOUNDS, KINERJA_LABELS
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
            "Mis. Pemerintah Kota Binjai. Dipakai pada judul tabel dan, bila ada modul spbe, untuk "
            "menandai baris sendiri dalam daftar indeks se-provinsi.",
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


def _band_label(instrument: Instrument, band: Band) -> str:
    return f"{instrument.nama} terendah {band.nama}"


def _band_field(instrument: Instrument, band: Band) -> Field:
    """The lower bound of one band of an instrument; every instrument's label reads it."""
    others = tuple(
        _band_label(i, b) for i in instruments() for b in i.predikat if b.kode == band.kode
    )
    return Field(
        SPBE_PREFIX + band.kode,
        _band_label(instrument, band),
        Kind.INDEX,
        f"{instrument.nama} paling rendah yang masih ber{instrument.skala.lower()} {band.nama}.",
        required=False,  # a blank or absent band is the instrument's own bound
        default=band.batas,
        maximum=5,
        aliases=others,
    )


def index_band_fields(instrument: Instrument) -> tuple[Field, ...]:
    """Pengaturan rows for the bands of `instrument` (all but the lowest, which has none)."""
    return tuple(_band_field(instrument, b) for b in instrument.predikat if b.batas is not None)


def _all_band_fields() -> tuple[Field, ...]:
    """A field per band code of any instrument (the first instrument naming it labels it),
    so the reader knows every instrument's Pengaturan rows."""
    fields: dict[str, Field] = {}
    for instrument in instruments():
        for field in index_band_fields(instrument):
            fields.setdefault(field.key, field)
    return tuple(fields.values())


_spbe_bounds = _all_band_fields()

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
        Field(
            "tanggal_laporan",
            "Tanggal penandatanganan laporan",
            Kind.TEXT,
            "Tanggal kepala menandatangani laporan, mis. 20-02-2025 atau 20 Februari 2025 "
            "(Pra-evaluasi LKE: tepat waktu).",
            required=False,
        ),
        Field(
            "tempat_laporan",
            "Tempat penandatanganan laporan",
            Kind.TEXT,
            "Kota tempat laporan ditandatangani (mis. Stabat untuk Kabupaten Langkat). "
            "Kosongkan bila sama dengan nama kota/kabupaten.",
            required=False,
        ),
        Field(
            "batas_penyampaian",
            "Batas penyampaian laporan",
            Kind.TEXT,
            "Kosongkan untuk batas baku: 2 bulan setelah tahun anggaran berakhir (akhir "
            "Februari; PermenPANRB 53/2014). Isi tanggal bila pemda menetapkan batas lain.",
            required=False,
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


@cache
def for_year(tahun: int, bands: bool = True) -> Template:
    """Pengaturan with the bands of the year's instrument, labelled and prefilled by it;
    without `bands` (an office without the spbe module), none of an index."""
    if not bands:
        pengaturan = replace(
            PENGATURAN,
            description="Sudah terisi nilai baku (Tabel 3.1, rumus efisiensi). Ubah hanya bila "
            "pemerintah daerah Anda memakai ketentuan lain.",
            fields=tuple(f for f in PENGATURAN.fields if not f.key.startswith(SPBE_PREFIX)),
        )
        return replace(TEMPLATE, sheets=(IDENTITAS, pengaturan))
    instrument = instrument_for(tahun)
    by_key = {f.key: f for f in index_band_fields(instrument)}
    fields = tuple(
        by_key.get(f.key, f)
        for f in PENGATURAN.fields
        if f.key in by_key or not f.key.startswith(SPBE_PREFIX)
    )
    pengaturan = replace(
        PENGATURAN,
        description="Sudah terisi nilai baku (Tabel 3.1, rumus efisiensi) dan batas "
        f"{instrument.skala.lower()} {instrument.nama} ({instrument.dasar_hukum}). Ubah hanya "
        "bila pemerintah daerah Anda memakai ketentuan lain atau hasil evaluasi menyebut "
        "batas lain.",
        fields=fields,
    )
    return replace(TEMPLATE, sheets=(IDENTITAS, pengaturan))
