"""Find the workbooks worth opening in a folder, and say what was passed over."""

from __future__ import annotations

import stat
from collections.abc import Callable
from pathlib import Path

from xlkip.findings import Finding, error, info, peringatan

WORKBOOK_SUFFIXES = {".xlsx", ".xlsm"}
DOCUMENT_INPUTS = frozenset({"templat.docx", "logo.png", "logo.jpg", "logo.jpeg"})
"""Files compile --dokumen reads (render/dokumen/): not passed over, so no note."""


def discover(folder: Path) -> tuple[list[Path], list[Finding]]:
    """The workbooks worth opening, and a note on every file passed over."""
    candidates: list[Path] = []
    findings: list[Finding] = []
    for path in sorted(folder.iterdir(), key=lambda p: p.name.lower()):
        name = path.name
        if path.is_dir() or name.startswith("."):
            continue
        if not is_regular(path):
            findings.append(not_regular(name, peringatan))
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
        elif name.lower() not in DOCUMENT_INPUTS:
            findings.append(
                info("berkas_dilewati", "Bukan berkas Excel (.xlsx) — dilewati.", file=name)
            )
    return candidates, findings


def is_regular(path: Path) -> bool:
    """A regular file, after following links; a path that cannot be looked at counts as
    one, for the opening to report. A pipe or a device (`/dev/zero`) never ends."""
    try:
        return stat.S_ISREG(path.stat().st_mode)
    except OSError:
        return True


IN_FOLDER = "Simpan di sini salinan berkas Excel yang sebenarnya."
AS_ARGUMENT = (
    "Sebutkan berkas unduhan SIPD yang sebenarnya (.xlsx, .xls atau .csv), bukan pipa "
    "atau perangkat; bila perlu salin dulu isinya ke sebuah berkas."
)


def not_regular(
    name: str, make: Callable[..., Finding] = error, advice: str = IN_FOLDER
) -> Finding:
    """`advice`: what to do, for a file found in a folder or a file named on the command."""
    return make(
        "bukan_berkas_biasa",
        f"Bukan berkas biasa (pipa, perangkat, atau tautan ke salah satunya) — tidak dibuka. "
        f"{advice}",
        file=name,
    )
