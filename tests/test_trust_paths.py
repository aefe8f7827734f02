"""No input is ever overwritten, no stale PDF or draft is left beside a new workbook,
every failure is an Indonesian sentence with exit 1 or 2, and --help reads as
Indonesian. Real files, real subprocesses, real signals and file-size limits."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
import typer

from tests.helpers import run_cli, set_cells
from tests.sipd_files import example_flat_rows, write_xlsx
from tests.test_cli_output import xlkip
from xlkip import api
from xlkip.cli import app
from xlkip.output import OutputError, write_atomically


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` (hidden temporaries included) with its bytes."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


# -- 1. no input is ever overwritten ---------------------------------------------------


def test_compile_refuses_any_file_in_the_inputs_folder(example: Path, tmp_path: Path) -> None:
    before = snapshot(example)
    for name in ("kinerja.xlsx", "laporan.xlsx"):
        for extra in ((), ("--pdf", "--eml")):
            code, output = run_cli("compile", example, "-o", example / name, *extra)
            assert code == 2, output
            assert "folder input" in output and "Traceback" not in output
    assert snapshot(example) == before
    with pytest.raises(OutputError):
        api.compile_folder(example, example / "kinerja.xlsx")
    assert snapshot(example) == before


def test_compile_refuses_last_years_folder_too(example: Path, tmp_path: Path) -> None:
    last = shutil.copytree(example, tmp_path / "tahun_lalu")
    before = snapshot(last)
    code, output = run_cli("compile", example, "--tahun-lalu", last, "-o", last / "identitas.xlsx")
    assert code == 2 and "folder input" in output
    assert snapshot(last) == before


def test_compile_refuses_a_template_anywhere(example: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "arsip" / "kinerja_2024.xlsx"
    elsewhere.parent.mkdir()
    shutil.copy(example / "kinerja.xlsx", elsewhere)
    before = elsewhere.read_bytes()
    code, output = run_cli("compile", example, "-o", elsewhere)
    assert code == 2 and "template xlkip" in output, output
    assert elsewhere.read_bytes() == before
    assert sorted(p.name for p in elsewhere.parent.iterdir()) == ["kinerja_2024.xlsx"]


def test_writing_over_a_template_is_refused_unless_it_is_one(example: Path, tmp_path: Path) -> None:
    template = shutil.copy(example / "sdm.xlsx", tmp_path / "sdm.xlsx")
    before = Path(template).read_bytes()
    with pytest.raises(OutputError, match="template xlkip"):
        write_atomically(Path(template), lambda path: path.write_bytes(b"laporan"))
    assert Path(template).read_bytes() == before
    write_atomically(Path(template), lambda path: path.write_bytes(b"baru"), template=True)
    assert Path(template).read_bytes() == b"baru"
    # A report compiled last time is no template: running again replaces it.
    report = tmp_path / "laporan.xlsx"
    assert run_cli("compile", example, "-o", report)[0] == 0
    assert run_cli("compile", example, "-o", report)[0] == 0


@pytest.fixture
def pemda(example_master: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "opd"
    for name in ("a", "b"):
        shutil.copytree(example_master, folder / name)
    return folder


@pytest.mark.parametrize("name", ["kinerja.xlsx", "rekap.xlsx"])
def test_rekap_refuses_a_file_in_an_office(
    pemda: Path, name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    before = snapshot(pemda)
    for extra in ((), ("--tulis-per-opd",)):
        code, output = run_cli("rekap", pemda, "-o", pemda / "a" / name, "-j", "1", *extra)
        assert code == 2 and "folder input" in output, output
    assert snapshot(pemda) == before
    assert not (tmp_path / "output").exists()


def test_rekap_never_writes_into_an_office_named_output(
    example_master: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The default place of the rekap (and the offices' workbooks) is ./output: when an
    office's folder has that name, nothing is written there."""
    office = shutil.copytree(example_master, tmp_path / "output")
    monkeypatch.chdir(tmp_path)
    before = snapshot(office)
    for extra in ((), ("--tulis-per-opd",)):
        code, output = run_cli("rekap", "output", "-j", "1", *extra)
        assert code == 2 and "folder input" in output, output
    code, output = run_cli("rekap", office, "-o", office / ".." / "output" / "x.xlsx")
    assert code == 2
    assert snapshot(office) == before


# -- 2. a failed PDF or draft leaves no older one beside the new workbook ----------------


def test_a_draft_too_large_removes_last_runs_draft(example: Path, tmp_path: Path) -> None:
    target = tmp_path / "out" / "LKjIP.xlsx"
    draft = target.with_suffix(".eml")
    assert run_cli("compile", example, "-o", target, "--eml")[0] == 0
    assert draft.is_file()
    first = target.read_bytes()
    code, output = run_cli("compile", example, "-o", target, "--eml", "--batas-lampiran", "0.01")
    assert code == 2
    assert "Lampiran terlalu besar" in output and "LKjIP.eml dihapus" in output, output
    assert not draft.exists()
    assert target.is_file() and target.read_bytes() != b"" and first  # the new workbook
    assert sorted(p.name for p in target.parent.iterdir()) == ["LKjIP.xlsx"]


def test_a_failed_pdf_removes_last_runs_pdf_and_draft(example: Path, tmp_path: Path) -> None:
    """LibreOffice really absent (not on PATH): the PDF fails, and so does the draft."""
    target = tmp_path / "out" / "LKjIP.xlsx"
    target.parent.mkdir()
    target.with_suffix(".pdf").write_bytes(b"%PDF-1.4 angka tahun lalu")
    target.with_suffix(".eml").write_bytes(b"Subject: angka tahun lalu\n\n")
    code, out, err = xlkip(
        "compile", example, "-o", target, "--pdf", "--eml", env={"PATH": str(tmp_path / "kosong")}
    )
    assert code == 2, err
    assert "LibreOffice tidak ditemukan" in err and "Traceback" not in err
    assert "PDF lama LKjIP.pdf dihapus" in err and "Draf surel lama LKjIP.eml dihapus" in err
    assert sorted(p.name for p in target.parent.iterdir()) == ["LKjIP.xlsx"]
    assert "Workbook LKjIP ditulis" in out


# -- 3. every failure is a sentence and an exit code --------------------------------------


def _limit_file_size() -> None:
    """In the child: files may not grow past 20 kB, so writing fails with EFBIG as on a
    full disk (SIGXFSZ ignored, so the write raises instead of killing the process)."""
    import resource

    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (20_000, 20_000))


@pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_FSIZE is POSIX")
def test_a_full_disk_is_a_sentence_and_leaves_the_old_file(example: Path, tmp_path: Path) -> None:
    target = tmp_path / "out" / "LKjIP.xlsx"
    target.parent.mkdir()
    target.write_bytes(b"hasil sebelumnya")
    command = [sys.executable, "-m", "xlkip", "compile", str(example), "-o", str(target)]
    result = subprocess.run(
        command, capture_output=True, text=True, preexec_fn=_limit_file_size, check=False
    )
    assert result.returncode == 2, result.stderr
    assert "Tidak dapat menulis ke" in result.stderr
    assert "melebihi batas ukuran" in result.stderr
    for noise in ("Traceback", "Exception ignored", "Kesalahan internal", "File too large"):
        assert noise not in result.stderr + result.stdout
    assert [p.name for p in target.parent.iterdir()] == ["LKjIP.xlsx"]  # no temporary left
    assert target.read_bytes() == b"hasil sebelumnya"


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT to a child is POSIX")
def test_ctrl_c_says_dibatalkan_exits_1_and_leaves_nothing(
    example_master: Path, tmp_path: Path
) -> None:
    pemda = tmp_path / "opd"
    for name in ("a", "b", "c", "d"):
        shutil.copytree(example_master, pemda / name)
    out = tmp_path / "out"
    command = [sys.executable, "-m", "xlkip", "rekap", str(pemda), "-o", str(out / "r.xlsx")]
    plain = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "TTY_COMPATIBLE")}
    child = subprocess.Popen(  # one line per office on stderr, not a progress bar
        [*command, "-j", "1", "--tulis-per-opd"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=plain,
    )
    assert child.stderr is not None
    first = child.stderr.readline()  # one office done: the run is well under way
    assert first.startswith("[1/4]"), first
    child.send_signal(signal.SIGINT)
    stdout, stderr = child.communicate(timeout=120)
    assert child.returncode == 1, stderr
    assert "Dibatalkan." in stderr
    assert "Traceback" not in stderr + stdout and "KeyboardInterrupt" not in stderr
    assert list(out.iterdir()) == []  # the staging folder removed, no rekap written


def test_a_file_where_a_folder_is_expected(example: Path) -> None:
    before = snapshot(example)
    code, output = run_cli("init", example / "kinerja.xlsx")
    assert code == 2 and "bukan folder" in output, output
    code, output = run_cli("init", example / "kinerja.xlsx" / "baru")
    assert code == 2 and "berkas, bukan folder" in output, output
    code, output = run_cli("rekap", example / "kinerja.xlsx")
    assert code == 2 and "bukan folder" in output, output
    assert snapshot(example) == before


def test_rekap_of_a_missing_folder_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code, output = run_cli("rekap", tmp_path / "tidak-ada")
    assert code == 2 and "tidak ditemukan" in output, output
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("name", ["r.csv", "r.pdf", "r"])
def test_rekap_output_must_be_xlsx(pemda: Path, tmp_path: Path, name: str) -> None:
    code, output = run_cli("rekap", pemda, "-o", tmp_path / name, "-j", "1")
    assert code == 2 and "harus berakhiran .xlsx" in output, output
    assert not (tmp_path / name).exists()


# -- 4. --help reads as Indonesian ----------------------------------------------------------

PLACEHOLDER = re.compile(r"[<>{}]|x[<>]=|\b\d+<=")
ENGLISH = re.compile(
    r"\b(default|range|required|path|str|int|float|list|usage|options?|arguments?|"
    r"commands?|show|message|exit|folders|fmt)\b",
    re.IGNORECASE,
)
COMMANDS = sorted(typer.main.get_command(app).commands)  # type: ignore[attr-defined]


@pytest.mark.parametrize("command", ["", *COMMANDS])
def test_every_help_is_indonesian_without_placeholders(command: str) -> None:
    code, output = run_cli(*([command] if command else []), "--help")
    assert code == 0 and output.startswith("Penggunaan: ")
    assert not PLACEHOLDER.search(output), output
    assert not ENGLISH.search(output), ENGLISH.search(output)


def test_every_value_has_a_word_for_a_metavar() -> None:
    for name, command in typer.main.get_command(app).commands.items():  # type: ignore[attr-defined]
        for param in command.params:
            if not getattr(param, "is_flag", False):
                assert param.metavar, f"{name} {param.name}"


def _help(command: str) -> str:
    return " ".join(run_cli(command, "--help")[1].split())


def test_help_says_ranges_and_defaults_in_words() -> None:
    assert "[baku: 7; minimal 0,01]" in _help("compile")
    assert "[antara 1990 dan 2100]" in _help("init")
    rekap_help = _help("rekap")
    assert "Penggunaan: root rekap [OPSI] FOLDER..." in rekap_help
    assert "-o, --output BERKAS" in rekap_help and "[minimal 1]" in rekap_help
    assert "Penggunaan: root check [OPSI] [FOLDER]" in _help("check")


# -- 5. check and compile share the default folder; next steps name the folder -----------


def test_check_without_a_folder_reads_inputs(example: Path, tmp_path: Path) -> None:
    code, out, err = xlkip("check", "--format", "baris", cwd=example.parent)
    assert code == 0, err
    assert out == xlkip("check", example, "--format", "baris")[1]
    empty = tmp_path / "kosong"
    empty.mkdir()
    code, _, err = xlkip("check", cwd=empty)
    assert code == 2 and "xlkip init inputs" in err


def test_compile_stopped_by_an_error_names_the_folder(example: Path, tmp_path: Path) -> None:
    set_cells(example / "anggaran.xlsx", "Realisasi Anggaran", {"F4": "dua juta"})
    code, output = run_cli("compile", example, "-o", tmp_path / "x.xlsx", "--format", "baris")
    assert code == 1
    assert f"lalu jalankan lagi: xlkip compile {example} (atau" in " ".join(output.split())


def test_impor_anggaran_names_the_folder_to_check(tmp_path: Path) -> None:
    export = write_xlsx(tmp_path / "realisasi.xlsx", {"Sheet1": example_flat_rows()})
    target = tmp_path / "dinas" / "anggaran.xlsx"
    code, output = run_cli("impor-anggaran", export, "-o", target)
    assert code == 0, output
    assert f"Lanjutkan dengan: xlkip check {target.parent}" in " ".join(output.split())
