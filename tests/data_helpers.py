"""Test datasets as filled templates, and reading a template's table back with openpyxl."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl

from xlkip import api, contoh
from xlkip.schema.writer import FORM_FIRST_ROW, HEADER_ROW

DATA = Path(__file__).resolve().parent / "data"


def write_dataset(name: str, folder: Path) -> Path:
    """tests/data/<name>/*.json written as filled templates into `folder`."""
    api.write_dataset(DATA / name, folder)
    return folder


def example_variant(folder: Path, **changes: Callable[[dict[str, Any]], None]) -> Path:
    """The built-in example's data with each change applied to the sheets of its template
    (`kinerja=…`, `narasi=…`), written as filled templates into `folder`/inputs."""
    data = folder / "data"
    shutil.copytree(Path(str(contoh.example_dir())), data)
    for kind, change in changes.items():
        path = data / f"{kind}.json"
        content = json.loads(path.read_text(encoding="utf-8"))
        change(content["sheets"])
        path.write_text(json.dumps(content, ensure_ascii=False), encoding="utf-8")
    api.write_dataset(data, folder / "inputs")
    return folder / "inputs"


def table_rows(path: Path, sheet: str) -> list[list[Any]]:
    """The data rows of a template's table, as openpyxl reads the cells (blank rows dropped)."""
    ws = openpyxl.load_workbook(path)[sheet]
    rows = [
        [c.value for c in row]
        for row in ws.iter_rows(min_row=HEADER_ROW + 2, max_col=ws.max_column)
    ]
    return [r for r in rows if any(v is not None for v in r)]


def table_cells(path: Path, sheet: str) -> list[list[Any]]:
    """Like table_rows, with the cells themselves (for number formats)."""
    ws = openpyxl.load_workbook(path)[sheet]
    rows = list(ws.iter_rows(min_row=HEADER_ROW + 2, max_col=ws.max_column))
    return [list(r) for r in rows if any(c.value is not None for c in r)]


def headers(path: Path, sheet: str) -> list[Any]:
    ws = openpyxl.load_workbook(path)[sheet]
    return [c.value for c in ws[HEADER_ROW + 1]]


def form_values(path: Path, sheet: str) -> dict[str, Any]:
    """Label (column A) -> value (column B) of a form sheet."""
    ws = openpyxl.load_workbook(path)[sheet]
    return {
        ws.cell(row=r, column=1).value: ws.cell(row=r, column=2).value
        for r in range(FORM_FIRST_ROW + 1, ws.max_row + 1)
        if ws.cell(row=r, column=1).value
    }


def filled_down(rows: list[list[Any]], col: int) -> list[list[Any]]:
    """Blank cells of column `col` mean "same as above", as the reader takes them."""
    out, previous = [], None
    for row in rows:
        row = list(row)
        if row[col] is None:
            row[col] = previous
        previous = row[col]
        out.append(row)
    return out
