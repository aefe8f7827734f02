"""Numbers written the Indonesian way, for messages and sentences."""

from __future__ import annotations

import decimal
import math
import re
from collections.abc import Iterable
from functools import lru_cache

from babel.numbers import format_decimal, format_percent

from xlkip.rules.rounding import excel_round

LOCALE = "id_ID"


def _wide_context(value: float) -> decimal.Context:
    """Babel formats through decimal's context: 28 digits cannot hold a huge ratio's
    integer part with its decimals (an efisiensi over a capaian near zero)."""
    context = decimal.getcontext().copy()
    digits = len(f"{abs(value):.0f}") if math.isfinite(value) else 0
    context.prec = max(context.prec, digits + 10)
    return context


def angka(value: float, decimals: int = 0) -> str:
    """3543 -> "3.543"; 2.975 with 2 decimals -> "2,98" (half up, as Excel shows)."""
    return as_shown(value, number_format(decimals))


def persen(value: float, decimals: int = 2) -> str:
    """0.9677 -> "96,77%"; 0.94 -> "94%" (trailing zeros dropped)."""
    pattern = "#,##0" + ("." + "#" * decimals if decimals else "") + "%"
    with decimal.localcontext(_wide_context(value)):
        return format_percent(excel_round(value, decimals + 2), format=pattern, locale=LOCALE)


MAX_DECIMALS = 2
"""Typed IKU values are shown with at most this many decimals."""


def decimals_needed(value: float, percent: bool = False) -> int:
    """The decimals `value` needs to be shown as it is (at most MAX_DECIMALS):
    0.152 as a percentage needs 1 (15,2%), 1100 needs none."""
    shown = value * 100 if percent else value
    for decimals in range(MAX_DECIMALS):
        if abs(shown - excel_round(shown, decimals)) < 1e-9:
            return decimals
    return MAX_DECIMALS


def number_format(decimals: int, percent: bool = False, grouped: bool = True) -> str:
    """The Excel number format of a value with `decimals` decimals: "0.0%", "#,##0.00"."""
    fraction = "." + "0" * decimals if decimals else ""
    if percent:
        return "0" + fraction + "%"
    return ("#,##0" if grouped else "0") + fraction


RATIO_FORMAT = "0.00%"
"""The format of computed ratios in every table."""


def persen_tabel(value: float) -> str:
    """A computed ratio (capaian, realisasi or efisiensi anggaran, rasio) as every table
    prints it, with two decimals: 0.036 -> "3,60%"."""
    return as_shown(value, RATIO_FORMAT)


def measure_format(values: Iterable[object], satuan: object = None) -> str:
    """One number format for the typed values of one indicator row (target, realisasi
    …), so a row never shows 64 beside 66,00: an index always with two decimals, any
    other unit with the decimals the most precise value of the row needs."""
    from xlkip.schema.base import is_percent_unit

    if isinstance(satuan, str) and satuan.strip().casefold() == "indeks":
        return number_format(2)
    percent = is_percent_unit(satuan)
    numbers = [v for v in values if isinstance(v, int | float) and not isinstance(v, bool)]
    decimals = max((decimals_needed(v, percent) for v in numbers), default=0)
    return number_format(decimals, percent)


def nilai(value: float, satuan: object = None) -> str:
    """A typed IKU value as a table prints it when alone in its row: "94%", "3,12",
    "1.100", "0,7"."""
    return as_shown(value, measure_format([value], satuan))


_PLAIN_NUMBER_FORMAT = re.compile(r"[#,]*0+(?:\.(0+))?(%?)")


def as_shown(value: float, num_format: str | None) -> str:
    """A number as a cell with `num_format` shows it: 0.036 with "0.00%" -> "3,60%",
    8664222212 with "#,##0" -> "8.664.222.212". Other formats: as `nilai` writes it."""
    match = _PLAIN_NUMBER_FORMAT.fullmatch(num_format or "")
    if match is None:
        return nilai(value)
    decimals = len(match.group(1) or "")
    percent = bool(match.group(2))
    rounded = excel_round(value, decimals + (2 if percent else 0))
    show = format_percent if percent else format_decimal
    with decimal.localcontext(_wide_context(value)):
        return show(rounded, format=num_format, locale=LOCALE)


def identity_text(value: object) -> str:
    """Names compared as a person would: case, spaces, "&"/"dan" and dots ignored."""
    return _identity(str(value))


_NOT_A_WORD = re.compile(r"[\W_]+")


@lru_cache(maxsize=8192)
def _identity(text: str) -> str:
    # Cached: a program's or a kegiatan's name is compared on every one of its rows.
    return _NOT_A_WORD.sub(" ", text.casefold().replace("&", " dan ")).strip()
