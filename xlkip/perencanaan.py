"""Bab II's targets for one IKU row: the Renstra target of the year and the PK target.

- The **Renstra target** (Tabel 2.1) is the IKU sheet's "Target Renstra" when typed,
  else the target of the report year on the Renstra sheet row that names this IKU
  (its "Sama dengan IKU" column), else on the Renstra row of the same indicator name
  whose "Sama dengan IKU" is empty (as the Petunjuk says, and as `init --dari` takes
  next year's target).
- The **PK target** (Tabel 2.3) is "Target PK" when typed, else the Target column,
  which is also what Chapter III (Tabel 3.2) measures capaian against.
"""

from __future__ import annotations

from dataclasses import dataclass

from xlkip.inputs import Inputs
from xlkip.read.records import Record
from xlkip.schema.kinerja import BAB_II_COLUMNS, IKU, RENSTRA
from xlkip.text import as_shown, identity_text, measure_format

BAB_II_KEYS = tuple(column.key for column in BAB_II_COLUMNS)

INDICATOR_VALUES = ("target", "realisasi", "realisasi_lalu", "target_pk")
"""The typed values of an IKU row that the tables print (3.2, 3.13, 2.3)."""


def indicator_format(record: Record, *more: object) -> str:
    """The number format of an IKU row in every table that prints it (see
    xlkip.tables.kinerja.indicator_style); `more`: a value the table prints beside them."""
    values = [record.get(key) for key in INDICATOR_VALUES]
    return measure_format([*values, *more], record.get("satuan"))


def as_in_row(value: float, record: Record, *more: object) -> str:
    """A value of an IKU row as its table prints it: 8% in a row holding 7,5% is "8,0%"."""
    return as_shown(value, indicator_format(record, *more))


def uses_bab_ii(inputs: Inputs) -> bool:
    """The IKU sheet fills at least one Bab II column: Tabel 2.1 and 2.3 are made."""
    return any(r.get(key) is not None for r in inputs.records(IKU) for key in BAB_II_KEYS)


def explains_iku(inputs: Inputs) -> bool:
    """Penanggung jawab, sumber data or rumus given for some IKU: Tabel 2.2 is made."""
    keys = ("penanggung_jawab", "sumber_data", "rumus")
    return any(r.get(key) is not None for r in inputs.records(IKU) for key in keys)


@dataclass(frozen=True)
class Target:
    value: float
    sheet: str
    cell: str | None
    typed: bool
    """Typed in its own column on the IKU sheet (not taken from elsewhere)."""


SAME_NAME = frozenset({"ya", "y", "iya", "sama", "v", "✓", "√", "x"})
"""What staff type in "Sama dengan IKU" to say yes, this row is an IKU (of its own name)."""


def iku_link(row: Record) -> str | None:
    """The IKU indicator a Renstra row names in "Sama dengan IKU": a "Ya" (or a tick)
    names the row's own indicator."""
    link = row.get("iku")
    if link is not None and str(link).strip().casefold() in SAME_NAME:
        return row.get("indikator")
    return link


def renstra_links(inputs: Inputs) -> dict[str, Record]:
    """IKU indicator identity -> the first Renstra row that names it in "Sama dengan IKU",
    else the first Renstra row of that indicator name that names no IKU."""
    rows = inputs.records(RENSTRA)
    links: dict[str, Record] = {}
    for row in rows:
        if iku_link(row) is not None:
            links.setdefault(identity_text(iku_link(row)), row)
    for row in rows:
        if iku_link(row) is None and row.get("indikator") is not None:
            links.setdefault(identity_text(row.get("indikator")), row)
    return links


def renstra_sheet_target(
    inputs: Inputs, iku: Record, links: dict[str, Record] | None = None
) -> Target | None:
    """The report year's target on the Renstra sheet row linked to `iku`."""
    links = renstra_links(inputs) if links is None else links
    row = links.get(identity_text(iku.get("indikator")))
    value = row.years.get(inputs.tahun) if row else None
    if row is None or value is None:
        return None
    return Target(value, "Renstra", row.year_cell(inputs.tahun), typed=False)


def renstra_target(
    inputs: Inputs, iku: Record, links: dict[str, Record] | None = None
) -> Target | None:
    typed = iku.get("target_renstra")
    if typed is not None:
        return Target(typed, "IKU", iku.cell("target_renstra"), typed=True)
    return renstra_sheet_target(inputs, iku, links)


def pk_target(iku: Record) -> Target | None:
    typed = iku.get("target_pk")
    if typed is not None:
        return Target(typed, "IKU", iku.cell("target_pk"), typed=True)
    if iku.get("target") is None:
        return None
    return Target(iku.get("target"), "IKU", iku.cell("target"), typed=False)
