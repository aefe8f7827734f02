"""Pra-evaluasi LKE (PermenPANRB 88/2021, Pelaporan Kinerja): the example as printed,
a fully filled office, each status, a new edition as data, and the outputs."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from tests.helpers import run_cli, set_cells
from tests.output_helpers import cached_values
from xlkip import api, contoh
from xlkip.findings import peringatan
from xlkip.lke import edisi_of, edition_for, editions, evaluate
from xlkip.lke.lembar import SHEET
from xlkip.schema import narasi
from xlkip.schema.identitas import IDENTITAS, PENGATURAN
from xlkip.schema.kinerja import IKU
from xlkip.templates import write_dataset

CHECKABLE = ("3.a.1", "3.a.2", "3.a.3", "3.a.6", "3.b.1", "3.b.2", "3.b.3", "3.b.4", "3.b.5")
CHECKABLE += ("3.b.6", "3.b.7", "3.b.8", "3.b.9")
NOT_CHECKABLE = ("3.a.4", "3.a.5", "3.c")

EXAMPLE = {
    "3.a.1": "terpenuhi",  # tables and narasi.xlsx are there
    "3.a.2": "terpenuhi",  # triwulan.xlsx has realisasi for TW I-IV
    "3.a.3": "sebagian",  # kepala, NIP, jabatan typed; no signing date
    "3.a.6": "belum",  # no signing date: on time cannot be seen
    "3.b.1": "terpenuhi",  # every narasi section and Bab II
    "3.b.2": "terpenuhi",  # every IKU has target and realisasi
    "3.b.3": "sebagian",  # PK 1.100 against Renstra 70% (typed so in a count row); 15% vs 45%
    "3.b.4": "sebagian",  # two IKU have no Renstra row (SPBE, data statistik)
    "3.b.5": "terpenuhi",  # realisasi tahun lalu for every IKU
    "3.b.6": "belum",  # no indicator in the sheet Standar Nasional
    "3.b.7": "sebagian",  # the seed analyses one sasaran of four
    "3.b.8": "terpenuhi",  # every indicator names its Program Pendukung, all in the budget
    "3.b.9": "terpenuhi",  # Penutup written
}


def _statuses(lke: Any) -> dict[str, str]:
    return {h.kriteria.id: h.status.status for h in lke.hasil}


def test_the_example_as_printed(example_master: Path) -> None:
    lke = api.check(example_master).lke
    statuses = _statuses(lke)
    assert {k: statuses[k] for k in CHECKABLE} == EXAMPLE
    assert {statuses[k] for k in NOT_CHECKABLE} == {"tidak dapat diperiksa"}
    why = {h.kriteria.id: h.status for h in lke.hasil}
    assert "target PK 1.100 berbeda dengan target Renstra 0,7" in why["3.b.3"].why
    assert why["3.b.3"].where == "kinerja.xlsx, sheet IKU, sel K6"
    assert "1 dari 4 sasaran" in why["3.b.7"].why
    assert why["3.a.6"].where.startswith("identitas.xlsx, sheet Pengaturan, sel B")
    assert (lke.terpenuhi, lke.diperiksa) == (7, 13)
    assert lke.ringkas == "7 dari 13 kriteria yang dapat diperiksa terpenuhi"


def _office(tmp_path: Path, change: Callable[[dict[str, dict[str, Any]]], None]) -> Path:
    """The example's data changed by `change` (kind -> sheet -> rows or fields), written."""
    data = tmp_path / "data"
    shutil.copytree(Path(str(contoh.example_dir())), data)
    content = {kind: contoh.load(kind, data) for kind in contoh.kinds_in(data)}
    change(content)
    for kind, sheets in content.items():
        path = data / f"{kind}.json"
        path.write_text(json.dumps({"template": kind, "sheets": sheets}), encoding="utf-8")
    write_dataset(data, tmp_path / "inputs")
    return tmp_path / "inputs"


def _fill(content: dict[str, dict[str, Any]]) -> None:
    """What the seed lacks: a signing date, PK targets equal to the Renstra's, every IKU
    in the Renstra, an analysis per sasaran, a national standard (or none) per indicator."""
    content["identitas"][PENGATURAN.name]["tanggal_laporan"] = "20 Februari 2025"
    iku = content["kinerja"][IKU.name]
    for row in iku:
        row["target_renstra"] = row["target_pk"] = row["target"]
    renstra = content["kinerja"]["Renstra"]
    for name in ("Indeks Nilai SPBE", "Persentase data statistik sektoral yang tersusun"):
        target = {str(y): "1" for y in range(2022, 2027)}
        row = {"indikator": f"{name} (Renstra)", "arah": "Naik", "iku": name, "target": target}
        renstra.append(row)
    targets = {r["indikator"]: r for r in iku}
    for row in renstra:  # the Renstra's 2024 target is the PK's
        if row.get("iku"):
            row["satuan"] = targets[row["iku"]]["satuan"]
            row["target"]["2024"] = targets[row["iku"]]["target"]
    sasaran = list(dict.fromkeys(r["sasaran"] for r in iku if r["sasaran"]))
    rows = []
    for n, name in enumerate(sasaran):
        row = {"sasaran": name, "penyebab": f"Sebab {n}", "kendala": f"Kendala {n}"}
        row["solusi"] = f"Solusi {n}"
        rows.append(row)
    content["narasi"][narasi.NARASI_SASARAN.name] = rows
    standar = [{"indikator": r["indikator"], "ada": narasi.TIDAK_ADA} for r in iku]
    standar[0] = {**standar[0], "ada": narasi.ADA, "nilai": "2,79", "sumber": "KemenPANRB 2023"}
    content["narasi"][narasi.STANDAR.name] = standar


@pytest.fixture(scope="module")
def filled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _office(tmp_path_factory.mktemp("lengkap"), _fill)


def test_a_fully_filled_office_meets_what_it_can_show(filled: Path) -> None:
    """Every criterion the inputs can show is met."""
    lke = api.check(filled).lke
    statuses = _statuses(lke)
    assert {statuses[k] for k in CHECKABLE} == {"terpenuhi"}
    assert {statuses[k] for k in NOT_CHECKABLE} == {"tidak dapat diperiksa"}
    assert lke.terpenuhi == lke.diperiksa == 13
    hasil = {h.kriteria.id: h.status for h in lke.hasil}
    assert "20 Februari 2025" in hasil["3.a.6"].why and "28 Februari 2025" in hasil["3.a.6"].why


def _without_quarters(*quarters: int) -> Callable[[dict[str, dict[str, Any]]], None]:
    def change(content: dict[str, dict[str, Any]]) -> None:
        for row in content["triwulan"]["Rencana Aksi"]:
            for n in quarters:
                row.pop(f"realisasi_tw{n}", None)

    return change


def test_quarterly_reporting_shows_in_triwulan_xlsx(example: Path, tmp_path: Path) -> None:
    """3.a.2 (berkala): the quarters with realisasi in triwulan.xlsx; without the module
    the reports made elsewhere cannot be seen."""
    late = _office(tmp_path / "late", _without_quarters(3, 4))
    status = {h.kriteria.id: h.status for h in api.check(late).lke.hasil}["3.a.2"]
    assert (status.status, status.where) == ("sebagian", "triwulan.xlsx, sheet Rencana Aksi")
    assert status.why.startswith("Realisasi rencana aksi belum terisi untuk TW III, TW IV: ")
    none = _office(tmp_path / "none", _without_quarters(1, 2, 3, 4))
    assert _statuses(api.check(none).lke)["3.a.2"] == "belum"
    (example / "triwulan.xlsx").unlink()
    status = {h.kriteria.id: h.status for h in api.check(example).lke.hasil}["3.a.2"]
    assert status.status == "tidak dapat diperiksa" and "xlkip init FOLDER --modul triwulan" in (
        status.why
    )


def _tepat_waktu(folder: Path, tanggal: str | None, batas: str | None = None) -> Any:
    inputs = api.check(folder).inputs
    cells = inputs.form(PENGATURAN).cells
    set_cells(
        folder / "identitas.xlsx",
        PENGATURAN.name,
        {cells["tanggal_laporan"]: tanggal, cells["batas_penyampaian"]: batas},
    )
    return {h.kriteria.id: h.status for h in api.check(folder).lke.hasil}


@pytest.mark.parametrize(
    ("tanggal", "batas", "status", "said"),
    [
        ("27/2/2025", None, "terpenuhi", "27 Februari 2025"),
        ("2025-03-01", None, "belum", "sesudah batas penyampaian 28 Februari 2025"),
        ("20 Februari 2025", "15-02-2025", "belum", "sesudah batas penyampaian 15 Februari"),
        ("besok <b>", None, "belum", "besok <b> tidak terbaca"),
    ],
)
def test_on_time_against_the_deadline_pengaturan_names(
    example: Path, tanggal: str, batas: str | None, status: str, said: str
) -> None:
    hasil = _tepat_waktu(example, tanggal, batas)
    assert hasil["3.a.6"].status == status
    assert said in hasil["3.a.6"].why
    assert hasil["3.a.3"].status == "terpenuhi"  # signed: name, NIP, jabatan and a date


def test_unsigned_is_belum(example: Path) -> None:
    kepala = api.check(example).inputs.form(IDENTITAS).cells["kepala"]
    set_cells(example / "identitas.xlsx", IDENTITAS.name, {kepala: None})
    hasil = {h.kriteria.id: h.status for h in api.check(example).lke.hasil}
    assert hasil["3.a.3"].status == "belum"
    assert hasil["3.a.3"].where == f"identitas.xlsx, sheet Identitas, sel {kepala}"


def test_last_years_text_found_by_the_narrative_check_is_not_met(example_master: Path) -> None:
    """The narrative check's findings (narasi_tahun_lalu) mark a cell as last year's:
    Penutup then counts as sebagian, a sasaran's analysis as not written."""
    checked = api.check(example_master)
    rows = checked.inputs.records(narasi.NARASI)
    penutup = next(r for r in rows if r.get("bagian") == narasi.PENUTUP)
    analysed = checked.inputs.records(narasi.NARASI_SASARAN)[0]
    where = {"file": "narasi.xlsx", "sheet": narasi.NARASI.name}
    checked.report.add(
        peringatan("narasi_tahun_lalu", "teks tahun lalu", **where, sel=penutup.cell("isi"))
    )
    sasaran = {"file": "narasi.xlsx", "sheet": narasi.NARASI_SASARAN.name}
    checked.report.add(
        peringatan("narasi_tahun_lalu", "teks tahun lalu", **sasaran, sel=analysed.cell("kendala"))
    )
    hasil = {h.kriteria.id: h.status for h in evaluate(checked.inputs, checked.report).hasil}
    assert hasil["3.b.9"].status == "sebagian"
    assert "masih teks tahun lalu" in hasil["3.b.9"].why
    assert hasil["3.b.9"].where.endswith(f"sel {penutup.cell('isi')}")
    assert hasil["3.b.7"].status == "belum"  # the one analysed sasaran is last year's
    assert hasil["3.b.1"].status == "sebagian"


def test_a_new_edition_is_a_data_file(tmp_path: Path, example_master: Path) -> None:
    """A regulation's new LKE: close the old file's period, add a file. No code."""
    shipped = json.loads(
        (resources.files("xlkip.instrumen.lke") / "pelaporan_2021.json").read_text("utf-8")
    )
    old = {**shipped, "tahun_sampai": 2025}
    new = {
        **shipped,
        "kode": "lke_2026",
        "dasar_hukum": "Peraturan Menteri PANRB (edisi baru)",
        "tahun_dari": 2026,
        "kriteria": [
            {
                "id": "3.1",
                "subkomponen": "3 Pelaporan",
                "kata": "Laporan memuat realisasi tahun lalu.",
                "sumber": "edisi uji",
                "periksa": "tahun_sebelumnya",
            },
            {
                "id": "3.2",
                "subkomponen": "3 Pelaporan",
                "kata": "Laporan dibahas bersama pimpinan.",
                "sumber": "edisi uji",
                "periksa": None,
                "alasan": "Tidak terlihat dari isian.",
            },
        ],
    }
    folder = tmp_path / "lke"
    folder.mkdir()
    (folder / "pelaporan_2021.json").write_text(json.dumps(old), encoding="utf-8")
    (folder / "pelaporan_2026.json").write_text(json.dumps(new), encoding="utf-8")
    loaded = editions(folder)
    assert edition_for(2024, loaded).kode == "lke_2021"
    assert edition_for(2026, loaded).kode == edition_for(2030, loaded).kode == "lke_2026"
    assert edition_for(2024).kode == "lke_2021"  # the shipped files
    checked = api.check(example_master)
    lke = evaluate(checked.inputs, checked.report, edition_for(2026, loaded))
    assert [(h.kriteria.id, h.status.status) for h in lke.hasil] == [
        ("3.1", "terpenuhi"),
        ("3.2", "tidak dapat diperiksa"),
    ]
    with pytest.raises(ValueError, match="unknown check 'tidak_ada'"):
        edisi_of({**new, "kriteria": [{**new["kriteria"][0], "periksa": "tidak_ada"}]})


def test_the_workbook_sheet_is_the_evaluation(filled: Path, tmp_path: Path) -> None:
    """Compiled: one row per criterion, then counts per status by COUNTIF formulas whose
    cached values are the evaluation's counts."""
    result = api.compile_folder(filled, tmp_path / "lkjip.xlsx")
    sheet = openpyxl.load_workbook(result.output)[SHEET]
    ids = _statuses(result.lke)
    rows = [r for r in sheet.iter_rows(min_row=4, values_only=True) if r[1] in ids]
    assert [(r[1], r[3], r[4], r[5]) for r in rows] == [
        (h.kriteria.id, h.status.status, h.status.why, h.status.where) for h in result.lke.hasil
    ]
    values = cached_values(result.output)
    counts = {
        sheet.cell(c.row, 2).value.removeprefix("Jumlah "): values[(SHEET, c.coordinate)]
        for c in sheet["D"]
        if str(c.value).startswith("=COUNTIF($D$4:$D$19,")
    }
    assert counts == result.lke.count()
    assert counts == {"terpenuhi": 13, "sebagian": 0, "belum": 0, "tidak dapat diperiksa": 3}


HOSTILE = "[bold red]Indikator[/] :warning: =1+1"


@pytest.fixture
def hostile(example: Path) -> Path:
    """The example with an indicator named in rich markup and an emoji code, and without
    its realisasi tahun lalu: the name is quoted in 3.b.5's why."""
    first = api.check(example).inputs.records(IKU)[0]
    set_cells(
        example / "kinerja.xlsx",
        IKU.name,
        {first.cell("indikator"): HOSTILE, first.cell("realisasi_lalu"): None},
    )
    return example


@pytest.mark.parametrize("fmt", ["tabel", "baris", "json"])
def test_the_console_shows_the_evaluation_with_staff_text_as_typed(hostile: Path, fmt: str) -> None:
    code, output = run_cli("check", hostile, "--format", fmt)
    assert code == 0, output
    if fmt == "json":
        lke = json.loads(output)["pra_evaluasi_lke"]
        row = next(k for k in lke["kriteria"] if k["id"] == "3.b.5")
        assert row["status"] == "sebagian" and HOSTILE in row["alasan"]
        assert (lke["terpenuhi"], lke["diperiksa"]) == (6, 13)
        return
    flat = " ".join(output.split())
    if fmt == "baris":
        assert HOSTILE in flat  # neither markup nor emoji was read
    else:  # the table folds the name across lines of its column
        assert "[bold red]" in output and ":warning:" in output and "⚠" not in output
    assert "Pra-evaluasi LKE: 6 dari 13 kriteria yang dapat diperiksa terpenuhi" in flat
    if fmt == "baris":
        line = next(line for line in output.splitlines() if line.startswith("lke 3.b.5: "))
        assert line.startswith(
            "lke 3.b.5: sebagian: 4 dari 5 indikator dengan realisasi tahun lalu"
        )
        assert "kinerja.xlsx, sheet IKU, sel" in line
        assert line.endswith(
            '— kriteria: "Dokumen Laporan Kinerja telah menginfokan perbandingan realisasi '
            'kinerja dengan realisasi kinerja tahun-tahun sebelumnya"'
        )


def test_next_year_does_not_inherit_the_signing_date(filled: Path, tmp_path: Path) -> None:
    """`init --dari` carries Pengaturan forward, but not last year's report dates."""
    assert api.check(filled).inputs.setting("tanggal_laporan") == "20 Februari 2025"
    api.rollover(tmp_path / "2025", filled)
    hasil = {h.kriteria.id: h.status for h in api.check(tmp_path / "2025").lke.hasil}
    assert hasil["3.a.6"].status == "belum"
    assert "batas penyampaian 28 Februari 2026" in hasil["3.a.6"].why


def test_a_template_older_than_the_date_rows_says_where_to_add_them(example: Path) -> None:
    cell = api.check(example).inputs.form(PENGATURAN).cells["tanggal_laporan"]
    row = int("".join(ch for ch in cell if ch.isdigit()))
    workbook = openpyxl.load_workbook(example / "identitas.xlsx")
    workbook[PENGATURAN.name].delete_rows(row, 2)  # both date rows, as before they existed
    workbook.save(example / "identitas.xlsx")
    checked = api.check(example)
    assert checked.report.valid
    hasil = {h.kriteria.id: h.status for h in checked.lke.hasil}
    assert hasil["3.a.6"].where == (
        "identitas.xlsx, sheet Pengaturan (tambahkan baris: kolom A 'Tanggal penandatanganan "
        "laporan', kolom B isinya)"
    )


def test_a_standard_without_its_source_or_an_unknown_program_is_sebagian(tmp_path: Path) -> None:
    def change(content: dict[str, dict[str, Any]]) -> None:
        _fill(content)
        del content["narasi"][narasi.STANDAR.name][0]["sumber"]
        content["kinerja"][IKU.name][1]["program"] = "PROGRAM YANG TIDAK ADA"

    folder = _office(tmp_path, change)
    hasil = {h.kriteria.id: h.status for h in api.check(folder).lke.hasil}
    assert hasil["3.b.6"].status == "sebagian"
    assert "Indeks Nilai SPBE: sumber kosong" in hasil["3.b.6"].why
    assert hasil["3.b.6"].where.startswith("narasi.xlsx, sheet Standar Nasional, sel D")
    assert hasil["3.b.8"].status == "sebagian"
    assert "program 'PROGRAM YANG TIDAK ADA' tidak ada di anggaran" in hasil["3.b.8"].why


def test_a_narasi_xlsx_with_nothing_written_is_no_report_text(example: Path) -> None:
    """3.a.1: narasi.xlsx present but no section written is sebagian, not terpenuhi."""
    from xlkip.schema.narasi import NARASI

    cells = {r.cell("isi"): None for r in api.check(example).inputs.records(NARASI)}
    set_cells(example / "narasi.xlsx", NARASI.name, cells)
    status = {h.kriteria.id: h.status for h in api.check(example).lke.hasil}["3.a.1"]
    assert (status.status, status.where) == ("sebagian", "narasi.xlsx, sheet Narasi")
    assert status.why.startswith("Tabel Bab I–III dapat disusun, tetapi belum ada bagian")
