"""The library API behind the CLI: write templates, read and check a folder."""

from __future__ import annotations

import datetime as dt
import gc
import tempfile
import time
from collections.abc import Collection, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field, replace
from importlib.abc import Traversable
from pathlib import Path
from typing import TYPE_CHECKING

from xlkip import contoh
from xlkip.findings import Finding, Report, error, info, peringatan
from xlkip.inputs import Inputs
from xlkip.instrumen import instrument_for
from xlkip.output import (
    OutputError,
    failed_beside,
    make_folder,
    refuse_existing,
    refuse_inputs,
    refuse_other_than,
    remove_stale,
    safe_filename,
    write_atomically,
)
from xlkip.read.files import discover
from xlkip.read.records import TemplateData
from xlkip.read.sheets import read_template
from xlkip.read.workbook import Marker, SourceWorkbook, Unreadable
from xlkip.schema import TEMPLATES, template_for
from xlkip.schema.anggaran import REALISASI_ANGGARAN
from xlkip.schema.identitas import IDENTITAS
from xlkip.schema.writer import Period, TemplateOptions, write_template
from xlkip.tables.figures import Figures
from xlkip.validate import validate

if TYPE_CHECKING:
    from xlkip.rekap.summary import OfficeDetails, OfficeSummary
    from xlkip.tables import Built


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
    # The digital-government list comes prefilled with the year's instrument.
    blank = {"spbe": {"Nilai Aspek": instrument_for(tahun).rows()}}
    return _write_templates(folder, template_kinds(modules), period, blank, overwrite)


def write_dataset(source: Traversable | Path, folder: Path, overwrite: bool = False) -> list[Path]:
    """Write filled templates from a data folder of `<kind>.json` files (the built-in
    example is one) into `folder`."""
    present = set(contoh.kinds_in(source))
    kinds = [kind for kind in TEMPLATES if kind in present]
    contents = {kind: contoh.load(kind, source) for kind in kinds}
    period = Period(*contoh.period_of(source))
    return _write_templates(folder, kinds, period, contents, overwrite, keep=False)


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
    from xlkip.rollover import roll

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
    paths = _write_templates(folder, kinds, period, rolled.content, overwrite, rolled.notes)
    return RolloverResult(paths, last, rolled.notes, rolled.instrument_note)


def _write_templates(
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
    from xlkip.templates import options_for, template_written

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
    options = _for_instrument(options_for(kinds), period.tahun)
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


def _for_instrument(options: TemplateOptions, tahun: int) -> TemplateOptions:
    """The Bukti Dukung dropdown names the index of the year's instrument only (the reader
    still accepts the other name)."""
    from xlkip.schema.kinerja import IKU, INDEX_BUKTI, index_bukti

    key = (IKU.name, "bukti")
    if key not in options.choices:
        return options
    own = index_bukti(instrument_for(tahun))
    choices = tuple(c for c in options.choices[key] if c not in INDEX_BUKTI or c == own)
    return replace(options, choices={**options.choices, key: choices})


def check(folder: Path, tahun_lalu: Path | None = None) -> CheckResult:
    """Read every template in `folder` and collect every finding in one pass; with
    `tahun_lalu` (last year's filled folder) also compare every "tahun lalu" value."""
    result = _check(folder)
    if tahun_lalu is not None:
        from xlkip.validate import tahun_lalu as across_years

        if tahun_lalu.resolve() == folder.resolve():
            raise UsageError("--tahun-lalu menyebut folder yang sama dengan folder tahun ini.")
        last = _check(tahun_lalu)
        if last.inputs.tahun != result.inputs.tahun - 1:
            raise UsageError(
                f"Folder {tahun_lalu} berisi laporan tahun {last.inputs.tahun}, bukan tahun "
                f"{result.inputs.tahun - 1}. Sebutkan folder isian tahun lalu."
            )
        result.report.extend(list(across_years.check(result.inputs, last.inputs)))
    return result


def _check(folder: Path) -> CheckResult:
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
            data = TemplateData(template_for(kind, period.tahun), opened[kind].path)
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
    if marker.version != template.version and marker.version not in template.older_versions:
        return error(
            "versi_template",
            f"Template {template.kind} versi {marker.version}, sedangkan xlkip memakai versi "
            f"{template.version}. Buat template baru dengan xlkip init lalu salin isinya.",
            file=path.name,
        ), None
    return None, marker.kind


def _require_templates(opened: dict[str, SourceWorkbook], report: Report) -> None:
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
    dokumen: Path | None = None
    """The Word document (compile --dokumen)."""
    dokumen_pdf: Path | None = None
    """Its PDF (--dokumen with --pdf), the file e-SAKIP receives."""


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
    tahun_lalu: Path | None = None,
    with_findings: bool = False,
    dokumen: bool = False,
) -> CompileResult:
    """Check `folder` and, unless an error stops it, write the LKjIP workbook (and with
    `dokumen`, the Word document beside it).

    Without a folder: ./inputs; `example` compiles the built-in example instead. The
    PDF leaves out the Temuan Validasi sheet unless `with_findings`.
    """
    check_output_path(output)
    with ExitStack() as stack:
        folder = _input_folder(folder, example, stack)
        read = [folder] if tahun_lalu is None else [folder, tahun_lalu]
        if output is not None:
            _refuse_inputs(output, read, pdf, eml)
        stack.enter_context(paused_gc())
        result = check(folder, tahun_lalu)
        timings = dict(result.timings)
        if not result.report.valid and not force:
            return CompileResult(result.inputs, result.report, None, example, timings=timings)
        started = time.perf_counter()
        with built_workbook(result.inputs, result.report) as built:
            computed = time.perf_counter()
            target = output or default_output(result.inputs, out_dir)
            _refuse_inputs(target, read, pdf, eml)
            write_workbook(built, target)
            written_document = _write_document(built, result, target, read) if dokumen else None
        timings.update(compute=computed - started, write=time.perf_counter() - computed)
        compiled = CompileResult(
            result.inputs, result.report, target, example, timings=timings, figures=built.figures
        )
        compiled.dokumen = written_document
        if pdf:
            _add_pdf(compiled, target, with_findings)
        if pdf and compiled.dokumen is not None:
            _add_document_pdf(compiled)
        if eml and pdf and compiled.pdf is None:
            compiled.eml_error = "Draf surel tidak dibuat karena PDF-nya gagal dibuat." + (
                remove_stale(target.with_suffix(".eml"), "Draf surel")
            )
        elif eml:
            _add_eml(compiled, attachment_limit_mb)
        return compiled


def _refuse_inputs(workbook: Path, folders: list[Path], pdf: bool, eml: bool) -> None:
    """The workbook, and the PDF and draft named after it, never replace an input."""
    refuse_inputs(workbook, folders)
    for suffix, wanted in ((".pdf", pdf), (".eml", eml)):
        if wanted:
            refuse_inputs(workbook.with_suffix(suffix), folders)


def default_input_folder() -> Path:
    """./inputs, the folder `check` and `compile` read when none is named."""
    if not Path("inputs").is_dir():
        raise UsageError(NO_INPUTS)
    return Path("inputs")


def _input_folder(folder: Path | None, example: bool, stack: ExitStack) -> Path:
    if example and folder is not None:
        raise UsageError(
            f"Pilih salah satu: folder {folder} atau --contoh (contoh bawaan), tidak keduanya."
        )
    if example:
        work = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="xlkip-")))
        init_templates(work, with_example=True)
        return work
    return default_input_folder() if folder is None else folder


@contextmanager
def built_workbook(inputs: Inputs, report: Report) -> Iterator[Built]:
    """Every table built; the model's cells are released on leaving, so a big workbook
    is freed at once (read what you need from `built.results` inside)."""
    from xlkip.tables import build

    built = build(inputs, report)
    try:
        yield built
    finally:
        built.model.release()


def write_workbook(built: Built, target: Path) -> Path:
    from xlkip.render.xlsx import render

    return write_atomically(target, lambda path: render(built.model, path))


def _write_document(built: Built, checked: CheckResult, workbook: Path, read: list[Path]) -> Path:
    from xlkip.render.dokumen import document_path, write_document

    target = document_path(checked.inputs, workbook)
    refuse_inputs(target, read)
    refuse_inputs(target.with_suffix(".pdf"), read)
    return write_document(built, checked.inputs, checked.report, target)


def _add_document_pdf(result: CompileResult) -> None:
    from xlkip.render.dokumen import print_document
    from xlkip.render.libreoffice import LibreOfficeError

    assert result.dokumen is not None
    try:
        result.dokumen_pdf = print_document(result.dokumen)
    except (LibreOfficeError, OutputError) as exc:
        stale = remove_stale(result.dokumen.with_suffix(".pdf"), "PDF dokumen")
        result.pdf_error = " ".join(filter(None, (result.pdf_error, str(exc) + stale)))


@contextmanager
def paused_gc():
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


def compile_office(
    folder: Path, out_dir: Path | None = None, output: Path | None = None
) -> OfficeSummary:
    """One office for the rekap: check it and, given `out_dir` (or an exact `output`),
    compile its workbook exactly as `xlkip compile` would. Never raises: whatever goes
    wrong becomes the office's status and reason, so one office cannot stop a pemda."""

    from xlkip.rekap.summary import details_of, not_written

    started = time.perf_counter()
    try:
        with paused_gc():
            checked = check(folder)
            inputs, report = checked.inputs, checked.report
            details, written, unwritten = None, None, None
            if report.valid:
                with built_workbook(inputs, report) as built:
                    details = details_of(built, inputs)
                    if out_dir is not None or output is not None:
                        target = output or default_output(inputs, out_dir or Path("output"))
                        try:
                            written = write_workbook(built, target)
                        except OutputError as exc:  # read fine: not "tidak terbaca"
                            unwritten = exc
    except UsageError as exc:
        return _unreadable(folder, "folder_tidak_terbaca", str(exc))
    except Exception as exc:  # one office's internal failure must not stop the others
        return _unreadable(
            folder,
            "kesalahan_internal",
            f"Kesalahan internal xlkip ({type(exc).__name__}: {exc}). Jalankan xlkip compile "
            f"{folder} --debug untuk rinciannya, dan kirimkan ke pengembang.",
        )
    summary = _summarize(folder, inputs, report, details, written, time.perf_counter() - started)
    return not_written(summary, unwritten) if unwritten else summary


def _unreadable(folder: Path, kode: str, alasan: str) -> OfficeSummary:
    from xlkip.rekap.summary import OfficeSummary, Status

    return OfficeSummary(
        str(folder), Status.UNREADABLE, alasan=alasan, findings=(error(kode, alasan),)
    )


def _summarize(
    folder: Path,
    inputs: Inputs,
    report: Report,
    details: OfficeDetails | None,
    written: Path | None,
    seconds: float,
) -> OfficeSummary:
    from xlkip.rekap.summary import OfficeSummary, Status

    errors = [f for f in report.sorted() if f.tingkat.value == "error"]
    missing = [t.kind for t in TEMPLATES.values() if t.required and not inputs.has(t.kind)]
    status, alasan = Status.OK, None
    if missing:
        status = Status.UNREADABLE
        causes = [f for f in errors if f.kode != "template_wajib_tidak_ada"]
        alasan = f"Template wajib tidak terbaca atau tidak ada: {', '.join(missing)}." + (
            f" {causes[0].file}: {causes[0].pesan}" if causes else ""
        )
    elif errors:
        status = Status.ERRORS
        first = errors[0]
        where = ", ".join(p for p in (first.file, first.lokasi) if p)
        alasan = f"{len(errors)} error; yang pertama ({where}): {first.pesan}"
    tahun = inputs.identitas("tahun")
    return OfficeSummary(
        folder=str(folder),
        status=status,
        instansi=inputs.identitas("instansi"),
        pemda=inputs.identitas("pemerintah_daerah"),
        tahun=tahun if isinstance(tahun, int) else None,
        alasan=alasan.strip() if alasan else None,
        findings=tuple(report.sorted()),
        details=details if status is Status.OK else None,
        output=str(written) if written else None,
        seconds=seconds,
    )


def __getattr__(name: str):
    """`api.rekap(dirs, output, jobs, per_office, …)` and `api.RekapResult` live in
    xlkip.rekap.run; they are imported on first use so `compile` never loads the pool."""
    if name in ("rekap", "RekapResult"):
        from xlkip.rekap import run

        return getattr(run, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _add_pdf(result: CompileResult, workbook: Path, with_findings: bool = False) -> None:
    """Print the workbook to <same name>.pdf through LibreOffice, all-or-nothing; the
    Temuan Validasi sheet is for staff and is printed only when asked."""
    from xlkip.render.libreoffice import LibreOfficeError, convert
    from xlkip.render.printing import print_copy
    from xlkip.tables.temuan import SHEET as TEMUAN

    target = workbook.with_suffix(".pdf")
    try:
        with tempfile.TemporaryDirectory(prefix="xlkip-pdf-") as work:
            printed = workbook
            if not with_findings:
                printed = print_copy(workbook, Path(work) / workbook.name, {TEMUAN})
            produced = convert(printed, "pdf", Path(work))
            write_atomically(target, lambda path: path.write_bytes(produced.read_bytes()))
    except (LibreOfficeError, OutputError) as exc:
        result.pdf_error = failed_beside(str(exc), target, "PDF")
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
    target = result.output.with_suffix(".eml")
    attachments = [result.output] + ([result.pdf] if result.pdf is not None else [])
    if result.dokumen is not None:  # the report itself: its PDF when printed, else the draft
        attachments.append(result.dokumen_pdf or result.dokumen)
    try:
        check_budget(attachments, DEFAULT_LIMIT_MB if limit_mb is None else limit_mb)
    except AttachmentsTooLarge as exc:
        result.eml_error = failed_beside(str(exc), target, "Draf surel")
        return
    inputs = result.inputs
    summary = Summary(
        instansi=str(inputs.identitas("instansi", "")),
        pemda=str(inputs.identitas("pemerintah_daerah", "")),
        tahun=inputs.tahun,
        figures=result.figures or Figures(),
        kepala=str(inputs.identitas("kepala") or ""),
        jabatan=str(inputs.identitas("jabatan") or ""),
        nip=str(inputs.identitas("nip") or ""),
    )
    message = draft(summary, attachments)
    try:
        write_atomically(target, lambda path: path.write_bytes(message.as_bytes()))
    except OutputError as exc:
        result.eml_error = failed_beside(str(exc), target, "Draf surel")
        return
    result.eml = target


@dataclass
class ImportResult:
    report: Report
    output: Path | None
    """None when errors (or nothing to write) stopped the output."""
    period: Period
    rows: list[dict]
    reconciliation: object
    """xlkip.sipd.reconcile.Reconciliation: what was read, summed and compared."""
    skpd: list[str] = field(default_factory=list)


def import_anggaran(
    files: list[Path],
    output: Path,
    overwrite: bool = False,
    skpd: str | None = None,
    tahun: int | None = None,
    force: bool = False,
) -> ImportResult:
    """Read SIPD downloads and write a filled anggaran template with a Rekonsiliasi sheet.

    The SKPD and the year come from `skpd`/`tahun`, else from an identitas template in
    the output's folder, else from the files. Errors stop the output unless `force`."""
    from xlkip.sipd.importer import import_files
    from xlkip.sipd.sheet import write_sheet

    output = _import_target(files, output, overwrite)
    identitas = _identitas_in(output.parent)
    instansi = identitas.get("instansi") if identitas else None
    imported = import_files(files, skpd or instansi)
    report = Report()
    report.extend(imported.findings)
    period = _import_period(tahun, identitas, imported.tahun, report)
    result = ImportResult(
        report, None, period, imported.rows, imported.reconciliation, imported.skpd
    )
    if not imported.rows or (not report.valid and not force):
        return result
    from xlkip.templates import options_for

    template = TEMPLATES["anggaran"]
    content = {REALISASI_ANGGARAN.name: imported.rows}
    options = options_for(template_kinds(_modules_in(output.parent)))
    write_atomically(
        output,
        lambda path: write_template(
            template,
            path,
            period,
            content,
            options,
            extra=lambda workbook: write_sheet(workbook, imported.reconciliation),
        ),
        template=True,
    )
    result.output = output
    return result


def _import_target(files: list[Path], output: Path, overwrite: bool) -> Path:
    if not files:
        raise UsageError("Sebutkan minimal satu berkas unduhan SIPD (xlsx, xls atau csv).")
    for path in files:
        if not path.exists():
            raise UsageError(f"Berkas {path} tidak ditemukan.")
        if path.is_dir():
            raise UsageError(f"{path} adalah folder; sebutkan berkas unduhan SIPD-nya.")
    if output.is_dir() or (not output.suffix and not output.exists()):
        output = output / TEMPLATES["anggaran"].filename
    if output.suffix.lower() != ".xlsx":
        raise UsageError(f"Berkas tujuan {output} harus .xlsx, mis. -o inputs/anggaran.xlsx.")
    if any(output.resolve() == path.resolve() for path in files):
        raise UsageError(f"Berkas tujuan {output} sama dengan berkas yang dibaca; pilih nama lain.")
    if output.exists() and not overwrite:
        raise UsageError(
            f"Berkas {output} sudah ada. Agar isiannya tidak tertimpa, pilih nama lain dengan -o "
            "atau tambahkan --timpa."
        )
    refuse_other_than(output, "anggaran")
    return output


def _templates_in(folder: Path) -> Iterator[SourceWorkbook]:
    """Each readable xlkip template in `folder`, open while the caller looks at it."""
    if not folder.is_dir():
        return
    for path in discover(folder)[0]:
        try:
            source = SourceWorkbook.open(path)
        except Unreadable:
            continue
        try:
            if source.marker is not None:
                yield source
        finally:
            source.close()


def _modules_in(folder: Path) -> list[str]:
    """The evidence modules whose templates are already in `folder`."""
    kinds = (source.marker.kind for source in _templates_in(folder))
    return [kind for kind in kinds if kind in TEMPLATES and not TEMPLATES[kind].required]


def _identitas_in(folder: Path) -> dict | None:
    """The Identitas values of an identitas template in `folder`, if there is one."""
    for source in _templates_in(folder):
        if source.marker.kind != "identitas":
            continue
        data = TemplateData(TEMPLATES["identitas"], source.path)
        read_template(source, data, Period.around(source.marker.tahun or default_tahun()))
        form = data.forms.get(IDENTITAS.name)
        return dict(form.values) if form else None
    return None


def _import_period(
    tahun: int | None, identitas: dict | None, from_files: int | None, report: Report
) -> Period:
    known = identitas or {}
    year = tahun or known.get("tahun") or from_files or default_tahun()
    if from_files and from_files != year:
        report.add(
            peringatan(
                "sipd_tahun_berbeda",
                f"Berkas SIPD bertahun {from_files}, sedangkan template ditulis untuk tahun "
                f"{year}. Periksa bahwa unduhannya tahun laporan yang benar.",
            )
        )
    awal, akhir = known.get("renstra_awal"), known.get("renstra_akhir")
    if isinstance(awal, int) and isinstance(akhir, int) and awal <= year <= akhir:
        return Period(year, awal, akhir)
    return Period.around(year)


__all__ = [
    "CheckResult",
    "CompileResult",
    "ImportResult",
    "OutputError",
    "RolloverResult",
    "UsageError",
]
