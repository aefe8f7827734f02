"""Every output table, declared once, in the order the report prints them.

To add a table: write its builder with `@table(...)` in a module of `xlkip/tables/`
and put it in `REPORT` where the report prints it. Its number, its sheet name, the
cross-references to it and whether it is built at all follow from the inputs.
"""

from __future__ import annotations

import weakref
from typing import TYPE_CHECKING, Any

from xlkip.tables import anggaran, kinerja, layanan, pegawai, perencanaan, scale, spbe, standar
from xlkip.tables.spec import Plan, TableSpec, make_plan

if TYPE_CHECKING:
    from xlkip.inputs import Inputs

REPORT: tuple[TableSpec[Any], ...] = (
    pegawai.sdm_golongan,
    pegawai.sdm_non_asn,
    pegawai.sdm_jenis_kelamin,
    pegawai.sdm_pendidikan,
    pegawai.sdm_jabatan,
    perencanaan.sasaran_strategis,
    perencanaan.indikator_kinerja_utama,
    perencanaan.perjanjian_kinerja,
    perencanaan.anggaran_murni,
    scale.skala_kinerja,
    kinerja.capaian_iku,
    spbe.bobot_spbe,
    scale.skala_spbe,
    spbe.indeks_spbe,
    layanan.tenaga_programmer,
    layanan.aplikasi,
    layanan.website,
    layanan.mitra_media,
    layanan.publikasi,
    layanan.pengaduan_tahun_ini,
    layanan.pengaduan_dua_tahun,
    kinerja.perbandingan_tahun_lalu,
    kinerja.target_renstra,
    spbe.peringkat_spbe,
    anggaran.anggaran_program,
    anggaran.anggaran_rinci,
    anggaran.efisiensi_sasaran,
    standar.standar_nasional,
)

BY_KEY: dict[str, TableSpec[Any]] = {spec.key: spec for spec in REPORT}


_PLANS: dict[int, Plan] = {}
"""The plan of each live Inputs, by identity: asked for by validation, the tables and
their messages alike, it is computed once (and forgotten with its Inputs)."""


def plan(inputs: Inputs) -> Plan:
    """Which tables these inputs produce, and the number each gets."""
    key = id(inputs)
    found = _PLANS.get(key)
    if found is None:
        found = _PLANS[key] = make_plan(REPORT, inputs)
        weakref.finalize(inputs, _PLANS.pop, key, None)
    return found


def label(inputs: Inputs, spec: TableSpec[Any]) -> str | None:
    """ "Tabel 3.5" for a table these inputs produce, else None."""
    return plan(inputs).label(spec)


def tables_reading(sheet: object) -> list[TableSpec[Any]]:
    """The tables that read a schema sheet, directly or through a table they need."""
    direct = [spec for spec in REPORT if any(read is sheet for read in spec.reads)]
    found = {spec.key for spec in direct}
    changed = True
    while changed:
        changed = False
        for spec in REPORT:
            if spec.key not in found and any(n.key in found for n in spec.needs):
                found.add(spec.key)
                changed = True
    return [spec for spec in REPORT if spec.key in found]
