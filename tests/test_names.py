"""One pemda, however staff write its name."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from xlkip.names import pemda_key, same_pemda

SPELLINGS = {
    "kabupaten dairi": [
        "Pemerintah Kab. Dairi",
        "Pemerintah Kabupaten Dairi",
        "Kabupaten Dairi",
        "Kab. Dairi",
        "KAB.DAIRI",
        "  pemerintah   kab.  dairi ",
        "Pemkab Dairi",
        "Pemda Kab. Dairi",
    ],
    "kota binjai": ["Pemerintah Kota Binjai", "Kota Binjai", "Pemko Binjai", "KOTA BINJAI"],
    "provinsi sumatera utara": [
        "Pemerintah Provinsi Sumatera Utara",
        "Prov. Sumatera Utara",
        "Provinsi Sumatera  Utara",
        "Pemprov Sumatera Utara",
    ],
    "kota tebing tinggi": ["Pemerintah Kota Tebing Tinggi", "Kota Tebing-Tinggi"],
}


@pytest.mark.parametrize(("key", "text"), [(k, t) for k, texts in SPELLINGS.items() for t in texts])
def test_spellings_share_one_key(key: str, text: str) -> None:
    assert pemda_key(text) == key


def test_different_pemda_differ() -> None:
    assert not same_pemda("Kabupaten Bekasi", "Kota Bekasi")
    assert not same_pemda("Kab. Nias", "Kab. Nias Selatan")
    assert not same_pemda("Kab. Labuhanbatu", "Kab. Labuhanbatu Utara")
    assert not same_pemda("", "")
    assert not same_pemda(None, "Kota Binjai")


jenis = st.sampled_from(
    [("Kab.", "Kabupaten"), ("Kab", "Kabupaten"), ("Kota", "Kota"), ("Prov.", "Provinsi")]
)
place = st.lists(
    st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=8), min_size=1, max_size=3
)


@given(jenis, place, st.booleans(), st.booleans(), st.sampled_from([" ", "  ", "\u00a0"]))
def test_forms_of_one_name_match(jenis, words, pemerintah, upper, space) -> None:
    short, long = jenis
    name = space.join(w.capitalize() for w in words)
    typed = ("Pemerintah " if pemerintah else "") + f"{short}{space}{name}"
    formal = f"Pemerintah {long} {name}"
    assert same_pemda(typed.upper() if upper else typed, formal)


@given(st.text(max_size=40))
def test_key_is_idempotent_and_never_fails(text: str) -> None:
    key = pemda_key(text)
    assert pemda_key(key) == key
