"""What the head of office receives (issue 18): a PDF without the checker's sheet, one
spelling of each number, Indonesian words only, and pages that print as planned."""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from pathlib import Path

import openpyxl
import pytest

from tests.helpers import run_cli
from tests.output_helpers import require_libreoffice
from xlkip import api
from xlkip.render.printing import hide_sheets


def _pdf_text(pdf: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext is not installed (apt-get install poppler-utils)")
    return subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout


@pytest.fixture(scope="module")
def printed(example_master: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example compiled with --pdf and nothing else."""
    require_libreoffice()
    target = tmp_path_factory.mktemp("trust") / "LKjIP.xlsx"
    result = api.compile_folder(example_master, target, pdf=True)
    assert result.pdf is not None, result.pdf_error
    return result.pdf


def test_the_pdf_leaves_out_the_findings_the_workbook_keeps(printed: Path) -> None:
    text = _pdf_text(printed)
    assert "TEMUAN VALIDASI INPUT LKJIP" not in text
    assert "pilihan_tidak_dikenal" not in text and "persen_pada_satuan_lain" not in text
    assert "TABEL 3.17" in text  # the report itself is whole
    workbook = openpyxl.load_workbook(printed.with_suffix(".xlsx"), read_only=True)
    assert workbook.sheetnames[-1] == "Temuan Validasi"
    with zipfile.ZipFile(printed.with_suffix(".xlsx")) as xlsx:
        assert b'state="hidden"' not in xlsx.read("xl/workbook.xml")


def test_dengan_temuan_prints_the_findings_too(example_master: Path, tmp_path: Path) -> None:
    require_libreoffice()
    target = tmp_path / "LKjIP.xlsx"
    code, out = run_cli(
        "compile", str(example_master), "-o", str(target), "--pdf", "--dengan-temuan"
    )
    assert code == 0, out
    assert "TEMUAN VALIDASI INPUT LKJIP" in _pdf_text(target.with_suffix(".pdf"))


def test_only_the_named_sheet_is_hidden() -> None:
    xml = b'<sheets><sheet name="Tabel 3.1" sheetId="1"/><sheet name="A &amp; B" sheetId="2"/>'
    hidden = hide_sheets(xml, {"A & B"})
    assert hidden == xml.replace(b'"A &amp; B"', b'"A &amp; B" state="hidden"')
