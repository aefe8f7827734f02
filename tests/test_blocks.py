"""A RowBlock (rows made when read or written, never held) must be indistinguishable
from the same rows placed cell by cell: in every value read from the model, in every
formula over it, and in the written file, ordinary or streamed."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.golden.dump import dump
from xlkip.render import xlsx
from xlkip.rules.anggaran import persen_realisasi, sisa
from xlkip.sheet.expr import SUBTOTAL_SUM, SUM, Range
from xlkip.sheet.model import BlockColumn, SheetModel, Style, WorkbookModel

TEXT, MONEY, PERCENT = Style(), Style(num_format="#,##0"), Style(num_format="0.00%")
COLUMNS = (
    BlockColumn(0, TEXT, "uraian", str),
    BlockColumn(1, MONEY, "anggaran", float),
    BlockColumn(2, MONEY, "realisasi", float),
    BlockColumn(3, PERCENT, rule=persen_realisasi, args=(1, 2)),
    BlockColumn(4, MONEY, rule=sisa, args=(1, 2)),
)

amounts = st.one_of(st.none(), st.integers(0, 10**12).map(float))
rows = st.fixed_dictionaries(
    {
        "uraian": st.one_of(st.none(), st.text(min_size=1, max_size=90)),
        "anggaran": amounts,
        "realisasi": amounts,
    }
)
group_lists = st.lists(st.lists(rows, min_size=0, max_size=6), min_size=1, max_size=5)


def _table(groups: list[list[dict]], blocks: bool) -> tuple[WorkbookModel, SheetModel]:
    """Groups of rows under a SUBTOTAL heading each, a SUBTOTAL of everything and a SUM of
    the % column below: the shape of Tabel 3.17."""
    sheet = SheetModel("T")
    sheet.widths = {0: 30, 1: 14, 2: 14, 3: 9, 4: 14}
    row = 1
    for group in groups:
        heading = row
        if blocks:
            sheet.put_rows(heading + 1, COLUMNS, group)
        else:
            for offset, data in enumerate(group, start=heading + 1):
                _place_by_hand(sheet, offset, data)
        row = heading + 1 + len(group)
        _totals(sheet, heading, heading + 1, row - 1)
    _totals(sheet, row, 1, row - 1)
    sheet.put(row + 1, 3, SUM(Range(sheet, 1, 3, row - 1, 3)), PERCENT)
    return WorkbookModel([sheet], footer="uji"), sheet


def _place_by_hand(sheet: SheetModel, row: int, data: dict) -> None:
    def given(key: str, convert):
        return None if data[key] is None else convert(data[key])

    sheet.put(row, 0, given("uraian", str), TEXT)
    a = sheet.put(row, 1, given("anggaran", float), MONEY)
    r = sheet.put(row, 2, given("realisasi", float), MONEY)
    sheet.put(row, 3, persen_realisasi(a.ref(), r.ref()), PERCENT)
    sheet.put(row, 4, sisa(a.ref(), r.ref()), MONEY)


def _totals(sheet: SheetModel, row: int, first: int, last: int) -> None:
    sheet.put(row, 0, "JUMLAH", TEXT)
    a = sheet.put(row, 1, SUBTOTAL_SUM(Range(sheet, first, 1, last, 1)), MONEY)
    r = sheet.put(row, 2, SUBTOTAL_SUM(Range(sheet, first, 2, last, 2)), MONEY)
    sheet.put(row, 3, persen_realisasi(a.ref(), r.ref()), PERCENT)
    sheet.put(row, 4, sisa(a.ref(), r.ref()), MONEY)


def _model_view(sheet: SheetModel) -> tuple:
    last = sheet.last_row
    cells = {(s.row, s.col): (s.value(), s.style, type(s.content).__name__) for s in sheet.cells()}
    return (
        cells,
        sorted(sheet.contents(), key=lambda c: (c[0], c[1])),
        last,
        sheet.last_col,
        sheet.cell_count,
        list(sheet.values_in(0, 0, last, 4)),
        [
            sheet.slot(r, c).value()
            for r in range(1, last + 1)
            for c in range(5)
            if sheet.slot(r, c)
        ],
    )


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(groups=group_lists)
def test_a_block_reads_and_writes_as_placed_cells(
    groups: list[list[dict]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    by_hand, hand_sheet = _table(groups, blocks=False)
    in_blocks, block_sheet = _table(groups, blocks=True)
    assert _model_view(block_sheet) == _model_view(hand_sheet)
    xlsx.render(by_hand, tmp_path / "hand.xlsx")
    xlsx.render(in_blocks, tmp_path / "blocks.xlsx")
    assert dump(tmp_path / "blocks.xlsx") == dump(tmp_path / "hand.xlsx")
    monkeypatch.setattr(xlsx, "STREAM_CELLS", 1)  # the row-ordered writer of big sheets
    xlsx.render(_table(groups, blocks=True)[0], tmp_path / "streamed.xlsx")
    assert dump(tmp_path / "streamed.xlsx") == dump(tmp_path / "hand.xlsx")


def test_subtotals_over_blocks_skip_subtotals_and_count_each_row_once() -> None:
    groups = [
        [{"uraian": "a", "anggaran": 100.0, "realisasi": 50.0}],
        [
            {"uraian": "b", "anggaran": 300.0, "realisasi": 300.0},
            {"uraian": None, "anggaran": None, "realisasi": 25.0},
        ],
    ]
    _, sheet = _table(groups, blocks=True)
    total = sheet.slot(sheet.last_row - 1, 1)
    assert total.content.name == "SUBTOTAL" and total.value() == 400.0
    assert sheet.slot(sheet.last_row - 1, 2).value() == 375.0
    assert sheet.slot(2, 3).value() == 0.5 and sheet.slot(5, 3).value() == "-"
    assert sheet.slot(5, 0).value() is None and sheet.slot(5, 9) is None
    assert sheet.cell_count == 3 * 5 + 3 * 5 + 1  # rows in blocks, totals, the SUM


def test_blocks_are_placed_in_row_order_and_rules_read_earlier_columns() -> None:
    sheet = SheetModel("T")
    sheet.put_rows(5, COLUMNS, [{"uraian": "x", "anggaran": 1.0, "realisasi": 1.0}])
    with pytest.raises(ValueError, match="row order"):
        sheet.put_rows(3, COLUMNS, [{"uraian": "y", "anggaran": 1.0, "realisasi": 1.0}])
    backwards = (BlockColumn(0, MONEY, rule=sisa, args=(1, 2)), *COLUMNS[1:3])
    with pytest.raises(ValueError, match="columns before it"):
        sheet.put_rows(9, backwards, [{"anggaran": 1.0, "realisasi": 1.0}])
