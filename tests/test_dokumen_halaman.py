"""Page numbers in the printed document's lists, without LibreOffice: entries matched to
a PDF's bookmarks, and numbers written inside the lists' fields (test_dokumen checks the
printed pages themselves)."""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.oxml.ns import qn
from pypdf import PdfWriter

from xlkip.render.dokumen.halaman import _number, list_entries, pages_of
from xlkip.render.dokumen.word import listed_entries


def _pdf(path: Path, marks: list[tuple[str, int, bool]]) -> Path:
    """A PDF of blank pages with bookmarks (title, page, nested under the one before)."""
    writer = PdfWriter()
    for _ in range(6):
        writer.add_blank_page(595, 842)
    parent = None
    for title, page, nested in marks:
        item = writer.add_outline_item(
            title=title, page_number=page - 1, parent=parent if nested else None
        )
        parent = parent if nested else item
    writer.write(str(path))
    return path


def test_entries_take_the_page_of_their_bookmark_in_order(tmp_path: Path) -> None:
    pdf = _pdf(
        tmp_path / "a.pdf",
        [
            ("BAB I", 2, False),
            ("A. Kesimpulan", 2, True),
            ("Tabel 1.1 Sesuatu  yang\npanjang", 3, True),
            ("BAB II", 4, False),
            ("A. Kesimpulan", 5, True),
        ],
    )
    lists = [
        ["BAB I", "A. Kesimpulan", "BAB II", "A. Kesimpulan", "BAB IX"],
        ["Tabel 1.1 Sesuatu yang panjang"],
    ]
    assert pages_of(pdf, lists) == ["2", "2", "4", "5", "", "3"]
    assert pages_of(_pdf(tmp_path / "b.pdf", []), [["BAB I"]]) == [""]
    (tmp_path / "rusak.pdf").write_bytes(b"%PDF-1.4 terpotong")
    assert pages_of(tmp_path / "rusak.pdf", [["BAB I"]]) == [""]


def test_numbers_stand_inside_the_lists_field() -> None:
    """Word's refresh replaces the field's result: a number after its end would stay."""
    document = Document()
    anchor = document.add_paragraph()
    listed_entries(anchor, 'TOC \\o "1-3"', [(1, "BAB I"), (2, "A. Latar")], "kosong")
    lists = list_entries(document)
    assert [[p.text for p in entries] for entries in lists] == [["BAB I", "A. Latar"]]
    _number(document, lists, ["3", ""])
    first, last = lists[0]
    assert first.text == "BAB I\t3" and last.text == "A. Latar"
    kinds = [
        node.get(qn("w:fldCharType")) or node.text
        for node in last._p.iter(qn("w:fldChar"), qn("w:t"))
    ]
    assert kinds == ["A. Latar", "end"]
    tabs = first.paragraph_format.tab_stops
    assert len(tabs) == 1 and first.paragraph_format.right_indent > 0
