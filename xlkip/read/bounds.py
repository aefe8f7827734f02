"""Keep a sheet's cost in proportion to its filled cells.

python-calamine holds a sheet as one dense grid from A1 to its farthest filled cell, so a
single character typed at XFD1048576 asks it for 2^34 cells (549 GB). Before calamine sees
a sheet, its XML is scanned for where the filled cells lie; a cell far beyond the others —
past column IV, after a long blank gap, or where the grid would grow out of proportion to
the cells that hold something — is cut from a copy of the sheet and reported, so calamine
only ever builds a grid the size of the real table.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field

from openpyxl.utils import get_column_letter

from xlkip.findings import Finding, peringatan
from xlkip.text import angka

COLUMN_LIMIT = 256
"""Column IV, the width of an Excel 97–2003 sheet: many times the widest template table
or SIPD export, far below XFD."""
MAX_GAP = 1000
"""Blank rows after which the table reader stops anyway (sheets.MAX_BLANK_RUN)."""
AREA_FLOOR = 1_000_000
"""Grid cells any sheet may take (about 32 MB in calamine)."""
DENSITY = 16
"""Beyond the floor, grid cells allowed per filled cell."""
REPORTED = 5
"""Ignored cells named one by one per sheet; the rest are counted."""

_ROW_TAG = re.compile(rb'<row(?: r="(\d+)")?[\s/>]')
_PREFIXED = re.compile(rb":(?:c|row|v|is|sheetData)[\s/>]")
"""Namespace-prefixed cells: positioned by the full scan."""
_TWO_LETTERS = re.compile(rb'<c r="[A-Z]{2}\d')
_TOKEN = re.compile(rb"<(?:[\w.-]+:)?(row|c)(?=[\s/>])([^>]*)>")
_REF = re.compile(rb'(?:^|\s)r="([A-Z]{0,3})(\d*)"')
_CELL_END = re.compile(rb"</(?:[\w.-]+:)?c>")


@dataclass
class Ignored:
    """Filled cells of one sheet left out of reading."""

    cells: list[str] = field(default_factory=list)
    """The first few, as Excel references."""
    count: int = 0

    def extend(self, other: Ignored) -> None:
        self.cells.extend(other.cells[: REPORTED - len(self.cells)])
        self.count += other.count

    def add(self, row: int, col: int) -> None:
        if len(self.cells) < REPORTED:
            self.cells.append(f"{get_column_letter(col)}{row}")
        self.count += 1


def findings_of(ignored: Ignored, file: str, sheet: str | None) -> list[Finding]:
    """A peringatan at each ignored cell named; the last one counts the rest."""
    findings = []
    for number, cell in enumerate(ignored.cells, 1):
        rest = ignored.count - len(ignored.cells) if number == len(ignored.cells) else 0
        more = f" Ada {angka(rest)} sel lain di luar tabel yang juga diabaikan." if rest else ""
        findings.append(
            peringatan(
                "sel_di_luar_tabel",
                f"Sel {cell} berisi nilai jauh di luar tabel, sehingga diabaikan (tidak dibaca)."
                f"{more} Hapus isi sel itu, atau pindahkan ke dalam tabel bila itu data.",
                file=file,
                sheet=sheet,
                sel=cell,
            )
        )
    return findings


def bounded(data: bytes) -> tuple[bytes, Ignored]:
    """The sheet XML with far cells cut, and which were cut (the same bytes if none)."""
    if _plainly_bounded(data):
        return data, Ignored()
    start, end = _sheet_data(data)
    rows, wide = _filled_rows(data, start, end)
    cut = _cut_row(rows)
    if cut is None and not wide:
        return data, Ignored()
    return _strip(data, start, end, cut)


def replace_part(archive: zipfile.ZipFile, part: str, data: bytes) -> io.BytesIO:
    """A copy of the workbook in memory with one part replaced."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as copy:
        for member in archive.infolist():
            content = data if member.filename == part else archive.read(member)
            copy.writestr(member.filename, content)
    buffer.seek(0)
    return buffer


def _plainly_bounded(data: bytes) -> bool:
    """A cheap proof, by a few searches that run in C, that the usual file is within
    bounds: every row tag is `<row r="n"` and every cell `<c r="…"` (as Excel, SIPD and
    xlsxwriter write them), no long gap between rows, no cell past column IV nor with a
    row number longer than the last row tag's, and the grid that allows is small for the
    values the sheet holds."""
    tagged = _ROW_TAG.findall(data)
    if b"" in tagged or _PREFIXED.search(data):
        return False
    numbers = sorted(map(int, tagged))
    if any(b - a > MAX_GAP for a, b in zip([0, *numbers], numbers, strict=False)):
        return False
    digits = len(str(numbers[-1])) if numbers else 1
    odd = re.compile(
        rb"<c(?:(?=[\s/>])(?! r=\")"  # a cell without its reference first
        rb'| r="(?:[A-Z]{3}|[J-Z][A-Z]|I[W-Z]|[A-Z]{1,2}\d{%d}))' % (digits + 1)
    )
    if odd.search(data):
        return False
    rows = 10**digits - 1
    if rows * 26 <= AREA_FLOOR:
        return True
    filled = data.count(b"<v>")
    if rows * COLUMN_LIMIT > DENSITY * filled:
        filled += data.count(b"<is>")
    budget = max(AREA_FLOOR, DENSITY * filled)
    if rows * COLUMN_LIMIT <= budget:
        return True
    return rows * 26 <= budget and not _TWO_LETTERS.search(data)


def _sheet_data(data: bytes) -> tuple[int, int]:
    match = re.search(rb"<(?:[\w.-]+:)?sheetData[\s/>]", data)
    if match is None:
        return 0, 0
    end = re.compile(rb"</(?:[\w.-]+:)?sheetData>").search(data, match.end())
    return match.start(), end.start() if end else len(data)


def _cells(data: bytes, start: int, end: int):
    """(row, column, filled, first byte, last byte) of each cell, positioned as calamine
    does: by its reference, else next to the cell before it."""
    row = col = 0
    for match in _TOKEN.finditer(data, start, end):
        tag, attrs = match.group(1), match.group(2)
        ref = _REF.search(attrs)
        if tag == b"row":
            row = int(ref.group(2)) if ref and ref.group(2) else row + 1
            col = 0
            continue
        if ref and ref.group(1):
            col = _column_index(ref.group(1))
            cell_row = int(ref.group(2)) if ref.group(2) else row
        else:
            col, cell_row = col + 1, row
        closed = attrs.endswith(b"/")
        filled = not closed and not data.startswith(b"</", match.end())
        stop = match.end()
        if not closed:
            close = _CELL_END.search(data, match.end(), end)
            stop = close.end() if close else end
        yield cell_row, col, filled, match.start(), stop


def _filled_rows(data: bytes, start: int, end: int) -> tuple[dict[int, tuple[int, int]], bool]:
    """Row -> (farthest filled column, filled cells) up to the column limit; and whether
    any filled cell lies past it."""
    rows: dict[int, tuple[int, int]] = {}
    wide = False
    for row, col, filled, _, _ in _cells(data, start, end):
        if not filled:
            continue
        if col > COLUMN_LIMIT:
            wide = True
            continue
        far, count = rows.get(row, (0, 0))
        rows[row] = (max(far, col), count + 1)
    return rows, wide


def _cut_row(rows: dict[int, tuple[int, int]]) -> int | None:
    """The first row left out: after a long blank gap, or where the grid would outgrow
    the filled cells before it."""
    previous = width = filled = 0
    for row in sorted(rows):
        far, count = rows[row]
        width, filled = max(width, far), filled + count
        if row - previous > MAX_GAP or row * width > max(AREA_FLOOR, DENSITY * filled):
            return row
        previous = row
    return None


def _strip(data: bytes, start: int, end: int, cut: int | None) -> tuple[bytes, Ignored]:
    ignored = Ignored()
    kept: list[bytes] = []
    position = 0
    for row, col, filled, first, last in _cells(data, start, end):
        if filled and (col > COLUMN_LIMIT or (cut is not None and row >= cut)):
            ignored.add(row, col)
            kept.append(data[position:first])
            position = last
    kept.append(data[position:])
    return b"".join(kept), ignored


def _column_index(letters: bytes) -> int:
    index = 0
    for letter in letters:
        index = index * 26 + letter - 64
    return index
