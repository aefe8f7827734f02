"""The declarative vocabulary of a template: one definition writes the blank
workbook, explains it on the Petunjuk sheet, and reads the filled one back."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from enum import Enum


class Kind(str, Enum):
    TEXT = "teks"
    PROSE = "teks panjang (baris baru = paragraf baru)"
    """Staff prose for the Word document: line breaks are kept as paragraphs."""
    CHOICE = "pilihan"
    NUMBER = "angka"
    MEASURE = "angka (satuan mengikuti kolom Satuan)"
    MONEY = "rupiah"
    COUNT = "bilangan bulat"
    PERCENT = "persen"
    INDEX = "indeks 0–5"
    YEAR = "tahun"
    YEAR_RANGE = "tahun atau rentang tahun"

    @property
    def numeric(self) -> bool:
        return self in _NUMERIC


_NUMERIC = {Kind.NUMBER, Kind.MEASURE, Kind.MONEY, Kind.COUNT, Kind.PERCENT, Kind.INDEX}


class Choices(str, Enum):
    """How a column's list of values binds what staff type."""

    OPEN = "saran"
    """Suggested values only: any text is accepted, never a finding (Satuan: any unit)."""
    ENUMERATION = "daftar"
    """An enumeration: an unknown value is kept as typed and is a `peringatan` that lists
    the known values (Sumber Dana, Status)."""
    CLOSED = "tertutup"
    """An enumeration xlkip computes by (Arah, the jenis that splits tables): an unknown
    value cannot be used and is an `error`."""


ChoiceAliases = tuple[tuple[str, str], ...]
"""(other spelling, canonical choice) pairs: a tuple, so columns stay hashable."""


def spellings(table: Mapping[str, Iterable[str]]) -> ChoiceAliases:
    """A column's other spellings from {canonical choice: its other spellings}."""
    return tuple((other, canonical) for canonical, others in table.items() for other in others)


PERCENT_UNITS = frozenset({"%", "persen", "persentase"})


def is_percent_unit(satuan: object) -> bool:
    return isinstance(satuan, str) and satuan.strip().lower() in PERCENT_UNITS


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    kind: Kind
    help: str
    required: bool = True
    choices: tuple[str, ...] = ()
    choice_rule: Choices = Choices.ENUMERATION
    """How `choices` (or `choices_from`) binds the cell: see Choices."""
    choices_from: tuple[str, str] | None = None
    """(sheet, column key) whose values feed this column's dropdown."""
    choice_aliases: ChoiceAliases = ()
    """Other spellings of the choices (the labels the report prints, the usual
    abbreviations): read as the canonical choice, with an `info` finding."""
    no_choices: str = ""
    """What the Petunjuk and the cell's note say when the templates written with this
    one offer none of the choices (evidence of modules the office does not have)."""
    fill_down: bool = False
    """A blank cell means "same as the row above" (merged or omitted in pastes)."""
    groups: bool = False
    """Output rows are grouped by this name (program, kegiatan, kanal, domain): spellings
    that differ only in case or spaces make one group, and a peringatan."""
    dash_is_zero: bool = False
    """A "-" in this column means zero (budget and count columns), not nothing."""
    minimum: float | None = 0
    maximum: float | None = None
    aliases: tuple[str, ...] = ()
    width: float = 16
    example: str = ""
    identity: Callable[[object], str] | None = None
    """How two values name the same thing when looking for repeated rows (default:
    ignoring case, spaces and punctuation; pemda names: xlkip.names.pemda_key)."""

    def header_text(self, tahun: int) -> str:
        return render_header(self.header, tahun)

    def match_keys(self) -> set[str]:
        keys = {normalize_header(self.header), normalize_header(self.key.replace("_", " "))}
        keys.update(normalize_header(alias) for alias in self.aliases)
        keys.discard("")
        return keys


@dataclass(frozen=True)
class YearColumns:
    """One column per year of a period, e.g. "Target 2022" … "Target 2026"."""

    key: str
    header: str
    help: str
    kind: Kind = Kind.MEASURE
    width: float = 12

    def header_text(self, year: int) -> str:
        return self.header.format(year=year)

    def year_of(self, header: str) -> int | None:
        prefix = normalize_header(self.header.format(year=""))
        match = re.fullmatch(r"(.*?)\s*((?:19|20)\d\d)\s*", _fold(header))
        if not match or normalize_header(match.group(1)) != prefix:
            return None
        return int(match.group(2))


@dataclass(frozen=True)
class TableSheet:
    name: str
    table_name: str
    title: str
    description: str
    columns: tuple[Column, ...]
    year_columns: YearColumns | None = None
    unique: tuple[str, ...] = ()
    """Columns whose combination identifies a row; a repeat is a finding."""
    blank_rows: int = 100
    prefilled: tuple[str, ...] = ()
    """Columns `xlkip init` prefills (an instrument's items and weights): a sheet with
    nothing typed outside them is read as empty, so an untouched template adds nothing."""
    required: bool = True
    """False: a workbook without this sheet is fine (it only feeds optional tables)."""
    hidden: bool = False
    """Written hidden: kept by xlkip for xlkip, not typed by staff."""
    feeds_document: str = ""
    """Where the Word document (compile --dokumen) uses this sheet, for the Petunjuk's
    "Dipakai untuk" (the tables it feeds are found in the registry)."""

    def column(self, key: str) -> Column:
        return next(c for c in self.columns if c.key == key)


@dataclass(frozen=True)
class Field:
    key: str
    label: str
    kind: Kind
    help: str
    required: bool = True
    choices: tuple[str, ...] = ()
    choice_aliases: ChoiceAliases = ()
    """As Column.choice_aliases."""
    default: object = None
    minimum: float | None = 0
    maximum: float | None = None
    aliases: tuple[str, ...] = ()
    """Other labels read as this field (the same setting under another instrument)."""

    def match_keys(self) -> set[str]:
        keys = {normalize_header(self.label), normalize_header(self.key.replace("_", " "))}
        keys.update(normalize_header(alias) for alias in self.aliases)
        return keys


@dataclass(frozen=True)
class FormSheet:
    """Label in column A, value in column B: identity and settings."""

    name: str
    title: str
    description: str
    fields: tuple[Field, ...]
    required: bool = True
    """False: a file without this sheet (an older version of the template) is read as
    if the sheet were empty."""

    def field(self, key: str) -> Field:
        return next(f for f in self.fields if f.key == key)

    @property
    def fields_by_key(self) -> dict[str, Field]:
        return {f.key: f for f in self.fields}


Sheet = TableSheet | FormSheet


@dataclass(frozen=True)
class Template:
    kind: str
    version: int
    title: str
    filename: str
    filled_by: str
    required: bool
    """A core template every office fills; the others are evidence modules."""
    sheets: tuple[Sheet, ...] = field(default_factory=tuple)
    older_versions: tuple[int, ...] = ()
    """Earlier versions whose files this version still reads (as last year's inputs)."""

    def sheet(self, name: str) -> Sheet:
        return next(s for s in self.sheets if s.name == name)


def render_header(header: str, tahun: int) -> str:
    return header.format(tahun=tahun, tahun_lalu=tahun - 1)


def _fold(text: str) -> str:
    return re.sub(r"\s+", " ", str(text).replace("\n", " ")).strip().lower()


def normalize_header(text: str) -> str:
    """Header text reduced to its words: years, placeholders and punctuation go,
    so "Realisasi 2024" and "REALISASI" match the same column."""
    text = re.sub(r"\{[a-z_]*\}", " ", _fold(text))
    text = re.sub(r"\d+", " ", text)
    text = re.sub(r"[^a-z]+", " ", text)
    return text.strip()
