"""Dump a compiled workbook as text, stable across runs and machines."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import Any

import openpyxl

GOLDEN = Path(__file__).with_name("contoh.txt")


def _value(value: Any) -> str:
    if isinstance(value, float):
        return repr(round(value, 12))
    return repr(value)


def _charts(path: Path) -> list[str]:
    """Each chart's title text and the ranges its series read, in part order."""
    lines = []
    with zipfile.ZipFile(path) as archive:
        names = sorted(
            (n for n in archive.namelist() if re.fullmatch(r"xl/charts/chart\d+\.xml", n)),
            key=lambda n: int(re.search(r"\d+", n).group()),
        )
        for name in names:
            xml = archive.read(name).decode("utf-8")
            title = "".join(re.findall(r"<a:t>([^<]*)</a:t>", xml.split("<c:plotArea>")[0]))
            refs = re.findall(r"<c:f>([^<]*)</c:f>", xml)
            lines.append(f"chart {name.rsplit('/', 1)[1]}: {title}")
            lines.extend(f"  {ref}" for ref in refs)
    return lines


def dump(path: Path) -> str:
    formulas = openpyxl.load_workbook(path)
    values = openpyxl.load_workbook(path, data_only=True)
    lines = [f"properties: {formulas.properties.title!r} / {formulas.properties.subject!r}"]
    for ws in formulas.worksheets:
        cached = values[ws.title]
        lines.append(f"=== {ws.title}")
        merged = sorted(str(r) for r in ws.merged_cells.ranges)
        if merged:
            lines.append("merged: " + " ".join(merged))
        for row in ws.iter_rows():
            for cell in row:
                value = cached[cell.coordinate].value
                if cell.value is None and value is None:
                    continue
                formula = cell.value if str(cell.value).startswith("=") else ""
                text = f"{cell.coordinate}\t{_value(value)}\t{cell.number_format}"
                lines.append(f"{text}\t{formula}" if formula else text)
    lines.extend(_charts(path))
    return "\n".join(lines) + "\n"


def compile_example(folder: Path) -> Path:
    from xlkip import api

    api.init_templates(folder / "inputs", with_example=True)
    result = api.compile_folder(folder / "inputs", out_dir=folder / "output")
    assert result.output is not None
    return result.output
