"""narasi.xlsx: staff prose that is empty or still last year's is a finding at its cell;
the Lampiran rows name a produced table or an image of the inputs' lampiran folder."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl
import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.table import Table

from tests.helpers import copy_folder, findings_of, run_cli, set_cells
from tests.test_dokumen import _png
from xlkip import api
from xlkip.schema.narasi import PENUTUP

NARASI = ("narasi_kosong", "narasi_tahun_lalu")
CARRIED = [
    *(("peringatan", "narasi_tahun_lalu", "narasi.xlsx", "Narasi", f"B{r}") for r in range(4, 11)),
    *(("peringatan", "narasi_tahun_lalu", "narasi.xlsx", "Narasi Sasaran", f"{c}4") for c in "BCD"),
]
# The example (as the seed) writes causes, obstacles and solutions for one sasaran only.
SASARAN_MISSING = [
    ("peringatan", "narasi_kosong", "narasi.xlsx", "Narasi Sasaran", f"A{r}") for r in (5, 6, 7)
]


def _narasi_findings(folder: Path) -> list[tuple[str, ...]]:
    return [f for f in findings_of(folder) if f[1] in NARASI]


def _messages(folder: Path) -> dict[str | None, str]:
    """Sheet!cell -> message of the narasi findings."""
    report = api.check(folder).report
    return {f"{f.sheet}!{f.sel}": f.pesan for f in report.findings if f.kode in NARASI}


@pytest.fixture(scope="module")
def rolled(example_master: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    new = tmp_path_factory.mktemp("narasi") / "2025"
    code, output = run_cli("init", new, "--dari", example_master)
    assert code == 0, output
    return new


def test_carried_text_is_last_years_at_each_cell(rolled: Path) -> None:
    assert _narasi_findings(rolled) == CARRIED + SASARAN_MISSING
    pesan = _messages(rolled)
    assert "tahun 2024" in pesan["Narasi!B4"] and "Latar Belakang" in pesan["Narasi!B4"]
    assert pesan["Narasi!B10"].endswith(
        "Teks tahun lalu melemahkan kriteria LKE 3.b.9 (3. Pelaporan Kinerja (bobot 15 dari "
        '100)): "Dokumen Laporan Kinerja telah menginfokan upaya perbaikan ke depan".'
    )
    assert (
        'kriteria LKE 3.b.7 (3. Pelaporan Kinerja (bobot 15 dari 100)): "Dokumen Laporan'
        in (pesan["Narasi Sasaran!C4"])
    )


def test_the_criterion_named_is_the_editions() -> None:
    """A new LKE edition renames what the narasi findings cite: the wording is its data."""
    import json

    from xlkip.instrumen import lke

    shipped = lke.resources.files(lke.__name__) / "pelaporan_2021.json"
    data = json.loads(shipped.read_text(encoding="utf-8"))
    for kriteria in data["kriteria"]:
        if PENUTUP in kriteria.get("narasi", ()):
            kriteria["id"], kriteria["kata"] = "9.z", "Rekomendasi ditulis."
    edisi = lke.edisi_of(data)
    assert edisi.naming(edisi.resting_on(PENUTUP)) == (
        'kriteria LKE 9.z (3. Pelaporan Kinerja (bobot 15 dari 100)): "Rekomendasi ditulis"'
    )
    assert lke.edisi_of(json.loads(shipped.read_text(encoding="utf-8"))).resting_on("x") is None


def test_the_marks_are_hidden_and_keep_the_first_year(rolled: Path, tmp_path: Path) -> None:
    workbook = openpyxl.load_workbook(rolled / "narasi.xlsx")
    assert workbook["Tanda Tahun Lalu"].sheet_state == "hidden"
    code, output = run_cli("init", tmp_path / "2026", "--dari", rolled)
    assert code == 0, output
    pesan = _messages(tmp_path / "2026")
    assert "teks laporan tahun 2024" in pesan["Narasi!B4"]


def test_an_edited_cell_is_this_years(rolled: Path, tmp_path: Path) -> None:
    folder = copy_folder(rolled, tmp_path / "2025")
    path = folder / "narasi.xlsx"
    sheet = openpyxl.load_workbook(path)["Narasi"]
    old = sheet["B4"].value
    # Excel's own line endings and stray spaces are not an edit; a new word is.
    set_cells(path, "Narasi", {"B4": "  " + old.replace("\n", "\r\n") + " ", "B5": old + " 2025"})
    assert _narasi_findings(folder) == [f for f in CARRIED + SASARAN_MISSING if f[4] != "B5"]


def test_empty_and_missing_sections(example: Path) -> None:
    assert _narasi_findings(example) == SASARAN_MISSING
    path = example / "narasi.xlsx"
    set_cells(path, "Narasi", {"B5": None, "B9": None, "A10": None, "B10": None})
    set_cells(path, "Narasi Sasaran", {"D4": "  "})
    assert _narasi_findings(example) == [
        ("peringatan", "narasi_kosong", "narasi.xlsx", "Narasi", "B5"),
        ("peringatan", "narasi_kosong", "narasi.xlsx", "Narasi", "B9"),
        ("peringatan", "narasi_kosong", "narasi.xlsx", "Narasi", "A10"),
        ("peringatan", "narasi_kosong", "narasi.xlsx", "Narasi Sasaran", "D4"),
        *SASARAN_MISSING,
    ]
    pesan = _messages(example)
    assert (
        "Penutup dan Langkah ke Depan" in pesan["Narasi!A10"]
        and "rekomendasi" in pesan["Narasi!A10"]
    )
    assert "barisnya tidak ada" in pesan["Narasi!A10"]
    visi = pesan["Narasi!B9"]  # Bab II's vision and mission, a part of criterion 3.b.1
    assert visi.startswith("Bagian 'Visi dan Misi' (sheet Narasi) belum diisi")
    assert "visi dan misi kepala daerah dalam RPJMD" in visi and "kriteria LKE 3.b.1 " in visi


def test_an_absent_module_asks_for_nothing(example: Path) -> None:
    (example / "narasi.xlsx").unlink()
    assert _narasi_findings(example) == []


LAMPIRAN_ROWS = {
    4: ("Struktur Organisasi", None, "struktur.png"),
    5: ("Daftar Aplikasi", "Pengembangan Aplikasi", None),
    6: ("Jalan", None, "../identitas.xlsx"),
    7: ("Jalur lengkap", None, "/etc/passwd.png"),
    8: ("Tautan", None, "tautan.png"),
    9: ("Rusak", None, "rusak.png"),
    10: ("Hilang", None, "tidak_ada.jpg"),
    11: ("Keduanya", "Tabel 3.8", "struktur.png"),
    12: ("Dua tabel", "Realisasi Anggaran", None),
    13: ("Besar", None, "besar.png"),
}


def _body_after(document: Any, heading: str) -> Any:
    """The first table or picture paragraph after the heading or caption `heading` (the
    table of contents repeats the headings' text)."""
    seen = False
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:p") and not seen:
            style = (
                child.pPr.pStyle.val
                if child.pPr is not None and child.pPr.pStyle is not None
                else ""
            )
            text = "".join(t.text or "" for t in child.iter(qn("w:t")))
            seen = text == heading and style in ("Heading2", "Caption")
        elif seen and child.tag == qn("w:tbl"):
            return Table(child, document)
        elif seen and child.findall(".//" + qn("w:drawing")):
            return child
    return None


def _cells(table: Any) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows]


def test_lampiran_rows_are_checked_and_attached(example: Path, tmp_path: Path) -> None:
    folder = example / "lampiran"
    folder.mkdir()
    (folder / "struktur.png").write_bytes(_png(30, 20))
    (tmp_path / "luar.png").write_bytes(_png(30, 20))
    (folder / "tautan.png").symlink_to(tmp_path / "luar.png")
    (folder / "rusak.png").write_bytes(b"\x89PNG\r\n\x1a\nrusak")
    (folder / "besar.png").write_bytes(_png(30, 20) + b"\0" * 2_000_000)
    values = {}
    for row, texts in LAMPIRAN_ROWS.items():
        values.update({f"{c}{row}": t for c, t in zip("ABC", texts, strict=True)})
    set_cells(example / "narasi.xlsx", "Lampiran", values)
    found = [f for f in findings_of(example) if f[1].startswith("lampiran_")]
    assert found == [
        *(
            ("peringatan", "lampiran_gambar", "narasi.xlsx", "Lampiran", f"C{r}")
            for r in range(6, 11)
        ),
        ("peringatan", "lampiran_tanpa_isi", "narasi.xlsx", "Lampiran", "A11"),
        ("peringatan", "lampiran_tabel_tidak_ada", "narasi.xlsx", "Lampiran", "B12"),
        ("peringatan", "lampiran_gambar", "narasi.xlsx", "Lampiran", "C13"),
    ]

    result = api.compile_folder(example, out_dir=tmp_path / "out", dokumen=True)
    document = Document(str(result.dokumen))
    headings = [(p.style.name, p.text) for p in document.paragraphs]
    start = headings.index(("Heading 1", "LAMPIRAN"))
    assert [text for style, text in headings[start:] if style.startswith("Heading")] == [
        "LAMPIRAN",
        "Lampiran 1 Perjanjian Kinerja",
        "Lampiran 2 Struktur Organisasi",
        "Lampiran 3 Daftar Aplikasi",
    ]
    # The tables again, cell for cell as the body places them under their captions.
    for attached, caption in (
        ("Lampiran 1 Perjanjian Kinerja", "Tabel 2.3 Perjanjian Kinerja"),
        ("Lampiran 3 Daftar Aplikasi", "Pengembangan Aplikasi"),
    ):
        body = next(
            p.text for p in document.paragraphs if p.style.name == "Caption" and caption in p.text
        )
        assert _cells(_body_after(document, attached)) == _cells(_body_after(document, body))
    assert _body_after(document, "Lampiran 2 Struktur Organisasi").tag == qn("w:p")
    # Only the image inside lampiran/ is placed: not the link's target, not the others.
    body = list(document.element.body.iterchildren())
    lampiran = next(i for i, c in enumerate(body) if c is document.paragraphs[start]._p)
    assert sum(len(c.findall(".//" + qn("w:drawing"))) for c in body[lampiran:]) == 1
