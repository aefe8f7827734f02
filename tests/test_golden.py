"""The example's whole workbook against its committed dump (python -m tests.golden)."""

from __future__ import annotations

from pathlib import Path

from tests.golden.dump import GOLDEN, compile_example, dump


def test_example_matches_golden_dump(tmp_path: Path) -> None:
    actual = dump(compile_example(tmp_path))
    expected = GOLDEN.read_text(encoding="utf-8")
    if actual != expected:
        (tmp_path / "actual.txt").write_text(actual, encoding="utf-8")
    assert actual.splitlines() == expected.splitlines(), (
        f"the workbook changed; diff {GOLDEN} against {tmp_path / 'actual.txt'}, and if the "
        "change is intended run: python -m tests.golden"
    )
