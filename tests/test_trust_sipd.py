"""impor-anggaran counts nothing twice and reads what Excel makes of an export (issue 18)."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from tests.sipd_files import example_flat_rows
from xlkip.sipd.importer import import_files

GOLDEN_ANGGARAN, GOLDEN_REALISASI = 9_475_869_588, 8_664_222_212


def _unicode_text(rows: list[list]) -> str:
    """What Excel's "Unicode Text" save writes: tab-separated lines ending in CR LF."""
    return "".join("\t".join("" if v is None else str(v) for v in row) + "\r\n" for row in rows)


# -- encodings ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "encode"),
    [
        ("unicode.txt", lambda text: text.encode("utf-16")),  # Excel: BOM, little-endian
        ("unicode-be.csv", lambda text: codecs.BOM_UTF16_BE + text.encode("utf-16-be")),
        ("tanpa-bom.txt", lambda text: text.encode("utf-16-le")),
        ("utf8-bom.csv", lambda text: codecs.BOM_UTF8 + text.encode("utf-8")),
    ],
)
def test_utf16_and_bom_exports_are_read(tmp_path: Path, name: str, encode) -> None:
    path = tmp_path / name
    path.write_bytes(encode(_unicode_text(example_flat_rows())))
    result = import_files([path])
    assert result.findings == []
    assert (result.reconciliation.anggaran, result.reconciliation.realisasi) == (
        GOLDEN_ANGGARAN * 100,
        GOLDEN_REALISASI * 100,
    )
    assert len(result.rows) == 31


def test_a_cut_utf16_file_is_said_to_be_an_encoding_problem(tmp_path: Path) -> None:
    path = tmp_path / "terpotong.txt"
    path.write_bytes(_unicode_text(example_flat_rows()[:5]).encode("utf-16")[:-1])
    result = import_files([path])
    assert [(f.tingkat.value, f.kode, f.file, f.pesan) for f in result.findings] == [
        (
            "error",
            "sipd_pengodean_rusak",
            "terpotong.txt",
            "Berkas teks ini tidak dapat dibaca sebagai UTF-16: pengodean hurufnya (encoding) "
            "rusak atau terpotong. Buka berkasnya di Excel lalu simpan sebagai 'CSV UTF-8 "
            "(Comma delimited)' atau sebagai Excel (.xlsx), atau unduh ulang dari SIPD.",
        )
    ]
