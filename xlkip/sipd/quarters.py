"""SIPD exports of several quarters into triwulan.xlsx (`impor-anggaran -o …/triwulan.xlsx`).

Each export's period is read from its title rows (`periode`); the exports of one period
are imported together like an annual import (duplicates, reconciliation), and the
quarters' realisasi follow: a single-quarter export as it is, a cumulative one less the
quarters before it. The existing file is read like any template and written anew by the
schema writer with the imported quarters' realisasi merged into its rows: anggaran kas,
the other quarters, Rencana Aksi and Evaluasi read back as staff typed them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl.utils import column_index_from_string

from xlkip.findings import Finding, Tingkat, error
from xlkip.output import OutputError, template_kind
from xlkip.read.cells import is_blank, quote
from xlkip.read.records import Record, TemplateData
from xlkip.read.sheets import read_template
from xlkip.read.workbook import SourceSheet, SourceWorkbook, Unreadable
from xlkip.schema import TEMPLATES
from xlkip.schema.base import Kind, TableSheet, is_percent_unit
from xlkip.schema.triwulan import ANGGARAN_TRIWULAN, ROMAWI
from xlkip.schema.writer import Percent, Period, TemplateOptions, write_template
from xlkip.sipd.grid import Grid, read_grids
from xlkip.sipd.header import find_layout
from xlkip.sipd.importer import import_files
from xlkip.sipd.model import rupiah
from xlkip.sipd.periode import Periode, period_of
from xlkip.sipd.reconcile import Reconciliation
from xlkip.text import identity_text

TRIWULAN = TEMPLATES["triwulan"]
REKONSILIASI = "Rekonsiliasi"
NAME_KEYS = ("program", "kegiatan", "sub_kegiatan")
Content = dict[str, Any]
"""Sheet name → rows (a table) or field values (a form), as the schema writer takes them."""


def is_triwulan_target(output: Path) -> bool:
    """`-o` names triwulan.xlsx, or an existing triwulan template under another name."""
    if output.suffix.lower() != ".xlsx":
        return False
    if output.exists():
        return template_kind(output) == "triwulan"
    return output.name.lower() == TRIWULAN.filename


@dataclass
class Export:
    """The exports of one period, imported together."""

    periode: Periode
    files: list[Path]
    realisasi: dict[str, int] = field(default_factory=dict)
    """Sub kegiatan code → realisasi in sen, as the exports give it."""


@dataclass
class QuarterImport:
    rows: list[dict[str, Any]]
    """Rows of the Anggaran Triwulan sheet: names and realisasi_twN of the quarters written."""
    findings: list[Finding]
    reconciliation: Reconciliation
    exports: list[Export]
    written: dict[int, dict[str, int | None]]
    """Quarter → code → realisasi in sen (None: not written, the difference fell)."""
    tahun: int | None
    skpd: list[str] = field(default_factory=list)

    @property
    def quarters(self) -> list[int]:
        return sorted(self.written)


def import_quarters(paths: list[Path], skpd: str | None) -> QuarterImport:
    findings: list[Finding] = []
    grids: dict[Path, list[Grid]] = {}
    groups: dict[tuple[int, bool], Export] = {}
    headless: list[Path] = []
    for path in paths:
        periode = _file_period(path, grids, findings)
        if periode is None and path in grids and not findings_for(path, findings):
            headless.append(path)  # no header row: the annual import says what it looked for
        elif periode is not None:
            key = (periode.triwulan, periode.kumulatif)
            groups.setdefault(key, Export(periode, [])).files.append(path)
    merged = Reconciliation()
    names: dict[str, dict[str, Any]] = {}
    years: list[int] = []
    shown: list[str] = []
    for key in sorted(groups):
        export = groups[key]
        imported = import_files(export.files, skpd, grids, annual=False)
        findings.extend(imported.findings)
        _merge(merged, imported.reconciliation)
        for row in imported.rows:
            export.realisasi[row["kode"]] = round(row["realisasi"] * 100)
            names[row["kode"]] = {k: row[k] for k in NAME_KEYS}
        year = imported.tahun or (export.periode.akhir.year if export.periode.akhir else None)
        years += [year] if year else []
        shown += [s for s in imported.skpd if s not in shown]
    if headless:
        findings.extend(import_files(headless, skpd, grids, annual=False).findings)
    exports = [groups[key] for key in sorted(groups)]
    written = _quarters(groups, sorted(names), findings)
    rows = [
        {**names[code], "kode": code}
        | {f"realisasi_tw{n}": _rupiah(written[n].get(code)) for n in written}
        for code in sorted(names)
    ]
    merged.written = len(rows)
    tahun = max(set(years), key=years.count) if years else None
    return QuarterImport(rows, findings, merged, exports, written, tahun, shown)


def findings_for(path: Path, findings: list[Finding]) -> bool:
    return any(f.file == path.name for f in findings)


def _file_period(path: Path, grids: dict[Path, list[Grid]], findings: list[Finding]):
    try:
        grids[path] = read_grids(path)
    except Unreadable as exc:
        findings.append(exc.finding)
        return None
    for grid in grids[path]:
        layout = find_layout(grid) if grid.max_row else None
        if layout is None:
            continue
        periode = period_of(grid, layout.header_rows[0])
        if periode is None:
            findings.append(_no_period(path, grid))
            return None
        if not periode.valid:
            findings.append(_not_a_quarter(path, grid, periode))
            return None
        return periode
    return None  # no header anywhere: import_files is not reached; say it as it does


def _no_period(path: Path, grid: Grid) -> Finding:
    return error(
        "sipd_periode_tidak_terbaca",
        f"Periode unduhan {path.name} tidak terbaca di baris judul di atas judul kolom, "
        "sehingga triwulannya tidak diketahui. Unduh ulang laporan realisasi dengan "
        "periodenya, atau ketik di baris judul mis. 'Periode 1 Januari 2024 s.d. 30 Juni "
        "2024'. Tanpa periode, unduhan hanya dapat diimpor ke anggaran.xlsx (tahunan).",
        file=path.name,
        sheet=grid.sheet,
    )


def _not_a_quarter(path: Path, grid: Grid, periode: Periode) -> Finding:
    return error(
        "sipd_periode_bukan_triwulan",
        f"Periode unduhan {path.name} terbaca '{quote(periode.text, 80)}': tidak berakhir "
        "pada akhir triwulan (31 Maret, 30 Juni, 30 September, 31 Desember) atau tidak "
        "dimulai 1 Januari (kumulatif) maupun awal triwulannya (satu triwulan). Unduh ulang "
        "laporan realisasi untuk periode triwulan, mis. 1 Januari s.d. 30 Juni.",
        file=path.name,
        sheet=grid.sheet,
    )


def _merge(into: Reconciliation, one: Reconciliation) -> None:
    into.sources += one.sources
    into.checks += one.checks
    into.repeats += one.repeats
    into.parents_checked += one.parents_checked
    into.parents_mismatched += one.parents_mismatched
    into.anggaran, into.realisasi = one.anggaran, one.realisasi


def _quarters(
    groups: dict[tuple[int, bool], Export], codes: list[str], findings: list[Finding]
) -> dict[int, dict[str, int | None]]:
    """Each quarter's own realisasi: single exports as they are, cumulative ones less the
    cumulative figure of the quarter before (given, or built from the quarters before)."""
    written: dict[int, dict[str, int | None]] = {}
    to_date: dict[str, int] | None = {code: 0 for code in codes}
    for n in range(1, 5):
        single, cumulative = groups.get((n, False)), groups.get((n, True))
        if single is not None and cumulative is not None:
            findings.append(_twice(n, single, cumulative))
        if single is not None:
            own = {code: single.realisasi.get(code, 0) for code in codes}
            written[n] = dict(own)
            to_date = {c: to_date[c] + own[c] for c in codes} if to_date is not None else None
            continue
        if cumulative is None:
            to_date = None
            continue
        now = {code: cumulative.realisasi.get(code, 0) for code in codes}
        if to_date is None:
            findings.append(_no_earlier(n, cumulative))
        else:
            written[n] = _differences(n, now, to_date, cumulative, findings)
        to_date = now
    return written


def _differences(
    n: int, now: dict[str, int], before: dict[str, int], export: Export, findings: list[Finding]
) -> dict[str, int | None]:
    out: dict[str, int | None] = {}
    for code, amount in now.items():
        own = amount - before[code]
        out[code] = own if own >= 0 else None
        if own < 0:
            findings.append(
                error(
                    "sipd_realisasi_kumulatif_turun",
                    f"Realisasi sub kegiatan {code} s.d. TW {ROMAWI[n - 1]} "
                    f"(Rp{rupiah(amount)}, {', '.join(p.name for p in export.files)}) lebih "
                    f"kecil daripada s.d. TW {ROMAWI[n - 2]} (Rp{rupiah(before[code])}): "
                    f"realisasi TW {ROMAWI[n - 1]} akan negatif, jadi tidak ditulis. Periksa "
                    "periode kedua unduhan dan koreksi/pengembalian belanja di SIPD.",
                    file=export.files[0].name,
                )
            )
    return out


def _twice(n: int, single: Export, cumulative: Export) -> Finding:
    return error(
        "sipd_berkas_ganda",
        f"Realisasi TW {ROMAWI[n - 1]} diberikan dua kali: "
        f"{', '.join(p.name for p in single.files)} (satu triwulan, "
        f"'{quote(single.periode.text, 60)}') dan {', '.join(p.name for p in cumulative.files)} "
        f"(kumulatif, '{quote(cumulative.periode.text, 60)}'). Sebutkan salah satunya saja.",
        file=single.files[0].name,
    )


def _no_earlier(n: int, export: Export) -> Finding:
    earlier = ", ".join(f"TW {ROMAWI[m - 1]}" for m in range(1, n))
    return error(
        "sipd_triwulan_sebelumnya_tidak_ada",
        f"{', '.join(p.name for p in export.files)} berisi realisasi s.d. TW {ROMAWI[n - 1]} "
        f"(kumulatif), tetapi unduhan {earlier} tidak disebutkan, sehingga realisasi TW "
        f"{ROMAWI[n - 1]} saja tidak dapat dihitung dan tidak ditulis. Sebutkan juga unduhan "
        "triwulan sebelumnya, atau unduh laporan TW ini saja (mis. 1 April s.d. 30 Juni).",
        file=export.files[0].name,
    )


def _rupiah(sen: int | None) -> int | float | None:
    if sen is None:
        return None
    return sen // 100 if sen % 100 == 0 else sen / 100


# -- writing ------------------------------------------------------------------------------


def quarters_content(target: Path, period: Period, imported: QuarterImport) -> Content:
    """What triwulan.xlsx is written with: the staff's own file as xlkip reads it (nothing
    for a new file), with the imported quarters' realisasi in its Anggaran Triwulan rows."""
    content = staff_content(target, period) if target.exists() else {}
    content[ANGGARAN_TRIWULAN.name] = _merged(content.get(ANGGARAN_TRIWULAN.name, []), imported)
    return content


def write_quarters(
    temp: Path, period: Period, content: Content, options: TemplateOptions, imported: QuarterImport
) -> None:
    """The whole file anew through the schema writer, the Rekonsiliasi sheet after it."""
    write_template(
        TRIWULAN,
        temp,
        period,
        content,
        options,
        extra=lambda workbook: _rekonsiliasi(workbook, imported),
    )


def staff_content(target: Path, period: Period) -> Content:
    """Every sheet of an existing triwulan.xlsx as the writer takes it back, so that it
    reads the same. A file xlkip cannot read cleanly is not rewritten (what it could not
    read would be lost): the errors are said and the file is left as it is."""
    try:
        source = SourceWorkbook.open(target)
    except Unreadable as exc:
        raise OutputError(_not_rewritten(target, [exc.finding])) from exc
    try:
        data = TemplateData(TRIWULAN, target)
        errors = [f for f in read_template(source, data, period) if f.tingkat is Tingkat.ERROR]
        if errors:
            raise OutputError(_not_rewritten(target, errors))
        content: Content = {}
        for name, table in data.tables.items():
            content[name] = [_as_typed(r, table.sheet, source.sheet(name)) for r in table.records]
        for name, form in data.forms.items():
            content[name] = {k: v for k, v in form.values.items() if v is not None}
        return content
    finally:
        source.close()


def _not_rewritten(target: Path, errors: list[Finding]) -> str:
    shown = "; ".join(f"{f.lokasi}: {f.pesan.rstrip('.')}" for f in errors[:5])
    more = f" (dan {len(errors) - 5} error lain)" if len(errors) > 5 else ""
    return (
        f"Berkas {target} tidak terbaca bersih oleh xlkip, sehingga tidak ditimpa (isinya "
        f"tetap): {shown}{more}. Perbaiki sel itu (lihat xlkip check {target.parent}), "
        "lalu ulangi impor."
    )


def _as_typed(record: Record, sheet: TableSheet, grid: SourceSheet | None) -> dict[str, Any]:
    """A row as staff typed it: a name left blank to mean the one above stays blank, a
    % indicator's fraction is written as a percentage (so both read back the same)."""
    row = dict(record.values)
    percent = is_percent_unit(record.values.get("satuan"))
    for column in sheet.columns:
        letter = record.letters.get(column.key)
        if column.fill_down and letter and grid is not None and _blank(grid, record.row, letter):
            row[column.key] = None
        value = row.get(column.key)
        if column.kind is Kind.MEASURE and isinstance(value, int | float) and percent:
            row[column.key] = Percent(value)
    return row


def _blank(grid: SourceSheet, row: int, letter: str) -> bool:
    return is_blank(grid.value(row, column_index_from_string(letter)))


def _merged(staff: list[dict[str, Any]], imported: QuarterImport) -> list[dict[str, Any]]:
    """The staff rows with the imported realisasi in the row of the same (kegiatan, sub
    kegiatan), or else of the same sub kegiatan; a sub kegiatan not there is a new row."""
    rows = [dict(row) for row in staff]
    found = _keys(rows)
    for entry in imported.rows:
        sub = identity_text(entry["sub_kegiatan"])
        index = found.get((identity_text(entry["kegiatan"]), sub), found.get((sub,)))
        if index is None:
            rows.append({key: entry[key] for key in NAME_KEYS})
            index = len(rows) - 1
        for n in imported.written:
            value = entry[f"realisasi_tw{n}"]
            if value is not None:
                rows[index][f"realisasi_tw{n}"] = value
    return rows


def _keys(rows: list[dict[str, Any]]) -> dict[tuple[str, ...], int]:
    """Row index by (kegiatan, sub kegiatan) and by sub kegiatan, names filled down."""
    found: dict[tuple[str, ...], int] = {}
    kegiatan = ""
    for index, row in enumerate(rows):
        kegiatan = identity_text(row["kegiatan"]) if row.get("kegiatan") else kegiatan
        sub = identity_text(row["sub_kegiatan"]) if row.get("sub_kegiatan") else ""
        found.setdefault((kegiatan, sub), index)
        found.setdefault((sub,), index)
    return found


def _rekonsiliasi(workbook: Any, imported: QuarterImport) -> None:
    sheet = workbook.add_worksheet(REKONSILIASI)
    bold = workbook.add_format({"bold": True})
    sheet.write_string(0, 0, "Rekonsiliasi impor realisasi per triwulan dari unduhan SIPD", bold)
    sheet.write_string(
        1, 0, "Ditulis oleh xlkip impor-anggaran; sheet ini hanya keterangan dan tidak dibaca."
    )
    headers = ("Periode", "Jenis", "Berkas", "Periode terbaca", "Realisasi menurut berkas")
    _strings(sheet, 3, headers, bold)
    row = 4
    for export in imported.exports:
        jenis = "kumulatif s.d. akhir triwulan" if export.periode.kumulatif else "satu triwulan"
        files = ", ".join(p.name for p in export.files)
        _strings(sheet, row, (export.periode.label, jenis, files, export.periode.text))
        sheet.write_number(row, 4, sum(export.realisasi.values()) / 100)
        row += 1
    quarters = imported.quarters
    written = (f"Realisasi TW {ROMAWI[n - 1]} ditulis" for n in quarters)
    _strings(sheet, row + 1, ("Sub Kegiatan", "Kode", *written), bold)
    for at, entry in enumerate(imported.rows, row + 2):
        _strings(sheet, at, (entry["sub_kegiatan"], entry["kode"]))
        for col, n in enumerate(quarters, 2):
            value = entry[f"realisasi_tw{n}"]
            if value is None:
                sheet.write_string(at, col, "tidak ditulis")
            else:
                sheet.write_number(at, col, value)
    for col, width in enumerate((48, 20, 26, 40, 24, 24, 24)):
        sheet.set_column(col, col, width)


def _strings(sheet: Any, row: int, texts: tuple[str, ...], style: Any = None) -> None:
    """Staff and export text stays text: never a formula, whatever it begins with."""
    for col, text in enumerate(texts):
        sheet.write_string(row, col, text, style)


__all__ = [
    "QuarterImport",
    "import_quarters",
    "is_triwulan_target",
    "quarters_content",
    "write_quarters",
]
