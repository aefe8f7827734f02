"""The built-in example: the 2024 LKjIP of Diskominfo Kota Binjai, as data files.

Each JSON file holds one template's rows with the seed's values typed as printed
("2.358.277.568,00", "94%"), slips included.

May import: schema/.
"""

from __future__ import annotations

import json
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path
from typing import Any

EXAMPLE = "binjai_2024"


def example_dir(example: str = EXAMPLE) -> Traversable:
    return resources.files(__package__) / example


def kinds_in(folder: Traversable | Path) -> list[str]:
    """The template kinds a data folder holds (one `<kind>.json` each)."""
    return [
        entry.name[: -len(".json")] for entry in folder.iterdir() if entry.name.endswith(".json")
    ]


def load(kind: str, folder: Traversable | Path | None = None) -> dict[str, Any]:
    """Sheet name -> rows (tables) or field values (forms) for one template."""
    source = (folder or example_dir()) / f"{kind}.json"
    return json.loads(source.read_text(encoding="utf-8"))["sheets"]


def period_of(folder: Traversable | Path | None = None) -> tuple[int, int, int]:
    from xlkip.schema.identitas import IDENTITAS

    identitas = load("identitas", folder)[IDENTITAS.name]
    return identitas["tahun"], identitas["renstra_awal"], identitas["renstra_akhir"]
