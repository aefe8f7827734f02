"""A folder of templates: which file is which template, and the period they report on.

Discover the workbooks, recognise each by its marker, classify what is not a template
(or not this version's), require the core templates, then read each with the period
(from a marker first, then from Identitas).
"""

from __future__ import annotations

import datetime as dt
from contextlib import ExitStack
from pathlib import Path

from xlkip.errors import UsageError
from xlkip.findings import Finding, Report, error, info
from xlkip.inputs import Inputs
from xlkip.read.files import discover
from xlkip.read.records import TemplateData
from xlkip.read.sheets import read_template
from xlkip.read.workbook import Marker, SourceWorkbook, Unreadable
from xlkip.schema import TEMPLATES, template_for
from xlkip.schema.identitas import IDENTITAS
from xlkip.schema.writer import Period


def default_tahun(today: dt.date | None = None) -> int:
    """The LKjIP is written early in the year about the year before."""
    return (today or dt.date.today()).year - 1


def read_folder(folder: Path, report: Report) -> Inputs:
    """Every template in `folder` read into Inputs; what is wrong goes into `report`."""
    if not folder.exists():
        raise UsageError(f"Folder {folder} tidak ditemukan.")
    if not folder.is_dir():
        raise UsageError(f"{folder} bukan folder. Sebutkan folder yang berisi template.")
    candidates, skipped = discover(folder)
    report.extend(skipped)
    with ExitStack() as closing:
        opened = recognise(candidates, report, closing)
        require_templates(opened, report)
        period = first_period(opened)
        inputs = Inputs(folder=folder, period=period)
        for kind in TEMPLATES:
            if kind not in opened:
                continue
            data = TemplateData(template_for(kind, period.tahun), opened[kind].path)
            report.extend(read_template(opened[kind], data, period))
            inputs.templates[kind] = data
            if kind == "identitas":
                period = inputs.period = identitas_period(data, period)
    return inputs


def recognise(
    candidates: list[Path], report: Report, closing: ExitStack
) -> dict[str, SourceWorkbook]:
    """Open each candidate once; keep one workbook per template kind."""
    opened: dict[str, SourceWorkbook] = {}
    for path in candidates:
        try:
            source = SourceWorkbook.open(path)
        except Unreadable as exc:
            report.add(exc.finding)
            continue
        closing.callback(source.close)
        finding, kind = classify(path, source.marker)
        if finding is not None:
            report.add(finding)
        if kind is None:
            continue
        if kind in opened:
            first = opened[kind].path.name
            report.add(
                error(
                    "template_ganda",
                    f"Template {kind} ada dua kali: '{first}' dan '{path.name}'. Simpan hanya satu "
                    "di folder ini (pindahkan versi lama ke folder lain).",
                    file=path.name,
                )
            )
            continue
        opened[kind] = source
    return opened


def classify(path: Path, marker: Marker | None) -> tuple[Finding | None, str | None]:
    if marker is None:
        return info(
            "template_tidak_dikenal",
            "Buku kerja ini bukan template xlkip (tidak ada penanda template) — dilewati. Bila ini "
            "isian LKjIP, salin isinya ke template dari xlkip init.",
            file=path.name,
        ), None
    template = TEMPLATES.get(marker.kind)
    if template is None:
        return error(
            "jenis_template_tidak_dikenal",
            f"Penanda template '{marker.kind}' tidak dikenal oleh xlkip versi ini. Buat template "
            "baru dengan xlkip init.",
            file=path.name,
        ), None
    if marker.version != template.version and marker.version not in template.older_versions:
        return error(
            "versi_template",
            f"Template {template.kind} versi {marker.version}, sedangkan xlkip memakai versi "
            f"{template.version}. Buat template baru dengan xlkip init lalu salin isinya.",
            file=path.name,
        ), None
    return None, marker.kind


def require_templates(opened: dict[str, SourceWorkbook], report: Report) -> None:
    # A required file that is there but unreadable (damaged, old version) is reported once.
    refused = {f.file.casefold() for f in report.findings if f.file and f.tingkat.value == "error"}
    for template in TEMPLATES.values():
        if template.filename.casefold() in refused:
            continue
        if template.required and template.kind not in opened:
            report.add(
                error(
                    "template_wajib_tidak_ada",
                    f"Template {template.kind} ({template.title}) wajib ada tetapi tidak "
                    "ditemukan. Buat dengan xlkip init, isi, lalu simpan di folder ini.",
                    file=template.filename,
                )
            )


def unused_modules(inputs: Inputs) -> list[Finding]:
    """One info at most: the modules present but left blank. An absent module is simply
    not part of this office's report; nothing is said about it."""
    blank = [
        inputs.file_of(kind)
        for kind, template in TEMPLATES.items()
        if not template.required
        and inputs.has(kind)
        and not any(table.records for table in inputs.templates[kind].tables.values())
    ]
    if not blank:
        return []
    return [
        info(
            "modul_kosong",
            f"Template modul belum diisi dan tidak dipakai: {', '.join(blank)}. Isi bila "
            "tabelnya perlu ada di laporan; bila tidak, berkasnya boleh dihapus.",
        )
    ]


def first_period(opened: dict[str, SourceWorkbook]) -> Period:
    """The year before Identitas is read: from a template's marker, else last year."""
    years = [s.marker.tahun for s in opened.values() if s.marker and s.marker.tahun]
    return Period.around(years[0] if years else default_tahun())


def identitas_period(data: TemplateData, fallback: Period) -> Period:
    form = data.forms.get(IDENTITAS.name)
    if form is None or form.get("tahun") is None:
        return fallback
    tahun = form.get("tahun")
    awal = form.get("renstra_awal", fallback.renstra_awal)
    akhir = form.get("renstra_akhir", fallback.renstra_akhir)
    return Period(tahun, awal, akhir)
