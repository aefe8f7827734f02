"""Bab III's analyses (6) and (7) per sasaran strategis: the efficiency of the resources
(read from the efficiency table's cells, Tabel 3.18 in the example) and the programs and
kegiatan behind the result (read from Tabel 3.17's cells). Which programs serve a
sasaran is the IKU sheet's Program Pendukung column; nothing is recomputed here."""

from __future__ import annotations

from xlkip.render.dokumen.tabel import cell_text
from xlkip.rules.values import number_or_none
from xlkip.schema.kinerja import PROGRAM
from xlkip.sheet.expr import Ref
from xlkip.sheet.model import Slot
from xlkip.tables.anggaran import (
    AnggaranRinci,
    EfisiensiSasaran,
    ProgramCells,
    SasaranEfisiensi,
    anggaran_rinci,
    efisiensi_sasaran,
    program_link_filled,
)
from xlkip.tables.common import Context
from xlkip.tables.kinerja import SasaranRow
from xlkip.text import identity_text

EFISIENSI = "Efisiensi penggunaan sumber daya"
PROGRAM_KEGIATAN = "Program dan kegiatan pendukung"
PERSEN_COL, SISA_COL = 4, 5
"""Tabel 3.17's % and SISA ANGGARAN columns, on a program's and a kegiatan's row."""


def analyses(ctx: Context, sasaran: SasaranRow) -> list[tuple[str, list[str]]]:
    """(6) and (7) for one sasaran of Tabel 3.2, each a label and its sentences."""
    table: EfisiensiSasaran | None = ctx.maybe(efisiensi_sasaran)
    row = _row_of(table, sasaran) if table else None
    if row is None:
        why = _not_produced(ctx)
        return [
            (EFISIENSI, [f"{why}, sehingga efisiensi sasaran ini belum dapat dihitung."]),
            (PROGRAM_KEGIATAN, [f"{why}, sehingga program pendukungnya belum dapat diuraikan."]),
        ]
    if not row.programs:
        missing = (
            f"Kolom {PROGRAM.header} sheet IKU ({ctx.inputs.file_of('kinerja')}) tidak menyebut "
            f"program {ctx.inputs.file_of('anggaran')} untuk indikator sasaran ini"
        )
        return [
            (EFISIENSI, [f"{missing}, sehingga efisiensinya belum dapat dihitung."]),
            (PROGRAM_KEGIATAN, [f"{missing}."]),
        ]
    rinci = ctx.maybe(anggaran_rinci)
    return [
        (EFISIENSI, [_efisiensi(ctx, row)]),
        (PROGRAM_KEGIATAN, _programs(row, rinci)),
    ]


def _row_of(table: EfisiensiSasaran, sasaran: SasaranRow) -> SasaranEfisiensi | None:
    """The table's row whose capaian cell refers to this sasaran's cell in Tabel 3.2."""
    for row in table.rows:
        content = row.capaian.content
        if isinstance(content, Ref) and content.slot is sasaran.capaian:
            return row
    return None


def _not_produced(ctx: Context) -> str:
    if not program_link_filled(ctx.inputs):
        return (
            f"Kolom {PROGRAM.header} sheet IKU ({ctx.inputs.file_of('kinerja')}) belum diisi "
            "dengan program yang mendukung setiap indikator"
        )
    return (
        f"Realisasi anggaran per program tidak disusun (sheet Realisasi Anggaran "
        f"{ctx.inputs.file_of('anggaran')} belum diisi)"
    )


def shown(slot: Slot) -> str:
    return cell_text(slot.value(), slot.style.num_format)


def _number(slot: Slot) -> float | None:
    return number_or_none(slot.value())


def _efisiensi(ctx: Context, row: SasaranEfisiensi) -> str:
    where = ctx.label(efisiensi_sasaran)
    said = (
        f"Capaian kinerja sasaran ini {shown(row.capaian)}, dengan realisasi anggaran program "
        f"pendukungnya {shown(row.persen)} (Rp{shown(row.realisasi)} dari Rp"
        f"{shown(row.anggaran)}; {where})"
    )
    value = _number(row.efisiensi)
    if value is None:
        return f"{said}; efisiensinya tidak dapat dihitung karena salah satu angka itu kosong."
    rumus = ctx.inputs.setting("rumus_efisiensi")
    judged = verdict(_number(row.capaian), _number(row.persen), value)
    return f"{said}. Efisiensinya {shown(row.efisiensi)} ({rumus}), {judged}."


def verdict(capaian: float | None, persen: float | None, value: float) -> str:
    """What efficiency `value` says, given the sasaran's capaian and the share of its
    budget spent: efficient only when the target is reached, since a missed target
    with money left unspent is under-spending, not a saving."""
    missed = capaian is not None and capaian < 1
    if missed and value > 0:
        share = "sebagian besar" if persen is not None and persen < 0.5 else "sebagian"
        return (
            f"bukan efisiensi: target sasaran ini belum tercapai, sementara {share} anggaran "
            "program pendukungnya tidak terserap; angka ini menunjukkan anggaran yang tidak "
            "terserap, bukan penghematan"
        )
    if value > 0:
        return "efisien: capaian kinerja lebih tinggi daripada penyerapan anggaran"
    if value < 0:
        missed_too = "target sasaran ini belum tercapai dan " if missed else ""
        return (
            f"kurang efisien: {missed_too}capaian kinerja lebih rendah daripada penyerapan anggaran"
        )
    return "capaian kinerja seimbang dengan penyerapan anggaran"


def _programs(row: SasaranEfisiensi, rinci: AnggaranRinci | None) -> list[str]:
    capaian = _number(row.capaian)
    if capaian is None:
        lead = "Program yang mendukung sasaran ini:"
    elif capaian >= 1:
        lead = f"Sasaran ini tercapai ({shown(row.capaian)}) dengan dukungan program berikut."
    else:
        lead = (
            f"Sasaran ini belum tercapai ({shown(row.capaian)}); program yang mendukungnya "
            "adalah sebagai berikut."
        )
    rows = {identity_text(p.name): p for p in rinci.programs if p.name} if rinci else {}
    lines = [lead]
    for program in row.programs:
        detail = rows.get(identity_text(program.name))
        lines.append(_program(detail or program))
        if detail is not None:
            lines.append(_kegiatan(detail))
    return lines


def _beside(slot: Slot, col: int) -> Slot | None:
    """The cell in column `col` of `slot`'s row."""
    return slot.sheet.slot(slot.row, col)


def _program(program: ProgramCells) -> str:
    persen = _beside(program.anggaran, PERSEN_COL)
    ratio = f" ({shown(persen)})" if persen is not None else ""
    return (
        f"{program.name}: realisasi Rp{shown(program.realisasi)} dari anggaran "
        f"Rp{shown(program.anggaran)}{ratio}."
    )


def _kegiatan(program: ProgramCells) -> str:
    """The kegiatan of the highest and of the lowest absorption, with their figures."""
    ranked = []
    for kegiatan in program.kegiatan:
        persen = _beside(kegiatan.anggaran, PERSEN_COL)
        if persen is not None and _number(persen) is not None:
            ranked.append((_number(persen), kegiatan, persen))
    if not ranked:
        return "Penyerapan anggaran kegiatannya tidak dapat dihitung (anggarannya nol)."
    ranked.sort(key=lambda item: item[0])
    low, high = ranked[0], ranked[-1]
    if len(ranked) == 1:
        return f'Kegiatannya, "{high[1].name}", menyerap {shown(high[2])} anggarannya.'
    if low[0] == high[0]:
        return f"Semua kegiatannya menyerap {shown(high[2])} anggarannya."
    sisa = _beside(low[1].anggaran, SISA_COL)
    left = f", sisa Rp{shown(sisa)}" if sisa is not None else ""
    return (
        f'Kegiatan yang paling menunjang (penyerapan tertinggi) adalah "{high[1].name}" '
        f"({shown(high[2])}); yang paling menghambat (penyerapan terendah) adalah "
        f'"{low[1].name}" ({shown(low[2])}{left}).'
    )
