"""Rules within one row: realisasi against anggaran, sudah against jumlah, years."""

from __future__ import annotations

from collections.abc import Iterator

from xlkip.findings import Finding, error, info, peringatan
from xlkip.inputs import Inputs
from xlkip.read.cells import quote
from xlkip.schema.anggaran import REALISASI_ANGGARAN
from xlkip.schema.aplikasi import APLIKASI_WEBSITE
from xlkip.schema.kinerja import IKU, RENSTRA
from xlkip.schema.pengaduan import PENGADUAN
from xlkip.text import angka


def check(inputs: Inputs) -> Iterator[Finding]:
    yield from _core_sheets_filled(inputs)
    yield from _iku_targets(inputs)
    yield from _anggaran(inputs)
    yield from _pengaduan(inputs)
    yield from _aplikasi_years(inputs)
    yield from _renstra_years(inputs)


_CORE_SHEETS = (
    (IKU, "indikator kinerja utama", "tabel capaian kinerja"),
    (REALISASI_ANGGARAN, "sub kegiatan", "tabel realisasi anggaran"),
)


def _core_sheets_filled(inputs: Inputs) -> Iterator[Finding]:
    """Every office reports its IKU and its budget: an empty core sheet is said, not
    silently left out of the report."""
    for sheet, rows, tables in _CORE_SHEETS:
        table = inputs.table(sheet)
        if table is None or table.records or not table.clean:
            continue
        yield peringatan(
            "sheet_inti_kosong",
            f"Sheet {sheet.name} belum berisi {rows} satu pun, sehingga {tables} tidak dibuat. "
            f"Isi satu baris per {rows} di bawah judul kolom.",
            **inputs.where(sheet),
        )


def _iku_targets(inputs: Inputs) -> Iterator[Finding]:
    for record in inputs.records(IKU):
        if record.get("target") == 0:
            yield peringatan(
                "target_nol",
                f"Target indikator '{quote(record.get('indikator'))}' bernilai 0, sehingga "
                "capaian tidak dapat dihitung (ditampilkan -). Isi target sesuai Perjanjian "
                "Kinerja.",
                **inputs.where(IKU, record.cell("target")),
            )


def _anggaran(inputs: Inputs) -> Iterator[Finding]:
    for record in inputs.records(REALISASI_ANGGARAN):
        anggaran, realisasi = record.get("anggaran"), record.get("realisasi")
        if anggaran is None or realisasi is None or realisasi <= anggaran:
            continue
        yield peringatan(
            "realisasi_melebihi_anggaran",
            f"Realisasi Rp{angka(realisasi)} melebihi anggaran Rp{angka(anggaran)} pada sub "
            f"kegiatan '{quote(record.get('sub_kegiatan'))}'. Periksa kedua angka dengan SIPD.",
            **inputs.where(REALISASI_ANGGARAN, record.cell("realisasi")),
        )


def _pengaduan(inputs: Inputs) -> Iterator[Finding]:
    used = {inputs.tahun, inputs.tahun - 1}
    for record in inputs.records(PENGADUAN):
        jumlah, sudah, tahun = record.get("jumlah"), record.get("sudah"), record.get("tahun")
        where = inputs.where(PENGADUAN, record.cell("sudah"))
        if jumlah is not None and sudah is not None and sudah > jumlah:
            yield error(
                "sudah_melebihi_jumlah",
                f"Sudah ditindaklanjuti ({angka(sudah)}) lebih banyak dari jumlah pengaduan "
                f"({angka(jumlah)}) untuk {quote(record.get('kanal'))} {tahun}. Perbaiki salah "
                "satunya.",
                **where,
            )
        if tahun is not None and tahun > inputs.tahun:
            yield error(
                "tahun_di_luar_rentang",
                f"Tahun {tahun} melewati tahun laporan {inputs.tahun}. Perbaiki tahunnya.",
                **inputs.where(PENGADUAN, record.cell("tahun")),
            )
        elif tahun is not None and tahun not in used:
            yield info(
                "tahun_tidak_dipakai",
                f"Baris tahun {tahun} tidak dipakai: tabel pengaduan memuat {inputs.tahun - 1} "
                f"dan {inputs.tahun}.",
                **inputs.where(PENGADUAN, record.cell("tahun")),
            )


def _aplikasi_years(inputs: Inputs) -> Iterator[Finding]:
    for record in inputs.records(APLIKASI_WEBSITE):
        tahun = record.get("tahun")
        if tahun is None or int(str(tahun)[:4]) <= inputs.tahun:
            continue
        yield error(
            "tahun_di_luar_rentang",
            f"Tahun {tahun} untuk '{quote(record.get('nama'))}' melewati tahun laporan "
            f"{inputs.tahun}.",
            **inputs.where(APLIKASI_WEBSITE, record.cell("tahun")),
        )


def _renstra_years(inputs: Inputs) -> Iterator[Finding]:
    table = inputs.table(RENSTRA)
    if table is None:
        return
    period = inputs.period.renstra_years
    outside = [year for year in table.years if year not in period]
    if outside:
        listed = ", ".join(str(y) for y in outside)
        yield peringatan(
            "tahun_target_di_luar_renstra",
            f"Kolom target tahun {listed} berada di luar periode Renstra {period.start}–"
            f"{period.stop - 1} (sheet Identitas); kolom itu tidak dipakai.",
            **inputs.where(RENSTRA),
        )
