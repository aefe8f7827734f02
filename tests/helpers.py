"""Shared test helpers: the example folder, edits with openpyxl, and running the CLI."""

from __future__ import annotations

import json
import shlex
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from typer.testing import CliRunner

from xlkip import api
from xlkip.cli import app


def copy_folder(source: Path, target: Path) -> Path:
    shutil.copytree(source, target)
    return target


def edit(path: Path, change: Callable[[Any], None]) -> None:
    """Open a workbook as staff would in Excel, change it, save it."""
    workbook = openpyxl.load_workbook(path)
    change(workbook)
    workbook.save(path)


def set_cells(path: Path, sheet: str, values: dict[str, Any]) -> None:
    def change(workbook: Any) -> None:
        for ref, value in values.items():
            workbook[sheet][ref] = value

    edit(path, change)


def run_cli(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, [str(a) for a in args])
    return result.exit_code, result.output


def check_json(folder: Path) -> tuple[int, dict[str, Any]]:
    code, output = run_cli("check", str(folder), "--json")
    return code, json.loads(output)


def findings_of(folder: Path) -> list[tuple[str, str, str | None, str | None, str | None]]:
    """(tingkat, kode, file, sheet, sel) of every finding, in report order."""
    report = api.check(folder).report
    return [(f.tingkat.value, f.kode, f.file, f.sheet, f.sel) for f in report.sorted()]


def on_small_disk(
    folder: Path, args: tuple[str, ...], size: str, before: str = ""
) -> subprocess.CompletedProcess[str]:
    """Run `xlkip *args` in `folder`, where `full/` is a real tmpfs of `size` (a private
    mount namespace needs no root); `before` runs first, once the disk is mounted. What
    the disk held is copied to `kept/` before the namespace goes."""
    if shutil.which("unshare") is None:
        pytest.skip("unshare is not installed")
    (folder / "full").mkdir(exist_ok=True)
    (folder / "kept").mkdir(exist_ok=True)
    command = shlex.join((sys.executable, "-m", "xlkip", *args))
    script = (
        f"mount -t tmpfs -o size={size} tmpfs full || exit 99; {before}"
        f"{command}; code=$?; cp -r full/. kept/; exit $code"
    )
    done = subprocess.run(
        ["unshare", "-Urm", "sh", "-c", script],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=300,
    )
    if done.returncode == 99 or "unshare:" in done.stderr:
        pytest.skip(f"no private tmpfs here: {done.stderr.strip()}")
    return done
