"""Sentences only the document has, each from a built table's cell: the counts of
Bab I in the seed's style, "56 (lima puluh enam) orang"."""

from __future__ import annotations

from typing import Any

from num2words import num2words

from xlkip.text import angka


def terbilang(count: float) -> str:
    """56 -> "56 (lima puluh enam)": digits, then words, as official letters write
    counts. Words only for whole numbers (num2words spells a float's decimals)."""
    whole = round(count)
    return f"{angka(whole)} ({num2words(whole, lang='id')})"


SDM_SENTENCES = {
    "sdm_golongan": "Jumlah pegawai ASN {subject} pada tahun {tahun} menurut golongan/ruang "
    "sebanyak {n} orang.",
    "sdm_non_asn": "Pada tahun {tahun} {subject} memiliki {n} orang tenaga Non ASN untuk "
    "membantu pelaksanaan tugas dan fungsinya.",
    "sdm_jenis_kelamin": "Jumlah seluruh sumber daya aparatur {subject} pada tahun {tahun} "
    "sebanyak {n} orang.",
    "sdm_pendidikan": "Menurut jenjang pendidikan, sumber daya aparatur yang tercatat sebanyak "
    "{n} orang.",
    "sdm_jabatan": "Menurut jenis jabatan, sumber daya aparatur yang tercatat sebanyak {n} orang.",
}


def sdm_sentence(key: str, result: Any, subject: str, tahun: int) -> str | None:
    """The sentence under an SDM table, from the table's total cell."""
    pattern = SDM_SENTENCES.get(key)
    if pattern is None or result is None:
        return None
    value = result.total.value()
    if not isinstance(value, int | float) or isinstance(value, bool):
        return None
    return pattern.format(subject=subject, tahun=tahun, n=terbilang(value))
