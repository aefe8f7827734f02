"""Tabel 3.15: the office's own pemda listed once, however its name is typed, its
blank index filled by the computed one, and the ranks right."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from tests.helpers import set_cells
from xlkip import api
from xlkip.names import same_pemda

OWN = "Pemerintah Kota Binjai"


def _rows(output: Path) -> list[tuple[str, object, object, str, object]]:
    """(name, index value, index formula, predikat, rank) of every row of Tabel 3.15."""
    values = openpyxl.load_workbook(output, data_only=True)["Tabel 3.15"]
    formulas = openpyxl.load_workbook(output)["Tabel 3.15"]
    rows = []
    for row in range(4, values.max_row + 1):
        if not isinstance(values.cell(row, 1).value, int):
            break
        rows.append(
            (
                values.cell(row, 2).value,
                values.cell(row, 3).value,
                formulas.cell(row, 3).value,
                values.cell(row, 4).value,
                values.cell(row, 5).value,
            )
        )
    return rows


def _ranks(indices: list[float]) -> list[int]:
    return [1 + sum(1 for other in indices if other > mine) for mine in indices]


@pytest.mark.parametrize("typed", ["Kota Binjai", "KOTA  BINJAI", "Pemerintah Kota Binjai"])
def test_own_row_blank_index_is_the_computed_one(example: Path, tmp_path: Path, typed) -> None:
    set_cells(example / "spbe.xlsx", "Indeks Daerah Lain", {"A33": typed, "C33": None})
    result = api.compile_folder(example, tmp_path / "out.xlsx")
    assert result.output is not None, result.report.findings
    rows = _rows(result.output)
    assert len(rows) == 32
    own = [r for r in rows if same_pemda(r[0], OWN)]
    assert len(own) == 1
    _, value, formula, predikat, rank = own[0]
    assert value == pytest.approx(3.1196) and predikat == "Baik"
    assert isinstance(formula, str) and "Tabel 3.5" in formula
    indices = [r[1] for r in rows]
    assert indices == sorted(indices, reverse=True)
    assert [r[4] for r in rows] == _ranks(indices) and rank == 9


def test_own_pemda_missing_from_the_list_is_added_once(example: Path, tmp_path: Path) -> None:
    set_cells(example / "spbe.xlsx", "Indeks Daerah Lain", {"A33": None, "B33": None, "C33": None})
    rows = _rows(api.compile_folder(example, tmp_path / "out.xlsx").output)
    assert len(rows) == 32 and [r[0] for r in rows].count(OWN) == 1


def test_own_pemda_typed_twice_is_listed_once(example: Path, tmp_path: Path) -> None:
    set_cells(
        example / "spbe.xlsx",
        "Indeks Daerah Lain",
        {"A36": "Kota Binjai", "B36": "Kota", "C36": "3,12"},
    )
    result = api.compile_folder(example, tmp_path / "out.xlsx")
    rows = _rows(result.output)
    assert len(rows) == 32 and sum(1 for r in rows if same_pemda(r[0], OWN)) == 1
    assert ("peringatan", "baris_ganda", "A36") in {
        (f.tingkat.value, f.kode, f.sel) for f in result.report.findings
    }
