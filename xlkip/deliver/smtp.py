"""Send an .eml draft through the office's SMTP server.

Settings come from environment variables (XLKIP_SMTP_*) or, for what they leave out,
the file `smtp.ini` in the user's xlkip config folder. The password comes only from
XLKIP_SMTP_PASSWORD or a hidden prompt; xlkip never writes it anywhere.
"""

from __future__ import annotations

import configparser
import os
import smtplib
import ssl
from collections.abc import Mapping
from dataclasses import dataclass
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from email.utils import formatdate, getaddresses, make_msgid
from pathlib import Path

SECURITY = ("starttls", "ssl")
DEFAULT_PORTS = {"starttls": 587, "ssl": 465}
ENV = {
    "host": "XLKIP_SMTP_HOST",
    "port": "XLKIP_SMTP_PORT",
    "user": "XLKIP_SMTP_USER",
    "sender": "XLKIP_SMTP_FROM",
    "security": "XLKIP_SMTP_SECURITY",
    "cafile": "XLKIP_SMTP_CA",
}
PASSWORD_ENV = "XLKIP_SMTP_PASSWORD"
CONFIG_NAME = "smtp.ini"
_CONFIG_KEYS = {
    "host": "host",
    "port": "port",
    "user": "user",
    "sender": "pengirim",
    "security": "keamanan",
    "cafile": "ca",
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


def config_path() -> Path:
    import typer

    return Path(typer.get_app_dir("xlkip")) / CONFIG_NAME


def load_settings(env: Mapping[str, str] | None = None, config: Path | None = None) -> Settings:
    env = os.environ if env is None else env
    config = config_path() if config is None else config
    values = _from_config(config)
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
        raise SendError(f"Keamanan SMTP '{security}' tidak dikenal: pilih starttls atau ssl.")
    port_text = values.get("port") or str(DEFAULT_PORTS[security])
    if not port_text.isdigit():
        raise SendError(f"Port SMTP '{port_text}' bukan angka (mis. 587).")
    return Settings(
        host=host,
        port=int(port_text),
        security=security,
        user=values.get("user") or None,
        sender=values.get("sender") or values.get("user") or None,
        cafile=values.get("cafile") or None,
    )


def _from_config(path: Path) -> dict[str, str]:
    if not path.is_file():
        return {}
    parser = configparser.ConfigParser()
    try:
        parser.read(path, encoding="utf-8")
    except (configparser.Error, UnicodeDecodeError) as exc:
        raise SendError(f"Berkas pengaturan {path} tidak dapat dibaca: {exc}") from exc
    if not parser.has_section("smtp"):
        return {}
    section = parser["smtp"]
    return {key: section[name] for key, name in _CONFIG_KEYS.items() if section.get(name)}


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
        raise SendError(f"Berkas {eml} tidak dapat dibaca ({exc.strerror or exc}).") from exc
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
    eml: Path, to: list[str], settings: Settings, password: str | None, timeout: float = 30
) -> None:
    sender = settings.sender
    if not sender:
        raise SendError(f"Alamat pengirim belum diatur: isi {ENV['sender']} (atau {ENV['user']}).")
    message = prepare(eml, to, sender)
    where = f"{settings.host}:{settings.port}"
    try:
        with _connect(settings, timeout) as server:
            if settings.user:
                server.login(settings.user, password or "")
            refused = server.send_message(message, from_addr=sender, to_addrs=to)
    except smtplib.SMTPAuthenticationError as exc:
        raise SendError(
            f"Server {where} menolak nama pengguna atau kata sandi ({settings.user}). Periksa "
            f"kata sandinya ({PASSWORD_ENV} atau isian saat diminta) lalu kirim lagi."
        ) from exc
    except smtplib.SMTPRecipientsRefused as exc:
        raise SendError(_refused(exc.recipients, where)) from exc
    except smtplib.SMTPSenderRefused as exc:
        raise SendError(
            f"Server {where} menolak pengirim {sender} ({_reply(exc.smtp_error)}). Periksa "
            f"{ENV['sender']}."
        ) from exc
    except smtplib.SMTPNotSupportedError as exc:
        raise SendError(
            f"Server {where} tidak mendukung {settings.security.upper()} atau login. Coba "
            f"{ENV['security']}=ssl (port 465) atau starttls (port 587)."
        ) from exc
    except ssl.SSLError as exc:
        raise SendError(
            f"Sambungan aman ke {where} gagal ({exc.reason or exc}). Periksa port dan "
            f"{ENV['security']}; untuk sertifikat internal kantor, isi {ENV['cafile']}."
        ) from exc
    except smtplib.SMTPException as exc:
        raise SendError(f"Server {where} menolak surel: {exc}. Surel tidak terkirim.") from exc
    except (TimeoutError, OSError) as exc:
        raise SendError(
            f"Tidak dapat tersambung ke server SMTP {where} ({exc.strerror or exc}). Periksa "
            f"jaringan dan {ENV['host']}/{ENV['port']}, lalu kirim lagi."
        ) from exc
    if refused:
        raise SendError(_refused(refused, where, partly=True))


def _connect(settings: Settings, timeout: float) -> smtplib.SMTP:
    context = ssl.create_default_context(cafile=settings.cafile)
    if settings.security == "ssl":
        return smtplib.SMTP_SSL(settings.host, settings.port, timeout=timeout, context=context)
    server = smtplib.SMTP(settings.host, settings.port, timeout=timeout)
    try:
        server.starttls(context=context)
    except BaseException:
        server.close()
        raise
    return server


def _refused(refused: Mapping[str, tuple[int, bytes]], where: str, partly: bool = False) -> str:
    listed = "; ".join(f"{addr} ({_reply(reply)})" for addr, reply in refused.items())
    head = "Sebagian alamat ditolak" if partly else "Semua alamat tujuan ditolak"
    tail = (
        "Surel sudah terkirim ke alamat lainnya; kirim lagi hanya ke alamat yang ditolak "
        "setelah diperbaiki."
        if partly
        else "Surel tidak terkirim. Periksa alamatnya lalu kirim lagi."
    )
    return f"{head} oleh server {where}: {listed}. {tail}"


def _reply(reply: object) -> str:
    if isinstance(reply, tuple) and len(reply) == 2:
        code, text = reply
        text = text.decode("utf-8", "replace") if isinstance(text, bytes) else str(text)
        return f"{code} {text}".strip()
    if isinstance(reply, bytes):
        return reply.decode("utf-8", "replace")
    return str(reply)
