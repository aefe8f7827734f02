"""LibreOffice headless: recalculate a workbook, or print it to PDF."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Mapping
from pathlib import Path

# Plain `soffice --convert-to` keeps the values stored in an .xlsx. This profile
# setting makes Calc recalculate every formula on load, so what it writes back is
# what a spreadsheet engine computes from our formulas. The locale settings make
# Calc print numbers the Indonesian way (9.475.869.588, 91,43%) whatever the
# machine's own locale: number formats in an .xlsx follow the "system" locale, and
# ooSetupSystemLocale alone sets it (checked: the UI locale, currency and document
# language change nothing in the printed numbers).
_RECALC_ALWAYS = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry"
           xmlns:xs="http://www.w3.org/2001/XMLSchema"
           xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <item oor:path="/org.openoffice.Office.Calc/Formula/Load">
    <prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop>
  </item>
  <item oor:path="/org.openoffice.Office.Calc/Formula/Load">
    <prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop>
  </item>
  <item oor:path="/org.openoffice.Setup/L10N">
    <prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>id-ID</value></prop>
  </item>
</oor:items>
"""

INSTALL_HINT = (
    "LibreOffice tidak ditemukan. Pasang dulu: di Debian/Ubuntu "
    "`sudo apt-get install libreoffice-calc-nogui`, di Windows unduh dari "
    "libreoffice.org (xlkip mencarinya di folder Program Files\\LibreOffice), lalu "
    "jalankan lagi."
)


class LibreOfficeError(RuntimeError):
    """LibreOffice is missing or could not convert the file."""


# Where the Windows installer puts LibreOffice when it is not on PATH (it never is).
_WINDOWS_ROOTS = ("ProgramFiles", "ProgramW6432", "ProgramFiles(x86)")
_MAC_APP = Path("/Applications/LibreOffice.app/Contents/MacOS/soffice")


def find_soffice(
    env: Mapping[str, str] | None = None,
    which: Callable[[str], str | None] = shutil.which,
) -> str | None:
    """soffice on PATH, else in LibreOffice's standard install folders."""
    found = which("soffice") or which("libreoffice")
    if found:
        return found
    for candidate in install_candidates(os.environ if env is None else env):
        if candidate.is_file():
            return str(candidate)
    return None


def install_candidates(env: Mapping[str, str]) -> list[Path]:
    """Program Files\\LibreOffice\\program\\soffice.exe and its kin (a versioned folder
    such as "LibreOffice 7" from older installers), then the macOS application."""
    candidates = []
    for name in _WINDOWS_ROOTS:
        root = env.get(name)
        if not root:
            continue
        base = Path(root)
        folders = [base / "LibreOffice", *sorted(base.glob("LibreOffice*"), reverse=True)]
        for folder in dict.fromkeys(folders):
            candidates.append(folder / "program" / "soffice.exe")
    candidates.append(_MAC_APP)
    return candidates


def convert(source: Path, target_format: str, out_dir: Path, timeout: float = 300) -> Path:
    """Convert `source` (recalculating every formula) into `out_dir`; return the new file."""
    soffice = find_soffice()
    if soffice is None:
        raise LibreOfficeError(INSTALL_HINT)
    with tempfile.TemporaryDirectory(prefix="xlkip-lo-") as profile:
        user = Path(profile) / "user"
        user.mkdir(parents=True)
        (user / "registrymodifications.xcu").write_text(_RECALC_ALWAYS, encoding="utf-8")
        command = [
            soffice,
            f"-env:UserInstallation={Path(profile).as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            target_format,
            "--outdir",
            str(out_dir),
            str(source),
        ]
        try:
            result = subprocess.run(
                command, capture_output=True, text=True, timeout=timeout, check=False
            )
        except subprocess.TimeoutExpired as exc:
            raise LibreOfficeError(f"LibreOffice tidak selesai dalam {timeout:.0f} detik.") from exc
    produced = out_dir / f"{source.stem}.{target_format.split(':')[0]}"
    if result.returncode != 0 or not produced.exists():
        raise LibreOfficeError(
            f"LibreOffice gagal mengonversi {source.name}: "
            f"{(result.stderr or result.stdout).strip()[:300]}"
        )
    return produced
