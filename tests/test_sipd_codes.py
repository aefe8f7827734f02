"""SIPD codes: normal form and level by the widths of their parts (property tests)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from xlkip.sipd.codes import Level, classify, compose, split_leading_code


def digits(width: int) -> st.SearchStrategy[str]:
    return st.integers(0, 10**width - 1).map(lambda n: str(n).zfill(width))


urusan = st.integers(1, 8).map(str)
program = st.tuples(urusan, digits(2), digits(2)).map(".".join)
kegiatan = st.tuples(program, st.sampled_from("12"), digits(2)).map(".".join)
sub_number = st.integers(1, 99)
rekening = st.tuples(
    st.sampled_from("456"), st.integers(1, 9).map(str), digits(2), digits(2), digits(2), digits(4)
).map(".".join)


@given(kegiatan, sub_number, st.booleans())
def test_both_sub_kegiatan_forms_normalise_to_four_digits(keg: str, number: int, old: bool):
    written = f"{keg}.{number:02d}" if old else f"{keg}.{number:04d}"
    code = classify(written)
    assert code is not None and code.level is Level.SUB_KEGIATAN
    assert code.text == f"{keg}.{number:04d}"
    assert code.prefix(Level.KEGIATAN) == keg
    assert code.prefix(Level.PROGRAM) == keg.rsplit(".", 2)[0]


@given(program, kegiatan, rekening)
def test_levels_by_widths_never_by_the_first_digit(prog: str, keg: str, account: str):
    assert classify(prog).level is Level.PROGRAM
    assert classify(keg).level is Level.KEGIATAN
    assert classify(account).level is Level.REKENING
    # 5.01.02 is a program (Bappeda), 5.1.02 an account: the second part's width decides
    head, second, *rest = account.split(".")
    assert classify(".".join([head, second.zfill(2), *rest[:1]])).level is Level.PROGRAM
    for depth in range(2, 7):
        assert classify(".".join(account.split(".")[:depth])).level is Level.REKENING


@given(kegiatan, sub_number, rekening, st.booleans())
def test_sub_kegiatan_written_with_its_account(keg: str, number: int, account: str, old: bool):
    sub = f"{keg}.{number:02d}" if old else f"{keg}.{number:04d}"
    code = classify(f"{sub}.{account}")
    assert code is not None and code.level is Level.SUB_KEGIATAN
    assert (code.text, code.rekening) == (f"{keg}.{number:04d}", account)


@given(kegiatan, sub_number, st.integers(1, 4))
def test_split_columns_compose_to_the_same_code(keg: str, number: int, cut: int):
    full = f"{keg}.{number:04d}"
    parts = full.split(".")
    split = [".".join(parts[:cut]), *parts[cut:]]
    assert compose(split) == full
    # full codes repeated column by column give the most detailed one
    assert compose([".".join(parts[:n]) for n in (3, 5, 6)]) == full


@given(kegiatan, sub_number, st.text(min_size=1).filter(lambda t: not t[:1].isspace()))
def test_name_after_the_code(keg: str, number: int, name: str):
    code, rest = split_leading_code(f"{keg}.{number:04d} {name}")
    assert code == f"{keg}.{number:04d}" and rest == name.strip()


@given(st.text())
def test_any_text_is_classified_or_refused_never_raises(text: str):
    code = classify(text)
    assert code is None or isinstance(code.level, Level)
    split_leading_code(text)
    compose([text, text])


def test_examples_from_the_issue():
    assert classify("2.16.02.2.01.0021").text == "2.16.02.2.01.0021"
    assert classify("2.16.02.2.01.21").text == "2.16.02.2.01.0021"
    assert classify("2.16.02.2.01.08").text == "2.16.02.2.01.0008"
    both = classify("2.16.02.2.01.0014.5.1.02.04.01.0001")
    assert (both.text, both.rekening) == ("2.16.02.2.01.0014", "5.1.02.04.01.0001")
    assert classify("X.XX.01").level is Level.PROGRAM
    assert classify("5.01.02").level is Level.PROGRAM
    assert classify("5.1.02.01.01.0024").level is Level.REKENING
    assert classify("2.16.2.20.2.21.01.0000").level is Level.ORGANISASI
    assert classify("5").level is Level.URUSAN_ATAU_AKUN
    assert classify("2.16.2") is None and classify("abc") is None
