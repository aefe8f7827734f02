from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import copy_folder, run_cli
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


@pytest.fixture(scope="session")
def draft(example_master: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example compiled with --eml: the workbook and its .eml side by side."""
    target = tmp_path_factory.mktemp("eml") / "LKjIP_Binjai_2024.xlsx"
    code, output = run_cli("compile", example_master, "-o", target, "--eml")
    assert code == 0, output
    assert "Draf surel ditulis" in output
    return target.with_suffix(".eml")
