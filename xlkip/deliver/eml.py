"""The email draft: the workbook (and PDF) attached, headline figures in the body.

Its input is a plain `Summary`: who reports and signs, and the headline `Figures` the
tables computed (xlkip.tables.figures), so the draft never reads cells. The body is
written for the head of office to send as is: no checker vocabulary, each figure spelled
as its table shows it, signed with the kepala from Identitas.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from email.message import EmailMessage
from email.policy import SMTP
from pathlib import Path

from xlkip.tables.figures import Figures
from xlkip.text import angka, as_shown, identity_text, persen

MB = 1024 * 1024
DEFAULT_LIMIT_MB = 7.0
"""Zimbra's usual 10 MB message limit, less the base64 encoding of attachments."""

MIME_TYPES = {
    ".xlsx": ("application", "vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    ".pdf": ("application", "pdf"),
    ".docx": ("application", "vnd.openxmlformats-officedocument.wordprocessingml.document"),
}


@dataclass(frozen=True)
class Summary:
    """What the head of office reads first, and who signs it (Identitas)."""

    instansi: str
    pemda: str
    tahun: int
    figures: Figures = field(default_factory=Figures)
    kepala: str = ""
    jabatan: str = ""
    nip: str = ""


class AttachmentsTooLarge(Exception):
    """The attachments exceed the budget; the message says what to do, in Indonesian."""


def short_pemda(pemda: str) -> str:
    """ "Pemerintah Kota Binjai" -> "Kota Binjai", as a subject line says it."""
    text = " ".join(pemda.split())
    return text[len("pemerintah ") :] if text.casefold().startswith("pemerintah ") else text


def subject(summary: Summary) -> str:
    parts = ["LKjIP", summary.instansi, short_pemda(summary.pemda), f"Tahun {summary.tahun}"]
    return " ".join(" ".join(p.split()) for p in parts if p and p.strip())


def office(summary: Summary) -> str:
    """ "Dinas Komunikasi dan Informatika Kota Binjai"."""
    return " ".join(f"{summary.instansi} {short_pemda(summary.pemda)}".split())


def _what(path: Path, attachments: list[Path]) -> str:
    """What an attachment is, so the head opens the right one: the workbook's PDF has
    the workbook's name, the document's PDF the document's."""
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        return "tabel LKjIP, Excel"
    if suffix == ".docx":
        return "dokumen laporan LKjIP, Word"
    stems = {p.stem for p in attachments if p.suffix.lower() == ".xlsx"}
    if path.stem in stems:
        return "tabel LKjIP siap cetak"
    return "dokumen laporan LKjIP untuk e-SAKIP"


def body(summary: Summary, attachments: list[Path]) -> str:
    lines = [
        "Yth. Bapak/Ibu,",
        "",
        f"Bersama ini kami sampaikan Laporan Kinerja Instansi Pemerintah (LKjIP) "
        f"{office(summary)} Tahun {summary.tahun}.",
        "",
        "Angka utama:",
        *_headline_lines(summary.figures, summary.tahun),
        "",
        "Lampiran:",
        *(f"- {path.name} ({_what(path, attachments)})" for path in attachments),
        "",
        "Demikian kami sampaikan. Atas perhatian Bapak/Ibu, kami ucapkan terima kasih.",
        "",
        *signature(summary),
    ]
    return "\n".join(lines) + "\n"


def signature(summary: Summary) -> list[str]:
    """The closing as a letter of the office ends: jabatan and office, name, NIP."""
    jabatan = " ".join(summary.jabatan.split()) or f"Kepala {office(summary)}"
    lines = ["Hormat kami,", f"{jabatan},"]
    if identity_text(office(summary)) not in identity_text(jabatan):
        lines.append(office(summary))
    kepala, nip = " ".join(summary.kepala.split()), " ".join(summary.nip.split())
    if kepala:
        lines += ["", kepala]
    if nip:
        lines.append(f"NIP {nip}")
    return lines


_PERCENT_FIGURES = ("capaian_rata", "persen_realisasi", "efisiensi")


def _shown(f: Figures, name: str, value: float) -> str:
    """`value` as its table's cell shows it; a figure of no known cell (a Summary made
    by hand) as a sentence writes it."""
    if name in f.formats:
        return as_shown(value, f.formats[name])
    if name in _PERCENT_FIGURES:
        return persen(value)
    return angka(value, 2 if name == "indeks_digital" else 0)


def _headline_lines(f: Figures, tahun: int) -> list[str]:
    lines = []
    if f.capaian_rata is not None:
        achieved = ""
        if f.iku_total:
            achieved = f", {f.iku_tercapai} dari {f.iku_total} IKU mencapai target"
        lines.append(
            f"- Capaian kinerja rata-rata: {_shown(f, 'capaian_rata', f.capaian_rata)}"
            f"{_label(f.predikat)}{achieved}"
        )
    if f.persen_realisasi is not None:
        money = ""
        if f.anggaran is not None and f.realisasi is not None:
            money = (
                f" (Rp{_shown(f, 'realisasi', f.realisasi)} dari pagu "
                f"Rp{_shown(f, 'anggaran', f.anggaran)})"
            )
        lines.append(
            f"- Realisasi anggaran: {_shown(f, 'persen_realisasi', f.persen_realisasi)}{money}"
        )
    if f.efisiensi is not None:
        lines.append(f"- Efisiensi anggaran: {_shown(f, 'efisiensi', f.efisiensi)}")
    if f.indeks_digital is not None:
        lines.append(
            f"- {f.nama_indeks or 'Indeks SPBE'} {tahun}: "
            f"{_shown(f, 'indeks_digital', f.indeks_digital)}{_label(f.predikat_digital)}"
        )
    return lines or ["- (belum ada angka utama)"]


def _label(predikat: str | None) -> str:
    return f", predikat {predikat}" if predikat else ""


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
        f"{_limit(limit_mb)} MB. {advice} Draf surel tidak dibuat."
    )


def _limit(limit_mb: float) -> str:
    """The limit with the decimals it was given: 0.01 -> "0,01", 7.0 -> "7"."""
    decimals = -min(Decimal(repr(limit_mb)).normalize().as_tuple().exponent, 0)
    return angka(limit_mb, decimals)


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
