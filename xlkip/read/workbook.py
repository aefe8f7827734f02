"""Open a staff workbook safely and cheaply.

Values and merged ranges come from python-calamine (Rust; fast, and it never expands
XML entities). Number formats — needed only to tell 15% from 15 — come from openpyxl
in read-only mode, and only for the rows of the sheets that ask. Nothing here loads a
whole workbook into Python objects, so a sheet that declares a million rows or merges
F1:H1048576 costs what its real cells cost.
"""

from __future__ import annotations

import io
import mmap
import os
import posixpath
import re
import stat
import warnings
import zipfile
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path, PurePosixPath
from typing import Any

import python_calamine
from defusedxml import DefusedXmlException
from defusedxml import ElementTree as SafeTree

from xlkip.findings import Finding, error
from xlkip.read.bounds import Ignored, bounded, replace_part
from xlkip.read.files import not_regular
from xlkip.schema import MARKER_KIND, MARKER_TAHUN, MARKER_VERSION

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ENCRYPTED_STREAM = "EncryptedPackage"
XLS_STREAMS = frozenset({"Workbook", "Book"})
READ = mmap.ACCESS_READ
MAX_MEMBERS = 5_000
MAX_TOTAL_BYTES = 400 * 1024 * 1024
"""Uncompressed; the largest real LKjIP input is a few megabytes."""
MAX_RATIO = 200
RATIO_CHECKED_ABOVE = 10 * 1024 * 1024
DTD_SCAN_BYTES = 64 * 1024

DAMAGE = (
    KeyError,
    ValueError,
    OSError,
    EOFError,
    RuntimeError,
    zlib.error,
    zipfile.BadZipFile,
    SafeTree.ParseError,
    DefusedXmlException,
)
"""What a damaged zip or XML part raises while we read a part that is optional to us."""

_NS_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_NS_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_NS_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"


@dataclass(frozen=True)
class Marker:
    kind: str
    version: int | None
    tahun: int | None = None


class Unreadable(Exception):
    """The file cannot be read; `finding` says why, for staff."""

    def __init__(self, finding: Finding) -> None:
        super().__init__(finding.pesan)
        self.finding = finding


def _corrupt(name: str) -> Finding:
    return error(
        "berkas_rusak",
        "Berkas rusak atau bukan buku kerja Excel yang utuh. Buka di Excel dan simpan ulang, "
        "atau salin isinya ke template baru dari xlkip init.",
        file=name,
    )


def _refused(name: str, why: str) -> Finding:
    return error(
        "berkas_ditolak",
        f"Berkas tidak dibaca demi keamanan: {why}. Minta pengirim menyimpan ulang berkas dari "
        "Excel, atau salin isinya ke template baru dari xlkip init.",
        file=name,
    )


def preflight(path: Path) -> zipfile.ZipFile:
    """Check the container before any parser sees it: encryption, zip bombs, DTDs."""
    name = path.name
    try:
        # Non-blocking, so that a pipe put in place after the folder scan cannot hang us.
        with os.fdopen(os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)), "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                raise Unreadable(not_regular(name))
            head = handle.read(8)
    except OSError as exc:
        raise Unreadable(
            error("berkas_tidak_terbaca", f"Berkas tidak dapat dibaca ({exc.strerror}).", file=name)
        ) from exc
    if head == OLE_MAGIC:
        raise Unreadable(_ole_finding(path))
    try:
        archive = zipfile.ZipFile(path)
        members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError) as exc:
        raise Unreadable(_corrupt(name)) from exc
    if len(members) > MAX_MEMBERS:
        raise Unreadable(_refused(name, f"berisi {len(members)} bagian"))
    if sum(m.file_size for m in members) > MAX_TOTAL_BYTES:
        raise Unreadable(_refused(name, "ukuran isinya setelah diekstrak terlalu besar"))
    for member in members:
        if member.file_size > RATIO_CHECKED_ABOVE and (
            member.file_size > MAX_RATIO * max(member.compress_size, 1)
        ):
            raise Unreadable(
                _refused(
                    name, f"bagian {member.filename} termampatkan secara tidak wajar (bom zip)"
                )
            )
    for member in members:
        if member.filename.endswith((".xml", ".rels")) and _declares_dtd(archive, member):
            raise Unreadable(
                _refused(name, f"bagian {member.filename} memuat deklarasi DTD/entitas XML")
            )
    return archive


def _ole_finding(path: Path) -> Finding:
    """What an OLE compound file given as a workbook is: Excel keeps a password-protected
    .xlsx in one (streams EncryptionInfo, EncryptedPackage), and it is also the container
    of the old .xls format (stream Workbook, or Book before Excel 97)."""
    name = path.name
    streams = _ole_streams(path)
    if ENCRYPTED_STREAM in streams:
        return error(
            "berkas_berpassword",
            "Berkas dilindungi kata sandi (terenkripsi), sehingga tidak dapat dibaca. Buka di "
            "Excel, hapus kata sandi (File > Info > Proteksi Buku Kerja), lalu simpan.",
            file=name,
        )
    if streams & XLS_STREAMS:
        return error(
            "format_xls",
            f"Berkas ini berformat .xls lama (Excel 97–2003) walau namanya berakhiran "
            f"{path.suffix}. Buka di Excel lalu Simpan Sebagai 'Buku Kerja Excel (*.xlsx)'.",
            file=name,
        )
    return _corrupt(name)


def _ole_streams(path: Path) -> set[str]:
    """The stream names of interest found in the file (directory entries hold names in
    UTF-16; a byte search is enough to tell the kinds apart)."""
    try:
        with path.open("rb") as handle, mmap.mmap(handle.fileno(), 0, access=READ) as data:
            return {
                stream
                for stream in (ENCRYPTED_STREAM, *XLS_STREAMS)
                if data.find(stream.encode("utf-16-le") + b"\x00\x00") != -1
            }
    except (OSError, ValueError):
        return set()


def _declares_dtd(archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> bool:
    try:
        with archive.open(member) as stream:
            head = stream.read(DTD_SCAN_BYTES)
    except DAMAGE:
        return False  # the real parser will report the damage
    return b"<!DOCTYPE" in head or b"<!ENTITY" in head


def open_calamine(path: Path) -> Any:
    """The workbook through python-calamine; a password or damage is `Unreadable`."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return python_calamine.CalamineWorkbook.from_path(str(path))
    except python_calamine.PasswordError as exc:
        raise Unreadable(
            error(
                "berkas_berpassword",
                "Berkas dilindungi kata sandi. Hapus kata sandinya di Excel, lalu simpan.",
                file=path.name,
            )
        ) from exc
    except Exception as exc:  # calamine raises several kinds on damaged parts
        raise Unreadable(_corrupt(path.name)) from exc


@dataclass
class SourceWorkbook:
    path: Path
    archive: zipfile.ZipFile
    calamine: Any

    @classmethod
    def open(cls, path: Path) -> SourceWorkbook:
        archive = preflight(path)
        try:
            book = open_calamine(path)
        except Unreadable:
            archive.close()
            raise
        return cls(path, archive, book)

    def close(self) -> None:
        self.archive.close()
        self.calamine.close()

    @property
    def sheet_names(self) -> list[str]:
        return list(self.calamine.sheet_names)

    def sheet(self, name: str) -> SourceSheet | None:
        wanted = name.casefold().strip()
        for actual in self.sheet_names:
            if actual.casefold().strip() == wanted:
                try:
                    return SourceSheet(self, actual)
                except Exception as exc:  # calamine's errors on a damaged sheet part
                    raise Unreadable(
                        error(
                            "sheet_rusak",
                            f"Sheet '{actual}' rusak dan tidak dapat dibaca. Buka berkas di Excel, "
                            "simpan ulang, lalu jalankan lagi.",
                            file=self.path.name,
                            sheet=actual,
                        )
                    ) from exc
        return None

    def bounded_sheet(self, name: str) -> tuple[Any, Ignored]:
        """The calamine sheet `name` without its far cells (see bounds), and those cells.
        Damage raises: the callers report the sheet or the file as damaged."""
        part = self.sheet_parts[name]
        kept, ignored = bounded(self.archive.read(part))
        if not ignored.count:
            return self.calamine.get_sheet_by_name(name), ignored
        copy = python_calamine.CalamineWorkbook.from_filelike(
            replace_part(self.archive, part, kept)
        )
        try:
            return copy.get_sheet_by_name(name), ignored
        finally:
            copy.close()

    def _xml(self, member: str) -> Any | None:
        try:
            return SafeTree.fromstring(self.archive.read(member))
        except DAMAGE:
            return None

    @cached_property
    def marker(self) -> Marker | None:
        """The template kind, version and year written by `xlkip init`, if any."""
        props = self._custom_properties()
        if MARKER_KIND in props:
            return Marker(
                props[MARKER_KIND].strip(),
                _as_int(props.get(MARKER_VERSION)),
                _as_int(props.get(MARKER_TAHUN)),
            )
        defined = self._defined_names().get(MARKER_KIND)
        if defined:
            kind, _, version = defined.strip('="').partition(":")
            return Marker(kind.strip(), _as_int(version))
        return None

    def _custom_properties(self) -> dict[str, str]:
        root = self._xml("docProps/custom.xml")
        if root is None:
            return {}
        return {prop.get("name"): "".join(prop.itertext()) for prop in root if prop.get("name")}

    def _defined_names(self) -> dict[str, str]:
        root = self._xml("xl/workbook.xml")
        if root is None:
            return {}
        return {n.get("name"): n.text or "" for n in root.iter(f"{_NS_MAIN}definedName")}

    @cached_property
    def sheet_parts(self) -> dict[str, str]:
        """Sheet name -> its XML part inside the zip."""
        book, rels = self._xml("xl/workbook.xml"), self._xml("xl/_rels/workbook.xml.rels")
        if book is None or rels is None:
            return {}
        targets = {
            r.get("Id"): r.get("Target", "") for r in rels.iter(f"{_NS_PKG_REL}Relationship")
        }
        parts = {}
        for sheet in book.iter(f"{_NS_MAIN}sheet"):
            target = targets.get(sheet.get(f"{_NS_REL}id"), "")
            base = PurePosixPath("xl") if not target.startswith("/") else PurePosixPath("/")
            parts[sheet.get("name")] = posixpath.normpath(str(base / target)).lstrip("/")
        return parts

    @cached_property
    def _formats_book(self) -> Any:
        import openpyxl

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return openpyxl.load_workbook(self.path, read_only=True, data_only=True)


_CELL = re.compile(r"^([A-Z]+)(\d+)$")
_FORMULA = re.compile(rb"<f[ >/]")
"""A cell formula element; not <formula1> of a dropdown, nor <filterColumn>."""


def _as_int(value: Any) -> int | None:
    try:
        return int(str(value).strip())
    except (TypeError, ValueError):
        return None


def _filled(value: Any) -> bool:
    return value is not None and not (isinstance(value, str) and not value.strip())


def _column_index(letters: str) -> int:
    index = 0
    for letter in letters:
        index = index * 26 + ord(letter) - 64
    return index


@dataclass
class SourceSheet:
    """One sheet's cells, 1-based like Excel; a merged range shows its first value."""

    book: SourceWorkbook
    name: str
    _merged: dict[tuple[int, int], tuple[int, int]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        sheet, self.ignored = self.book.bounded_sheet(self.name)
        self.rows: list[list[Any]] = sheet.to_python(skip_empty_area=False)
        self.max_row = len(self.rows)
        self.max_col = max((len(r) for r in self.rows), default=0)
        for (r0, c0), (r1, c1) in sheet.merged_cell_ranges or []:
            # Only the cells that hold data matter: F1:H1048576 costs a few entries.
            for row in range(r0 + 1, min(r1 + 1, self.max_row) + 1):
                for col in range(c0 + 1, min(c1 + 1, self.max_col) + 1):
                    if (row, col) != (r0 + 1, c0 + 1):
                        self._merged[(row, col)] = (r0 + 1, c0 + 1)

    def values_at(self, row: int, cols: tuple[int, ...]) -> list[Any]:
        """`value` of several cells of one row: the same, in one go for a sheet without
        merged cells (every data row of a big sheet is read this way)."""
        if self._merged:
            return [self.value(row, col) for col in cols]
        if row > self.max_row:
            return [None] * len(cols)
        cells = self.rows[row - 1]
        width = len(cells)
        return [None if col > width or (value := cells[col - 1]) == "" else value for col in cols]

    def value(self, row: int, col: int) -> Any:
        row, col = self._merged.get((row, col), (row, col))
        if row > self.max_row:
            return None
        cells = self.rows[row - 1]
        value = cells[col - 1] if col <= len(cells) else None
        return None if value == "" else value

    def filled_right_of(self, col: int) -> Ignored:
        """The filled cells right of column `col`."""
        ignored = Ignored()
        if self.max_col > col:
            for row, cells in enumerate(self.rows, 1):
                for index in range(col, len(cells)):
                    if _filled(cells[index]):
                        ignored.add(row, index + 1)
        return ignored

    def filled_below(self, first: int, cols: Iterable[int]) -> Ignored:
        """The filled cells of columns `cols` from row `first` down."""
        ignored, cols = Ignored(), tuple(cols)
        for row in range(first, self.max_row + 1):
            for col, value in zip(cols, self.values_at(row, cols), strict=True):
                if _filled(value):
                    ignored.add(row, col)
        return ignored

    @cached_property
    def _percent_cells(self) -> set[tuple[int, int]]:
        """Cells whose number format shows a percentage (read once, only if asked).

        A workbook damaged where only formats live still has its values: then every
        number is read as typed, as if the cell had no % format.
        """
        found = set()
        try:
            ws = self.book._formats_book[self.name]
            for row in ws.iter_rows(min_row=1, max_row=self.max_row, max_col=self.max_col):
                for cell in row:
                    if "%" in (getattr(cell, "number_format", None) or ""):
                        found.add((cell.row, cell.column))
        except Exception:  # formats are a refinement; openpyxl fails in many ways on damage
            return set()
        return found

    def is_percent_format(self, row: int, col: int) -> bool:
        return self._merged.get((row, col), (row, col)) in self._percent_cells

    @cached_property
    def uncalculated_formulas(self) -> set[tuple[int, int]]:
        """Cells holding a formula but no stored result (saved by a tool that does not
        calculate): their value is unknown, not empty."""
        part = self.book.sheet_parts.get(self.name)
        if part is None:
            return set()
        try:
            data = self.book.archive.read(part)
        except DAMAGE:
            return set()
        if not _FORMULA.search(data):
            return set()
        found = set()
        try:
            for _, cell in SafeTree.iterparse(io.BytesIO(data)):
                if cell.tag != f"{_NS_MAIN}c":
                    continue
                formula, stored = cell.find(f"{_NS_MAIN}f"), cell.find(f"{_NS_MAIN}v")
                match = _CELL.match(cell.get("r", ""))
                if formula is not None and (stored is None or not stored.text) and match:
                    found.add((int(match.group(2)), _column_index(match.group(1))))
                cell.clear()
        except DAMAGE:
            return found
        return found
