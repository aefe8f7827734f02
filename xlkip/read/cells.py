"""Turn one raw cell into a typed value, or into a problem to report."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import Any

from xlkip.read.numbers import NotANumber, is_dash, parse_number
from xlkip.schema.base import Choices, Kind, is_percent_unit

_YEAR_RANGE = re.compile(r"^((?:19|20)\d\d)(?:\s*[-–/]\s*((?:19|20)\d\d))?$")
MIN_YEAR, MAX_YEAR = 1990, 2100
LARGEST = 1e15
"""Above this no LKjIP figure is real, and sums of such numbers overflow."""


@dataclass(frozen=True)
class Problem:
    kode: str
    pesan: str
    warning: bool = False
    """A `peringatan`: the value is kept and used; otherwise an `error` and no value."""
    info: bool = False
    """An `info`: the value is kept and used, only said how it was read."""
    spelling: tuple[str, str] | None = None
    """For READ_AS: the text as typed and the choice it was read as."""

    @property
    def keeps_value(self) -> bool:
        return self.warning or self.info


@dataclass(frozen=True)
class Measure:
    """A number whose unit is decided by the row's satuan (see resolve_measure)."""

    value: float
    percent: bool


@dataclass(frozen=True)
class Spec:
    """What a cell must hold: the part of a Column or Field that coercion needs."""

    label: str
    kind: Kind
    choices: tuple[str, ...] = ()
    choice_rule: Choices = Choices.CLOSED
    dash_is_zero: bool = False
    minimum: float | None = 0
    maximum: float | None = None
    choice_aliases: tuple[tuple[str, str], ...] = ()
    optional_choice: bool = False
    """An optional column whose choices are the evidence of modules (Bukti Dukung): a
    value that is none of them is left out with a peringatan, never stops the report."""


Coerced = tuple[Any, Problem | None]


def quote(value: Any, limit: int = 60) -> str:
    """Staff text inside a message: a pasted page must not become a page of message."""
    text = str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def clean_text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, dt.datetime):
        value = value.date().isoformat()
    text = " ".join(str(value).split())
    return text or None


def clean_prose(value: Any) -> str | None:
    """Long text with its paragraphs: each line's spaces tidied, empty lines dropped."""
    lines = (" ".join(line.split()) for line in str(value).splitlines())
    return "\n".join(line for line in lines if line) or None


def is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def coerce(spec: Spec, raw: Any, number_format: str | None = None) -> Coerced:
    """Read `raw` as `spec` says; (None, None) for an empty cell."""
    if is_blank(raw):
        return None, None
    if spec.kind is Kind.CHOICE:
        return _choice(spec, raw)
    if spec.kind is Kind.PROSE:
        return clean_prose(raw), None
    if spec.kind in (Kind.TEXT, Kind.YEAR_RANGE):
        text = clean_text(raw)
        if text is None or is_dash(text):
            return None, None
        if spec.kind is Kind.YEAR_RANGE:
            return _year_range(spec, text)
        return _suggestion(spec, text) if spec.choice_aliases else (text, None)
    if spec.kind is Kind.YEAR:
        return _year(spec, raw)
    return _number(spec, raw, number_format)


_TABLE_NOTE = re.compile(r"\s*\(tabel[^)]*\)\s*$")


def choice_key(text: str) -> str:
    """A dropdown value as compared: case, repeated spaces and a trailing "(Tabel 3.5)"
    (the labels of earlier versions named table numbers) ignored."""
    return " ".join(_TABLE_NOTE.sub("", text.casefold()).split())


_SEPARATORS = re.compile(r"[\s\-‐–—−/\\.,_()÷:'’`]+")


def loose_choice_key(text: str) -> str:
    """A choice as compared with its other spellings: separators ignored too, so "S-1",
    "s 1" and "S1" meet, while a stray "!" or letter still makes another value."""
    return _SEPARATORS.sub("", choice_key(text))


@lru_cache(maxsize=256)
def choice_spellings(
    choices: tuple[str, ...], aliases: tuple[tuple[str, str], ...]
) -> dict[str, str]:
    """Loose key -> canonical choice, for the choices and their other spellings."""
    table = {loose_choice_key(other): canonical for other, canonical in aliases}
    table.update((loose_choice_key(choice), choice) for choice in choices)
    return table


SLOW = None
"""What coerce_common returns when the cell needs the general path of coerce."""
_PLAIN_NUMBERS = frozenset({Kind.NUMBER, Kind.MONEY, Kind.COUNT, Kind.INDEX})


def coerce_common(spec: Spec, raw: Any) -> Coerced | None:
    """The two cells a big sheet is made of — a finite number in a number column, a
    string in a text column — coerced without the general path's layers; SLOW (None)
    for anything else. Gives exactly what `coerce` gives for those cells."""
    kind, kind_of_raw = spec.kind, type(raw)
    if kind_of_raw is float or kind_of_raw is int:
        if raw != raw or abs(raw) > LARGEST:  # NaN, infinities, absurd sizes
            return SLOW
        if kind in _PLAIN_NUMBERS or (kind is Kind.PERCENT and abs(raw) <= 1):
            return _check_number(spec, float(raw))
        return SLOW
    if kind_of_raw is str and kind is Kind.TEXT and not spec.choice_aliases:
        text = " ".join(raw.split())
        return (None, None) if not text or is_dash(text) else (text, None)
    if kind_of_raw is str and kind is Kind.CHOICE:
        return _choice_of_text(spec, raw)
    return SLOW


@lru_cache(maxsize=4096)
def _choice_of_text(spec: Spec, raw: str) -> Coerced:
    """A dropdown column holds a few values on thousands of rows: each is read once."""
    return coerce(spec, raw)


READ_AS = "pilihan_dibaca_sebagai"


def read_as_message(label: str, text: str, read_as: str, cells: str = "") -> str:
    """The READ_AS info; `cells` ("di 12 sel (C5:C16)") when it speaks for many cells."""
    where = f" {cells}" if cells else ""
    return (
        f"'{quote(text)}' pada kolom '{label}'{where} dibaca sebagai '{read_as}'. Tidak "
        "perlu diubah; pilih dari daftar agar pesan ini hilang."
    )


def _read_as(spec: Spec, text: str, read_as: str) -> Coerced:
    return read_as, Problem(
        READ_AS,
        read_as_message(spec.label, text, read_as),
        info=True,
        spelling=(text, read_as),
    )


def _suggestion(spec: Spec, text: str) -> Coerced:
    """A text column with suggestions (Kelompok Jabatan): another spelling of a suggestion
    is read as it; any other text is kept as typed."""
    read_as = choice_spellings(spec.choices, spec.choice_aliases).get(loose_choice_key(text))
    if read_as is None or choice_key(read_as) == choice_key(text):
        return text, None
    return _read_as(spec, text, read_as)


def _choice(spec: Spec, raw: Any) -> Coerced:
    text = clean_text(raw)
    if text is None or is_dash(text):
        return None, None
    folded = choice_key(text)
    for choice in spec.choices:
        if choice_key(choice) == folded:
            return choice, None
    read_as = choice_spellings(spec.choices, spec.choice_aliases).get(loose_choice_key(text))
    if read_as is not None:
        return _read_as(spec, text, read_as)
    if spec.choice_rule is Choices.OPEN:
        return text, None
    options = ", ".join(spec.choices)
    if spec.choice_rule is Choices.ENUMERATION:
        return text, Problem(
            "pilihan_tidak_dikenal",
            f"'{quote(text)}' bukan isian kolom '{spec.label}' yang dikenal ({options}). "
            "Pilih dari daftar bila salah ketik; bila memang benar, biarkan.",
            warning=True,
        )
    if spec.optional_choice:
        return None, Problem(
            "pilihan_tidak_dikenal",
            f"'{quote(text)}' bukan pilihan kolom '{spec.label}' (yang dikenal: {options}), "
            "jadi isian ini diabaikan. Kolom ini opsional: kosongkan sel ini, atau pilih dari "
            "daftar bila realisasinya dihitung xlkip dari tabel itu.",
            warning=True,
        )
    return None, Problem(
        "pilihan_tidak_dikenal",
        f"'{quote(text)}' bukan pilihan kolom '{spec.label}'. Pilih salah satu: {options}.",
    )


def _year_range(spec: Spec, text: str) -> Coerced:
    match = _YEAR_RANGE.match(text)
    if not match or not all(
        MIN_YEAR <= int(y) <= MAX_YEAR for y in match.groups() if y is not None
    ):
        return None, Problem(
            "tahun_tidak_valid",
            f"'{quote(text)}' bukan tahun pada kolom '{spec.label}'. Ketik mis. 2019 atau "
            "2018-2024.",
        )
    start, end = match.groups()
    return (start if end is None or end == start else f"{start}-{end}"), None


def _year(spec: Spec, raw: Any) -> Coerced:
    value, problem = _number(Spec(spec.label, Kind.COUNT), raw, None)
    if problem or value is None:
        return None, problem and Problem(
            "tahun_tidak_valid",
            f"'{quote(raw)}' bukan tahun pada kolom '{spec.label}'. Ketik mis. 2024.",
        )
    if not MIN_YEAR <= value <= MAX_YEAR:
        return None, Problem(
            "tahun_tidak_valid",
            f"Tahun {int(value)} pada kolom '{spec.label}' tidak masuk akal "
            f"(harus antara {MIN_YEAR} dan {MAX_YEAR}).",
        )
    return int(value), None


def _number(spec: Spec, raw: Any, number_format: str | None) -> Coerced:
    parsed, problem = _raw_number(spec, raw, number_format)
    if problem or parsed is None:
        return None, problem
    if abs(parsed.value) > LARGEST:
        return None, Problem(
            "angka_terlalu_besar",
            f"Angka {quote(raw)} pada kolom '{spec.label}' terlalu besar (lebih dari seribu "
            "triliun). Periksa ketikannya.",
        )
    if spec.kind is Kind.MEASURE:
        return parsed, None
    value = parsed.value
    if spec.kind is Kind.PERCENT:
        value = as_fraction(parsed.value, parsed.percent)
    return _check_number(spec, value)


def _raw_number(
    spec: Spec, raw: Any, number_format: str | None
) -> tuple[Measure | None, Problem | None]:
    percent_format = bool(number_format and "%" in number_format)
    if isinstance(raw, (bool, dt.date | dt.time | dt.timedelta)):
        return None, _not_a_number(spec, raw)
    if isinstance(raw, int | float):
        if raw != raw or raw in (float("inf"), float("-inf")):
            return None, _not_a_number(spec, raw)
        return Measure(float(raw), percent_format), None
    text = str(raw)
    if is_dash(text):
        return (Measure(0.0, False) if spec.dash_is_zero else None), None
    try:
        parsed = parse_number(text)
    except NotANumber:
        return None, _not_a_number(spec, raw)
    if parsed is None:
        return None, None
    return Measure(parsed.value, parsed.percent or percent_format), None


def _not_a_number(spec: Spec, raw: Any) -> Problem:
    shown = raw.date().isoformat() if isinstance(raw, dt.datetime) else quote(raw)
    return Problem(
        "bukan_angka",
        f"Isi '{shown}' pada kolom '{spec.label}' bukan angka. Ketik angka saja, "
        "mis. 1.234.567 atau 91,43%.",
    )


def as_fraction(value: float, had_percent: bool) -> float:
    """A percentage as a fraction: "15%" and 0.15 are 0.15; a bare 15 is 15%."""
    if had_percent or abs(value) <= 1:
        return value
    return float(Decimal(repr(value)) / 100)


def resolve_measure(measure: Measure | None, satuan: Any) -> float | None:
    """IKU and Renstra numbers take their unit from the row: % rows hold fractions."""
    if measure is None:
        return None
    if is_percent_unit(satuan):
        return as_fraction(measure.value, measure.percent)
    return measure.value


def _check_number(spec: Spec, value: float) -> Coerced:
    if spec.kind is Kind.COUNT and not float(value).is_integer():
        return None, Problem(
            "bukan_bilangan_bulat",
            f"Kolom '{spec.label}' berisi jumlah, harus bilangan bulat (bukan {value:g}).",
        )
    if spec.minimum is not None and value < spec.minimum:
        return None, Problem(
            "angka_negatif",
            f"Nilai {value:g} pada kolom '{spec.label}' tidak boleh negatif.",
        )
    if spec.maximum is not None and value > spec.maximum:
        kode = "persen_di_luar_rentang" if spec.kind is Kind.PERCENT else "nilai_di_luar_rentang"
        batas = f"{spec.maximum:.0%}" if spec.kind is Kind.PERCENT else f"{spec.maximum:g}"
        return None, Problem(
            kode, f"Nilai pada kolom '{spec.label}' melebihi batas {batas}. Periksa ketikannya."
        )
    return (int(value) if spec.kind is Kind.COUNT else value), None
