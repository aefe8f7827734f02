"""A big sheet is streamed (XlsxWriter's constant_memory for that sheet): its file must
hold exactly what the ordinary writer gives — values, formulas, formats, merges, row
heights — so the example is written both ways, every sheet streamed that may be."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
import pytest

from tests.golden.dump import dump
from xlkip import api
from xlkip.render import xlsx
from xlkip.tables import build_workbook


def _looks(path: Path) -> dict:
    book = openpyxl.load_workbook(path)
    return {
        ws.title: (
            sorted(str(r) for r in ws.merged_cells.ranges),
            {r: d.height for r, d in ws.row_dimensions.items() if d.height},
            ws.freeze_panes,
            ws.print_title_rows,
            [
                (
                    c.coordinate,
                    c.font.b,
                    c.font.i,
                    c.font.sz,
                    c.fill.fgColor.rgb,
                    c.alignment.horizontal,
                    c.alignment.wrap_text,
                    c.alignment.indent,
                    c.border.left.style,
                    c.number_format,
                )
                for row in ws.iter_rows()
                for c in row
            ],
        )
        for ws in book.worksheets
    }


def test_streamed_sheets_hold_what_ordinary_sheets_hold(
    example: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = api.check(example)
    ordinary = xlsx.render(build_workbook(result.inputs, result.report), tmp_path / "a.xlsx")
    monkeypatch.setattr(xlsx, "STREAM_CELLS", 1)
    model = build_workbook(result.inputs, result.report)
    streamed = xlsx.streamed_sheets(model)
    assert len(streamed) >= 5 and {"Ringkasan", "Tabel 3.17"} <= streamed
    assert "Tabel 3.2" not in streamed  # charts read its cells
    xlsx.render(model, tmp_path / "b.xlsx")
    assert dump(tmp_path / "b.xlsx") == dump(ordinary)
    assert _looks(tmp_path / "b.xlsx") == _looks(ordinary)
    assert _charts(tmp_path / "b.xlsx") == _charts(ordinary)  # cached chart data too


def _charts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {n: archive.read(n) for n in archive.namelist() if n.startswith("xl/charts/")}
