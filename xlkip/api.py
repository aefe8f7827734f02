"""The library API behind the CLI: write templates, read and check a folder."""

from __future__ import annotations

import datetime as dt
import gc
import tempfile
import time
from collections.abc import Collection
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from importlib.abc import Traversable
from pathlib import Path
from typing import TYPE_CHECKING

from xlkip import contoh
from xlkip.findings import Finding, Report, error, info
from xlkip.inputs import Inputs
from xlkip.output import OutputError, safe_filename, write_atomically
from xlkip.read.files import discover
from xlkip.read.records import TemplateData
from xlkip.read.sheets import read_template
from xlkip.read.workbook import Marker, SourceWorkbook, Unreadable
from xlkip.schema import TEMPLATES
from xlkip.schema.identitas import IDENTITAS
from xlkip.schema.writer import Period, write_template
from xlkip.tables.figures import Figures
from xlkip.validate import validate

if TYPE_CHECKING:
    from xlkip.tables.figures import Figures


class UsageError(Exception):
    """The command was asked for something it cannot do (exit code 2)."""


@dataclass
class CheckResult:
    inputs: Inputs
    report: Report
    timings: dict[str, float] = field(default_factory=dict)
    """Seconds per phase: read, validate (and compute, write for compile)."""


def default_tahun(today: dt.date | None = None) -> int:
    """The LKjIP is written early in the year about the year before."""
    return (today or dt.date.today()).year - 1


def template_kinds(modules: Collection[str] = (), with_example: bool = False) -> list[str]:
    """The core templates and the chosen evidence modules, in the schema's order (the
    example has them all)."""
    from xlkip.templates import CORE, MODULES

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
    return _write_templates(folder, template_kinds(modules), period, None, overwrite)


def write_dataset(source: Traversable | Path, folder: Path, overwrite: bool = False) -> list[Path]:
    """Write filled templates from a data folder of `<kind>.json` files (the built-in
    example is one) into `folder`."""
    present = set(contoh.kinds_in(source))
    kinds = [kind for kind in TEMPLATES if kind in present]
    return _write_templates(folder, kinds, Period(*contoh.period_of(source)), source, overwrite)


def _write_templates(
    folder: Path,
    kinds: list[str],
    period: Period,
    source: Traversable | Path | None,
    overwrite: bool,
) -> list[Path]:
    from xlkip.templates import options_for

    if not period.renstra_awal <= period.tahun <= period.renstra_akhir:
        raise UsageError(
            f"Tahun {period.tahun} berada di luar periode Renstra "
            f"{period.renstra_awal}–{period.renstra_akhir}."
        )
    folder.mkdir(parents=True, exist_ok=True)
    templates = [TEMPLATES[kind] for kind in kinds]
    targets = [folder / template.filename for template in templates]
    existing = [p.name for p in targets if p.exists()]
    if existing and not overwrite:
        raise UsageError(
            f"Berkas sudah ada di {folder}: {', '.join(existing)}. Agar isian staf tidak "
            "tertimpa, pilih folder lain atau tambahkan --timpa."
        )
    options = options_for(kinds)
    for template, target in zip(templates, targets, strict=True):
        content = contoh.load(template.kind, source) if source is not None else None
        write_atomically(
            target,
            lambda path, t=template, c=content: write_template(t, path, period, c, options),
        )
    return targets


def check(folder: Path) -> CheckResult:
    """Read every template in `folder` and collect every finding in one pass."""
    if not folder.exists():
        raise UsageError(f"Folder {folder} tidak ditemukan.")
    if not folder.is_dir():
        raise UsageError(f"{folder} bukan folder. Sebutkan folder yang berisi template.")
    started = time.perf_counter()
    report = Report()
    candidates, skipped = discover(folder)
    report.extend(skipped)
    with ExitStack() as closing:
        opened = _recognise(candidates, report, closing)
        _require_templates(opened, report)
        period = _period(opened)
        inputs = Inputs(folder=folder, period=period)
        for kind in TEMPLATES:
            if kind not in opened:
                continue
            data = TemplateData(TEMPLATES[kind], opened[kind].path)
            report.extend(read_template(opened[kind], data, period))
            inputs.templates[kind] = data
            if kind == "identitas":
                period = inputs.period = _identitas_period(data, period)
    read = time.perf_counter()
    report.extend(_unused_modules(inputs))
    report.extend(validate(inputs))
    timings = {"read": read - started, "validate": time.perf_counter() - read}
    return CheckResult(inputs, report, timings)


def _recognise(
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
        finding, kind = _classify(path, source.marker)
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


def _classify(path: Path, marker: Marker | None) -> tuple[Finding | None, str | None]:
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
    if marker.version != template.version:
        return error(
            "versi_template",
            f"Template {template.kind} versi {marker.version}, sedangkan xlkip memakai versi "
            f"{template.version}. Buat template baru dengan xlkip init lalu salin isinya.",
            file=path.name,
        ), None
    return None, marker.kind


def _require_templates(opened: dict[str, SourceWorkbook], report: Report) -> None:
    for template in TEMPLATES.values():
        if template.required and template.kind not in opened:
            report.add(
                error(
                    "template_wajib_tidak_ada",
                    f"Template {template.kind} ({template.title}) wajib ada tetapi tidak "
                    "ditemukan. Buat dengan xlkip init, isi, lalu simpan di folder ini.",
                    file=template.filename,
                )
            )


def _unused_modules(inputs: Inputs) -> list[Finding]:
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


def _period(opened: dict[str, SourceWorkbook]) -> Period:
    """The year before Identitas is read: from a template's marker, else last year."""
    years = [s.marker.tahun for s in opened.values() if s.marker and s.marker.tahun]
    return Period.around(years[0] if years else default_tahun())


def _identitas_period(data: TemplateData, fallback: Period) -> Period:
    form = data.forms.get(IDENTITAS.name)
    if form is None or form.get("tahun") is None:
        return fallback
    tahun = form.get("tahun")
    awal = form.get("renstra_awal", fallback.renstra_awal)
    akhir = form.get("renstra_akhir", fallback.renstra_akhir)
    return Period(tahun, awal, akhir)


@dataclass
class CompileResult:
    inputs: Inputs
    report: Report
    output: Path | None
    """None when errors stopped the output."""
    example: bool
    """The built-in example was compiled (--contoh)."""
    pdf: Path | None = None
    pdf_error: str | None = None
    eml: Path | None = None
    eml_error: str | None = None
    timings: dict[str, float] = field(default_factory=dict)
    figures: Figures | None = None
    """The headline figures, when the workbook was built."""


NO_INPUTS = (
    "Folder ./inputs tidak ada di sini, dan tidak ada folder yang disebut. Untuk mulai: "
    "`xlkip init inputs` (template kosong untuk diisi), lalu `xlkip compile`; atau lihat "
    "contohnya dulu dengan `xlkip compile --contoh`."
)


def default_output(inputs: Inputs, out_dir: Path = Path("output")) -> Path:
    instansi = str(inputs.identitas("instansi", ""))
    pemda = str(inputs.identitas("pemerintah_daerah", ""))
    pemda = pemda[len("Pemerintah ") :] if pemda.lower().startswith("pemerintah ") else pemda
    return out_dir / safe_filename("LKjIP", instansi, pemda, str(inputs.tahun))


def check_output_path(output: Path | None) -> None:
    """The workbook's path ends in .xlsx, so its PDF and .eml never take its name."""
    if output is not None and output.suffix.lower() != ".xlsx":
        raise UsageError(
            f"Berkas hasil '{output}' harus berakhiran .xlsx (mis. -o laporan.xlsx). PDF dan "
            "draf surel diberi nama yang sama dengan .pdf dan .eml."
        )


def compile_folder(
    folder: Path | None = None,
    output: Path | None = None,
    force: bool = False,
    out_dir: Path = Path("output"),
    pdf: bool = False,
    example: bool = False,
    eml: bool = False,
    attachment_limit_mb: float | None = None,
) -> CompileResult:
    """Check `folder` and, unless an error stops it, write the LKjIP workbook.

    Without a folder: ./inputs; `example` compiles the built-in example instead.
    """
    from xlkip.render.xlsx import render
    from xlkip.tables import build

    check_output_path(output)
    with ExitStack() as stack:
        folder = _input_folder(folder, example, stack)
        stack.enter_context(_paused_gc())
        result = check(folder)
        timings = dict(result.timings)
        if not result.report.valid and not force:
            return CompileResult(result.inputs, result.report, None, example, timings=timings)
        started = time.perf_counter()
        built = build(result.inputs, result.report)
        model = built.model
        computed = time.perf_counter()
        target = output or default_output(result.inputs, out_dir)
        try:
            write_atomically(target, lambda path: render(model, path))
        finally:
            model.release()
        timings.update(compute=computed - started, write=time.perf_counter() - computed)
        compiled = CompileResult(
            result.inputs, result.report, target, example, timings=timings, figures=built.figures
        )
        if pdf:
            _add_pdf(compiled, target)
        if eml and pdf and compiled.pdf is None:
            compiled.eml_error = "Draf surel tidak dibuat karena PDF-nya gagal dibuat."
        elif eml:
            _add_eml(compiled, attachment_limit_mb)
        return compiled


def _input_folder(folder: Path | None, example: bool, stack: ExitStack) -> Path:
    if example and folder is not None:
        raise UsageError(
            f"Pilih salah satu: folder {folder} atau --contoh (contoh bawaan), tidak keduanya."
        )
    if example:
        work = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="xlkip-")))
        init_templates(work, with_example=True)
        return work
    if folder is None:
        if not Path("inputs").is_dir():
            raise UsageError(NO_INPUTS)
        return Path("inputs")
    return folder


@contextmanager
def _paused_gc():
    """A big budget is hundreds of thousands of small objects (records, cells, formulas)
    that all live until the file is written; the cyclic collector would rescan them
    again and again while they are made. Nothing here relies on collecting cycles."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _add_pdf(result: CompileResult, workbook: Path) -> None:
    """Print the workbook to <same name>.pdf through LibreOffice, all-or-nothing."""
    from xlkip.render.libreoffice import LibreOfficeError, convert

    target = workbook.with_suffix(".pdf")
    try:
        with tempfile.TemporaryDirectory(prefix="xlkip-pdf-") as work:
            produced = convert(workbook, "pdf", Path(work))
            write_atomically(target, lambda path: path.write_bytes(produced.read_bytes()))
    except LibreOfficeError as exc:
        result.pdf_error = str(exc)
    else:
        result.pdf = target


def _add_eml(result: CompileResult, limit_mb: float | None) -> None:
    """Write <same name>.eml beside the workbook: a draft carrying workbook and PDF."""
    from xlkip.deliver.eml import (
        DEFAULT_LIMIT_MB,
        AttachmentsTooLarge,
        Summary,
        check_budget,
        draft,
    )

    assert result.output is not None
    attachments = [result.output] + ([result.pdf] if result.pdf is not None else [])
    try:
        check_budget(attachments, DEFAULT_LIMIT_MB if limit_mb is None else limit_mb)
    except AttachmentsTooLarge as exc:
        result.eml_error = str(exc)
        return
    inputs = result.inputs
    summary = Summary(
        instansi=str(inputs.identitas("instansi", "")),
        pemda=str(inputs.identitas("pemerintah_daerah", "")),
        tahun=inputs.tahun,
        figures=result.figures or Figures(),
        temuan=result.report.count(),
    )
    message = draft(summary, attachments)
    target = result.output.with_suffix(".eml")
    write_atomically(target, lambda path: path.write_bytes(message.as_bytes()))
    result.eml = target


__all__ = ["CheckResult", "CompileResult", "OutputError", "UsageError"]
