"""A downloaded file as grids of raw cell values: xlsx/xlsm/xls through python-calamine,
csv through the csv module (`;` or `,`, sniffed)."""

from __future__ import annotations

import codecs
import csv
import io
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from xlkip.findings import Finding, error
from xlkip.read.bounds import findings_of
from xlkip.read.files import AS_ARGUMENT, is_regular, not_regular
from xlkip.read.workbook import SourceWorkbook, Unreadable, open_calamine

WORKBOOK_SUFFIXES = {".xlsx", ".xlsm", ".xls"}
CSV_SUFFIXES = {".csv", ".txt"}
SUFFIXES = WORKBOOK_SUFFIXES | CSV_SUFFIXES
ENCODINGS = ("utf-8", "cp1252")
SNIFF_BYTES = 64 * 1024
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE, whose BOM begins it
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


@dataclass
class Grid:
    """One sheet (or a csv) as rows of raw values; 1-based access like Excel."""

    file: str
    sheet: str | None
    rows: list[list[Any]]
    findings: list[Finding] = field(default_factory=list)
    """Cells left out of the rows, far outside the table (see read.bounds)."""

    @property
    def max_row(self) -> int:
        return len(self.rows)

    def value(self, row: int, col: int) -> Any:
        if row > len(self.rows):
            return None
        cells = self.rows[row - 1]
        value = cells[col - 1] if col <= len(cells) else None
        return None if value == "" else value

    @property
    def max_col(self) -> int:
        return max((len(r) for r in self.rows[:200]), default=0)


def read_grids(path: Path) -> list[Grid]:
    """Every sheet of the file; Unreadable (with a finding naming the file) otherwise."""
    if not is_regular(path):
        raise Unreadable(not_regular(path.name, advice=AS_ARGUMENT))
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise Unreadable(
            error(
                "sipd_format_tidak_didukung",
                f"Format {suffix or '(tanpa ekstensi)'} tidak dapat dibaca. Unduh laporan SIPD "
                "sebagai Excel (.xlsx atau .xls) atau CSV.",
                file=path.name,
            )
        )
    if suffix in CSV_SUFFIXES:
        return [_read_csv(path)]
    if suffix == ".xls":
        book = _open_xls(path)
        return _grids(path, book.sheet_names, lambda name: (book.get_sheet_by_name(name), []))
    source = SourceWorkbook.open(path)  # checks the container first: zip bombs, DTDs
    try:
        if source.marker is not None:
            raise Unreadable(_own_template(path, source.marker.kind))
        return _grids(path, source.sheet_names, lambda name: _bounded(source, name))
    finally:
        source.close()


def _bounded(source: SourceWorkbook, name: str) -> tuple[Any, list[Finding]]:
    sheet, ignored = source.bounded_sheet(name)
    return sheet, findings_of(ignored, source.path.name, name)


def _own_template(path: Path, kind: str) -> Finding:
    return error(
        "sipd_template_xlkip",
        f"Berkas ini template {kind} dari xlkip, bukan unduhan SIPD. impor-anggaran membaca "
        "laporan realisasi yang diunduh dari SIPD (.xlsx, .xls atau .csv) dan menulis template "
        "anggaran; template yang sudah terisi dipakai langsung oleh xlkip check dan compile.",
        file=path.name,
    )


def _open_xls(path: Path) -> Any:
    """Excel 97–2003 (an OLE file, which SourceWorkbook refuses: no template is one)."""
    return open_calamine(path)


def _grids(path: Path, names: list[str], load: Callable[[str], tuple[Any, list[Finding]]]):
    try:
        return [_sheet_grid(path, name, *load(name)) for name in names]
    except Exception as exc:  # calamine's errors on a damaged sheet part
        raise Unreadable(_corrupt(path.name)) from exc


def _sheet_grid(path: Path, name: str, sheet: Any, findings: list[Finding]) -> Grid:
    rows = sheet.to_python(skip_empty_area=False)
    # A merged range shows its first value in every cell (headers merged over a pair of
    # columns, codes merged down): written into the rows, so reading is plain indexing.
    for (r0, c0), (r1, c1) in sheet.merged_cell_ranges or []:
        if r0 >= len(rows):
            continue
        value = rows[r0][c0] if c0 < len(rows[r0]) else None
        for row in range(r0, min(r1 + 1, len(rows))):
            cells = rows[row]
            for col in range(c0, min(c1 + 1, len(cells))):
                cells[col] = value
    return Grid(path.name, name, rows, findings)


def _read_csv(path: Path) -> Grid:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise Unreadable(
            error(
                "berkas_tidak_terbaca",
                f"Berkas tidak dapat dibaca ({exc.strerror}).",
                file=path.name,
            )
        ) from exc
    text = _decode(data, path.name)
    delimiter = sniff_delimiter(text[:SNIFF_BYTES])
    try:
        rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))  # "" is blank
    except csv.Error as exc:  # a NUL byte, an unclosed quote at the end of the file
        raise Unreadable(
            error(
                "berkas_rusak",
                "Berkas CSV tidak dapat dibaca (isinya rusak atau bukan teks). Unduh ulang dari "
                "SIPD, atau buka di Excel lalu simpan sebagai CSV.",
                file=path.name,
            )
        ) from exc
    return Grid(path.name, None, rows)


def _decode(data: bytes, name: str) -> str:
    """Text by its byte order mark (Excel's "Unicode Text" is UTF-16 with one), else UTF-16
    told by its zero bytes, else UTF-8, else Windows' cp1252 (older Excel's "CSV")."""
    encoding = bom_encoding(data) or _utf16_without_bom(data[:4096])
    if encoding is not None:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError as exc:
            raise Unreadable(_undecodable(name, encoding)) from exc
    for encoding in ENCODINGS:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def bom_encoding(data: bytes) -> str | None:
    return next((encoding for bom, encoding in BOMS if data.startswith(bom)), None)


def _utf16_without_bom(sample: bytes) -> str | None:
    """Plain text in UTF-16 has a zero byte beside nearly every character (Latin letters,
    digits, separators); which side says the byte order."""
    pairs = len(sample) // 2
    if pairs < 2:
        return None
    even, odd = sample[0 : 2 * pairs : 2].count(0), sample[1 : 2 * pairs : 2].count(0)
    if odd >= pairs * 0.4 and even <= pairs * 0.05:
        return "utf-16-le"
    if even >= pairs * 0.4 and odd <= pairs * 0.05:
        return "utf-16-be"
    return None


def _undecodable(name: str, encoding: str) -> Finding:
    shown = encoding.upper().replace("-SIG", "").replace("-LE", " LE").replace("-BE", " BE")
    return error(
        "sipd_pengodean_rusak",
        f"Berkas teks ini tidak dapat dibaca sebagai {shown}: pengodean hurufnya (encoding) "
        "rusak atau terpotong. Buka berkasnya di Excel lalu simpan sebagai 'CSV UTF-8 (Comma "
        "delimited)' atau sebagai Excel (.xlsx), atau unduh ulang dari SIPD.",
        file=name,
    )


def sniff_delimiter(sample: str) -> str:
    """`;` (Excel with Indonesian settings, where `,` is the decimal comma) or `,`: the
    delimiter that splits most lines into the same number of fields (quotes respected)."""
    lines = sample.splitlines()[:200]
    if len(lines) > 1:
        lines = lines[:-1]  # the sample may cut the last line
    best, best_score = ",", (0, 0)
    for delimiter in (";", ",", "\t", "|"):
        counts = Counter(len(row) for row in csv.reader(lines, delimiter=delimiter) if row)
        if not counts:
            continue
        fields, rows = max(counts.items(), key=lambda item: (item[1], item[0]))
        score = (rows, fields) if fields > 1 else (0, 0)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _corrupt(name: str):
    return error(
        "berkas_rusak",
        "Berkas rusak atau bukan buku kerja Excel yang utuh. Buka di Excel dan simpan ulang, "
        "atau unduh ulang dari SIPD.",
        file=name,
    )
