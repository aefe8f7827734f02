"""`xlkip kirim` with every relay an office has (a real aiosmtpd server on 127.0.0.1 for
each mode, a silent socket for timeouts), its password sources and its messages."""

from __future__ import annotations

import os
import re
import select
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from email import policy
from email.parser import BytesParser
from pathlib import Path

import pytest

from tests.helpers import run_cli
from tests.smtp_server import (
    KEPALA,
    PASSWORD,
    USER,
    free_port,
    kirim,
    set_server,
    set_smtp,
    silent_server,
    smtp_server,
)

pytestmark = pytest.mark.filterwarnings(
    "ignore:Requiring AUTH while not requiring TLS:UserWarning"  # see tests/smtp_server.py
)

ENGLISH = (
    "Connection",
    "timed out",
    "unexpectedly",
    "File contains",
    "Source contains",
    "while reading",
    "Password input",
    "Abort",
    "Errno",
    "refused",
    "certificate",
)
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


@pytest.fixture
def config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """No XLKIP_SMTP_* variable; the smtp.ini path (not written yet)."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    for name in list(os.environ):
        if name.startswith("XLKIP_SMTP_"):
            monkeypatch.delenv(name)
    path = tmp_path / "config" / "xlkip" / "smtp.ini"
    path.parent.mkdir(parents=True)
    yield path


def _indonesian(text: str) -> None:
    assert "Traceback" not in text and "Kesalahan internal" not in text, text
    for word in ENGLISH:
        assert word.lower() not in text.lower(), (word, text)


# ---- modes -----------------------------------------------------------------------------


@pytest.mark.parametrize("login", [False, True])
def test_plain_relay_when_the_setting_says_so(
    login: bool, draft: Path, config: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with smtp_server(tmp_path, "tanpa", auth_required=login) as server:
        set_server(monkeypatch, server, security="tanpa")
        if login:
            set_smtp(monkeypatch, user=USER, password=PASSWORD)
        else:
            set_smtp(monkeypatch, **{"from": "program@binjaikota.go.id"})
        code, text = kirim(draft)
    assert code == 0, text
    assert "Peringatan:" in text and "TANPA enkripsi" in text and "keamanan = tanpa" in text
    assert ("kata sandi" in text) is login
    [(mail_from, rcpt, content)] = server.inbox.received
    assert mail_from == (USER if login else "program@binjaikota.go.id") and rcpt == [KEPALA]
    assert BytesParser(policy=policy.default).parsebytes(content)["Subject"].startswith("LKjIP")


def test_plain_relay_port_defaults_to_25(config: Path) -> None:
    from xlkip.deliver.smtp import load_settings

    config.write_text("[SMTP]\nhost = relay.kantor\nkeamanan = Tanpa\n", encoding="utf-8")
    settings = load_settings(env={}, config=config)
    assert (settings.security, settings.port) == ("tanpa", 25)


def test_starttls_required_but_the_relay_has_none(
    draft: Path, config: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with smtp_server(tmp_path, "tanpa", auth_required=False) as server:
        set_server(monkeypatch, server, user=USER, password=PASSWORD)
        code, text = kirim(draft)
    assert code == 2
    assert f"Server 127.0.0.1:{server.port} tidak menawarkan STARTTLS" in text
    assert "keamanan = tanpa" in text and server.inbox.received == []
    _indonesian(text)


@pytest.mark.parametrize("security", ["tanpa", "starttls", "ssl"])
def test_each_mode_with_the_password_from_smtp_ini(
    security: str, draft: Path, config: Path, tmp_path: Path
) -> None:
    with smtp_server(tmp_path, security) as server:
        config.write_text(
            f"[smtp]\nhost = 127.0.0.1\nport = {server.port}\nuser = {USER}\n"
            f"keamanan = {security}\nca = {server.cafile}\nkata_sandi = {PASSWORD}\n",
            encoding="utf-8",
        )
        code, text = kirim(draft)
    assert code == 0, text
    assert len(server.inbox.received) == 1 and PASSWORD not in text
    assert ("TANPA enkripsi" in text) is (security == "tanpa")


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")
@pytest.mark.parametrize("mode", [0o644, 0o600])
def test_a_password_in_smtp_ini_others_can_read(
    mode: int, draft: Path, config: Path, tmp_path: Path
) -> None:
    with smtp_server(tmp_path, "ssl") as server:
        config.write_text(
            f"[smtp]\nhost = 127.0.0.1\nport = {server.port}\nuser = {USER}\nkeamanan = ssl\n"
            f"ca = {server.cafile}\nkata_sandi = {PASSWORD}\n",
            encoding="utf-8",
        )
        config.chmod(mode)
        code, text = kirim(draft)
    assert code == 0, text
    warned = f"Berkas {config} memuat kata sandi SMTP dan dapat dibaca pengguna lain"
    assert (warned in text) is (mode == 0o644)
    assert (f"chmod 600 {config}" in text) is (mode == 0o644)


def test_the_environment_password_wins_over_smtp_ini(
    draft: Path, config: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with smtp_server(tmp_path, "ssl") as server:
        config.write_text(
            f"[smtp]\nhost = 127.0.0.1\nport = {server.port}\nuser = {USER}\nkeamanan = ssl\n"
            f"ca = {server.cafile}\nkata_sandi = keliru-999\n",
            encoding="utf-8",
        )
        set_smtp(monkeypatch, password=PASSWORD)
        code, text = kirim(draft)
    assert code == 0, text


def test_login_required_but_no_user_set(
    draft: Path, config: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with smtp_server(tmp_path, "starttls") as server:
        set_server(
            monkeypatch,
            server,
            ca=str(server.cafile),
            **{"from": "program@binjaikota.go.id"},
        )
        code, text = kirim(draft)
    assert code == 2
    assert f"Server 127.0.0.1:{server.port} meminta login" in text
    assert "XLKIP_SMTP_USER (atau user di smtp.ini)" in text and "XLKIP_SMTP_FROM" not in text
    assert server.inbox.received == []
    _indonesian(text)


def test_login_needs_encryption_on_a_plain_relay(
    draft: Path, config: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A relay that offers no login without TLS: the message says what to change."""
    with smtp_server(tmp_path, "starttls") as server:
        set_server(
            monkeypatch,
            server,
            security="tanpa",
            user=USER,
            password=PASSWORD,
        )
        code, text = kirim(draft)
    assert code == 2
    assert f"Server 127.0.0.1:{server.port} tidak menawarkan login tanpa enkripsi" in text
    assert "keamanan = starttls atau ssl" in text and server.inbox.received == []
    _indonesian(text)


def test_plain_sending_to_a_relay_that_wants_starttls(
    draft: Path, config: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with smtp_server(tmp_path, "starttls", auth_required=False) as server:
        set_server(monkeypatch, server, security="tanpa")
        set_smtp(monkeypatch, **{"from": "program@binjaikota.go.id"})
        code, text = kirim(draft)
    assert code == 2
    assert f"Server 127.0.0.1:{server.port} mewajibkan sambungan terenkripsi" in text
    assert 'jawaban server: "530' in text and "meminta login" not in text
    assert server.inbox.received == []


# ---- timeouts --------------------------------------------------------------------------


@pytest.mark.parametrize("security", ["tanpa", "starttls", "ssl"])
def test_a_server_that_never_answers(
    security: str, draft: Path, config: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with silent_server() as port:
        set_smtp(monkeypatch, host="127.0.0.1", port=str(port), security=security, timeout="0,5")
        set_smtp(monkeypatch, **{"from": "program@binjaikota.go.id"})
        started = time.monotonic()
        code, text = kirim(draft)
        elapsed = time.monotonic() - started
    assert code == 2 and elapsed < 10, (elapsed, text)
    assert f"Server SMTP 127.0.0.1:{port} tidak menjawab dalam 0,5 detik" in text
    assert "menolak" not in text and "XLKIP_SMTP_TIMEOUT" in text
    _indonesian(text)


def test_a_server_that_stalls_after_the_message(
    draft: Path, config: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The data went out but no answer came: the mail may have arrived, and it says so."""
    with smtp_server(tmp_path, "starttls", delay=3) as server:
        set_server(
            monkeypatch,
            server,
            user=USER,
            password=PASSWORD,
            ca=str(server.cafile),
            timeout="0,5",
        )
        code, text = kirim(draft)
    assert code == 2
    expected = (
        f"Server SMTP 127.0.0.1:{server.port} tidak menjawab dalam 0,5 detik saat surel "
        "dikirim, jadi surel belum tentu terkirim."
    )
    assert expected in text, text
    _indonesian(text)


def test_timeout_setting_is_checked(config: Path) -> None:
    from xlkip.deliver.smtp import SendError, load_settings

    config.write_text("[smtp]\nhost = relay\nbatas_waktu = sebentar\n", encoding="utf-8")
    with pytest.raises(SendError, match="Batas waktu SMTP 'sebentar' tidak valid"):
        load_settings(env={}, config=config)
    assert load_settings(env={"XLKIP_SMTP_TIMEOUT": "2,5"}, config=config).timeout == 2.5


# ---- messages --------------------------------------------------------------------------


def test_missing_ca_file(
    draft: Path, config: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    missing = tmp_path / "tidak-ada" / "ca-kantor.pem"
    with smtp_server(tmp_path, "starttls") as server:
        set_server(
            monkeypatch,
            server,
            user=USER,
            password=PASSWORD,
            ca=str(missing),
        )
        code, text = kirim(draft)
    assert code == 2
    assert f"Berkas CA {missing} tidak ditemukan" in text and "XLKIP_SMTP_CA" in text
    assert "jaringan" not in text and server.inbox.received == []
    _indonesian(text)


def test_ca_file_that_is_not_a_certificate(
    draft: Path, config: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bogus = tmp_path / "ca.txt"
    bogus.write_text("bukan sertifikat\n", encoding="utf-8")
    set_smtp(monkeypatch, host="127.0.0.1", port=str(free_port()), ca=str(bogus), user=USER)
    set_smtp(monkeypatch, password=PASSWORD)
    code, text = kirim(draft)
    assert code == 2 and f"Berkas CA {bogus}" in text and "sertifikat PEM" in text
    _indonesian(text)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("host = 127.0.0.1\n[smtp]\n", "baris 1: isian sebelum judul bagian"),
        (
            f"[smtp]\nkata_sandi = {PASSWORD}\nhost 127.0.0.1\n",
            "baris 3: bukan bentuk nama = nilai",
        ),
        ("[smtp]\nhost = a\nport = 25\nhost = b\n", "baris 4: isian 'host' ditulis dua kali"),
        (
            "[smtp]\nhost = a\n[smtp]\nport = 25\n",
            "baris 3: bagian [smtp] ditulis dua kali. Satukan isiannya.",
        ),
        (
            "[smtp]\nhost = a\npassword = x\n",
            "isian 'password' di bagian [smtp] tidak dikenal. Yang dikenal: host",
        ),
    ],
)
def test_malformed_smtp_ini(draft: Path, config: Path, content: str, expected: str) -> None:
    config.write_text(content, encoding="utf-8")
    code, text = kirim(draft)
    assert code == 2
    assert f"Berkas pengaturan {config}" in text and expected in text, text
    assert PASSWORD not in text
    _indonesian(text)


def test_smtp_ini_password_may_hold_a_percent_sign(config: Path) -> None:
    from xlkip.deliver.smtp import load_settings

    config.write_text("[smtp]\nhost = relay\nkata_sandi = 100%aman\n", encoding="utf-8")
    assert load_settings(env={}, config=config).password == "100%aman"


def test_unreachable_host_in_indonesian(
    draft: Path, config: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    set_smtp(monkeypatch, host="127.0.0.1", port=str(free_port()), security="tanpa")
    set_smtp(monkeypatch, **{"from": USER})
    code, text = kirim(draft)
    assert code == 2 and "sambungan ditolak: tidak ada layanan SMTP di port itu" in text
    _indonesian(text)


def test_server_reply_is_quoted_as_the_servers_words(
    draft: Path, config: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with smtp_server(tmp_path, "starttls") as server:
        set_server(
            monkeypatch,
            server,
            user=USER,
            ca=str(server.cafile),
            password="keliru-999",
        )
        code, text = kirim(draft)
    assert code == 2 and 'jawaban server: "535 5.7.8 Authentication credentials invalid"' in text


# ---- the password prompt ---------------------------------------------------------------


def _child_env(tmp_path: Path, **values: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("XLKIP_SMTP_")}
    env.update({f"XLKIP_SMTP_{k.upper()}": v for k, v in values.items()})
    env["XDG_CONFIG_HOME"] = str(tmp_path / "config")
    return env


POSIX_TERMINAL = pytest.mark.skipif(
    sys.platform == "win32", reason="pseudo-terminals and sessions are POSIX"
)


def _in_terminal(args: list[str], env: dict[str, str], keys: bytes) -> tuple[int, str]:
    """Run xlkip on a pseudo-terminal of its own; type `keys` once the password prompt
    shows. Bounded: killed after 60 s."""
    import pty

    pid, fd = pty.fork()
    if pid == 0:  # pragma: no cover - the child
        os.execve(sys.executable, [sys.executable, "-m", "xlkip", *args], env)
    output, typed, deadline = b"", False, time.monotonic() + 60
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([fd], [], [], 0.2)
            if ready:
                try:
                    chunk = os.read(fd, 4096)
                except OSError:  # EIO: the child closed its terminal
                    break
                if not chunk:
                    break
                output += chunk
            if not typed and b"Kata sandi SMTP untuk" in output:
                os.write(fd, keys)
                typed = True
        else:
            os.kill(pid, signal.SIGKILL)
    finally:
        os.close(fd)
    _, status = os.waitpid(pid, 0)
    text = ANSI.sub("", output.decode("utf-8", "replace"))
    return os.waitstatus_to_exitcode(status), " ".join(text.split())


@POSIX_TERMINAL
@pytest.mark.parametrize("security", ["starttls", "tanpa"])
def test_prompt_hides_the_password(security: str, draft: Path, tmp_path: Path) -> None:
    with smtp_server(tmp_path, security) as server:
        env = _child_env(
            tmp_path, host="127.0.0.1", port=str(server.port), user=USER, ca=str(server.cafile)
        )
        env["XLKIP_SMTP_SECURITY"] = security
        code, text = _in_terminal(
            ["kirim", str(draft), "--ke", KEPALA], env, PASSWORD.encode() + b"\r"
        )
    assert code == 0, text
    assert f"Kata sandi SMTP untuk {USER}:" in text and PASSWORD not in text
    assert "terkirim ke" in text and len(server.inbox.received) == 1
    _indonesian(text)


@POSIX_TERMINAL
@pytest.mark.parametrize(
    ("keys", "expected"),
    [
        (b"\x03", "Dibatalkan: kata sandi SMTP tidak dimasukkan."),  # Ctrl+C
        (b"\x04", "Kata sandi SMTP tidak dimasukkan (masukan berakhir)."),  # Ctrl+D
    ],
)
def test_prompt_interrupted(keys: bytes, expected: str, draft: Path, tmp_path: Path) -> None:
    env = _child_env(tmp_path, host="127.0.0.1", port=str(free_port()), user=USER)
    code, text = _in_terminal(["kirim", str(draft), "--ke", KEPALA], env, keys)
    assert code == 2, text
    assert expected in text and f"Berkas {draft.name} tidak diubah." in text
    _indonesian(text)


@POSIX_TERMINAL
def test_no_terminal_for_the_prompt(draft: Path, tmp_path: Path) -> None:
    env = _child_env(tmp_path, host="127.0.0.1", port=str(free_port()), user=USER)
    done = subprocess.run(
        [sys.executable, "-m", "xlkip", "kirim", str(draft), "--ke", KEPALA],
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
        start_new_session=True,  # no controlling terminal: /dev/tty cannot be opened
    )
    text = " ".join((done.stdout + done.stderr).split())
    assert done.returncode == 2, text
    assert "Kata sandi SMTP tidak dapat diminta: tidak ada terminal" in text
    assert "XLKIP_SMTP_PASSWORD (atau kata_sandi di smtp.ini)" in text
    _indonesian(text)


# ---- the email body --------------------------------------------------------------------


def _body(eml: Path) -> str:
    message = BytesParser(policy=policy.default).parsebytes(eml.read_bytes())
    return message.get_body(("plain",)).get_content()


def test_email_is_signed_by_the_kepala_without_checker_words(draft: Path) -> None:
    text = _body(draft)
    assert text.splitlines()[-5:] == [
        "Hormat kami,",
        "Kepala Dinas Komunikasi dan Informatika Kota Binjai,",
        "",
        "SOFYAN SYAHPUTRA SIREGAR, S.STP, M.AP",
        "NIP 19870331 200602 1 001",
    ]
    for word in ("error", "peringatan", "temuan", "xlkip", "pemeriksaan", "validasi", "info"):
        assert not re.search(rf"\b{word}\b", text, re.IGNORECASE), word
    assert not re.search(r"\b[a-z]+_[a-z_]+\b", text)  # no internal code


def test_signature_without_jabatan_names_the_office() -> None:
    from xlkip.deliver.eml import Summary, signature

    office = Summary("Dinas Pendidikan", "Pemerintah Kabupaten Karo", 2025, kepala="Drs. A")
    assert signature(office) == [
        "Hormat kami,",
        "Kepala Dinas Pendidikan Kabupaten Karo,",
        "",
        "Drs. A",
    ]
    short = Summary("Dinas Pendidikan", "Pemerintah Kabupaten Karo", 2025, jabatan="Kepala Dinas")
    assert signature(short) == ["Hormat kami,", "Kepala Dinas,", "Dinas Pendidikan Kabupaten Karo"]


def test_email_figures_are_spelled_as_in_the_tables(example: Path, tmp_path: Path) -> None:
    """Realisasi 91,40% of the pagu: the table shows "91,40%", so does the email."""
    from tests.helpers import set_cells

    set_cells(example / "anggaran.xlsx", "Realisasi Anggaran", {"G4": 2254264637})
    target = tmp_path / "LKjIP.xlsx"
    code, output = run_cli("compile", example, "-o", target, "--eml")
    assert code == 0, output
    lines = _body(target.with_suffix(".eml")).splitlines()
    assert "- Realisasi anggaran: 91,40% (Rp8.660.944.803 dari pagu Rp9.475.869.588)" in lines
    figures = [line for line in lines if line.startswith("- ") and "%" in line]
    assert len(figures) == 3
    for line in figures:  # the tables' "0.00%": two decimals, always
        assert all(re.fullmatch(r"[\d.]+,\d\d", p) for p in re.findall(r"([\d.,]+)%", line))


def test_as_shown_follows_the_cell_format() -> None:
    from xlkip.text import as_shown

    assert as_shown(0.036, "0.00%") == "3,60%"
    assert as_shown(8664222212, "#,##0") == "8.664.222.212"
    assert as_shown(3.1, "0.00") == "3,10"
    assert as_shown(0.91399999996, "0.00%") == "91,40%"
    assert as_shown(2.5, '"Rp"#,##0') == "2,5"  # a format it does not know: as a sentence


def test_non_ascii_password_is_a_sentence(
    draft: Path, config: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with smtp_server(tmp_path, "ssl") as server:
        set_server(
            monkeypatch,
            server,
            security="ssl",
            user=USER,
            password="rahasia-é",
            ca=str(server.cafile),
        )
        code, text = kirim(draft)
    assert code == 2 and "memuat huruf di luar ASCII" in text and "rahasia" not in text
    _indonesian(text)
