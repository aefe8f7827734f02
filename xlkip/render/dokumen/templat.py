"""The office's own Word template: templat.docx in the inputs folder.

The document then starts from it: its styles, page setup and kop (headers and footers)
stay, and its body is the cover. The cover may hold a fixed set of fields, {{ instansi }}
and its kin, filled as plain text. No template engine runs: the template is untrusted
input, so a tag outside that set, a damaged file or one with macros is a finding and the
document falls back to xlkip's own styles and cover.
"""

from __future__ import annotations

import copy
import re
import zipfile
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from docx import Document as open_document
from docx.document import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.part import XmlPart
from docx.oxml.ns import qn
from lxml.etree import _Element

from xlkip.findings import Report, info, peringatan
from xlkip.render.dokumen.word import page_setup

if TYPE_CHECKING:
    from xlkip.inputs import Inputs
    from xlkip.tables.common import Context

NAME = "templat.docx"
MAX_BYTES = 10_000_000
MAX_UNPACKED = 100_000_000
"""A zip that unpacks to more than this is refused before python-docx opens it."""
FIELDS = ("instansi", "pemda", "provinsi", "tahun", "jabatan", "kepala", "nip")
"""The fields a cover may hold, written {{ instansi }}."""
FIELD = re.compile(r"\{\{\s*([a-z_]+)\s*\}\}")
TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}|\{\{|\}\}|\{%|%\}")
"""Anything a template engine would read as a tag, whole or broken."""
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_TEXT_PARTS = ("/word/document", "/word/header", "/word/footer")
BUILT_IN = ("Heading 1", "Heading 2", "Heading 3", "Caption", "List Bullet", "Table Grid")
"""Word's own styles an office may have restyled; xlkip's own are always added quietly."""
FALLBACK = " Dokumen ditulis dengan gaya dan sampul bawaan xlkip."


def load(folder: Path, values: Mapping[str, str], report: Report) -> Document | None:
    """The office's template with its fields filled, or None (none, or refused: a
    finding says why)."""
    path = folder / NAME
    if not path.exists() and not path.is_symlink():
        return None
    problem = _refusal(path)
    document = None
    if problem is None:
        try:
            document = open_document(str(path))
        except Exception:  # untrusted file: whatever python-docx trips on is "damaged"
            problem = (
                f"{NAME} tidak dapat dibuka sebagai dokumen Word: berkasnya rusak atau bukan "
                'dokumen Word. Buka di Word lalu Simpan Sebagai "Dokumen Word (*.docx)".'
            )
    if document is not None:
        problem = _external(document) or _unknown_tags(document)
    if problem is not None:
        report.add(peringatan("templat_dokumen", problem + FALLBACK, file=NAME))
        return None
    assert document is not None
    fill(document, values)
    return document


def _refusal(path: Path) -> str | None:
    """Why `path` is not opened at all: not a plain file, too big, no zip, macros."""
    if path.is_symlink() or not path.is_file():
        return f"{NAME} bukan berkas biasa (mis. tautan atau folder), jadi tidak dibuka."
    if path.stat().st_size > MAX_BYTES:
        return f"{NAME} lebih besar dari {MAX_BYTES // 1_000_000} MB; kecilkan gambarnya."
    try:
        with zipfile.ZipFile(path) as package:
            members = package.infolist()
    except (zipfile.BadZipFile, OSError):
        members = None
    if members is None:
        return (
            f"{NAME} bukan dokumen Word (.docx) yang utuh: rusak, atau berformat lain (mis. "
            '.doc atau PDF). Buka di Word lalu Simpan Sebagai "Dokumen Word (*.docx)".'
        )
    if sum(member.file_size for member in members) > MAX_UNPACKED:
        return f"{NAME} terlalu besar setelah dibuka; simpan ulang dari Word."
    if any(member.filename.lower().endswith("vbaproject.bin") for member in members):
        return (
            f"{NAME} berisi makro (VBA), mis. berkas .docm yang diganti namanya. Makro "
            'tidak dipakai: buka di Word lalu Simpan Sebagai "Dokumen Word (*.docx)".'
        )
    return None


def _external(document: Document) -> str | None:
    """A link the printing would follow out of the file (a picture or a template on a
    server): never fetched. Hyperlinks are only clicked."""
    for part in [document.part.package, *document.part.package.iter_parts()]:
        for rel in part.rels.values():
            if rel.is_external and rel.reltype != RT.HYPERLINK:
                return (
                    f"{NAME} memuat tautan ke berkas di luar dokumen ({rel.target_ref[:80]}), "
                    "mis. gambar yang ditautkan, bukan disisipkan. Sisipkan gambarnya "
                    '(Sisipkan > Gambar, tanpa "Tautkan ke File"), lalu simpan ulang.'
                )
    return None


def _text_parts(document: Document) -> Iterator[_Element]:
    """The body, headers and footers: where the office's text and tags are."""
    for part in document.part.package.iter_parts():
        if isinstance(part, XmlPart) and str(part.partname).startswith(_TEXT_PARTS):
            yield part.element


def _paragraph_texts(root: _Element) -> Iterator[list[_Element]]:
    """Each paragraph's w:t nodes in order, a text box's own paragraphs apart (a tag
    Word splits over several runs is whole again in their joined text)."""
    for paragraph in root.iter(qn("w:p")):
        texts = [
            node
            for node in paragraph.iter(qn("w:t"))
            if next(node.iterancestors(qn("w:p")), None) is paragraph
        ]
        if texts:
            yield texts


def _unknown_tags(document: Document) -> str | None:
    unknown: list[str] = []
    for root in _text_parts(document):
        for texts in _paragraph_texts(root):
            joined = "".join(node.text or "" for node in texts)
            for tag in TAG.findall(joined):
                field = FIELD.fullmatch(tag)
                if field is None or field.group(1) not in FIELDS:
                    unknown.append(tag)
    if not unknown:
        return None
    shown = ", ".join(dict.fromkeys(unknown[:5]))
    known = ", ".join(f"{{{{ {name} }}}}" for name in FIELDS)
    return (
        f"{NAME} memuat penanda yang tidak dikenal: {shown}. Penanda yang dapat dipakai: "
        f"{known}. Perbaiki atau hapus penanda itu di Word."
    )


def plain(value: object) -> str:
    """A staff string as one line of plain text that XML can hold."""
    return " ".join(_NOT_XML.sub("", str(value)).split())


def fill(document: Document, values: Mapping[str, str]) -> None:
    """Every {{ field }} replaced by its value as plain text, run by run: the text of the
    run where the tag starts takes the value, the rest of the tag is cut from the runs
    it spans, so each run keeps its formatting."""
    for root in _text_parts(document):
        for texts in _paragraph_texts(root):
            joined = "".join(node.text or "" for node in texts)
            for match in reversed(list(FIELD.finditer(joined))):
                _replace(texts, match.start(), match.end(), plain(values[match.group(1)]))


def _replace(texts: list[_Element], start: int, end: int, value: str) -> None:
    offset = 0
    for node in texts:
        text = node.text or ""
        low, high = offset, offset + len(text)
        offset = high
        if high <= start or low >= end:
            continue
        head = text[: start - low] + value if low <= start else ""
        node.text = head + text[max(end - low, 0) :] if high >= end else head
        node.set(qn("xml:space"), "preserve")


def has_text(root: _Element) -> bool:
    """`root` shows something: text, a field, a picture or a table."""
    if any((node.text or "").strip() for node in root.iter(qn("w:t"))):
        return True
    shown = (qn("w:drawing"), qn("w:pict"), qn("w:tbl"), qn("w:fldSimple"), qn("w:instrText"))
    return next(root.iter(*shown), None) is not None


def has_cover(document: Document) -> bool:
    """The template's body holds a cover (else xlkip writes its own after the kop)."""
    return has_text(document.element.body)


def complete_styles(document: Document, ours: Document, names: tuple[str, ...]) -> list[str]:
    """The styles of `names` the template lacks, copied from `ours` with the styles they
    are based on; returns the names added."""
    styles = document.styles.element
    by_name = {style.name_val: style.styleId for style in styles.style_lst}
    ids = set(by_name.values())
    added: list[str] = []
    for name in names:
        chain = []
        style = ours.styles[name].element
        while style is not None and style.name_val not in by_name:
            chain.append(style)
            based = style.basedOn_val
            style = ours.styles.element.get_by_id(based) if based else None
        for source in reversed(chain):
            element = copy.deepcopy(source)
            if element.styleId in ids:
                element.styleId = f"{element.styleId}Xlkip"
            if source.basedOn_val:  # the template's own style of that name
                based_on = ours.styles.element.get_by_id(source.basedOn_val)
                element.basedOn_val = by_name[based_on.name_val]
            number = element.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
            if number is not None:  # its list lives in our numbering part, not theirs
                number.getparent().remove(number)
            styles.append(element)
            by_name[element.name_val] = element.styleId
            ids.add(element.styleId)
        if chain and name in BUILT_IN:
            added.append(name)
    return added


def structure(document: Document) -> None:
    """What the document's structure needs whatever the office's look: each chapter on
    a new page, a caption kept with its table, a page size to lay tables out in."""
    styles = document.styles
    styles["Heading 1"].paragraph_format.page_break_before = True
    styles["Caption"].paragraph_format.keep_with_next = True
    section = document.sections[0]
    if None in (section.page_width, section.page_height, section.left_margin):
        page_setup(section)


def fields(inputs: Inputs, ctx: Context) -> dict[str, str]:
    """The cover's fields; a missing one is a visible gap, never "None"."""
    values = {
        "instansi": inputs.identitas("instansi"),
        "pemda": ctx.pemda,
        "provinsi": inputs.identitas("provinsi"),
        "tahun": ctx.tahun,
        "jabatan": inputs.identitas("jabatan"),
        "kepala": inputs.identitas("kepala"),
        "nip": inputs.identitas("nip"),
    }
    return {
        name: plain(value) if value not in (None, "") else f"[Isi: {name} (identitas.xlsx)]"
        for name, value in values.items()
    }


def styles_added(added: list[str], report: Report) -> None:
    if added:
        report.add(
            info(
                "templat_gaya_ditambah",
                f"Gaya {', '.join(added)} tidak ada di {NAME}; dipakai gaya bawaan xlkip. "
                "Tambahkan gaya itu di templat bila ingin tampilannya sendiri.",
                file=NAME,
            )
        )
