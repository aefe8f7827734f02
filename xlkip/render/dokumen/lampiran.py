"""The document's Lampiran: the Perjanjian Kinerja table (Lampiran 1), then each row of
narasi.xlsx's Lampiran sheet, a produced table or an image of the inputs' lampiran
folder. A row the check found wanting (tests/test_narasi.py) is left out here."""

from __future__ import annotations

import io
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.image.exceptions import UnrecognizedImageError
from docx.shared import Cm

from xlkip.render.dokumen.tabel import add_table, is_wide
from xlkip.render.dokumen.word import placeholder, text_width
from xlkip.schema.narasi import LAMPIRAN, LAMPIRAN_MAX_BYTES, gambar_lampiran
from xlkip.tables.lampiran import table_named
from xlkip.tables.perencanaan import perjanjian_kinerja
from xlkip.tables.spec import TableSpec

if TYPE_CHECKING:
    from xlkip.render.dokumen.susun import Writer

IMAGE_WIDTH = Cm(16)


@dataclass(frozen=True)
class Attachment:
    judul: str
    table: TableSpec[Any] | None = None
    image: Path | None = None


def attachments(w: Writer) -> list[Attachment]:
    """What the Lampiran holds, in order: the Perjanjian Kinerja when it is produced, then
    the staff's rows that name a produced table or a usable image."""
    found = []
    if w.sheet_of(perjanjian_kinerja) is not None:
        found.append(Attachment("Perjanjian Kinerja", table=perjanjian_kinerja))
    for record in w.inputs.records(LAMPIRAN):
        judul = " ".join(str(record.get("judul", "")).split())
        tabel, gambar = record.get("tabel"), record.get("gambar")
        if not judul or (tabel is None) == (gambar is None):
            continue
        if tabel is not None:
            spec = table_named(w.inputs, tabel)
            if not isinstance(spec, list) and w.sheet_of(spec) is not None:
                found.append(Attachment(judul, table=spec))
        else:
            path = gambar_lampiran(w.inputs.folder, gambar)
            if isinstance(path, Path):
                found.append(Attachment(judul, image=path))
    return found


def lampiran(w: Writer, cell_style: str) -> None:
    """The attachments after Bab IV, each under a Heading 2 "Lampiran <n> <judul>" that
    the table of contents lists; `cell_style` is the tables' cell paragraph style."""
    found = attachments(w)
    if not found:
        return
    for number, attachment in enumerate(found, start=1):
        wide = attachment.table is not None and is_wide(w.sheet_of(attachment.table))
        turned = wide != w.landscape
        w.orientation(wide)
        if number == 1:
            heading = w.heading("LAMPIRAN", 1)
            heading.paragraph_format.page_break_before = not turned
            turned = True
        heading = w.heading(f"Lampiran {number} {attachment.judul}", 2)
        heading.paragraph_format.page_break_before = not turned
        if attachment.table is not None:
            _table(w, attachment.table, cell_style)
        elif attachment.image is not None:
            _image(w, attachment.image)


def _table(w: Writer, spec: TableSpec[Any], cell_style: str) -> None:
    """The table again, titled as the workbook titles it but without a caption: Daftar
    Tabel lists it once, where the body places it."""
    sheet = w.sheet_of(spec)
    if sheet is None:
        return
    title = f"{w.ctx.label(spec)} {spec.title.format(**w.ctx.title_fields())}"
    w.paragraph().add_run(title).bold = True
    style_id = w.doc.styles[cell_style].style_id
    add_table(w.doc, sheet, text_width(w.doc.sections[-1]), style_id)


def _image(w: Writer, path: Path) -> None:
    paragraph = w.paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    width = min(text_width(w.doc.sections[-1]), IMAGE_WIDTH)
    try:
        paragraph.add_run().add_picture(io.BytesIO(_read(path)), width=width)
    except (UnrecognizedImageError, OSError, ValueError):
        # Changed between the check and now: said in the document, never a crash.
        placeholder(paragraph, f"gambar {path.name} tidak dapat dibaca; periksa berkasnya")


def _read(path: Path) -> bytes:
    """The checked file's bytes, refusing a link put in its place since the check."""
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    with os.fdopen(descriptor, "rb") as image:
        return image.read(LAMPIRAN_MAX_BYTES + 1)
