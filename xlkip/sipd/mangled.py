"""Codes Excel changed on their way through it: a date (`1.01.2001` or `01-01` read as a
day) or a decimal number (`2.20` stored as 2.2). Neither can be turned back into the code,
so a row whose code is one is a finding at the cell, never a code made up from it."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from xlkip.findings import Finding, error
from xlkip.read.cells import quote
from xlkip.sipd.codes import Level, classify

_MONTHS = "jan|feb|mar|apr|mei|may|jun|jul|agu|agt|aug|sep|okt|oct|nov|des|dec"
DATE_TEXT = re.compile(
    r"\d{4}-\d{1,2}-\d{1,2}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?"
    r"|\d{1,2}/\d{1,2}/\d{2,4}"
    r"|\d{1,2}-\d{1,2}-\d{4}"
    rf"|\d{{1,2}}[- ](?:{_MONTHS})[a-z]*(?:[- ]\d{{2,4}})?"
    rf"|(?:{_MONTHS})[a-z]*[- ]\d{{2,4}}",
    re.IGNORECASE,
)
TANGGAL, ANGKA = "tanggal", "angka"


def mangled(value: Any, account_column: bool = False) -> str | None:
    """TANGGAL for a date (or a date's text), ANGKA for a decimal number that may have
    lost its trailing zero; None for anything read as a code. In the account column a
    decimal that is an account (5.1: its second part has one digit) is kept."""
    if isinstance(value, dt.date | dt.time | dt.timedelta):
        return TANGGAL
    if isinstance(value, str):
        return TANGGAL if DATE_TEXT.fullmatch(value.strip()) else None
    if isinstance(value, float) and not value.is_integer():
        code = classify(repr(value))
        if account_column and code is not None and code.level is Level.REKENING:
            return None
        return ANGKA
    return None


def superseded(raws: tuple[Any, ...], index: int) -> bool:
    """A later cell holds a whole code as text (the program's 2.16.02 after a bidang
    column): the damaged cell adds nothing and is passed over."""
    return any(isinstance(raw, str) and raw.count(".") >= 2 for raw in raws[index + 1 :])


def damaged(raws: tuple[Any, ...], account_column: bool = False) -> int | None:
    """The index of the first cell that spoils the code, if any."""
    for index, raw in enumerate(raws):
        if mangled(raw, account_column) and not superseded(raws, index):
            return index
    return None


def shown(value: Any) -> str:
    if isinstance(value, dt.datetime) and value.time() == dt.time():
        value = value.date()
    if isinstance(value, dt.date):
        return f"{value.day}/{value.month}/{value.year}"
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    if isinstance(value, float):
        return repr(value)
    return quote(str(value), 40)


def code_finding(value: Any, where: dict[str, str | None], sel: str) -> Finding:
    if mangled(value, account_column=False) == TANGGAL:
        return error(
            "sipd_kode_tanggal",
            f"Kode di sel ini sudah diubah Excel menjadi tanggal ({shown(value)}); kode "
            "aslinya tidak dapat diketahui, jadi baris ini tidak diimpor. Format kolom kode "
            "sebagai Teks, lalu unduh ulang dari SIPD atau ketik ulang kodenya (mis. "
            "2.16.02.2.01.0021).",
            **where,
            sel=sel,
        )
    return error(
        "sipd_kode_angka",
        f"Kode di sel ini tersimpan sebagai angka ({shown(value)}), bukan teks: Excel membuang "
        "angka nol di belakang (2.20 menjadi 2.2), jadi kodenya tidak dapat dipastikan dan "
        "baris ini tidak diimpor. Format kolom kode sebagai Teks, lalu unduh ulang dari SIPD "
        "atau ketik ulang kodenya.",
        **where,
        sel=sel,
    )
