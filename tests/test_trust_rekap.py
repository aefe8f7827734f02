"""`xlkip rekap` the pemda can trust: its totals hold one pemda and one year, every row
says its folder, a full disk is a write failure, and the sheet prints readably."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from tests.rekap_helpers import budget, iku, write_office
from xlkip.rekap.workbook import REKAP


def rekap_rows(path: Path) -> list[dict[str, Any]]:
    """The Rekap OPD sheet's rows below its header, each by header name (values as
    cached, so formulas read as their results); a blank row ends nothing."""
    sheet = openpyxl.load_workbook(path, data_only=True)[REKAP]
    rows = list(sheet.iter_rows(values_only=True))
    header = next(i for i, row in enumerate(rows) if row and row[0] == "NO")
    names = [str(name) for name in rows[header]]
    return [dict(zip(names, row, strict=False)) for row in rows[header + 1 :]]


def _offices(root: Path) -> Path:
    write_office(root / "a", "Dinas A", [iku("A1", 100, 95)], [budget(1, 1_000, 900)])
    write_office(root / "b", "Dinas B", [iku("B1", 100, 50)], [budget(1, 2_000, 1_000)])
    return root


def _in_full_disk(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run xlkip where `full/` is a 16 KB disk: the rekap (12 KB) fits, an office's
    workbook (23 KB) does not. A private mount namespace needs no root on the host."""
    if shutil.which("unshare") is None:
        pytest.skip("unshare is not installed")
    (tmp_path / "full").mkdir()
    (tmp_path / "kept").mkdir()
    command = " ".join(f"'{a}'" for a in (sys.executable, "-m", "xlkip", *args))
    script = (
        "mount -t tmpfs -o size=16k tmpfs full || exit 99; "
        f"{command}; code=$?; cp -r full/. kept/; exit $code"
    )
    done = subprocess.run(
        ["unshare", "-Urm", "sh", "-c", script],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
    )
    if done.returncode == 99 or "unshare:" in done.stderr:
        pytest.skip(f"no private tmpfs here: {done.stderr.strip()}")
    return done


def test_a_full_disk_is_a_write_failure_not_an_unreadable_office(tmp_path: Path) -> None:
    _offices(tmp_path / "opd")
    args = ("rekap", "opd", "--tulis-per-opd", "-j", "2", "-o", "full/r.xlsx")
    done = _in_full_disk(tmp_path, *args)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "tidak terbaca" not in done.stdout + done.stderr
    assert "Kesalahan internal" not in done.stdout
    for name in ("Dinas A", "Dinas B"):
        assert (
            f"  • gagal ditulis {name} (opd/{name[-1].lower()}): Isian OPD ini terbaca, tetapi "
            "workbook LKjIP-nya gagal ditulis (disk penuh). Kosongkan ruang disk, lalu "
            "jalankan lagi rekap --tulis-per-opd."
        ) in done.stdout
    assert sorted(p.name for p in (tmp_path / "kept").iterdir()) == ["r.xlsx"]
    rows = rekap_rows(tmp_path / "kept" / "r.xlsx")
    a, b = rows[0], rows[1]
    assert (a["PERANGKAT DAERAH"], a["STATUS"]) == ("Dinas A", "gagal ditulis")
    assert "disk penuh" in a["KETERANGAN"]
    # read and compiled: its figures are the office's, not dashes
    assert (a["ANGGARAN (Rp)"], b["ANGGARAN (Rp)"]) == (1_000, 2_000)
