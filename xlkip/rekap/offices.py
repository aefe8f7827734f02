"""Which folders are offices: a folder that holds an xlkip template is one; inside a
pemda's folder, so is a subfolder holding any workbook (its templates may be damaged)."""

from __future__ import annotations

import zipfile
from pathlib import Path

from xlkip.read.files import WORKBOOK_SUFFIXES
from xlkip.schema import MARKER_KIND

_MARKER = MARKER_KIND.encode()
_MARKED_PARTS = ("docProps/custom.xml", "xl/workbook.xml")
"""Where `xlkip init` writes the marker: a custom property, or a defined name."""


def holds_templates(folder: Path) -> bool:
    """True when some workbook in `folder` carries the xlkip template marker."""
    try:
        paths = sorted(folder.iterdir())
    except OSError:
        return False
    return any(_is_workbook(p) and _marked(p) for p in paths)  # an .xls is never marked


def holds_workbooks(folder: Path) -> bool:
    """Some Excel file in `folder`, xlkip's or not (Excel's own ~$ lock files aside)."""
    try:
        paths = sorted(folder.iterdir())
    except OSError:
        return False
    return any(_is_workbook(p) for p in paths)


def _is_workbook(path: Path) -> bool:
    suffix = path.suffix.lower()
    return (suffix in WORKBOOK_SUFFIXES or suffix == ".xls") and not path.name.startswith(
        ("~$", ".")
    )


def _marked(path: Path) -> bool:
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            for part in _MARKED_PARTS:
                if part in names and _MARKER in archive.read(part):
                    return True
    except (OSError, zipfile.BadZipFile, ValueError, NotImplementedError, RuntimeError):
        return False  # the office's own check reports the damaged file
    return False


def find_offices(dirs: list[Path]) -> list[Path]:
    """Each DIR is an office, or a folder whose subfolders are offices.

    A subfolder whose workbooks carry no readable marker (all damaged, or not made by
    xlkip init) is still an office: its row says why nothing was read, rather than the
    office silently missing from the rekap. A DIR that is neither is listed too; a folder
    named twice counts once.
    """
    offices: list[Path] = []
    for folder in dirs:
        if holds_templates(folder) or not folder.is_dir():
            offices.append(folder)
            continue
        inside = [
            sub
            for sub in sorted(folder.iterdir(), key=lambda p: p.name.lower())
            if sub.is_dir() and not sub.name.startswith(".") and holds_workbooks(sub)
        ]
        offices.extend(inside or [folder])
    unique: dict[Path, Path] = {}
    for office in offices:
        unique.setdefault(office.resolve(), office)
    return list(unique.values())
