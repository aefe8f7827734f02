"""Checks that need more than one cell: rows, duplicates, and tables against each other."""

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
