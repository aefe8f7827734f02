"""Parse the numbers staff paste from SIPD exports and Word files.

Indonesian text uses "." for thousands and "," for decimals ("9.475.869.588",
"91,43%"); English text the other way round. A lone "-" means nothing.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from decimal import Decimal

DASHES = frozenset({"-", "–", "—", "--", "−"})

_CURRENCY = re.compile(r"^(rp\.?|idr)\s*", re.IGNORECASE)
_SPACES = re.compile(r"[\s\u00a0\u202f]+")
_DIGITS_ONLY = re.compile(r"^\d+$")
_NO_CENTS = re.compile(r"(?<=\d)[.,][-–—]+$")
"""The ",-" that closes a rupiah amount ("Rp. 436.219.982,-"): no cents."""


class NotANumber(ValueError):
    """The text is not a number in any form staff use."""


@dataclass(frozen=True)
class ParsedNumber:
    value: float
    percent: bool = False
    """The text carried a "%" sign: `value` is already a fraction (15% -> 0.15)."""


def is_dash(text: str) -> bool:
    return text.strip() in DASHES


def parse_number(text: str) -> ParsedNumber | None:
    """Read a number typed as text; None for blank or "-"; NotANumber otherwise.

    >>> parse_number("Rp 2.602.173.662").value
    2602173662.0
    >>> parse_number("91,43%").value
    0.9143
    >>> parse_number("Rp. 436.219.982,-").value
    436219982.0
    """
    cleaned = _SPACES.sub("", text).strip()
    if not cleaned or cleaned in DASHES:
        return None
    negative = False
    if cleaned.startswith("(") and cleaned.endswith(")"):
        negative, cleaned = True, cleaned[1:-1]
    cleaned = _CURRENCY.sub("", cleaned)
    percent = cleaned.endswith("%")
    if percent:
        cleaned = cleaned[:-1]
    if cleaned[:1] in {"-", "−", "+"}:
        negative = negative or cleaned[0] != "+"
        cleaned = cleaned[1:]
    cleaned = _NO_CENTS.sub("", _CURRENCY.sub("", cleaned))
    number = _to_decimal(cleaned, original=text)
    if negative:
        number = -number
    if percent:
        number = number / 100
    value = float(number)
    if not math.isfinite(value):
        raise NotANumber(text)
    return ParsedNumber(value, percent)


def _to_decimal(digits: str, original: str) -> Decimal:
    if not digits or not all(ch.isdigit() or ch in ".," for ch in digits):
        raise NotANumber(original)
    integer, fraction = _split_decimal(digits)
    if not _is_grouped(integer) or (fraction and not _DIGITS_ONLY.match(fraction)):
        raise NotANumber(original)
    return Decimal(integer.replace(".", "").replace(",", "") + "." + (fraction or "0"))


def _split_decimal(digits: str) -> tuple[str, str]:
    """Split into integer part (may carry thousands separators) and decimals."""
    dots, commas = digits.count("."), digits.count(",")
    if dots and commas:
        separator = "," if digits.rfind(",") > digits.rfind(".") else "."
        integer, _, fraction = digits.rpartition(separator)
        return integer, fraction
    if commas == 1:  # Indonesian decimal comma: "2,98"
        integer, _, fraction = digits.partition(",")
        return integer, fraction
    if dots == 1:
        integer, _, fraction = digits.partition(".")
        # "1.100" is Indonesian for one thousand one hundred; "2.98" is 2,98.
        if len(fraction) == 3 and integer not in {"", "0"}:
            return digits, ""
        return integer, fraction
    return digits, ""


def _is_grouped(integer: str) -> bool:
    if _DIGITS_ONLY.match(integer):
        return True
    groups = re.split(r"[.,]", integer)
    separators = set(re.findall(r"[.,]", integer))
    return (
        len(separators) == 1
        and 1 <= len(groups[0]) <= 3
        and groups[0].isdigit()
        and all(len(g) == 3 and g.isdigit() for g in groups[1:])
    )
