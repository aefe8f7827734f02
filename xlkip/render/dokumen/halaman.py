"""Page numbers in the Daftar Isi, Daftar Tabel and Daftar Gambar of the printed document.

Word refreshes its table-of-contents fields on opening; LibreOffice, which prints the PDF
e-SAKIP receives, shows the entries as written: it cannot be asked to refresh them without
a macro runtime its headless packages lack, and a PAGEREF field inside a list's entries
prints empty. So the document is laid out twice: a first PDF, whose bookmarks (headings,
and captions given an outline level for that print) say on which page each entry stands,
then the numbers are written after each entry and the PDF printed again. The entries'
text wraps short of the numbers' column, so the numbers move nothing; should the layout
still differ, it is laid out once more.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from docx import Document as open_document
from docx.document import Document
from docx.enum.text import WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm
from docx.text.paragraph import Paragraph

from xlkip.render.dokumen.word import text_width

PLACEHOLDER = "88"
"""A number as wide as most, so the first layout is the one the numbers get."""
CAPTION_OUTLINE = "8"
"""Outline level 9 (0-based 8): the captions' bookmarks, below any heading's."""
MAX_PRINTS = 3
NUMBER_COLUMN = Cm(1.2)
"""Room at the right for the page numbers, which stand beyond the text's right indent."""


def print_numbered(document: Path, work: Path, captions: tuple[str, ...]) -> Path:
    """The PDF of `document` (left as it is: Word numbers its lists itself) with page
    numbers in its lists. `captions` are the paragraph styles the Daftar Tabel and
    Daftar Gambar list."""
    from xlkip.render.libreoffice import convert

    numbers: list[str] | None = None
    source = work / f"{document.stem}.docx"
    for _ in range(MAX_PRINTS):
        word = open_document(str(document))
        _outline_captions(word, captions)
        lists = list_entries(word)
        texts = [[_text(entry) for entry in entries] for entries in lists]
        _number(word, lists, numbers or [PLACEHOLDER] * sum(map(len, lists)))
        word.save(str(source))
        pdf = convert(source, "pdf", work)
        found = pages_of(pdf, texts)
        if found == numbers:
            break
        numbers = found
    return pdf


def list_entries(document: Document) -> list[list[Paragraph]]:
    """The paragraphs of each table-of-contents field's shown result."""
    lists: list[list[Paragraph]] = []
    inside = False
    for paragraph in document.paragraphs:
        element = paragraph._p
        if any("TOC" in (node.text or "") for node in element.iter(qn("w:instrText"))):
            lists.append([])
            inside = True
        if inside:
            lists[-1].append(paragraph)
        kinds = [node.get(qn("w:fldCharType")) for node in element.iter(qn("w:fldChar"))]
        if kinds and kinds[-1] == "end":
            inside = False
    return lists


def _text(paragraph: Paragraph) -> str:
    return " ".join(paragraph.text.split())


def _outline_captions(document: Document, styles: tuple[str, ...]) -> None:
    for name in styles:
        properties = document.styles[name].element.get_or_add_pPr()
        level = properties.find(qn("w:outlineLvl"))
        if level is None:
            level = OxmlElement("w:outlineLvl")
            properties.append(level)
        level.set(qn("w:val"), CAPTION_OUTLINE)


def _number(document: Document, lists: list[list[Paragraph]], numbers: list[str]) -> None:
    """A right tab with dot leader, then the number, after each entry's text (inside the
    field's result, so Word's own update replaces them)."""
    width = text_width(document.sections[0])
    entries = [entry for entries in lists for entry in entries]
    for paragraph, number in zip(entries, numbers, strict=False):
        # The text wraps short of the numbers' column: a number never moves a line.
        paragraph.paragraph_format.right_indent = NUMBER_COLUMN
        texts = [run for run in paragraph._p.r_lst if run.find(qn("w:t")) is not None]
        if not number or not texts:
            continue
        paragraph.paragraph_format.tab_stops.add_tab_stop(
            width, WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS
        )
        run = OxmlElement("w:r")
        run.append(OxmlElement("w:tab"))
        shown = OxmlElement("w:t")
        shown.text = number
        run.append(shown)
        texts[-1].addnext(run)


def pages_of(pdf: Path, lists: list[list[str]]) -> list[str]:
    """Each entry's page number from the PDF's bookmarks: within a list, the first
    bookmark of that text after the one the entry before it matched; "" when none."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(str(pdf))
        marks = [
            (" ".join(str(item.title).split()), reader.get_destination_page_number(item) + 1)
            for item in _flat(reader.outline)
        ]
    except (PyPdfError, KeyError, ValueError):  # no bookmarks to read: no numbers
        marks = []
    found: list[str] = []
    for entries in lists:
        position = 0
        for entry in entries:
            index = next((i for i in range(position, len(marks)) if marks[i][0] == entry), None)
            found.append("" if index is None else str(marks[index][1]))
            position = position if index is None else index + 1
    return found


def _flat(items: list) -> Iterator:
    for item in items:
        if isinstance(item, list):
            yield from _flat(item)
        else:
            yield item
