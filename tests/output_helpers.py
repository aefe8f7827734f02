"""Reading a compiled workbook back, and recalculating it with LibreOffice."""

from __future__ import annotations

import math
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from xlkip.render.libreoffice import convert, find_soffice
from xlkip.sheet.expr import Expr
from xlkip.sheet.model import SheetModel, Style, WorkbookModel

ERRORS = ("#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#N/A", "#NUM!", "#NULL!", "Err:")


def require_libreoffice() -> None:
    """In CI LibreOffice must be there; elsewhere the test may skip, saying why."""
    if find_soffice() is None:
        if os.environ.get("CI"):
            pytest.fail(
                "LibreOffice (soffice) is required in CI: apt-get install libreoffice-calc-nogui"
            )
        pytest.skip("LibreOffice is not installed (apt-get install libreoffice-calc-nogui)")


class Canary(Expr):
    """A formula stored with a deliberately wrong value: recalculation must fix it."""

    def render(self, here: SheetModel) -> str:
        return "1+1"

    def evaluate(self) -> float:
        return 3


def add_canary(model: WorkbookModel) -> None:
    sheet = SheetModel("Canary")
    sheet.put(0, 0, Canary(), Style())
    model.add(sheet)


def formula_cells(path: Path) -> dict[tuple[str, str], str]:
    formulas = openpyxl.load_workbook(path)
    return {
        (ws.title, cell.coordinate): cell.value
        for ws in formulas.worksheets
        for row in ws.iter_rows()
        for cell in row
        if isinstance(cell.value, str) and cell.value.startswith("=")
    }


def cached_values(path: Path) -> dict[tuple[str, str], Any]:
    values = openpyxl.load_workbook(path, data_only=True)
    return {
        (ws.title, cell.coordinate): cell.value
        for ws in values.worksheets
        for row in ws.iter_rows()
        for cell in row
    }


def same(a: Any, b: Any) -> bool:
    if isinstance(a, int | float) and isinstance(b, int | float):
        return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)
    return a == b


def recalculation_mismatches(path: Path, work: Path) -> tuple[int, list[str]]:
    """Formula cells whose LibreOffice value differs from the stored one."""
    recalculated = convert(path, "xlsx", work)
    formulas = formula_cells(path)
    ours, theirs = cached_values(path), cached_values(recalculated)
    problems = []
    for key, formula in formulas.items():
        stored, computed = ours.get(key), theirs.get(key)
        if isinstance(computed, str) and computed.startswith(ERRORS):
            problems.append(f"{key} {formula}: LibreOffice gives {computed}")
        elif not same(stored, computed):
            problems.append(f"{key} {formula}: stored {stored!r}, LibreOffice {computed!r}")
    return len(formulas), problems


_WORD = re.compile(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>'
)
Box = tuple[float, float, float, float, str]


def word_boxes(pdf: Path) -> list[list[Box]]:
    """Every word of every page with its box (pdftotext -bbox), clipped or not."""
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext is not installed (apt-get install poppler-utils)")
    xml = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return [
        [(float(a), float(b), float(c), float(d), w) for a, b, c, d, w in _WORD.findall(page)]
        for page in xml.split("<page ")[1:]
    ]
