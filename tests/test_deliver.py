"""The email draft (compile --eml) and sending it (kirim) through a real SMTP server."""

from __future__ import annotations

import hashlib
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from pathlib import Path

import pytest

from tests.helpers import run_cli
from tests.output_helpers import require_libreoffice
from tests.smtp_server import (
    PASSWORD,
    REFUSED,
    USER,
    free_port,
    set_smtp,
    smtp_server,
)
from xlkip import api
from xlkip.deliver.eml import Summary, body, subject
from xlkip.tables.figures import Figures
from xlkip.text import angka, persen

pytestmark = pytest.mark.filterwarnings(
    "ignore:Requiring AUTH while not requiring TLS:UserWarning"  # see tests/smtp_server.py
)

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
SUBJECT = "LKjIP Dinas Komunikasi dan Informatika Kota Binjai Tahun 2024"


def parse(data: bytes) -> EmailMessage:
    return BytesParser(policy=policy.default).parsebytes(data)


def attachments(message: EmailMessage) -> list[tuple[str, str, bytes]]:
    return [
        (part.get_filename(), part.get_content_type(), part.get_content())
        for part in message.iter_attachments()
    ]


def test_draft_is_a_standard_unsent_email(draft: Path) -> None:
    message = parse(draft.read_bytes())
    assert message["X-Unsent"] == "1" and message["Subject"] == SUBJECT
    assert message["To"] is None and message.get_content_type() == "multipart/mixed"
    workbook = draft.with_suffix(".xlsx")
    assert attachments(message) == [(workbook.name, XLSX, workbook.read_bytes())]


def test_draft_body_carries_the_headline_figures(draft: Path) -> None:
    text = parse(draft.read_bytes()).get_body(("plain",)).get_content()
    for line in [
        "- Capaian kinerja rata-rata: 180,61%, predikat Sangat Tinggi, 4 dari 5 IKU mencapai "
        "target",
        "- Realisasi anggaran: 91,43% (Rp8.664.222.212 dari pagu Rp9.475.869.588)",
        "- Efisiensi anggaran: 49,38%",
        "- Indeks SPBE 2024: 3,12, predikat Baik",
        "- LKjIP_Binjai_2024.xlsx (tabel LKjIP, Excel)",
    ]:
        assert line in text.splitlines(), line


def test_body_leaves_out_what_the_report_lacks() -> None:
    figures = Figures(capaian_rata=0.9, predikat="Tinggi", iku_tercapai=2, iku_total=3)
    summary = Summary("Dinas Pendidikan", "Pemerintah Kabupaten Karo", 2025, figures)
    text = body(summary, [])
    assert "- Capaian kinerja rata-rata: 90%, predikat Tinggi, 2 dari 3 IKU mencapai target" in (
        text.splitlines()
    )
    assert "Realisasi anggaran" not in text and "SPBE" not in text
    assert subject(summary) == "LKjIP Dinas Pendidikan Kabupaten Karo Tahun 2025"


def test_draft_figures_are_the_compiled_figures(example_master: Path, tmp_path: Path) -> None:
    """The body is written from the registry's figures, the same the workbook shows."""
    result = api.compile_folder(example_master, tmp_path / "x.xlsx", eml=True)
    text = parse(result.eml.read_bytes()).get_body(("plain",)).get_content()
    f = result.figures
    assert f.capaian_rata is not None and f.indeks_digital is not None
    assert f"Indeks SPBE 2024: {angka(f.indeks_digital, 2)}" in text
    assert f"Efisiensi anggaran: {persen(f.efisiensi)}" in text


def test_draft_with_the_pdf(example: Path, tmp_path: Path) -> None:
    require_libreoffice()
    target = tmp_path / "LKjIP.xlsx"
    code, output = run_cli("compile", example, "-o", target, "--pdf", "--eml")
    assert code == 0, output
    found = attachments(parse(target.with_suffix(".eml").read_bytes()))
    assert [(name, kind) for name, kind, _ in found] == [
        ("LKjIP.xlsx", XLSX),
        ("LKjIP.pdf", "application/pdf"),
    ]
    assert found[1][2] == target.with_suffix(".pdf").read_bytes()


def test_attachments_over_the_budget(example: Path, tmp_path: Path) -> None:
    target = tmp_path / "LKjIP.xlsx"
    code, output = run_cli("compile", example, "-o", target, "--eml", "--batas-lampiran", "0.01")
    assert code == 2
    text = " ".join(output.split())
    assert "Lampiran terlalu besar" in text and "--batas-lampiran" in text
    assert "Draf surel tidak dibuat" in text
    assert target.exists() and not target.with_suffix(".eml").exists()


# ---- kirim ---------------------------------------------------------------------------


def _env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, **values: str) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))  # no config file
    for name in ("HOST", "PORT", "USER", "FROM", "SECURITY", "CA", "PASSWORD"):
        monkeypatch.delenv(f"XLKIP_SMTP_{name}", raising=False)
    set_smtp(monkeypatch, **values)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("security", ["starttls", "ssl"])
def test_kirim_delivers_draft_and_attachments(
    security: str, draft: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = _digest(draft)
    with smtp_server(tmp_path, security) as server:
        _env(
            monkeypatch,
            tmp_path,
            host="127.0.0.1",
            port=str(server.port),
            user=USER,
            security=security,
            ca=str(server.cafile),
            password=PASSWORD,
        )
        to = "kepala@binjaikota.go.id, bappeda@binjaikota.go.id"
        code, output = run_cli("kirim", draft, "--ke", to)
    assert code == 0, output
    assert "terkirim ke kepala@binjaikota.go.id, bappeda@binjaikota.go.id" in output
    [(mail_from, rcpt, content)] = server.inbox.received
    assert mail_from == USER
    assert rcpt == ["kepala@binjaikota.go.id", "bappeda@binjaikota.go.id"]
    sent = parse(content)
    assert sent["Subject"] == SUBJECT and sent["X-Unsent"] is None
    assert sent["From"] == USER and sent["To"] == to and sent["Message-ID"]
    assert attachments(sent) == attachments(parse(draft.read_bytes()))
    assert _digest(draft) == before and PASSWORD not in output


def test_kirim_reads_settings_from_the_config_file(
    draft: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with smtp_server(tmp_path, "ssl") as server:
        _env(monkeypatch, tmp_path, password=PASSWORD)
        config = tmp_path / "config" / "xlkip" / "smtp.ini"
        config.parent.mkdir(parents=True)
        config.write_text(
            f"[smtp]\nhost = 127.0.0.1\nport = {server.port}\nuser = {USER}\n"
            f"pengirim = Diskominfo Binjai <{USER}>\nkeamanan = ssl\nca = {server.cafile}\n",
            encoding="utf-8",
        )
        code, output = run_cli("kirim", draft, "--ke", "kepala@binjaikota.go.id")
    assert code == 0, output
    [(_, _, content)] = server.inbox.received
    assert parse(content)["From"] == f"Diskominfo Binjai <{USER}>"
    assert "rahasia" not in config.read_text(encoding="utf-8")


def _failed_send(draft: Path, to: str) -> str:
    before = _digest(draft)
    code, output = run_cli("kirim", draft, "--ke", to)
    assert code == 2, output
    assert _digest(draft) == before and "Traceback" not in output
    assert f"Berkas {draft.name} tidak diubah." in " ".join(output.split())
    return " ".join(output.split())


def test_wrong_password(draft: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with smtp_server(tmp_path, "starttls") as server:
        _env(
            monkeypatch,
            tmp_path,
            host="127.0.0.1",
            port=str(server.port),
            user=USER,
            ca=str(server.cafile),
            password="keliru-999",
        )
        text = _failed_send(draft, "kepala@binjaikota.go.id")
    assert "menolak nama pengguna atau kata sandi" in text and "keliru-999" not in text
    assert server.inbox.received == []


def test_unreachable_host(draft: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _env(
        monkeypatch, tmp_path, host="127.0.0.1", port=str(free_port()), user=USER, password=PASSWORD
    )
    text = _failed_send(draft, "kepala@binjaikota.go.id")
    assert "Tidak dapat tersambung ke server SMTP 127.0.0.1:" in text


def test_refused_recipient(draft: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with smtp_server(tmp_path, "starttls") as server:
        _env(
            monkeypatch,
            tmp_path,
            host="127.0.0.1",
            port=str(server.port),
            user=USER,
            ca=str(server.cafile),
            password=PASSWORD,
        )
        text = _failed_send(draft, REFUSED)
    assert f"Semua alamat tujuan ditolak oleh server 127.0.0.1:{server.port}: {REFUSED}" in text
    assert server.inbox.received == []


def test_untrusted_certificate(
    draft: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with smtp_server(tmp_path, "starttls") as server:
        _env(
            monkeypatch,
            tmp_path,
            host="127.0.0.1",
            port=str(server.port),
            user=USER,
            password=PASSWORD,
        )  # no XLKIP_SMTP_CA: the test CA is unknown
        text = _failed_send(draft, "kepala@binjaikota.go.id")
    assert "Sambungan aman ke 127.0.0.1" in text and "XLKIP_SMTP_CA" in text


def test_kirim_without_settings_says_what_to_set(
    draft: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _env(monkeypatch, tmp_path)
    text = _failed_send(draft, "kepala@binjaikota.go.id")
    assert "Server SMTP belum diatur" in text and "XLKIP_SMTP_HOST" in text
    code, output = run_cli("kirim", draft, "--ke", "bukan-alamat")
    assert code == 2 and "tidak valid" in output


def test_partly_refused_recipients(
    draft: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with smtp_server(tmp_path, "starttls") as server:
        _env(
            monkeypatch,
            tmp_path,
            host="127.0.0.1",
            port=str(server.port),
            user=USER,
            ca=str(server.cafile),
            password=PASSWORD,
        )
        text = _failed_send(draft, f"kepala@binjaikota.go.id,{REFUSED}")
    assert f"Sebagian alamat ditolak oleh server 127.0.0.1:{server.port}: {REFUSED}" in text
    assert [rcpt for _, rcpt, _ in server.inbox.received] == [["kepala@binjaikota.go.id"]]


def test_each_attachment_says_what_it_is() -> None:
    """The head opens the right PDF: the workbook's tables or the report for e-SAKIP."""
    names = ["LKjIP.xlsx", "LKjIP.pdf", "LKjIP_Dinas_2024.docx", "LKjIP_Dinas_2024.pdf"]
    summary = Summary("Dinas", "Pemerintah Kota Binjai", 2024, Figures())
    lines = body(summary, [Path(n) for n in names]).splitlines()
    listed = lines[lines.index("Lampiran:") + 1 : lines.index("Lampiran:") + 5]
    assert listed == [
        "- LKjIP.xlsx (tabel LKjIP, Excel)",
        "- LKjIP.pdf (tabel LKjIP siap cetak)",
        "- LKjIP_Dinas_2024.docx (dokumen laporan LKjIP, Word)",
        "- LKjIP_Dinas_2024.pdf (dokumen laporan LKjIP untuk e-SAKIP)",
    ]
