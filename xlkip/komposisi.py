"""Staff composition: the counts of Tabel 1.1–1.5, from the sdm template's person rows.

Every table counts the same rows, so their totals agree by construction. Only these
counts leave xlkip; no name or other person-level value does (UU 27/2022).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from xlkip.read.records import Record
from xlkip.schema.sdm import (
    ASN,
    JABATAN_ASN,
    NON_ASN,
    PENDIDIKAN,
    PPPK,
    PROGRAMMER_WORD,
)
from xlkip.text import identity_text

PENDIDIKAN_ROWS = {"D4": "S1/D4", "S1": "S1/D4"}
"""Tabel 1.4 prints D4 and S1 (both sarjana level) in one row, as the report does."""

_ASN_GROUPS = {identity_text(name): name for name in JABATAN_ASN}


def is_asn(status: object) -> bool:
    """PPPK are ASN too (UU 20/2023): they count in the ASN column of 1.3 and 1.4."""
    return status in (ASN, PPPK)


def kelompok_jabatan(jabatan: object) -> str | None:
    """The jabatan as Tabel 1.2/1.5 group it: an ASN group by its canonical name,
    any other jabatan as first typed (case and spaces aside)."""
    if jabatan is None:
        return None
    return _ASN_GROUPS.get(identity_text(jabatan), str(jabatan))


def is_asn_jabatan(jabatan: object) -> bool:
    return jabatan is not None and identity_text(jabatan) in _ASN_GROUPS


def is_programmer(jabatan: object) -> bool:
    return jabatan is not None and PROGRAMMER_WORD in identity_text(jabatan).split()


def pendidikan_row(pendidikan: str) -> str:
    return PENDIDIKAN_ROWS.get(pendidikan, pendidikan)


@dataclass(frozen=True)
class Komposisi:
    """Counts over the person rows; keys keep the order the tables print them in."""

    pns_golongan: Counter[str]
    pppk_golongan: Counter[str]
    non_asn_jabatan: dict[str, int]
    jenis_kelamin: dict[tuple[str, bool], int]
    """(jenis kelamin, is ASN) -> count."""
    pendidikan: dict[tuple[str, bool], int]
    jabatan: dict[str, int]
    programmer: int

    @property
    def pendidikan_rows(self) -> list[str]:
        present = {row for row, _ in self.pendidikan}
        ordered = dict.fromkeys(pendidikan_row(p) for p in PENDIDIKAN)
        return [row for row in ordered if row in present]


def komposisi(records: Iterable[Record]) -> Komposisi:
    people = [r for r in records if r.get("status") is not None]
    labels: dict[str, str] = {}
    """identity of a jabatan -> the label it is printed with (its first spelling)."""

    def label(person: Record) -> str | None:
        group = kelompok_jabatan(person.get("jabatan"))
        return None if group is None else labels.setdefault(identity_text(group), group)

    jabatan = Counter(g for g in map(label, people) if g is not None)
    asn_first = {g: jabatan[g] for g in JABATAN_ASN if jabatan[g]}
    status = {s: [p for p in people if p.get("status") == s] for s in (ASN, PPPK, NON_ASN)}
    return Komposisi(
        pns_golongan=Counter(p.get("golongan") for p in status[ASN] if p.get("golongan")),
        pppk_golongan=Counter(p.get("golongan") for p in status[PPPK] if p.get("golongan")),
        non_asn_jabatan=dict(Counter(g for g in map(label, status[NON_ASN]) if g is not None)),
        jenis_kelamin=_by_asn(people, "jenis_kelamin", str),
        pendidikan=_by_asn(people, "pendidikan", pendidikan_row),
        jabatan={**asn_first, **{g: n for g, n in jabatan.items() if g not in asn_first}},
        programmer=sum(1 for p in people if is_programmer(p.get("jabatan"))),
    )


def _by_asn(
    people: list[Record], key: str, label: Callable[[str], str]
) -> dict[tuple[str, bool], int]:
    counts: Counter[tuple[str, bool]] = Counter()
    for person in people:
        value = person.get(key)
        if value is not None:
            counts[(label(value), is_asn(person.get("status")))] += 1
    return dict(counts)
