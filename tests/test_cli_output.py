"""What the command line prints where nobody watches a terminal: logs, pipes, and
consoles that cannot show UTF-8. The real console script runs in a subprocess, its
output redirected into a file, as `xlkip check DIR > log.txt` does."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

from xlkip import api
from xlkip.console import finding_line

LINE = re.compile(
    r"^(?P<file>[^:]+\.xlsx)(?::(?P<sheet>[^!]+)!(?P<sel>[A-Z]+\d+))?: "
    r"(?P<tingkat>error|peringatan|info) (?P<kode>[a-z_]+): (?P<pesan>.+)$"
)


def xlkip(
    *args: object,
    env: dict[str, str] | None = None,
    cwd: Path | None = None,
    log: Path | None = None,
) -> tuple[int, str, str]:
    """Run `python -m xlkip ARGS > log` and return (exit code, log text, stderr)."""
    environment = {**os.environ, **(env or {})}
    command = [sys.executable, "-m", "xlkip", *map(str, args)]
    if log is None:
        result = subprocess.run(command, capture_output=True, env=environment, cwd=cwd, check=False)
        return (
            result.returncode,
            result.stdout.decode("utf-8", "replace"),
            result.stderr.decode("utf-8", "replace"),
        )
    with log.open("wb") as handle:
        result = subprocess.run(
            command, stdout=handle, stderr=subprocess.PIPE, env=environment, cwd=cwd, check=False
        )
    return result.returncode, log.read_text(encoding="utf-8"), result.stderr.decode()


def test_redirected_check_prints_one_whole_line_per_finding(example: Path, tmp_path: Path) -> None:
    code, text, _ = xlkip("check", example, env={"COLUMNS": "40"}, log=tmp_path / "log.txt")
    assert code == 0
    lines = text.splitlines()
    findings = api.check(example).report.sorted()
    assert lines[:-1] == [finding_line(f) for f in findings]
    assert lines[-1] == "Temuan: 0 error, 16 peringatan, 0 info — tidak ada error."
    for line, finding in zip(lines, findings, strict=False):
        match = LINE.match(line)
        assert match, line
        assert match["file"] == finding.file and match["sheet"] == finding.sheet
        assert match["sel"] == finding.sel and match["kode"] == finding.kode
        assert match["pesan"] == " ".join(finding.pesan.split())
    assert "spbe.xlsx:Indeks Daerah Lain!A12: peringatan baris_ganda: Baris 12" in text


def test_finding_line_is_one_line_whatever_the_message() -> None:
    from xlkip.findings import error

    finding = error("kode_x", "baris satu\nbaris dua\tdan tiga", file="a b.xlsx", sheet="S 1")
    assert finding_line(finding) == "a b.xlsx:S 1: error kode_x: baris satu baris dua dan tiga"
    assert finding_line(error("k", "pesan")) == "error k: pesan"


def test_format_tabel_and_json_can_be_chosen_when_redirected(example: Path, tmp_path: Path) -> None:
    _, table, _ = xlkip("check", example, "--format", "tabel", log=tmp_path / "t.txt")
    assert "Temuan Validasi" in table and "--format baris|json" in table
    _, text, _ = xlkip("check", example, "--format", "json", log=tmp_path / "j.txt")
    assert json.loads(text) == api.check(example).report.to_dict()


def test_ascii_console_gets_ascii_not_a_traceback(example: Path, tmp_path: Path) -> None:
    for fmt in ("tabel", "baris", "json"):
        code, out, err = xlkip("check", example, "--format", fmt, env={"PYTHONIOENCODING": "ascii"})
        assert code == 0, err
        assert "Traceback" not in err and "UnicodeEncodeError" not in err
        assert out.isascii()
    assert "0 info - tidak ada error." in out or fmt == "json"
    code, out, err = xlkip(
        "compile", example, "-o", tmp_path / "x.xlsx", env={"PYTHONIOENCODING": "ascii"}
    )
    assert code == 0 and "Traceback" not in err and out.isascii()
    code, _, err = xlkip("check", env={"PYTHONIOENCODING": "ascii"})
    assert code == 2 and err.isascii() and "Traceback" not in err


def test_ascii_substitutes() -> None:
    from xlkip.console import plain

    assert [plain(c) for c in "—é…│┼Σ"] == ["-", "e", "...", "|", "+", "Jumlah "]
    assert plain("漢") == "?"


def test_compile_json_names_what_was_written(example: Path, tmp_path: Path) -> None:
    target = tmp_path / "LKjIP.xlsx"
    code, text, _ = xlkip("compile", example, "-o", target, "--eml", "--json")
    report = json.loads(text)
    assert code == 0 and report["valid"] is True
    assert (report["workbook"], report["pdf"], report["eml"]) == (
        str(target),
        None,
        str(target.with_suffix(".eml")),
    )
    assert len(report["findings"]) == 16
