"""A real SMTP server on 127.0.0.1 for the tests: aiosmtpd with AUTH, STARTTLS or
implicit TLS, and a certificate made for the test by a throwaway CA (trustme)."""

from __future__ import annotations

import asyncio
import socket
import ssl
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import trustme
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

USER, PASSWORD = "staf.program@binjaikota.go.id", "rahasia-123"
KEPALA = "kepala@binjaikota.go.id"
REFUSED = "tidak.ada@binjaikota.go.id"


@dataclass
class Inbox:
    """What the server received: (MAIL FROM, RCPT TO list, raw message bytes)."""

    received: list[tuple[str, list[str], bytes]] = field(default_factory=list)
    delay: float = 0.0
    """Seconds the server keeps silent after the message's data (a stalled relay)."""

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address == REFUSED:
            return "550 5.1.1 Mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        await asyncio.sleep(self.delay)
        self.received.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.content))
        return "250 Message accepted for delivery"


def _authenticate(server, session, envelope, mechanism, auth_data) -> AuthResult:
    ok = (
        isinstance(auth_data, LoginPassword)
        and auth_data.login == USER.encode()
        and auth_data.password == PASSWORD.encode()
    )
    return AuthResult(success=ok, handled=False)


def free_port() -> int:
    """A port nobody listens on (bound, then released)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Server:
    port: int
    inbox: Inbox
    cafile: Path


@contextmanager
def smtp_server(
    tmp_path: Path, security: str, auth_required: bool = True, delay: float = 0.0
) -> Iterator[Server]:
    """`security`: "starttls", "ssl", or "tanpa" (a plain relay: no TLS offered at all)."""
    ca = trustme.CA()
    cafile = tmp_path / "ca.pem"
    ca.cert_pem.write_to_path(str(cafile))
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("127.0.0.1", "localhost").configure_cert(context)
    inbox = Inbox(delay=delay)
    port = free_port()
    tls = {
        # aiosmtpd counts only STARTTLS as TLS for AUTH (and warns on each connection);
        # the implicit-TLS socket is TLS.
        "ssl": {"ssl_context": context, "auth_require_tls": False},
        "starttls": {"tls_context": context, "require_starttls": True},
        "tanpa": {"auth_require_tls": False},
    }[security]
    controller = Controller(
        inbox,
        hostname="127.0.0.1",
        port=port,
        authenticator=_authenticate,
        auth_required=auth_required,
        server_hostname="localhost",
        **tls,
    )
    controller.start()
    try:
        yield Server(port, inbox, cafile)
    finally:
        controller.stop()


@contextmanager
def silent_server() -> Iterator[int]:
    """A port on 127.0.0.1 that accepts connections and never says a word."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(8)  # the kernel completes the handshake; nobody ever reads or writes
        yield listener.getsockname()[1]


def set_smtp(monkeypatch, **values: str) -> None:
    """kirim's settings as staff set them: XLKIP_SMTP_<NAME> for each value."""
    for name, value in values.items():
        monkeypatch.setenv(f"XLKIP_SMTP_{name.upper()}", value)


def set_server(monkeypatch, server: Server, **values: str) -> None:
    """kirim pointed at the local test `server`, with the other `values` set_smtp takes."""
    set_smtp(monkeypatch, host="127.0.0.1", port=str(server.port), **values)


def kirim(draft: Path, to: str = KEPALA) -> tuple[int, str]:
    """`xlkip kirim DRAFT --ke TO`: the exit code and the output on one line."""
    from tests.helpers import run_cli

    code, output = run_cli("kirim", draft, "--ke", to)
    return code, " ".join(output.split())
