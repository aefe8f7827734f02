"""Checks that need more than one cell: rows, duplicates, and tables against each other."""

from __future__ import annotations

from xlkip.findings import Finding
from xlkip.inputs import Inputs
from xlkip.validate import cross, duplicates, names, rows, settings


def validate(inputs: Inputs) -> list[Finding]:
    findings: list[Finding] = []
    for check in (settings.check, duplicates.check, names.check, rows.check, cross.check):
        findings.extend(check(inputs))
    return findings
