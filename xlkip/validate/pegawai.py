"""The sdm template: each person's golongan and jabatan against the status, and the
programmers it counts against the aplikasi module's Tenaga Programmer."""

from __future__ import annotations

from collections.abc import Iterator

from xlkip.evidence import cited_as
from xlkip.findings import Finding, error, peringatan
from xlkip.inputs import Inputs
from xlkip.komposisi import is_asn_jabatan, komposisi
from xlkip.read.cells import quote
from xlkip.read.records import Record
from xlkip.schema.aplikasi import TENAGA_PROGRAMMER
from xlkip.schema.sdm import (
    ASN,
    GOLONGAN_PNS,
    GOLONGAN_PPPK,
    JABATAN_ASN,
    NON_ASN,
    PEGAWAI,
    PPPK,
)
from xlkip.text import angka

_GOLONGAN = {ASN: GOLONGAN_PNS, PPPK: GOLONGAN_PPPK}
_SHOWN = {ASN: "golongan/ruang I/a … IV/e", PPPK: "golongan PPPK I … XVII"}


def check(inputs: Inputs) -> Iterator[Finding]:
    table = inputs.table(PEGAWAI)
    if table is None:
        return
    for person in table.records:
        if person.cell("golongan") not in table.problem_cells:
            yield from _golongan(inputs, person)
        yield from _jabatan(inputs, person)
    yield from _programmers(inputs)


def _golongan(inputs: Inputs, person: Record) -> Iterator[Finding]:
    status, golongan = person.get("status"), person.get("golongan")
    where = inputs.where(PEGAWAI, person.cell("golongan"))
    if status == NON_ASN and golongan is not None:
        yield error(
            "golongan_non_asn",
            f"Baris {person.row}: pegawai Non ASN tidak memiliki golongan/ruang ('{golongan}'). "
            "Kosongkan sel ini, atau ubah Status Pegawai bila pegawai ini ASN atau PPPK.",
            **where,
        )
    elif status in _GOLONGAN and golongan is None:
        yield error(
            "golongan_wajib",
            f"Baris {person.row}: golongan wajib diisi untuk {status} ({_SHOWN[status]}).",
            **where,
        )
    elif status in _GOLONGAN and golongan not in _GOLONGAN[status]:
        other = PPPK if status == ASN else ASN
        yield error(
            "golongan_tidak_sesuai",
            f"Baris {person.row}: '{golongan}' adalah golongan {other}, sedangkan status "
            f"pegawai ini {status} ({_SHOWN[status]}). Perbaiki golongan atau statusnya.",
            **where,
        )


def _jabatan(inputs: Inputs, person: Record) -> Iterator[Finding]:
    status, jabatan = person.get("status"), person.get("jabatan")
    if status is None or jabatan is None:
        return
    where = inputs.where(PEGAWAI, person.cell("jabatan"))
    if status == NON_ASN and is_asn_jabatan(jabatan):
        yield peringatan(
            "jabatan_tidak_sesuai",
            f"Baris {person.row}: jabatan '{quote(jabatan)}' hanya diduduki ASN, tetapi status "
            "pegawai ini Non ASN. Perbaiki status atau tulis jabatan Non ASN-nya (mis. Staf "
            "Administrasi).",
            **where,
        )
    elif status != NON_ASN and not is_asn_jabatan(jabatan):
        yield peringatan(
            "jabatan_tidak_sesuai",
            f"Baris {person.row}: kelompok jabatan {status} adalah {', '.join(JABATAN_ASN)}; "
            f"'{quote(jabatan)}' dihitung sebagai jabatan tersendiri"
            f"{cited_as(inputs, 'sdm_jabatan')}. Pilih "
            "kelompok jabatannya dari daftar.",
            **where,
        )


def _programmers(inputs: Inputs) -> Iterator[Finding]:
    team = inputs.records(TENAGA_PROGRAMMER)
    people = inputs.records(PEGAWAI)
    if not (team and people and inputs.clean(TENAGA_PROGRAMMER)):
        return
    if not inputs.clean(PEGAWAI):
        return
    typed = sum(r.get("jumlah", 0) for r in team)
    counted = komposisi(people).programmer
    if typed == counted:
        return
    yield peringatan(
        "jumlah_programmer_beda",
        f"Jumlah tenaga programmer di sheet ini {angka(typed)} orang"
        f"{cited_as(inputs, 'tenaga_programmer')}, tetapi "
        f"daftar pegawai {inputs.file_of('sdm')} (sheet {PEGAWAI.name}) mencatat {angka(counted)} "
        f"orang yang jabatannya memuat kata Programmer{cited_as(inputs, 'sdm_non_asn')}. "
        "Samakan keduanya.",
        **inputs.where(TENAGA_PROGRAMMER, f"{team[0].cell('jumlah')}:{team[-1].cell('jumlah')}"),
    )
