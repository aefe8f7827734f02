"""Blank templates are generated from the schema, and carry what staff need."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl
import pytest

from xlkip import api
from xlkip.read.workbook import SourceWorkbook
from xlkip.schema import TEMPLATES, template_for
from xlkip.schema.base import Kind, TableSheet
from xlkip.schema.writer import HEADER_ROW
from xlkip.templates import MODULES

COMMITTED = Path(__file__).resolve().parent.parent / "input_templates"


def workbook_content(path: Path) -> dict[str, Any]:
    """What a person or the reader sees, ignoring zip and XML byte details."""
    workbook = openpyxl.load_workbook(path)
    content: dict[str, Any] = {
        "props": sorted((p.name, p.value) for p in workbook.custom_doc_props.props),
        "names": sorted((n, d.attr_text) for n, d in workbook.defined_names.items()),
        "title": workbook.properties.title,
    }
    for ws in workbook.worksheets:
        content[ws.title] = {
            "cells": [
                (c.coordinate, c.value, c.number_format, c.protection.locked)
                for row in ws.iter_rows()
                for c in row
                if c.value is not None or not c.protection.locked
            ],
            "validations": sorted(
                (str(v.sqref), v.type, v.formula1, v.errorStyle)
                for v in ws.data_validations.dataValidation
            ),
            "tables": sorted((t.name, t.ref) for t in ws.tables.values()),
            "protected": ws.protection.sheet,
            "freeze": ws.freeze_panes,
            "widths": {k: d.width for k, d in ws.column_dimensions.items()},
        }
    return content


def _marker(path: Path):
    source = SourceWorkbook.open(path)
    try:
        return source.marker
    finally:
        source.close()


def test_committed_templates_are_the_schema(tmp_path: Path) -> None:
    assert sorted(p.name for p in COMMITTED.glob("*.xlsx")) == sorted(
        t.filename for t in TEMPLATES.values()
    )
    tahun = _marker(COMMITTED / "identitas.xlsx").tahun
    api.init_templates(tmp_path, tahun, modules=MODULES)
    for template in TEMPLATES.values():
        committed = COMMITTED / template.filename
        assert _marker(committed).tahun == tahun
        assert workbook_content(tmp_path / template.filename) == workbook_content(committed), (
            f"{template.filename} is stale: run `xlkip init input_templates --tahun {tahun} "
            "--kominfo --modul sdm --modul narasi --modul triwulan --timpa`"
        )


@pytest.fixture(scope="module")
def blank(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("blank")
    api.init_templates(folder, tahun=2024, renstra=(2021, 2026), modules=MODULES)
    return folder


def _bukti_dropdown(folder: Path) -> str | None:
    ws = openpyxl.load_workbook(folder / "kinerja.xlsx")["IKU"]
    lists = [v for v in ws.data_validations.dataValidation if v.type == "list"]
    return next((v.formula1 for v in lists if "H4" in str(v.sqref)), None)


def _petunjuk(folder: Path, name: str) -> str:
    ws = openpyxl.load_workbook(folder / name)["Petunjuk"]
    return "\n".join(str(c.value) for row in ws.iter_rows() for c in row if c.value)


def test_init_writes_the_core_and_the_chosen_modules(tmp_path: Path) -> None:
    core = api.init_templates(tmp_path / "inti", tahun=2025)
    assert [p.name for p in core] == ["identitas.xlsx", "kinerja.xlsx", "anggaran.xlsx"]
    assert _bukti_dropdown(tmp_path / "inti") is None  # no module, no evidence to name
    assert "IKU Satu baris per indikator" not in _petunjuk(tmp_path / "inti", "kinerja.xlsx")
    # a core office's report numbers its tables 3.1 … 3.7 without gaps (3.7, the efficiency
    # per sasaran, when the IKU name their programs)
    assert "Dipakai untuk: Tabel 2.1, 2.2, 2.3, 3.2, 3.3 dan 3.7; Tabel 3.4." in _petunjuk(
        tmp_path / "inti", "kinerja.xlsx"
    )
    assert "Dipakai untuk: Tabel 3.5, 3.6 dan 3.7; Tabel 2.4." in _petunjuk(
        tmp_path / "inti", "anggaran.xlsx"
    )

    chosen = api.init_templates(tmp_path / "dua", tahun=2025, modules=["informasi", "spbe"])
    assert [p.name for p in chosen] == [
        "identitas.xlsx",
        "kinerja.xlsx",
        "anggaran.xlsx",
        "spbe.xlsx",
        "informasi.xlsx",
    ]
    assert _bukti_dropdown(tmp_path / "dua") == '"Indeks SPBE,Jumlah informasi terpublikasi"'
    api.init_templates(tmp_path / "2026", tahun=2026, modules=["spbe"])
    assert _bukti_dropdown(tmp_path / "2026") == '"Indeks Pemerintah Digital"'


def test_init_kominfo_numbers_the_feeds_like_the_seed(blank: Path) -> None:
    # after the seed's 3.17: 3.18 (efficiency per sasaran, from Program Pendukung) and 3.19
    # (realisasi against the national standards of narasi.xlsx)
    assert "Dipakai untuk: Tabel 2.1, 2.2, 2.3, 3.2, 3.13, 3.18 dan 3.19; Tabel 3.14." in _petunjuk(
        blank, "kinerja.xlsx"
    )
    assert (
        "Dipakai untuk: dokumen Word: Bab I Pendahuluan, visi dan misi di Bab II, Bab IV "
        "Penutup; dokumen Word: "
        "analisis setiap sasaran di Bab III; Tabel 3.19 dan dokumen Word: perbandingan dengan "
        "standar nasional di Bab III; dokumen Word: Lampiran."
    ) in _petunjuk(blank, "narasi.xlsx")
    assert "Dipakai untuk: Tabel 1.1, 1.2, 1.3, 1.4 dan 1.5." in _petunjuk(blank, "sdm.xlsx")
    assert "Dipakai untuk: Tabel 3.11 dan 3.12." in _petunjuk(blank, "pengaduan.xlsx")
    assert "Dipakai untuk: Tabel 3.3 dan 3.5; Tabel 3.15." in _petunjuk(blank, "spbe.xlsx")


def test_unknown_module_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(api.UsageError, match="Modul tidak dikenal: sdmx"):
        api.init_templates(tmp_path, tahun=2025, modules=["sdmx"])


@pytest.mark.parametrize("kind", list(TEMPLATES))
def test_blank_template_structure(blank: Path, kind: str) -> None:
    template = template_for(kind, 2024)
    workbook = openpyxl.load_workbook(blank / template.filename)
    assert workbook.sheetnames == ["Petunjuk", *(s.name for s in template.sheets)]
    marker = _marker(blank / template.filename)
    assert (marker.kind, marker.version, marker.tahun) == (template.kind, template.version, 2024)
    petunjuk = "\n".join(
        str(c.value) for row in workbook["Petunjuk"].iter_rows() for c in row if c.value
    )
    for sheet in template.sheets:
        ws = workbook[sheet.name]
        assert ws.protection.sheet and not ws.protection.password
        assert f"Sheet {sheet.name}" in petunjuk
        if not isinstance(sheet, TableSheet):
            assert all(
                ws.cell(row=r, column=2).protection.locked is False
                for r in range(5, 5 + len(sheet.fields))
            )
            continue
        (table,) = ws.tables.values()
        assert table.name == sheet.table_name
        first_data = ws.cell(row=HEADER_ROW + 2, column=1)
        assert first_data.protection.locked is False
        assert ws.cell(row=HEADER_ROW + 1, column=1).protection.locked is not False
        lists = {
            str(v.sqref).split(":")[0]: v
            for v in ws.data_validations.dataValidation
            if v.type == "list"
        }
        headers = [c.value for c in ws[HEADER_ROW + 1]]
        for column in sheet.columns:
            assert column.help in petunjuk
            col = headers.index(column.header_text(2024)) + 1
            first = ws.cell(row=HEADER_ROW + 2, column=col)
            # Bukti Dukung offers only the evidence of the modules and year written (tested
            # in test_init_writes_the_core_and_the_chosen_modules).
            if column.choices and column.key != "bukti":
                assert all(
                    choice in lists[first.coordinate].formula1 for choice in column.choices
                ), column.key
            if column.kind is Kind.MONEY:
                assert first.number_format == "#,##0"


def test_blank_templates_check_with_required_values_missing(blank: Path) -> None:
    report = api.check(blank).report
    assert not report.valid
    kode = {f.kode for f in report.findings}
    assert kode == {"wajib_kosong", "modul_kosong", "sheet_inti_kosong"}  # none an error
    inti = [f for f in report.findings if f.kode == "sheet_inti_kosong"]
    assert [(f.tingkat.value, f.file, f.sheet) for f in inti] == [
        ("peringatan", "kinerja.xlsx", "IKU"),
        ("peringatan", "anggaran.xlsx", "Realisasi Anggaran"),
    ]
    assert inti[0].pesan == (
        "Sheet IKU belum berisi indikator kinerja utama satu pun, sehingga tabel capaian "
        "kinerja tidak dibuat. Isi satu baris per indikator kinerja utama di bawah judul kolom."
    )
    (modul,) = [f for f in report.findings if f.kode == "modul_kosong"]
    assert modul.tingkat.value == "info"
    assert modul.pesan.startswith(
        "Template modul belum diisi dan tidak dipakai: sdm.xlsx, spbe.xlsx, aplikasi.xlsx, "
        "informasi.xlsx, pengaduan.xlsx, narasi.xlsx, triwulan.xlsx."
    )


def test_renstra_columns_follow_the_period(blank: Path) -> None:
    ws = openpyxl.load_workbook(blank / "kinerja.xlsx")["Renstra"]
    headers = [c.value for c in ws[HEADER_ROW + 1]]
    assert [h for h in headers if h.startswith("Target")] == [
        f"Target {year}" for year in range(2021, 2027)
    ]


def test_init_keeps_the_templates_already_there(blank: Path) -> None:
    before = {p.name: p.read_bytes() for p in blank.iterdir()}
    api.init_templates(blank)
    assert {p.name: p.read_bytes() for p in blank.iterdir()} == before
