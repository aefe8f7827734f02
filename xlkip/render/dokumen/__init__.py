"""The LKjIP as an editable Word document: a second renderer of the built report.

Every table is the built workbook's table (its cells' values, shown with their number
formats), every generated sentence is the one the workbook's Ringkasan carries, and
the staff's prose comes from narasi.xlsx as plain text. Nothing is computed here.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from xlkip.output import safe_filename, write_atomically

if TYPE_CHECKING:
    from xlkip.findings import Report
    from xlkip.inputs import Inputs
    from xlkip.tables import Built


def document_path(inputs: Inputs, workbook: Path) -> Path:
    """LKjIP_<instansi>_<tahun>.docx in the workbook's folder."""
    instansi = str(inputs.identitas("instansi", ""))
    return workbook.parent / safe_filename("LKjIP", instansi, str(inputs.tahun), suffix=".docx")


def write_document(built: Built, inputs: Inputs, report: Report, target: Path) -> Path:
    from xlkip.render.dokumen.susun import compose

    document = compose(built, inputs, report)
    return write_atomically(target, lambda path: document.save(str(path)))
