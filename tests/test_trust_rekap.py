"""`xlkip rekap` the pemda can trust: its totals hold one pemda and one year, every row
says its folder, a full disk is a write failure, and the sheet prints readably."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import zlib
from dataclasses import replace
from itertools import pairwise
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from tests.helpers import on_small_disk, run_cli
from tests.output_helpers import require_libreoffice, word_boxes
from tests.rekap_helpers import budget, iku, write_office
from xlkip import api
from xlkip.rekap.scope import choose_scope, mark_offices
from xlkip.rekap.summary import OfficeSummary, Status
from xlkip.rekap.workbook import GRAFIK, REKAP, build_rekap
from xlkip.render import libreoffice
from xlkip.render.xlsx import render
from xlkip.tables.common import HEADER_ROW


def rekap_rows(path: Path) -> list[dict[str, Any]]:
    """The Rekap OPD sheet's rows below its header, each by header name (values as
    cached, so formulas read as their results); a blank row ends nothing."""
    sheet = openpyxl.load_workbook(path, data_only=True)[REKAP]
    rows = list(sheet.iter_rows(values_only=True))
    header = next(i for i, row in enumerate(rows) if row and row[0] == "NO")
    names = [str(name) for name in rows[header]]
    return [dict(zip(names, row, strict=False)) for row in rows[header + 1 :]]


def _offices(root: Path) -> Path:
    write_office(root / "a", "Dinas A", [iku("A1", 100, 95)], [budget(1, 1_000, 900)])
    write_office(root / "b", "Dinas B", [iku("B1", 100, 50)], [budget(1, 2_000, 1_000)])
    return root


def _in_full_disk(
    tmp_path: Path, *args: str, size: str = "16k"
) -> subprocess.CompletedProcess[str]:
    """At 16 KB the rekap (12 KB) fits, an office's workbook (23 KB) does not."""
    return on_small_disk(tmp_path, args, size)


def test_a_full_disk_is_a_write_failure_not_an_unreadable_office(tmp_path: Path) -> None:
    _offices(tmp_path / "opd")
    args = ("rekap", "opd", "--tulis-per-opd", "-j", "2", "-o", "full/r.xlsx")
    done = _in_full_disk(tmp_path, *args)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "tidak terbaca" not in done.stdout + done.stderr
    assert "Traceback" not in done.stderr
    assert "Kesalahan internal" not in done.stdout
    for name in ("Dinas A", "Dinas B"):
        assert (
            f"  • gagal ditulis {name} (opd/{name[-1].lower()}): Isian OPD ini terbaca, tetapi "
            "workbook LKjIP-nya gagal ditulis (disk penuh). Kosongkan ruang disk, atau pilih "
            "lokasi lain. Lalu jalankan lagi rekap --tulis-per-opd."
        ) in done.stdout
    assert sorted(p.name for p in (tmp_path / "kept").iterdir()) == ["r.xlsx"]
    rows = rekap_rows(tmp_path / "kept" / "r.xlsx")
    a, b = rows[0], rows[1]
    assert (a["PERANGKAT DAERAH"], a["STATUS"]) == ("Dinas A", "gagal ditulis")
    assert "disk penuh" in a["KETERANGAN"]
    # read and compiled: its figures are the office's, not dashes
    assert (a["ANGGARAN (Rp)"], b["ANGGARAN (Rp)"]) == (1_000, 2_000)


def test_a_rekap_the_full_disk_cannot_hold_is_a_sentence_and_exit_2(tmp_path: Path) -> None:
    _offices(tmp_path / "opd")
    args = ("rekap", "opd", "--tulis-per-opd", "-j", "1", "-o", "full/r.xlsx")
    done = _in_full_disk(tmp_path, *args, size="8k")
    assert done.returncode == 2, done.stdout + done.stderr
    assert (
        "Kesalahan: Tidak dapat menulis ke full/r.xlsx (disk penuh). Kosongkan ruang disk, "
        "atau pilih lokasi lain. Berkas lama tidak diubah."
    ) in done.stderr
    assert "Kesalahan internal" not in done.stderr and "Traceback" not in done.stderr
    assert list((tmp_path / "kept").iterdir()) == []  # no temporary file left behind


@pytest.fixture(scope="module")
def mixed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two offices of Kota Binjai 2024, one of Kabupaten Langkat, one of Binjai 2023."""
    root = tmp_path_factory.mktemp("campur") / "opd"
    _offices(root)
    write_office(
        root / "c_luar",
        "Dinas Luar",
        [iku("L1", 100, 100)],
        [budget(1, 10_000, 5_000)],
        pemda="Pemerintah Kabupaten Langkat",
    )
    write_office(
        root / "d_lama", "Dinas Lama", [iku("M1", 100, 100)], [budget(1, 7_000, 7_000)], tahun=2023
    )
    return root


def _split(rows: list[dict[str, Any]]) -> tuple[list, dict, list]:
    """Office rows above the total, the total, and the office rows listed under it."""
    total = next(i for i, r in enumerate(rows) if r["NO"] == "PEMERINTAH DAERAH")
    under = [r for r in rows[total + 1 :] if isinstance(r["NO"], int)]
    return rows[:total], rows[total], under


def test_offices_of_another_pemda_or_year_are_listed_under_the_totals(
    mixed: Path, tmp_path: Path
) -> None:
    code, output = run_cli("rekap", mixed, "-o", tmp_path / "r.xlsx", "-j", "1")
    assert code == 0, output
    summed, total, under = _split(rekap_rows(tmp_path / "r.xlsx"))
    assert [r["PERANGKAT DAERAH"] for r in summed] == ["Dinas A", "Dinas B"]
    assert (total["ANGGARAN (Rp)"], total["REALISASI (Rp)"]) == (3_000, 1_900)
    assert (total["JUMLAH IKU"], total["STATUS"], total["PERINGATAN"]) == (2, 2, 0)
    assert [(r["PERANGKAT DAERAH"], r["FOLDER"], r["STATUS"]) for r in under] == [
        ("Dinas Luar", "c_luar", "ok"),
        ("Dinas Lama", "d_lama", "ok"),
    ]
    luar, lama = under
    assert luar["KETERANGAN"] == (
        "Pemerintah daerah OPD ini 'Pemerintah Kabupaten Langkat', sedangkan rekap "
        "'Pemerintah Kota Binjai'. Tidak dijumlahkan dalam total pemerintah daerah. Periksa "
        "isian Pemerintah Daerah di template identitas."
    )
    assert lama["KETERANGAN"].startswith(
        "Tahun laporan OPD ini 2023, sedangkan rekap tahun 2024. Tidak dijumlahkan"
    )
    assert (luar["ANGGARAN (Rp)"], lama["ANGGARAN (Rp)"]) == (10_000, 7_000)
    assert (luar["PERINGATAN"], lama["PERINGATAN"]) == (1, 1)
    sheet = openpyxl.load_workbook(tmp_path / "r.xlsx")[REKAP]
    assert sheet["A1"].value == "REKAPITULASI KINERJA PERANGKAT DAERAH KOTA BINJAI TAHUN 2024"
    assert sheet["A2"].value is None  # nothing summed from elsewhere


def test_sertakan_semua_sums_them_and_the_header_says_so(mixed: Path, tmp_path: Path) -> None:
    code, output = run_cli("rekap", mixed, "-o", tmp_path / "r.xlsx", "-j", "1", "--sertakan-semua")
    assert code == 0, output
    summed, total, under = _split(rekap_rows(tmp_path / "r.xlsx"))
    assert under == [] and len(summed) == 4
    assert total["ANGGARAN (Rp)"] == 20_000
    assert "Tetap dijumlahkan dalam total (--sertakan-semua)." in summed[2]["KETERANGAN"]
    sheet = openpyxl.load_workbook(tmp_path / "r.xlsx")[REKAP]
    assert sheet["A2"].value == (
        "Termasuk 2 OPD pemerintah daerah atau tahun lain (--sertakan-semua), ikut "
        "dijumlahkan: lihat KETERANGAN."
    )


def test_tahun_and_pemda_options_choose_what_is_summed(mixed: Path, tmp_path: Path) -> None:
    code, output = run_cli("rekap", mixed, "-o", tmp_path / "a.xlsx", "-j", "1", "--tahun", "2023")
    assert code == 0, output
    summed, total, under = _split(rekap_rows(tmp_path / "a.xlsx"))
    assert [r["PERANGKAT DAERAH"] for r in summed] == ["Dinas Lama"]
    assert total["ANGGARAN (Rp)"] == 7_000 and len(under) == 3
    code, output = run_cli(
        "rekap", mixed, "-j", "1", "--pemda", "kabupaten  langkat", "-o", tmp_path / "b.xlsx"
    )
    assert code == 0, output
    summed, total, under = _split(rekap_rows(tmp_path / "b.xlsx"))
    assert [r["PERANGKAT DAERAH"] for r in summed] == ["Dinas Luar"]
    assert total["ANGGARAN (Rp)"] == 10_000
    title = openpyxl.load_workbook(tmp_path / "b.xlsx")[REKAP]["A1"].value
    assert title == "REKAPITULASI KINERJA PERANGKAT DAERAH KABUPATEN LANGKAT TAHUN 2024"


def test_a_year_no_office_reports_is_refused(mixed: Path, tmp_path: Path) -> None:
    code, output = run_cli("rekap", mixed, "-o", tmp_path / "r.xlsx", "-j", "1", "--tahun", "2019")
    assert code == 2
    assert (
        "Tidak ada OPD 2019 di folder ini; yang ada: Kabupaten Langkat 2024, "
        "Kota Binjai 2023, Kota Binjai 2024. Periksa --pemda dan --tahun."
    ) in " ".join(output.split())
    assert not (tmp_path / "r.xlsx").exists()


def test_a_duplicated_office_name_is_a_warning_and_each_row_says_its_folder(
    tmp_path: Path,
) -> None:
    _offices(tmp_path / "opd")
    shutil.copytree(tmp_path / "opd" / "a", tmp_path / "salinan" / "a")
    folders = (tmp_path / "opd" / "a", tmp_path / "opd" / "b", tmp_path / "salinan" / "a")
    code, output = run_cli("rekap", *folders, "-o", tmp_path / "r.xlsx", "-j", "1")
    assert code == 0, output
    rows, _, _ = _split(rekap_rows(tmp_path / "r.xlsx"))
    shown = [(r["PERANGKAT DAERAH"], r["FOLDER"], r["PERINGATAN"]) for r in rows]
    assert shown == [("Dinas A", "opd/a", 1), ("Dinas B", "opd/b", 0), ("Dinas A", "salinan/a", 1)]
    said = (
        "Nama OPD 'Dinas A' juga dipakai oleh folder {}: periksa Nama Instansi di template "
        "identitas, atau keluarkan folder salinan dari rekap."
    )
    assert rows[0]["KETERANGAN"] == said.format("salinan/a")
    assert rows[2]["KETERANGAN"] == said.format("opd/a")
    assert f"  • peringatan Dinas A: {said.format('salinan/a')}" in output.splitlines()
    assert rows[1]["KETERANGAN"] is None


def _words(pdf: Path) -> list[list[tuple[str, float, float]]]:
    """Each page's words with their top and their height, as pdftotext sees them."""
    return [
        [(html.unescape(text), top, bottom - top) for _left, top, _right, bottom, text in page]
        for page in word_boxes(pdf)
    ]


def _type_sizes(pdf: Path) -> list[float]:
    """The point size of every run of text the PDF draws: its Tf size times the text
    matrix's vertical scale (LibreOffice writes the page's print scale into Tf)."""
    data = pdf.read_bytes()
    sizes = []
    for stream in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", data, re.S):
        try:
            content = zlib.decompress(stream)
        except zlib.error:
            continue  # an image or a font, not a page's content
        size, scale = 0.0, 1.0
        for operands, operator in re.findall(rb"((?:[-\d.]+\s+)+)(Tf|Tm)\b", content):
            numbers = [float(n) for n in operands.split()]
            if operator == b"Tf":
                size = numbers[-1]
            else:
                scale = abs(numbers[-3])
            sizes.append(size * scale)
    return sizes


def _printed(workbook: Path, out: Path) -> list[list[tuple[str, float]]]:
    """The workbook printed by LibreOffice on A4 landscape: each page's words, footer
    included, with their point size.

    A word's size is its box height over the font's height ratio; the ratio is the
    smallest box over the smallest size the PDF draws (both the smallest text)."""
    pdf = libreoffice.convert(workbook, "pdf", out)
    assert _page_size(pdf) == pytest.approx((842, 595), abs=1)  # A4 landscape
    pages = _words(pdf)
    ratio = min(h for page in pages for _, _, h in page) / min(_type_sizes(pdf))
    assert 1.0 < ratio < 1.5  # Carlito's box is about 1.3 times its size
    return [[(text, h / ratio) for text, _top, h in words] for words in pages]


def _too_small(pages: list[list[tuple[str, float]]]) -> list[str]:
    return [
        f"page {number}: {text} {size:.1f} pt"
        for number, words in enumerate(pages, start=1)
        for text, size in words
        if size < 7.95
    ]


def test_the_rekap_prints_on_a4_landscape_at_8_pt_or_more(mixed: Path, tmp_path: Path) -> None:
    """Forty offices (a pemda): every word of every sheet prints at 8 pt or more, and
    Rekap OPD's header repeats on every page of its rows."""
    require_libreoffice()
    result = api.rekap([mixed], tmp_path / "r.xlsx", jobs=1)
    forty = [
        replace(
            office,
            folder=str(mixed / f"wilayah_{copy}" / Path(office.folder).name),
            instansi=f"{office.instansi} Wilayah {copy}",
        )
        for copy in range(10)
        for office in result.offices
    ]
    model = build_rekap(mark_offices(forty, result.scope), result.scope)
    pages = _printed(render(model, tmp_path / "rekap.xlsx"), tmp_path)
    assert _too_small(pages) == []
    iku_page = next(i for i, words in enumerate(pages) if words[0][0] == "INDIKATOR")
    assert iku_page >= 2  # the rows run over pages
    for number, words in enumerate(pages[:iku_page], start=1):
        texts = {text for text, _ in words}
        if any(text.startswith("wilayah_") for text in texts):  # a page of office rows
            assert {"PERANGKAT", "FOLDER", "PERINGATAN", "KETERANGAN"} <= texts, number


def test_the_chart_prints_at_8_pt_or_more_on_its_own_sheet(mixed: Path, tmp_path: Path) -> None:
    require_libreoffice()
    result = api.rekap([mixed], tmp_path / "r.xlsx", jobs=1)
    workbook = openpyxl.load_workbook(result.output)
    assert workbook.sheetnames == [REKAP, GRAFIK, "IKU OPD", "Temuan OPD"]
    assert len(workbook[GRAFIK]._charts) == 1 and not workbook[REKAP]._charts
    pages = _printed(result.output, tmp_path)
    assert _too_small(pages) == []
    chart_page = next(words for words in pages if words[0][0] == "CAPAIAN")
    labels = {text for text, _ in chart_page}
    assert {"Dinas", "A", "B", "Capaian", "realisasi"} <= labels  # the chart was printed


def _page_size(pdf: Path) -> tuple[float, float]:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    width, height = re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info).groups()
    return float(width), float(height)


def _office(name: str, pemda: str | None, tahun: int | None) -> OfficeSummary:
    return OfficeSummary(f"opd/{name}", Status.OK, name, pemda, tahun)


def test_the_rekap_is_of_the_majority_and_always_sums_some_office() -> None:
    binjai, langkat = "Pemerintah Kota Binjai", "Pemerintah Kabupaten Langkat"
    offices = [
        _office("a", binjai, 2024),
        _office("b", binjai, 2024),
        _office("c", langkat, 2024),
        _office("d", binjai, 2023),
        _office("rusak", None, None),  # unreadable: nothing to tell it apart
    ]
    scope = choose_scope(offices)
    assert (scope.pemda, scope.tahun) == (binjai, 2024)
    assert [bool(scope.reasons(o)) for o in offices] == [False, False, True, True, False]
    # a tie of years: the later one; a tie of pemda: the first, then a year of its own
    assert choose_scope([_office("a", binjai, 2023), _office("b", binjai, 2024)]).tahun == 2024
    split = [_office("a", binjai, 2023), _office("b", langkat, 2024)]
    assert (choose_scope(split).pemda, choose_scope(split).tahun) == (binjai, 2023)
    assert choose_scope(split, tahun=2024).pemda == langkat
    assert choose_scope(split, pemda="kabupaten langkat").tahun == 2024


def test_a_name_used_by_many_folders_names_three_and_counts_the_rest() -> None:
    copies = [_office("Dinas A", None, None) for _ in range(6)]
    copies = [replace(o, folder=f"opd/{n}") for n, o in enumerate(copies)]
    (first, *_) = mark_offices(copies, choose_scope(copies))
    assert [f.pesan for f in first.findings] == [
        "Nama OPD 'Dinas A' juga dipakai oleh folder 1, 2, 3 dan 2 folder lain: periksa "
        "Nama Instansi di template identitas, atau keluarkan folder salinan dari rekap."
    ]


def test_an_iku_row_of_the_rekap_has_one_number_format(tmp_path: Path) -> None:
    """8% beside 7,5% prints 8,0% and 7,5%, as the office's Tabel 3.2 prints them (not
    8% beside 7,50%, each column with a format of its own)."""
    from xlkip.text import as_shown

    root = tmp_path / "opd"
    write_office(
        root / "a",
        "Dinas A",
        [iku("A1", 0.08, 0.075, satuan="%"), iku("A2", 0, 0, satuan="%")],
        [budget(1, 1_000, 900)],
    )
    write_office(root / "b", "Dinas B", [iku("B1", 0.5, 0.25, satuan="%")], [budget(1, 2, 1)])
    result = api.rekap([root], tmp_path / "r.xlsx", jobs=1)
    sheet = openpyxl.load_workbook(result.output)["IKU OPD"]
    shown = {
        row[3].value: (
            (row[6].number_format, row[7].number_format),
            as_shown(row[6].value, row[6].number_format),
            as_shown(row[7].value, row[7].number_format),
        )
        for row in sheet.iter_rows(min_row=4)
        if row[3].value in {"A1", "A2", "B1"}
    }
    assert shown == {
        "A1": (("0.0%", "0.0%"), "8,0%", "7,5%"),
        "A2": (("0%", "0%"), "0%", "0%"),
        "B1": (("0%", "0%"), "50%", "25%"),
    }


def test_percentage_axes_start_at_zero(mixed: Path, tmp_path: Path) -> None:
    """95,56% is drawn nearly as long as 105%, not half as long (an axis from 90%)."""
    from tests.test_charts import C, _chart_parts

    result = api.rekap([mixed], tmp_path / "r.xlsx", jobs=1)
    office = tmp_path / "LKjIP.xlsx"
    api.compile_folder(mixed / "a", office)
    axes = [
        (name, axis)
        for path in (result.output, office)
        for name, root in _chart_parts(path).items()
        for axis in root.iter(f"{C}valAx")
        if "%" in axis.find(f"{C}numFmt").get("formatCode")
    ]
    assert any(name.startswith(GRAFIK) for name, _ in axes)
    for name, axis in axes:
        least = axis.find(f"{C}scaling/{C}min")
        assert least is not None and float(least.get("val")) == 0, name


def _rekap_pages(offices: list[OfficeSummary], scope) -> list[list[tuple]]:
    """Rekap OPD's rows below its header, page by page, as its page breaks cut them."""
    from xlkip.render.layout import paginate, row_heights

    sheet = next(s for s in build_rekap(offices, scope).sheets if s.name == REKAP)
    heights = {**row_heights(sheet), **sheet.heights}
    cells = {}
    for row, col, content, _style in sheet.contents():
        cells.setdefault(row, []).append((col, content))
    bounds = [HEADER_ROW + 1, *paginate(sheet, heights).breaks, sheet.last_row + 1]
    return [[cells[r] for r in range(a, b) if r in cells] for a, b in pairwise(bounds)]


def test_no_page_of_the_rekap_holds_only_the_source_line(mixed: Path, tmp_path: Path) -> None:
    """However many offices, the source line prints with the last rows above it."""
    result = api.rekap([mixed], tmp_path / "r.xlsx", jobs=1)
    summed = [o for o in result.offices if not result.scope.reasons(o)]
    for count in range(1, 41):
        offices = [
            replace(office, folder=f"{office.folder}_{n}", instansi=f"{office.instansi} {n}")
            for n in range(count)
            for office in summed[:1]
        ]
        pages = _rekap_pages(mark_offices(offices, result.scope), result.scope)
        for page in pages:
            firsts = [dict(row).get(0) for row in page]
            assert any(not str(first).startswith("Sumber") for first in firsts), (count, page)


FOLDERS = (
    "dinas_kesehatan",
    "badan_perencanaan_pembangunan_daerah",
    "dinas_komunikasi_informatika",
)


def _cut_mid_word(folder: str, words: list[str]) -> list[str]:
    """The printed pieces of `folder` that do not start and end at its _ or its ends."""
    cut = []
    for word in words:
        at = folder.find(word) if len(word) > 1 else -1
        if at < 0:
            continue
        end = at + len(word)
        if not (at == 0 or folder[at - 1] == "_") or not (end == len(folder) or word[-1] == "_"):
            cut.append(word)
    return cut


def test_folders_wrap_at_their_underscores_and_rows_fit_their_text(tmp_path: Path) -> None:
    """dinas_kesehatan prints whole on one line of a one-line row, not "dinas_kesehat"
    over "an" in a row of two; a longer name wraps after its _."""
    require_libreoffice()
    root = tmp_path / "opd"
    for n, folder in enumerate(FOLDERS, start=1):
        name = folder.split("_", 1)[1].replace("_", " ").title()
        write_office(root / folder, name, [iku(f"I{n}", 100, 95)], [budget(1, 1_000, 900)])
    result = api.rekap([root], tmp_path / "r.xlsx", jobs=1)
    sheet = openpyxl.load_workbook(result.output)[REKAP]
    one_line = next(r for r in sheet.iter_rows() if r[1].value == "Kesehatan")[0].row
    assert (sheet.row_dimensions[one_line].height or 15) <= 15
    pdf = libreoffice.convert(result.output, "pdf", tmp_path)
    rekap_page = word_boxes(pdf)[0]
    words = [text.replace("\u200b", "") for *_box, text in rekap_page]
    assert "dinas_kesehatan" in words and "pembangunan_" in words
    assert [w for f in FOLDERS for w in _cut_mid_word(f, words)] == []
