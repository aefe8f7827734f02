"""Checks that need more than one cell: rows, duplicates, and tables against each other.

Every check returns findings (data, never exceptions). It may import `inputs`, `read`,
`schema`, `rules`, `evidence`, `komposisi`, `perencanaan`, `instrumen`, `names`, `text`
and `findings`, and from `tables` only what names a table in a message ("Tabel 3.5")
and the SPBE index it checks against; never `render`, `deliver`, `api` or `rekap`.
"""

from __future__ import annotations

from xlkip.findings import Finding
from xlkip.inputs import Inputs
from xlkip.validate import (
    cross,
    duplicates,
    kode,
    names,
    pegawai,
    perencanaan,
    rows,
    settings,
)


def validate(inputs: Inputs) -> list[Finding]:
    findings: list[Finding] = []
    checks = (
        settings.check,
        duplicates.check,
        names.check,
        kode.check,
        rows.check,
        cross.check,
        pegawai.check,
        perencanaan.check,
    )
    for check in checks:
        findings.extend(check(inputs))
    return findings
