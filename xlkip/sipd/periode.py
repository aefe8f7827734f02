"""The period an export covers, as its title rows print it, and the quarter it gives.

SIPD's realisasi reports and LRAs title their period in several ways: "Periode 1 Januari
2024 s.d. 31 Maret 2024", "Bulan: Januari s/d Maret 2024", "Untuk periode yang berakhir
sampai dengan 30 Juni 2024", "s.d. 30 September 2024", "Triwulan II" or "s.d. Triwulan
III". A period from 1 January is cumulative (realisasi to date); a period from the first
day of the quarter it ends is that quarter only.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from xlkip.findings import Finding, peringatan
from xlkip.read.cells import quote
from xlkip.schema.triwulan import ROMAWI
from xlkip.sipd.grid import Grid

BULAN = {
    "januari": 1,
    "jan": 1,
    "februari": 2,
    "pebruari": 2,
    "feb": 2,
    "peb": 2,
    "maret": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "mei": 5,
    "juni": 6,
    "jun": 6,
    "juli": 7,
    "jul": 7,
    "agustus": 8,
    "agu": 8,
    "agt": 8,
    "ags": 8,
    "agus": 8,
    "september": 9,
    "sep": 9,
    "sept": 9,
    "oktober": 10,
    "okt": 10,
    "november": 11,
    "nov": 11,
    "nopember": 11,
    "desember": 12,
    "des": 12,
}
_MONTH = r"(?P<{}>" + "|".join(sorted(BULAN, key=len, reverse=True)) + r")\.?"
_UNTIL = r"(?:s\s*\.?\s*/?\s*d\s*\.?|sampai\s+dengan|sampai|hingga|-|–|—)"
_DATE = r"(?P<{d}>\d{{1,2}})\s+" + _MONTH.replace("{}", "{m}") + r"\s+(?P<{y}>(?:19|20)\d\d)"
_NUMERIC = r"(?P<{d}>\d{{1,2}})[/.-](?P<{m}>\d{{1,2}})[/.-](?P<{y}>(?:19|20)\d\d)"


def _date(name: str) -> str:
    return _DATE.format(d=f"{name}_d", m=f"{name}_m", y=f"{name}_y")


def _numeric(name: str) -> str:
    return _NUMERIC.format(d=f"{name}_d", m=f"{name}_m", y=f"{name}_y")


_DATE_RANGE = re.compile(
    r"(?:" + _date("a") + "|" + _numeric("na") + r")\s*" + _UNTIL + r"\s*"
    r"(?:" + _date("b") + "|" + _numeric("nb") + ")",
    re.IGNORECASE,
)
_MONTH_RANGE = re.compile(
    r"\bbulan\s*:?\s*"
    + _MONTH.format("ma")
    + r"(?:\s+(?P<ya>(?:19|20)\d\d))?\s*"
    + _UNTIL
    + r"\s*"
    + _MONTH.format("mb")
    + r"\s+(?P<yb>(?:19|20)\d\d)",
    re.IGNORECASE,
)
_ONE_MONTH = re.compile(
    r"\bbulan\s*:?\s*" + _MONTH.format("m") + r"\s+(?P<y>(?:19|20)\d\d)", re.IGNORECASE
)
_TO_DATE = re.compile(
    r"(?:" + _UNTIL + r"|\bper|\bposisi|\bberakhir)\s*(?:tanggal\s*)?"
    r"(?:" + _date("b") + "|" + _numeric("nb") + ")",
    re.IGNORECASE,
)
_TRIWULAN = re.compile(
    r"(?P<sd>" + _UNTIL + r"\s*)?\b(?:triwulan|tw)\s*(?:ke\s*-?\s*)?(?P<n>iv|iii|ii|i|[1-4])\b",
    re.IGNORECASE,
)
QUARTER_END = {3: 1, 6: 2, 9: 3, 12: 4}
"""The month a quarter ends in → the quarter."""


@dataclass(frozen=True)
class Periode:
    """A period as read: from `mulai` (None: not printed, taken as 1 January) to `akhir`."""

    text: str
    """The title text the period was read from, as printed."""
    akhir: dt.date | None
    mulai: dt.date | None = None
    triwulan_only: int | None = None
    """For "Triwulan II" with no dates: that quarter."""
    sampai_triwulan: int | None = None
    """For "s.d. Triwulan II" with no dates: quarters I..II."""

    @property
    def triwulan(self) -> int | None:
        """The quarter the period ends with; None when it ends on another day."""
        if self.triwulan_only or self.sampai_triwulan:
            return self.triwulan_only or self.sampai_triwulan
        if self.akhir is None:
            return None
        last = calendar.monthrange(self.akhir.year, self.akhir.month)[1]
        if self.akhir.day != last:
            return None
        return QUARTER_END.get(self.akhir.month)

    @property
    def kumulatif(self) -> bool | None:
        """True from 1 January, False from the quarter's first day; None otherwise (and for
        a period not ending at a quarter's end)."""
        tw = self.triwulan
        if tw is None:
            return None
        if self.triwulan_only:
            return tw == 1
        if self.sampai_triwulan or self.mulai is None:
            return True
        if (self.mulai.month, self.mulai.day) == (1, 1):
            return True
        return False if (self.mulai.month, self.mulai.day) == (3 * tw - 2, 1) else None

    @property
    def valid(self) -> bool:
        return self.kumulatif is not None

    @property
    def label(self) -> str:
        """'s.d. TW II' or 'TW II' as the Rekonsiliasi sheet and messages say it."""
        tw = ROMAWI[(self.triwulan or 1) - 1]
        return f"s.d. TW {tw}" if self.kumulatif and self.triwulan != 1 else f"TW {tw}"


def period_of(grid: Grid, header_row: int) -> Periode | None:
    """The period printed in the title rows of `grid`, above its header at `header_row`."""
    lines = [
        " ".join(str(v) for v in row if v is not None and str(v).strip())
        for row in grid.rows[: header_row - 1]
    ]
    return read_period(lines)


def part_of_year(grid: Grid, header_row: int) -> list[Finding]:
    """An annual import of an export whose title prints less than the whole year."""
    periode = period_of(grid, header_row)
    if periode is None or (periode.triwulan == 4 and periode.kumulatif):
        return []
    return [
        peringatan(
            "sipd_periode_sebagian_tahun",
            f"Periode unduhan {grid.file} terbaca '{quote(periode.text, 80)}', bukan 1 Januari "
            "s.d. 31 Desember, tetapi realisasinya ditulis ke template anggaran sebagai "
            "realisasi setahun. Untuk LKjIP, unduh realisasi setahun penuh; untuk realisasi "
            "per triwulan, impor ke triwulan.xlsx (-o inputs/triwulan.xlsx).",
            file=grid.file,
            sheet=grid.sheet,
        )
    ]


def read_period(lines: list[str]) -> Periode | None:
    """The first period printed in `lines` (the title rows above the header)."""
    for line in lines:
        found = _in_line(" ".join(line.split()))
        if found is not None:
            return found
    return None


def _in_line(line: str) -> Periode | None:
    match = _DATE_RANGE.search(line)
    if match:
        return Periode(line, _parsed(match, "b", "nb"), _parsed(match, "a", "na"))
    match = _MONTH_RANGE.search(line)
    if match:
        year = int(match["yb"])
        first = BULAN[match["ma"].lower()]
        last = BULAN[match["mb"].lower()]
        start_year = int(match["ya"]) if match["ya"] else year
        return Periode(line, _month_end(year, last), dt.date(start_year, first, 1))
    match = _TO_DATE.search(line)
    if match:
        return Periode(line, _parsed(match, "b", "nb"))
    match = _ONE_MONTH.search(line)
    if match:
        year, month = int(match["y"]), BULAN[match["m"].lower()]
        return Periode(line, _month_end(year, month), dt.date(year, month, 1))
    match = _TRIWULAN.search(line)
    if match:
        text = match["n"].upper()
        n = int(text) if text.isdigit() else ROMAWI.index(text) + 1
        if match["sd"]:
            return Periode(line, None, sampai_triwulan=n)
        return Periode(line, None, triwulan_only=n)
    return None


def _parsed(match: re.Match[str], name: str, numeric: str) -> dt.date | None:
    try:
        if match[f"{name}_d"]:
            month = BULAN[match[f"{name}_m"].lower()]
            return dt.date(int(match[f"{name}_y"]), month, int(match[f"{name}_d"]))
        return dt.date(
            int(match[f"{numeric}_y"]), int(match[f"{numeric}_m"]), int(match[f"{numeric}_d"])
        )
    except ValueError:  # 31 Juni: no such day
        return None


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


__all__ = ["Periode", "part_of_year", "period_of", "read_period"]
