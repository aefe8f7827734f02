"""The fast path of reading a cell gives exactly what the general path gives."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from xlkip.read.cells import SLOW, Spec, coerce, coerce_common
from xlkip.schema.base import Kind

specs = st.builds(
    Spec,
    label=st.just("Kolom"),
    kind=st.sampled_from(list(Kind)),
    choices=st.just(("Naik", "Turun")),
    minimum=st.sampled_from([None, 0, 1]),
    maximum=st.sampled_from([None, 1, 5, 100]),
)
raws = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True),
    st.integers(-(10**16), 10**16),
    st.text(max_size=12),
    st.sampled_from(["-", " – ", "  ", "1.234", "91,43%", "Naik", "2024", "\t x  y "]),
    st.booleans(),
    st.none(),
)


@given(specs, raws)
def test_common_cells_read_as_the_general_path_reads_them(spec: Spec, raw: object) -> None:
    fast = coerce_common(spec, raw)
    if fast is not SLOW:
        assert fast == coerce(spec, raw)


def test_the_common_cells_take_the_fast_path() -> None:
    money = Spec("Anggaran", Kind.MONEY)
    assert coerce_common(money, 1_500_000.0) == (1_500_000.0, None)
    assert coerce_common(Spec("Nama", Kind.TEXT), "  Sub  kegiatan ") == ("Sub kegiatan", None)
    assert coerce_common(Spec("Persen", Kind.PERCENT), 15.0) is SLOW  # needs the % format
    assert coerce_common(money, "1.500.000") is SLOW
    assert coerce_common(money, -1.0) == coerce(money, -1.0)
