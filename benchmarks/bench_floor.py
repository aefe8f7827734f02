"""The floor under `xlkip compile`: the same reading and writing with nothing of ours.

Reads every workbook of an inputs folder with python-calamine (every sheet, as Python
values) and writes the given number of cells — `formulas` of them formulas carrying
their value — with XlsxWriter in the simplest way (default options, one sheet, row by
row). Nothing is parsed, validated or laid out: whatever a compile costs above this is
ours. Run in a fresh process (bench_compile.py does) so the peak memory is its own:

    python benchmarks/bench_floor.py INPUTS_DIR OUT.xlsx CELLS FORMULAS
"""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path

try:  # run as a script (python benchmarks/…) or imported as benchmarks.…
    from measure import peak_mb
except ModuleNotFoundError:
    from benchmarks.measure import peak_mb

COLUMNS = 6
"""Tabel 3.17's width: uraian, sumber dana, anggaran, realisasi, %, sisa."""


def read(folder: Path) -> list[list[list[object]]]:
    """Every sheet of every workbook as rows of values, the anggaran workbook last."""
    import python_calamine

    sheets = []
    for path in sorted(folder.glob("*.xlsx"), key=lambda p: p.name == "anggaran.xlsx"):
        book = python_calamine.CalamineWorkbook.from_path(str(path))
        for name in book.sheet_names:
            sheets.append(book.get_sheet_by_name(name).to_python(skip_empty_area=False))
        book.close()
    return sheets


def write(sheets: list[list[list[object]]], out: Path, cells: int, formulas: int) -> None:
    """`cells` cells in rows of COLUMNS: text, text, number, number and two formulas
    (realisasi/anggaran and anggaran-realisasi with their values) while formulas last."""
    import xlsxwriter

    numbers = [r for r in sheets[-1] if len(r) > 6 and isinstance(r[5], float)] or [
        ["x", "", "", "x", "DAU", 1.0, 1.0]
    ]
    workbook = xlsxwriter.Workbook(str(out))
    ws = workbook.add_worksheet("Data")
    written, formulas_left = 0, formulas
    row = 0
    while written < cells:
        source = numbers[row % len(numbers)]
        anggaran, realisasi = float(source[5]), float(source[6])
        line = [str(source[3]), str(source[4]), anggaran, realisasi]
        for col, value in enumerate(line[: cells - written]):
            if isinstance(value, str):
                ws.write_string(row, col, value)
            else:
                ws.write_number(row, col, value)
        written += len(line[: cells - written])
        excel_row = row + 1
        for col, (formula, value) in enumerate(
            (
                (f"=D{excel_row}/C{excel_row}", realisasi / anggaran if anggaran else 0),
                (f"=C{excel_row}-D{excel_row}", anggaran - realisasi),
            ),
            start=4,
        ):
            if written >= cells:
                break
            if formulas_left > 0:
                ws.write_formula(row, col, formula, None, value)
                formulas_left -= 1
            else:
                ws.write_number(row, col, value)
            written += 1
        row += 1
    workbook.close()


def main() -> None:
    folder, out = Path(sys.argv[1]), Path(sys.argv[2])
    cells, formulas = int(sys.argv[3]), int(sys.argv[4])
    started = time.perf_counter()
    sheets = read(folder)
    read_done = time.perf_counter()
    write(sheets, out, cells, formulas)
    done = time.perf_counter()
    usage = resource.getrusage(resource.RUSAGE_SELF)
    print(
        json.dumps(
            {
                "read": read_done - started,
                "write": done - read_done,
                "seconds": done - started,
                "cpu": usage.ru_utime + usage.ru_stime,
                "peak_mb": peak_mb(usage),
            }
        )
    )


if __name__ == "__main__":
    main()
