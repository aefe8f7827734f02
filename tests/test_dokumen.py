"""compile --dokumen: the LKjIP as a Word document, a second renderer of the built report.

The document is read back with python-docx; every number in its tables and generated
sentences is looked up among the compiled workbook's values as the workbook shows them."""

from __future__ import annotations

import itertools
import json
import re
import shutil
import subprocess
from email import message_from_bytes, policy
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from docx import Document
from docx.oxml.ns import qn
from num2words import num2words

from tests.data_helpers import example_variant
from tests.helpers import run_cli, set_cells
from tests.output_helpers import require_libreoffice
from xlkip import api, contoh
from xlkip.perencanaan import BAB_II_KEYS
from xlkip.render.dokumen import size_warning
from xlkip.render.dokumen.sumber_daya import verdict
from xlkip.render.dokumen.susun import STAFF_STYLE
from xlkip.render.dokumen.tabel import cell_text
from xlkip.render.libreoffice import convert
from xlkip.schema.identitas import PENGATURAN

NUMBER = re.compile(r"\d[\d.,]*\d%?|\d%?")
ENGLISH = re.compile(
    r"\b(the|and|of|table|source|figure|chapter|page|contents|summary|none|null|nan|true|"
    r"false|total of|target achieved)\b",
    re.IGNORECASE,
)


def _compile(inputs: Path | None, out: Path) -> api.CompileResult:
    result = api.compile_folder(inputs, out_dir=out, example=inputs is None, dokumen=True)
    assert result.output is not None and result.dokumen is not None
    return result


@pytest.fixture(scope="module")
def compiled(tmp_path_factory: pytest.TempPathFactory) -> api.CompileResult:
    return _compile(None, tmp_path_factory.mktemp("dokumen"))


@pytest.fixture(scope="module")
def document(compiled: api.CompileResult) -> Any:
    return Document(str(compiled.dokumen))


def _tokens(text: str) -> set[str]:
    """The numbers of `text`; "3,5 poin persen" is the cell's 3,5% (a difference of
    two percentages)."""
    text = re.sub(r"(\d) poin persen", r"\1%", text)
    return {t.rstrip(".,") for t in NUMBER.findall(text)}


def _workbook_shown(path: Path) -> set[str]:
    """Every number token of the workbook as its cells show them (stored values)."""
    shown: set[str] = set()
    workbook = openpyxl.load_workbook(path, data_only=True)
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.value is not None:
                    shown |= _tokens(cell_text(cell.value, cell.number_format))
    return shown


def _generated_paragraphs(document: Any) -> list[str]:
    """The document's own text: everything but the staff's prose from narasi.xlsx."""
    return [p.text for p in document.paragraphs if p.style.name != STAFF_STYLE]


def _table_texts(document: Any) -> list[str]:
    return [cell.text for table in document.tables for row in table.rows for cell in row.cells]


def test_written_beside_the_workbook(compiled: api.CompileResult) -> None:
    name = "LKjIP_Dinas_Komunikasi_dan_Informatika_2024.docx"
    assert compiled.dokumen == compiled.output.parent / name


def test_a_workbook_of_the_documents_name_keeps_the_pdfs_apart(
    example_master: Path, tmp_path: Path
) -> None:
    """-o LKjIP_<instansi>_<tahun>.xlsx: the document takes "_dokumen", so the workbook's PDF
    and the document's PDF are two files."""
    target = tmp_path / "LKjIP_Dinas_Komunikasi_dan_Informatika_2024.xlsx"
    result = api.compile_folder(example_master, target, dokumen=True)
    assert result.dokumen == tmp_path / "LKjIP_Dinas_Komunikasi_dan_Informatika_2024_dokumen.docx"
    assert result.dokumen.with_suffix(".pdf") != result.output.with_suffix(".pdf")


def _numbers_not_in_the_workbook(workbook: Path, document: Any) -> set[str]:
    shown = _workbook_shown(workbook)
    texts = _table_texts(document) + _generated_paragraphs(document)
    texts = [re.sub(r"^Gambar \d+\.\d+ ", "", text) for text in texts]  # its own numbering
    kata_pengantar = {"29", "2014", "53"}  # the regulations the Kata Pengantar cites
    return {t for text in texts for t in _tokens(text)} - shown - kata_pengantar


def test_every_number_is_the_workbooks(compiled: api.CompileResult, document: Any) -> None:
    missing = _numbers_not_in_the_workbook(compiled.output, document)
    assert not missing, f"numbers in the document that the workbook does not show: {missing}"


def test_the_seeds_figures(document: Any) -> None:
    text = "\n".join(_table_texts(document) + [p.text for p in document.paragraphs])
    for figure in (
        "9.475.869.588",  # Tabel 3.16/3.17 pagu
        "8.664.222.212",
        "92,04%",
        "91,43%",
        "2.358.277.568",
        "3,12",
        "4.225",
        "56 (lima puluh enam) orang tenaga Non ASN",
        "NIP. 19870331 200602 1 001",
        "SOFYAN SYAHPUTRA SIREGAR, S.STP, M.AP",
    ):
        assert figure in text, figure


def test_counts_in_words_match_their_digits(document: Any) -> None:
    said = re.findall(r"(\d[\d.]*) \(([a-z ]+)\)", "\n".join(_generated_paragraphs(document)))
    assert said
    for digits, words in said:
        assert num2words(int(digits.replace(".", "")), lang="id") == words


def test_headings_and_captions(compiled: api.CompileResult, document: Any) -> None:
    headings = {
        level: [p.text for p in document.paragraphs if p.style.name == f"Heading {level}"]
        for level in (1, 2, 3)
    }
    assert [h for h in headings[1] if h.startswith("BAB")] == [
        "BAB I PENDAHULUAN",
        "BAB II PERENCANAAN KINERJA",
        "BAB III AKUNTABILITAS KINERJA",
        "BAB IV PENUTUP",
    ]
    assert {"KATA PENGANTAR", "IKHTISAR EKSEKUTIF"} <= set(headings[1])
    assert "A. Latar Belakang" in headings[2] and "B. Realisasi Anggaran" in headings[2]
    assert any(h.startswith("Sasaran 2: Meningkatkan penggunaan Tanda Tangan") for h in headings[3])
    captions = [p.text for p in document.paragraphs if p.style.name == "Caption"]
    sheets = openpyxl.load_workbook(compiled.output, read_only=True).sheetnames
    numbered = [s for s in sheets if s.startswith("Tabel ")]
    assert sorted(c.split(" ")[1] for c in captions) == sorted(s.split(" ")[1] for s in numbered)
    assert (
        "Tabel 1.2 Komposisi Sumber Daya Manusia Non ASN (Tenaga Harian Lepas) Dinas Komunikasi "
        "dan Informatika Kota Binjai Tahun 2024"
    ) in captions


def test_tables_are_word_tables_with_header_rows_kept_whole(document: Any) -> None:
    tables = document.tables
    assert len(tables) >= 27
    for table in tables[1:]:  # the first is the Ikhtisar's figures
        rows = table._tbl.tr_lst
        assert rows[0].trPr.find(qn("w:tblHeader")) is not None
        kept = [tr.trPr is not None and tr.trPr.find(qn("w:cantSplit")) is not None for tr in rows]
        assert all(kept)
    anggaran = next(t for t in tables if t.rows[0].cells[0].text.upper().startswith("URAIAN"))
    assert any("9.475.869.588" in c.text for r in anggaran.rows for c in r.cells)


def _in_sections(document: Any) -> list[tuple[Any, bool]]:
    """Each element of the body with whether the section it falls in is landscape (a
    section's settings close it: they stand in its last paragraph, or end the body)."""
    found, pending = [], []
    for child in document.element.body.iterchildren():
        pending.append(child)
        sect = child.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") if child.tag == qn("w:p") else None
        if child.tag == qn("w:sectPr"):
            sect = child
        if sect is not None:
            size = sect.find(qn("w:pgSz"))
            landscape = int(size.get(qn("w:w"))) > int(size.get(qn("w:h")))
            found += [(element, landscape) for element in pending]
            pending = []
    return found


def _orientation_of_tables(document: Any) -> list[tuple[int, bool]]:
    """(columns, landscape) of each table."""
    return [
        (len(child.tblGrid.gridCol_lst), landscape)
        for child, landscape in _in_sections(document)
        if child.tag == qn("w:tbl")
    ]


def test_wide_tables_on_landscape_pages(document: Any) -> None:
    tables = _orientation_of_tables(document)
    assert any(landscape for _, landscape in tables)
    assert all(landscape for cols, landscape in tables if cols >= 8)
    assert not all(landscape for _, landscape in tables)


def _orientation_of_paragraphs(document: Any) -> list[tuple[str, bool]]:
    """(text, or "<picture>" for a chart, landscape) of each body paragraph."""
    found = []
    for child, landscape in _in_sections(document):
        if child.tag == qn("w:p"):
            picture = child.find(f".//{qn('w:drawing')}") is not None
            text = "".join(t.text or "" for t in child.iter(qn("w:t")))
            found.append(("<picture>" if picture else text, landscape))
    return found


def test_no_page_left_nearly_empty_by_a_turn_of_the_page(document: Any) -> None:
    """A chart goes on an upright page (below a landscape table it stood on a page of
    its own), and the budget's sentences stay under Tabel 3.18 instead of a page alone
    before Bab IV."""
    paragraphs = _orientation_of_paragraphs(document)
    pictures = [landscape for text, landscape in paragraphs if text == "<picture>"]
    assert len(pictures) == 6 and not any(pictures)
    at = max(i for i, (text, _) in enumerate(paragraphs) if text.startswith("Tabel 3.18"))
    after = [(t, wide) for t, wide in paragraphs[at:] if t.startswith("Realisasi anggaran")]
    assert after[0] == (
        "Realisasi anggaran tahun 2024 sebesar Rp8.664.222.212 dari pagu Rp9.475.869.588 "
        "(91,43%), dengan sisa anggaran Rp811.647.376.",
        True,
    )


def test_no_page_number_on_the_cover(document: Any) -> None:
    first = document.sections[0]
    assert first.different_first_page_header_footer
    assert first.first_page_footer.paragraphs[0].text == ""
    assert " PAGE " in "".join(t.text for t in first.footer._element.iter(qn("w:instrText")))


def test_no_template_tag_none_or_english(document: Any) -> None:
    generated = "\n".join(_generated_paragraphs(document) + _table_texts(document))
    everything = generated + "\n".join(p.text for p in document.paragraphs)
    assert "None" not in everything and "{{" not in everything and "{" not in generated
    assert not ENGLISH.findall(generated), ENGLISH.findall(generated)


def test_toc_fields_update_on_open(compiled: api.CompileResult, document: Any) -> None:
    instructions = [
        node.text for node in document.element.body.iter(qn("w:instrText")) if node.text
    ]
    assert any('TOC \\o "1-3"' in text for text in instructions)
    assert any('TOC \\h \\z \\t "Caption,1"' in text for text in instructions)
    settings = document.settings.element.find(qn("w:updateFields"))
    assert settings is not None and settings.get(qn("w:val")) == "true"


def test_staff_text_paragraphs_and_placeholders(document: Any) -> None:
    staff = [p for p in document.paragraphs if p.style.name == STAFF_STYLE]
    texts = [p.text for p in staff]
    assert texts[0].startswith("Dengan dilaksanakan Otonomi daerah")  # the seed's Latar belakang
    assert "1. Kepala Dinas;" in texts  # each line of a cell is its own paragraph
    gaps = [p for p in staff if p.text.startswith("[Isi: ")]
    # The seed analyses only sasaran 2 by cause/obstacle/solution: the others' are gaps.
    assert len(gaps) == 9
    assert all(r.font.highlight_color is not None for p in gaps for r in p.runs)


def test_hostile_staff_text_stays_plain_text(tmp_path: Path) -> None:
    hostile = '=HYPERLINK("http://x","klik")\n<w:t>{{ kepala }}</w:t> & "kutip"'

    def change(sheets: dict) -> None:
        sheets["Narasi"] = [{"bagian": "Latar Belakang", "isi": hostile}]

    result = _compile(example_variant(tmp_path, narasi=change), tmp_path / "out")
    document = Document(str(result.dokumen))
    texts = [p.text for p in document.paragraphs if p.style.name == STAFF_STYLE]
    assert texts[:2] == hostile.split("\n")
    assert not any(
        "HYPERLINK" in (node.text or "") for node in document.element.body.iter(qn("w:instrText"))
    )
    gaps = [t for t in texts if t.startswith("[Isi: ")]
    assert "[Isi: tugas dan fungsi (narasi.xlsx, sheet Narasi)]" in gaps


def test_sentences_follow_the_inputs(tmp_path: Path) -> None:
    """A different staff count reads differently: the sentence is from the data."""

    def one_non_asn_less(sheets: dict[str, Any]) -> None:
        rows = next(iter(sheets.values()))
        rows.remove(next(r for r in rows if str(r.get("status", "")).upper().startswith("NON")))

    result = _compile(example_variant(tmp_path, sdm=one_non_asn_less), tmp_path / "out")
    text = "\n".join(p.text for p in Document(str(result.dokumen)).paragraphs)
    assert "55 (lima puluh lima) orang tenaga Non ASN" in text


def test_cli_option(tmp_path: Path) -> None:
    code, output = run_cli("compile", "--contoh", "--dokumen", "-o", tmp_path / "lkjip.xlsx")
    assert code == 0, output
    assert (tmp_path / "LKjIP_Dinas_Komunikasi_dan_Informatika_2024.docx").is_file()
    assert "Dokumen Word ditulis" in output
    code, output = run_cli("compile", "--help")
    assert "--dokumen" in output


def test_libreoffice_prints_the_chapters(compiled: api.CompileResult, tmp_path: Path) -> None:
    require_libreoffice()
    pdf = convert(compiled.dokumen, "pdf", tmp_path)
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    for chapter in (
        "BAB I PENDAHULUAN",
        "BAB II PERENCANAAN KINERJA",
        "BAB III AKUNTABILITAS KINERJA",
        "BAB IV PENUTUP",
        "DAFTAR ISI",
        "Tabel 3.17",
        "9.475.869.588",
    ):
        assert chapter in text, chapter
    assert "None" not in text and "{{" not in text
    _no_word_of_3_14_is_broken(compiled.output, pdf)
    cover, second = text.split("\f")[:2]
    assert cover.split()[-2:] == ["SUMATERA", "UTARA"] and second.split()[-1] == "2"


def _no_word_of_3_14_is_broken(workbook: Path, pdf: Path) -> None:
    """Tabel 3.14 (landscape, 13 columns) on its page: every word of its cells, as the
    workbook shows them, printed whole (not "REALIS" over "ASI", "23,81" over "%")."""
    sheet = openpyxl.load_workbook(workbook, data_only=True)["Tabel 3.14"]
    words = {
        word
        for row in sheet.iter_rows(min_row=3)
        for cell in row
        if cell.value is not None and not str(cell.value).startswith("Sumber")
        for word in cell_text(cell.value, cell.number_format).split()
    }
    pages = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout.split("\f")
    page = next(p for p in pages if "SASARAN RENSTRA" in p and "Tabel 3.14 Perbandingan" in p)
    assert {"REALISASI", "TERHADAP", "Informasi", "23,81%"} <= words
    assert words - set(page.split()) == set()


def _empty_headings(document: Any) -> list[str]:
    """Headings followed by nothing but a heading of the same or a higher level."""
    blocks: list[tuple[int | None, str]] = []
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:tbl"):
            blocks.append((None, "table"))
        elif child.tag == qn("w:p"):
            properties = child.pPr
            named = properties is not None and properties.pStyle is not None
            style = properties.pStyle.val if named else ""
            text = "".join(t.text or "" for t in child.iter(qn("w:t")))
            level = int(style[-1]) if style.startswith("Heading") else None
            if level is not None or text.strip():
                blocks.append((level, text))
    return [
        text
        for (level, text), (after, _) in zip(blocks, [*blocks[1:], (1, "")], strict=True)
        if level is not None and after is not None and after <= level
    ]


def test_no_empty_heading(document: Any) -> None:
    assert _empty_headings(document) == []


def test_an_office_with_only_the_core_templates(tmp_path: Path) -> None:
    """Another office, without the Kominfo modules, sdm or narasi: its sections without
    tables are left out, its narrative gaps are marked, no Kominfo evidence appears."""
    data = tmp_path / "data"
    data.mkdir()
    for kind in ("identitas", "kinerja", "anggaran"):
        shutil.copy(Path(str(contoh.example_dir() / f"{kind}.json")), data)
    path = data / "identitas.json"
    content = json.loads(path.read_text(encoding="utf-8"))
    content["sheets"]["Identitas"].update(
        instansi="Dinas Pendidikan", jabatan="Kepala Dinas Pendidikan Kota Binjai"
    )
    path.write_text(json.dumps(content, ensure_ascii=False), encoding="utf-8")
    api.write_dataset(data, tmp_path / "inputs")
    result = _compile(tmp_path / "inputs", tmp_path / "out")
    assert result.dokumen.name == "LKjIP_Dinas_Pendidikan_2024.docx"
    document = Document(str(result.dokumen))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert not any("Sumber Daya Aparatur" in h for h in headings)
    assert _empty_headings(document) == []
    generated = "\n".join(_generated_paragraphs(document))
    assert "Dinas Pendidikan Kota Binjai" in generated
    assert "Komunikasi dan Informatika" not in generated
    assert "Indeks SPBE Pemerintah" not in generated  # the sentence of the spbe module
    captions = [p.text for p in document.paragraphs if p.style.name == "Caption"]
    assert captions and not any("SPBE" in c or "Pengaduan" in c for c in captions)
    gaps = [p.text for p in document.paragraphs if p.text.startswith("[Isi: ")]
    assert "[Isi: latar belakang (narasi.xlsx, sheet Narasi)]" in gaps
    assert "[Isi: langkah ke depan (narasi.xlsx, sheet Narasi)]" in gaps
    assert "[Isi: visi dan misi (narasi.xlsx, sheet Narasi)]" in gaps


def test_pdf_of_the_document_for_esakip(tmp_path: Path) -> None:
    """With --pdf the document is printed too, under its own name (the workbook's PDF
    keeps the workbook's), and the command says so."""
    require_libreoffice()
    code, output = run_cli(
        "compile", "--contoh", "--dokumen", "--pdf", "-o", tmp_path / "lkjip.xlsx"
    )
    assert code == 0, output
    document_pdf = tmp_path / "LKjIP_Dinas_Komunikasi_dan_Informatika_2024.pdf"
    assert (tmp_path / "lkjip.pdf").is_file() and document_pdf.is_file()
    assert f"PDF dokumen ditulis: {document_pdf}" in " ".join(output.split())
    text = subprocess.run(
        ["pdftotext", str(document_pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "KATA PENGANTAR" in text and "BAB IV PENUTUP" in text
    _lists_show_the_pages(document_pdf)
    assert size_warning(document_pdf) is None  # well under e-SAKIP's 10 MB
    warning = size_warning(document_pdf, limit_mb=0.01)
    assert warning is not None and "melebihi batas unggah e-SAKIP" in warning


def _lists_show_the_pages(pdf: Path) -> None:
    """Daftar Isi, Tabel and Gambar end each entry with the page its heading or caption
    is printed on (the page's own text, as pdftotext reads it page by page)."""
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    pages = text.split("\f")
    for entry, printed in (
        ("BAB I PENDAHULUAN", "BAB I PENDAHULUAN"),
        ("BAB II PERENCANAAN KINERJA", "BAB II PERENCANAAN KINERJA"),
        ("BAB III AKUNTABILITAS KINERJA", "BAB III AKUNTABILITAS KINERJA"),
        ("BAB IV PENUTUP", "BAB IV PENUTUP"),
        ("B. Realisasi Anggaran", "B. Realisasi Anggaran"),
        ("Tabel 3.1 Skala Nilai Peringkat Kinerja", "Tabel 3.1 Skala Nilai Peringkat Kinerja"),
        ("Gambar 3.6 Anggaran dan Realisasi per Program", "Gambar 3.6 Anggaran dan Realisasi"),
    ):
        listed = re.search(rf"^ *{re.escape(entry)}\.+\s*(\d+)$", text, re.M)
        assert listed, f"no page number after {entry!r}"
        page = pages[int(listed.group(1)) - 1]
        assert any(line.strip().startswith(printed) for line in page.splitlines()), entry
        earlier = pages[int(listed.group(1)) - 2]
        assert not any(line.strip() == printed for line in earlier.splitlines()), entry


def test_the_email_draft_carries_the_document(tmp_path: Path) -> None:
    code, output = run_cli(
        "compile", "--contoh", "--dokumen", "--eml", "-o", tmp_path / "lkjip.xlsx"
    )
    assert code == 0, output
    message = message_from_bytes((tmp_path / "lkjip.eml").read_bytes(), policy=policy.default)
    attached = {part.get_filename(): part.get_content_type() for part in message.iter_attachments()}
    document = tmp_path / "LKjIP_Dinas_Komunikasi_dan_Informatika_2024.docx"
    assert attached == {
        "lkjip.xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        document.name: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    }
    sent = next(p for p in message.iter_attachments() if p.get_filename() == document.name)
    assert sent.get_content() == document.read_bytes()
    body = message.get_body(("plain",)).get_content().splitlines()
    assert "- lkjip.xlsx (tabel LKjIP, Excel)" in body
    assert f"- {document.name} (dokumen laporan LKjIP, Word)" in body


def _variant_document(tmp_path: Path, **changes: Any) -> Any:
    """The Word document of the example with `changes` (see example_variant)."""
    return Document(str(_compile(example_variant(tmp_path, **changes), tmp_path / "out").dokumen))


def _section(document: Any, heading: str) -> list[str]:
    """The paragraphs under the Heading 3 starting with `heading`, up to the next heading."""
    lines, inside = [], False
    for paragraph in document.paragraphs:
        if paragraph.style.name.startswith("Heading"):
            inside = paragraph.style.name == "Heading 3" and paragraph.text.startswith(heading)
        elif inside:
            lines.append(paragraph.text)
    return lines


def test_each_sasaran_is_compared_from_the_tables(document: Any) -> None:
    first = _section(document, "Sasaran 1:")
    assert first[:2] == [
        "Target dan realisasi",
        'Capaian indikator kinerja sasaran "Meningkatkan cakupan infrastruktur jaringan TIK dan '
        'sistem informasi yang terintegrasi" adalah sangat tinggi, yaitu mencapai 104,70%.',
    ]
    assert (
        'Realisasi indikator "Indeks Nilai SPBE" tahun 2024 sebesar 3,12, naik dari 2,98 pada '
        "tahun 2023; kinerjanya membaik."
    ) in first
    assert "Dibandingkan standar nasional" in first
    assert (
        "Standar nasional indikator sasaran ini belum diisi (narasi.xlsx, sheet Standar Nasional, "
        "kolom Standar Nasional), sehingga belum dibandingkan dengan standar nasional."
    ) in first
    # The seed's Renstra rows name the IKU indicator they are ("Sama dengan IKU"):
    # each is compared in its sasaran; an unlinked sasaran says so.
    assert first[first.index("Dibandingkan target akhir Renstra") + 1] == (
        "Indikator sasaran ini belum dikaitkan dengan baris mana pun di sheet Renstra "
        '(kinerja.xlsx, sheet Renstra, kolom "Sama dengan IKU"), sehingga belum dibandingkan '
        "dengan target akhir Renstra (2026)."
    )
    third = _section(document, "Sasaran 3:")
    # Its second indicator has no Renstra row: said, not dropped.
    assert third[third.index("Dibandingkan target akhir Renstra") + 1 :][:3] == [
        'Realisasi indikator "Jumlah Informasi Publik Yang Terpublikasi" tahun 2024 (3.346) '
        "mencapai 260,39% dari target akhir Renstra tahun 2026.",
        'Indikator "Persentase data statistik sektoral yang tersusun" belum dikaitkan dengan '
        'baris sheet Renstra (kinerja.xlsx, kolom "Sama dengan IKU"), sehingga belum '
        "dibandingkan dengan target akhir Renstra (2026).",
        "Dibandingkan standar nasional",
    ]
    fourth = _section(document, "Sasaran 4:")
    assert (
        'Realisasi indikator "Jumlah pengaduan masyarakat secara online yang ditindaklanjuti" '
        "tahun 2024 (82%) mencapai 82,00% dari target akhir Renstra tahun 2026."
    ) in fourth
    # The Renstra rows no IKU indicator links to: in a section of their own.
    renstra = _section(document, "Capaian terhadap Target Akhir Renstra")
    assert renstra[:2] == [
        "Meningkatnya pemanfaatan layanan publik berbasis TIK, akses dan kualitas layanan "
        "public, dan meningkatnya implementasi pengembangan sistem pelaporan dan Capaian "
        "kinerja dan keuangan",
        'Realisasi indikator "Jumlah Titik Hot Spot di Ruang Publik" tahun 2024 (45) mencapai '
        "72,58% dari target akhir Renstra tahun 2026.",
    ]
    assert not any("Terpublikasi" in line or "pengaduan" in line for line in renstra)
    assert any("tidak diisi, sehingga capaian terhadapnya" in line for line in renstra)


def test_the_closing_summary_has_its_own_heading(document: Any) -> None:
    """Not read as part of the last sasaran."""
    assert _section(document, "Capaian Kinerja Organisasi secara Keseluruhan") == [
        "Capaian kinerja rata-rata tahun 2024 sebesar 180,61% dengan predikat Sangat Tinggi.",
        "Indikator yang belum mencapai target: Persentase Jumlah OPD yang menggunakan tanda "
        "tangan elektronik (80,00%).",
    ]
    assert not any("rata-rata" in line for line in _section(document, "Sasaran 4:"))


def test_a_renstra_without_links_is_matched_by_sasaran_name(tmp_path: Path) -> None:
    """No "Sama dengan IKU" and no same indicator name: the Renstra rows under a sasaran
    of the IKU's name are that sasaran's; no section of their own is left."""

    def unlinked(sheets: dict[str, Any]) -> None:
        for row in sheets["Renstra"]:
            row["iku"] = None
        sheets["Renstra"][0]["sasaran"] = sheets["IKU"][0]["sasaran"]

    document = _variant_document(tmp_path, kinerja=unlinked)
    first = _section(document, "Sasaran 1:")
    assert (
        'Realisasi indikator "Jumlah Titik Hot Spot di Ruang Publik" tahun 2024 (45) mencapai '
        "72,58% dari target akhir Renstra tahun 2026."
    ) in first
    assert any("Sama dengan IKU" in line for line in _section(document, "Sasaran 2:"))
    assert _section(document, "Capaian terhadap Target Akhir Renstra") == []


def test_a_turun_indicator_reads_lower_is_better(tmp_path: Path) -> None:
    """Changing the inputs changes the sentences: a rising value of a Turun indicator
    is worse (against a national standard: tests/test_standar.py)."""

    def turun(sheets: dict[str, Any]) -> None:
        sheets["IKU"][0]["arah"] = "Turun"

    document = _variant_document(tmp_path, kinerja=turun)
    first = _section(document, "Sasaran 1:")
    assert (
        'Realisasi indikator "Indeks Nilai SPBE" tahun 2024 sebesar 3,12, naik dari 2,98 pada '
        "tahun 2023; kinerjanya memburuk (arah Turun: lebih rendah lebih baik)."
    ) in first


def _png(width: int, height: int) -> bytes:
    """A plain red PNG, written by hand (no imaging library needed)."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    rows = b"".join(b"\x00" + b"\xff\x00\x00" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def test_the_offices_logo_on_the_cover(example_master: Path, tmp_path: Path) -> None:
    folder = shutil.copytree(example_master, tmp_path / "inputs")
    (folder / "logo.png").write_bytes(_png(40, 50))
    document = Document(str(_compile(folder, tmp_path / "out").dokumen))
    logos = [s for s in document.inline_shapes if abs(s.width.cm - 5) < 0.01]
    assert len(logos) == 1 and abs(document.inline_shapes[0].width.cm - 5) < 0.01
    (folder / "logo.png").write_text("bukan gambar", encoding="utf-8")
    document = Document(str(_compile(folder, tmp_path / "again").dokumen))
    # A file that is no image: the cover goes without; the charts remain.
    assert not [s for s in document.inline_shapes if abs(s.width.cm - 5) < 0.01]


def test_charts_as_numbered_figures(compiled: api.CompileResult, document: Any) -> None:
    """One picture per chart of the workbook's tables, captioned below "Gambar 3.n", and
    listed in Daftar Gambar."""
    workbook = openpyxl.load_workbook(compiled.output)
    charts = sum(len(ws._charts) for ws in workbook.worksheets if ws.title.startswith("Tabel"))
    figures = [p.text for p in document.paragraphs if p.style.name == "Keterangan Gambar"]
    assert len(document.inline_shapes) == charts == len(figures) == 6
    assert figures[0] == "Gambar 3.1 Capaian Indikator Kinerja Utama terhadap Target"
    assert [f.split(" ")[1] for f in figures] == [f"3.{n}" for n in range(1, 7)]
    instructions = [n.text for n in document.element.body.iter(qn("w:instrText")) if n.text]
    assert any('\\t "Keterangan Gambar,1"' in text for text in instructions)


def test_init_dari_carries_last_years_narrative(example_master: Path, tmp_path: Path) -> None:
    code, output = run_cli("init", tmp_path / "2025", "--dari", example_master)
    assert code == 0, output
    checked = api.check(tmp_path / "2025")
    from xlkip.schema.narasi import NARASI, NARASI_SASARAN

    rows = {r.get("bagian"): r.get("isi") for r in checked.inputs.records(NARASI)}
    seed = contoh.load("narasi")["Narasi"]
    assert rows == {r["bagian"]: r["isi"] for r in seed}  # line breaks kept
    assert "\n1. Kepala Dinas;\n" in rows["Struktur Organisasi"]
    (sasaran,) = checked.inputs.records(NARASI_SASARAN)
    assert sasaran.get("solusi").startswith("Solusi / Harapan")


def test_a_2026_office_speaks_of_the_indeks_pemerintah_digital(tmp_path: Path) -> None:
    """Another office, another year: its own names and instrument, and last year's index
    (another instrument) said but never compared."""
    from tests.data_helpers import write_dataset

    folder = write_dataset("kota_contoh_2026", tmp_path / "inputs")
    result = api.compile_folder(folder, out_dir=tmp_path / "out", dokumen=True, force=True)
    assert result.dokumen is not None
    document = Document(str(result.dokumen))
    generated = "\n".join(_generated_paragraphs(document) + _table_texts(document))
    assert "Indeks Pemerintah Digital" in generated
    assert "Binjai" not in generated
    assert "instrumen yang berbeda, sehingga tidak dibandingkan" in generated
    assert "Tabel 3.5 Capaian Indeks Pemerintah Digital Pemerintah Kota Sukamaju" in generated
    assert "BAB IV PENUTUP" in generated and "2026" in generated
    assert _empty_headings(document) == []
    assert not _numbers_not_in_the_workbook(result.output, document)


def test_the_efficiency_per_sasaran_is_live_formulas_over_3_16_and_3_2(
    compiled: api.CompileResult,
) -> None:
    """Tabel 3.18 sums the 3.16 cells of each sasaran's programs (Program Pendukung) and
    takes its capaian from 3.2; every cell a formula carrying its value."""
    formulas = openpyxl.load_workbook(compiled.output)["Tabel 3.18"]
    values = openpyxl.load_workbook(compiled.output, data_only=True)
    table, program = values["Tabel 3.18"], values["Tabel 3.16"]
    assert [c.value for c in formulas[3]] == [
        "NO",
        "SASARAN STRATEGIS",
        "PROGRAM PENDUKUNG",
        "ANGGARAN",
        "REALISASI",
        "% REALISASI ANGGARAN",
        "CAPAIAN KINERJA",
        "EFISIENSI",
    ]
    # sasaran 3 has two indicators, served by two programs: their union
    assert formulas["C6"].value == (
        "PROGRAM PENGELOLAAN INFORMASI DAN KOMUNIKASI PUBLIK\n"
        "PROGRAM PENYELENGGARAAN STATISTIK SEKTORAL"
    )
    assert formulas["D6"].value == "=SUM('Tabel 3.16'!C6,'Tabel 3.16'!C8)"
    assert formulas["E6"].value == "=SUM('Tabel 3.16'!D6,'Tabel 3.16'!D8)"
    assert formulas["G6"].value == "='Tabel 3.2'!J6"
    assert formulas["H6"].value == '=IF(AND(ISNUMBER(F6),ISNUMBER(G6),(G6<>0)),(1-(F6/G6)),"-")'
    assert table["D6"].value == program["C6"].value + program["C8"].value == 2_669_341_286
    assert table["E6"].value == program["D6"].value + program["D8"].value == 2_353_858_709
    assert [table[f"G{r}"].value for r in range(4, 8)] == [
        values["Tabel 3.2"][f"J{r}"].value for r in (4, 5, 6, 8)
    ]
    for row in range(4, 8):
        persen = table[f"E{row}"].value / table[f"D{row}"].value
        assert table[f"F{row}"].value == pytest.approx(persen)
        assert table[f"H{row}"].value == pytest.approx(1 - persen / table[f"G{row}"].value)
    assert formulas["A8"].value == "Efisiensi = 1 − (realisasi anggaran ÷ capaian kinerja)"


def test_each_sasaran_reads_its_efficiency_and_programs(document: Any) -> None:
    second = _section(document, "Sasaran 2:")
    at = second.index("Efisiensi penggunaan sumber daya")
    assert second[at : at + 6] == [
        "Efisiensi penggunaan sumber daya",
        "Capaian kinerja sasaran ini 80,00%, dengan realisasi anggaran program pendukungnya "
        "40,86% (Rp84.750.188 dari Rp207.423.100; Tabel 3.18). Efisiensinya 48,93% (1 − "
        "(realisasi anggaran ÷ capaian kinerja)), bukan efisiensi: target sasaran ini belum "
        "tercapai, sementara sebagian besar anggaran program pendukungnya tidak terserap; "
        "angka ini menunjukkan anggaran yang tidak terserap, bukan penghematan.",
        "Program dan kegiatan pendukung",
        "Sasaran ini belum tercapai (80,00%); program yang mendukungnya adalah sebagai berikut.",
        "PROGRAM PENYELENGGARAAN PERSANDIAN UNTUK PENGAMANAN INFORMASI: realisasi Rp84.750.188 "
        "dari anggaran Rp207.423.100 (40,86%).",
        'Kegiatannya, "Penyelenggaraan Persandian untuk Pengamanan Informasi Pemerintah Daerah '
        'Kabupaten/Kota", menyerap 40,86% anggarannya.',
    ]
    first = _section(document, "Sasaran 1:")
    assert any(  # reached (104,70%): efficient
        line.startswith("Capaian kinerja sasaran ini 104,70%")
        and line.endswith("efisien: capaian kinerja lebih tinggi daripada penyerapan anggaran.")
        for line in first
    )
    assert (
        'Kegiatan yang paling menunjang (penyerapan tertinggi) adalah "Pengelolaan Nama Domain '
        "yang telah Ditetapkan oleh Pemerintah Pusat dan Sub Domain di Lingkup Pemerintah "
        'Daerah Kabupaten/Kota" (99,45%); yang paling menghambat (penyerapan terendah) adalah '
        '"Pengelolaan e- government Di Lingkup Pemerintah Daerah Kabupaten/Kota" (97,14%, sisa '
        "Rp50.609.256)."
    ) in first


def test_the_efficiency_sentences_follow_the_budget(tmp_path: Path) -> None:
    """A program's realisasi and the office's efisiensi formula change the table and the
    sentences of the sasaran it serves."""

    def spend(sheets: dict) -> None:
        rows = sheets["Realisasi Anggaran"]
        last = rows[-1]  # the persandian program's second sub kegiatan
        assert last["realisasi"] == "46.315.988"
        last["realisasi"] = "161.565.800"

    def selisih(sheets: dict) -> None:
        sheets["Pengaturan"]["rumus_efisiensi"] = "capaian kinerja − realisasi anggaran"

    inputs = example_variant(tmp_path, anggaran=spend, identitas=selisih)
    result = _compile(inputs, tmp_path / "out")
    formulas = openpyxl.load_workbook(result.output)["Tabel 3.18"]
    assert formulas["H5"].value == '=IF(AND(ISNUMBER(F5),ISNUMBER(G5)),(G5-F5),"-")'
    second = _section(Document(str(result.dokumen)), "Sasaran 2:")
    assert (
        "Capaian kinerja sasaran ini 80,00%, dengan realisasi anggaran program pendukungnya "
        "96,42% (Rp200.000.000 dari Rp207.423.100; Tabel 3.18). Efisiensinya -16,42% "
        "(capaian kinerja − realisasi anggaran), kurang efisien: target sasaran ini belum "
        "tercapai dan capaian kinerja lebih rendah daripada penyerapan anggaran."
    ) in second
    assert (
        "PROGRAM PENYELENGGARAAN PERSANDIAN UNTUK PENGAMANAN INFORMASI: realisasi Rp200.000.000 "
        "dari anggaran Rp207.423.100 (96,42%)."
    ) in second


@pytest.mark.parametrize(
    ("capaian", "persen", "value", "said"),
    [
        (1.05, 0.98, 0.07, "efisien: capaian kinerja lebih tinggi daripada penyerapan anggaran"),
        (
            1.0,
            1.1,
            -0.1,
            "kurang efisien: capaian kinerja lebih rendah daripada penyerapan anggaran",
        ),
        (1.0, 1.0, 0.0, "capaian kinerja seimbang dengan penyerapan anggaran"),
        (
            0.8,
            0.6,
            0.25,
            "bukan efisiensi: target sasaran ini belum tercapai, sementara sebagian anggaran "
            "program pendukungnya tidak terserap; angka ini menunjukkan anggaran yang tidak "
            "terserap, bukan penghematan",
        ),
        (
            0.5,
            0.9,
            -0.8,
            "kurang efisien: target sasaran ini belum tercapai dan capaian kinerja lebih rendah "
            "daripada penyerapan anggaran",
        ),
    ],
)
def test_a_missed_target_is_never_called_efficient(
    capaian: float, persen: float, value: float, said: str
) -> None:
    assert verdict(capaian, persen, value) == said


def test_without_program_pendukung_the_analyses_say_so(tmp_path: Path) -> None:
    def unlink(sheets: dict) -> None:
        for row in sheets["IKU"]:
            row["program"] = None

    result = _compile(example_variant(tmp_path, kinerja=unlink), tmp_path / "out")
    assert "Tabel 3.18" not in openpyxl.load_workbook(result.output).sheetnames
    first = _section(Document(str(result.dokumen)), "Sasaran 1:")
    missing = "Kolom Program Pendukung sheet IKU (kinerja.xlsx) belum diisi dengan program yang "
    assert (
        missing + "mendukung setiap indikator, sehingga efisiensi sasaran ini belum dapat dihitung."
    ) in first
    assert (
        missing + "mendukung setiap indikator, sehingga program pendukungnya belum dapat diuraikan."
    ) in first


def _heading_above(document: Any, caption: str) -> str:
    """The heading whose section holds the caption starting with `caption`."""
    heading = ""
    for paragraph in document.paragraphs:
        if paragraph.style.name.startswith("Heading"):
            heading = paragraph.text
        elif paragraph.style.name == "Caption" and paragraph.text.startswith(caption + " "):
            return heading
    raise AssertionError(f"no caption {caption}")


def test_evidence_tables_stand_in_their_sasaran(document: Any) -> None:
    """The tables an indicator names as its Bukti Dukung, in the section of its sasaran
    (the first naming them); the others under Data Pendukung Capaian Kinerja."""
    spbe = "Sasaran 1: Meningkatkan cakupan infrastruktur"
    for caption in ("Tabel 3.3", "Tabel 3.4", "Tabel 3.5", "Tabel 3.15"):
        assert _heading_above(document, caption).startswith(spbe), caption
    for caption in ("Tabel 3.9", "Tabel 3.10"):
        assert _heading_above(document, caption).startswith("Sasaran 3: Rasio Layanan Informasi")
    for caption in ("Tabel 3.11", "Tabel 3.12"):
        assert _heading_above(document, caption).startswith("Sasaran 4: Meningkatkan layanan")
    for caption in ("Tabel 3.6", "Tabel 3.7", "Tabel 3.8", "Tabel 3.13", "Tabel 3.14"):
        assert _heading_above(document, caption) == "Data Pendukung Capaian Kinerja", caption
    # Each table's sentence follows it in its section.
    assert (
        "Indeks SPBE Pemerintah Kota Binjai tahun 2024 sebesar 3,12 dengan predikat Baik, "
        "naik dari 2,98 pada tahun sebelumnya."
    ) in _section(document, spbe)
    assert any(line.startswith("Sebanyak ") for line in _section(document, "Sasaran 4:"))


def _signature_block(document: Any) -> str:
    heading = next(i for i, p in enumerate(document.paragraphs) if p.text == "KATA PENGANTAR")
    return next(p.text for p in document.paragraphs[heading:] if "NIP." in p.text)


def test_the_kata_pengantar_is_dated_from_pengaturan(
    document: Any, example_master: Path, tmp_path: Path
) -> None:
    """The signing date typed in Pengaturan (any way staff type it) signs the Kata
    Pengantar; none typed is a visible gap."""
    assert "[Isi: tanggal penandatanganan (identitas.xlsx, sheet Pengaturan)]" in (
        _signature_block(document)
    )
    folder = shutil.copytree(example_master, tmp_path / "inputs")
    cells = api.check(folder).inputs.form(PENGATURAN).cells
    set_cells(folder / "identitas.xlsx", PENGATURAN.name, {cells["tanggal_laporan"]: "20/2/2025"})
    signed = _signature_block(Document(str(_compile(folder, tmp_path / "out").dokumen)))
    assert signed.startswith("Binjai, 20 Februari 2025") and "[Isi:" not in signed
    # A kabupaten signs in its capital: the place typed in Pengaturan.
    set_cells(folder / "identitas.xlsx", PENGATURAN.name, {cells["tempat_laporan"]: "Stabat"})
    signed = _signature_block(Document(str(_compile(folder, tmp_path / "again").dokumen)))
    assert signed.startswith("Stabat, 20 Februari 2025")


def test_column_chart_labels_are_whole_and_apart(example_master: Path) -> None:
    """Gambar 3.6: the program names under the columns are printed whole (never cut
    after four lines) and no two names' boxes overlap or leave the picture."""
    from xlkip.compile import built_workbook
    from xlkip.render.dokumen.grafik import figure

    result = api.check(example_master)
    with built_workbook(result.inputs, result.report) as built:
        charts = [c for s in built.model.sheets for c in s.charts]
        chart = next(c for c in charts if c.title == "Anggaran dan Realisasi per Program")
        drawn = figure(chart)
        drawn.canvas.draw()
        renderer = drawn.canvas.get_renderer()
        labels = drawn.axes[0].get_xticklabels()
        boxes = [label.get_window_extent(renderer) for label in labels]
        names = [" ".join(label.get_text().split()) for label in labels]
    assert names[-1] == "PROGRAM PENYELENGGARAAN PERSANDIAN UNTUK PENGAMANAN INFORMASI"
    assert len(names) == 5
    for left, right in itertools.pairwise(boxes):
        assert left.x1 < right.x0, (left, right)
    width, height = drawn.bbox.width, drawn.bbox.height
    assert all(b.x0 >= 0 and b.x1 <= width and b.y0 >= 0 and b.y1 <= height for b in boxes)


def test_a_line_break_in_a_cell_is_a_line_break_in_word(document: Any) -> None:
    """Tabel 3.18 lists a sasaran's programs one per line: Word shows them so."""
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    both = (
        "PROGRAM PENGELOLAAN INFORMASI DAN KOMUNIKASI PUBLIK\n"
        "PROGRAM PENYELENGGARAAN STATISTIK SEKTORAL"
    )
    assert both in cells


def _bab_ii(document: Any) -> list[str]:
    """The paragraphs of Bab II's body, from its heading to Bab III's."""
    paragraphs = [p for p in document.paragraphs if p.text]
    bab = [i for i, p in enumerate(paragraphs) if p.style.name == "Heading 1"]
    start = next(i for i in bab if paragraphs[i].text == "BAB II PERENCANAAN KINERJA")
    end = next(i for i in bab if i > start)
    return [p.text for p in paragraphs[start:end]]


def test_bab_ii_opens_with_visi_misi_and_tells_its_tables(document: Any) -> None:
    bab = _bab_ii(document)
    assert bab[1:4] == [
        "A. Visi dan Misi",
        'Visi: "Mewujudkan Binjai Yang Lebih Maju, Berbudaya dan Religius."',
        "Misi:",
    ]
    assert [t for t in bab if re.match(r"[A-Z]\. ", t)] == [
        "A. Visi dan Misi",
        "B. Rencana Strategis",
        "C. Perjanjian Kinerja",
        "D. Anggaran",
    ]
    for sentence in (
        "Rencana Strategis menetapkan satu tujuan dengan empat sasaran strategis dan lima "
        "indikator kinerja yang ditargetkan untuk tahun 2024.",
        "Perjanjian Kinerja tahun 2024 memuat lima indikator kinerja dari empat sasaran strategis.",
        "Anggaran DPA murni tahun 2024 sebesar Rp9.407.766.959 untuk lima program.",
    ):
        assert sentence in bab
    assert not any("tidak disusun" in t for t in bab)


STATISTIK = "PROGRAM PENYELENGGARAAN STATISTIK SEKTORAL"


def _one_more_indicator(sheets: dict[str, Any]) -> None:
    sheets["IKU"].append({**sheets["IKU"][-1], "indikator": "Jumlah kanal pengaduan terpadu"})
    for row in sheets["IKU"]:
        if row.get("program") == STATISTIK:
            row["program"] = None


def _one_program_less(sheets: dict[str, Any]) -> None:
    sheets["DPA Murni"] = [r for r in sheets["DPA Murni"] if r["program"] != STATISTIK]
    rows = sheets["Realisasi Anggaran"]
    first = next(i for i, r in enumerate(rows) if r["program"] == STATISTIK)
    end = next(i for i in range(first + 1, len(rows)) if rows[i]["program"] is not None)
    sheets["Realisasi Anggaran"] = rows[:first] + rows[end:]


def test_bab_ii_sentences_follow_the_data(tmp_path: Path) -> None:
    inputs = example_variant(tmp_path, kinerja=_one_more_indicator, anggaran=_one_program_less)
    result = _compile(inputs, tmp_path / "out")
    bab = _bab_ii(Document(str(result.dokumen)))
    assert (
        "Perjanjian Kinerja tahun 2024 memuat enam indikator kinerja dari empat sasaran strategis."
    ) in bab
    assert "Anggaran DPA murni tahun 2024 sebesar Rp9.256.446.329 untuk empat program." in bab


def test_bab_ii_without_its_columns_says_which_to_fill(tmp_path: Path) -> None:
    """No Bab II column of the IKU sheet filled and no DPA murni: Tabel 2.1–2.4 are not
    made, and the document says which columns and sheets would make them."""

    def no_bab_ii(sheets: dict[str, Any]) -> None:
        for row in sheets["IKU"]:
            row.update(dict.fromkeys(BAB_II_KEYS))

    def no_dpa_murni(sheets: dict[str, Any]) -> None:
        sheets["DPA Murni"] = []

    inputs = example_variant(tmp_path, kinerja=no_bab_ii, anggaran=no_dpa_murni)
    bab = _bab_ii(Document(str(_compile(inputs, tmp_path / "out").dokumen)))
    assert [t for t in bab if re.match(r"[A-Z]\. ", t)] == ["A. Visi dan Misi"]
    assert (
        "Tabel anggaran DPA murni tidak disusun karena sheet DPA Murni di anggaran.xlsx belum "
        "diisi."
    ) in bab
    assert (
        "Tabel sasaran strategis, indikator kinerja utama dan Perjanjian Kinerja tidak disusun "
        "karena belum satu pun kolom Bab II di kinerja.xlsx, sheet IKU, yang diisi: Tujuan, "
        "Target Renstra 2024, Target PK 2024, Penanggung Jawab, Sumber Data dan "
        "Penjelasan/Rumus."
    ) in bab
    assert not any("Perjanjian Kinerja tahun 2024 memuat" in t for t in bab)
