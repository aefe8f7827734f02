"""The email draft: the workbook (and PDF) attached, headline figures in the body.

Its input is a plain `Summary`: who reports, the headline `Figures` the tables computed
(xlkip.tables.figures) and the count of findings, so the draft never reads cells.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from email.message import EmailMessage
from email.policy import SMTP
from pathlib import Path

from xlkip.tables.figures import Figures
from xlkip.text import angka, persen

MB = 1024 * 1024
DEFAULT_LIMIT_MB = 7.0
"""Zimbra's usual 10 MB message limit, less the base64 encoding of attachments."""

MIME_TYPES = {
    ".xlsx": ("application", "vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    ".pdf": ("application", "pdf"),
}


@dataclass(frozen=True)
class Summary:
    """What the head of office reads first."""

    instansi: str
    pemda: str
    tahun: int
    figures: Figures = field(default_factory=Figures)
    temuan: dict[str, int] = field(default_factory=dict)
    """Findings per tingkat: {"error": 0, "peringatan": 8, "info": 0}."""


class AttachmentsTooLarge(Exception):
    """The attachments exceed the budget; the message says what to do, in Indonesian."""


def short_pemda(pemda: str) -> str:
    """ "Pemerintah Kota Binjai" -> "Kota Binjai", as a subject line says it."""
    text = " ".join(pemda.split())
    return text[len("pemerintah ") :] if text.casefold().startswith("pemerintah ") else text


def subject(summary: Summary) -> str:
    parts = ["LKjIP", summary.instansi, short_pemda(summary.pemda), f"Tahun {summary.tahun}"]
    return " ".join(" ".join(p.split()) for p in parts if p and p.strip())


def body(summary: Summary, attachments: list[Path]) -> str:
    who = f"{summary.instansi} {short_pemda(summary.pemda)}"
    lines = [
        "Yth. Bapak/Ibu,",
        "",
        f"Bersama ini kami sampaikan Laporan Kinerja Instansi Pemerintah (LKjIP) {who} "
        f"Tahun {summary.tahun}.",
        "",
        "Angka utama:",
        *_headline_lines(summary.figures, summary.tahun),
        "",
        _findings_line(summary.temuan),
        "",
        "Lampiran:",
        *(f"- {path.name}" for path in attachments),
        "",
        "Demikian kami sampaikan. Atas perhatian Bapak/Ibu, kami ucapkan terima kasih.",
        "",
        "Hormat kami,",
        who,
    ]
    return "\n".join(lines) + "\n"


def _headline_lines(f: Figures, tahun: int) -> list[str]:
    lines = []
    if f.capaian_rata is not None:
        achieved = ""
        if f.iku_total:
            achieved = f", {f.iku_tercapai} dari {f.iku_total} IKU mencapai target"
        lines.append(
            f"- Capaian kinerja rata-rata: {persen(f.capaian_rata)}{_label(f.predikat)}{achieved}"
        )
    if f.persen_realisasi is not None:
        money = ""
        if f.anggaran is not None and f.realisasi is not None:
            money = f" (Rp{angka(f.realisasi)} dari pagu Rp{angka(f.anggaran)})"
        lines.append(f"- Realisasi anggaran: {persen(f.persen_realisasi)}{money}")
    if f.efisiensi is not None:
        lines.append(f"- Efisiensi anggaran: {persen(f.efisiensi)}")
    if f.indeks_digital is not None:
        lines.append(
            f"- {f.nama_indeks or 'Indeks SPBE'} {tahun}: {angka(f.indeks_digital, 2)}"
            f"{_label(f.predikat_digital)}"
        )
    return lines or ["- (belum ada angka utama)"]


def _label(predikat: str | None) -> str:
    return f", predikat {predikat}" if predikat else ""


def _findings_line(temuan: dict[str, int]) -> str:
    if not temuan:
        return "Hasil pemeriksaan xlkip: tidak tercatat."
    counts = ", ".join(f"{n} {tingkat}" for tingkat, n in temuan.items())
    return f"Hasil pemeriksaan isian oleh xlkip: {counts} (rincian di sheet Temuan Validasi)."


def check_budget(attachments: list[Path], limit_mb: float = DEFAULT_LIMIT_MB) -> None:
    sizes = {path: path.stat().st_size for path in attachments}
    total = sum(sizes.values())
    if total <= limit_mb * MB:
        return
    listed = ", ".join(f"{p.name} {_mb(n)}" for p, n in sizes.items())
    advice = (
        "Kirim PDF-nya terpisah (jalankan tanpa --pdf), kecilkan PDF-nya, atau naikkan batas "
        "dengan --batas-lampiran bila server surel Anda menerima lampiran lebih besar."
        if any(p.suffix.lower() == ".pdf" for p in attachments)
        else "Kirim workbook-nya lewat tautan berbagi berkas, atau naikkan batas dengan "
        "--batas-lampiran bila server surel Anda menerima lampiran lebih besar."
    )
    raise AttachmentsTooLarge(
        f"Lampiran terlalu besar untuk surel: {_mb(total)} ({listed}), batasnya "
        f"{angka(limit_mb, 1)} MB. {advice} Draf surel tidak dibuat."
    )


def _mb(size: int) -> str:
    return f"{angka(size / MB, 1)} MB"


def draft(summary: Summary, attachments: list[Path]) -> EmailMessage:
    """An unsent draft: no recipient yet; `X-Unsent: 1` makes Outlook open it to edit."""
    message = EmailMessage(policy=SMTP)
    message["Subject"] = subject(summary)
    message["X-Unsent"] = "1"
    message.set_content(body(summary, attachments))
    for path in attachments:
        maintype, subtype = MIME_TYPES.get(path.suffix.lower(), ("application", "octet-stream"))
        message.add_attachment(
            path.read_bytes(), maintype=maintype, subtype=subtype, filename=path.name
        )
    return message
