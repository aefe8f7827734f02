"""Send an .eml draft through the office's SMTP server.

Settings come from environment variables (XLKIP_SMTP_*) or, for what they leave out,
the file `smtp.ini` in the user's xlkip config folder. The password comes from
XLKIP_SMTP_PASSWORD, `kata_sandi` in smtp.ini, or a hidden prompt; xlkip never writes it.
Every message is Indonesian; a server's own reply is quoted as the server's words.
"""

from __future__ import annotations

import configparser
import errno
import os
import smtplib
import socket
import ssl
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from email.utils import formatdate, getaddresses, make_msgid
from pathlib import Path

from xlkip.text import nilai

PLAIN = "tanpa"
SECURITY = ("starttls", "ssl", PLAIN)
DEFAULT_PORTS = {"starttls": 587, "ssl": 465, PLAIN: 25}
DEFAULT_TIMEOUT = 30.0
ENV = {
    "host": "XLKIP_SMTP_HOST",
    "port": "XLKIP_SMTP_PORT",
    "user": "XLKIP_SMTP_USER",
    "sender": "XLKIP_SMTP_FROM",
    "security": "XLKIP_SMTP_SECURITY",
    "cafile": "XLKIP_SMTP_CA",
    "timeout": "XLKIP_SMTP_TIMEOUT",
    "password": "XLKIP_SMTP_PASSWORD",
}
PASSWORD_ENV = ENV["password"]
CONFIG_NAME = "smtp.ini"
_CONFIG_KEYS = {
    "host": "host",
    "port": "port",
    "user": "user",
    "sender": "pengirim",
    "security": "keamanan",
    "cafile": "ca",
    "timeout": "batas_waktu",
    "password": "kata_sandi",
}


class SendError(Exception):
    """The message was not sent; the text says why and what to do, in Indonesian."""


@dataclass(frozen=True)
class Settings:
    host: str
    port: int
    security: str
    user: str | None = None
    sender: str | None = None
    cafile: str | None = None
    """A CA bundle for a server whose certificate the system does not know."""
    timeout: float = DEFAULT_TIMEOUT
    """Seconds to wait for each answer of the server."""
    password: str | None = field(default=None, repr=False)
    """From XLKIP_SMTP_PASSWORD or smtp.ini; None: asked when a user is set."""
    password_file: Path | None = None
    """The smtp.ini the password was read from (not the environment)."""

    @property
    def where(self) -> str:
        return f"{self.host}:{self.port}"


def setting(key: str) -> str:
    """Where staff set `key`: "XLKIP_SMTP_USER (atau user di smtp.ini)"."""
    return f"{ENV[key]} (atau {_CONFIG_KEYS[key]} di {CONFIG_NAME})"


def config_path() -> Path:
    import typer

    folder = Path(typer.get_app_dir("xlkip"))
    if not folder.is_absolute():
        # XDG_CONFIG_HOME set but empty (or relative): the XDG spec says to ignore it.
        folder = Path.home() / ".config" / folder.name
    return folder / CONFIG_NAME


def load_settings(env: Mapping[str, str] | None = None, config: Path | None = None) -> Settings:
    env = os.environ if env is None else env
    config = config_path() if config is None else config
    values = _from_config(config)
    from_file = bool(values.get("password")) and not env.get(PASSWORD_ENV)
    values.update({key: env[name] for key, name in ENV.items() if env.get(name)})
    where = f"variabel lingkungan {ENV['host']} atau berkas {config}"
    host = values.get("host")
    if not host:
        raise SendError(
            f"Server SMTP belum diatur. Isi {where} (bagian [smtp]: host, port, user, "
            "pengirim, keamanan)."
        )
    security = values.get("security", "starttls").strip().lower()
    if security not in SECURITY:
        raise SendError(
            f"Keamanan SMTP '{security}' tidak dikenal di {setting('security')}: pilih "
            f"starttls, ssl, atau {PLAIN} (tanpa enkripsi, hanya untuk server surel di jaringan "
            "kantor)."
        )
    port_text = values.get("port") or str(DEFAULT_PORTS[security])
    if not port_text.isdigit():
        raise SendError(f"Port SMTP '{port_text}' bukan angka (mis. 587) di {setting('port')}.")
    return Settings(
        host=host,
        port=int(port_text),
        security=security,
        user=values.get("user") or None,
        sender=values.get("sender") or values.get("user") or None,
        cafile=values.get("cafile") or None,
        timeout=_timeout(values.get("timeout")),
        password=values.get("password") or None,
        password_file=config if from_file else None,
    )


def _timeout(text: str | None) -> float:
    if text is None:
        return DEFAULT_TIMEOUT
    try:
        seconds = float(text.strip().replace(",", "."))
    except ValueError:
        seconds = 0.0
    if not 0 < seconds <= 3600:
        raise SendError(
            f"Batas waktu SMTP '{text}' tidak valid di {setting('timeout')}: tulis jumlah detik "
            "lebih dari 0 dan paling lama 3600, mis. 30."
        )
    return seconds


def plain_warning(settings: Settings) -> str | None:
    """Said once connected, before anything is sent: a failed connection sends nothing."""
    if settings.security != PLAIN:
        return None
    what = "Surel dan kata sandi SMTP" if settings.user else "Surel"
    return (
        f"{what} akan dikirim ke {settings.where} TANPA enkripsi, karena keamanan = {PLAIN} "
        f"({ENV['security']} atau keamanan di {CONFIG_NAME}). Isinya dapat dibaca siapa "
        "pun di jaringan yang dilalui; pakai hanya untuk server surel di jaringan kantor "
        "sendiri."
    )


def warnings_for(settings: Settings) -> list[str]:
    """What staff should know before sending: a password others can read (no encryption
    is said by send, once connected: see plain_warning)."""
    found = []
    if settings.password_file is not None and _readable_by_others(settings.password_file):
        found.append(
            f"Berkas {settings.password_file} memuat kata sandi SMTP dan dapat dibaca pengguna "
            f"lain di komputer ini. Batasi dengan: chmod 600 {settings.password_file}"
        )
    return found


def _readable_by_others(path: Path) -> bool:
    if os.name != "posix":  # Windows keeps %APPDATA% to its user
        return False
    try:
        return bool(path.stat().st_mode & 0o077)
    except OSError:
        return False


def _from_config(path: Path) -> dict[str, str]:
    if not path.is_file():
        return {}
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SendError(
            f"Berkas pengaturan {path} bukan teks UTF-8. Simpan ulang sebagai UTF-8 (mis. di "
            "Notepad: Simpan sebagai, Pengodean UTF-8)."
        ) from exc
    except OSError as exc:
        raise SendError(
            f"Berkas pengaturan {path} tidak dapat dibaca ({_file_reason(exc)})."
        ) from exc
    # No interpolation: a password may hold "%".
    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read_string(text, source=str(path))
    except configparser.Error as exc:
        raise SendError(f"Berkas pengaturan {path} {_config_problem(exc)}") from exc
    # "[SMTP]" is the same section to staff.
    name = next((n for n in parser.sections() if n.strip().lower() == "smtp"), None)
    if name is None:
        return {}
    section = parser[name]
    unknown = [name for name in section if name not in _CONFIG_KEYS.values()]
    if unknown:
        known = ", ".join(_CONFIG_KEYS.values())
        raise SendError(
            f"Berkas pengaturan {path}: isian {', '.join(repr(u) for u in unknown)} di bagian "
            f"[smtp] tidak dikenal. Yang dikenal: {known}."
        )
    return {key: section[name] for key, name in _CONFIG_KEYS.items() if section.get(name)}


def _config_problem(exc: configparser.Error) -> str:
    """What is wrong in smtp.ini, by line number; the line itself is not echoed (it may
    hold the password)."""
    fix = "Tiap baris berbentuk nama = nilai di bawah judul [smtp]."
    if isinstance(exc, configparser.MissingSectionHeaderError):
        return f"baris {exc.lineno}: isian sebelum judul bagian. Baris pertama harus [smtp]. {fix}"
    if isinstance(exc, configparser.ParsingError):
        lines = ", ".join(str(lineno) for lineno, _ in exc.errors)
        return f"baris {lines}: bukan bentuk nama = nilai. {fix}"
    if isinstance(exc, configparser.DuplicateOptionError):
        return (
            f"baris {exc.lineno}: isian '{exc.option}' ditulis dua kali di bagian "
            f"[{exc.section}]. Hapus salah satunya."
        )
    if isinstance(exc, configparser.DuplicateSectionError):
        return f"baris {exc.lineno}: bagian [{exc.section}] ditulis dua kali. Satukan isiannya."
    return f"tidak dapat dibaca sebagai berkas pengaturan. {fix}"


def password_for(settings: Settings) -> str | None:
    """The password to log in with: from the settings, else asked (never echoed)."""
    if settings.user is None:
        return None
    if settings.password is not None:
        return settings.password
    return ask_password(f"Kata sandi SMTP untuk {settings.user}: ")


def ask_password(prompt: str) -> str:
    """A hidden prompt on the terminal; without one, a sentence instead of an echoed read."""
    import getpass
    import sys
    import warnings

    advice = f"Isi {setting('password')}, lalu kirim lagi."
    try:
        with warnings.catch_warnings():
            # getpass falls back to reading with echo (and an English warning) when it
            # cannot hide the input: refuse instead.
            warnings.simplefilter("error", getpass.GetPassWarning)
            return getpass.getpass(prompt)
    except getpass.GetPassWarning as exc:
        raise SendError(
            "Kata sandi SMTP tidak dapat diminta: tidak ada terminal untuk mengetiknya tanpa "
            f"terlihat. {advice}"
        ) from exc
    except EOFError as exc:
        sys.stderr.write("\n")
        raise SendError(f"Kata sandi SMTP tidak dimasukkan (masukan berakhir). {advice}") from exc
    except KeyboardInterrupt as exc:
        sys.stderr.write("\n")
        raise SendError(
            "Dibatalkan: kata sandi SMTP tidak dimasukkan. Surel tidak terkirim."
        ) from exc


def recipients(text: str) -> list[str]:
    addresses = [addr for _, addr in getaddresses([text.replace(";", ",")]) if addr]
    bad = [a for a in addresses if "@" not in a]
    if not addresses or bad:
        raise SendError(
            f"Alamat tujuan '{text}' tidak valid. Tulis mis. --ke kepala@binjaikota.go.id,"
            "bappeda@binjaikota.go.id."
        )
    return addresses


def prepare(eml: Path, to: list[str], sender: str) -> EmailMessage:
    """The draft as a message to send; the file itself is only read."""
    try:
        message = BytesParser(policy=policy.SMTP).parsebytes(eml.read_bytes())
    except OSError as exc:
        raise SendError(f"Berkas {eml} tidak dapat dibaca ({_file_reason(exc)}).") from exc
    if not message.get("Subject"):
        raise SendError(f"{eml.name} bukan draf surel (tidak ada subjek). Buat dengan --eml.")
    del message["X-Unsent"]
    for header in ("From", "To", "Date", "Message-ID"):
        del message[header]
    message["From"] = sender
    message["To"] = ", ".join(to)
    message["Date"] = formatdate(localtime=True)
    message["Message-ID"] = make_msgid(domain=sender.rpartition("@")[2] or None)
    return message


def send(
    eml: Path,
    to: list[str],
    settings: Settings,
    password: str | None,
    timeout: float | None = None,
    warn: Callable[[str], None] | None = None,
) -> None:
    """Send the draft; `warn` is told plain_warning once connected, before the login."""
    sender = settings.sender
    if not sender:
        raise SendError(f"Alamat pengirim belum diatur: isi {setting('sender')} atau user.")
    message = prepare(eml, to, sender)
    timeout = settings.timeout if timeout is None else timeout
    context = _tls_context(settings)
    stage = "sambung"
    try:
        server = _connect(settings, timeout, context)
        try:
            if warn is not None and (plain := plain_warning(settings)):
                warn(plain)
            if settings.user:
                stage = "login"
                _login(server, settings, password or "")
            stage = "kirim"
            refused = server.send_message(message, from_addr=sender, to_addrs=to)
        finally:
            _quit(server)
    except SendError:
        raise
    except Exception as exc:
        if _timed_out(exc):
            raise SendError(_timeout_message(settings, timeout, stage)) from exc
        raise SendError(_failure(exc, settings, sender)) from exc
    if refused:
        raise SendError(_refused(refused, settings.where, partly=True))


def _quit(server: smtplib.SMTP) -> None:
    """Say goodbye; once the message is accepted, a server's fumbled QUIT changes nothing."""
    try:
        server.quit()
    except (smtplib.SMTPException, OSError):
        server.close()


def _tls_context(settings: Settings) -> ssl.SSLContext | None:
    if settings.security == PLAIN:
        return None
    where = setting("cafile")
    try:
        return ssl.create_default_context(cafile=settings.cafile)
    except FileNotFoundError as exc:
        raise SendError(
            f"Berkas CA {settings.cafile} tidak ditemukan. Periksa lokasinya di {where}, atau "
            "kosongkan isian itu."
        ) from exc
    except (ssl.SSLError, OSError, ValueError) as exc:
        raise SendError(
            f"Berkas CA {settings.cafile} tidak dapat dibaca sebagai sertifikat PEM. Minta "
            "berkas sertifikat CA (.pem/.crt) ke pengelola server surel, lalu tulis lokasinya "
            f"di {where}."
        ) from exc


def _connect(settings: Settings, timeout: float, context: ssl.SSLContext | None) -> smtplib.SMTP:
    if settings.security == "ssl":
        return smtplib.SMTP_SSL(settings.host, settings.port, timeout=timeout, context=context)
    server = smtplib.SMTP(settings.host, settings.port, timeout=timeout)
    if settings.security == PLAIN:
        return server
    try:
        server.starttls(context=context)
    except smtplib.SMTPNotSupportedError as exc:
        server.close()
        raise SendError(
            f"Server {settings.where} tidak menawarkan STARTTLS. Bila server itu memakai SSL, "
            f"isi keamanan = ssl (port 465); bila server surel kantor memang tanpa enkripsi, "
            f"isi keamanan = {PLAIN} di {setting('security')}."
        ) from exc
    except BaseException:
        server.close()
        raise
    return server


def _login(server: smtplib.SMTP, settings: Settings, password: str) -> None:
    where, user = settings.where, settings.user or ""
    try:
        server.login(user, password)
    except smtplib.SMTPAuthenticationError as exc:
        reply = _quoted(exc.smtp_code, exc.smtp_error)
        if exc.smtp_code == 538:  # RFC 4954: encryption required for this mechanism
            raise SendError(
                f"Server {where} hanya menerima login lewat sambungan terenkripsi (jawaban "
                f"server: {reply}). Isi keamanan = starttls atau ssl di {setting('security')}."
            ) from exc
        raise SendError(
            f"Server {where} menolak nama pengguna atau kata sandi ({user}; jawaban server: "
            f"{reply}). Periksa kata sandinya di {setting('password')} atau yang diketik saat "
            "diminta, lalu kirim lagi."
        ) from exc
    except smtplib.SMTPResponseException as exc:
        raise SendError(
            f"Server {where} menolak login {user} (jawaban server: "
            f"{_quoted(exc.smtp_code, exc.smtp_error)}). Surel tidak terkirim."
        ) from exc
    except smtplib.SMTPServerDisconnected:
        raise
    except UnicodeEncodeError as exc:  # smtplib sends AUTH data as ASCII only
        raise SendError(
            f"Nama pengguna atau kata sandi SMTP untuk {where} memuat huruf di luar ASCII, yang "
            "tidak dapat dikirim lewat login SMTP. Periksa isiannya."
        ) from exc
    except smtplib.SMTPException as exc:  # no AUTH offered, or no mechanism in common
        plain = " tanpa enkripsi" if settings.security == PLAIN else ""
        raise SendError(
            f"Server {where} tidak menawarkan login{plain} untuk {user}. Bila server itu "
            f"tidak memerlukan login, kosongkan {setting('user')}; bila memerlukannya, pakai "
            "keamanan = starttls atau ssl."
        ) from exc


def _timed_out(exc: BaseException) -> bool:
    """smtplib reports a read that timed out as a lost connection; the cause tells."""
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, TimeoutError):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def _timeout_message(settings: Settings, timeout: float, stage: str) -> str:
    head = f"Server SMTP {settings.where} tidak menjawab dalam {nilai(timeout)} detik"
    if stage == "kirim":
        return (
            f"{head} saat surel dikirim, jadi surel belum tentu terkirim. Tanyakan ke penerima "
            "sebelum mengirim ulang."
        )
    return (
        f"{head}. Surel tidak terkirim. Periksa {setting('host')}, port dan keamanan (ssl "
        f"biasanya port 465, starttls 587, {PLAIN} 25); bila jaringan lambat, naikkan "
        f"{setting('timeout')}."
    )


def _failure(exc: Exception, settings: Settings, sender: str) -> str:
    """An Indonesian sentence for what went wrong while talking to the server."""
    where = settings.where
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        replies = list(exc.recipients.values())
        if all(_needs_tls(*r) for r in replies):
            return _tls_needed(where, replies[0])
        if not settings.user and all(_needs_login(*r) for r in replies):
            return _login_needed(where)
        return _refused(exc.recipients, where)
    if isinstance(exc, smtplib.SMTPSenderRefused):
        if _needs_tls(exc.smtp_code, exc.smtp_error):
            return _tls_needed(where, (exc.smtp_code, exc.smtp_error))
        if not settings.user and _needs_login(exc.smtp_code, exc.smtp_error):
            return _login_needed(where)
        return (
            f"Server {where} menolak pengirim {sender} (jawaban server: "
            f"{_quoted(exc.smtp_code, exc.smtp_error)}). Periksa {setting('sender')}."
        )
    if isinstance(exc, smtplib.SMTPNotSupportedError):  # SMTPUTF8 for non-ASCII addresses
        return (
            f"Server {where} tidak menerima alamat surel berhuruf di luar ASCII. Tulis alamat "
            "pengirim dan tujuan dengan huruf biasa, lalu kirim lagi. Surel tidak terkirim."
        )
    if isinstance(exc, smtplib.SMTPResponseException):
        return (
            f"Server {where} menolak surel (jawaban server: "
            f"{_quoted(exc.smtp_code, exc.smtp_error)}). Surel tidak terkirim."
        )
    if isinstance(exc, ssl.SSLError):
        return (
            f"Sambungan aman ke {where} gagal: {_tls_reason(exc)}. Periksa port dan "
            f"{setting('security')}; untuk sertifikat internal kantor, isi {setting('cafile')}."
        )
    if isinstance(exc, smtplib.SMTPServerDisconnected):
        return (
            f"Server {where} memutus sambungan sebelum surel terkirim. Periksa port dan "
            f"{setting('security')}: ssl biasanya port 465, starttls 587. Lalu kirim lagi."
        )
    if isinstance(exc, OSError):
        return (
            f"Tidak dapat tersambung ke server SMTP {where} ({_network_reason(exc)}). Periksa "
            f"jaringan dan {setting('host')}/{ENV['port']}, lalu kirim lagi."
        )
    if isinstance(exc, smtplib.SMTPException):
        return f"Percakapan dengan server {where} terhenti tak terduga. Surel tidak terkirim."
    raise exc


def _text(reply: bytes | str) -> str:
    return reply.decode("utf-8", "replace") if isinstance(reply, bytes) else str(reply)


def _needs_tls(code: int, reply: bytes | str) -> bool:
    """A 530 asking for STARTTLS first (RFC 3207), not for a login."""
    return code == 530 and "tls" in _text(reply).lower()


def _tls_needed(where: str, reply: tuple[int, bytes | str]) -> str:
    return (
        f"Server {where} mewajibkan sambungan terenkripsi (jawaban server: {_quoted(*reply)}). "
        f"Isi keamanan = starttls (port 587) atau ssl (port 465) di {setting('security')}, lalu "
        "kirim lagi. Surel tidak terkirim."
    )


def _needs_login(code: int, reply: bytes | str) -> bool:
    return code == 530 or "auth" in _text(reply).lower()


def _login_needed(where: str) -> str:
    return (
        f"Server {where} meminta login, tetapi nama pengguna SMTP belum diatur: isi "
        f"{setting('user')}, lalu kirim lagi. Surel tidak terkirim."
    )


_VERIFY_REASONS = {
    10: "sertifikat server sudah kedaluwarsa",
    18: "sertifikat server ditandatangani sendiri dan tidak dikenal",
    19: "sertifikat server diterbitkan CA yang tidak dikenal",
    20: "penerbit sertifikat server tidak dikenal",
    21: "penerbit sertifikat server tidak dikenal",
    62: "nama server tidak cocok dengan sertifikatnya",
}


def _tls_reason(exc: ssl.SSLError) -> str:
    if isinstance(exc, ssl.SSLCertVerificationError):
        return _VERIFY_REASONS.get(
            exc.verify_code or 0, "sertifikat server tidak dapat diverifikasi"
        )
    return "jabat tangan TLS tidak berhasil (mungkin port itu bukan untuk keamanan ini)"


def _network_reason(exc: OSError) -> str:
    if isinstance(exc, socket.gaierror):
        return "nama server tidak ditemukan"
    if isinstance(exc, ConnectionRefusedError):
        return "sambungan ditolak: tidak ada layanan SMTP di port itu"
    if isinstance(exc, ConnectionError):
        return "sambungan diputus"
    reasons = {
        errno.ENETUNREACH: "jaringan tidak terjangkau",
        errno.EHOSTUNREACH: "server tidak terjangkau",
    }
    fallback = f"galat jaringan {exc.errno}" if exc.errno else "galat jaringan"
    return reasons.get(exc.errno or 0, fallback)


def _file_reason(exc: OSError) -> str:
    if isinstance(exc, PermissionError):
        return "tidak ada izin membacanya"
    if isinstance(exc, FileNotFoundError):
        return "berkas tidak ditemukan"
    if isinstance(exc, IsADirectoryError):
        return "itu folder, bukan berkas"
    return f"galat berkas {exc.errno}" if exc.errno else "galat berkas"


def _refused(refused: Mapping[str, tuple[int, bytes]], where: str, partly: bool = False) -> str:
    listed = "; ".join(
        f"{addr} (jawaban server: {_quoted(*reply)})" for addr, reply in refused.items()
    )
    head = "Sebagian alamat ditolak" if partly else "Semua alamat tujuan ditolak"
    tail = (
        "Surel sudah terkirim ke alamat lainnya; kirim lagi hanya ke alamat yang ditolak "
        "setelah diperbaiki."
        if partly
        else "Surel tidak terkirim. Periksa alamatnya lalu kirim lagi."
    )
    return f"{head} oleh server {where}: {listed}. {tail}"


def _quoted(code: int, reply: bytes | str) -> str:
    """A server's reply, quoted as its own words."""
    text = " ".join(_text(reply).split())
    return f'"{code} {text}"' if text else f'"{code}"'
