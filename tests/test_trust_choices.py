"""Templates speak the office's language (issue 18): the labels the report prints and
the usual spellings are read as the canonical choice, a list carried over by `init --dari`
is one finding, a core office's templates hold nothing of modules it lacks, and Tabel 2.1
finds a Renstra row as the Petunjuk says."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from tests.helpers import findings_of, run_cli, set_cells
from xlkip import api
from xlkip.read.cells import choice_spellings, loose_choice_key
from xlkip.schema import TEMPLATES, template_for
from xlkip.schema.base import Kind, TableSheet
from xlkip.schema.kinerja import IKU
from xlkip.schema.sdm import PEGAWAI
from xlkip.tables import registry

S = "sdm.xlsx"
INFO = "pilihan_dibaca_sebagai"


def _choice_items(tahun: int = 2024):
    for kind in TEMPLATES:
        for sheet in template_for(kind, tahun).sheets:
            items = sheet.columns if isinstance(sheet, TableSheet) else sheet.fields
            for item in items:
                if item.kind is Kind.CHOICE or getattr(item, "choice_aliases", ()):
                    yield f"{kind}/{sheet.name}/{item.key}", item


@pytest.mark.parametrize(("name", "item"), list(_choice_items()))
def test_every_spelling_names_one_choice(name: str, item) -> None:
    """An alias names a choice of its own column, and no two choices or aliases of a
    column meet once case, spaces and separators are ignored."""
    canonical_keys = [loose_choice_key(c) for c in item.choices]
    assert len(set(canonical_keys)) == len(canonical_keys), name
    seen: dict[str, str] = {}
    for other, canonical in item.choice_aliases:
        assert canonical in item.choices, (name, other)
        key = loose_choice_key(other)
        assert seen.setdefault(key, canonical) == canonical, (name, other)
        assert key not in canonical_keys or item.choices[canonical_keys.index(key)] == canonical
    assert choice_spellings(item.choices, item.choice_aliases)


TYPED_FROM_LAST_YEAR = {
    # cell: (typed, stored)
    "E4": ("SMA", "SMA/SMK"),
    "E5": ("S1/D4", "S1"),
    "E6": ("D-III", "D3"),
    "E7": ("s-2", "S2"),
    "E8": ("SLTA", "SMA/SMK"),
    "E9": ("D-IV", "D4"),
    "E10": ("S 3", "S3"),
    "E11": ("SLTP", "SMP"),
    "D12": ("L", "Laki-laki"),
    "D13": ("wanita", "Perempuan"),
    "C14": ("III a", "III/a"),
    "C15": ("3/b", "III/b"),
    "B16": ("PNS", "ASN"),
    "F22": ("Jabatan Pelaksana", "Pelaksana"),  # as Tabel 1.5 prints it
    "F5": ("Administrator", "Eselon III"),
}


def test_sdm_typed_from_last_years_table_compiles(example: Path) -> None:
    typed = {cell: typed for cell, (typed, _) in TYPED_FROM_LAST_YEAR.items()}
    set_cells(example / S, "Pegawai", typed)
    findings = [f for f in findings_of(example) if f[2] == S]
    assert sorted(findings, key=lambda f: f[4]) == sorted(
        [("info", INFO, S, "Pegawai", cell) for cell in TYPED_FROM_LAST_YEAR],
        key=lambda f: f[4],
    )
    result = api.check(example)
    stored = {r.row: r for r in result.inputs.records(PEGAWAI)}
    for cell, (_, canonical) in TYPED_FROM_LAST_YEAR.items():
        key = {
            "B": "status",
            "C": "golongan",
            "D": "jenis_kelamin",
            "E": "pendidikan",
            "F": "jabatan",
        }[cell[0]]
        assert stored[int(cell[1:])].get(key) == canonical, cell
    (said,) = [f for f in result.report.findings if f.sel == "E5" and f.file == S]
    assert said.pesan.startswith("'S1/D4' pada kolom 'Pendidikan Terakhir' dibaca sebagai 'S1'.")


def test_a_stray_character_is_still_not_a_choice(example: Path) -> None:
    set_cells(example / S, "Pegawai", {"E4": "SMA!", "C5": "III/e"})
    findings = [f for f in findings_of(example) if f[2] == S]
    assert findings == [
        ("error", "pilihan_tidak_dikenal", S, "Pegawai", "E4"),
        ("error", "pilihan_tidak_dikenal", S, "Pegawai", "C5"),
    ]


def test_pppk_golongan_as_the_report_prints_it(tmp_path: Path) -> None:
    """A fresh `xlkip init --modul sdm`, its Pegawai typed with PPPK rows as Tabel 1.1
    prints them ("PPPK IX") and the usual spellings."""
    folder = tmp_path / "dinkes"
    code, _ = run_cli("init", folder, "--tahun", "2025", "--modul", "sdm")
    assert code == 0
    rows = [
        ("P3K", "PPPK IX", "P", "S-1", "Fungsional"),
        ("PPPK", "XVII", "Perempuan", "S1", "Fungsional"),
        ("PPPK", 5, "Laki-laki", "D III", "Pelaksana"),
        ("ASN", "IV/e", "Laki-laki", "S2", "Eselon II"),
        ("THL", None, "L", "SMK", "Staf Administrasi"),
    ]
    workbook = openpyxl.load_workbook(folder / S)
    sheet = workbook["Pegawai"]
    for offset, row in enumerate(rows):
        for col, value in enumerate(row, start=2):
            sheet.cell(row=4 + offset, column=col, value=value)
    workbook.save(folder / S)
    result = api.check(folder)
    sdm = [f for f in result.report.sorted() if f.file == S]
    assert [(f.tingkat.value, f.kode, f.sel) for f in sdm] == [
        ("info", INFO, "B4"),
        ("info", INFO, "C4"),
        ("info", INFO, "D4"),
        ("info", INFO, "E4"),
        ("info", INFO, "C6"),
        ("info", INFO, "E6"),
        ("info", INFO, "B8"),
        ("info", INFO, "D8"),
        ("info", INFO, "E8"),
    ]
    stored = [
        tuple(r.get(k) for k in ("status", "golongan", "jenis_kelamin", "pendidikan"))
        for r in result.inputs.records(PEGAWAI)
    ]
    assert stored == [
        ("PPPK", "IX", "Perempuan", "S1"),
        ("PPPK", "XVII", "Perempuan", "S1"),
        ("PPPK", "V", "Laki-laki", "D3"),
        ("ASN", "IV/e", "Laki-laki", "S2"),
        ("Non ASN", None, "Laki-laki", "SMA/SMK"),
    ]


def test_a_setting_typed_without_the_special_signs(example: Path) -> None:
    set_cells(
        example / "identitas.xlsx",
        "Pengaturan",
        {"B14": "1 - (realisasi anggaran / capaian kinerja)"},
    )
    result = api.check(example)
    assert result.inputs.setting("rumus_efisiensi") == "1 − (realisasi anggaran ÷ capaian kinerja)"
    said = [
        (f.tingkat.value, f.kode, f.sheet, f.sel)
        for f in result.report.findings
        if f.file == "identitas.xlsx"
    ]
    assert said == [("info", INFO, "Pengaturan", "B14")]


D = "Indeks Daerah Lain"


@pytest.fixture(scope="module")
def rolled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("dari")
    api.init_templates(base / "2024", with_example=True)
    code, output = run_cli("init", base / "2025", "--dari", base / "2024")
    assert code == 0, output
    return base / "2025"


def _province_findings(folder: Path) -> list[tuple]:
    return [f for f in findings_of(folder) if f[2] == "spbe.xlsx" and f[3] == D]


def test_a_carried_province_list_is_one_finding(rolled: Path, tmp_path: Path) -> None:
    assert _province_findings(rolled) == [
        # A range sorts by its first cell: row 4 before row 12.
        ("peringatan", "daftar_daerah_belum_diperbarui", "spbe.xlsx", D, "C4:C35"),
        ("peringatan", "baris_ganda", "spbe.xlsx", D, "A12"),  # last year's repeat
    ]
    result = api.check(rolled)
    (said,) = [f for f in result.report.findings if f.kode == "daftar_daerah_belum_diperbarui"]
    assert "daftar tahun lalu (disalin oleh xlkip init --dari)" in said.pesan
    assert "Ketik Indeks SPBE tahun 2025 tiap daerah" in said.pesan
    # Last year's names without an index are not a ranking to print.
    from xlkip.tables.spbe import peringkat_spbe

    assert registry.label(result.inputs, peringkat_spbe) is None


def test_a_province_list_updated_halfway_names_each_missing_index(
    rolled: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "2025"
    folder.mkdir()
    for path in rolled.iterdir():
        (folder / path.name).write_bytes(path.read_bytes())
    set_cells(folder / "spbe.xlsx", D, {"C4": 2.5})
    found = _province_findings(folder)
    assert ("peringatan", "daftar_daerah_belum_diperbarui", "spbe.xlsx", D, "C4:C35") not in found
    missing = [f[4] for f in found if f[1] == "wajib_kosong"]
    assert len(missing) == 30 and "C4" not in missing


def _texts(path: Path) -> str:
    """Every cell, dropdown and cell note of a workbook, as staff can see them."""
    workbook = openpyxl.load_workbook(path)
    seen = []
    for ws in workbook.worksheets:
        seen += [str(c.value) for row in ws.iter_rows() for c in row if c.value is not None]
        for v in ws.data_validations.dataValidation:
            seen += [str(v.formula1), str(v.prompt)]
    return "\n".join(seen)


def _dropdown(path: Path, sheet: str, cell: str) -> str | None:
    ws = openpyxl.load_workbook(path)[sheet]
    lists = [v for v in ws.data_validations.dataValidation if v.type == "list"]
    return next((v.formula1 for v in lists if cell in str(v.sqref).split(":")[0]), None)


@pytest.fixture(scope="module")
def health_office(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("dinkes") / "inputs"
    code, output = run_cli("init", folder, "--tahun", "2025", "--modul", "sdm")
    assert code == 0, output
    return folder


KOMINFO_WORDS = ("SPBE", "Pemerintah Digital", "Informasi", "Titik", "Liputan", "Programmer")


def test_a_core_office_sees_nothing_of_modules_it_lacks(health_office: Path) -> None:
    for name in ("identitas.xlsx", "kinerja.xlsx", "anggaran.xlsx", "sdm.xlsx"):
        texts = _texts(health_office / name)
        if name == "identitas.xlsx":  # Identitas names the module only as a condition
            texts = texts.replace("bila ada modul spbe", "")
        if name == "kinerja.xlsx":  # Bukti Dukung says which modules would fill it
            texts = texts.replace("modul spbe, informasi atau pengaduan", "")
        assert not [w for w in KOMINFO_WORDS if w.casefold() in texts.casefold()], name
    assert _dropdown(health_office / "kinerja.xlsx", "IKU", "C4") == '"%,Indeks,Dokumen,OPD,Orang"'
    assert _dropdown(health_office / "sdm.xlsx", "Pegawai", "F4") == (
        '"Eselon II,Eselon III,Eselon IV,Fungsional,Pelaksana,Staf Administrasi,Operator"'
    )
    # Its Pengaturan holds no index band, and nothing asks for one.
    pengaturan = openpyxl.load_workbook(health_office / "identitas.xlsx")["Pengaturan"]
    labels = [c.value for c in pengaturan["A"][3:] if c.value]
    assert labels == [
        "Isian",
        "Batas bawah Sangat Tinggi",
        "Batas bawah Tinggi",
        "Batas bawah Sedang",
        "Batas bawah Rendah",
        "Batas atas capaian",
        "Rumus efisiensi anggaran",
        "Tanggal penandatanganan laporan",
        "Tempat penandatanganan laporan",
        "Batas penyampaian laporan",
    ]
    assert not [f for f in findings_of(health_office) if f[3] == "Pengaturan"]


def test_bukti_dukung_of_a_core_office_says_why_it_has_no_choices(health_office: Path) -> None:
    petunjuk = openpyxl.load_workbook(health_office / "kinerja.xlsx")["Petunjuk"]
    (row,) = [r for r in petunjuk.iter_rows(values_only=True) if r[0] == "Bukti Dukung"]
    assert row[2] == "pilihan"
    said = (
        "Kolom ini ada, tetapi tanpa pilihan di kantor ini: bukti dukung yang dihitung xlkip "
        "berasal dari modul spbe, informasi atau pengaduan, dan template kantor ini tidak "
        "memuat modul itu. Kosongkan kolom ini."
    )
    assert row[4] == said
    # The cell's own note says the same (Excel keeps 255 characters of it).
    iku = openpyxl.load_workbook(health_office / "kinerja.xlsx")["IKU"]
    assert iku["H3"].value == "Bukti Dukung"
    notes = [v.prompt for v in iku.data_validations.dataValidation if "H4" in v.sqref]
    assert notes == [said]


def test_bukti_dukung_typed_as_a_data_source_does_not_stop_the_report(example: Path) -> None:
    """Staff read "Bukti Dukung" as where the figure comes from (Dapodik): the optional
    column cannot use it, so it is left out with a peringatan at the cell, not an error."""
    set_cells(example / "kinerja.xlsx", "IKU", {"H4": "Dapodik"})
    result = api.check(example)
    (found,) = [f for f in result.report.findings if f.sel == "H4"]
    assert (found.tingkat, found.kode, found.sheet) == (
        "peringatan",
        "pilihan_tidak_dikenal",
        "IKU",
    )
    assert found.pesan.startswith(
        "'Dapodik' bukan pilihan kolom 'Bukti Dukung' (yang dikenal: Indeks SPBE, "
    )
    assert found.pesan.endswith(
        "jadi isian ini diabaikan. Kolom ini opsional: kosongkan sel "
        "ini, atau pilih dari daftar bila realisasinya dihitung xlkip dari tabel itu."
    )
    assert result.report.valid
    assert result.inputs.records(IKU)[0].get("bukti") is None


def test_a_kominfo_office_keeps_its_suggestions_and_bands(tmp_path: Path) -> None:
    folder = tmp_path / "kominfo"
    code, _ = run_cli("init", folder, "--tahun", "2025", "--kominfo", "--modul", "sdm")
    assert code == 0
    assert _dropdown(folder / "kinerja.xlsx", "IKU", "C4") == (
        '"%,Indeks,Informasi,Aplikasi,Dokumen,Titik,OPD,Orang"'
    )
    assert "Tenaga Liputan,Operator,Programmer" in _dropdown(folder / "sdm.xlsx", "Pegawai", "F4")
    pengaturan = openpyxl.load_workbook(folder / "identitas.xlsx")["Pengaturan"]
    assert "Indeks SPBE terendah Memuaskan" in [c.value for c in pengaturan["A"]]
    assert not [f for f in findings_of(folder) if f[3] == "Pengaturan"]


def test_a_module_added_later_reads_the_bands_a_core_office_never_had(
    health_office: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "inputs"
    folder.mkdir()
    for path in health_office.iterdir():
        (folder / path.name).write_bytes(path.read_bytes())
    code, _ = run_cli("init", tmp_path / "spbe", "--tahun", "2025", "--modul", "spbe")
    assert code == 0
    (folder / "spbe.xlsx").write_bytes((tmp_path / "spbe" / "spbe.xlsx").read_bytes())
    pengaturan = openpyxl.load_workbook(folder / "identitas.xlsx")["Pengaturan"]
    assert not [c.value for c in pengaturan["A"] if "terendah" in str(c.value)]
    result = api.check(folder)
    assert "spbe" in result.inputs.templates
    assert not [f for f in result.report.findings if f.sheet == "Pengaturan"]
    assert result.inputs.setting("spbe_memuaskan") == 4.2


K = "kinerja.xlsx"
DATA_STATISTIK = "Persentase data statistik sektoral yang terpublikasi"


def _same_name_in_renstra(folder: Path) -> str:
    """The 4th IKU (row 7) without its typed Target Renstra; the Renstra row 5 renamed to
    it (as typed elsewhere: other case and spaces), its 'Sama dengan IKU' left empty."""
    name = openpyxl.load_workbook(folder / K)["IKU"]["B7"].value
    set_cells(folder / K, "IKU", {"J7": None})
    set_cells(folder / K, "Renstra", {"B5": "  " + name.upper(), "I5": "45%", "L5": None})
    return name


def test_tabel_2_1_finds_the_renstra_row_by_name(example: Path, tmp_path: Path) -> None:
    _same_name_in_renstra(example)
    assert not [f for f in findings_of(example) if f[1] == "target_renstra_tidak_ada"]
    result = api.compile_folder(example, tmp_path / "lkjip.xlsx")
    ws = openpyxl.load_workbook(result.output, data_only=True)["Tabel 2.1"]
    rows = [tuple(c.value for c in row) for row in ws.iter_rows() if any(c.value for c in row)]
    assert [r[4] for r in rows[2:7]] == [2.98, 0.15, 0.70, 0.45, 0.70]


@pytest.mark.parametrize("yes", ["Ya", " ya ", "✓"])
def test_ya_in_sama_dengan_iku_names_the_rows_own_indicator(example: Path, yes: str) -> None:
    """Staff answer the column's question ("the same as an IKU?") with Ya: the row is the
    IKU of its own name, found as if the column were empty."""
    _same_name_in_renstra(example)
    set_cells(example / K, "Renstra", {"L5": yes})
    findings = findings_of(example)
    assert not [f for f in findings if f[1] in ("target_renstra_tidak_ada", "iku_tidak_ditemukan")]
    lke = {h.kriteria.id: h.status for h in api.check(example).lke.hasil}
    assert "Persentase data statistik" not in lke["3.b.4"].why


def test_a_row_named_for_another_iku_is_not_taken_by_name(example: Path) -> None:
    name = _same_name_in_renstra(example)
    other = openpyxl.load_workbook(example / K)["IKU"]["B4"].value
    set_cells(example / K, "Renstra", {"L5": other})
    result = api.check(example)
    said = [f for f in result.report.findings if f.kode == "target_renstra_tidak_ada"]
    assert [(f.sheet, f.sel) for f in said] == [("IKU", "J7")]
    assert name in said[0].pesan
    assert "tidak ada baris sheet Renstra dengan nama indikator yang sama" in said[0].pesan


def test_a_list_not_updated_does_not_stop_the_report(example: Path, tmp_path: Path) -> None:
    from xlkip.tables.spbe import peringkat_spbe

    before = registry.plan(api.check(example).inputs)
    assert peringkat_spbe in before.tables
    set_cells(example / "spbe.xlsx", D, {f"C{row}": None for row in range(4, 36)})
    result = api.compile_folder(example, tmp_path / "lkjip.xlsx")
    assert result.output is not None and result.output.exists()
    said = [(f.tingkat.value, f.kode) for f in result.report.findings if f.sheet == D]
    assert said == [("peringatan", "baris_ganda"), ("peringatan", "daftar_daerah_belum_diperbarui")]
    assert registry.label(result.inputs, peringkat_spbe) is None
    sheets = openpyxl.load_workbook(result.output, read_only=True).sheetnames
    tables = [name for name in sheets if name.startswith("Tabel ")]
    assert len(tables) == len(before.tables) - 1


def test_excel_lets_the_other_spellings_through(health_office: Path) -> None:
    """Excel's own check of a closed list stops what is not in it: a list xlkip reads
    other spellings of warns instead, naming some, so "SMA" can be typed."""
    ws = openpyxl.load_workbook(health_office / S)["Pegawai"]
    rules = {str(v.sqref).split(":")[0]: v for v in ws.data_validations.dataValidation}
    pendidikan, status = rules["E4"], rules["B4"]
    assert (pendidikan.type, pendidikan.errorStyle) == ("list", "warning")
    assert "(mis. SD/MI, SLTP, SMA) dibaca sebagai pilihannya" in pendidikan.error
    assert status.errorStyle == "warning" and "PNS" in status.error
    petunjuk = openpyxl.load_workbook(health_office / S)["Petunjuk"]
    (row,) = [r for r in petunjuk.iter_rows(values_only=True) if r[0] == "Pendidikan Terakhir"]
    assert row[4].endswith("S3 (ejaan lain juga dikenali, mis. SD/MI, SLTP, SMA)")


def test_one_info_per_column_and_spelling(example: Path) -> None:
    """A list of 40 people typed "L" and "PNS" is a few infos, not one per cell: each
    names its range (or its first cell) and says how many cells it speaks for."""
    typed = {f"B{row}": "PNS" for row in range(4, 16)}
    typed |= {"D4": "L", "D5": "L", "D7": "L", "D6": "P", "E4": "S-1", "E5": "S-1", "E6": "S 1"}
    set_cells(example / S, "Pegawai", typed)
    result = api.check(example)
    said = {f.sel: f.pesan for f in result.report.sorted() if f.file == S}
    assert [f for f in findings_of(example) if f[2] == S] == [
        ("info", INFO, S, "Pegawai", sel) for sel in ("B4:B15", "D4", "E4:E5", "D6", "E6")
    ]
    assert said["B4:B15"].startswith(
        "'PNS' pada kolom 'Status Pegawai' di 12 sel (B4:B15) dibaca sebagai 'ASN'."
    )
    assert said["D4"].startswith(
        "'L' pada kolom 'Jenis Kelamin' di 3 sel (D4:D5, D7) dibaca sebagai 'Laki-laki'."
    )
    assert said["D6"].startswith("'P' pada kolom 'Jenis Kelamin' dibaca sebagai 'Perempuan'.")
    assert said["E6"].startswith("'S 1' pada kolom 'Pendidikan Terakhir' dibaca sebagai 'S1'.")
    stored = {r.row: r for r in result.inputs.records(PEGAWAI)}
    assert {stored[row].get("status") for row in range(4, 16)} == {"ASN"}
    assert [stored[row].get("jenis_kelamin") for row in (4, 5, 6, 7)] == [
        "Laki-laki",
        "Laki-laki",
        "Perempuan",
        "Laki-laki",
    ]


def test_many_runs_of_one_spelling_list_the_first_few(example: Path) -> None:
    set_cells(example / S, "Pegawai", {f"D{row}": "L" for row in range(4, 20, 2)})
    (said,) = [f for f in api.check(example).report.findings if f.file == S]
    assert said.sel == "D4"
    assert "di 8 sel (D4, D6, D8, D10, D12, dan lainnya)" in said.pesan
