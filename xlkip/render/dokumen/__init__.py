"""The LKjIP as an editable Word document: a second renderer of the built report.

Every table is the built workbook's table (its cells' values, shown with their number
formats), every generated sentence is the one the workbook's Ringkasan carries, and
the staff's prose comes from narasi.xlsx as plain text. Nothing is computed here.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from xlkip.output import safe_filename, write_atomically
from xlkip.text import angka

if TYPE_CHECKING:
    from xlkip.findings import Report
    from xlkip.inputs import Inputs
    from xlkip.tables import Built


def document_path(inputs: Inputs, workbook: Path) -> Path:
    """LKjIP_<instansi>_<tahun>.docx in the workbook's folder; "_dokumen" is added where the
    workbook has that name already, so the two PDFs never take one name."""
    instansi = str(inputs.identitas("instansi", ""))
    path = workbook.parent / safe_filename("LKjIP", instansi, str(inputs.tahun), suffix=".docx")
    return path.with_stem(path.stem + "_dokumen") if path.stem == workbook.stem else path


ESAKIP_LIMIT_MB = 10.0
"""e-SAKIP takes the report as one PDF of at most 10 MB."""


def write_document(built: Built, inputs: Inputs, report: Report, target: Path) -> Path:
    from xlkip.render.dokumen.susun import compose

    document = compose(built, inputs, report)
    return write_atomically(target, lambda path: document.save(str(path)))


def print_document(document: Path) -> Path:
    """<document>.pdf through LibreOffice, all-or-nothing: the PDF e-SAKIP receives, its
    Daftar Isi, Tabel and Gambar with page numbers. Raises
    LibreOfficeError or OutputError."""
    from xlkip.render.dokumen.halaman import print_numbered
    from xlkip.render.dokumen.susun import FIGURE_STYLE

    target = document.with_suffix(".pdf")
    with tempfile.TemporaryDirectory(prefix="xlkip-pdf-") as work:
        produced = print_numbered(document, Path(work), ("Caption", FIGURE_STYLE))
        write_atomically(target, lambda path: path.write_bytes(produced.read_bytes()))
    return target


def size_warning(pdf: Path, limit_mb: float = ESAKIP_LIMIT_MB) -> str | None:
    """What to say when the document's PDF is too big to upload."""
    size_mb = pdf.stat().st_size / 1_000_000
    if size_mb <= limit_mb:
        return None
    return (
        f"PDF dokumen {pdf.name} berukuran {angka(size_mb, 1)} MB, melebihi batas unggah "
        f"e-SAKIP {angka(limit_mb)} MB. Kecilkan gambar di dokumen Word (Format Gambar > "
        "Kompres Gambar), lalu simpan ulang sebagai PDF."
    )
