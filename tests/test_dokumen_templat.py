"""compile --dokumen with the office's own Word template (templat.docx in the inputs
folder): its styles, kop and cover are kept, its fields filled as plain text; a template
that cannot be used is a finding and the document is xlkip's own."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

from tests.helpers import run_cli
from xlkip import api
from xlkip.findings import Report
from xlkip.read.files import DOCUMENT_INPUTS
from xlkip.render.dokumen import templat
from xlkip.render.dokumen.susun import LOGO_NAMES

KOP = "PEMERINTAH KOTA BINJAI - Jl. Jenderal Sudirman No. 6"
COVER_KOP = "PEMERINTAH KOTA BINJAI"


def _template(path: Path, cover: list[list[str]], drop: tuple[str, ...] = ()) -> Path:
    """A Word template as an office makes one: its own Heading 1, a kop in the header, a
    cover whose paragraphs are the given runs (a tag may be split over runs, as Word
    splits them), and without the styles `drop` names."""
    document = Document()
    heading = document.styles["Heading 1"]
    heading.font.name, heading.font.size = "Georgia", Pt(22)
    heading.font.color.rgb = RGBColor(0x80, 0x00, 0x00)
    document.sections[0].header.paragraphs[0].text = KOP
    document.sections[0].different_first_page_header_footer = True  # the cover's own kop
    document.sections[0].first_page_header.paragraphs[0].text = COVER_KOP
    for runs in cover:
        paragraph = document.add_paragraph()
        for text in runs:
            paragraph.add_run(text).bold = True
    for name in drop:
        element = document.styles[name].element
        element.getparent().remove(element)
    document.save(str(path))
    return path


COVER = [
    ["LAPORAN KINERJA ", "{{ ins", "tansi }}"],
    ["{{ pemda }} TAHUN {{tahun}}"],
    ["{{ kepala }}", " / NIP. {{ nip }}"],
]


def _texts(document: Any) -> list[str]:
    return [p.text for p in document.paragraphs]


@pytest.fixture(scope="module")
def with_template(example_master: Path, tmp_path_factory: pytest.TempPathFactory) -> Any:
    folder = shutil.copytree(example_master, tmp_path_factory.mktemp("templat") / "inputs")
    _template(folder / templat.NAME, COVER, drop=("Caption", "Heading 3"))
    result = api.compile_folder(folder, out_dir=folder.parent / "out", dokumen=True)
    assert result.dokumen is not None
    return result, Document(str(result.dokumen))


def test_the_offices_styles_kop_and_cover(with_template: Any) -> None:
    result, document = with_template
    heading = document.styles["Heading 1"]
    assert heading.font.name == "Georgia" and heading.font.color.rgb == RGBColor(0x80, 0, 0)
    assert heading.font.size == Pt(22)
    assert any(
        p.style.name == "Heading 1" and p.text == "BAB I PENDAHULUAN" for p in document.paragraphs
    )
    assert len(document.sections) > 2  # the landscape sections keep the kop too
    for section in document.sections:
        assert section.header.paragraphs[0].text == KOP
    first, *others = document.sections
    assert first.different_first_page_header_footer
    assert first.first_page_header.paragraphs[0].text == COVER_KOP
    assert not any(section.different_first_page_header_footer for section in others)
    texts = _texts(document)
    cover = texts[: texts.index("KATA PENGANTAR")]
    assert cover[:3] == [
        "LAPORAN KINERJA Dinas Komunikasi dan Informatika",
        "Pemerintah Kota Binjai TAHUN 2024",
        "SOFYAN SYAHPUTRA SIREGAR, S.STP, M.AP / NIP. 19870331 200602 1 001",
    ]
    assert "LAPORAN KINERJA INSTANSI PEMERINTAH" not in texts  # the office's cover, not ours
    everything = "\n".join(
        texts + [c.text for t in document.tables for r in t.rows for c in r.cells]
    )
    assert "{{" not in everything and "}}" not in everything and "None" not in everything
    assert not [f for f in result.report.findings if f.kode == "templat_dokumen"]


def test_missing_styles_are_ours(with_template: Any) -> None:
    result, document = with_template
    caption = document.styles["Caption"]
    assert caption.font.name == "Arial" and caption.font.bold  # xlkip's, the office had none
    assert document.styles["Heading 3"].font.name == "Arial"
    used = {p.style.name for p in document.paragraphs}
    used |= {p.style.name for p in document.tables[1].rows[0].cells[0].paragraphs}
    assert {"Teks Narasi", "Isi Tabel", "Keterangan Gambar"} <= used
    assert any(
        p.style.name == "Caption" and p.text.startswith("Tabel 3.17") for p in document.paragraphs
    )
    (added,) = [f for f in result.report.findings if f.kode == "templat_gaya_ditambah"]
    assert "Heading 3" in added.pesan and "Caption" in added.pesan
    assert "Teks Narasi" not in added.pesan  # xlkip's own styles are always added


def test_hostile_values_stay_plain_text(tmp_path: Path) -> None:
    _template(tmp_path / templat.NAME, COVER)
    hostile = {name: "" for name in templat.FIELDS}
    hostile.update(instansi="{{ x }}", pemda="<w:t>&amp;</w:t>", kepala="{% if %}\x0b")
    report = Report()
    document = templat.load(tmp_path, hostile, report)
    assert document is not None and not report.findings
    document.save(str(tmp_path / "out.docx"))
    texts = _texts(Document(str(tmp_path / "out.docx")))
    assert texts[:3] == [
        "LAPORAN KINERJA {{ x }}",
        "<w:t>&amp;</w:t> TAHUN ",
        "{% if %} / NIP. ",
    ]


def _zip_with(source: Path, target: Path, extra: dict[str, str]) -> Path:
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for item in old.infolist():
            data = old.read(item.filename)
            new.writestr(item, extra.pop(item.filename, data))
        for name, data in extra.items():
            new.writestr(name, data)
    return target


def _macro_enabled(folder: Path) -> None:
    """A .docm renamed .docx: the macro-enabled main part, with its VBA project."""
    good = _template(folder / "asli.docx", COVER)
    with zipfile.ZipFile(good) as package:
        types = package.read("[Content_Types].xml").decode()
    types = types.replace(
        "wordprocessingml.document.main+xml", "ms-word.document.macroEnabled.main+xml"
    )
    _zip_with(
        good, folder / templat.NAME, {"[Content_Types].xml": types, "word/vbaProject.bin": "x"}
    )


def _damaged(folder: Path) -> None:
    (folder / templat.NAME).write_bytes(b"PK\x03\x04 terpotong")


def _not_word(folder: Path) -> None:
    good = _template(folder / "asli.docx", COVER)
    _zip_with(good, folder / templat.NAME, {"word/document.xml": "<bukan xml"})


def _unknown_tags(folder: Path) -> None:
    _template(folder / templat.NAME, [["{{ instansi }} {% if x %}ya{% endif %}"], ["{{ kota }}"]])


def _linked_picture(folder: Path) -> None:
    """A picture linked from a server, not embedded: printing would fetch it."""
    document = Document()
    document.add_paragraph("{{ instansi }}")
    document.part.relate_to("http://contoh.invalid/kop.png", RT.IMAGE, is_external=True)
    document.save(str(folder / templat.NAME))


@pytest.mark.parametrize(
    ("make", "said"),
    [
        (_damaged, "bukan dokumen Word (.docx) yang utuh"),
        (_not_word, "tidak dapat dibuka sebagai dokumen Word"),
        (_macro_enabled, "berisi makro (VBA)"),
        (_unknown_tags, "penanda yang tidak dikenal: {% if x %}, {% endif %}, {{ kota }}"),
        (_linked_picture, "tautan ke berkas di luar dokumen (http://contoh.invalid/kop.png)"),
    ],
)
def test_a_template_that_cannot_be_used(make: Any, said: str, tmp_path: Path) -> None:
    make(tmp_path)
    report = Report()
    assert templat.load(tmp_path, dict.fromkeys(templat.FIELDS, "x"), report) is None
    (finding,) = report.findings
    assert finding.kode == "templat_dokumen" and finding.file == templat.NAME
    assert said in finding.pesan and "gaya dan sampul bawaan xlkip" in finding.pesan


def test_a_broken_template_gives_the_default_document(example: Path) -> None:
    _damaged(example)
    result = api.compile_folder(example, out_dir=example.parent / "out", dokumen=True)
    assert result.dokumen is not None
    assert [f.kode for f in result.report.findings if f.kode.startswith("templat")] == [
        "templat_dokumen"
    ]
    document = Document(str(result.dokumen))
    assert "LAPORAN KINERJA INSTANSI PEMERINTAH" in _texts(document)
    assert document.styles["Heading 1"].font.name == "Arial"
    footer = document.sections[0].footer._element
    assert any("PAGE" in (n.text or "") for n in footer.iter(qn("w:instrText")))


def test_help_names_the_template() -> None:
    code, output = run_cli("compile", "--help")
    assert code == 0 and "templat.docx" in output


def test_the_documents_inputs_are_not_passed_over(example: Path) -> None:
    """templat.docx and the logo are read by --dokumen: no "not an Excel file" note."""
    assert {templat.NAME, *LOGO_NAMES} == DOCUMENT_INPUTS
    _template(example / templat.NAME, COVER)
    (example / "catatan.docx").write_bytes(b"")
    codes = [(f.kode, f.file) for f in api.check(example).report.findings if f.file]
    assert ("berkas_dilewati", "catatan.docx") in codes
    assert not [f for f in codes if f[1] == templat.NAME]
