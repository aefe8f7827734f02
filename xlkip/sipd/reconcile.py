"""Sum account rows into their sub kegiatan and reconcile, to the rupiah, with what the
files say themselves: sub kegiatan and parent rows, JUMLAH rows, an LRA by account."""

from __future__ import annotations

import bisect
from collections import defaultdict
from dataclasses import dataclass, field

from xlkip.findings import Finding, error
from xlkip.read.cells import quote
from xlkip.sipd.model import LraRow, Part, Repeat, Source, rupiah

KINDS = ("anggaran", "realisasi")
Contribution = tuple[int, str, str, int, int]
"""(row, skpd, sub kegiatan code, anggaran, realisasi): what one row adds to what is written."""


@dataclass
class Check:
    uraian: str
    file: str | None
    sheet: str | None
    sel: str | None
    jenis: str
    menurut_berkas: int
    ditulis: int
    kode: str = "sipd_induk_tidak_cocok"

    @property
    def ok(self) -> bool:
        return self.menurut_berkas == self.ditulis


@dataclass
class SourceSummary:
    file: str
    sheet: str | None
    rows_read: int
    account_rows: int
    sub_rows: int
    sub_kegiatan: int
    lra: bool
    skipped: dict[str, tuple[int, list[int]]]


@dataclass
class Reconciliation:
    sources: list[SourceSummary] = field(default_factory=list)
    checks: list[Check] = field(default_factory=list)
    parents_checked: int = 0
    parents_mismatched: int = 0
    written: int = 0
    anggaran: int = 0
    realisasi: int = 0
    repeats: list[Repeat] = field(default_factory=list)
    """Repeated rows of the SKPD written."""


@dataclass
class Summed:
    """A part's amounts and the rows that make them."""

    anggaran: int
    realisasi: int
    contributions: list[Contribution]
    account_rows: int


def proper_prefixes(codes: set[str]) -> set[str]:
    """The codes above others: 5.1 and 5 for 5.1.02. Codes all of one depth have none."""
    if len({code.count(".") for code in codes}) <= 1:
        return set()
    found = set()
    for code in codes:
        parts = code.split(".")
        found.update(".".join(parts[:n]) for n in range(1, len(parts)))
    return found


def sum_part(part: Part, source: Source, result: Reconciliation) -> Summed:
    if not part.accounts:
        rows = [(row, part.skpd, part.code, a, r) for a, r, row in part.own]
        return Summed(sum(a for a, _, _ in part.own), sum(r for _, r, _ in part.own), rows, 0)
    prefixes = proper_prefixes({code for code, _, _, _ in part.accounts})
    leaves = [entry for entry in part.accounts if entry[0] not in prefixes]
    contributions = [(row, part.skpd, part.code, a, r) for _, a, r, row in leaves]
    anggaran = sum(e[1] for e in leaves)
    realisasi = sum(e[2] for e in leaves)
    for code, a, r, row in part.accounts:
        if code in prefixes:
            below = [e for e in leaves if e[0].startswith(code + ".")]
            _parent_check(
                result,
                source,
                f"rekening {code} pada sub kegiatan {part.code}",
                row,
                (a, r),
                (sum(e[1] for e in below), sum(e[2] for e in below)),
            )
    for a, r, row in part.own:
        _parent_check(
            result,
            source,
            f"sub kegiatan {part.code} terhadap rinciannya per rekening",
            row,
            (a, r),
            (anggaran, realisasi),
        )
    return Summed(anggaran, realisasi, contributions, len(leaves))


def _parent_check(
    result: Reconciliation,
    source: Source,
    what: str,
    row: int,
    printed: tuple[int, int],
    summed: tuple[int, int],
    cells: tuple[str | None, str | None] = (None, None),
) -> None:
    result.parents_checked += 1
    if printed == summed:
        return
    result.parents_mismatched += 1
    for kind, shown, total, cell in zip(KINDS, printed, summed, cells, strict=True):
        if shown != total:
            result.checks.append(
                Check(f"Baris {row}: {what}", source.file, source.sheet, cell, kind, shown, total)
            )


def check_parents(source: Source, contributions: list[Contribution], result: Reconciliation):
    """Program, kegiatan, bidang, urusan and organisasi rows against the sub kegiatan below."""
    rows = [c[0] for c in contributions]
    by_level: dict[str, list[int]] = defaultdict(list)
    for parent in source.parents:
        by_level[parent.level].append(parent.row)
    for parent in source.parents:
        # A subtotal row ends no parent: a TOTAL after one kegiatan sits inside its program.
        following = [r for r in by_level[parent.level] if r > parent.row]
        end = min(following, default=10**9)
        sums = [0, 0]
        for index in range(bisect.bisect_right(rows, parent.row), bisect.bisect_left(rows, end)):
            _, skpd, code, a, r = contributions[index]
            if parent.level == "organisasi":
                inside = skpd == parent.code
            else:
                inside = code.startswith(parent.code + ".") and skpd == parent.skpd
            if inside:
                sums[0] += a
                sums[1] += r
        _parent_check(
            result,
            source,
            f"{parent.level} {parent.code}",
            parent.row,
            (parent.anggaran, parent.realisasi),
            (sums[0], sums[1]),
            parent.cells,
        )


def check_totals(source: Source, contributions: list[Contribution], result: Reconciliation):
    """Each JUMLAH/TOTAL row, wherever it stands: one that prints its code against the rows
    of that code; one without against the rows since the previous total, or since the top,
    or any run of whole sub kegiatan, parents or sections ending (or, printed above its
    rows, starting) at it."""
    if not source.totals:
        return
    rows = [c[0] for c in contributions]
    runs = _Runs(source, contributions)
    previous = 0
    for number, total in enumerate(source.totals):
        printed = (total.anggaran, total.realisasi)
        if total.scope is not None:
            summed = _scoped(source, contributions, total.scope)
        elif runs.reach(bisect.bisect_left(rows, total.row), printed):
            summed = printed
        else:
            following = source.totals[number + 1].row if number + 1 < len(source.totals) else None
            summed = _fallback(contributions, rows, previous, total.row, following, printed)
        for index, kind in enumerate(KINDS):
            result.checks.append(
                Check(
                    f"Baris {total.row} '{quote(total.label, 40)}'",
                    source.file,
                    source.sheet,
                    total.cells[index],
                    kind,
                    printed[index],
                    summed[index],
                    "sipd_jumlah_tidak_cocok",
                )
            )
        previous = total.row


def _fallback(
    contributions: list[Contribution],
    rows: list[int],
    previous: int,
    row: int,
    following: int | None,
    printed: tuple[int, int],
) -> tuple[int, int]:
    """What a total that matches no run is compared with, per kind: the rows since the
    previous total, else those up to the next (a total above its rows), else all above."""
    start, end = bisect.bisect_right(rows, previous), bisect.bisect_left(rows, row)
    stop = bisect.bisect_left(rows, following) if following else len(rows)
    cumulative = _sums(contributions[:end])
    if start < end:
        section = _sums(contributions[start:end])
    else:
        section = _sums(contributions[end:stop]) if end < stop else cumulative
    return tuple(
        shown if shown in (part, whole) else part
        for shown, part, whole in zip(printed, section, cumulative, strict=True)
    )  # type: ignore[return-value]


class _Runs:
    """Sums of runs of contributions between boundaries (the top, the end, where the sub
    kegiatan changes, parent and total rows), found by prefix sums in constant time."""

    def __init__(self, source: Source, contributions: list[Contribution]) -> None:
        rows = [c[0] for c in contributions]
        bounds = {0, len(contributions)}
        bounds.update(i for i in range(1, len(contributions)) if _moves(contributions, i))
        marks = [p.row for p in source.parents] + [t.row for t in source.totals]
        bounds.update(bisect.bisect_right(rows, mark) for mark in marks)
        self.prefix = [(0, 0)]
        for _, _, _, a, r in contributions:
            last = self.prefix[-1]
            self.prefix.append((last[0] + a, last[1] + r))
        self.first: dict[tuple[int, int], int] = {}
        self.last: dict[tuple[int, int], int] = {}
        for bound in sorted(bounds):
            self.first.setdefault(self.prefix[bound], bound)
            self.last[self.prefix[bound]] = bound

    def reach(self, at: int, printed: tuple[int, int]) -> bool:
        """Does a run ending at `at` (a total below its rows), or starting there (a total
        above them), sum to `printed`?"""
        if printed == (0, 0):
            return False  # an empty run; compared as a section instead
        here = self.prefix[at]
        before = (here[0] - printed[0], here[1] - printed[1])
        after = (here[0] + printed[0], here[1] + printed[1])
        return self.first.get(before, at) < at or self.last.get(after, at) > at


def _moves(contributions: list[Contribution], index: int) -> bool:
    return contributions[index][1:3] != contributions[index - 1][1:3]


def _scoped(
    source: Source, contributions: list[Contribution], scope: tuple[str, str, str | None]
) -> tuple[int, int]:
    skpd, code, account = scope
    if account is None:
        inside = [c for c in contributions if c[1] == skpd and _under(c[2], code)]
        return _sums(inside)
    part = source.parts.get((skpd, code))
    if part is None:
        return (0, 0)
    prefixes = proper_prefixes({c for c, _, _, _ in part.accounts})
    leaves = [e for e in part.accounts if e[0] not in prefixes and _under(e[0], account)]
    return sum(e[1] for e in leaves), sum(e[2] for e in leaves)


def _under(code: str, prefix: str) -> bool:
    return code == prefix or code.startswith(prefix + ".")


def _sums(contributions: list[Contribution]) -> tuple[int, int]:
    return sum(c[3] for c in contributions), sum(c[4] for c in contributions)


def check_lra(
    lra: Source, accounts: dict[str, list[int]] | None, total: tuple[int, int], result
) -> None:
    """An LRA by account against what is written: belanja (5) in all, and per kelompok and
    jenis (5.1, 5.1.02) when every sub kegiatan came with its accounts."""
    rows = [r for r in lra.loose_accounts if r.code == "5" or r.code.startswith("5.")]
    if not rows:
        return
    top = next((r for r in rows if r.code == "5"), None)
    if top is None:
        prefixes = proper_prefixes({r.code for r in rows})
        leaves = [r for r in rows if r.code not in prefixes]
        top = LraRow(
            "5",
            "Belanja (jumlah rekening terinci)",
            0,
            sum(r.anggaran for r in leaves),
            sum(r.realisasi for r in leaves),
            (None, None),
        )
    _lra_line(lra, top, total, result)
    if accounts is None:
        return
    for row in rows:
        if row.code != "5" and row.code.count(".") <= 2:
            _lra_line(lra, row, tuple(accounts.get(row.code, (0, 0))), result)


def _lra_line(lra: Source, row: LraRow, written: tuple[int, int], result: Reconciliation):
    name = f" {quote(row.name, 40)}" if row.name else ""
    where = f"Baris {row.row}: " if row.row else ""
    for index, kind in enumerate(KINDS):
        result.checks.append(
            Check(
                f"{where}LRA rekening {row.code}{name}",
                lra.file,
                lra.sheet,
                row.cells[index],
                kind,
                (row.anggaran, row.realisasi)[index],
                written[index],
                "sipd_lra_tidak_cocok",
            )
        )


_WORDING = {
    "sipd_induk_tidak_cocok": (
        "jumlah rinciannya",
        "Periksa berkas dari SIPD: mungkin ada baris yang terhapus atau terketik ulang.",
    ),
    "sipd_jumlah_tidak_cocok": (
        "jumlah sub kegiatan yang dibaca",
        "Periksa berkas dari SIPD: mungkin ada baris yang terhapus atau terketik ulang.",
    ),
    "sipd_lra_tidak_cocok": (
        "jumlah yang ditulis ke template",
        "Periksa bahwa LRA dan laporan realisasi diunduh untuk SKPD dan tanggal yang sama.",
    ),
}


def findings_of(result: Reconciliation) -> list[Finding]:
    """Every check that is not equal to the rupiah is an error at the file's cell."""
    findings = []
    for check in result.checks:
        if check.ok:
            continue
        selisih = abs(check.menurut_berkas - check.ditulis)
        against, hint = _WORDING[check.kode]
        findings.append(
            error(
                check.kode,
                f"{check.uraian}: {check.jenis} Rp{rupiah(check.menurut_berkas)}, sedangkan "
                f"{against} Rp{rupiah(check.ditulis)} (selisih Rp{rupiah(selisih)}). {hint}",
                file=check.file,
                sheet=check.sheet,
                sel=check.sel,
            )
        )
    return findings
