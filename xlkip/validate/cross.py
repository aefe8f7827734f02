"""Tables against each other: an IKU realisasi against the table that proves it."""

from __future__ import annotations

from collections.abc import Iterator

from xlkip.evidence import EVIDENCE, Evidence
from xlkip.findings import Finding, error, info, peringatan
from xlkip.inputs import Inputs
from xlkip.instrumen.indeks import index_of
from xlkip.names import same_pemda
from xlkip.perencanaan import as_in_row, iku_link
from xlkip.read.cells import quote
from xlkip.read.records import Record
from xlkip.rules.rounding import excel_round
from xlkip.schema import KIND_OF_SHEET
from xlkip.schema.kinerja import IKU, RENSTRA
from xlkip.schema.spbe import INDEKS_DAERAH, NILAI_ASPEK, other_pemda, province_list_pending
from xlkip.text import angka, identity_text, nilai, persen


def check(inputs: Inputs) -> Iterator[Finding]:
    yield from _iku_evidence(inputs)
    yield from _renstra_links(inputs)
    yield from _spbe_weights(inputs)
    yield from _spbe_province(inputs)
    yield from _old_index_names(inputs)
    yield from _scores_of_another_instrument(inputs)


def _iku_evidence(inputs: Inputs) -> Iterator[Finding]:
    for record in inputs.records(IKU):
        bukti = record.get("bukti")
        if bukti is None:
            continue
        source = EVIDENCE[bukti]
        kind = KIND_OF_SHEET[id(source.sheet)]
        if inputs.has(kind) and not source.usable(inputs):
            continue  # its own errors are reported; comparing would only echo them
        for key, year in (("realisasi", inputs.tahun), ("realisasi_lalu", inputs.tahun - 1)):
            typed = record.get(key)
            if typed is None:
                continue
            evidence = source.compute(inputs, year)
            if evidence is None:
                yield _no_evidence(inputs, record, bukti, kind)
                break
            if excel_round(typed, evidence.digits) != excel_round(evidence.value, evidence.digits):
                yield _contradiction(inputs, record, key, evidence, kind)


def _no_evidence(inputs: Inputs, record: Record, bukti: str, kind: str) -> Finding:
    return info(
        "bukti_tidak_tersedia",
        f"Bukti '{bukti}' belum dapat diperiksa: {inputs.file_of(kind)} tidak ada "
        "atau belum berisi datanya.",
        **inputs.where(IKU, record.cell("bukti")),
    )


def _contradiction(
    inputs: Inputs, record: Record, key: str, evidence: Evidence, kind: str
) -> Finding:
    typed = as_in_row(record.get(key), record)
    label = "Realisasi" if key == "realisasi" else "Realisasi tahun lalu"
    return peringatan(
        "realisasi_beda_bukti",
        f"{label} '{quote(record.get('indikator'))}' tertulis {typed}, tetapi menurut "
        f"{evidence.shown}. Samakan realisasi dengan tabel buktinya, atau perbaiki data di "
        f"{inputs.file_of(kind)}.",
        **inputs.where(IKU, record.cell(key)),
    )


def _renstra_links(inputs: Inputs) -> Iterator[Finding]:
    if not inputs.clean(IKU):
        return
    iku = {identity_text(r.get("indikator")): r for r in inputs.records(IKU)}
    for record in inputs.records(RENSTRA):
        link = iku_link(record)
        if link is None:
            continue
        target = iku.get(identity_text(link))
        if target is None:
            yield peringatan(
                "iku_tidak_ditemukan",
                f"Indikator '{quote(link)}' tidak ada di sheet IKU. Pilih nama indikator dari "
                "daftar.",
                **inputs.where(RENSTRA, record.cell("iku")),
            )
            continue
        mine, theirs = record.get("realisasi"), target.get("realisasi")
        if mine is None or theirs is None or excel_round(mine, 4) == excel_round(theirs, 4):
            continue
        yield peringatan(
            "realisasi_renstra_beda",
            f"Realisasi '{quote(record.get('indikator'))}' tertulis "
            f"{nilai(mine, record.get('satuan'))}, tetapi realisasi IKU yang sama "
            f"('{quote(target.get('indikator'))}', sheet IKU sel {target.cell('realisasi')}) "
            f"{as_in_row(theirs, target)}. Samakan keduanya.",
            **inputs.where(RENSTRA, record.cell("realisasi")),
        )


def _spbe_weights(inputs: Inputs) -> Iterator[Finding]:
    rows = inputs.records(NILAI_ASPEK)
    if not rows or not inputs.clean(NILAI_ASPEK):
        return
    total = sum(r.get("bobot", 0) for r in rows)
    if excel_round(total, 6) == 1:
        return
    cells = f"{rows[0].cell('bobot')}:{rows[-1].cell('bobot')}"
    instrument = inputs.instrument
    yield error(
        "bobot_spbe_tidak_100",
        f"Jumlah bobot {instrument.unsur} {instrument.nama} {persen(total)}, seharusnya 100%. "
        f"Periksa bobot tiap {instrument.unsur} menurut hasil evaluasi yang diterima "
        f"({instrument.dasar_hukum}).",
        **inputs.where(NILAI_ASPEK, cells),
    )


def _spbe_province(inputs: Inputs) -> Iterator[Finding]:
    """The province list: every index typed, except the office's own row, which may be
    left blank (its index is computed from the aspects) and otherwise must agree."""
    own = inputs.identitas("pemerintah_daerah")
    table = inputs.table(INDEKS_DAERAH)
    if table is None:
        return
    computed = _computed_index(inputs)
    from xlkip.tables.registry import label as label_of
    from xlkip.tables.spbe import indeks_spbe

    label = label_of(inputs, indeks_spbe)
    cited = f" ({label})" if label else ""
    pending = province_list_pending(table.records, own)
    if pending:
        yield _province_list_not_updated(inputs, other_pemda(table.records, own))
    for record in table.records:
        typed, cell = record.get("indeks"), record.cell("indeks")
        mine = own is not None and same_pemda(record.get("instansi"), own)
        where = inputs.where(INDEKS_DAERAH, cell)
        if typed is None and cell not in table.problem_cells and not mine and not pending:
            yield error(
                "wajib_kosong",
                f"Indeks '{quote(record.get('instansi'))}' kosong. Isi sesuai Keputusan "
                f"MenPANRB; hanya baris pemda sendiri ({own or 'Identitas'}) yang boleh kosong.",
                **where,
            )
        elif typed is None and mine and computed is None and inputs.clean(NILAI_ASPEK):
            # (an unclean Nilai Aspek has its own errors: this would only echo them)
            yield peringatan(
                "indeks_sendiri_kosong",
                f"Indeks {own} kosong dan tidak dapat dihitung karena sheet Nilai Aspek belum "
                "berisi nilai. Isi nilainya, atau ketik indeksnya di sini.",
                **where,
            )
        elif (
            mine
            and typed is not None
            and computed is not None
            and excel_round(typed, 2) != excel_round(computed, 2)
        ):
            yield peringatan(
                "indeks_sendiri_beda",
                f"Indeks {own} tertulis {angka(typed, 2)}, tetapi menurut sheet Nilai "
                f"Aspek{cited} {angka(computed, 2)}. Samakan keduanya, atau kosongkan sel ini "
                "agar diisi hasil hitungan.",
                **where,
            )


def _province_list_not_updated(inputs: Inputs, others: list[Record]) -> Finding:
    """One finding for a list of names without an index, instead of one error per row."""
    nama = inputs.instrument.nama
    cells = f"{others[0].cell('indeks')}:{others[-1].cell('indeks')}"
    return peringatan(
        "daftar_daerah_belum_diperbarui",
        f"Daftar {len(others)} pemerintah daerah di sheet ini belum berisi {nama} satu pun: "
        f"daftarnya masih daftar tahun lalu (disalin oleh xlkip init --dari) atau belum "
        f"selesai diisi. Ketik {nama} tahun {inputs.tahun} tiap daerah pada kolom '{nama}' "
        "sesuai Keputusan MenPANRB, dan hapus baris daerah yang tidak tercantum; bila "
        "keputusannya belum terbit, kosongkan daftar ini. Sampai diisi, tabel peringkat "
        "se-provinsi tidak dibuat.",
        **inputs.where(INDEKS_DAERAH, cells),
    )


def _computed_index(inputs: Inputs) -> float | None:
    if not inputs.clean(NILAI_ASPEK):
        return None
    return index_of(inputs.instrument, inputs.records(NILAI_ASPEK), "nilai")


def _old_index_names(inputs: Inputs) -> Iterator[Finding]:
    """An IKU still named after the instrument this year's replaced ("Indeks SPBE" in a
    2026 report): the Perjanjian Kinerja names the new index."""
    instrument = inputs.instrument
    words = [identity_text(w) for w in instrument.nama_lama]
    if not words:
        return
    for record in inputs.records(IKU):
        name = identity_text(record.get("indikator", ""))
        if not any(f" {w} " in f" {name} " for w in words):
            continue
        yield peringatan(
            "nama_indeks_lama",
            f"Indikator '{quote(record.get('indikator'))}' memakai nama evaluasi lama. Mulai "
            f"tahun {instrument.tahun_dari} evaluasinya {instrument.nama_evaluasi} "
            f"({instrument.pasal_nama}): ganti menjadi '{instrument.nama}', sesuai Perjanjian "
            "Kinerja.",
            **inputs.where(IKU, record.cell("indikator")),
        )


def _scores_of_another_instrument(inputs: Inputs) -> Iterator[Finding]:
    """Nilai tahun lalu typed on this year's items although last year was evaluated with
    another instrument: one of the two is wrong."""
    if not inputs.lintas_instrumen or not inputs.clean(NILAI_ASPEK):
        return
    typed = [r for r in inputs.records(NILAI_ASPEK) if r.get("nilai_lalu") is not None]
    if not typed:
        return
    before, now = inputs.instrument_lalu, inputs.instrument
    yield peringatan(
        "nilai_lalu_instrumen_lain",
        f"Kolom Nilai Tahun Lalu terisi, padahal tahun {inputs.tahun - 1} dinilai dengan "
        f"{before.nama}, bukan {now.nama} (sheet Indeks Tahun Lalu). Kosongkan kolom itu dan "
        f"tulis indeks akhir {inputs.tahun - 1} di sheet Indeks Tahun Lalu, atau pilih "
        f"{now.nama} di sana bila tahun lalu memang dinilai per {now.unsur} yang sama.",
        **inputs.where(NILAI_ASPEK, typed[0].cell("nilai_lalu")),
    )
