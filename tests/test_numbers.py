from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from xlkip.read.numbers import NotANumber, ParsedNumber, parse_number


@pytest.mark.parametrize(
    ("text", "value", "percent"),
    [
        ("9.475.869.588", 9475869588, False),
        ("Rp2.602.173.662", 2602173662, False),
        ("Rp 2.602.173.662", 2602173662, False),
        ("Rp. 9,407,766,959.00", 9407766959, False),
        ("2.358.277.568,00", 2358277568, False),
        ("1.234.567,89", 1234567.89, False),
        ("1,234,567.89", 1234567.89, False),
        ("91,43%", 0.9143, True),
        ("47,62 %", 0.4762, True),
        ("15%", 0.15, True),
        ("2,98", 2.98, False),
        ("2.98", 2.98, False),
        ("1.100", 1100, False),
        ("0.155", 0.155, False),
        ("(1.234)", -1234, False),
        ("-5", -5, False),
        ("  3,12 ", 3.12, False),
        ("\u00a01.000\u00a0", 1000, False),
        ("Rp. 436.219.982,-", 436219982, False),
        ("436.219.982,-", 436219982, False),
        ("Rp 436.219.982,00", 436219982, False),
        ("Rp436.219.982,–", 436219982, False),
        ("IDR 1.500,-", 1500, False),
        ("(Rp 1.500,-)", -1500, False),
    ],
)
def test_forms_staff_paste(text: str, value: float, percent: bool) -> None:
    assert parse_number(text) == ParsedNumber(value, percent)


@pytest.mark.parametrize("text", ["", "   ", "-", "–", "—"])
def test_blank_and_dash_mean_nothing(text: str) -> None:
    assert parse_number(text) is None


@pytest.mark.parametrize(
    "text", ["abc", "1.2.3", "12,34,5", "1e5", "Rp", "1 Orang", "9" * 400, ",-", "Rp,-", "1,-5"]
)
def test_not_numbers(text: str) -> None:
    with pytest.raises(NotANumber):
        parse_number(text)


def _group(digits: str, separator: str) -> str:
    groups = []
    while digits:
        groups.insert(0, digits[-3:])
        digits = digits[:-3]
    return separator.join(groups or ["0"])


amounts = st.decimals(min_value=0, max_value=Decimal("1e13"), places=2, allow_nan=False)


@given(amounts, st.sampled_from(["id", "en"]), st.booleans(), st.booleans())
def test_formatted_amounts_read_back(amount: Decimal, style: str, rupiah: bool, percent: bool):
    integer, _, fraction = f"{amount:.2f}".partition(".")
    thousands, decimal = (".", ",") if style == "id" else (",", ".")
    text = _group(integer, thousands) + decimal + fraction
    text = ("Rp " if rupiah else "") + text + ("%" if percent else "")
    expected = float(amount / 100) if percent else float(amount)
    assert parse_number(text) == ParsedNumber(expected, percent)


@given(st.integers(min_value=0, max_value=10**15), st.sampled_from([".", ","]))
def test_grouped_integers_read_back(number: int, separator: str):
    text = _group(str(number), separator)
    if text.count(",") == 1:
        # Ambiguous: the Indonesian reading wins, "10,000" is ten.
        assert parse_number(text) == ParsedNumber(float(text.replace(",", ".")), False)
    else:
        assert parse_number(text) == ParsedNumber(float(number), False)


rupiah_prefix = st.sampled_from(["", "Rp", "Rp ", "Rp.", "Rp. ", "IDR "])
no_cents = st.sampled_from([",-", ",00", ",–", ""])


@given(st.integers(min_value=0, max_value=10**13), rupiah_prefix, no_cents)
def test_rupiah_as_staff_type_it(number: int, prefix: str, ending: str):
    """Whole rupiah, Indonesian grouping, with or without Rp and a closing ",-"/",00"."""
    text = prefix + _group(str(number), ".") + ending
    assert parse_number(text) == ParsedNumber(float(number), False)
