"""xlkip compile --pdf: the printed report, as a head of office receives it."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.helpers import run_cli
from tests.output_helpers import Box, require_libreoffice, word_boxes
from xlkip import api
from xlkip.render import libreoffice

CHART_TITLES = [
    "Capaian Indikator Kinerja Utama terhadap Target",
    "Anggaran dan Realisasi per Program",
    "Persentase Realisasi Anggaran per Program",
    "Indeks SPBE per Domain, 2023 dan 2024",
    "Indeks SPBE Pemerintah Daerah se-Sumatera Utara Tahun 2024",
    "Jumlah Informasi per Jenis Media, 2023 dan 2024",
    "Pengaduan per Kanal: Sudah dan Belum Ditindaklanjuti, 2023 dan 2024",
]


def _pages(pdf: Path) -> list[str]:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext is not installed (apt-get install poppler-utils)")
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return text.split("\f")[:-1]


@pytest.fixture(scope="module")
def example_charts(example_pdf: Path) -> dict[str, list[str]]:
    """Chart title -> its category labels, read from the workbook beside the PDF."""
    import openpyxl

    from tests.test_charts import read_charts

    workbook = openpyxl.load_workbook(example_pdf.with_suffix(".xlsx"))
    charts = {}
    for chart in read_charts(example_pdf.with_suffix(".xlsx")):
        if chart.sheet == "Ringkasan":
            continue
        sheet, cells = chart.series[0].categories.rsplit("!", 1)
        ws = workbook[sheet.strip("'")]
        labels = [str(c.value) for row in ws[cells.replace("$", "")] for c in row]
        charts[" ".join(chart.title.split())] = labels
    return charts


@pytest.fixture(scope="module")
def example_pdf(example_master: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example printed on a machine whose locale is not Indonesian."""
    require_libreoffice()
    target = tmp_path_factory.mktemp("pdf") / "LKjIP.xlsx"
    with pytest.MonkeyPatch.context() as patch:
        for name in ("LC_ALL", "LANG", "LC_NUMERIC"):
            patch.setenv(name, "C.UTF-8")
        result = api.compile_folder(example_master, target, pdf=True)
    assert result.pdf == target.with_suffix(".pdf") and result.pdf_error is None
    return result.pdf


def test_pdf_of_the_example(example_pdf: Path) -> None:
    pages = _pages(example_pdf)
    assert 19 <= len(pages) <= 40
    assert "RINGKASAN LAPORAN KINERJA" in pages[0] and "Kesimpulan" in pages[0]
    assert "TABEL 1.1 KOMPOSISI SUMBER DAYA MANUSIA" in pages[1]  # Ringkasan is one page
    text = "\n".join(pages)
    for chapter, count in ((1, 5), (2, 4), (3, 17)):
        for number in range(1, count + 1):
            assert f"TABEL {chapter}.{number} " in text
    for title in CHART_TITLES:
        assert title in " ".join(text.split()), title
    assert "Halaman 1 dari" in pages[0]


def test_pdf_without_libreoffice_says_how_to_install(
    example: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(libreoffice, "find_soffice", lambda: None)
    target = tmp_path / "LKjIP.xlsx"
    code, output = run_cli("compile", example, "-o", target, "--pdf")
    assert code == 2
    assert "apt-get install libreoffice-calc-nogui" in " ".join(output.split())
    assert target.exists() and not target.with_suffix(".pdf").exists()


def test_pdf_numbers_are_indonesian_whatever_the_machine(example_pdf: Path) -> None:
    text = "\n".join(_pages(example_pdf))
    assert "9.475.869.588" in text and "91,43%" in text
    assert "9,475,869,588" not in text and "91.43%" not in text


def overprinted(words: list[Box]) -> list[tuple[str, str]]:
    """Pairs of words drawn over each other: text taller than its row runs into the
    next one (and is cut there). Lines of one wrapped cell touch by up to ~27% of their
    boxes' height (Carlito's boxes are 1.3 em tall, its lines 1.22 em apart; a chart's
    small labels are closer); a row too short makes them overlap by 30% or more."""
    words = sorted(words, key=lambda w: w[1])
    found = []
    for i, a in enumerate(words):
        for b in words[i + 1 :]:
            if b[1] >= a[3]:
                break
            height = min(a[3] - a[1], b[3] - b[1])
            across = min(a[2], b[2]) - max(a[0], b[0])
            down = min(a[3], b[3]) - max(a[1], b[1])
            if across > 1 and down > 0.29 * height:
                found.append((a[4], b[4]))
    return found


def test_overprint_detector_sees_a_row_too_short() -> None:
    line = (10.0, 10.0, 50.0, 17.3, "CAPAIAN")
    assert overprinted([line, (12.0, 16.6, 40.0, 23.9, "TERHADAP")]) == []  # next line
    assert overprinted([line, (12.0, 15.0, 40.0, 22.3, "72,58%")]) == [("CAPAIAN", "72,58%")]


def test_no_text_is_printed_over_other_text(example_pdf: Path) -> None:
    """Headers (3.12, 3.14) and wrapped names (3.17) fit their rows."""
    pages = word_boxes(example_pdf)
    assert {n: overprinted(words) for n, words in enumerate(pages, 1) if overprinted(words)} == {}


def _page_texts(pdf: Path) -> list[str]:
    return [" ".join(page.split()) for page in _pages(pdf)]


def test_every_chart_label_is_printed(example_pdf: Path, example_charts) -> None:
    """On the page of each chart, after its title, every word of every category label
    appears: no label skipped (the 3.10 chart once showed 4 of its 10)."""
    pages = _page_texts(example_pdf)
    for title, labels in example_charts.items():
        found = [p for p in pages if title in p]
        assert found, title
        after = set(found[0].split(title, 1)[1].split())
        missing = {w for label in labels for w in label.split()} - after
        assert not missing, (title, missing)


def test_no_chart_under_an_empty_repeated_header(example_pdf: Path) -> None:
    """A chart is on its table's page or on a page of its own: what precedes its title
    on the page is nothing, or the end of a table (its title or its source line)."""
    for page in _page_texts(example_pdf)[1:]:  # the Ringkasan is a page of its own design
        for title in CHART_TITLES:
            if title in page:
                before = page.split(title, 1)[0].strip()
                assert not before or "TABEL 3." in before or "Sumber :" in before, page[:200]


def test_closing_rows_stay_with_their_table(example_pdf: Path) -> None:
    """A summary block (3.7, 3.8) and a total row print on one page with the source line
    and the last rows above them."""
    pages = _page_texts(example_pdf)
    for block in ("Jumlah aplikasi", "Jumlah website"):
        [page] = [p for p in pages if block in p]
        assert "Terintegrasi" in page and "Sumber : Bidang Aplikasi" in page
        rows = page.split(block, 1)[0]
        assert re.search(r"\b\d+ \S", rows), "no table row above the summary"
    for page in pages:
        if page.startswith("Sumber :") or re.match(r"^(NO|URAIAN)\b[^0-9]*Sumber :", page):
            pytest.fail(f"a source line alone on its page: {page[:120]}")


def _fake_install(root: Path, folder: str) -> Path:
    program = root / folder / "program"
    program.mkdir(parents=True)
    exe = program / "soffice.exe"
    exe.write_bytes(b"MZ")
    return exe


def test_libreoffice_found_in_program_files_when_not_on_path(tmp_path: Path) -> None:
    nowhere = lambda name: None  # noqa: E731 - PATH without LibreOffice
    program_files, x86 = tmp_path / "Program Files", tmp_path / "Program Files (x86)"
    program_files.mkdir()
    env = {"ProgramFiles": str(program_files), "ProgramFiles(x86)": str(x86)}
    assert libreoffice.find_soffice(env, nowhere) in (None, str(libreoffice._MAC_APP))
    exe = _fake_install(x86, "LibreOffice")
    assert libreoffice.find_soffice(env, nowhere) == str(exe)
    exe = _fake_install(program_files, "LibreOffice")
    assert libreoffice.find_soffice(env, nowhere) == str(exe)  # 64-bit first


def test_libreoffice_in_a_versioned_folder(tmp_path: Path) -> None:
    exe = _fake_install(tmp_path, "LibreOffice 7")
    assert libreoffice.find_soffice({"ProgramFiles": str(tmp_path)}, lambda name: None) == str(exe)


def test_path_wins(tmp_path: Path) -> None:
    _fake_install(tmp_path, "LibreOffice")
    found = libreoffice.find_soffice(
        {"ProgramFiles": str(tmp_path)}, lambda name: "/usr/bin/" + name
    )
    assert found == "/usr/bin/soffice"


def test_a_printed_template_keeps_its_petunjuk_rows_apart(
    example_master: Path, tmp_path: Path
) -> None:
    """The Petunjuk's long explanations wrap in rows tall enough for them: LibreOffice
    keeps a row one line high unless the template says how high it is."""
    require_libreoffice()
    pdf = libreoffice.convert(example_master / "kinerja.xlsx", "pdf", tmp_path)
    pages = word_boxes(pdf)
    # The data sheets after it say "Lihat sheet Petunjuk." under their title.
    petunjuk = [page for page in pages if "Lihat" not in {word[4] for word in page}]
    assert "Penjelasan" in {word[4] for word in petunjuk[0]} and len(petunjuk) < len(pages)
    found = {n: overprinted(words) for n, words in enumerate(petunjuk, 1) if overprinted(words)}
    assert found == {}
