"""The reconciliation, as lines for the terminal and as a sheet of the written template."""

from __future__ import annotations

from typing import Any

from xlkip.schema.triwulan import ROMAWI
from xlkip.sipd.model import Repeat, rupiah
from xlkip.sipd.reconcile import Reconciliation

SHEET_NAME = "Rekonsiliasi"
"""Not in the anggaran schema: the reader reads only the schema's sheets and passes this by."""
_MONEY = "#,##0.00"
SOURCE_COLUMNS = ("Berkas", "Sheet", "Baris dibaca", "Baris rekening dijumlahkan")
SOURCE_COLUMNS += ("Baris sub kegiatan", "Sub kegiatan", "Jenis")
CHECK_COLUMNS = ("Uraian", "Berkas", "Sheet", "Sel", "Jenis", "Menurut berkas")
CHECK_COLUMNS += ("Dihitung xlkip", "Selisih", "Hasil")
REPEAT_COLUMNS = ("Sub kegiatan", "Berkas", "Sheet", "Baris", "Sama dengan baris", "Rekening")
REPEAT_COLUMNS += ("Anggaran", "Realisasi", "Dihitung")


def _totals(rec: Reconciliation) -> str:
    """What was summed, before it is known whether the template is written (the
    command's last line says that)."""
    if not rec.written:
        return "Tidak ada sub kegiatan yang terbaca dari berkas yang disebutkan."
    return (
        f"Jumlah terbaca: {rec.written} sub kegiatan, anggaran Rp{rupiah(rec.anggaran)}, "
        f"realisasi Rp{rupiah(rec.realisasi)}."
    )


def quarters_written(quarters: list[int]) -> str:
    """', realisasi TW I, TW II' for the command's last line; '' for an annual import."""
    if not quarters:
        return ""
    return ", realisasi " + ", ".join(f"TW {ROMAWI[n - 1]}" for n in quarters)


def summary_lines(rec: Reconciliation) -> list[str]:
    lines = []
    for s in rec.sources:
        where = s.file if s.sheet is None else f"{s.file} (sheet {s.sheet})"
        if s.lra:
            lines.append(f"{where}: LRA per rekening, {s.rows_read} baris dibaca (rekonsiliasi).")
        else:
            lines.append(
                f"{where}: {s.rows_read} baris dibaca, {s.account_rows} baris rekening "
                f"dijumlahkan, {s.sub_rows} baris sub kegiatan, {s.sub_kegiatan} sub kegiatan."
            )
        for reason, (count, rows) in s.skipped.items():
            shown = ", ".join(str(r) for r in rows) + ("…" if count > len(rows) else "")
            lines.append(f"  dilewati {count} baris — {reason} (baris {shown})")
    lines.append(_totals(rec))
    for check in rec.checks:
        verdict = (
            "sama"
            if check.ok
            else f"TIDAK SAMA (selisih Rp{rupiah(check.menurut_berkas - check.ditulis)})"
        )
        where = check.file + (f"!{check.sel}" if check.sel else "")
        lines.append(
            f"{check.uraian} [{where}] {check.jenis}: berkas Rp{rupiah(check.menurut_berkas)}, "
            f"dihitung Rp{rupiah(check.ditulis)} — {verdict}"
        )
    for repeat in rec.repeats:
        counted = "dihitung sekali" if repeat.same_amounts else "angka beda, keduanya dijumlahkan"
        lines.append(
            f"Baris ganda: {repeat.file} baris {repeat.row} sama dengan baris {repeat.first} "
            f"({_repeated(repeat)}); {counted}."
        )
    if rec.parents_checked:
        lines.append(
            f"Baris induk (program, kegiatan, sub kegiatan, rekening) diperiksa: "
            f"{rec.parents_checked}, tidak sama dengan jumlah rinciannya: {rec.parents_mismatched}."
        )
    return lines


def write_sheet(workbook: Any, rec: Reconciliation) -> None:
    ws = workbook.add_worksheet(SHEET_NAME)
    bold = workbook.add_format({"bold": True})
    title = workbook.add_format({"bold": True, "font_size": 14})
    header = workbook.add_format(
        {"bold": True, "border": 1, "bg_color": "#DDEBF7", "text_wrap": True}
    )
    money = workbook.add_format({"num_format": _MONEY, "border": 1})
    cell = workbook.add_format({"border": 1, "text_wrap": True, "valign": "top"})
    ws.write_string(0, 0, "Rekonsiliasi impor anggaran dari SIPD", title)
    ws.write_string(
        1,
        0,
        "Ditulis oleh xlkip impor-anggaran; sheet ini hanya keterangan dan tidak dibaca oleh "
        "xlkip check/compile.",
    )
    row = 3
    ws.write_string(row, 0, "Berkas yang dibaca", bold)
    row += 1
    _headers(ws, row, SOURCE_COLUMNS, header)
    for s in rec.sources:
        row += 1
        ws.write_string(row, 0, s.file, cell)
        ws.write_string(row, 1, s.sheet or "", cell)
        for col, number in enumerate((s.rows_read, s.account_rows, s.sub_rows, s.sub_kegiatan), 2):
            ws.write_number(row, col, number, cell)
        ws.write_string(row, 6, "LRA (rekonsiliasi)" if s.lra else "realisasi", cell)
    row += 2
    ws.write_string(row, 0, f"Ditulis: {rec.written} sub kegiatan", bold)
    ws.write_string(row + 1, 0, "Anggaran", cell)
    ws.write_number(row + 1, 1, rec.anggaran / 100, money)
    ws.write_string(row + 2, 0, "Realisasi", cell)
    ws.write_number(row + 2, 1, rec.realisasi / 100, money)
    row += 4
    ws.write_string(row, 0, "Pemeriksaan: angka berkas terhadap jumlah rinciannya", bold)
    row += 1
    _headers(ws, row, CHECK_COLUMNS, header)
    for check in rec.checks:
        row += 1
        for col, text in enumerate(
            (check.uraian, check.file or "", check.sheet or "", check.sel or "", check.jenis)
        ):
            ws.write_string(row, col, text, cell)
        ws.write_number(row, 5, check.menurut_berkas / 100, money)
        ws.write_number(row, 6, check.ditulis / 100, money)
        selisih = (check.menurut_berkas - check.ditulis) / 100
        ws.write_formula(row, 7, f"=F{row + 1}-G{row + 1}", money, selisih)
        ws.write_formula(
            row,
            8,
            f'=IF(H{row + 1}=0,"Sama","TIDAK SAMA")',
            cell,
            "Sama" if check.ok else "TIDAK SAMA",
        )
    row += 1
    ws.write_string(
        row,
        0,
        f"Baris induk diperiksa: {rec.parents_checked}; tidak sama dengan rinciannya: "
        f"{rec.parents_mismatched} (tercantum di atas).",
    )
    row = _repeats(ws, row + 2, rec, (bold, header, cell, money))
    ws.write_string(row, 0, "Baris yang dilewati", bold)
    row += 1
    _headers(ws, row, ("Alasan", "Berkas", "Sheet", "Jumlah baris", "Contoh baris"), header)
    for s in rec.sources:
        for reason, (count, rows) in s.skipped.items():
            row += 1
            ws.write_string(row, 0, reason, cell)
            ws.write_string(row, 1, s.file, cell)
            ws.write_string(row, 2, s.sheet or "", cell)
            ws.write_number(row, 3, count, cell)
            ws.write_string(row, 4, ", ".join(str(r) for r in rows), cell)
    for col, width in enumerate((52, 28, 16, 12, 14, 18, 18, 16, 12)):
        ws.set_column(col, col, width)


def _repeated(repeat: Repeat) -> str:
    what = f"rekening {repeat.rekening}, " if repeat.rekening else ""
    return f"{what}sub kegiatan {repeat.sub_kegiatan}"


def _repeats(ws: Any, row: int, rec: Reconciliation, styles: tuple) -> int:
    """Rows that repeat another row of the same sub kegiatan, and how they were counted,
    for the reader to judge; the next free row is returned."""
    bold, header, cell, money = styles
    ws.write_string(row, 0, f"Baris ganda (periksa): {len(rec.repeats)}", bold)
    if not rec.repeats:
        return row + 2
    row += 1
    _headers(ws, row, REPEAT_COLUMNS, header)
    for repeat in rec.repeats:
        row += 1
        texts = (repeat.sub_kegiatan, repeat.file, repeat.sheet or "")
        for col, text in enumerate(texts):
            ws.write_string(row, col, text, cell)
        ws.write_number(row, 3, repeat.row, cell)
        ws.write_number(row, 4, repeat.first, cell)
        ws.write_string(row, 5, repeat.rekening or "", cell)
        ws.write_number(row, 6, repeat.anggaran / 100, money)
        ws.write_number(row, 7, repeat.realisasi / 100, money)
        counted = "sekali (angka sama)" if repeat.same_amounts else "dijumlahkan (angka beda)"
        ws.write_string(row, 8, counted, cell)
    return row + 2


def _headers(ws: Any, row: int, columns: tuple[str, ...], style: Any) -> None:
    for col, text in enumerate(columns):
        ws.write_string(row, col, text, style)
