"""Make every picture of the guides from the built-in example: `python docs/gambar.py`.

Needs LibreOffice (soffice), pdftoppm and pdftotext (poppler-utils) and ImageMagick's
`convert`. It runs xlkip as staff do (init --contoh, compile --pdf, rekap, impor-anggaran),
prints one sheet per PDF through LibreOffice, and keeps one page of each as a PNG in
docs/gambar/. Run it again whenever the templates or the output change, and commit the
pictures; tests/test_docs.py checks that the guides and docs/gambar/ agree.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "gambar"
DPI = 120
"""Readable on a screen, small in the repository (the whole folder stays under ~3 MB)."""

# Calc prints numbers by the "system" locale; this makes them Indonesian (9.475.869.588)
# on any machine, as xlkip's own PDF does.
_PROFILE = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry"
           xmlns:xs="http://www.w3.org/2001/XMLSchema"
           xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <item oor:path="/org.openoffice.Setup/L10N">
    <prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>id-ID</value></prop>
  </item>
</oor:items>
"""


@dataclass(frozen=True)
class Sheet:
    """One sheet of a template (or of another workbook) to picture."""

    workbook: str
    sheet: str
    name: str
    columns: tuple[int, ...] = ()
    """The columns shown (1 = A); all when empty. A wide sheet is pictured in parts."""


TEMPLATE_SHEETS = (
    Sheet("kinerja", "Petunjuk", "template-petunjuk"),
    Sheet("identitas", "Identitas", "template-identitas"),
    Sheet("identitas", "Pengaturan", "template-pengaturan"),
    Sheet("kinerja", "IKU", "template-iku", (1, 2, 3, 4, 5, 6, 7, 8)),
    Sheet("kinerja", "IKU", "template-iku-bab-2", (1, 2, 9, 10, 11, 12, 13, 14)),
    Sheet("kinerja", "Renstra", "template-renstra"),
    Sheet("anggaran", "Realisasi Anggaran", "template-realisasi-anggaran"),
    Sheet("anggaran", "DPA Murni", "template-dpa-murni"),
    Sheet("sdm", "Pegawai", "template-pegawai"),
    Sheet("spbe", "Nilai Aspek", "template-nilai-aspek"),
    Sheet("spbe", "Indeks Tahun Lalu", "template-indeks-tahun-lalu"),
    Sheet("spbe", "Indeks Daerah Lain", "template-indeks-daerah-lain"),
    Sheet("aplikasi", "Tenaga Programmer", "template-tenaga-programmer"),
    Sheet("aplikasi", "Aplikasi dan Website", "template-aplikasi-website"),
    Sheet("informasi", "Mitra Media", "template-mitra-media"),
    Sheet("informasi", "Publikasi", "template-publikasi"),
    Sheet("pengaduan", "Pengaduan", "template-pengaduan"),
)

OUTPUT_PAGES = (
    # (picture, text that starts a line of the page in the compiled PDF)
    ("hasil-ringkasan", "RINGKASAN "),
    ("hasil-tabel-1-1", "TABEL 1.1 "),
    ("hasil-tabel-2-3", "TABEL 2.3 "),
    ("hasil-tabel-3-2", "TABEL 3.2 "),
    ("hasil-tabel-3-5", "TABEL 3.5 "),
    ("hasil-tabel-3-16", "TABEL 3.16 "),
    ("hasil-grafik-anggaran", "Anggaran dan Realisasi per Program"),
    ("hasil-temuan-validasi", "TEMUAN VALIDASI "),
)

DOCUMENT_PAGES = (
    # (picture, text that starts a line of the page in the document's PDF, whether the
    # last such page is meant: the Daftar Isi lists every heading first)
    ("dokumen-bab-2", "BAB II PERENCANAAN KINERJA", True),
    ("dokumen-sasaran", "Sasaran 4:", True),
)

REKAP_SHEET = Sheet("rekap", "Rekap OPD", "hasil-rekap-opd")
IMPORT_SHEETS = (
    Sheet("anggaran", "Realisasi Anggaran", "sipd-anggaran"),
    Sheet("anggaran", "Rekonsiliasi", "sipd-rekonsiliasi"),
)


def picture_names() -> list[str]:
    """Every picture this script makes, without making any."""
    return [
        *(s.name for s in TEMPLATE_SHEETS),
        *(name for name, _ in OUTPUT_PAGES),
        REKAP_SHEET.name,
        *(s.name for s in IMPORT_SHEETS),
        *(name for name, _, _ in DOCUMENT_PAGES),
    ]


def run(*command: str | Path, ok: tuple[int, ...] = (0,)) -> str:
    result = subprocess.run(
        [str(part) for part in command], capture_output=True, text=True, check=False
    )
    if result.returncode not in ok:
        sys.exit(f"{' '.join(map(str, command))} failed:\n{result.stdout}{result.stderr}")
    return result.stdout


def xlkip(*args: str | Path, ok: tuple[int, ...] = (0,)) -> str:
    return run(sys.executable, "-m", "xlkip", *args, ok=ok)


def last_used_row(worksheet) -> int:
    """The last row holding a value: templates are pre-sized with blank rows."""
    last = 1
    for row in worksheet.iter_rows():
        if any(cell.value not in (None, "") for cell in row):
            last = row[0].row
    return last


def one_sheet_copy(
    source: Path, sheet: str, target: Path, columns: tuple[int, ...] = (), template: bool = False
) -> Path:
    """A copy of `source` printing only `sheet` (and `columns`), one page wide, up to its
    last row. Other sheets are hidden, not removed: formulas may refer to them. A
    `template`'s wrapped rows get their height (xlkip's outputs carry their own)."""
    from openpyxl import load_workbook
    from openpyxl.utils import get_column_letter

    workbook = load_workbook(source)
    worksheet = workbook[sheet]
    for other in workbook.worksheets:
        other.sheet_state = "visible" if other is worksheet else "hidden"
    workbook.active = workbook.worksheets.index(worksheet)
    if columns:
        show_only(worksheet, columns)
    if template:
        fit_wrapped_rows(worksheet)
    last_column = get_column_letter(worksheet.max_column)
    worksheet.print_area = f"A1:{last_column}{last_used_row(worksheet) + 1}"
    worksheet.page_setup.orientation = "landscape"
    worksheet.page_setup.fitToWidth = 1
    worksheet.page_setup.fitToHeight = 0
    worksheet.sheet_properties.pageSetUpPr.fitToPage = True
    workbook.save(target)
    return target


def fit_wrapped_rows(worksheet) -> None:
    """Give rows of wrapped text the height of their lines. The templates store no row
    heights; Excel fits such rows when it shows them, LibreOffice prints one line."""
    for row in worksheet.iter_rows():
        lines = 1
        for cell in row:
            if not (cell.alignment and cell.alignment.wrap_text) or cell.value is None:
                continue
            width = worksheet.column_dimensions[cell.column_letter].width or 10
            lines = max(lines, -(-len(str(cell.value)) * 11 // (10 * int(width))))
        if lines > 1 and worksheet.row_dimensions[row[0].row].height is None:
            worksheet.row_dimensions[row[0].row].height = 15 * lines


def show_only(worksheet, columns: tuple[int, ...]) -> None:
    """Hide every other column; a width declared for a span of columns is split first."""
    from openpyxl.utils import get_column_letter

    widths = {}
    for dimension in list(worksheet.column_dimensions.values()):
        for column in range(dimension.min or 1, (dimension.max or dimension.min or 1) + 1):
            widths[column] = dimension.width
    worksheet.column_dimensions.clear()
    for column in range(1, worksheet.max_column + 1):
        letter = get_column_letter(column)
        dimension = worksheet.column_dimensions[letter]
        dimension.width = widths.get(column, 10)
        dimension.hidden = column not in columns


def to_pdf(sources: list[Path], out_dir: Path) -> None:
    """Every source to PDF in one LibreOffice run (each run costs seconds to start)."""
    from xlkip.render.libreoffice import find_soffice

    soffice = find_soffice()
    if soffice is None:
        sys.exit("LibreOffice (soffice) is needed: apt-get install libreoffice-calc-nogui")
    with tempfile.TemporaryDirectory(prefix="gambar-lo-") as profile:
        user = Path(profile) / "user"
        user.mkdir(parents=True)
        (user / "registrymodifications.xcu").write_text(_PROFILE, encoding="utf-8")
        run(
            soffice,
            f"-env:UserInstallation={Path(profile).as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            out_dir,
            *sources,
        )


def page_count(pdf: Path) -> int:
    info = run("pdfinfo", pdf)
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


def find_page(pdf: Path, marker: str, last: bool = False) -> int:
    """The first (or `last`) page whose text starts a line with `marker` (a table's title
    line)."""
    pages = range(1, page_count(pdf) + 1)
    for page in reversed(pages) if last else pages:
        text = run("pdftotext", "-layout", "-f", str(page), "-l", str(page), pdf, "-")
        if any(f"{line.strip()} ".startswith(marker) for line in text.splitlines()):
            return page
    sys.exit(f"No page of {pdf.name} starts a line with {marker!r}")


def picture(pdf: Path, page: int, name: str, footer: bool = False, tenths: int = 6) -> Path:
    """One PDF page as docs/gambar/<name>.png, trimmed to its content; `footer` cuts the
    page footer (the bottom `tenths` of an inch) off first, so a short table is not
    pictured with a page of white."""
    stem = pdf.parent / f"{name}-page"
    pages = ["-f", str(page), "-l", str(page)]
    run("pdftoppm", "-r", str(DPI), *pages, "-png", "-singlefile", pdf, stem)
    target = OUT / f"{name}.png"
    chop = ["-gravity", "South", "-chop", f"0x{DPI * tenths // 10}"] if footer else []
    trim = ["-trim", "+repage", "-bordercolor", "white", "-border", "12"]
    run("convert", f"{stem}.png", *chop, *trim, "-strip", "-colors", "256", f"PNG8:{target}")
    return target


def templates(work: Path) -> list[Path]:
    inputs = work / "contoh"
    xlkip("init", "--contoh", inputs)
    sheets = work / "sheets"
    sheets.mkdir()
    copies = [
        one_sheet_copy(
            inputs / f"{s.workbook}.xlsx", s.sheet, sheets / f"{s.name}.xlsx", s.columns, True
        )
        for s in TEMPLATE_SHEETS
    ]
    to_pdf(copies, sheets)
    return [picture(sheets / f"{s.name}.pdf", 1, s.name) for s in TEMPLATE_SHEETS]


def output_pages(work: Path) -> list[Path]:
    hasil = work / "hasil"
    workbook = hasil / "LKjIP.xlsx"
    # --dengan-temuan: the staff guide pictures the Temuan Validasi sheet too.
    options = ("--pdf", "--dengan-temuan", "--format", "baris")
    xlkip("compile", work / "contoh", "-o", workbook, *options)
    pdf = workbook.with_suffix(".pdf")
    return [
        picture(pdf, find_page(pdf, marker), name, footer=True) for name, marker in OUTPUT_PAGES
    ]


def rekap_page(work: Path) -> list[Path]:
    """Three offices: the example, a copy named as another office, and one missing its
    kinerja template (its row says why)."""
    from openpyxl import load_workbook

    opd = work / "opd"
    shutil.copytree(work / "contoh", opd / "dinas_kominfo")
    shutil.copytree(work / "contoh", opd / "dinas_pendidikan")
    identitas = opd / "dinas_pendidikan" / "identitas.xlsx"
    workbook = load_workbook(identitas)
    workbook["Identitas"]["B5"] = "Dinas Pendidikan"
    workbook.save(identitas)
    shutil.copytree(work / "contoh", opd / "dinas_kesehatan")
    (opd / "dinas_kesehatan" / "kinerja.xlsx").unlink()
    identitas = opd / "dinas_kesehatan" / "identitas.xlsx"
    workbook = load_workbook(identitas)
    workbook["Identitas"]["B5"] = "Dinas Kesehatan"
    workbook.save(identitas)
    rekap = work / "rekap" / "Rekap.xlsx"
    xlkip("rekap", opd, "-o", rekap, "--jobs", "1", ok=(0, 1))
    name = REKAP_SHEET.name
    sheet = one_sheet_copy(rekap, REKAP_SHEET.sheet, work / "rekap" / f"{name}.xlsx")
    to_pdf([sheet], sheet.parent)
    return [picture(sheet.with_suffix(".pdf"), 1, name, footer=True)]


def import_pages(work: Path) -> list[Path]:
    """The example's budget as a SIPD per-account download, imported into a template."""
    sys.path.insert(0, str(ROOT))
    from tests.sipd_files import example_flat_rows, write_xlsx

    folder = work / "impor"
    folder.mkdir()
    download = write_xlsx(folder / "statistik_belanja.xlsx", {"Sheet1": example_flat_rows()})
    template = folder / "anggaran.xlsx"
    xlkip("impor-anggaran", download, "-o", template, "--tahun", "2024")
    sheets = [
        one_sheet_copy(template, s.sheet, folder / f"{s.name}.xlsx", template=True)
        for s in IMPORT_SHEETS
    ]
    to_pdf(sheets, folder)
    return [picture(sheet.with_suffix(".pdf"), 1, sheet.stem) for sheet in sheets]


def document_pages(work: Path) -> list[Path]:
    """Pages of the example's Word document (compile --dokumen), printed by LibreOffice
    as the PDF e-SAKIP receives."""
    hasil = work / "dokumen"
    xlkip("compile", "--contoh", "-o", hasil / "LKjIP.xlsx", "--dokumen", "--pdf")
    pdf = next(p for p in hasil.glob("*.pdf") if p.stem != "LKjIP")
    return [
        # The document's bottom margin is 3 cm, its page number inside it.
        picture(pdf, find_page(pdf, marker, last), name, footer=True, tenths=10)
        for name, marker, last in DOCUMENT_PAGES
    ]


PARTS = {
    "templates": templates,
    "hasil": output_pages,
    "rekap": rekap_page,
    "impor": import_pages,
    "dokumen": document_pages,
}
"""`python docs/gambar.py dokumen` makes only the document's pictures; no part named: all."""


def main() -> None:
    for tool in ("pdftoppm", "pdftotext", "pdfinfo", "convert"):
        if shutil.which(tool) is None:
            sys.exit(f"{tool} is needed (poppler-utils, imagemagick)")
    parts = sys.argv[1:] or list(PARTS)
    if unknown := set(parts) - set(PARTS):
        sys.exit(f"Unknown part {sorted(unknown)}; choose from {', '.join(PARTS)}")
    parts = [part for part in PARTS if part in parts]  # templates first: others read them
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="gambar-") as tmp:
        work = Path(tmp)
        if "templates" not in parts and {"hasil", "rekap"} & set(parts):
            xlkip("init", "--contoh", work / "contoh")
        made = [path for part in parts for path in PARTS[part](work)]
    if len(parts) == len(PARTS):
        for stale in set(OUT.glob("*.png")) - set(made):
            stale.unlink()
    total = sum(path.stat().st_size for path in made)
    for path in made:
        print(f"{path.relative_to(ROOT)}  {path.stat().st_size // 1024} KB")
    print(f"{len(made)} pictures, {total / 1e6:.2f} MB")


if __name__ == "__main__":
    main()
