"""Usage errors and help in Indonesian, exit code 2; output paths and file modes."""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

import pytest

from tests.helpers import run_cli
from tests.test_cli_output import xlkip
from xlkip import api

ENGLISH = re.compile(
    r"Usage|Options|Arguments|Commands|Missing|No such|Show this message|Error|Invalid|"
    r"Try '|requires an|Possible|default:|\[required\]|Got unexpected|Input should|[Tt]raceback"
)

USAGE_ERRORS = [
    ("init",),  # missing argument
    ("check", "x", "--tidak-ada"),  # unknown option
    ("check", "x", "--format", "xml"),  # invalid choice
    ("init", "x", "--tahun", "abc"),  # not an integer
    ("init", "x", "--tahun", "3000"),  # out of range
    ("compile", "-o"),  # option without its value
    ("compile", "a", "b"),  # extra argument
    ("perintah-asing",),  # unknown command
    ("kirim", "x.eml"),  # missing required option
]


@pytest.mark.parametrize("args", USAGE_ERRORS, ids=" ".join)
def test_usage_errors_are_indonesian_and_exit_2(args: tuple[str, ...]) -> None:
    code, out, err = xlkip(*args)
    assert code == 2
    assert "Kesalahan:" in err
    assert not ENGLISH.search(out + err), out + err


def test_exact_usage_error_messages() -> None:
    assert xlkip("init")[2].splitlines() == [
        "Penggunaan: xlkip init [OPSI] FOLDER",
        "Coba 'xlkip init --help' untuk bantuan.",
        "",
        "Kesalahan: Argumen 'FOLDER' belum diisi.",
    ]
    assert (
        "Kesalahan: Opsi --formt tidak dikenal. Mungkin maksudnya: --format."
        in xlkip("check", "x", "--formt", "json")[2]
    )
    assert (
        "Kesalahan: Nilai '--tahun' tidak valid: antara 1990 dan 2100."
        in xlkip("init", "x", "--tahun", "3000")[2]
    )


@pytest.mark.parametrize(
    "args", [(), ("init",), ("check",), ("compile",), ("kirim",), ("impor-anggaran",)]
)
def test_help_is_indonesian(args: tuple[str, ...]) -> None:
    code, out, _ = xlkip(*args, "--help")
    assert code == 0
    assert out.startswith("Penggunaan: xlkip")
    assert "Tampilkan bantuan ini lalu keluar." in out and "Opsi:" in out
    assert not ENGLISH.search(out), out


def test_no_arguments_shows_help_and_exits_2() -> None:
    code, _, err = xlkip()
    assert code == 2 and "Perintah:" in err and "compile" in err


def test_output_must_be_xlsx(example: Path, tmp_path: Path) -> None:
    for name in ("laporan.pdf", "laporan", "laporan.xls"):
        code, output = run_cli("compile", example, "-o", tmp_path / name)
        assert code == 2 and "harus berakhiran .xlsx" in output
        assert not (tmp_path / name).exists()
    with pytest.raises(api.UsageError):
        api.compile_folder(example, tmp_path / "laporan.pdf")


def test_compile_without_inputs_says_how_to_start(tmp_path: Path) -> None:
    code, _, err = xlkip("compile", cwd=tmp_path)
    assert code == 2
    assert "xlkip init inputs" in err and "xlkip compile --contoh" in err
    assert not (tmp_path / "output").exists()


def test_compile_contoh_builds_the_example(tmp_path: Path) -> None:
    code, out, _ = xlkip("compile", "--contoh", cwd=tmp_path)
    assert code == 0, out
    expected = tmp_path / "output" / "LKjIP_Dinas_Komunikasi_dan_Informatika_Kota_Binjai_2024.xlsx"
    assert expected.is_file()
    assert "Contoh bawaan" in out
    assert xlkip("compile", "--contoh", tmp_path, cwd=tmp_path)[0] == 2


def test_compile_uses_inputs_folder_when_present(example: Path) -> None:
    code, out, _ = xlkip("compile", cwd=example.parent)
    assert code == 0 and "Contoh bawaan" not in out
    assert len(list((example.parent / "output").glob("*.xlsx"))) == 1


@pytest.mark.parametrize("umask", [0o022, 0o027, 0o002])
def test_files_get_the_users_umask(umask: int, tmp_path: Path) -> None:
    previous = os.umask(umask)
    try:
        api.init_templates(tmp_path / "inputs", tahun=2025, modules=["spbe"])
        result = api.compile_folder(None, tmp_path / "out.xlsx", example=True)
    finally:
        os.umask(previous)
    written = [*(tmp_path / "inputs").iterdir(), result.output]
    assert len(written) == 5  # the three core templates, one module, the workbook
    for path in written:
        assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~umask, path


def test_init_help_names_every_module() -> None:
    from xlkip.cli import MODUL_HELP
    from xlkip.templates import MODULES

    assert f"Modul, dipisah koma: {', '.join(MODULES)}." == MODUL_HELP
    code, out, _ = xlkip("init", "--help")
    assert code == 0 and "triwulan" in out and "narasi" in out


def test_repeated_modul_options_add_up(tmp_path: Path) -> None:
    """`--modul sdm --modul narasi` writes both (the last alone was once kept, unsaid)."""
    code, _, err = xlkip("init", tmp_path / "x", "--modul", "sdm", "--modul", "narasi,triwulan")
    assert code == 0, err
    names = sorted(p.name for p in (tmp_path / "x").glob("*.xlsx"))
    assert names == [
        "anggaran.xlsx",
        "identitas.xlsx",
        "kinerja.xlsx",
        "narasi.xlsx",
        "sdm.xlsx",
        "triwulan.xlsx",
    ]
