"""What a set of templates written together tells staff about each other: the tables
each sheet feeds (numbered as a report of those templates would number them) and the
evidence the IKU sheet may name (only that of the modules written)."""

from __future__ import annotations

from collections.abc import Collection, Mapping

from xlkip.schema import TEMPLATES, identitas, template_for
from xlkip.schema.base import TableSheet, Template
from xlkip.schema.kinerja import BUKTI_MODUL, IKU, RENSTRA, SATUAN_MODUL
from xlkip.schema.sdm import JABATAN_ASN, JABATAN_NON_ASN_MODUL, PEGAWAI
from xlkip.schema.writer import TemplateOptions
from xlkip.tables.registry import REPORT, tables_reading
from xlkip.tables.spec import plan_where

CORE = tuple(kind for kind, template in TEMPLATES.items() if template.required)
MODULES = tuple(kind for kind, template in TEMPLATES.items() if not template.required)
KOMINFO = ("spbe", "aplikasi", "informasi", "pengaduan")
"""The evidence modules of a Kominfo office; sdm (Bab I) is a module of any office."""


def options_for(kinds: Collection[str]) -> TemplateOptions:
    sheets = [s for kind in kinds for s in TEMPLATES[kind].sheets if isinstance(s, TableSheet)]
    written = {id(sheet) for sheet in sheets}
    plan = plan_where(REPORT, lambda spec: all(id(s) in written for s in spec.reads))
    feeds = {}
    for sheet in sheets:
        labels = [plan.label(spec) for spec in tables_reading(sheet) if plan.produces(spec)]
        if labels:
            feeds[sheet.name] = _listed(labels)
    bukti = tuple(label for label, module in BUKTI_MODUL.items() if module in kinds)
    satuan = _suggested(SATUAN_MODUL, kinds)
    choices = {
        (IKU.name, "bukti"): bukti,
        (IKU.name, "satuan"): satuan,
        (RENSTRA.name, "satuan"): satuan,
        (PEGAWAI.name, "jabatan"): JABATAN_ASN + _suggested(JABATAN_NON_ASN_MODUL, kinds),
    }
    return TemplateOptions(feeds=feeds, choices=choices)


def _suggested(by_module: Mapping[str, str | None], kinds: Collection[str]) -> tuple[str, ...]:
    """The suggestions of any office and those of the modules in `kinds`."""
    return tuple(value for value, module in by_module.items() if module is None or module in kinds)


def template_written(kind: str, tahun: int, kinds: Collection[str]) -> Template:
    """The template of `kind` as written beside `kinds`: Pengaturan holds the bands of an
    index only when the spbe module that computes it is written too."""
    if kind == "identitas":
        return identitas.for_year(tahun, bands="spbe" in kinds)
    return template_for(kind, tahun)


def _listed(labels: list[str]) -> str:
    numbers = [label.removeprefix("Tabel ") for label in labels]
    if len(numbers) == 1:
        return f"Tabel {numbers[0]}"
    return f"Tabel {', '.join(numbers[:-1])} dan {numbers[-1]}"
