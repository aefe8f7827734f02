"""A real spreadsheet engine agrees with every value xlkip stores (DESIGN §8)."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.data_helpers import write_dataset
from tests.helpers import set_cells
from tests.output_helpers import (
    add_canary,
    cached_values,
    recalculation_mismatches,
    require_libreoffice,
)
from xlkip import api, contoh
from xlkip.render.xlsx import render
from xlkip.schema import TEMPLATES
from xlkip.schema.writer import Period, write_template
from xlkip.tables import build_workbook


def _compile_with_canary(folder: Path, target: Path) -> Path:
    result = api.check(folder)
    model = build_workbook(result.inputs, result.report)
    add_canary(model)
    return render(model, target)


def test_libreoffice_recalculates_the_example(example: Path, tmp_path: Path) -> None:
    require_libreoffice()
    path = _compile_with_canary(example, tmp_path / "lkjip.xlsx")
    assert cached_values(path)[("Canary", "A1")] == 3
    count, problems = recalculation_mismatches(path, tmp_path / "lo")
    assert problems == ["('Canary', 'A1') =1+1: stored 3, LibreOffice 2"]
    assert count > 300


def test_libreoffice_recalculates_the_2026_dataset(tmp_path: Path) -> None:
    """Indeks Pemerintah Digital, with last year's Indeks SPBE beside it."""
    require_libreoffice()
    folder = write_dataset("kota_contoh_2026", tmp_path / "inputs")
    path = _compile_with_canary(folder, tmp_path / "lkjip.xlsx")
    count, problems = recalculation_mismatches(path, tmp_path / "lo")
    assert problems == ["('Canary', 'A1') =1+1: stored 3, LibreOffice 2"]
    assert count > 200


def test_libreoffice_recalculates_the_monitoring_workbook(example: Path, tmp_path: Path) -> None:
    """compile --triwulan 3: rencana aksi, budget per quarter and the trend, with a Turun
    indicator beyond twice its target (a capaian below 0%, as the rule gives) and a Turun one summed
    per quarter (no capaian against the year before TW IV)."""
    from xlkip.tables.triwulan import build_monitoring

    require_libreoffice()
    set_cells(example / "kinerja.xlsx", "IKU", {"D5": "Turun", "D6": "Turun"})
    set_cells(example / "triwulan.xlsx", "Rencana Aksi", {"I5": 0.2})
    result = api.check(example)
    model = build_monitoring(result.inputs, result.report, 3).model
    add_canary(model)
    path = render(model, tmp_path / "tw3.xlsx")
    count, problems = recalculation_mismatches(path, tmp_path / "lo")
    assert problems == ["('Canary', 'A1') =1+1: stored 3, LibreOffice 2"]
    assert count > 250


def _amount(draw: st.DrawFn) -> Any:
    return draw(st.one_of(st.integers(0, 5 * 10**10), st.just(0), st.just("-")))


@st.composite
def generated_inputs(draw: st.DrawFn) -> dict[str, dict[str, Any]]:
    """Kinerja, anggaran, spbe and pengaduan rows of any shape the rules must survive."""
    rng = random.Random(draw(st.integers(0, 10**6)))
    iku = []
    for n in range(draw(st.integers(1, 8))):
        satuan = rng.choice(["%", "Indeks", "Dokumen"])
        iku.append(
            {
                "sasaran": f"Sasaran {rng.randint(1, 3)}" if n == 0 or rng.random() < 0.5 else None,
                "indikator": f"Indikator {n}",
                "satuan": satuan,
                "arah": rng.choice(["Naik", "Turun"]),
                "target": draw(st.one_of(st.just(0), st.floats(0.01, 5000, allow_nan=False))),
                "realisasi": draw(st.floats(0, 5000, allow_nan=False)),
                "realisasi_lalu": rng.choice([None, rng.uniform(0, 100)]),
                # Bab II: a blank Target PK is the target, referenced from Chapter III
                "tujuan": "Tujuan 1" if n == 0 else None,
                "target_pk": rng.choice([None, rng.uniform(0.01, 100)]),
            }
        )
    anggaran = []
    for n in range(draw(st.integers(1, 25))):
        anggaran.append(
            {
                "program": f"PROGRAM {rng.randint(1, 4)}",
                "kegiatan": f"Kegiatan {rng.randint(1, 3)}",
                "sub_kegiatan": f"Sub kegiatan {n}",
                "sumber_dana": "DAU",
                "anggaran": _amount(draw),
                "realisasi": _amount(draw),
            }
        )
    aspek = [
        {
            "domain": f"Domain {rng.randint(1, 4)}",
            "aspek": f"Aspek {n}",
            "bobot": rng.choice([0.05, 0.1, 0.125, 0.2]),
            "nilai_lalu": rng.choice([None, round(rng.uniform(0, 5), 2)]),
            "nilai": round(rng.uniform(0, 5), 2),
        }
        for n in range(draw(st.integers(1, 8)))
    ]
    pengaduan = []
    for year in (2023, 2024):
        for kanal in rng.sample(["SP4N LAPOR", "E-MASYARAKAT", "WA"], rng.randint(1, 3)):
            jumlah = rng.randint(0, 500)
            pengaduan.append(
                {"tahun": year, "kanal": kanal, "jumlah": jumlah, "sudah": rng.randint(0, jumlah)}
            )
    return {
        "kinerja": {"IKU": iku, "Renstra": contoh.load("kinerja")["Renstra"]},
        "anggaran": {
            "Realisasi Anggaran": anggaran,
            # DPA murni of some programs, one of them gone after the change
            "DPA Murni": [
                {"program": program, "anggaran": _amount(draw), "keterangan": "DAU"}
                for program in rng.sample([f"PROGRAM {n}" for n in range(1, 6)], 3)
            ],
        },
        "spbe": {"Nilai Aspek": aspek, **_example_sheet("spbe", "Indeks Daerah Lain")},
        "pengaduan": {"Pengaduan": pengaduan},
    }


def _example_sheet(kind: str, sheet: str) -> dict[str, Any]:
    return {sheet: contoh.load(kind)[sheet]}


@settings(max_examples=5, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(generated=generated_inputs())
def test_libreoffice_agrees_on_generated_inputs(generated, tmp_path_factory):
    require_libreoffice()
    work = tmp_path_factory.mktemp("gen")
    folder = work / "inputs"
    folder.mkdir()
    period = Period(*contoh.period_of())
    for template in TEMPLATES.values():
        content = generated.get(template.kind) or contoh.load(template.kind)
        write_template(template, folder / template.filename, period, content)
    path = _compile_with_canary(folder, work / "lkjip.xlsx")
    _, problems = recalculation_mismatches(path, work / "lo")
    assert problems == ["('Canary', 'A1') =1+1: stored 3, LibreOffice 2"]


def test_libreoffice_agrees_on_a_10k_row_budget(tmp_path: Path) -> None:
    require_libreoffice()
    from benchmarks.bench_compile import write_inputs

    folder = tmp_path / "inputs"
    folder.mkdir()
    write_inputs(folder, 10_000)
    path = _compile_with_canary(folder, tmp_path / "lkjip.xlsx")
    count, problems = recalculation_mismatches(path, tmp_path / "lo")
    assert problems == ["('Canary', 'A1') =1+1: stored 3, LibreOffice 2"]
    assert count > 20_000
