"""Staff text is printed as it is: a cell, a file, sheet or office name, a server's reply
may hold what the console library would read as markup (`[/x]`, `[link=…]`, `[smtp]`).
Every command runs on a real folder (`xlkip init --contoh`, then edited with openpyxl)
and every place that prints is asserted to show the exact text, with no traceback."""

from __future__ import annotations

import json
import shutil
import ssl
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from io import StringIO
from pathlib import Path

import openpyxl
import pytest
import trustme
from aiosmtpd.controller import Controller
from rich.console import Console
from typer.testing import CliRunner, Result

from tests.helpers import set_cells
from tests.sipd_files import write_xlsx
from tests.smtp_server import free_port
from xlkip import api
from xlkip.cli import app
from xlkip.console import print_table
from xlkip.findings import Report, error, info, peringatan
from xlkip.rekap.progress import Progress
from xlkip.rekap.summary import OfficeSummary, Status

CLOSING, LINK, SECTION = "[/x] dua juta", "[link=https://contoh.id]Rp 1.000[/link]", "[smtp]"
HOSTILE = (CLOSING, LINK, SECTION)
OFFICE = f"Dinas [/x] {SECTION} {LINK} :100:"  # and an emoji code
FILE = "catatan [final] [smtp].xlsx"  # a file name cannot hold a "/"
FOLDER = "isian [final] [smtp]"
OUR_MARKUP = ("[/]", "[bold", "[yellow", "[green", "[red")
WIDE = {"COLUMNS": "400"}  # the table's cells then hold each value on one line


def invoke(*args: object, env: dict[str, str] | None = None) -> Result:
    result = CliRunner().invoke(app, [str(a) for a in args], env={**WIDE, **(env or {})})
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert "Traceback" not in result.output and "Kesalahan internal" not in result.output
    for markup in OUR_MARKUP:  # our own styling is rendered, never shown as text
        assert markup not in result.output, result.output
    return result


@pytest.fixture(scope="module")
def hostile_master(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example made by `xlkip init --contoh` into a folder whose name holds markup,
    then edited: three hostile amounts, a hostile file name and office name."""
    folder = tmp_path_factory.mktemp("asli") / FOLDER
    assert CliRunner().invoke(app, ["init", str(folder), "--contoh"]).exit_code == 0
    anggaran = folder / FILE
    (folder / "anggaran.xlsx").rename(anggaran)
    set_cells(anggaran, "Realisasi Anggaran", {"F4": CLOSING, "F5": LINK, "F6": SECTION})
    set_cells(folder / "identitas.xlsx", "Identitas", {"B5": OFFICE})
    return folder


@pytest.fixture
def hostile(hostile_master: Path, tmp_path: Path) -> Path:
    return Path(shutil.copytree(hostile_master, tmp_path / FOLDER))


def test_init_prints_the_folder_literally(tmp_path: Path) -> None:
    folder = tmp_path / FOLDER
    result = invoke("init", folder, "--contoh")
    assert result.exit_code == 0
    text = " ".join(result.output.split())
    assert f"Template berisi contoh ditulis ke {folder}:" in text
    assert f"xlkip compile {folder}," in text


def test_usage_errors_print_the_path_literally(tmp_path: Path) -> None:
    missing = tmp_path / "isian [smtp]" / "tidak [/x]"
    result = invoke("check", missing)
    assert result.exit_code == 2
    assert f"Kesalahan: Folder {missing} tidak ditemukan." in " ".join(result.output.split())


def _assert_findings_shown(output: str) -> None:
    for value in HOSTILE:
        assert f"Isi '{value}' pada kolom 'Anggaran' bukan angka." in output, output
    assert FILE in output


@pytest.mark.parametrize("fmt", ["tabel", "baris", "json"])
def test_check_prints_cells_and_file_names_literally(hostile: Path, fmt: str) -> None:
    result = invoke("check", hostile, "--format", fmt)
    assert result.exit_code == 1
    _assert_findings_shown(result.output)
    if fmt == "baris":
        assert f"{FILE}:Realisasi Anggaran!F5: error bukan_angka: Isi '{LINK}'" in result.output
    if fmt == "json":
        pesan = {f["pesan"] for f in json.loads(result.output)["findings"] if f["file"] == FILE}
        assert {p.split("'")[1] for p in pesan} == set(HOSTILE)


@pytest.mark.parametrize("fmt", ["tabel", "baris", "json"])
def test_compile_prints_cells_and_the_office_named_output_literally(
    hostile: Path, fmt: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    refused = invoke("compile", hostile, "--format", fmt)
    assert refused.exit_code == 1 and list(tmp_path.glob("output/*")) == []
    assert fmt == "json" or "Workbook tidak dibuat karena ada error." in refused.output
    _assert_findings_shown(refused.output)
    result = invoke("compile", hostile, "--format", fmt, "--paksa")
    assert result.exit_code == 1
    _assert_findings_shown(result.output)
    [written] = tmp_path.glob("output/*.xlsx")
    assert "[smtp]" in written.name and "[link=" in written.name  # named after the office
    if fmt == "json":
        assert json.loads(result.output)["workbook"] == str(written.relative_to(tmp_path))
    else:
        assert f"Workbook LKjIP ditulis: {written.relative_to(tmp_path)}" in result.output


def test_compile_output_path_with_markup(hostile: Path, tmp_path: Path) -> None:
    target = tmp_path / "keluaran [smtp]" / "LKjIP [final] [x].xlsx"
    result = invoke("compile", hostile, "--paksa", "-o", target, "--format", "baris")
    assert target.is_file()
    assert f"Workbook LKjIP ditulis: {target}" in result.output


def _stranger(hostile_master: Path, target: Path, pemda: str) -> Path:
    folder = Path(shutil.copytree(hostile_master, target))
    (folder / FILE).rename(folder / "anggaran.xlsx")
    set_cells(folder / "anggaran.xlsx", "Realisasi Anggaran", {"F4": 1, "F5": 2, "F6": 3})
    set_cells(folder / "identitas.xlsx", "Identitas", {"B5": f"Badan {LINK}", "B6": pemda})
    return folder


def test_rekap_prints_office_names_and_reasons_literally(
    hostile_master: Path, tmp_path: Path
) -> None:
    root = tmp_path / "opd [smtp]"
    shutil.copytree(hostile_master, root / "a [final]")
    _stranger(hostile_master, root / "b [smtp]", "Pemerintah Kota Lain")
    _stranger(hostile_master, root / "c", "Pemerintah Kota Binjai")
    target = tmp_path / "rekap [smtp].xlsx"
    result = invoke("rekap", root, "-o", target, "-j", "1")
    assert result.exit_code == 1 and target.is_file()
    progress, summary = result.stderr, " ".join(result.stdout.split())
    assert f"error {OFFICE} (3 error," in progress
    assert f"ok Badan {LINK} (0 error," in progress
    assert f"• error {OFFICE} ({root / 'a [final]'}): 3 error" in summary
    assert f"({FILE}, Realisasi Anggaran!F4): Isi '{CLOSING}'" in summary
    assert f"• peringatan Badan {LINK}: " in summary  # the other pemda, told after the pool
    assert f"Workbook rekap ditulis: {target}" in summary


def test_rekap_progress_bar_shows_the_office_name_literally() -> None:
    stream = StringIO()
    console = Console(file=stream, force_terminal=True, width=200, markup=False)
    with Progress(console) as progress:
        progress.start(2)
        progress.done(OfficeSummary(folder="a", status=Status.ERRORS, instansi=OFFICE))
        progress.done(OfficeSummary(folder="b", status=Status.OK, instansi=f"Badan {LINK}"))
    assert OFFICE in stream.getvalue() and f"Badan {LINK}" in stream.getvalue()


def test_impor_anggaran_prints_file_names_and_cells_literally(tmp_path: Path) -> None:
    export = write_xlsx(
        tmp_path / "realisasi [final] [smtp].xlsx",
        {
            "Sheet1": [
                ["Kode", "Uraian", "Anggaran", "Realisasi"],
                ["2.16.02.2.01.0001", "Sub kegiatan", CLOSING, 1],
                ["2.16.02.2.01.0002", "Sub kegiatan lain", LINK, SECTION],
            ]
        },
    )
    target = tmp_path / "isian [smtp]" / "anggaran [final].xlsx"
    output = invoke("impor-anggaran", export, "-o", target, "--paksa").output
    assert "realisasi [final] [smtp].xlsx" in output
    for value in HOSTILE:
        assert f"'{value}'" in output, output
    assert f"Template anggaran ditulis: {target}" in " ".join(output.split())


# ---- kirim: the hint and the server's reply ------------------------------------------------


def _smtp_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, **values: str) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    for name in ("HOST", "PORT", "USER", "FROM", "SECURITY", "CA", "PASSWORD"):
        monkeypatch.delenv(f"XLKIP_SMTP_{name}", raising=False)
    for name, value in values.items():
        monkeypatch.setenv(f"XLKIP_SMTP_{name.upper()}", value)


@pytest.fixture(scope="module")
def draft(example_master: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("surel") / "LKjIP [final] [smtp] :100:.xlsx"
    return api.compile_folder(example_master, target, eml=True).eml


def test_compile_prints_the_draft_path_literally(example: Path, tmp_path: Path) -> None:
    target = tmp_path / "LKjIP [final] [smtp] :100:.xlsx"
    result = invoke("compile", example, "-o", target, "--eml", "--format", "baris")
    assert result.exit_code == 0
    eml = target.with_suffix(".eml")
    assert eml.is_file()
    assert f"Draf surel ditulis: {eml} (buka di" in result.output
    assert f"kirim dengan xlkip kirim {eml} --ke ALAMAT" in result.output


def test_kirim_prints_the_settings_hint_literally(
    draft: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from xlkip.deliver import smtp

    _smtp_env(monkeypatch, tmp_path)
    with pytest.raises(smtp.SendError) as raised:
        smtp.load_settings()
    assert SECTION in str(raised.value)
    result = invoke("kirim", draft, "--ke", "kepala@binjaikota.go.id")
    assert result.exit_code == 2
    text = " ".join(result.output.split())
    assert " ".join(str(raised.value).split()) in text
    assert f"Berkas {draft.name} tidak diubah." in text


class _Refusing:
    """Every recipient refused with a reply that holds markup."""

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        return f"550 {CLOSING} {SECTION} {LINK}"


class _Accepting:
    async def handle_DATA(self, server, session, envelope):
        return "250 OK"


@contextmanager
def _server(handler: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A real STARTTLS server on 127.0.0.1 (no login), and the settings to reach it."""
    ca = trustme.CA()
    cafile = tmp_path / "ca.pem"
    ca.cert_pem.write_to_path(str(cafile))
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("127.0.0.1").configure_cert(context)
    port = free_port()
    controller = Controller(
        handler, hostname="127.0.0.1", port=port, tls_context=context, require_starttls=True
    )
    controller.start()
    settings = {"host": "127.0.0.1", "port": str(port), "ca": str(cafile)}
    _smtp_env(monkeypatch, tmp_path, **settings, **{"from": "staf@binjaikota.go.id"})
    try:
        yield
    finally:
        controller.stop()


def test_kirim_prints_the_server_reply_literally(
    draft: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with _server(_Refusing(), tmp_path, monkeypatch):
        result = invoke("kirim", draft, "--ke", "kepala@binjaikota.go.id")
    assert result.exit_code == 2
    assert f"550 {CLOSING} {SECTION} {LINK}" in " ".join(result.output.split())


def test_kirim_prints_the_sent_draft_literally(
    draft: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with _server(_Accepting(), tmp_path, monkeypatch):
        result = invoke("kirim", draft, "--ke", "kepala@binjaikota.go.id")
    assert result.exit_code == 0
    assert f"Surel {draft.name} terkirim ke kepala@binjaikota.go.id." in result.output


# ---- the check table at 80, 100 and 120 columns -------------------------------------------


def _long_names_report() -> Report:
    return Report(
        [
            error(
                "persen_pada_satuan_lain",
                "Nilai 70% pada kolom 'Target Renstra 2024' ditulis sebagai persentase.",
                file="realisasi anggaran perubahan 2024.xlsx",
                sheet="Indeks Daerah Lain",
                sel="A12",
            ),
            peringatan(
                "realisasi_beda_bukti",
                "Realisasi tahun lalu tertulis 1.100, tetapi menurut jumlah informasi 3.543.",
                file="kinerja_dinas_komunikasi.xlsx",
                sheet="Aplikasi dan Website",
                sel="B62",
            ),
            info("pilihan_dinormalkan", "Ditulis S1/D4.", file="sdm.xlsx", sheet="Pegawai"),
            error("template_wajib_tidak_ada", "Template identitas tidak ada di folder."),
        ]
    )


@pytest.mark.parametrize("width", [80, 100, 120])
def test_check_table_keeps_names_and_words_whole(example: Path, width: int) -> None:
    for report in (_long_names_report(), api.check(example).report):
        console = Console(width=width, file=StringIO(), record=True)
        print_table(report, console)
        text = console.export_text()
        assert max(map(len, text.splitlines())) <= width
        words = set(text.replace("│", " ").replace("┃", " ").split())
        for finding in report.findings:
            expected = [finding.kode, *(finding.file or "").split(), *finding.lokasi.split()]
            expected += [w for w in finding.pesan.split() if len(w) < 20]
            for word in expected:
                assert word in words, f"'{word}' is cut at {width} columns:\n{text}"


# ---- a long office name in the page footer ---------------------------------------------------


def test_long_office_name_keeps_the_footer_without_english(example: Path, tmp_path: Path) -> None:
    name = ("Dinas P&G &[Picture] Komunikasi dan Informatika " * 7)[:300]
    set_cells(example / "identitas.xlsx", "Identitas", {"B5": name})
    target = tmp_path / "hasil.xlsx"
    command = [sys.executable, "-m", "xlkip", "compile", str(example), "-o", str(target)]
    run = subprocess.run(command, capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stdout + run.stderr
    assert run.stderr == ""
    workbook = openpyxl.load_workbook(target)
    for sheet in workbook.worksheets:
        footer = sheet.oddFooter
        assert footer.right.text == "Halaman &P dari &N", sheet.title
        left = footer.left.text.replace("\u200b", "")
        assert left.lstrip().startswith("Dinas P&&G &&[Picture] Komunikasi")
        assert left.endswith("…")
        assert len(left) > 200
