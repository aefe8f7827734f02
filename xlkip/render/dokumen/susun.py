"""The document's structure (PermenPANRB 53/2014, as the seed prints it): cover, Kata
Pengantar, Daftar Isi and Daftar Tabel, Ikhtisar Eksekutif, Bab I–IV."""

from __future__ import annotations

import io
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from docx import Document as new_document
from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.image.exceptions import UnrecognizedImageError
from docx.shared import Cm, Pt
from docx.text.paragraph import Paragraph

from xlkip.findings import Report
from xlkip.inputs import Inputs
from xlkip.perencanaan import renstra_links
from xlkip.render.dokumen import templat
from xlkip.render.dokumen.analisis import (
    Row,
    by_sasaran,
    grouped,
    no_renstra_row,
    renstra_of_sasaran,
    renstra_rows,
    unlinked_indicators,
    versus_last_year,
    versus_renstra,
)
from xlkip.render.dokumen.bukti import evidence_by_sasaran
from xlkip.render.dokumen.grafik import draw
from xlkip.render.dokumen.kalimat import sdm_sentence
from xlkip.render.dokumen.lampiran import lampiran
from xlkip.render.dokumen.perencanaan import not_made
from xlkip.render.dokumen.perencanaan import sentences as bab_ii_sentences
from xlkip.render.dokumen.standar import versus_standard
from xlkip.render.dokumen.sumber_daya import analyses as sumber_daya
from xlkip.render.dokumen.tabel import add_table, cell_text, is_wide, region
from xlkip.render.dokumen.word import (
    base_styles,
    listed_entries,
    new_section,
    page_setup,
    placeholder,
    simple_field,
    text_width,
    update_fields_on_open,
)
from xlkip.schema import narasi
from xlkip.schema.kinerja import RENSTRA
from xlkip.sheet.model import SheetModel
from xlkip.tables import Built
from xlkip.tables.common import Context
from xlkip.tables.kinerja import perbandingan_tahun_lalu, target_renstra
from xlkip.tables.narasi import (
    anggaran_sentences,
    kinerja_sentences,
    layanan_sentences,
    layanan_sentences_by_table,
)
from xlkip.tables.registry import plan as plan_of
from xlkip.tables.ringkasan import SHEET as RINGKASAN
from xlkip.tables.spec import TableSpec
from xlkip.tables.standar import standar_nasional
from xlkip.tanggal import parse_tanggal, tanggal_id
from xlkip.text import identity_text

CELL_STYLE = "Isi Tabel"
FIGURE_STYLE = "Keterangan Gambar"
"""Figure captions: a style of their own, so Daftar Gambar lists them apart from the
tables' captions."""
STAFF_STYLE = "Teks Narasi"
"""The paragraph style of the staff's own prose (narasi.xlsx), so it is told apart
from the sentences written from the tables."""
TEMPLATE_STYLES = (
    *(f"Heading {level}" for level in (1, 2, 3)),
    *("Caption", "List Bullet", "Table Grid", STAFF_STYLE, CELL_STYLE, FIGURE_STYLE),
)
"""The styles the document is written in: ours where the office's template lacks one."""

SECTIONS: dict[int, tuple[tuple[str, tuple[str, ...]], ...]] = {
    1: (("Sumber Daya Aparatur", ("sdm_",)),),
    2: (
        ("Rencana Strategis", ("sasaran_strategis", "indikator_kinerja_utama")),
        ("Perjanjian Kinerja", ("perjanjian_kinerja",)),
        ("Anggaran", ("anggaran_murni",)),
    ),
}
"""Chapter -> (section title, the table keys or key prefixes it holds)."""
BAB3_KINERJA = ("skala_kinerja", "capaian_iku")
BAB3_ANGGARAN = ("anggaran_program", "anggaran_rinci", "efisiensi_sasaran")
ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
TITLES = {
    1: "PENDAHULUAN",
    2: "PERENCANAAN KINERJA",
    3: "AKUNTABILITAS KINERJA",
    4: "PENUTUP",
}


class Writer:
    """One document being written, with the headings and captions it has so far."""

    def __init__(self, built: Built, inputs: Inputs, report: Report) -> None:
        self.built = built
        self.inputs = inputs
        self.ctx = Context(inputs, report, built.model, plan_of(inputs), results=built.results)
        self.doc: Document = new_document()
        self.outline: list[tuple[int, str]] = []
        self.captions: list[tuple[int, str]] = []
        self.figures: list[tuple[int, str]] = []
        self.figure_counts: dict[int, int] = {}
        self.landscape = False
        self.placed: set[str] = set()
        self.styles: dict[str, str] = {}
        self.staff = {
            r.get("bagian"): r.get("isi") for r in inputs.records(narasi.NARASI) if r.get("bagian")
        }
        self.per_sasaran = {
            identity_text(r.get("sasaran")): r
            for r in inputs.records(narasi.NARASI_SASARAN)
            if r.get("sasaran")
        }
        self.evidence_said = layanan_sentences_by_table(self.ctx)

    def add(self, text: str, style: str) -> Paragraph:
        """A paragraph in the named style. The style's id is set directly: python-docx
        searches every style on each paragraph (a fifth of the document's time)."""
        if style not in self.styles:
            self.styles[style] = self.doc.styles[style].style_id
        paragraph = self.doc.add_paragraph(text)
        paragraph._p.style = self.styles[style]
        return paragraph

    # --- blocks -----------------------------------------------------------------
    def heading(self, text: str, level: int) -> Paragraph:
        self.outline.append((level, text))
        return self.add(text, f"Heading {level}")

    def paragraph(self, text: str = "", style: str | None = None) -> Paragraph:
        paragraph = self.add("", style) if style else self.doc.add_paragraph()
        if text:
            paragraph.add_run(text)
        return paragraph

    def sentences(self, lines: Iterable[str]) -> None:
        for line in lines:
            self.paragraph(line)

    def staff_text(self, text: Any, what: str) -> None:
        """The staff's text, a paragraph per line; nothing typed is a visible gap."""
        lines = [line.strip() for line in str(text or "").splitlines() if line.strip()]
        if not lines:
            placeholder(self.paragraph(style=STAFF_STYLE), what)
        for line in lines:
            self.paragraph(line, STAFF_STYLE)

    def orientation(self, landscape: bool) -> None:
        if landscape != self.landscape:
            new_section(self.doc, landscape)
            self.landscape = landscape

    # --- tables -----------------------------------------------------------------
    def sheet_of(self, spec: TableSpec[Any]) -> SheetModel | None:
        label = self.ctx.label(spec)
        return next((s for s in self.built.model.sheets if s.name == label), None)

    def table(self, spec: TableSpec[Any]) -> None:
        sheet = self.sheet_of(spec)
        if sheet is None or spec.key in self.placed:
            return
        self.placed.add(spec.key)
        self.orientation(is_wide(sheet))
        caption = f"{self.ctx.label(spec)} {spec.title.format(**self.ctx.title_fields())}"
        self.add(caption, "Caption")
        self.captions.append((1, caption))
        cell_style = self.doc.styles[CELL_STYLE].style_id
        add_table(self.doc, sheet, text_width(self.doc.sections[-1]), cell_style)
        source = region(sheet).source
        if source:
            run = self.paragraph().add_run(source)
            run.italic, run.font.size = True, Pt(9)
        if sheet.charts:  # below a landscape table a chart would stand on a page alone
            self.orientation(False)
        self.charts(sheet, spec.chapter)
        key = spec.key
        sentence = sdm_sentence(key, self.built.results.get(key), self.ctx.subject, self.ctx.tahun)
        if sentence:
            self.paragraph(sentence)
        self.sentences(bab_ii_sentences(key, self.inputs, self.built.results.get(key)))
        self.sentences(self.evidence_said.get(key, ()))

    def orient_for(self, specs: list[TableSpec[Any]]) -> None:
        """The page the first of `specs` needs, before its section's heading, so a
        heading never stands alone at the foot of the page before a landscape table."""
        sheet = self.sheet_of(specs[0]) if specs else None
        if sheet is not None:
            self.orientation(is_wide(sheet))

    def charts(self, sheet: SheetModel, chapter: int) -> None:
        """The sheet's charts as pictures, each captioned below "Gambar <bab>.<n>"."""
        width = min(text_width(self.doc.sections[-1]), Cm(16))
        for chart in sheet.charts:
            picture = self.paragraph()
            picture.alignment = WD_ALIGN_PARAGRAPH.CENTER
            picture.paragraph_format.keep_with_next = True
            picture.add_run().add_picture(io.BytesIO(draw(chart)), width=width)
            self.figure_counts[chapter] = self.figure_counts.get(chapter, 0) + 1
            caption = f"Gambar {chapter}.{self.figure_counts[chapter]} {chart.title}"
            self.add(caption, FIGURE_STYLE)
            self.figures.append((1, caption))

    def tables(self, chapter: int, keys: tuple[str, ...]) -> list[TableSpec[Any]]:
        """The produced tables of `chapter` whose key is one of `keys` or starts with one
        ending in "_"."""
        return [
            spec
            for spec in plan_of(self.inputs).tables
            if spec.chapter == chapter
            and any(spec.key == k or (k.endswith("_") and spec.key.startswith(k)) for k in keys)
        ]


def compose(built: Built, inputs: Inputs, report: Report) -> Document:
    w = Writer(built, inputs, report)
    office = templat.load(inputs.folder, templat.fields(inputs, w.ctx), report)
    if office is None:
        _own_styles(w.doc)
        page_setup(w.doc.sections[0])
    else:
        ours = _own_styles(new_document())
        templat.styles_added(templat.complete_styles(office, ours, TEMPLATE_STYLES), report)
        templat.structure(office)
        w.doc = office
    update_fields_on_open(w.doc)
    _page_numbers(w)
    if office is None or not templat.has_cover(office):
        _cover(w)
    _kata_pengantar(w)
    toc = _list_anchor(w, "DAFTAR ISI")
    tables_list = _list_anchor(w, "DAFTAR TABEL")
    figures_list = _list_anchor(w, "DAFTAR GAMBAR")
    _ikhtisar(w)
    _bab_1(w)
    _bab_2(w)
    _bab_3(w)
    _bab_4(w)
    lampiran(w, CELL_STYLE)
    listed_entries(toc, 'TOC \\o "1-3" \\h \\z \\u', w.outline, "Daftar isi")
    listed_entries(tables_list, 'TOC \\h \\z \\t "Caption,1"', w.captions, "Tidak ada tabel.")
    instruction = f'TOC \\h \\z \\t "{FIGURE_STYLE},1"'
    listed_entries(figures_list, instruction, w.figures, "Tidak ada gambar.")
    return w.doc


def _own_styles(doc: Document) -> Document:
    base_styles(doc, STAFF_STYLE, CELL_STYLE)
    figure = doc.styles.add_style(FIGURE_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    figure.base_style = doc.styles["Caption"]
    figure.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    figure.paragraph_format.keep_with_next = False
    return doc


def _page_numbers(w: Writer) -> None:
    """A page number in the footer, unless the office's template has a footer of its own;
    none on the cover (its first page), unless the template has a header the cover
    would lose or a first page of its own."""
    section = w.doc.sections[0]
    if templat.has_text(section.footer._element):
        return
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    simple_field(footer, "PAGE")
    if not section.different_first_page_header_footer and not templat.has_text(
        section.header._element
    ):
        section.different_first_page_header_footer = True
        section.first_page_footer.is_linked_to_previous = False  # an empty footer
        section.first_page_header.is_linked_to_previous = False


def _centered(
    w: Writer, text: str, size: int, bold: bool = True, new_page: bool = False
) -> Paragraph:
    paragraph = w.paragraph()
    paragraph.paragraph_format.page_break_before = new_page
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run(text)
    run.bold, run.font.size = bold, Pt(size)
    return paragraph


LOGO_NAMES = ("logo.png", "logo.jpg", "logo.jpeg")
"""The office's logo, when its input folder holds one, goes on the cover."""
LOGO_WIDTH = Cm(5)
LOGO_MAX_BYTES = 2_000_000
"""A bigger image would weigh on the PDF e-SAKIP limits to 10 MB."""


def _logo(folder: Path) -> Path | None:
    for name in LOGO_NAMES:
        path = folder / name
        if path.is_file() and not path.is_symlink() and path.stat().st_size <= LOGO_MAX_BYTES:
            return path
    return None


def _cover(w: Writer) -> None:
    ctx = w.ctx
    for _ in range(3):
        w.paragraph()
    _centered(w, "LAPORAN KINERJA INSTANSI PEMERINTAH", 20)
    _centered(w, "(LKjIP)", 20)
    _centered(w, f"TAHUN {ctx.tahun}", 20)
    w.paragraph()
    logo = _logo(w.inputs.folder)
    placed = False
    if logo is not None:
        paragraph = w.paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        try:
            paragraph.add_run().add_picture(str(logo), width=LOGO_WIDTH)
            placed = True
        except (UnrecognizedImageError, OSError, ValueError):
            placed = False  # not an image python-docx reads: the cover goes without
    for _ in range(2 if placed else 7):
        w.paragraph()
    _centered(w, str(w.inputs.identitas("instansi", "")).upper(), 16)
    _centered(w, ctx.pemda.upper(), 16)
    provinsi = w.inputs.identitas("provinsi")
    if provinsi:
        _centered(w, f"PROVINSI {str(provinsi).upper()}", 14)


def _kata_pengantar(w: Writer) -> None:
    ctx = w.ctx
    w.heading("KATA PENGANTAR", 1)
    w.paragraph(
        "Puji syukur kami panjatkan ke hadirat Tuhan Yang Maha Esa, karena atas rahmat-Nya "
        f"Laporan Kinerja Instansi Pemerintah (LKjIP) {ctx.subject} Tahun {ctx.tahun} dapat "
        "diselesaikan."
    )
    w.paragraph(
        "Laporan ini disusun berdasarkan Peraturan Presiden Nomor 29 Tahun 2014 tentang Sistem "
        "Akuntabilitas Kinerja Instansi Pemerintah dan Peraturan Menteri Pendayagunaan Aparatur "
        "Negara dan Reformasi Birokrasi Nomor 53 Tahun 2014, sebagai wujud pertanggungjawaban "
        f"atas pelaksanaan tugas dan fungsi {ctx.subject} dalam mencapai sasaran strategis "
        f"tahun {ctx.tahun}."
    )
    w.paragraph(
        "Kami menyadari laporan ini masih memiliki kekurangan. Saran dan masukan untuk "
        "perbaikan laporan di masa mendatang sangat kami harapkan."
    )
    _signature(w)


def _signature(w: Writer) -> None:
    """Place and date, jabatan, name and NIP from Identitas; a gap to fill for each
    missing one."""
    block = w.paragraph()
    block.paragraph_format.left_indent = w.doc.sections[0].page_width // 3
    typed_tempat = w.inputs.setting("tempat_laporan")
    tempat = str(typed_tempat).strip() if typed_tempat is not None else ""
    if not tempat and w.ctx.pemda_short:  # "Kota Binjai": Binjai
        tempat = w.ctx.pemda_short.split(" ", 1)[-1]
    block.add_run(f"{tempat}, " if tempat else "")
    typed = w.inputs.setting("tanggal_laporan")
    signed = parse_tanggal(typed) if typed is not None else None
    if signed is not None:
        block.add_run(tanggal_id(signed))
    else:
        placeholder(block, "tanggal penandatanganan (identitas.xlsx, sheet Pengaturan)")
    rows = [
        (w.inputs.identitas("jabatan"), "jabatan kepala"),
        (None, ""),
        (w.inputs.identitas("kepala"), "nama kepala"),
        (w.inputs.identitas("nip"), "NIP kepala"),
    ]
    for value, missing in rows:
        block.add_run().add_break()
        if value:
            text = f"NIP. {value}" if missing == "NIP kepala" else str(value)
            run = block.add_run(text.upper() if missing == "jabatan kepala" else text)
            run.bold = missing == "nama kepala" or None
        elif missing:
            placeholder(block, missing)
        else:
            block.add_run().add_break()


def _list_anchor(w: Writer, title: str) -> Paragraph:
    """A titled page whose list is written once the body's headings are known."""
    _centered(w, title, 14, new_page=True)
    return w.paragraph()


def _ikhtisar(w: Writer) -> None:
    w.heading("IKHTISAR EKSEKUTIF", 1)
    w.paragraph(
        f"Ikhtisar ini merangkum capaian kinerja {w.ctx.subject} tahun {w.ctx.tahun} "
        "sebagaimana diuraikan dalam Bab III."
    )
    _headline_table(w)
    w.sentences(_all_sentences(w))


def _headline_table(w: Writer) -> None:
    """The Ringkasan's "Angka utama" block, cell for cell."""
    sheet = next((s for s in w.built.model.sheets if s.name == RINGKASAN), None)
    if sheet is None:
        return
    start = next(
        (r for (r, c), s in sheet.slots.items() if c == 0 and s.content == "Angka utama"), None
    )
    if start is None:
        return
    rows = []
    row = start + 1
    while any(sheet.slots.get((row, c)) for c in range(4)):
        rows.append([sheet.slots.get((row, c)) for c in range(4)])
        row += 1
    table = w.doc.add_table(rows=len(rows), cols=4)
    table.style = w.doc.styles["Table Grid"]
    for word_row, cells in zip(table.rows, rows, strict=True):
        for word_cell, slot in zip(word_row.cells, cells, strict=True):
            if slot is not None:
                text = cell_text(slot.value(), slot.style.num_format)
                word_cell.paragraphs[0].add_run(text).bold = slot.style.bold or None
    w.paragraph()


def _all_sentences(w: Writer) -> list[str]:
    return kinerja_sentences(w.ctx) + anggaran_sentences(w.ctx) + layanan_sentences(w.ctx)


def _bab(w: Writer, number: int) -> None:
    new_section = w.landscape
    w.orientation(False)
    heading = w.heading(f"BAB {ROMAN[number]} {TITLES[number]}", 1)
    if new_section:  # the section break has started the page already
        heading.paragraph_format.page_break_before = False


def _letters() -> Iterable[str]:
    return iter("ABCDEFGHIJKLMNOPQRSTUVWXYZ")


def _bab_1(w: Writer) -> None:
    _bab(w, 1)
    letter = _letters()
    for bagian in (narasi.LATAR_BELAKANG, narasi.TUGAS_FUNGSI, narasi.STRUKTUR_ORGANISASI):
        w.heading(f"{next(letter)}. {bagian}", 2)
        w.staff_text(w.staff.get(bagian), f"{bagian.lower()} (narasi.xlsx, sheet Narasi)")
    _table_sections(w, 1, letter)
    for bagian in (narasi.ISU_STRATEGIS, narasi.SISTEMATIKA):
        w.heading(f"{next(letter)}. {bagian}", 2)
        w.staff_text(w.staff.get(bagian), f"{bagian.lower()} (narasi.xlsx, sheet Narasi)")


def _table_sections(w: Writer, chapter: int, letter: Iterable[str]) -> None:
    """Each section of the chapter that has a produced table; the others left out."""
    for title, keys in SECTIONS.get(chapter, ()):
        specs = w.tables(chapter, keys)
        if specs:
            w.orient_for(specs)
            w.heading(f"{next(letter)}. {title}", 2)
            for spec in specs:
                w.table(spec)


def _bab_2(w: Writer) -> None:
    _bab(w, 2)
    letter = _letters()
    w.heading(f"{next(letter)}. {narasi.VISI_MISI}", 2)
    w.staff_text(w.staff.get(narasi.VISI_MISI), "visi dan misi (narasi.xlsx, sheet Narasi)")
    _table_sections(w, 2, letter)
    rest = [s for s in plan_of(w.inputs).tables if s.chapter == 2 and s.key not in w.placed]
    if rest:
        w.heading(f"{next(letter)}. Data Perencanaan Lainnya", 2)
        for spec in rest:
            w.table(spec)
    w.sentences(not_made(w.inputs, "anggaran_murni" in w.placed))


def _bab_3(w: Writer) -> None:
    _bab(w, 3)
    w.heading("A. Capaian Kinerja Organisasi", 2)
    for spec in w.tables(3, BAB3_KINERJA):
        w.table(spec)
    _per_sasaran(w)
    evidence = [
        s
        for s in plan_of(w.inputs).tables
        if s.chapter == 3 and s.key not in w.placed and s.key not in BAB3_ANGGARAN
    ]
    if evidence:
        w.orient_for(evidence)
        w.heading("Data Pendukung Capaian Kinerja", 3)
        for spec in evidence:
            w.table(spec)
        w.orientation(False)
    budget = w.tables(3, BAB3_ANGGARAN)
    if budget:
        w.orient_for(budget)
        w.heading("B. Realisasi Anggaran", 2)
        for spec in budget:
            w.table(spec)
        w.sentences(anggaran_sentences(w.ctx))  # under the last table, not on a page alone


OVERALL = "Capaian Kinerja Organisasi secara Keseluruhan"
"""The heading of the sentences on every sasaran together, after the last sasaran."""
STAFF_ANALYSIS = (
    ("penyebab", "Penyebab keberhasilan/kegagalan"),
    ("kendala", "Kendala/hambatan"),
    ("solusi", "Solusi/langkah antisipatif"),
)


def _per_sasaran(w: Writer) -> None:
    """Per sasaran, the analyses PermenPANRB 53/2014 asks for: target against
    realisasi, against last year, against the Renstra's end target, against a national
    standard (each from the tables), then the staff's causes, obstacles and solutions,
    then the efficiency of resources and the programs behind the result (sumber_daya)."""
    iku = w.built.results.get("capaian_iku")
    if iku is None:
        return
    w.orientation(False)
    said = kinerja_sentences(w.ctx)
    last_year = by_sasaran(w.sheet_of(perbandingan_tahun_lalu))
    renstra = renstra_rows(w.sheet_of(target_renstra), w.inputs.records(RENSTRA))
    links = renstra_links(w.inputs)
    compared: set[int] = set()
    evidence = evidence_by_sasaran(plan_of(w.inputs), [r.record for r in iku.rows])
    for number, row in enumerate(iku.sasaran, start=1):
        name = str(row.sasaran or "").strip()
        if not name:
            continue
        key = identity_text(name)
        staff = w.per_sasaran.get(key)
        w.heading(f"Sasaran {number}: {name}", 3)
        _part(w, "Target dan realisasi", [line for line in said if f'"{name}"' in line])
        if key in last_year:
            _part(w, "Dibandingkan tahun lalu", versus_last_year(last_year[key], w.inputs, iku))
        if renstra:
            compared.update(_versus_renstra(w, iku, name, links, renstra))
        _standar(w, key)
        _evidence(w, evidence.get(key, []))
        for column, label in STAFF_ANALYSIS:
            w.paragraph().add_run(label).bold = True
            w.staff_text(
                staff.get(column) if staff else None,
                f"{label.lower()} sasaran ini (narasi.xlsx, sheet Narasi Sasaran)",
            )
        for label, lines in sumber_daya(w.ctx, row):
            _part(w, label, lines)
    closing = [line for line in said if not any(f'"{r.sasaran}"' in line for r in iku.sasaran)]
    if closing:
        w.heading(OVERALL, 3)
        w.sentences(closing)
    _renstra_elsewhere(w, [r for at, r in renstra.items() if at not in compared])


def _versus_renstra(
    w: Writer, iku: Any, name: str, links: dict[str, Any], renstra: dict[int, Row]
) -> list[int]:
    """Analysis (3) of one sasaran, from the Renstra rows its indicators link to, or
    plainly none; the rows compared."""
    key = identity_text(name)
    indicators = [r.record for r in iku.rows if identity_text(r.record.get("sasaran")) == key]
    found = renstra_of_sasaran(indicators, name, links, renstra)
    rows = [renstra[at] for at in found]
    said = versus_renstra(rows, w.inputs) if rows else [no_renstra_row(w.inputs)]
    unlinked = unlinked_indicators(w.inputs, indicators, links) if rows else None
    _part(w, "Dibandingkan target akhir Renstra", said + ([unlinked] if unlinked else []))
    return found


def _evidence(w: Writer, specs: list[TableSpec[Any]]) -> None:
    """The evidence tables the sasaran's indicators name (Bukti Dukung), with their
    charts and sentences; the page turns back upright for the staff's analyses."""
    if not specs:
        return
    w.orient_for(specs)
    w.paragraph().add_run("Data dukung capaian sasaran").bold = True
    for spec in specs:
        w.table(spec)
    w.orientation(False)


def _renstra_elsewhere(w: Writer, rows: list[Row]) -> None:
    """The Renstra rows that no IKU sasaran's indicators link to: their end-target
    comparisons in a section of their own, under the Renstra's own sasaran wording."""
    if not rows:
        return
    w.heading("Capaian terhadap Target Akhir Renstra", 3)
    for group in grouped(rows).values():
        w.paragraph().add_run(group[0].sasaran).bold = True
        w.sentences(versus_renstra(group, w.inputs))


def _part(w: Writer, label: str, lines: list[str]) -> None:
    if lines:
        w.paragraph().add_run(label).bold = True
        w.sentences(lines)


def _standar(w: Writer, key: str) -> None:
    """Each indicator against its national standard (value and source), or plainly none."""
    records = [r.record for r in w.built.results["capaian_iku"].rows]
    own = [r for r in records if identity_text(str(r.get("sasaran") or "")) == key]
    cited = w.ctx.label(standar_nasional)
    result = w.built.results.get(standar_nasional.key)
    _part(w, "Dibandingkan standar nasional", versus_standard(own, w.inputs, result, cited))


def _bab_4(w: Writer) -> None:
    _bab(w, 4)
    w.heading("A. Kesimpulan", 2)
    lines = _all_sentences(w)
    if lines:
        for line in lines:
            w.paragraph(line, "List Bullet")
    else:
        w.paragraph("Tidak ada tabel capaian yang disusun, sehingga tidak ada kesimpulan angka.")
    w.heading(f"B. {narasi.PENUTUP}", 2)
    w.staff_text(w.staff.get(narasi.PENUTUP), "langkah ke depan (narasi.xlsx, sheet Narasi)")
