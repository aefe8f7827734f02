from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import copy_folder
from xlkip import api


@pytest.fixture(scope="session")
def example_master(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("contoh") / "inputs"
    api.init_templates(folder, with_example=True)
    return folder


@pytest.fixture
def example(example_master: Path, tmp_path: Path) -> Path:
    """A fresh copy of the built-in example's filled templates, safe to edit."""
    return copy_folder(example_master, tmp_path / "inputs")
