"""Seeded random damage to the example templates: xlkip must answer with findings and
exit codes 0, 1 or 2 — never a traceback or an internal failure (exit 3)."""

from __future__ import annotations

import datetime as dt
import json
import random
import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

from tests.helpers import run_cli

CASES = 300
Mutation = Callable[[random.Random, Path], None]

STRANGE_VALUES = [
    "abc",
    "-",
    "",
    " ",
    -1,
    -1e9,
    10**15,
    1e308,
    "1e999",
    "NaN",
    "inf",
    "-inf",
    dt.datetime(2024, 1, 5),
    dt.date(1900, 1, 1),
    dt.time(12, 30),
    True,
    False,
    "=1+1",
    "=A1/0",
    '=HYPERLINK("http://x","y")',
    "\u202eterbalik\u200b",
    "ǅ" * 50,
    "x" * 32_000,
    "9.475.869.588",
    "91,43%",
    "Rp 2.602.173.662",
    "1.2.3",
    "(5)",
    "2024-2025",
    "Naik",
    "turun",
    "Aktif",
    "JUMLAH",
    0,
    0.0001,
    2.5,
]


def _data_sheet(rng: random.Random, workbook) -> openpyxl.worksheet.worksheet.Worksheet:
    return rng.choice(
        [ws for ws in workbook.worksheets if ws.title != "Petunjuk"] or workbook.worksheets
    )


def _strange_cells(rng: random.Random, path: Path) -> None:
    workbook = openpyxl.load_workbook(path)
    for _ in range(rng.randint(1, 6)):
        ws = _data_sheet(rng, workbook)
        row, col = rng.randint(1, min(ws.max_row, 40) + 2), rng.randint(1, ws.max_column + 1)
        ws.cell(row=row, column=col).value = rng.choice(STRANGE_VALUES)
    workbook.save(path)


def _delete_sheet(rng: random.Random, path: Path) -> None:
    workbook = openpyxl.load_workbook(path)
    if len(workbook.worksheets) > 1:
        workbook.remove(rng.choice(workbook.worksheets))
    workbook.save(path)


def _delete_columns(rng: random.Random, path: Path) -> None:
    workbook = openpyxl.load_workbook(path)
    ws = _data_sheet(rng, workbook)
    ws.delete_cols(rng.randint(1, max(ws.max_column, 1)), rng.randint(1, 2))
    workbook.save(path)


def _delete_rows(rng: random.Random, path: Path) -> None:
    workbook = openpyxl.load_workbook(path)
    ws = _data_sheet(rng, workbook)
    ws.delete_rows(rng.randint(1, max(min(ws.max_row, 40), 1)), rng.randint(1, 10))
    workbook.save(path)


def _rename_sheet(rng: random.Random, path: Path) -> None:
    workbook = openpyxl.load_workbook(path)
    _data_sheet(rng, workbook).title = rng.choice(["Sheet1", "IKU (2)", "data", "Pengaturan"])
    workbook.save(path)


def _truncate(rng: random.Random, path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: rng.randint(0, len(data) - 1)])


def _random_bytes(rng: random.Random, path: Path) -> None:
    path.write_bytes(bytes(rng.getrandbits(8) for _ in range(rng.randint(0, 4000))))


def _flip_bytes(rng: random.Random, path: Path) -> None:
    data = bytearray(path.read_bytes())
    for _ in range(rng.randint(1, 20)):
        data[rng.randrange(len(data))] = rng.getrandbits(8)
    path.write_bytes(bytes(data))


def _drop_member(rng: random.Random, path: Path) -> None:
    with zipfile.ZipFile(path) as source:
        items = [(i, source.read(i.filename)) for i in source.infolist()]
    dropped = rng.choice(items)[0].filename
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info, data in items:
            if info.filename != dropped:
                target.writestr(info, data)


def _extra_files(rng: random.Random, path: Path) -> None:
    folder = path.parent
    rng.choice(
        [
            lambda: shutil.copy(path, folder / "salinan lama.xlsx"),
            lambda: (folder / "~$kinerja.xlsx").write_bytes(b"lock"),
            lambda: (folder / "catatan.txt").write_text("catatan"),
            lambda: (folder / "lama.xls").write_bytes(b"\xd0\xcf\x11\xe0"),
            lambda: path.unlink(),
        ]
    )()


MUTATIONS: list[Mutation] = [
    _strange_cells,
    _strange_cells,
    _strange_cells,
    _delete_sheet,
    _delete_columns,
    _delete_rows,
    _rename_sheet,
    _truncate,
    _random_bytes,
    _flip_bytes,
    _drop_member,
    _extra_files,
]


def damage(seed: int, example: Path, folder: Path) -> None:
    """Copy the example to `folder` and damage it as seed `seed` says."""
    rng = random.Random(seed)
    shutil.copytree(example, folder)
    for _ in range(rng.randint(1, 2)):
        candidates = sorted(folder.glob("*.xlsx"))
        if not candidates:
            break
        target = rng.choice(candidates)
        mutation = rng.choice(MUTATIONS)
        try:
            mutation(rng, target)
        except Exception:  # openpyxl cannot open what an earlier mutation broke
            continue


@pytest.mark.parametrize("batch", range(10))
def test_random_damage_never_crashes(batch: int, example_master: Path, tmp_path: Path) -> None:
    for seed in range(batch * CASES // 10, (batch + 1) * CASES // 10):
        folder = tmp_path / f"case{seed}"
        damage(seed, example_master, folder)
        code, output = run_cli("check", folder, "--json")
        assert code in (0, 1, 2), (seed, output[-2000:])
        if code != 2:
            report = json.loads(output)
            assert all(f["file"] for f in report["findings"] if f["tingkat"] == "error"), seed
        code, output = run_cli("compile", folder, "-o", folder / "out.xlsx", "--paksa")
        assert code in (0, 1, 2), (seed, output[-2000:])
        shutil.rmtree(folder)
