"""Words of the command line (issue 18 audit): kirim's plain-relay warning said only when
about to send, smtp.ini found when XDG_CONFIG_HOME is empty, no nested parentheses; range
errors and the attachment limit written as --help writes numbers (0,01)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers import run_cli
from tests.smtp_server import PASSWORD, USER, free_port, kirim, set_server, set_smtp, smtp_server

pytestmark = pytest.mark.filterwarnings(
    "ignore:Requiring AUTH while not requiring TLS:UserWarning"  # see tests/smtp_server.py
)


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """No XLKIP_SMTP_* variable, XDG_CONFIG_HOME set but empty, HOME a fresh folder."""
    for name in list(os.environ):
        if name.startswith("XLKIP_SMTP_"):
            monkeypatch.delenv(name)
    monkeypatch.setenv("XDG_CONFIG_HOME", "")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.chdir(tmp_path)
    (tmp_path / "home" / ".config" / "xlkip").mkdir(parents=True)
    yield tmp_path / "home"


def _deepest(text: str) -> int:
    depth = deepest = 0
    for char in text:
        depth += {"(": 1, ")": -1}.get(char, 0)
        deepest = max(deepest, depth)
    return deepest


def test_plain_warning_only_when_about_to_send(
    draft: Path, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    port = str(free_port())
    set_smtp(
        monkeypatch, host="127.0.0.1", port=port, security="tanpa", user=USER, password=PASSWORD
    )
    code, text = kirim(draft)
    assert code == 2 and "Tidak dapat tersambung ke server SMTP" in text, text
    assert "TANPA enkripsi" not in text and "Peringatan" not in text


def test_smtp_ini_in_home_config_when_xdg_config_home_is_empty(
    draft: Path, home: Path, tmp_path: Path
) -> None:
    ini = home / ".config" / "xlkip" / "smtp.ini"
    with smtp_server(tmp_path, "tanpa") as server:
        ini.write_text(
            f"[smtp]\nhost = 127.0.0.1\nport = {server.port}\nuser = {USER}\n"
            f"keamanan = tanpa\nkata_sandi = {PASSWORD}\n",
            encoding="utf-8",
        )
        ini.chmod(0o600)
        code, text = kirim(draft)
    assert code == 0, text
    assert len(server.inbox.received) == 1
    assert (
        f"Peringatan: Surel dan kata sandi SMTP akan dikirim ke 127.0.0.1:{server.port} "
        "TANPA enkripsi"
    ) in text


def test_no_smtp_ini_names_the_absolute_path(draft: Path, home: Path) -> None:
    code, text = kirim(draft)
    assert code == 2
    assert f"berkas {home / '.config' / 'xlkip' / 'smtp.ini'}" in text, text


def test_ca_messages_have_no_nested_parentheses(
    draft: Path, home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bogus = tmp_path / "ca.txt"
    bogus.write_text("bukan sertifikat\n", encoding="utf-8")
    set_smtp(monkeypatch, host="127.0.0.1", port=str(free_port()), **{"from": USER})
    for ca in (tmp_path / "tidak-ada.pem", bogus):
        set_smtp(monkeypatch, ca=str(ca))
        code, text = kirim(draft)
        assert code == 2 and f"Berkas CA {ca}" in text, text
        assert "XLKIP_SMTP_CA (atau ca di smtp.ini)" in text
        assert _deepest(text) == 1, text


def test_wrong_password_message_has_no_nested_parentheses(
    draft: Path, home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with smtp_server(tmp_path, "ssl") as server:
        set_server(
            monkeypatch,
            server,
            user=USER,
            security="ssl",
            ca=str(server.cafile),
            password="keliru-999",
        )
        code, text = kirim(draft)
    assert code == 2 and "menolak nama pengguna atau kata sandi" in text, text
    assert "XLKIP_SMTP_PASSWORD (atau kata_sandi di smtp.ini)" in text
    assert _deepest(text) == 1, text


def test_attachment_limit_is_said_with_the_decimals_given(
    example_master: Path, tmp_path: Path
) -> None:
    target = tmp_path / "LKjIP.xlsx"
    code, output = run_cli(
        "compile", example_master, "-o", target, "--eml", "--batas-lampiran", "0.01"
    )
    text = " ".join(output.split())
    assert code == 2 and "Lampiran terlalu besar" in text, text
    assert "batasnya 0,01 MB." in text


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (("compile", ".", "--batas-lampiran", "0.001"), "minimal 0,01"),
        (("init", "x", "--tahun", "1800"), "antara 1990 dan 2100"),
    ],
)
def test_range_errors_say_the_range_as_help_does(
    args: tuple[str, ...], said: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code, output = run_cli(*args)
    text = " ".join(output.split())
    assert code == 2 and f"tidak valid: {said}." in text, text
    assert f"{said}]" in " ".join(run_cli(args[0], "--help")[1].split())
    assert not any(path.exists() for path in tmp_path.iterdir())
