"""Staff files are never replaced by a command that was meant to write something else
(issue 18, audit points 1, 2, 9, 5 and 6)."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from tests.helpers import on_small_disk, run_cli
from tests.output_helpers import require_libreoffice
from tests.sipd_files import example_flat_rows, write_xlsx
from xlkip.output import template_kind


def digests(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.md5(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


@pytest.fixture
def filled(tmp_path: Path) -> Path:
    folder = tmp_path / "EX"
    code, output = run_cli("init", folder, "--contoh")
    assert code == 0, output
    return folder


# -- 1: impor-anggaran --timpa replaces only an anggaran template --------------------------


@pytest.mark.parametrize("name", ["kinerja.xlsx", "identitas.xlsx"])
def test_impor_anggaran_timpa_refuses_a_template_of_another_kind(
    filled: Path, tmp_path: Path, name: str
) -> None:
    export = write_xlsx(tmp_path / "realisasi.xlsx", {"Sheet1": example_flat_rows()})
    before = digests(filled)
    code, output = run_cli("impor-anggaran", export, "-o", filled / name, "--timpa")
    assert code == 2, output
    kind = name.removesuffix(".xlsx")
    assert f"adalah template {kind}, jadi --timpa tidak menimpanya" in output
    assert "Template anggaran ditulis" not in output
    assert digests(filled) == before


def test_impor_anggaran_timpa_refuses_a_file_xlkip_did_not_write(tmp_path: Path) -> None:
    export = write_xlsx(tmp_path / "realisasi.xlsx", {"Sheet1": example_flat_rows()})
    other = write_xlsx(tmp_path / "catatan.xlsx", {"Catatan": [["penting"]]})
    before = other.read_bytes()
    code, output = run_cli("impor-anggaran", export, "-o", other, "--timpa")
    assert code == 2, output
    assert "bukan template xlkip" in output
    assert other.read_bytes() == before


def test_impor_anggaran_timpa_still_replaces_an_anggaran_template(
    filled: Path, tmp_path: Path
) -> None:
    export = write_xlsx(tmp_path / "realisasi.xlsx", {"Sheet1": example_flat_rows()})
    before = digests(filled)
    code, output = run_cli("impor-anggaran", export, "-o", filled / "anggaran.xlsx", "--timpa")
    assert code == 0, output
    after = digests(filled)
    assert {k for k in before if before[k] != after.get(k)} == {"anggaran.xlsx"}


# -- 2: init adds the missing templates and keeps the ones already there ------------------


def test_init_adds_a_module_and_keeps_the_filled_templates(filled: Path) -> None:
    (filled / "sdm.xlsx").unlink()
    before = digests(filled)
    code, output = run_cli("init", filled, "--tahun", "2024", "--modul", "sdm")
    assert code == 0, output
    after = digests(filled)
    assert set(after) == {*before, "sdm.xlsx"}
    assert {name: after[name] for name in before} == before
    assert template_kind(filled / "sdm.xlsx") == "sdm"
    assert "• sdm.xlsx" in output
    assert "Sudah ada, tidak diubah (isiannya tetap): identitas.xlsx, kinerja.xlsx, " in output
    assert "--timpa menulis ulang semua template itu: isian di dalamnya hilang" in output


def test_init_on_a_complete_folder_writes_nothing(filled: Path) -> None:
    before = digests(filled)
    code, output = run_cli("init", filled, "--tahun", "2024")
    assert code == 0, output
    assert "Tidak ada template baru ditulis" in output
    assert digests(filled) == before


def test_init_contoh_is_never_mixed_with_entries_already_there(tmp_path: Path) -> None:
    folder = tmp_path / "SD"
    assert run_cli("init", folder, "--tahun", "2024")[0] == 0
    before = digests(folder)
    code, output = run_cli("init", folder, "--contoh")
    assert code == 2, output
    assert "Contoh tidak ditulis agar tidak bercampur" in output
    assert "isian di dalamnya hilang" in output
    assert digests(folder) == before


# -- 9: no output under the inputs folder, subfolders included -----------------------------


@pytest.mark.parametrize("sub", ["sub", "sub/dalam"])
def test_compile_refuses_a_subfolder_of_the_inputs_folder(
    filled: Path, sub: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(filled.parent)
    before = digests(filled)
    code, output = run_cli("compile", filled, "-o", filled / sub / "x.xlsx")
    assert code == 2, output
    assert f"di dalam subfolder folder input {filled}" in output
    assert "-o output/x.xlsx" in output
    assert digests(filled) == before
    assert not (filled / "sub").exists()


def test_rekap_refuses_a_subfolder_of_an_office(filled: Path, tmp_path: Path) -> None:
    before = digests(filled)
    code, output = run_cli("rekap", filled, "-o", filled / "rekap" / "r.xlsx", "-j", "1")
    assert code == 2, output
    assert "subfolder folder input" in output
    assert digests(filled) == before
    assert not (filled / "rekap").exists()


# -- 5: a PDF that does not fit says once what became of the old one ------------------------


def test_a_pdf_the_full_disk_cannot_hold_says_the_old_one_was_removed(
    filled: Path, tmp_path: Path
) -> None:
    """On a 120 KB disk the workbook (76 KB) fits and the PDF (147 KB) does not; last
    run's PDF there is removed, and the message no longer says the old file is kept."""
    require_libreoffice()
    (tmp_path / "lama.pdf").write_bytes(b"%PDF-1.4 proses sebelumnya")
    args = ("compile", "EX", "-o", "full/x.xlsx", "--pdf")
    done = on_small_disk(tmp_path, args, "120k", before="cp lama.pdf full/x.pdf; ")
    said = " ".join((done.stdout + done.stderr).split())
    assert "Tidak dapat menulis ke full/x.pdf (disk penuh)" in said, said
    assert "PDF lama x.pdf dihapus agar tidak terkirim bersama workbook baru." in said
    assert "tidak diubah" not in said
    assert "Traceback" not in done.stderr
    assert sorted(p.name for p in (tmp_path / "kept").iterdir()) == ["x.xlsx"]


# -- 6: impor-anggaran says "written" only of what it wrote ----------------------------------


def test_impor_anggaran_with_errors_does_not_say_it_wrote(tmp_path: Path) -> None:
    rows = example_flat_rows()
    bad = write_xlsx(tmp_path / "realisasi.xlsx", {"Sheet1": [*rows, [*rows[5][:16], "x", 1]]})
    target = tmp_path / "inputs" / "anggaran.xlsx"
    code, output = run_cli("impor-anggaran", bad, "-o", target)
    said = " ".join(output.split())
    assert code == 1, output
    assert "Template anggaran tidak ditulis karena ada error." in said
    assert "Ditulis" not in said
    assert "Jumlah terbaca: 31 sub kegiatan, anggaran Rp" in said
    assert not target.exists()


def test_impor_anggaran_names_a_pipe_argument_as_an_argument(tmp_path: Path) -> None:
    pipe = tmp_path / "pipa.csv"
    os.mkfifo(pipe)
    code, output = run_cli("impor-anggaran", pipe, "-o", tmp_path / "inputs" / "anggaran.xlsx")
    said = " ".join(output.split())
    assert code == 1, output
    assert "Tidak ada sub kegiatan yang terbaca dari berkas yang disebutkan." in said
    assert "Sebutkan berkas unduhan SIPD yang sebenarnya (.xlsx, .xls atau .csv)" in said
    assert "Ditulis 0" not in said and "Simpan di sini" not in said
