"""SIPD exports of several quarters into triwulan.xlsx (`impor-anggaran -o …/triwulan.xlsx`).

Each export's period is read from its title rows (`periode`); the exports of one period
are imported together like an annual import (duplicates, reconciliation), and the
quarters' realisasi follow: a single-quarter export as it is, a cumulative one less the
quarters before it. Only the Realisasi TW columns of the quarters imported are written:
anggaran kas, Rencana Aksi, Evaluasi and the rest of the file stay as staff typed them.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from xlkip.findings import Finding, error
from xlkip.output import OutputError, template_kind
from xlkip.read.cells import quote
from xlkip.read.workbook import Unreadable
from xlkip.schema import TEMPLATES
from xlkip.schema.triwulan import ANGGARAN_TRIWULAN, ROMAWI
from xlkip.schema.writer import Period, write_template
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


def write_quarters(temp: Path, target: Path, period: Period, imported: QuarterImport) -> None:
    """Into `temp`: the target's own file (or a new blank triwulan template), with only
    the imported quarters' realisasi cells and the Rekonsiliasi sheet changed."""
    import openpyxl  # only here: the import writes; compile never pays for it

    if target.exists():
        shutil.copyfile(target, temp)
    else:
        write_template(TRIWULAN, temp, period)
    workbook = openpyxl.load_workbook(temp)
    _fill(workbook[ANGGARAN_TRIWULAN.name], imported)
    _rekonsiliasi(workbook, imported)
    workbook.save(temp)


def _text(cell: Any, value: str) -> None:
    """Staff and export text stays text: never a formula, whatever it begins with."""
    cell.value = value
    cell.data_type = "s"


def _header(sheet: Any) -> tuple[int, dict[str, int]]:
    headers = {c.header: c.key for c in ANGGARAN_TRIWULAN.columns}
    for row in sheet.iter_rows(min_row=1, max_row=10):
        found = {headers[str(c.value)]: c.column for c in row if str(c.value) in headers}
        if "sub_kegiatan" in found:
            return row[0].row, found
    raise OutputError(
        f"Judul kolom sheet {ANGGARAN_TRIWULAN.name} tidak ditemukan di berkas tujuan; "
        "judul kolom template triwulan tidak boleh diubah. Berkas itu tidak diubah."
    )


def _fill(sheet: Any, imported: QuarterImport) -> None:
    header, columns = _header(sheet)
    rows, blank = _rows(sheet, header, columns)
    for entry in imported.rows:
        row = _find(rows, entry)
        if row is None:
            row = blank.pop(0) if blank else _append(sheet)
            for key in NAME_KEYS:
                _text(sheet.cell(row, columns[key]), entry[key])
        for n in imported.written:
            value = entry[f"realisasi_tw{n}"]
            if value is not None:
                sheet.cell(row, columns[f"realisasi_tw{n}"]).value = value


def _rows(sheet: Any, header: int, columns: dict[str, int]) -> tuple[dict, list[int]]:
    """Staff rows by (kegiatan, sub kegiatan) and by sub kegiatan (names filled down),
    and the blank rows after the last one."""
    found: dict[tuple[str, ...], int] = {}
    blank: list[int] = []
    program = kegiatan = ""
    for row in range(header + 1, sheet.max_row + 1):
        values = [sheet.cell(row, col).value for col in columns.values()]
        if all(v is None or str(v).strip() == "" for v in values):
            blank.append(row)
            continue
        blank.clear()
        names = [sheet.cell(row, columns[k]).value for k in NAME_KEYS]
        program = identity_text(names[0]) if names[0] else program
        kegiatan = identity_text(names[1]) if names[1] else kegiatan
        sub = identity_text(names[2]) if names[2] else ""
        found.setdefault((kegiatan, sub), row)
        found.setdefault((sub,), row)
    return found, blank


def _find(rows: dict, entry: dict[str, Any]) -> int | None:
    sub = identity_text(entry["sub_kegiatan"])
    return rows.get((identity_text(entry["kegiatan"]), sub)) or rows.get((sub,))


def _append(sheet: Any) -> int:
    """A row after the table, styled like its last row, the table stretched over it."""
    from copy import copy

    from openpyxl.utils.cell import range_boundaries

    row = sheet.max_row + 1
    for col in range(1, sheet.max_column + 1):
        sheet.cell(row, col)._style = copy(sheet.cell(row - 1, col)._style)
        above = f"{_letter(col)}{row - 1}"
        for rule in sheet.data_validations.dataValidation:
            if above in rule.sqref:  # the column's dropdown or number check reaches it too
                rule.add(f"{_letter(col)}{row}")
    for table in sheet.tables.values():
        first_col, first_row, last_col, _ = range_boundaries(table.ref)
        table.ref = f"{_letter(first_col)}{first_row}:{_letter(last_col)}{row}"
    return row


def _letter(col: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(col)


def _rekonsiliasi(workbook: Any, imported: QuarterImport) -> None:
    if REKONSILIASI in workbook.sheetnames:
        del workbook[REKONSILIASI]  # xlkip's own sheet, written again each import
    sheet = workbook.create_sheet(REKONSILIASI)
    sheet.append(["Rekonsiliasi impor realisasi per triwulan dari unduhan SIPD"])
    sheet.append(
        ["Ditulis oleh xlkip impor-anggaran; sheet ini hanya keterangan dan tidak dibaca."]
    )
    sheet.append([])
    sheet.append(["Periode", "Jenis", "Berkas", "Periode terbaca", "Realisasi menurut berkas"])
    for export in imported.exports:
        jenis = "kumulatif s.d. akhir triwulan" if export.periode.kumulatif else "satu triwulan"
        row = [export.periode.label, jenis, None, None, sum(export.realisasi.values()) / 100]
        sheet.append(row)
        _text(sheet.cell(sheet.max_row, 3), ", ".join(p.name for p in export.files))
        _text(sheet.cell(sheet.max_row, 4), export.periode.text)
    sheet.append([])
    quarters = imported.quarters
    sheet.append(
        ["Sub Kegiatan", "Kode", *(f"Realisasi TW {ROMAWI[n - 1]} ditulis" for n in quarters)]
    )
    for entry in imported.rows:
        values = [entry[f"realisasi_tw{n}"] for n in quarters]
        sheet.append(
            [None, entry["kode"], *(v if v is not None else "tidak ditulis" for v in values)]
        )
        _text(sheet.cell(sheet.max_row, 1), entry["sub_kegiatan"])
    for col, width in zip("ABCDEFG", (48, 20, 26, 40, 24, 24, 24), strict=True):
        sheet.column_dimensions[col].width = width


__all__ = ["QuarterImport", "import_quarters", "is_triwulan_target", "write_quarters"]
