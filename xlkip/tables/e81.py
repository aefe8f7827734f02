"""Tabel E.81 of Permendagri 86/2017: the evaluation of the Renja of one perangkat daerah,
filled from the monitoring tables of the same workbook (every figure a formula on them).

The form's columns as it numbers them, each pair as K (kinerja) and Rp (anggaran):
(1) No, (2) Sasaran, (3) Kode, (4) Program/Kegiatan, (5) Indikator, (6) Target Renstra at
the end of its period, (7) realisasi of the Renstra up to last year's Renja, (8) target
of this year's Renja, (9)–(12) realisasi in TW I–IV, (13) realisasi of the Renja = (9) …
(12), (14) its level of achievement = (13) / (8), (15) realisasi of the Renstra up to this
year = (7) + (13), (16) its level of achievement = (15) / (6), (17) the responsible unit;
under them the mean capaian, its predikat, the factors and the follow-up.

An indicator's K follows its Cara Hitung where the form adds quarters: (13) is its
figure to date (the last quarter, the sum or the mean of the quarters). K (15) is (13),
not (7) + (13): the Renstra sheet of kinerja.xlsx holds a target per year as the level of
that year (not a running total), and (7) is only last year's realisasi, so adding years
would compare several years' flows with one year's level (5.325 informasi against 1.285).
The level reached this year is what the Renstra target is compared with. Rp (15) is
(7) + (13) as the form says: money spent adds up across years.

Before TW IV a Turun indicator summed per quarter has no capaian against a yearly target
((14), (16)): its partial sum is always below the year's, so (2 × target − sum) / target
would read as over-achievement (140% at TW II with every quarter on plan). Those cells
show "-" and a note under the form says why; from TW IV the sum is the year's figure.
Naik needs no such rule: a partial sum is below target, read as progress. Under each sasaran its
indicators carry K and then the programs they name in Program Pendukung (kinerja.xlsx)
carry Rp (the inputs hold no outcome indicator of a program itself); what the inputs do
not hold (the Renstra's money, the years before) shows "-".
"""

from __future__ import annotations

from itertools import groupby
from types import SimpleNamespace
from typing import Any

from xlkip.inputs import Inputs
from xlkip.perencanaan import renstra_links
from xlkip.rules.anggaran import persen_realisasi
from xlkip.rules.capaian import capaian, mean
from xlkip.rules.triwulan import TRIWULAN, partial_turun_sum, sampai_dengan
from xlkip.schema.anggaran import REALISASI_ANGGARAN
from xlkip.schema.kinerja import PROGRAM, program_names
from xlkip.schema.triwulan import EVALUASI, ROMAWI
from xlkip.sheet.expr import DASH, SUM, Expr, Range
from xlkip.sheet.model import SheetModel, Slot
from xlkip.tables.common import (
    CENTER,
    HEADER,
    HEADER_ROW,
    MONEY,
    MONEY_BOLD,
    PERCENT,
    PERCENT_BOLD,
    TEXT,
    TEXT_BOLD,
    Context,
    finish,
    header_span,
    new_sheet,
    value_cell,
)
from xlkip.tables.kinerja import indicator_style
from xlkip.tables.scale import skala_kinerja
from xlkip.text import identity_text

SHEET = "E.81"
COLUMNS = 28
"""(1)–(5) one column each, (6)–(16) a K and an Rp column each, (17) one."""
TEXT_ROWS = (
    ("faktor_pendorong", "Faktor pendorong keberhasilan pencapaian"),
    ("faktor_penghambat", "Faktor penghambat pencapaian kinerja"),
    ("tindak_lanjut_triwulan", "Tindak lanjut yang diperlukan dalam triwulan berikutnya"),
    (
        "tindak_lanjut_renja",
        "Tindak lanjut yang diperlukan dalam Renja Perangkat Daerah berikutnya",
    ),
)


UNNAMED = "Program yang tidak disebut indikator mana pun (kolom Program Pendukung IKU)"


def k_col(number: int) -> int:
    """The K column of the form's column (6) … (16); its Rp column is the next."""
    return 5 + 2 * (number - 6)


def e81(ctx: Context, iku: Any, budget: Any, triwulan: int) -> SheetModel:
    """The form under the monitoring tables; `iku` and `budget` are their results (either
    may be None)."""
    tahun = ctx.tahun
    period = ctx.inputs.period
    sheet = new_sheet(
        ctx,
        SHEET,
        f"Tabel E.81 Evaluasi terhadap Hasil Renja {ctx.subject} Tahun {tahun} "
        f"s.d. Triwulan {ROMAWI[triwulan - 1]}",
        _widths(),
    )
    _headers(sheet, tahun, period.renstra_akhir)
    row = first = HEADER_ROW + 3
    scale = ctx.get(skala_kinerja).scale if iku is not None else None
    k14_rows: list[int] = []
    program_rows: list[int] = []
    no_budget = SimpleNamespace(programs=[])
    row = _rows(ctx, sheet, row, iku, budget or no_budget, triwulan, (k14_rows, program_rows))
    row = _closing(ctx, sheet, row, scale, k14_rows, program_rows, triwulan)
    rows = iku.rows if iku is not None else []
    if any(partial_turun_sum(r.iku.get("arah"), r.plan.get("cara_hitung"), triwulan) for r in rows):
        sheet.merge((row, 0), (row, COLUMNS - 1), PARTIAL_NOTE, TEXT)
        row += 1
    finish(
        sheet,
        (HEADER_ROW, HEADER_ROW + 2),
        row - 1,
        f"Renstra, Renja, Rencana Aksi dan DPA {ctx.subject} (Permendagri 86/2017, Tabel E.81)",
        closing=row - first,
    )
    return sheet


PREDIKAT_WIDTH = 14
"""K (14) holds the predikat under the mean: a formula, whose text row heights do not
measure (render/layout.py measures typed text), so it must fit one line ("Sangat Rendah")
as in the Rp columns."""


def _widths() -> list[float]:
    widths: list[float] = [5, 20, 6, 24, 24, *([8, 14] * 11), 12]
    widths[k_col(14)] = PREDIKAT_WIDTH
    return widths


def _headers(sheet: SheetModel, tahun: int, akhir: int) -> None:
    top, k_row, numbers = HEADER_ROW, HEADER_ROW + 1, HEADER_ROW + 2
    singles = {
        0: "NO",
        1: "SASARAN",
        2: "KODE",
        3: "URUSAN/BIDANG URUSAN PEMERINTAHAN DAERAH DAN PROGRAM/KEGIATAN",
        4: "INDIKATOR KINERJA PROGRAM (OUTCOME)/KEGIATAN (OUTPUT)",
        COLUMNS - 1: "UNIT PERANGKAT DAERAH PENANGGUNG JAWAB",
    }
    pairs = {
        6: f"TARGET RENSTRA PERANGKAT DAERAH PADA TAHUN {akhir} (AKHIR PERIODE RENSTRA)",
        7: "REALISASI CAPAIAN KINERJA RENSTRA PERANGKAT DAERAH SAMPAI DENGAN RENJA "
        f"PERANGKAT DAERAH TAHUN LALU ({tahun - 1})",
        8: f"TARGET KINERJA DAN ANGGARAN RENJA PERANGKAT DAERAH TAHUN BERJALAN ({tahun}) "
        "YANG DIEVALUASI",
        **{8 + n: f"REALISASI KINERJA PADA TRIWULAN {ROMAWI[n - 1]}" for n in TRIWULAN},
        13: "REALISASI CAPAIAN KINERJA DAN ANGGARAN RENJA PERANGKAT DAERAH YANG DIEVALUASI",
        14: "TINGKAT CAPAIAN KINERJA DAN REALISASI ANGGARAN RENJA PERANGKAT DAERAH YANG "
        "DIEVALUASI (%)",
        15: f"REALISASI KINERJA DAN ANGGARAN RENSTRA PERANGKAT DAERAH S.D. TAHUN {tahun}",
        16: "TINGKAT CAPAIAN KINERJA DAN REALISASI ANGGARAN RENSTRA PERANGKAT DAERAH S.D. "
        f"TAHUN {tahun} (%)",
    }
    for col, text in singles.items():
        header_span(sheet, (top, col), (k_row, col), text)
        number = col + 1 if col < 5 else 17
        sheet.put(numbers, col, f"({number})", HEADER)
    for number, text in pairs.items():
        col = k_col(number)
        header_span(sheet, (top, col), (top, col + 1), text)
        sheet.put(k_row, col, "K", HEADER)
        sheet.put(k_row, col + 1, "Rp", HEADER)
        header_span(sheet, (numbers, col), (numbers, col + 1), f"({number})")


def _dashes(sheet: SheetModel, row: int, numbers: range, offset: int) -> None:
    for number in numbers:
        sheet.put(row, k_col(number) + offset, DASH, CENTER)


def _rows(
    ctx: Context,
    sheet: SheetModel,
    row: int,
    iku: Any,
    budget: Any,
    triwulan: int,
    placed: tuple[list[int], list[int]],
) -> int:
    """Each sasaran's indicators (K), then the programs its indicators name in Program
    Pendukung (Rp), as the form nests program under sasaran; the programs no indicator
    names come last. `placed` collects the rows of each kind."""
    k14_rows, program_rows = placed
    programs = {identity_text(name or ""): (name, money) for name, money in budget.programs}
    codes = program_codes(ctx.inputs)
    done: set[str] = set()
    groups = groupby(iku.rows if iku is not None else [], key=_sasaran_of)
    for number, (_, members) in enumerate(groups, start=1):
        group = list(members)
        for index, item in enumerate(group):
            first = index == 0
            sheet.put(row, 0, number if first else None, CENTER)
            sheet.put(row, 1, item.iku.get("sasaran") if first else None, TEXT)
            _iku_row(ctx, sheet, row, item, triwulan)
            k14_rows.append(row)
            row += 1
        for item in group:
            for name in program_names(item.iku.get(PROGRAM.key)):
                key = identity_text(name)
                if key in programs and key not in done:
                    done.add(key)
                    name, money = programs[key]
                    code = codes.get(key)
                    row = _program_row(sheet, row, name, code, money, triwulan, program_rows)
    rest = [(name, money) for key, (name, money) in programs.items() if key not in done]
    for index, (name, money) in enumerate(rest):
        code = codes.get(identity_text(name or ""))
        row = _program_row(sheet, row, name, code, money, triwulan, program_rows)
        if index == 0 and done:  # not under the last sasaran: no indicator names them
            sheet.put(row - 1, 1, UNNAMED, TEXT)
    return row


def _sasaran_of(item: Any) -> str:
    return identity_text(item.iku.get("sasaran", ""))


def _iku_row(ctx: Context, sheet: SheetModel, row: int, item: Any, triwulan: int) -> None:
    skala = ctx.get(skala_kinerja)
    cap = skala.cap.ref(absolute=True) if skala.cap is not None else None
    record, plan = item.iku, item.plan
    linked = renstra_links(ctx.inputs).get(identity_text(record.get("indikator")))
    end_target = linked.years.get(ctx.inputs.period.renstra_akhir) if linked else None
    style = indicator_style(record, end_target)
    arah, cara = record.get("arah"), plan.get("cara_hitung")
    sheet.put(row, 2, None, TEXT)
    sheet.put(row, 3, None, TEXT)
    sheet.put(row, 4, record.get("indikator"), TEXT)
    k6 = sheet.put(row, k_col(6), value_cell(end_target), style)
    sheet.put(row, k_col(7), value_cell(record.get("realisasi_lalu")), style)
    k8 = sheet.put(row, k_col(8), item.target_tahun.ref(), style)
    quarters = []
    for n in TRIWULAN:
        shown = item.realisasi_tw[n].ref() if n <= triwulan else None
        quarters.append(sheet.put(row, k_col(8 + n), shown, style).ref())
    k13 = sheet.put(row, k_col(13), sampai_dengan(cara, quarters[:triwulan]), style)
    k15 = sheet.put(row, k_col(15), k13.ref(), style)
    if partial_turun_sum(arah, cara, triwulan):
        _dashes(sheet, row, range(14, 17, 2), 0)
    else:
        sheet.put(row, k_col(14), capaian(k8.ref(), k13.ref(), arah, cap), PERCENT)
        sheet.put(row, k_col(16), capaian(k6.ref(), k15.ref(), arah, cap), PERCENT)
    _dashes(sheet, row, range(6, 17), 1)
    sheet.put(row, COLUMNS - 1, record.get("penanggung_jawab"), CENTER)


PARTIAL_NOTE = (
    "Catatan: capaian terhadap target tahunan (kolom 14 dan 16) indikator berarah Turun "
    'dengan Cara Hitung Per triwulan ditulis "-" sampai TW IV. Jumlah triwulan yang '
    "belum lengkap selalu lebih kecil dari angka setahun, sehingga rumus Turun "
    "(2 × target − realisasi) / target akan tampak melampaui target. Capaian s.d. "
    "triwulan ini terhadap target s.d. triwulan ini ada di Tabel 3.2."
)


def program_codes(inputs: Inputs) -> dict[str, str]:
    """Program name (identity) -> its code: the first three parts (urusan.bidang.program)
    of its sub kegiatan's codes in anggaran.xlsx, where they agree."""
    found: dict[str, set[str]] = {}
    for record in inputs.records(REALISASI_ANGGARAN):
        kode, program = record.get("kode"), record.get("program")
        parts = str(kode).split(".") if kode is not None else []
        if program is not None and len(parts) >= 3:
            found.setdefault(identity_text(program), set()).add(".".join(parts[:3]))
    return {name: next(iter(codes)) for name, codes in found.items() if len(codes) == 1}


def _program_row(
    sheet: SheetModel,
    row: int,
    name: Any,
    code: str | None,
    money: Any,
    triwulan: int,
    program_rows: list[int],
) -> int:
    for col in (0, 1, 4):
        sheet.put(row, col, None, TEXT)
    sheet.put(row, 2, code, TEXT)
    sheet.put(row, 3, name, TEXT)
    _dashes(sheet, row, range(6, 17), 0)
    _money_row(sheet, row, money.kas_tahun.ref(), money.realisasi, triwulan)
    sheet.put(row, COLUMNS - 1, None, CENTER)
    program_rows.append(row)
    return row + 1


def _money_row(
    sheet: SheetModel, row: int, kas: Expr, realisasi: dict[int, Any], triwulan: int
) -> None:
    """Rp (6) … (16) of one row: (13) = (9) + … + (12), (14) = (13) / (8), (15) = (7) +
    (13), (16) = (15) / (6)."""
    rp = {number: k_col(number) + 1 for number in range(6, 17)}
    sheet.put(row, rp[6], DASH, CENTER)
    sheet.put(row, rp[7], DASH, CENTER)
    r8 = sheet.put(row, rp[8], kas, MONEY)
    quarters = []
    for n in TRIWULAN:
        value = realisasi[n].ref() if n <= triwulan else None
        quarters.append(sheet.put(row, rp[8 + n], value, MONEY).ref())
    r13 = sheet.put(row, rp[13], SUM(*quarters[:triwulan]), MONEY)
    sheet.put(row, rp[14], persen_realisasi(r8.ref(), r13.ref()), PERCENT)
    r15 = sheet.put(row, rp[15], SUM(sheet.slot(row, rp[7]).ref(), r13.ref()), MONEY)
    sheet.put(row, rp[16], persen_realisasi(sheet.slot(row, rp[6]).ref(), r15.ref()), PERCENT)


def _closing(
    ctx: Context,
    sheet: SheetModel,
    row: int,
    scale: Any,
    k14_rows: list[int],
    program_rows: list[int],
    triwulan: int,
) -> int:
    """JUMLAH of the programs, the mean capaian and its predikat, then the form's text."""
    last_col = COLUMNS - 1
    total_rp14: Slot | None = None
    if program_rows:
        sheet.merge((row, 0), (row, 4), "JUMLAH", TEXT_BOLD)
        first, last = program_rows[0], program_rows[-1]

        def total(number: int) -> Expr:
            col = k_col(number) + 1
            return SUM(Range(sheet, first, col, last, col))

        _dashes(sheet, row, range(6, 17), 0)
        for number in (6, 7, 16):
            sheet.put(row, k_col(number) + 1, DASH, CENTER)
        kas = sheet.put(row, k_col(8) + 1, total(8), MONEY_BOLD)
        for n in TRIWULAN:
            shown = total(8 + n) if n <= triwulan else None
            sheet.put(row, k_col(8 + n) + 1, shown, MONEY_BOLD)
        r13 = sheet.put(row, k_col(13) + 1, total(13), MONEY_BOLD)
        total_rp14 = sheet.put(
            row, k_col(14) + 1, persen_realisasi(kas.ref(), r13.ref()), PERCENT_BOLD
        )
        sheet.put(row, k_col(15) + 1, total(15), MONEY_BOLD)
        sheet.put(row, last_col, None, TEXT)
        row += 1
    label = "RATA-RATA CAPAIAN KINERJA TERHADAP TARGET TAHUNAN (%)"
    sheet.merge((row, 0), (row, 4), label, TEXT_BOLD)
    rata = None
    if k14_rows:
        col = k_col(14)
        rata = sheet.put(
            row, col, mean(Range(sheet, k14_rows[0], col, k14_rows[-1], col)), PERCENT_BOLD
        )
    else:
        sheet.put(row, k_col(14), DASH, CENTER)
    sheet.put(row, k_col(14) + 1, total_rp14.ref() if total_rp14 else DASH, PERCENT_BOLD)
    row += 1
    sheet.merge((row, 0), (row, 4), "PREDIKAT KINERJA", TEXT_BOLD)
    if scale is not None and rata is not None:
        sheet.put(row, k_col(14), scale.predikat(rata.ref()), TEXT_BOLD)
        if total_rp14 is not None:
            sheet.put(row, k_col(14) + 1, scale.predikat(total_rp14.ref()), TEXT_BOLD)
    row += 1
    form = ctx.inputs.form(EVALUASI)
    for key, label in TEXT_ROWS:
        sheet.merge((row, 0), (row, 4), label, TEXT_BOLD)
        typed = form.get(key) if form is not None else None
        sheet.merge((row, 5), (row, last_col), None if typed is None else str(typed), TEXT)
        row += 1
    return row
