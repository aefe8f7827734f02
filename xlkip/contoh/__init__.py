"""The built-in example: the 2024 LKjIP of Diskominfo Kota Binjai, as data files.

Each JSON file holds one template's rows with the seed's values typed as printed
("2.358.277.568,00", "94%"), slips included.
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

EXAMPLE = "binjai_2024"


def load(kind: str, example: str = EXAMPLE) -> dict[str, Any]:
    """Sheet name -> rows (tables) or field values (forms) for one template."""
    source = resources.files(__package__) / example / f"{kind}.json"
    return json.loads(source.read_text(encoding="utf-8"))["sheets"]


def period_of(example: str = EXAMPLE) -> tuple[int, int, int]:
    identitas = load("identitas", example)["Identitas"]
    return identitas["tahun"], identitas["renstra_awal"], identitas["renstra_akhir"]


def folder(example: str = EXAMPLE) -> Path:
    """The example's data folder (inside the installed package)."""
    return Path(str(resources.files(__package__) / example))


def load_file(path: Path) -> dict[str, Any] | None:
    """Sheet name -> rows or field values from one data file; None when it is absent."""
    if not path.is_file():
        return None
    return json.loads(path.read_text(encoding="utf-8"))["sheets"]
