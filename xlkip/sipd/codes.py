"""SIPD nomenclature codes: normalise them and tell their level by the widths of their parts.

Urusan-side codes (Permendagri 90/2019 and its updates):

    urusan 2 · bidang urusan 2.16 · program 2.16.02 · kegiatan 2.16.02.2.01
    sub kegiatan 2.16.02.2.01.0021 (or the older 2.16.02.2.01.21)
    organisasi (SKPD / sub unit) 2.16.2.20.2.21.01.0000

Accounts (kode rekening, Permendagri 77/2020): 5 · 5.1 · 5.1.02 · 5.1.02.01 ·
5.1.02.01.01 · 5.1.02.01.01.0024. Account and urusan codes both start with a digit
(4, 5, 6 are urusan too: a Bappeda's program is 5.01.02), so the level comes from the
widths of the parts — an account's second part has one digit — never from the first
digit. A single digit alone is either an urusan or an akun: the caller decides by
context. The penunjang program may be written X.XX.01.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache


class Level(str, Enum):
    URUSAN_ATAU_AKUN = "urusan atau akun"
    BIDANG = "bidang urusan"
    PROGRAM = "program"
    KEGIATAN = "kegiatan"
    SUB_KEGIATAN = "sub kegiatan"
    ORGANISASI = "organisasi"
    REKENING = "rekening"


PROGRAM_WIDTHS = (1, 2, 2)
KEGIATAN_WIDTHS = (*PROGRAM_WIDTHS, 1, 2)
SUB_KEGIATAN_WIDTHS = (*KEGIATAN_WIDTHS, 4)
OLD_SUB_KEGIATAN_WIDTHS = (*KEGIATAN_WIDTHS, 2)
ORGANISASI_WIDTHS = (1, 2, 1, 2, 1, 2, 2, 4)
REKENING_WIDTHS = (1, 1, 2, 2, 2, 4)

_BY_WIDTHS = {
    (1,): Level.URUSAN_ATAU_AKUN,
    (1, 2): Level.BIDANG,
    PROGRAM_WIDTHS: Level.PROGRAM,
    KEGIATAN_WIDTHS: Level.KEGIATAN,
    SUB_KEGIATAN_WIDTHS: Level.SUB_KEGIATAN,
    OLD_SUB_KEGIATAN_WIDTHS: Level.SUB_KEGIATAN,
    ORGANISASI_WIDTHS: Level.ORGANISASI,
}

_PART = re.compile(r"^(?:\d+|X+)$")
_LEADING_CODE = re.compile(
    r"^\s*'?\s*([0-9Xx]+(?:\s*\.\s*[0-9Xx]+)*)\.?(?:\s+|\s*[-–:]\s*|$)(.*)$", re.S
)
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Code:
    """A classified code. For a sub kegiatan written with its account, `text` is the
    sub kegiatan and `rekening` the account."""

    text: str
    level: Level
    rekening: str | None = None

    @property
    def parts(self) -> list[str]:
        return self.text.split(".")

    def prefix(self, level: Level) -> str:
        """The program, kegiatan, bidang or urusan this urusan-side code belongs to."""
        count = {
            Level.URUSAN_ATAU_AKUN: 1,
            Level.BIDANG: 2,
            Level.PROGRAM: 3,
            Level.KEGIATAN: 5,
            Level.SUB_KEGIATAN: 6,
        }[level]
        return ".".join(self.text.split(".", count)[:count])


def clean_code(text: str) -> str:
    """'2.16.02 ' -> '2.16.02'; "'2. 16. 02." -> '2.16.02'; x -> X."""
    text = _SPACES.sub("", text).lstrip("'").strip(".")
    return re.sub(r"\.+", ".", text).upper()


def widths(parts: list[str]) -> tuple[int, ...]:
    return tuple(len(p) for p in parts)


_CANONICAL_SUB_KEGIATAN = re.compile(
    r"(?:\d|X)\.(?:\d\d|XX)\.(?:\d\d|XX)\.(?:\d|X)\.(?:\d\d|XX)\.(?:\d{4}|X{4})"
)
"""2.16.02.2.01.0021 as typed: what nearly every row of a budget holds."""


def classify(text: str) -> Code | None:
    """The level of a code, in normal form (4-digit sub kegiatan); None if it fits none.

    >>> classify("2.16.02.2.01.21")
    Code(text='2.16.02.2.01.0021', level=<Level.SUB_KEGIATAN: 'sub kegiatan'>, rekening=None)
    >>> classify("5.1.02.01.01.0024").level
    <Level.REKENING: 'rekening'>
    """
    if _CANONICAL_SUB_KEGIATAN.fullmatch(text):  # what the general path would give
        return Code(text, Level.SUB_KEGIATAN)
    code = clean_code(text)
    parts = code.split(".")
    if not code or not all(_PART.match(p) for p in parts):
        return None
    return _by_parts(parts)


classify_repeated = lru_cache(maxsize=200_000)(classify)
"""For a SIPD export, whose codes repeat on every account row beneath them."""


def _by_parts(parts: list[str]) -> Code | None:
    shape = widths(parts)
    if is_rekening(parts):
        return Code(".".join(parts), Level.REKENING)
    level = _BY_WIDTHS.get(shape)
    if level is not None:
        return Code(_normal(parts, level), level)
    sub_shapes = (SUB_KEGIATAN_WIDTHS, OLD_SUB_KEGIATAN_WIDTHS)
    if len(parts) > 6 and widths(parts[:6]) in sub_shapes and is_rekening(parts[6:]):
        sub = _normal(parts[:6], Level.SUB_KEGIATAN)
        return Code(sub, Level.SUB_KEGIATAN, ".".join(parts[6:]))
    if len(parts) > 8 and shape[:8] == ORGANISASI_WIDTHS:
        return _by_parts(parts[8:])  # organisasi + program/kegiatan/sub kegiatan
    return None


def is_rekening(parts: list[str]) -> bool:
    """1 to 6 digit parts, the first and second of one digit: 5, 5.1, 5.1.02 … 5.1.02.01.01.0024."""
    if not 2 <= len(parts) <= len(REKENING_WIDTHS):
        return False
    if not all(p.isdigit() for p in parts):
        return False
    return widths(parts[:2]) == (1, 1) and all(1 <= len(p) <= 4 for p in parts[2:])


def _normal(parts: list[str], level: Level) -> str:
    if level is Level.SUB_KEGIATAN and len(parts[5]) == 2:
        last = parts[5]
        parts = [*parts[:5], last.zfill(4) if last.isdigit() else last * 2]
    return ".".join(parts)


@lru_cache(maxsize=200_000)
def split_leading_code(text: str) -> tuple[str | None, str]:
    """'2.16.02 PROGRAM PENGELOLAAN …' -> ('2.16.02', 'PROGRAM PENGELOLAAN …').

    Text without a leading code gives (None, text)."""
    match = _LEADING_CODE.match(text)
    if not match or not any(ch.isdigit() for ch in match.group(1)):
        return None, text.strip()
    return clean_code(match.group(1)), match.group(2).strip()


def compose(parts: list[str]) -> str:
    """One code from split code columns: ['2', '16', '02', '2.01', '0021'] or full codes
    repeated column by column (['2.16.02', '2.16.02.2.01']) give the most detailed code."""
    code = ""
    for part in parts:
        part = clean_code(part)
        if not part:
            continue
        repeats = not code or part == code or part.startswith(code + ".")
        code = part if repeats else f"{code}.{part}"
    return code
