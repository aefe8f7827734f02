import pytest

from xlkip.rules.anggaran import efisiensi_rasio, efisiensi_selisih, persen_realisasi, sisa
from xlkip.rules.capaian import capaian, mean
from xlkip.rules.pengaduan import belum, rasio
from xlkip.rules.predikat import kinerja_scale
from xlkip.rules.rounding import excel_round
from xlkip.rules.spbe import competition_rank, spbe_scale, weighted_index

WEIGHTS = [13, 10, 10, 5, 12, 4.5, 27.5, 18]
SPBE_2023 = [3, 2.75, 3, 3, 1.13, 1, 3.6, 3.83]
SPBE_2024 = [3.3, 2.5, 3, 3, 2, 1, 3.8, 3.67]


@pytest.mark.parametrize(
    ("value", "digits", "expected"),
    [(2.975, 2, 2.98), (2.965, 2, 2.97), (3.1196, 2, 3.12), (0.90995, 4, 0.91), (-2.5, 0, -3)],
)
def test_excel_round_is_half_up_on_the_decimal_value(value, digits, expected):
    assert excel_round(value, digits) == expected


def test_capaian_naik_and_turun():
    assert capaian(15, 12, "Naik") == pytest.approx(0.8)
    assert capaian(10, 8, "Turun") == pytest.approx(1.2)
    assert capaian(10, 12, "Turun") == pytest.approx(0.8)


@pytest.mark.parametrize("target", [0, None])
def test_no_target_means_no_capaian(target):
    assert capaian(target, 5, "Naik") is None


def test_capaian_cap_is_optional():
    assert capaian(1100, 4225, "Naik") == pytest.approx(3.8409, abs=1e-4)
    assert capaian(1100, 4225, "Naik", cap=1.2) == 1.2


def test_mean_skips_missing():
    assert mean([1.0, None, 0.5]) == 0.75
    assert mean([None]) is None


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


def test_spbe_index_matches_the_seed():
    index_2023 = weighted_index(zip(WEIGHTS, SPBE_2023, strict=True))
    index_2024 = weighted_index(zip(WEIGHTS, SPBE_2024, strict=True))
    assert index_2023 == 2.975 and excel_round(index_2023, 2) == 2.98
    assert index_2024 == pytest.approx(3.1196) and excel_round(index_2024, 2) == 3.12
    domain_3 = weighted_index([(12, 2), (4.5, 1)])
    assert excel_round(domain_3, 2) == 1.73


def test_spbe_index_skips_aspects_without_value():
    assert weighted_index([(10, 3), (10, None)]) == 3
    assert weighted_index([(10, None)]) is None


def test_rank_ties_share_a_rank():
    assert competition_rank([3.12, 3.86, 2.67, 2.67, None, 1.8]) == [2, 1, 3, 3, None, 5]


def test_budget_is_a_ratio_of_sums():
    assert persen_realisasi(9475869588, 8664222212) == pytest.approx(0.91434587)
    assert persen_realisasi(0, 0) is None
    assert sisa(9475869588, 8664222212) == 811647376


def test_efisiensi_forms():
    assert efisiensi_rasio(0.9143, 1.3) == pytest.approx(1 - 0.9143 / 1.3)
    assert efisiensi_rasio(0.9143, 0) is None
    assert efisiensi_selisih(0.9143, 1.3) == pytest.approx(1.3 - 0.9143)


def test_pengaduan():
    assert belum(62, 60) == 2
    assert rasio(62, 60) == pytest.approx(0.967742, abs=1e-6)
    assert rasio(0, 0) is None
