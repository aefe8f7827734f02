"""The email draft: the workbook (and PDF) attached, headline figures in the body.

Its input is a plain `Figures` record, so any source of the figures (the compiled
workbook's cached values, or the tables' typed results) can feed it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from email.message import EmailMessage
from email.policy import SMTP
from pathlib import Path

from xlkip.text import angka, persen

MB = 1024 * 1024
DEFAULT_LIMIT_MB = 7.0
"""Zimbra's usual 10 MB message limit, less the base64 encoding of attachments."""

MIME_TYPES = {
    ".xlsx": ("application", "vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    ".pdf": ("application", "pdf"),
}


@dataclass(frozen=True)
class Figures:
    """What the head of office reads first; None where the report has no such figure."""

    instansi: str
    pemda: str
    tahun: int
    capaian_rata: float | None = None
    predikat_capaian: str | None = None
    realisasi_anggaran: float | None = None
    """Σ realisasi / Σ anggaran, as a fraction."""
    anggaran: float | None = None
    realisasi: float | None = None
    efisiensi: float | None = None
    indeks_spbe: float | None = None
    predikat_spbe: str | None = None
    temuan: dict[str, int] = field(default_factory=dict)
    """Findings per tingkat: {"error": 0, "peringatan": 8, "info": 0}."""


class AttachmentsTooLarge(Exception):
    """The attachments exceed the budget; the message says what to do, in Indonesian."""


def short_pemda(pemda: str) -> str:
    """ "Pemerintah Kota Binjai" -> "Kota Binjai", as a subject line says it."""
    text = " ".join(pemda.split())
    return text[len("pemerintah ") :] if text.casefold().startswith("pemerintah ") else text


def subject(figures: Figures) -> str:
    parts = ["LKjIP", figures.instansi, short_pemda(figures.pemda), f"Tahun {figures.tahun}"]
    return " ".join(" ".join(p.split()) for p in parts if p and p.strip())


def body(figures: Figures, attachments: list[Path]) -> str:
    lines = [
        "Yth. Bapak/Ibu,",
        "",
        f"Bersama ini kami sampaikan Laporan Kinerja Instansi Pemerintah (LKjIP) "
        f"{figures.instansi} {short_pemda(figures.pemda)} Tahun {figures.tahun}.",
        "",
        "Angka utama:",
        *_headline_lines(figures),
        "",
        _findings_line(figures.temuan),
        "",
        "Lampiran:",
        *(f"- {path.name}" for path in attachments),
        "",
        "Demikian kami sampaikan. Atas perhatian Bapak/Ibu, kami ucapkan terima kasih.",
        "",
        "Hormat kami,",
        f"{figures.instansi} {short_pemda(figures.pemda)}",
    ]
    return "\n".join(lines) + "\n"


def _headline_lines(f: Figures) -> list[str]:
    lines = []
    if f.capaian_rata is not None:
        lines.append(
            f"- Capaian kinerja rata-rata: {persen(f.capaian_rata)}{_label(f.predikat_capaian)}"
        )
    if f.realisasi_anggaran is not None:
        money = ""
        if f.anggaran is not None and f.realisasi is not None:
            money = f" (Rp{angka(f.realisasi)} dari pagu Rp{angka(f.anggaran)})"
        lines.append(f"- Realisasi anggaran: {persen(f.realisasi_anggaran)}{money}")
    if f.efisiensi is not None:
        lines.append(f"- Efisiensi anggaran: {persen(f.efisiensi)}")
    if f.indeks_spbe is not None:
        lines.append(f"- Indeks SPBE {f.tahun}: {angka(f.indeks_spbe, 2)}{_label(f.predikat_spbe)}")
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


def draft(figures: Figures, attachments: list[Path]) -> EmailMessage:
    """An unsent draft: no recipient yet; `X-Unsent: 1` makes Outlook open it to edit."""
    message = EmailMessage(policy=SMTP)
    message["Subject"] = subject(figures)
    message["X-Unsent"] = "1"
    message.set_content(body(figures, attachments))
    for path in attachments:
        maintype, subtype = MIME_TYPES.get(path.suffix.lower(), ("application", "octet-stream"))
        message.add_attachment(
            path.read_bytes(), maintype=maintype, subtype=subtype, filename=path.name
        )
    return message
