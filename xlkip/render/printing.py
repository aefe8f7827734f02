"""The copy of a workbook that is printed: sheets meant for staff only are hidden.

LibreOffice leaves hidden sheets out of a PDF, so hiding a sheet in a copy removes it
from the print while the workbook itself keeps it (and every formula that refers to
it still computes)."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Collection
from pathlib import Path
from xml.sax.saxutils import escape

WORKBOOK_PART = "xl/workbook.xml"
_SHEET = re.compile(rb'<sheet name="([^"]*)"')


def hide_sheets(xml: bytes, names: Collection[str]) -> bytes:
    """workbook.xml with each sheet of `names` marked hidden."""
    wanted = {escape(name, {'"': "&quot;"}).encode() for name in names}

    def hide(match: re.Match[bytes]) -> bytes:
        if match.group(1) in wanted:
            return match.group(0) + b' state="hidden"'
        return match.group(0)

    return _SHEET.sub(hide, xml)


def print_copy(workbook: Path, target: Path, hidden: Collection[str]) -> Path:
    """Copy `workbook` to `target` with the sheets `hidden` hidden; every other part of
    the file is copied unchanged."""
    with zipfile.ZipFile(workbook) as source, zipfile.ZipFile(target, "w") as copy:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == WORKBOOK_PART:
                data = hide_sheets(data, hidden)
            copy.writestr(info, data)
    return target
