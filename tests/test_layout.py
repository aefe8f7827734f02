"""Row heights that fit wrapped text, measured the way the printed page wraps it."""

from __future__ import annotations

from xlkip.measure import MIN_HEIGHT, POINTS_PER_LINE, capacity_of, wrapped_lines
from xlkip.render.layout import row_heights
from xlkip.sheet.model import SheetModel, Style

BOLD = Style(bold=True, align="center")


def test_words_wrap_whole() -> None:
    # As LibreOffice printed it in Tabel 3.14: four lines in a 12-wide bold header
    # ("CAPAIAN / TERHADAP / TARGET AKHIR / (2026)"), though 36 characters would
    # fill three lines if words could be split anywhere.
    assert wrapped_lines("CAPAIAN TERHADAP TARGET AKHIR (2026)", capacity_of(12, 10), True) == 4
    assert wrapped_lines("REALISASI 2024", capacity_of(12, 10), True) == 2
    assert wrapped_lines("Aktif", capacity_of(8, 10)) == 1


def test_long_words_and_line_breaks() -> None:
    capacity = capacity_of(10, 10)
    assert wrapped_lines("x" * 40, capacity) >= 3
    assert wrapped_lines("satu\ndua\ntiga", capacity) == 3


def test_capitals_and_bold_take_more_room() -> None:
    capacity = capacity_of(20, 10)
    text = "program penunjang urusan pemerintahan daerah kabupaten kota"
    assert wrapped_lines(text.upper(), capacity, True) > wrapped_lines(text, capacity)


def _sheet() -> SheetModel:
    sheet = SheetModel("S")
    sheet.widths.update({0: 12, 1: 12})
    return sheet


def test_a_cell_merged_across_rows_shares_its_height() -> None:
    sheet = _sheet()
    sheet.merge((2, 0), (3, 0), "CAPAIAN TERHADAP TARGET AKHIR (2026)", BOLD)
    heights = row_heights(sheet)
    assert heights[2] == heights[3]
    assert heights[2] + heights[3] >= 4 * POINTS_PER_LINE


def test_a_cell_merged_across_columns_wraps_in_their_width() -> None:
    sheet = _sheet()
    sheet.put(0, 0, "Pemerintah Kabupaten Labuhanbatu Utara", Style())
    assert row_heights(sheet)[0] > MIN_HEIGHT
    wide = _sheet()
    wide.widths.update({0: 20, 1: 20})  # one column of 20 is too narrow for it, two are not
    sheet.widths[0] = 20
    assert row_heights(sheet)[0] > MIN_HEIGHT
    wide.merge((0, 0), (0, 1), "Pemerintah Kabupaten Labuhanbatu Utara", Style())
    assert row_heights(wide) == {}
