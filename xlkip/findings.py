"""Findings: what the validator tells staff, as data (never as exceptions)."""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field
from enum import Enum


class Tingkat(str, Enum):
    ERROR = "error"
    PERINGATAN = "peringatan"
    INFO = "info"


_ORDER = {Tingkat.ERROR: 0, Tingkat.PERINGATAN: 1, Tingkat.INFO: 2}


@dataclass(frozen=True)
class Finding:
    tingkat: Tingkat
    kode: str
    pesan: str
    file: str | None = None
    sheet: str | None = None
    sel: str | None = None

    def to_dict(self) -> dict[str, str | None]:
        data = asdict(self)
        data["tingkat"] = self.tingkat.value
        return data

    @property
    def lokasi(self) -> str:
        return "!".join(part for part in (self.sheet, self.sel) if part)


def error(kode: str, pesan: str, **where: str | None) -> Finding:
    return Finding(Tingkat.ERROR, kode, pesan, **where)


def peringatan(kode: str, pesan: str, **where: str | None) -> Finding:
    return Finding(Tingkat.PERINGATAN, kode, pesan, **where)


def info(kode: str, pesan: str, **where: str | None) -> Finding:
    return Finding(Tingkat.INFO, kode, pesan, **where)


@dataclass
class Report:
    """Every finding of one run, collected in one pass."""

    findings: list[Finding] = field(default_factory=list)

    def add(self, finding: Finding) -> None:
        self.findings.append(finding)

    def extend(self, findings: list[Finding]) -> None:
        self.findings.extend(findings)

    @property
    def valid(self) -> bool:
        return not any(f.tingkat is Tingkat.ERROR for f in self.findings)

    def count(self) -> dict[str, int]:
        counts = Counter(f.tingkat.value for f in self.findings)
        return {t.value: counts.get(t.value, 0) for t in Tingkat}

    def sorted(self) -> list[Finding]:
        return sorted(
            self.findings,
            key=lambda f: (_ORDER[f.tingkat], f.file or "", f.sheet or "", _cell_key(f.sel)),
        )

    def to_dict(self) -> dict:
        return {"valid": self.valid, "findings": [f.to_dict() for f in self.sorted()]}


def _cell_key(sel: str | None) -> tuple[int, str]:
    if not sel:
        return (0, "")
    sel = sel.split(":")[0]  # a range ("C5:C16") sorts by its first cell
    letters = "".join(ch for ch in sel if ch.isalpha())
    digits = "".join(ch for ch in sel if ch.isdigit())
    return (int(digits or 0), letters.rjust(3))
