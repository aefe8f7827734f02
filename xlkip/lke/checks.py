"""The checks the LKE criteria name (`periksa` in the edition's JSON): pure functions
of the inputs and the run's findings, each returning a Status with why and where.

The narrative's own checks (validate/narasi.py) already find prose left empty or carried
from last year (narasi_kosong, narasi_tahun_lalu); the criteria read those findings at
their cells rather than detecting it again."""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from xlkip.findings import Report
from xlkip.inputs import Inputs
from xlkip.lke.status import BELUM, SEBAGIAN, TERPENUHI, TIDAK_DAPAT, Status
from xlkip.perencanaan import pk_target, renstra_links, renstra_target, uses_bab_ii
from xlkip.read.cells import quote
from xlkip.read.records import Record
from xlkip.schema import narasi, triwulan
from xlkip.schema.anggaran import REALISASI_ANGGARAN
from xlkip.schema.base import FormSheet, TableSheet
from xlkip.schema.identitas import IDENTITAS, PENGATURAN
from xlkip.schema.kinerja import IKU, PROGRAM, RENSTRA, program_names
from xlkip.tanggal import parse_tanggal, tanggal_id
from xlkip.text import identity_text, nilai
from xlkip.validate.program import budget_programs

STALE_NARASI = ("narasi_tahun_lalu", "narasi_kosong")
"""Findings (of the narrative's checks) that mark a narasi cell as last year's or empty."""


@dataclass
class Bahan:
    """What a check reads: the inputs and every finding of the run."""

    inputs: Inputs
    report: Report
    _stale: set[tuple[str | None, str | None]] | None = field(default=None, repr=False)

    def stale(self, sheet: str, cell: str | None) -> bool:
        """A finding says this narasi cell still holds last year's text, or is empty."""
        if self._stale is None:
            self._stale = {(f.sheet, f.sel) for f in self.report.findings if f.kode in STALE_NARASI}
        return (sheet, cell) in self._stale


Check = Callable[[Bahan], Status]
CHECKS: dict[str, Check] = {}


def check(name: str) -> Callable[[Check], Check]:
    def register(fn: Check) -> Check:
        CHECKS[name] = fn
        return fn

    return register


# ---- where to act ------------------------------------------------------------------


def at(inputs: Inputs, sheet: TableSheet | FormSheet, cell: str | None = None) -> str:
    """ "kinerja.xlsx, sheet IKU, sel E5" """
    where = f"{inputs.file_of_sheet(sheet)}, sheet {sheet.name}"
    return f"{where}, sel {cell}" if cell else where


def form_cell(inputs: Inputs, sheet: FormSheet, key: str) -> str:
    form = inputs.form(sheet)
    cell = form.cells.get(key) if form else None
    if cell:
        return at(inputs, sheet, cell)
    label = sheet.field(key).label  # a template older than the field lacks its row
    return f"{at(inputs, sheet)} (tambahkan baris: kolom A '{label}', kolom B isinya)"


@dataclass(frozen=True)
class Item:
    """One thing a criterion needs (an indicator, a sasaran): met or not, and where."""

    name: str
    ok: bool
    where: str
    lack: str = ""
    """What it lacks, in a few words."""


def coverage(items: list[Item], what: str, fix: str, none_where: str) -> Status:
    """All met: terpenuhi; none: belum; some: sebagian, naming the first that is not."""
    if not items:
        return Status(BELUM, f"Belum ada {what}. {fix}", none_where)
    missing = [i for i in items if not i.ok]
    if not missing:
        return Status(TERPENUHI, f"Semua {len(items)} {what} lengkap.", "-")
    first = missing[0]
    named = f"{quote(first.name)}: {first.lack}" if first.lack else quote(first.name)
    more = f" dan {len(missing) - 1} lainnya" if len(missing) > 1 else ""
    status = BELUM if len(missing) == len(items) else SEBAGIAN
    why = f"{len(items) - len(missing)} dari {len(items)} {what} lengkap; belum: {named}{more}."
    return Status(status, f"{why} {fix}", first.where)


def filled(value: object) -> bool:
    return value is not None and str(value).strip() != ""


def _iku(inputs: Inputs) -> list[Record]:
    return [r for r in inputs.records(IKU) if r.get("indikator") is not None]


def _sasaran(inputs: Inputs) -> list[str]:
    return list(dict.fromkeys(str(r.get("sasaran")) for r in _iku(inputs) if r.get("sasaran")))


# ---- 3.a Keberadaan ----------------------------------------------------------------


@check("laporan_disusun")
def laporan_disusun(b: Bahan) -> Status:
    if not _iku(b.inputs):
        return Status(
            BELUM,
            "Sheet IKU belum berisi indikator: tabel Bab III tidak dapat disusun.",
            at(b.inputs, IKU),
        )
    if not b.inputs.has(narasi.TEMPLATE.kind):
        return Status(
            SEBAGIAN,
            "Tabel Bab I–III dapat disusun, tetapi teks laporan belum ada: buat narasi.xlsx "
            "(xlkip init FOLDER --modul narasi), isi, lalu susun dokumennya dengan xlkip "
            "compile --dokumen.",
            narasi.TEMPLATE.filename,
        )
    written = [r for r in b.inputs.records(narasi.NARASI) if filled(r.get("isi"))]
    if not written:
        return Status(
            SEBAGIAN,
            "Tabel Bab I–III dapat disusun, tetapi belum ada bagian laporan yang ditulis di "
            "sheet Narasi: isi teksnya, lalu susun dokumennya dengan xlkip compile --dokumen.",
            at(b.inputs, narasi.NARASI),
        )
    return Status(
        TERPENUHI,
        "Tabel dan teks laporan tersedia: xlkip compile --dokumen menyusun draf Bab I–IV.",
        "-",
    )


SIGNATURE = (("kepala", "nama kepala"), ("nip", "NIP kepala"), ("jabatan", "jabatan kepala"))


@check("ditandatangani")
def ditandatangani(b: Bahan) -> Status:
    """Formalised: signed by the kepala (name, NIP, jabatan) on a date."""
    lacking = [
        (IDENTITAS, key, words) for key, words in SIGNATURE if not filled(b.inputs.identitas(key))
    ]
    if not filled(b.inputs.setting("tanggal_laporan")):
        lacking.append((PENGATURAN, "tanggal_laporan", "tanggal penandatanganan"))
    if not lacking:
        return Status(
            TERPENUHI,
            "Laporan ditandatangani kepala (nama, NIP, jabatan) dan bertanggal.",
            "-",
        )
    sheet, key, _ = lacking[0]
    names = ", ".join(words for _, _, words in lacking)
    status = BELUM if not filled(b.inputs.identitas("kepala")) else SEBAGIAN
    return Status(
        status,
        f"Belum diisi: {names}. Kata Pengantar dan lembar Perjanjian Kinerja ditandatangani "
        "kepala dengan nama, NIP dan tanggal; tanpa itu laporan dianggap belum diformalkan.",
        form_cell(b.inputs, sheet, key),
    )


def batas_baku(tahun: int) -> dt.date:
    """Two months after the budget year ends: the last day of February of tahun + 1."""
    return dt.date(tahun + 1, 2, calendar.monthrange(tahun + 1, 2)[1])


@check("tepat_waktu")
def tepat_waktu(b: Bahan) -> Status:
    inputs = b.inputs
    typed_batas = inputs.setting("batas_penyampaian")
    batas = parse_tanggal(typed_batas) if filled(typed_batas) else batas_baku(inputs.tahun)
    if batas is None:
        return Status(
            BELUM,
            f"Batas penyampaian {quote(typed_batas)} tidak terbaca sebagai tanggal. Tulis "
            "mis. 28-02-2025, atau kosongkan untuk batas baku (akhir Februari).",
            form_cell(inputs, PENGATURAN, "batas_penyampaian"),
        )
    where = form_cell(inputs, PENGATURAN, "tanggal_laporan")
    typed = inputs.setting("tanggal_laporan")
    if not filled(typed):
        return Status(
            BELUM,
            f"Tanggal penandatanganan laporan belum diisi, jadi ketepatan waktu tidak terlihat. "
            f"Isi tanggalnya; batas penyampaian {tanggal_id(batas)}.",
            where,
        )
    tanggal = parse_tanggal(typed)
    if tanggal is None:
        return Status(
            BELUM,
            f"Tanggal {quote(typed)} tidak terbaca sebagai tanggal. Tulis mis. 20-02-2025.",
            where,
        )
    if tanggal > batas:
        return Status(
            BELUM,
            f"Laporan bertanggal {tanggal_id(tanggal)}, sesudah batas penyampaian "
            f"{tanggal_id(batas)}. Tandatangani dan sampaikan sebelum batas itu.",
            where,
        )
    return Status(
        TERPENUHI,
        f"Laporan bertanggal {tanggal_id(tanggal)}, tidak melewati batas penyampaian "
        f"{tanggal_id(batas)}.",
        "-",
    )


# ---- 3.b Kualitas ------------------------------------------------------------------


def _narasi_rows(inputs: Inputs, sheet: TableSheet, key: str) -> dict[str, Record]:
    return {identity_text(r.get(key)): r for r in inputs.records(sheet) if r.get(key) is not None}


def _no_narasi(what: str) -> Status:
    return Status(
        BELUM,
        f"Template narasi.xlsx belum ada, jadi {what} belum tertulis. Buat dengan xlkip init "
        "FOLDER --modul narasi, lalu isi.",
        narasi.TEMPLATE.filename,
    )


def _prose_item(
    b: Bahan, sheet: TableSheet, rows: dict[str, Record], name: str, keys: tuple[str, ...]
) -> Item:
    """One row of staff prose (a section of Narasi, a sasaran of Narasi Sasaran): its row
    there, each of `keys` written and not last year's text."""
    row = rows.get(identity_text(name))
    if row is None:
        where = f"{at(b.inputs, sheet)} (tambah baris {quote(name)})"
        return Item(name, False, where, "belum ada barisnya")
    for key in keys:
        cell = row.cell(key)
        which = f"{key} " if len(keys) > 1 else ""
        if not filled(row.get(key)):
            return Item(name, False, at(b.inputs, sheet, cell), f"{which}kosong")
        if b.stale(sheet.name, cell):
            return Item(name, False, at(b.inputs, sheet, cell), f"{which}masih teks tahun lalu")
    return Item(name, True, at(b.inputs, sheet, row.cell(keys[0])))


def _section_item(b: Bahan, rows: dict[str, Record], bagian: str) -> Item:
    return _prose_item(b, narasi.NARASI, rows, bagian, ("isi",))


@check("sesuai_standar")
def sesuai_standar(b: Bahan) -> Status:
    """PermenPANRB 53/2014's outline: every section of Bab I and IV written, and Bab II's
    tables (Renstra, PK) made."""
    inputs = b.inputs
    rows = _narasi_rows(inputs, narasi.NARASI, "bagian")
    items = [_section_item(b, rows, bagian) for bagian in narasi.BAGIAN]
    if not inputs.has(narasi.TEMPLATE.kind):
        items = [
            Item(bagian, False, narasi.TEMPLATE.filename, "narasi.xlsx belum ada")
            for bagian in narasi.BAGIAN
        ]
    items.append(
        Item(
            "Bab II (tabel Sasaran Strategis dan Perjanjian Kinerja)",
            uses_bab_ii(inputs),
            at(inputs, IKU),
            "kolom Bab II di sheet IKU belum diisi",
        )
    )
    return coverage(
        items,
        "bagian laporan menurut PermenPANRB 53/2014",
        "Isi setiap bagian agar dokumen memuat Bab I–IV yang lengkap.",
        at(inputs, narasi.NARASI),
    )


def capaian_ada(record: Record) -> bool:
    """Capaian can be computed (the rule shows "-" otherwise: xlkip.rules.capaian)."""
    target, realisasi = record.get("target"), record.get("realisasi")
    return isinstance(target, int | float) and isinstance(realisasi, int | float) and target != 0


@check("seluruh_capaian")
def seluruh_capaian(b: Bahan) -> Status:
    """Every PK indicator with target, realisasi and so a capaian."""
    items = []
    for r in _iku(b.inputs):
        lack = [
            w for k, w in (("target", "target"), ("realisasi", "realisasi")) if r.get(k) is None
        ]
        key = "realisasi" if r.get("target") is not None else "target"
        if not lack and not capaian_ada(r):
            lack, key = ["target 0, capaian tidak dapat dihitung"], "target"
        items.append(
            Item(str(r.get("indikator")), not lack, at(b.inputs, IKU, r.cell(key)), ", ".join(lack))
        )
    return coverage(
        items,
        "indikator Perjanjian Kinerja dengan target, realisasi dan capaian",
        "Isi target dan realisasi setiap indikator di sheet IKU.",
        at(b.inputs, IKU),
    )


def _same(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


@check("target_tahunan")
def target_tahunan(b: Bahan) -> Status:
    """Realisasi against the year's target, with the PK target the Renstra's."""
    inputs = b.inputs
    links = renstra_links(inputs)
    items = []
    for r in _iku(inputs):
        name = str(r.get("indikator"))
        if not capaian_ada(r):
            items.append(
                Item(
                    name,
                    False,
                    at(inputs, IKU, r.cell("target")),
                    "target atau realisasi belum ada",
                )
            )
            continue
        pk, renstra = pk_target(r), renstra_target(inputs, r, links)
        if pk is not None and renstra is not None and not _same(pk.value, renstra.value):
            items.append(
                Item(
                    name,
                    False,
                    at(inputs, IKU, pk.cell),
                    f"target PK {nilai(pk.value, r.get('satuan'))} berbeda dengan target "
                    f"Renstra {nilai(renstra.value, r.get('satuan'))} (sheet {renstra.sheet} "
                    f"sel {renstra.cell})",
                )
            )
            continue
        items.append(Item(name, True, at(inputs, IKU, r.cell("target"))))
    return coverage(
        items,
        "indikator dengan target tahunan yang sama dengan Renstra dan realisasinya",
        "Target Perjanjian Kinerja semestinya sama dengan target Renstra tahun ini; bila "
        "berbeda, betulkan salah satunya atau jelaskan perubahannya di Bab II.",
        at(inputs, IKU),
    )


@check("target_jangka_menengah")
def target_jangka_menengah(b: Bahan) -> Status:
    """Each indicator's Renstra end-of-period target is there to compare with."""
    inputs = b.inputs
    akhir = inputs.identitas("renstra_akhir")
    if not isinstance(akhir, int):
        return Status(
            BELUM,
            "Akhir periode Renstra belum diisi.",
            form_cell(inputs, IDENTITAS, "renstra_akhir"),
        )
    links = renstra_links(inputs)
    items = []
    for r in _iku(inputs):
        row = links.get(identity_text(r.get("indikator")))
        name = str(r.get("indikator"))
        if row is None:
            items.append(
                Item(
                    name,
                    False,
                    f"{at(inputs, RENSTRA)} (tambah baris {quote(name)})",
                    "tidak ada di sheet Renstra",
                )
            )
            continue
        where = at(inputs, RENSTRA, row.year_cell(akhir) or row.cell("indikator"))
        items.append(
            Item(
                name,
                row.years.get(akhir) is not None,
                where,
                f"target akhir Renstra {akhir} kosong",
            )
        )
    return coverage(
        items,
        f"indikator dengan target akhir Renstra ({akhir})",
        "Isi target setiap tahun Renstra di sheet Renstra agar realisasi dapat dibandingkan "
        "dengan target jangka menengah.",
        at(inputs, RENSTRA),
    )


@check("tahun_sebelumnya")
def tahun_sebelumnya(b: Bahan) -> Status:
    items = [
        Item(
            str(r.get("indikator")),
            r.get("realisasi_lalu") is not None,
            at(b.inputs, IKU, r.cell("realisasi_lalu")),
            f"realisasi {b.inputs.tahun - 1} kosong",
        )
        for r in _iku(b.inputs)
    ]
    return coverage(
        items,
        "indikator dengan realisasi tahun lalu",
        'Isi kolom Realisasi Tahun Lalu (untuk indikator baru tulis "-" dan jelaskan di '
        "narasi); xlkip init --dari mengisinya dari isian tahun lalu.",
        at(b.inputs, IKU),
    )


def _standar_item(inputs: Inputs, row: Record | None, iku: Record) -> tuple[Item, bool]:
    """One indicator's row of narasi's sheet Standar Nasional: "Ada" with nilai and
    sumber, or "Tidak ada"; and whether it names a standard."""
    sheet, name = narasi.STANDAR, str(iku.get("indikator"))
    if row is None:
        where = f"{at(inputs, sheet)} (tambah baris {quote(name)})"
        return Item(name, False, where, "belum ada barisnya"), False
    ada = row.get("ada")
    if ada == narasi.TIDAK_ADA:
        return Item(name, True, at(inputs, sheet, row.cell("ada"))), False
    if ada != narasi.ADA:
        lack = f'kolom Standar Nasional belum diisi "{narasi.ADA}" atau "{narasi.TIDAK_ADA}"'
        return Item(name, False, at(inputs, sheet, row.cell("ada")), lack), False
    for key in ("nilai", "sumber"):
        if row.get(key) is None:
            return Item(name, False, at(inputs, sheet, row.cell(key)), f"{key} kosong"), False
    return Item(name, True, at(inputs, sheet, row.cell("nilai"))), True


@check("standar_nasional")
def standar_nasional(b: Bahan) -> Status:
    """A national standard (nilai and sumber), or explicitly none, for each indicator."""
    if not b.inputs.has(narasi.TEMPLATE.kind):
        return _no_narasi("pembanding standar nasional")
    rows = _narasi_rows(b.inputs, narasi.STANDAR, "indikator")
    found = [
        _standar_item(b.inputs, rows.get(identity_text(r.get("indikator"))), r)
        for r in _iku(b.inputs)
    ]
    status = coverage(
        [item for item, _ in found],
        "indikator dengan pembanding standar nasional (diisi atau dinyatakan tidak ada)",
        f'Tulis nilai standar nasional beserta sumbernya, atau pilih "{narasi.TIDAK_ADA}".',
        at(b.inputs, narasi.STANDAR),
    )
    if status.status != TERPENUHI:
        return status
    named = sum(has for _, has in found)
    return Status(
        TERPENUHI,
        f"{status.why} {named} di antaranya dengan nilai standar; sisanya dinyatakan tidak ada.",
        "-",
    )


def _analisis_item(b: Bahan, rows: dict[str, Record], sasaran: str) -> Item:
    return _prose_item(b, narasi.NARASI_SASARAN, rows, sasaran, narasi.NARASI_SASARAN_COLUMNS)


@check("upaya_dan_hambatan")
def upaya_dan_hambatan(b: Bahan) -> Status:
    """Causes, obstacles and solutions written for each sasaran, and not last year's."""
    if not b.inputs.has(narasi.TEMPLATE.kind):
        return _no_narasi("penyebab, kendala dan solusi per sasaran")
    rows = _narasi_rows(b.inputs, narasi.NARASI_SASARAN, "sasaran")
    items = [_analisis_item(b, rows, sasaran) for sasaran in _sasaran(b.inputs)]
    return coverage(
        items,
        "sasaran dengan penyebab, kendala dan solusi tahun ini",
        "Tulis analisis tahun ini untuk setiap sasaran; evaluator memberi nilai sebagian untuk "
        "tabel tanpa penjelasan.",
        at(b.inputs, narasi.NARASI_SASARAN),
    )


@check("efisiensi")
def efisiensi(b: Bahan) -> Status:
    """The budget is there (efficiency, Tabel Realisasi Anggaran) and each indicator names
    the programs serving it (Program Pendukung), so efficiency reads per sasaran
    (analyses 6 and 7)."""
    inputs = b.inputs
    budget = budget_programs(inputs)
    if not budget:
        return Status(
            BELUM,
            "Realisasi anggaran per program belum ada, jadi efisiensi tidak dapat dihitung.",
            at(inputs, REALISASI_ANGGARAN),
        )
    items = []
    for r in _iku(inputs):
        named = program_names(r.get(PROGRAM.key))
        unknown = [p for p in named if identity_text(p) not in budget]
        lack = "program belum diisi" if not named else ""
        if unknown:
            lack = f"program '{quote(unknown[0])}' tidak ada di anggaran"
        where = at(inputs, IKU, r.cell(PROGRAM.key))
        items.append(Item(str(r.get("indikator")), not lack, where, lack))
    return coverage(
        items,
        "indikator dengan program anggaran yang mendukungnya",
        f"Isi kolom {PROGRAM.header} di sheet IKU dengan nama program seperti di "
        f"{inputs.file_of('anggaran')} (pisahkan dengan baris baru atau ;).",
        at(inputs, IKU),
    )


@check("perbaikan_ke_depan")
def perbaikan_ke_depan(b: Bahan) -> Status:
    """Bab IV's next steps written this year."""
    if not b.inputs.has(narasi.TEMPLATE.kind):
        return _no_narasi("langkah perbaikan ke depan")
    rows = _narasi_rows(b.inputs, narasi.NARASI, "bagian")
    item = _section_item(b, rows, narasi.PENUTUP)
    if item.ok:
        return Status(TERPENUHI, f"Bagian {narasi.PENUTUP} sudah ditulis.", "-")
    status = SEBAGIAN if item.lack == "masih teks tahun lalu" else BELUM
    return Status(
        status,
        f"Bagian {narasi.PENUTUP} {item.lack}. Tulis langkah perbaikan tahun depan "
        "(rekomendasi) berdasarkan capaian tahun ini.",
        item.where,
    )


@check("berkala")
def berkala(b: Bahan) -> Status:
    """Quarterly reporting shows in triwulan.xlsx: the quarters whose realisasi is typed."""
    inputs = b.inputs
    if not inputs.has(triwulan.TEMPLATE.kind):
        return Status(
            TIDAK_DAPAT,
            "triwulan.xlsx tidak ada, sehingga laporan kinerja triwulan yang disusun di luar "
            "xlkip tidak terlihat. Bila rencana aksi dipantau dengan xlkip, buat triwulan.xlsx "
            "(xlkip init FOLDER --modul triwulan) dan susun laporannya dengan xlkip compile "
            "--triwulan N.",
            "di luar isian xlkip",
        )
    rows = inputs.records(triwulan.RENCANA_AKSI)
    reported = [
        n for n in triwulan.TRIWULAN if any(filled(r.get(f"realisasi_tw{n}")) for r in rows)
    ]
    where = at(inputs, triwulan.RENCANA_AKSI)
    if len(reported) == len(triwulan.TRIWULAN):
        return Status(
            TERPENUHI,
            "Realisasi rencana aksi TW I–IV terisi: laporan setiap triwulan tersusun dengan "
            "xlkip compile --triwulan N.",
            "-",
        )
    missing = ", ".join(
        f"TW {triwulan.ROMAWI[n - 1]}" for n in triwulan.TRIWULAN if n not in reported
    )
    return Status(
        SEBAGIAN if reported else BELUM,
        f"Realisasi rencana aksi belum terisi untuk {missing}: isi kolom Realisasi triwulan "
        "itu, lalu susun laporannya dengan xlkip compile --triwulan N.",
        where,
    )
