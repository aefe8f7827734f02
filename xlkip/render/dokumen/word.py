"""Word building blocks python-docx has no call for: fields, table row properties,
page setup, highlighted placeholders."""

from __future__ import annotations

from collections.abc import Sequence

from docx.document import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_COLOR_INDEX
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.section import Section
from docx.shared import Cm, Pt
from docx.text.paragraph import Paragraph

A4 = (Cm(21), Cm(29.7))
MARGINS = {"top": Cm(2.5), "bottom": Cm(3), "left": Cm(3), "right": Cm(2.5)}
"""A4 with the margins pemda guides ask for (DOKUMEN.md §1)."""
FONT = "Arial"


def _run_element(paragraph: Paragraph, child: OxmlElement) -> None:
    run = paragraph.add_run()
    run._r.append(child)


def _fld_char(kind: str, dirty: bool = False) -> OxmlElement:
    element = OxmlElement("w:fldChar")
    element.set(qn("w:fldCharType"), kind)
    if dirty:
        element.set(qn("w:dirty"), "true")
    return element


def field_begin(paragraph: Paragraph, instruction: str) -> None:
    """Open a complex field; what is written until `field_end` is its shown result."""
    _run_element(paragraph, _fld_char("begin", dirty=True))
    text = OxmlElement("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = f" {instruction} "
    _run_element(paragraph, text)
    _run_element(paragraph, _fld_char("separate"))


def field_end(paragraph: Paragraph) -> None:
    _run_element(paragraph, _fld_char("end"))


def simple_field(paragraph: Paragraph, instruction: str, shown: str = "1") -> None:
    field_begin(paragraph, instruction)
    paragraph.add_run(shown)
    field_end(paragraph)


def update_fields_on_open(document: Document) -> None:
    """Word refreshes the tables of contents (and their page numbers) when it opens
    the file; until then they show the entries written here."""
    settings = document.settings.element
    element = settings.find(qn("w:updateFields"))
    if element is None:
        element = OxmlElement("w:updateFields")
        settings.append(element)
    element.set(qn("w:val"), "true")


def page_setup(section: Section, landscape: bool = False, like: Section | None = None) -> None:
    """A4 with our margins, or the paper and margins of `like` (the office's template)."""
    width, height = A4 if like is None else sorted((like.page_width, like.page_height))
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (height, width) if landscape else (width, height)
    for side, size in MARGINS.items():
        margin = f"{side}_margin"
        setattr(section, margin, size if like is None else getattr(like, margin))


def new_section(document: Document, landscape: bool) -> Section:
    """A new page in the orientation asked, on the first section's paper and margins.
    A template's "different first page" (a kop on the cover only) stays with the cover."""
    section = document.add_section(WD_SECTION.NEW_PAGE)
    page_setup(section, landscape, like=document.sections[0])
    section.different_first_page_header_footer = False
    return section


def text_width(section: Section) -> int:
    return section.page_width - section.left_margin - section.right_margin


def placeholder(paragraph: Paragraph, what: str) -> None:
    """A visible gap for staff to fill: "[Isi: …]" highlighted yellow."""
    run = paragraph.add_run(f"[Isi: {what}]")
    run.font.highlight_color = WD_COLOR_INDEX.YELLOW
    run.italic = True


def base_styles(document: Document, staff: str, cells: str) -> None:
    """Arial throughout; `staff` for the staff's prose, `cells` for table cells."""
    styles = document.styles
    styles.add_style(staff, WD_STYLE_TYPE.PARAGRAPH).base_style = styles["Normal"]
    cell = styles.add_style(cells, WD_STYLE_TYPE.PARAGRAPH)
    cell.base_style = styles["Normal"]
    cell.font.size = Pt(9)
    cell.paragraph_format.space_after = Pt(0)
    cell.paragraph_format.line_spacing = 1.0
    normal = styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(11)
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), FONT)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.15
    for name, size in (("Heading 1", 14), ("Heading 2", 12), ("Heading 3", 11), ("Title", 20)):
        style = styles[name]
        style.font.name = FONT
        style.font.size = Pt(size)
        style.font.color.rgb = None
        rfonts = style.element.get_or_add_rPr().get_or_add_rFonts()
        for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            rfonts.attrib.pop(qn(attribute), None)
    # Each chapter and front-matter part starts a page: no empty page when the one
    # before ends full, as a page-break paragraph would leave.
    styles["Heading 1"].paragraph_format.page_break_before = True
    caption = styles["Caption"]
    caption.font.name = FONT
    caption.font.size = Pt(10)
    caption.font.bold = True
    caption.font.italic = False
    caption.font.color.rgb = None
    caption.paragraph_format.keep_with_next = True


def listed_entries(
    anchor: Paragraph, instruction: str, entries: Sequence[tuple[int, str]], empty: str
) -> None:
    """A TOC field (Daftar Isi, Daftar Tabel) before `anchor`, whose shown result already
    lists `entries` (level, text), so the list reads right before Word updates it."""
    first = anchor.insert_paragraph_before()
    field_begin(first, instruction)
    if not entries:
        first.add_run(empty)
        field_end(first)
        return
    paragraph = first
    for index, (level, text) in enumerate(entries):
        if index:
            paragraph = anchor.insert_paragraph_before()
        paragraph.paragraph_format.left_indent = Cm(0.6 * (level - 1))
        paragraph.paragraph_format.space_after = Pt(2)
        paragraph.add_run(text)
    field_end(paragraph)
