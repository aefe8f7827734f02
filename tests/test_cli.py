"""The command line: exit codes, the JSON report, and a real console script."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.helpers import run_cli, set_cells


def test_check_prints_a_table_and_exits_0(example: Path) -> None:
    code, output = run_cli("check", example, "--format", "tabel")
    assert code == 0
    assert "Temuan Validasi" in output and "baris_ganda" in output
    assert "0 error, 16 peringatan, 0 info" in output
    assert "--format baris|json" in output


def test_check_exits_1_on_an_error(example: Path) -> None:
    set_cells(example / "anggaran.xlsx", "Realisasi Anggaran", {"F4": "dua juta"})
    code, output = run_cli("check", example)
    assert code == 1
    assert "bukan_angka" in output and "F4" in output


def test_check_json_is_the_library_report(example: Path) -> None:
    code, output = run_cli("check", example, "--json")
    report = json.loads(output)
    assert code == 0 and report["valid"] is True
    assert set(report) == {"valid", "findings"}
    for finding in report["findings"]:
        assert set(finding) == {"tingkat", "kode", "pesan", "file", "sheet", "sel"}
        assert finding["tingkat"] in {"error", "peringatan", "info"}


def test_check_json_alias_and_format_json_agree(example: Path) -> None:
    assert run_cli("check", example, "--json") == run_cli("check", example, "--format", "json")
    assert run_cli("check", example, "--json", "--format", "baris")[0] == 2


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert run_cli("check", tmp_path / "tidak-ada")[0] == 2
    assert run_cli("check")[0] == 2
    assert run_cli("init", tmp_path, "--renstra", "2026-2021")[0] == 2
    assert run_cli("init", tmp_path, "--tahun", "2030", "--renstra", "2021-2026")[0] == 2
    file = tmp_path / "berkas.txt"
    file.write_text("x")
    assert run_cli("check", file)[0] == 2


def test_init_then_keep_what_is_there(tmp_path: Path) -> None:
    folder = tmp_path / "inputs"
    code, output = run_cli("init", folder, "--tahun", "2025")
    assert code == 0 and "kinerja.xlsx" in output
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    code, output = run_cli("init", folder)
    assert code == 0 and "Tidak ada template baru ditulis" in output
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before
    assert run_cli("init", folder, "--contoh")[0] == 2
    assert run_cli("init", folder, "--contoh", "--timpa")[0] == 0


def test_version() -> None:
    from xlkip import __version__

    result = subprocess.run(
        [sys.executable, "-m", "xlkip", "--version"], capture_output=True, text=True, check=False
    )
    assert (result.returncode, result.stdout) == (0, f"xlkip {__version__}\n")


def test_console_script_runs(tmp_path: Path) -> None:
    folder = tmp_path / "contoh"
    run = [sys.executable, "-m", "xlkip"]
    assert subprocess.run([*run, "init", "--contoh", str(folder)], check=False).returncode == 0
    result = subprocess.run(
        [*run, "check", str(folder), "--json"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0
    assert json.loads(result.stdout)["valid"] is True
