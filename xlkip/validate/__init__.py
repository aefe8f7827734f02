"""Checks that need more than one cell: rows, duplicates, and tables against each other.

Messages name tables by their numbers (tables/ plans them) and budget codes are read by
sipd/'s code rules; nothing here renders.

May import: evidence, findings, inputs, instrumen/, komposisi, names, perencanaan, read/,
rules/, schema/, sipd/, tables/, text.
"""

from __future__ import annotations

from xlkip.findings import Finding
from xlkip.inputs import Inputs
from xlkip.validate import (
    cross,
    duplicates,
    kode,
    names,
    narasi,
    pegawai,
    perencanaan,
    program,
    rows,
    settings,
    standar,
    triwulan,
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
        program.check,
        narasi.check,
        standar.check,
        triwulan.check,
    )
    for check in checks:
        findings.extend(check(inputs))
    return findings
