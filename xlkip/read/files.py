"""Find the templates in a folder, open them safely, and recognise them by content."""

from __future__ import annotations

import contextlib
import warnings
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import openpyxl

from xlkip.findings import Finding, error, info
from xlkip.schema import MARKER_KIND, MARKER_TAHUN, MARKER_VERSION

WORKBOOK_SUFFIXES = {".xlsx", ".xlsm"}
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


@dataclass(frozen=True)
class Marker:
    kind: str
    version: int | None
    tahun: int | None = None


def discover(folder: Path) -> tuple[list[Path], list[Finding]]:
    """The workbooks worth opening, and a note on every file passed over."""
    candidates: list[Path] = []
    findings: list[Finding] = []
    for path in sorted(folder.iterdir(), key=lambda p: p.name.lower()):
        name = path.name
        if path.is_dir() or name.startswith("."):
            continue
        suffix = path.suffix.lower()
        if name.startswith("~$"):
            findings.append(
                info(
                    "berkas_kunci_dilewati",
                    "Berkas kunci Excel (muncul saat berkas sedang dibuka) — dilewati.",
                    file=name,
                )
            )
        elif suffix == ".xls":
            findings.append(
                error(
                    "format_xls",
                    "Format .xls (Excel 97–2003) tidak didukung. Buka di Excel lalu "
                    "Simpan Sebagai 'Buku Kerja Excel (*.xlsx)'.",
                    file=name,
                )
            )
        elif suffix in WORKBOOK_SUFFIXES:
            candidates.append(path)
        else:
            findings.append(
                info("berkas_dilewati", "Bukan berkas Excel (.xlsx) — dilewati.", file=name)
            )
    return candidates, findings


def open_workbook(path: Path) -> tuple[Any | None, Finding | None]:
    """Open with cached values (what staff see), or say why it cannot be read."""
    name = path.name
    try:
        with path.open("rb") as handle:
            head = handle.read(8)
    except OSError as exc:
        return None, error(
            "berkas_tidak_terbaca", f"Berkas tidak dapat dibaca ({exc.strerror}).", file=name
        )
    if head == _OLE_MAGIC:
        return None, error(
            "berkas_berpassword",
            "Berkas dilindungi kata sandi (terenkripsi), sehingga tidak dapat dibaca. Buka di "
            "Excel, hapus kata sandi (File > Info > Proteksi Buku Kerja), lalu simpan.",
            file=name,
        )
    if not zipfile.is_zipfile(path):
        return None, _corrupt(name)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return openpyxl.load_workbook(path, data_only=True), None
    except Exception:  # openpyxl raises many kinds on damaged parts
        return None, _corrupt(name)


def _corrupt(name: str) -> Finding:
    return error(
        "berkas_rusak",
        "Berkas rusak atau bukan buku kerja Excel yang utuh. Buka di Excel dan simpan ulang, "
        "atau salin isinya ke template baru dari xlkip init.",
        file=name,
    )


def read_marker(workbook: Any) -> Marker | None:
    """The template kind and version written by `xlkip init`, if any."""
    props = {}
    with contextlib.suppress(AttributeError):
        props = {p.name: p.value for p in workbook.custom_doc_props.props}
    if MARKER_KIND in props:
        return Marker(
            str(props[MARKER_KIND]).strip(),
            _as_int(props.get(MARKER_VERSION)),
            _as_int(props.get(MARKER_TAHUN)),
        )
    defined = workbook.defined_names.get(MARKER_KIND)
    if defined is not None and defined.attr_text:
        kind, _, version = defined.attr_text.strip('="').partition(":")
        return Marker(kind.strip(), _as_int(version))
    return None


def _as_int(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None
