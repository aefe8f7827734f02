"""What reading a download produces, before it is summed and reconciled."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from xlkip.findings import Finding
from xlkip.text import angka


def rupiah(sen: int) -> str:
    """Sen as the rupiah a message shows: 123456789 -> '1.234.567,89'; whole -> '1.234.567'."""
    whole, cents = divmod(abs(sen), 100)
    text = angka(whole) + (f",{cents:02d}" if cents else "")
    return f"-{text}" if sen < 0 else text


@dataclass(slots=True)
class Part:
    """One sub kegiatan as one sheet gives it: its account rows, or its own amounts."""

    skpd: str
    code: str
    accounts: list[tuple[str, int, int, int]] = field(default_factory=list)
    """(account code, anggaran, realisasi, row), amounts in sen (1/100 rupiah)."""
    own: list[tuple[int, int, int]] = field(default_factory=list)
    """(anggaran, realisasi, row) of the sub kegiatan's own row."""
    sumber_dana: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Parent:
    """A program, kegiatan, bidang, urusan or organisasi row that prints its own total."""

    level: str
    code: str
    skpd: str
    row: int
    anggaran: int
    realisasi: int
    cells: tuple[str | None, str | None]


@dataclass(slots=True)
class TotalRow:
    label: str
    row: int
    anggaran: int
    realisasi: int
    cells: tuple[str | None, str | None]
    scope: tuple[str, str, str | None] | None = None
    """(skpd, code, account prefix or None) of a total row that prints its code; None for
    a JUMLAH without one."""


@dataclass(slots=True)
class LraRow:
    code: str
    name: str | None
    row: int
    anggaran: int
    realisasi: int
    cells: tuple[str | None, str | None]


@dataclass
class Skipped:
    count: int = 0
    rows: list[int] = field(default_factory=list)

    def add(self, row: int) -> None:
        self.count += 1
        if len(self.rows) < 5:
            self.rows.append(row)


@dataclass(frozen=True)
class Repeat:
    """One row that repeats an earlier one of the same sheet."""

    file: str
    sheet: str | None
    row: int
    first: int
    skpd: str
    sub_kegiatan: str
    rekening: str | None
    anggaran: int
    realisasi: int
    same_amounts: bool
    cells: tuple[str, str]
    """The code cells of the row and of the earlier row."""


@dataclass
class Source:
    """One sheet of one downloaded file, read."""

    file: str
    sheet: str | None
    rows_read: int = 0
    parts: dict[tuple[str, str], Part] = field(default_factory=dict)
    parents: list[Parent] = field(default_factory=list)
    totals: list[TotalRow] = field(default_factory=list)
    loose_accounts: list[LraRow] = field(default_factory=list)
    skipped: dict[str, Skipped] = field(default_factory=dict)
    jenis_checked: int = 0
    findings: list[Finding] = field(default_factory=list)
    tahun: Counter[int] = field(default_factory=Counter)
    skpd_names: dict[str, str] = field(default_factory=dict)
    repeats: list[Repeat] = field(default_factory=list)
    """Rows that repeat an earlier row of the same sub kegiatan (xlkip.sipd.twice)."""

    @property
    def where(self) -> dict[str, str | None]:
        return {"file": self.file, "sheet": self.sheet}

    @property
    def label(self) -> str:
        return self.file if self.sheet is None else f"{self.file} ({self.sheet})"

    def skip(self, reason: str, row: int) -> None:
        self.skipped.setdefault(reason, Skipped()).add(row)

    @property
    def is_lra(self) -> bool:
        return not self.parts and bool(self.loose_accounts)
