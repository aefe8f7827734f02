"""narasi.xlsx: each section staff must write, empty or still last year's text (an LKE
criterion it weakens), and each Lampiran row's table or image."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from xlkip.findings import Finding, peringatan
from xlkip.inputs import Inputs
from xlkip.instrumen.lke import edition_for
from xlkip.read.cells import quote
from xlkip.read.records import Record
from xlkip.schema import narasi
from xlkip.schema.base import TableSheet
from xlkip.schema.kinerja import IKU
from xlkip.schema.narasi import LAMPIRAN, NARASI, NARASI_SASARAN, TANDA_TAHUN_LALU
from xlkip.schema.writer import HEADER_ROW
from xlkip.tables.lampiran import table_named
from xlkip.text import identity_text


def check(inputs: Inputs) -> Iterator[Finding]:
    data = inputs.templates.get("narasi")
    if data is None or not any(table.records for table in data.tables.values()):
        return  # an absent module asks for nothing, a blank one is modul_kosong
    marks = {
        (r.get("lembar"), r.get("kolom"), r.get("sidik")): r.get("tahun")
        for r in inputs.records(TANDA_TAHUN_LALU)
    }
    yield from _bagian(inputs, marks)
    yield from _sasaran(inputs, marks)
    yield from _lampiran(inputs)


Marks = dict[tuple[str, str, str], int]


def _free_rows(records: list[Record]) -> Iterator[int]:
    """The rows below the table's last, where a missing row is to be typed."""
    row = max((r.row for r in records), default=HEADER_ROW + 1) + 1
    while True:
        yield row
        row += 1


def _bagian(inputs: Inputs, marks: Marks) -> Iterator[Finding]:
    records = inputs.records(NARASI)
    rows = {r.get("bagian"): r for r in records}
    free = _free_rows(records)
    for bagian in narasi.BAGIAN:
        what = f"Bagian '{bagian}' (sheet Narasi)"
        record = rows.get(bagian)
        cell = record.cell("isi") if record else f"A{next(free)}"
        yield from _section(inputs, marks, NARASI, record, "isi", what, bagian, cell)


def _sasaran(inputs: Inputs, marks: Marks) -> Iterator[Finding]:
    records = inputs.records(NARASI_SASARAN)
    rows = {identity_text(r.get("sasaran")): r for r in records}
    free = _free_rows(records)
    names = dict.fromkeys(str(r.get("sasaran")).strip() for r in inputs.records(IKU))
    for name in names:
        if not name or name == "None":
            continue
        record = rows.get(identity_text(name))
        if record is None:
            cell = f"A{next(free)}"
            yield peringatan(
                "narasi_kosong",
                f"Sasaran '{quote(name, 200)}' (sheet IKU) belum punya baris di sheet Narasi "
                f"Sasaran, sehingga penyebab, kendala dan solusinya kosong di dokumen. Tambahkan "
                f"baris dengan nama sasaran yang sama (mis. di sel {cell}), lalu isi "
                f"{narasi.TULIS['penyebab']}, {narasi.TULIS['kendala']}, dan "
                f"{narasi.TULIS['solusi']}.{_weakens(inputs, 'penyebab', 'Bagian kosong')}",
                **inputs.where(NARASI_SASARAN, cell),
            )
            continue
        for column in narasi.NARASI_SASARAN_COLUMNS:
            header = NARASI_SASARAN.column(column).header
            what = f"Kolom '{header}' sasaran '{quote(name)}' (sheet Narasi Sasaran)"
            cell = record.cell(column)
            yield from _section(inputs, marks, NARASI_SASARAN, record, column, what, column, cell)


def _section(
    inputs: Inputs,
    marks: Marks,
    sheet: TableSheet,
    record: Record | None,
    column: str,
    what: str,
    kriteria: str,
    cell: str | None,
) -> Iterator[Finding]:
    """One piece of staff prose: empty, or carried and unchanged."""
    tulis = narasi.TULIS[kriteria]
    where = inputs.where(sheet, cell)
    text = record.get(column) if record else None
    if text is None or not str(text).strip():
        missing = "" if record else f" (barisnya tidak ada; tambahkan di sel {cell})"
        yield peringatan(
            "narasi_kosong",
            f"{what} belum diisi{missing}; dokumen Word memberi tanda [Isi: …] di tempatnya. Tulis "
            f"{tulis} (laporan tahun {inputs.tahun}).{_weakens(inputs, kriteria, 'Bagian kosong')}",
            **where,
        )
        return
    tahun = marks.get((sheet.name, column, narasi.sidik(text)))
    if tahun is not None:
        yield peringatan(
            "narasi_tahun_lalu",
            f"{what} masih berisi teks laporan tahun {tahun} yang disalin oleh xlkip init "
            f"--dari. Perbarui dengan keadaan tahun {inputs.tahun}: {tulis}."
            f"{_weakens(inputs, kriteria, 'Teks tahun lalu')}",
            **where,
        )


def _weakens(inputs: Inputs, part: str, subject: str) -> str:
    """The sentence naming the LKE criterion of the year's edition that `part` serves."""
    edisi = edition_for(inputs.tahun)
    kriteria = edisi.resting_on(part)
    return f" {subject} melemahkan {edisi.naming(kriteria)}." if kriteria else ""


def _lampiran(inputs: Inputs) -> Iterator[Finding]:
    for record in inputs.records(LAMPIRAN):
        tabel, gambar = record.get("tabel"), record.get("gambar")
        judul = f"'{quote(record.get('judul', ''))}'"
        if (tabel is None) == (gambar is None):
            yield peringatan(
                "lampiran_tanpa_isi",
                f"Lampiran {judul}: isi salah satu saja, kolom Tabel (nomor atau judul tabel "
                "laporan) atau kolom Gambar (nama berkas di subfolder 'lampiran'). Lampiran "
                "ini tidak dicetak.",
                **inputs.where(LAMPIRAN, record.cell("judul")),
            )
        elif tabel is not None:
            yield from _tabel(inputs, record, judul, tabel)
        else:
            yield from _gambar(inputs, record, judul, gambar)


def _tabel(inputs: Inputs, record: Record, judul: str, tabel: object) -> Iterator[Finding]:
    found = table_named(inputs, tabel)
    if not isinstance(found, list):
        return
    what = (
        f"cocok dengan {len(found)} tabel ({'; '.join(found)})"
        if found
        else "tidak ada di antara tabel yang disusun tahun ini"
    )
    yield peringatan(
        "lampiran_tabel_tidak_ada",
        f"Lampiran {judul}: tabel '{quote(tabel)}' {what}. Tulis nomornya seperti "
        "di workbook hasil (mis. Tabel 3.8) atau kata-kata judulnya yang hanya ada pada tabel "
        "itu. Lampiran ini tidak dicetak.",
        **inputs.where(LAMPIRAN, record.cell("tabel")),
    )


def _gambar(inputs: Inputs, record: Record, judul: str, gambar: object) -> Iterator[Finding]:
    found = narasi.gambar_lampiran(Path(inputs.folder), gambar)
    if isinstance(found, Path):
        return
    yield peringatan(
        "lampiran_gambar",
        f"Lampiran {judul}: gambar '{quote(gambar)}' {found}. Simpan gambar .png atau .jpg "
        f"(paling besar {narasi.LAMPIRAN_MAX_BYTES // 1_000_000} MB) di subfolder "
        f"'{narasi.LAMPIRAN_FOLDER}' di folder isian dan tulis nama berkasnya saja, mis. "
        "struktur.png. Lampiran ini tidak dicetak.",
        **inputs.where(LAMPIRAN, record.cell("gambar")),
    )
