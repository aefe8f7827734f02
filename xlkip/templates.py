"""Writing a set of templates (`xlkip init`): blank, filled with an example, or carried
forward from last year's (`--dari`).

What a set of templates written together tells staff about each other: the tables
each sheet feeds (numbered as a report of those templates would number them) and the
evidence the IKU sheet may name (only that of the modules written)."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, replace
from importlib.abc import Traversable
from pathlib import Path

from xlkip import contoh
from xlkip.check import CheckResult, check
from xlkip.errors import UsageError
from xlkip.instrumen import instrument_for
from xlkip.output import make_folder, refuse_existing, write_atomically
from xlkip.read.folder import default_tahun
from xlkip.rollover import roll
from xlkip.schema import TEMPLATES, identitas, template_for
from xlkip.schema.base import TableSheet, Template
from xlkip.schema.kinerja import BUKTI_MODUL, IKU, INDEX_BUKTI, RENSTRA, SATUAN_MODUL, index_bukti
from xlkip.schema.sdm import JABATAN_ASN, JABATAN_NON_ASN_MODUL, PEGAWAI
from xlkip.schema.writer import Period, TemplateOptions, write_template

CORE = tuple(kind for kind, template in TEMPLATES.items() if template.required)
MODULES = tuple(kind for kind, template in TEMPLATES.items() if not template.required)
KOMINFO = ("spbe", "aplikasi", "informasi", "pengaduan")
"""The evidence modules of a Kominfo office; sdm (Bab I) is a module of any office."""


def options_for(kinds: Collection[str]) -> TemplateOptions:
    # The registry imports every table: only writing templates needs it.
    from xlkip.tables.registry import REPORT, tables_reading
    from xlkip.tables.spec import plan_where

    sheets = [s for kind in kinds for s in TEMPLATES[kind].sheets if isinstance(s, TableSheet)]
    written = {id(sheet) for sheet in sheets}
    plan = plan_where(REPORT, lambda spec: all(id(s) in written for s in spec.reads))
    feeds = {}
    for sheet in sheets:
        labels = [plan.label(spec) for spec in tables_reading(sheet) if plan.produces(spec)]
        uses = [_listed(labels)] if labels else []
        uses += [sheet.feeds_document] if sheet.feeds_document else []
        if uses:
            feeds[sheet.name] = " dan ".join(uses)
    if "triwulan" in kinds:  # it feeds the monitoring workbook, not the annual report
        from xlkip.tables.triwulan import monitoring_feeds

        for name, labels in monitoring_feeds().items():
            feeds[name] = f"{_listed(labels)} workbook pemantauan (xlkip compile --triwulan N)"
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


def template_kinds(modules: Collection[str] = (), with_example: bool = False) -> list[str]:
    """The core templates and the chosen evidence modules, in the schema's order (the
    example has them all)."""
    unknown = [m for m in modules if m not in MODULES]
    if unknown:
        raise UsageError(
            f"Modul tidak dikenal: {', '.join(unknown)}. Modul yang ada: {', '.join(MODULES)}."
        )
    chosen = set(CORE) | set(modules) | (set(MODULES) if with_example else set())
    return [kind for kind in TEMPLATES if kind in chosen]


def init_templates(
    folder: Path,
    tahun: int | None = None,
    renstra: tuple[int, int] | None = None,
    with_example: bool = False,
    overwrite: bool = False,
    modules: Collection[str] = (),
) -> list[Path]:
    """Write the core templates and the chosen modules into `folder`: blank, or all of
    them filled with the built-in example."""
    if with_example:
        return write_dataset(contoh.example_dir(), folder, overwrite)
    tahun = tahun or default_tahun()
    period = Period(tahun, *renstra) if renstra else Period.around(tahun)
    # The digital-government list comes prefilled with the year's instrument.
    blank = {"spbe": {"Nilai Aspek": instrument_for(tahun).rows()}}
    return write_templates(folder, template_kinds(modules), period, blank, overwrite)


def write_dataset(source: Traversable | Path, folder: Path, overwrite: bool = False) -> list[Path]:
    """Write filled templates from a data folder of `<kind>.json` files (the built-in
    example is one) into `folder`."""
    present = set(contoh.kinds_in(source))
    kinds = [kind for kind in TEMPLATES if kind in present]
    contents = {kind: contoh.load(kind, source) for kind in kinds}
    period = Period(*contoh.period_of(source))
    return write_templates(folder, kinds, period, contents, overwrite, keep=False)


@dataclass
class RolloverResult:
    paths: list[Path]
    last: CheckResult
    """Last year's folder as read: its findings say which values could not be carried."""
    notes: dict[str, list[str]]
    instrument_note: str | None = None
    """Set when last year was evaluated with another instrument: what that means."""


def rollover(
    folder: Path,
    last_folder: Path,
    tahun: int | None = None,
    renstra: tuple[int, int] | None = None,
    overwrite: bool = False,
) -> RolloverResult:
    """This year's templates from last year's filled ones (`xlkip init --dari`): the same
    templates last year's folder holds."""
    if folder.resolve() == last_folder.resolve():
        raise UsageError(
            "Folder tujuan sama dengan folder tahun lalu. Pilih folder baru untuk tahun ini."
        )
    last = check(last_folder)
    if "identitas" not in last.inputs.templates:
        raise UsageError(
            f"Folder {last_folder} tidak berisi template identitas yang terbaca, jadi tahun "
            "laporannya tidak diketahui. Sebutkan folder isian tahun lalu."
        )
    expected = last.inputs.tahun + 1
    if tahun is not None and tahun != expected:
        raise UsageError(
            f"Folder {last_folder} berisi laporan tahun {last.inputs.tahun}, jadi --dari "
            f"menyiapkan tahun {expected}, bukan {tahun}."
        )
    before = last.inputs.period
    period = Period(expected, *(renstra or (before.renstra_awal, before.renstra_akhir)))
    if not renstra and not period.renstra_awal <= expected <= period.renstra_akhir:
        raise UsageError(
            f"Tahun {expected} di luar periode Renstra {before.renstra_awal}–"
            f"{before.renstra_akhir} tahun lalu. Sebutkan periode Renstra yang baru, mis. "
            f"--renstra {expected}-{expected + 4}."
        )
    rolled = roll(last.inputs, period)
    kinds = [
        kind for kind in TEMPLATES if kind in last.inputs.templates or TEMPLATES[kind].required
    ]
    paths = write_templates(folder, kinds, period, rolled.content, overwrite, rolled.notes)
    return RolloverResult(paths, last, rolled.notes, rolled.instrument_note)


def write_templates(
    folder: Path,
    kinds: list[str],
    period: Period,
    contents: dict[str, dict] | None,
    overwrite: bool,
    notes: dict[str, list[str]] | None = None,
    keep: bool = True,
) -> list[Path]:
    """The templates of `kinds` for `period`, filled with `contents` by kind (absent:
    blank), with `notes` by kind for their Petunjuk. Without `overwrite`, a file already
    there is kept as it is (`keep`) or, for a dataset that must not be mixed with other
    entries, refused."""
    if not period.renstra_awal <= period.tahun <= period.renstra_akhir:
        raise UsageError(
            f"Tahun {period.tahun} berada di luar periode Renstra "
            f"{period.renstra_awal}–{period.renstra_akhir}."
        )
    contents, notes = contents or {}, notes or {}
    make_folder(folder)
    templates = [template_written(kind, period.tahun, kinds) for kind in kinds]
    targets = [folder / template.filename for template in templates]
    if not overwrite and not keep:
        refuse_existing(targets, "Contoh")
    options = for_instrument(options_for(kinds), period.tahun)
    for template, target in zip(templates, targets, strict=True):
        if target.exists() and not overwrite:
            continue  # kept: a template already there may hold staff entries
        content, lines = contents.get(template.kind), tuple(notes.get(template.kind, ()))
        write_atomically(
            target,
            lambda path, t=template, c=content, n=lines: write_template(
                t, path, period, c, options, notes=n
            ),
            template=True,
        )
    return targets


def for_instrument(options: TemplateOptions, tahun: int) -> TemplateOptions:
    """The Bukti Dukung dropdown names the index of the year's instrument only (the reader
    still accepts the other name)."""
    key = (IKU.name, "bukti")
    if key not in options.choices:
        return options
    own = index_bukti(instrument_for(tahun))
    choices = tuple(c for c in options.choices[key] if c not in INDEX_BUKTI or c == own)
    return replace(options, choices={**options.choices, key: choices})
