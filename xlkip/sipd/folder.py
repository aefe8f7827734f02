"""From SIPD exports to a filled anggaran template (`xlkip impor-anggaran`), or to the
quarterly realisasi of triwulan.xlsx: where the output goes, and what the templates
already in its folder say (SKPD, year, modules)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from xlkip.errors import UsageError
from xlkip.findings import Report, peringatan
from xlkip.output import refuse_other_than, write_atomically
from xlkip.read.files import discover
from xlkip.read.folder import default_tahun
from xlkip.read.records import TemplateData
from xlkip.read.sheets import read_template
from xlkip.read.workbook import SourceWorkbook, Unreadable
from xlkip.schema import TEMPLATES
from xlkip.schema.anggaran import REALISASI_ANGGARAN
from xlkip.schema.identitas import IDENTITAS
from xlkip.schema.writer import Period, write_template
from xlkip.templates import options_for, template_kinds


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
    kind: str = "anggaran"
    """The template written: anggaran, or triwulan (quarterly realisasi)."""
    quarters: list[int] = field(default_factory=list)
    """The quarters whose realisasi a triwulan import wrote."""


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

    output, kind = _import_target(files, output, overwrite)
    identitas = _identitas_in(output.parent)
    instansi = identitas.get("instansi") if identitas else None
    if kind == "triwulan":
        return _import_quarters(files, output, skpd or instansi, tahun, identitas, force)
    imported = import_files(files, skpd or instansi)
    report = Report()
    report.extend(imported.findings)
    period = _import_period(tahun, identitas, imported.tahun, report)
    result = ImportResult(
        report, None, period, imported.rows, imported.reconciliation, imported.skpd
    )
    if not imported.rows or (not report.valid and not force):
        return result
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


def _import_quarters(
    files: list[Path],
    output: Path,
    skpd: str | None,
    tahun: int | None,
    identitas: dict | None,
    force: bool,
) -> ImportResult:
    """Exports of several quarters into triwulan.xlsx (xlkip.sipd.quarters)."""
    from xlkip.sipd.quarters import import_quarters, quarters_content, write_quarters

    imported = import_quarters(files, skpd)
    report = Report()
    report.extend(imported.findings)
    period = _import_period(tahun, identitas, imported.tahun, report)
    result = ImportResult(
        report, None, period, imported.rows, imported.reconciliation, imported.skpd, "triwulan"
    )
    result.quarters = imported.quarters
    if not imported.quarters or (not report.valid and not force):
        return result
    content = quarters_content(output, period, imported)  # refuses a file it cannot read
    options = options_for(template_kinds(_modules_in(output.parent)))
    write_atomically(
        output,
        lambda path: write_quarters(path, period, content, options, imported),
        template=True,
    )
    result.output = output
    return result


def _import_target(files: list[Path], output: Path, overwrite: bool) -> tuple[Path, str]:
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
    from xlkip.sipd.quarters import is_triwulan_target

    kind = "triwulan" if is_triwulan_target(output) else "anggaran"
    if output.exists() and not overwrite and kind == "triwulan":
        raise UsageError(
            f"Berkas {output} sudah ada. Tambahkan --timpa untuk mengisi realisasi triwulannya: "
            "hanya kolom Realisasi TW dari triwulan yang diimpor yang diganti; anggaran kas, "
            "Rencana Aksi dan Evaluasi tetap seperti diketik. Berkas ditulis ulang dari isi "
            "tabelnya: catatan di luar tabel, warna dan sheet tambahan tidak ikut."
        )
    if output.exists() and not overwrite:
        raise UsageError(
            f"Berkas {output} sudah ada. Agar isiannya tidak tertimpa, pilih nama lain dengan -o "
            "atau tambahkan --timpa."
        )
    refuse_other_than(output, kind)
    return output, kind


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
