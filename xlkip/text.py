"""Numbers written the Indonesian way, for messages and sentences."""

from __future__ import annotations

import decimal
import math
import re
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
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    with decimal.localcontext(_wide_context(value)):
        return format_decimal(excel_round(value, decimals), format=pattern, locale=LOCALE)


def persen(value: float, decimals: int = 2) -> str:
    """0.9677 -> "96,77%"; 0.94 -> "94%" (trailing zeros dropped)."""
    pattern = "#,##0" + ("." + "#" * decimals if decimals else "") + "%"
    with decimal.localcontext(_wide_context(value)):
        return format_percent(excel_round(value, decimals + 2), format=pattern, locale=LOCALE)


def nilai(value: float, satuan: object = None) -> str:
    """A typed IKU value as staff would write it: "94%", "3,12", "1.100"."""
    from xlkip.schema.base import is_percent_unit

    if is_percent_unit(satuan):
        return persen(value)
    with decimal.localcontext(_wide_context(value)):
        return format_decimal(excel_round(value, 2), format="#,##0.##", locale=LOCALE)


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
