"""`xlkip compile`: one office from its folder to files. Check the folder, build every
table, write the workbook, then print its PDF and draft its email."""

from __future__ import annotations

import gc
import tempfile
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from xlkip.check import CheckResult, check
from xlkip.errors import UsageError
from xlkip.findings import Report
from xlkip.inputs import Inputs
from xlkip.lke import Evaluasi
from xlkip.output import (
    OutputError,
    failed_beside,
    refuse_inputs,
    remove_stale,
    safe_filename,
    write_atomically,
)
from xlkip.tables.figures import Figures
from xlkip.templates import init_templates

if TYPE_CHECKING:
    from xlkip.tables import Built


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
    lke: Evaluasi | None = None
    """The Pra-evaluasi LKE (also when errors stopped the output)."""
    triwulan: int | None = None
    """The monitoring workbook of TW I..N was written (--triwulan N)."""


NO_INPUTS = (
    "Folder ./inputs tidak ada di sini, dan tidak ada folder yang disebut. Untuk mulai: "
    "`xlkip init inputs` (template kosong untuk diisi), lalu `xlkip compile`; atau lihat "
    "contohnya dulu dengan `xlkip compile --contoh`."
)


def default_output(
    inputs: Inputs, out_dir: Path = Path("output"), triwulan: int | None = None
) -> Path:
    instansi = str(inputs.identitas("instansi", ""))
    pemda = str(inputs.identitas("pemerintah_daerah", ""))
    pemda = pemda[len("Pemerintah ") :] if pemda.lower().startswith("pemerintah ") else pemda
    if triwulan is not None:  # the quarter stays in the name however long the rest
        parts = ("Monitoring", instansi, pemda, str(inputs.tahun))
        return out_dir / safe_filename(*parts, suffix=f"_TW{triwulan}.xlsx")
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
    triwulan: int | None = None,
) -> CompileResult:
    """Check `folder` and, unless an error stops it, write the LKjIP workbook (and with
    `dokumen`, the Word document beside it).

    Without a folder: ./inputs; `example` compiles the built-in example instead. The
    PDF leaves out the Temuan Validasi sheet unless `with_findings`. With `triwulan`, the
    monitoring workbook of quarters I..N instead (no Word document, no email draft).
    """
    check_output_path(output)
    if triwulan is not None and (dokumen or eml):
        raise UsageError("--triwulan menyusun workbook pemantauan saja: tanpa --dokumen dan --eml.")
    with ExitStack() as stack:
        folder = _input_folder(folder, example, stack)
        read = [folder] if tahun_lalu is None else [folder, tahun_lalu]
        if output is not None:
            _refuse_inputs(output, read, pdf, eml)
        stack.enter_context(paused_gc())
        result = check(folder, tahun_lalu)
        if triwulan is not None:
            before_year_end(result.inputs, result.report)
            result.lke = None  # the LKE grades the annual report, not a quarter's
        timings = dict(result.timings)
        if not result.report.valid and not force:
            return CompileResult(
                result.inputs, result.report, None, example, timings=timings, lke=result.lke
            )
        started = time.perf_counter()
        with built_workbook(result.inputs, result.report, triwulan, result.lke) as built:
            computed = time.perf_counter()
            target = output or default_output(result.inputs, out_dir, triwulan)
            _refuse_inputs(target, read, pdf, eml)
            write_workbook(built, target)
            written_document = _write_document(built, result, target, read) if dokumen else None
        timings.update(compute=computed - started, write=time.perf_counter() - computed)
        compiled = CompileResult(
            result.inputs, result.report, target, example, timings=timings, figures=built.figures
        )
        compiled.dokumen = written_document
        compiled.lke = result.lke
        compiled.triwulan = triwulan
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
def built_workbook(
    inputs: Inputs, report: Report, triwulan: int | None = None, lke: Evaluasi | None = None
) -> Iterator[Built]:
    """Every table built; the model's cells are released on leaving, so a big workbook
    is freed at once (read what you need from `built.results` inside). `lke`: the
    Pra-evaluasi check() made already (evaluated here when not given)."""
    from xlkip.lke import evaluate
    from xlkip.lke.lembar import add_sheet
    from xlkip.tables import build

    if triwulan is None:
        built = build(inputs, report)
        add_sheet(built.model, inputs, lke or evaluate(inputs, report))
    else:  # the quarter's monitoring workbook: the LKE grades the annual report
        built = _monitoring(inputs, report, triwulan)
    try:
        yield built
    finally:
        built.model.release()


def before_year_end(inputs: Inputs, report: Report) -> None:
    """A quarterly run does not need the year's realisasi yet (validate.triwulan)."""
    from xlkip.validate.triwulan import before_year_end as relax

    relax(inputs, report)


def _monitoring(inputs: Inputs, report: Report, triwulan: int) -> Built:
    from xlkip.tables.triwulan import build_monitoring, missing_quarters

    refusal = missing_quarters(inputs)
    if refusal is not None:
        raise UsageError(refusal)
    return build_monitoring(inputs, report, triwulan)  # type: ignore[return-value]


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


def _add_pdf(result: CompileResult, workbook: Path, with_findings: bool = False) -> None:
    """Print the workbook to <same name>.pdf through LibreOffice, all-or-nothing; the
    Temuan Validasi and Pra-evaluasi LKE sheets are for staff and are printed only when
    asked."""
    from xlkip.lke.lembar import SHEET as LKE
    from xlkip.render.libreoffice import LibreOfficeError, convert
    from xlkip.render.printing import print_copy
    from xlkip.tables.temuan import SHEET as TEMUAN

    target = workbook.with_suffix(".pdf")
    try:
        with tempfile.TemporaryDirectory(prefix="xlkip-pdf-") as work:
            printed = workbook
            if not with_findings:
                printed = print_copy(workbook, Path(work) / workbook.name, {TEMUAN, LKE})
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
