"""Dates as staff type them in a template, and as the report prints them (id-ID)."""

from __future__ import annotations

import datetime as dt
import re

from babel.dates import format_date

BULAN = {
    name: number
    for number, names in enumerate(
        (
            ("januari", "jan"),
            ("februari", "feb", "pebruari"),
            ("maret", "mar"),
            ("april", "apr"),
            ("mei",),
            ("juni", "jun"),
            ("juli", "jul"),
            ("agustus", "agu", "agt", "aug"),
            ("september", "sep", "sept"),
            ("oktober", "okt", "oct"),
            ("november", "nov", "nopember"),
            ("desember", "des", "dec"),
        ),
        start=1,
    )
    for name in names
}


def parse_tanggal(text: object) -> dt.date | None:
    """A date as staff type it: 2025-02-20, 20-02-2025, 20/2/2025, 20 Februari 2025."""
    if isinstance(text, dt.date):
        return text
    words = " ".join(str(text).split()).casefold()
    try:
        if m := re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ t].*)?", words):
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        if m := re.fullmatch(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})", words):
            return dt.date(int(m[3]), int(m[2]), int(m[1]))
        if m := re.fullmatch(r"(\d{1,2}) ([a-z]+)\.? (\d{4})", words):
            month = BULAN.get(m[2])
            return dt.date(int(m[3]), month, int(m[1])) if month else None
    except ValueError:
        return None
    return None


def tanggal_id(day: dt.date) -> str:
    """20 Februari 2025."""
    return format_date(day, "d MMMM y", locale="id_ID")
