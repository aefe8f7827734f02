"""The shipped rule builders: each gives the Excel formula and its value from one object."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from xlkip.rules.anggaran import RUMUS_EFISIENSI, efisiensi, persen_realisasi, sisa
from xlkip.rules.capaian import capaian, mean
from xlkip.rules.pengaduan import belum, rasio
from xlkip.rules.predikat import kinerja_scale
from xlkip.rules.rounding import excel_round
from xlkip.rules.spbe import competition_rank, index_of, spbe_scale, weighted_index
from xlkip.rules.standar import selisih_standar
from xlkip.rules.values import column, columns, literal, value_of
from xlkip.schema.identitas import PENGATURAN
from xlkip.sheet.expr import Range
from xlkip.sheet.model import SheetModel, Style
from xlkip.text import persen

WEIGHTS = [13, 10, 10, 5, 12, 4.5, 27.5, 18]
SPBE_2023 = [3, 2.75, 3, 3, 1.13, 1, 3.6, 3.83]
SPBE_2024 = [3.3, 2.5, 3, 3, 2, 1, 3.8, 3.67]


def _cells(*values):
    """Cells A1, B1, … of a scratch sheet, as references."""
    sheet = SheetModel("T")
    refs = [sheet.put(0, col, value, Style()).ref() for col, value in enumerate(values)]
    return sheet, refs


@pytest.mark.parametrize(
    ("value", "digits", "expected"),
    [(2.975, 2, 2.98), (2.965, 2, 2.97), (3.1196, 2, 3.12), (0.90995, 4, 0.91), (-2.5, 0, -3)],
)
def test_excel_round_is_half_up_on_the_decimal_value(value, digits, expected):
    assert excel_round(value, digits) == expected


def _capaian(target, realisasi, arah, cap=None):
    cap_expr = literal(cap) if cap is not None else None
    return value_of(capaian(literal(target), literal(realisasi), arah, cap_expr))


def test_excel_round_keeps_huge_values():
    assert excel_round(-6.9e29, 4) == -6.9e29  # an efisiensi over a capaian near zero
    assert excel_round(float("inf"), 2) == float("inf")
    assert persen(-6.9e29) == "-69.000.000.000.000.000.000.000.000.000.000%"


def test_capaian_naik_and_turun():
    assert _capaian(15, 12, "Naik") == pytest.approx(0.8)
    assert _capaian(10, 8, "Turun") == pytest.approx(1.2)
    assert _capaian(10, 12, "Turun") == pytest.approx(0.8)


def test_capaian_turun_beyond_twice_the_target_is_the_formulas():
    """DESIGN §4 has no floor: a Turun realisasi beyond twice its target is below 0%."""
    assert _capaian(0.012, 0.018, "Turun") == pytest.approx(0.5)
    assert _capaian(0.008, 0.018, "Turun") == pytest.approx(-0.25)


def test_capaian_formula_text():
    sheet, (target, realisasi, cap) = _cells(10, 12, 1.2)
    assert capaian(target, realisasi, "Naik").render(sheet) == (
        'IF(AND(ISNUMBER(A1),ISNUMBER(B1),(A1<>0)),(B1/A1),"-")'
    )
    assert capaian(target, realisasi, "Turun", cap).render(sheet) == (
        'IF(AND(ISNUMBER(A1),ISNUMBER(B1),(A1<>0)),MIN((((2*A1)-B1)/A1),C1),"-")'
    )


@pytest.mark.parametrize("target", [0, None])
def test_no_target_means_no_capaian(target):
    assert _capaian(target, 5, "Naik") is None


def test_no_realisasi_means_no_capaian():
    assert _capaian(5, None, "Naik") is None


def test_capaian_cap_is_optional():
    assert _capaian(1100, 4225, "Naik") == pytest.approx(3.8409, abs=1e-4)
    assert _capaian(1100, 4225, "Naik", cap=1.2) == 1.2


@given(
    st.floats(0.01, 1e6, allow_nan=False),
    st.floats(0, 1e6, allow_nan=False),
    st.sampled_from(["Naik", "Turun"]),
)
def test_capaian_is_the_rule_of_design(target, realisasi, arah):
    expected = realisasi / target if arah == "Naik" else (2 * target - realisasi) / target
    assert _capaian(target, realisasi, arah) == pytest.approx(expected)


def test_mean_skips_missing():
    assert value_of(mean(column(1.0, "-", 0.5))) == 0.75
    assert value_of(mean(column("-", None))) is None


@pytest.mark.parametrize(
    ("value", "label"),
    [
        (0.9100, "Sangat Tinggi"),
        (0.90995, "Sangat Tinggi"),  # shown as 91,00%
        (0.9099, "Tinggi"),
        (0.905, "Tinggi"),  # the gap in the printed scale
        (1.5, "Sangat Tinggi"),  # above 100% too
        (0.76, "Tinggi"),
        (0.7599, "Sedang"),
        (0.66, "Sedang"),
        (0.51, "Rendah"),
        (0.5099, "Sangat Rendah"),
        (0.0, "Sangat Rendah"),
    ],
)
def test_predikat_kinerja_bounds(value, label):
    assert kinerja_scale().classify(value) == label


@pytest.mark.parametrize(
    ("index", "label"),
    [
        (4.2, "Memuaskan"),
        (4.19, "Sangat Baik"),
        (3.5, "Sangat Baik"),
        (2.6, "Baik"),
        (2.59, "Cukup"),
        (2.595, "Baik"),
        (1.8, "Cukup"),
        (1.79, "Kurang"),
    ],
)
def test_predikat_spbe_bounds(index, label):
    assert spbe_scale().classify(index) == label


def test_predikat_formula_looks_up_the_printed_scale():
    sheet, cells = _cells(0.91, "Sangat Tinggi", "Tinggi", 0.9)
    bound, best, other, value = cells
    from xlkip.rules.predikat import predikat

    expr = predikat(value, [bound], [best, other], 4)
    assert expr.render(sheet) == 'IF(ISNUMBER(D1),IF((ROUND(D1,4)>=A1),B1,C1),"-")'
    assert expr.evaluate() == "Tinggi"


def test_spbe_index_matches_the_seed():
    index_2023 = index_of(zip(WEIGHTS, SPBE_2023, strict=True))
    index_2024 = index_of(zip(WEIGHTS, SPBE_2024, strict=True))
    assert index_2023 == pytest.approx(2.975) and excel_round(index_2023, 2) == 2.98
    assert index_2024 == pytest.approx(3.1196) and excel_round(index_2024, 2) == 3.12
    assert excel_round(index_of([(12, 2), (4.5, 1)]), 2) == 1.73  # Domain 3, 2024


def test_spbe_index_over_domains_is_one_weighted_mean():
    (b1, n1), (b2, n2) = columns(WEIGHTS[:4], SPBE_2024[:4]), columns(WEIGHTS[4:], SPBE_2024[4:])
    assert value_of(weighted_index([(b1, n1), (b2, n2)])) == pytest.approx(3.1196)


def test_spbe_index_skips_aspects_without_value():
    assert index_of([(10, 3), (10, None)]) == 3
    assert index_of([(10, None)]) is None
    assert index_of([]) is None


def test_rank_ties_share_a_rank():
    values = [3.12, 3.86, 2.67, 2.67, "-", 1.8]
    among = column(*values)
    ranks = [value_of(competition_rank(literal(v), among)) for v in values]
    assert ranks == [2, 1, 3, 3, None, 5]


def test_budget_is_a_ratio_of_sums():
    a, r = literal(9475869588), literal(8664222212)
    assert value_of(persen_realisasi(a, r)) == pytest.approx(0.91434587)
    assert value_of(persen_realisasi(literal(0), literal(0))) is None
    assert value_of(sisa(a, r)) == 811647376


def test_every_efisiensi_option_of_pengaturan_is_a_rule():
    offered = PENGATURAN.field("rumus_efisiensi").choices
    assert set(offered) == set(RUMUS_EFISIENSI)
    rasio_, selisih = offered
    persen, capaian_rata = literal(0.9143), literal(1.3)
    assert value_of(efisiensi(rasio_, persen, capaian_rata)) == pytest.approx(1 - 0.9143 / 1.3)
    assert value_of(efisiensi(rasio_, persen, literal(0))) is None
    assert value_of(efisiensi(selisih, persen, capaian_rata)) == pytest.approx(1.3 - 0.9143)
    assert value_of(efisiensi(selisih, literal("-"), capaian_rata)) is None


def test_selisih_standar():
    sheet, (realisasi, standar) = _cells(3.12, 2.79)
    assert selisih_standar(realisasi, standar).render(sheet) == (
        'IF(AND(ISNUMBER(A1),ISNUMBER(B1)),(A1-B1),"-")'
    )
    assert value_of(selisih_standar(realisasi, standar)) == pytest.approx(0.33)
    assert value_of(selisih_standar(literal(0.3), literal(0.25))) == pytest.approx(0.05)
    assert value_of(selisih_standar(literal("-"), literal(0.25))) is None


def test_pengaduan():
    assert value_of(belum(literal(62), literal(60))) == 2
    assert value_of(rasio(literal(62), literal(60))) == pytest.approx(0.967742, abs=1e-6)
    assert value_of(rasio(literal(0), literal(0))) is None


def test_a_range_rule_renders_its_range():
    sheet = SheetModel("T")
    for row, value in enumerate((0.5, 1.0)):
        sheet.put(row, 0, value, Style())
    assert mean(Range(sheet, 0, 0, 1, 0)).render(sheet) == (
        'IF((COUNT(A1:A2)=0),"-",AVERAGE(A1:A2))'
    )
