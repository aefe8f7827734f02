"""python -m tests.golden: rewrite the golden dump from the current code."""

import tempfile
from pathlib import Path

from tests.golden.dump import GOLDEN, compile_example, dump

with tempfile.TemporaryDirectory() as work:
    GOLDEN.write_text(dump(compile_example(Path(work))), encoding="utf-8")
print(f"ditulis: {GOLDEN}")
