"""Hostile and broken workbooks: findings, never a hang, a crash or a changed input."""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.helpers import edit, findings_of, run_cli, set_cells
from tests.test_example import SEED_SLIPS
from xlkip import api, contoh
from xlkip.schema import TEMPLATES
from xlkip.schema.anggaran import REALISASI_ANGGARAN
from xlkip.schema.aplikasi import APLIKASI_WEBSITE
from xlkip.schema.writer import Period, write_template

K, A = "kinerja.xlsx", "anggaran.xlsx"


def _rewrite_member(path: Path, member: str, change) -> None:
    """Rewrite one part of a workbook's zip, the way a hostile tool would."""
    with zipfile.ZipFile(path) as source:
        items = [(info, source.read(info.filename)) for info in source.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info, data in items:
            target.writestr(info, change(data) if info.filename == member else data)


def _digests(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


@pytest.mark.parametrize("broken", [False, True])
def test_inputs_are_never_modified(example: Path, tmp_path: Path, broken: bool) -> None:
    if broken:
        set_cells(example / A, "Realisasi Anggaran", {"F4": "dua juta"})
        (example / "rusak.xlsx").write_bytes(b"PK\x03\x04 rusak")
    before = _digests(example)
    stamps = {p.name: p.stat().st_mtime_ns for p in example.iterdir()}
    run_cli("check", example)
    run_cli("compile", example, "-o", tmp_path / "out.xlsx")
    run_cli("compile", example, "-o", tmp_path / "out.xlsx", "--paksa")
    assert _digests(example) == before
    assert {p.name: p.stat().st_mtime_ns for p in example.iterdir()} == stamps


BILLION_LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + b"".join(
        b'<!ENTITY lol%d "%s">' % (n, (b"&lol%d;" % (n - 1) if n > 1 else b"&lol;") * 10)
        for n in range(1, 10)
    )
    + b"]>"
)


def test_entity_expansion_is_refused(example: Path) -> None:
    def bomb(data: bytes) -> bytes:
        data = re.sub(rb"^<\?xml[^>]*\?>", BILLION_LAUGHS, data)
        return data.replace(b"<t>", b"<t>&lol9;", 1)

    _rewrite_member(example / K, "xl/sharedStrings.xml", bomb)
    added = [f for f in findings_of(example) if f not in SEED_SLIPS]
    assert ("error", "berkas_ditolak", K, None, None) in added


def test_external_entity_is_refused(example: Path) -> None:
    def external(data: bytes) -> bytes:
        doctype = b'<!DOCTYPE p [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
        data = re.sub(rb"^(<\?xml[^>]*\?>)", rb"\1" + doctype, data)
        return data.replace(b"<vt:lpwstr>", b"<vt:lpwstr>&xxe;", 1)

    _rewrite_member(example / "spbe.xlsx", "docProps/custom.xml", external)
    added = [f for f in findings_of(example) if f not in SEED_SLIPS]
    assert ("error", "berkas_ditolak", "spbe.xlsx", None, None) in added


def test_zip_bomb_is_refused(example: Path) -> None:
    with zipfile.ZipFile(example / "pengaduan.xlsx", "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/media/padding.bin", bytes(64 * 1024 * 1024))
    added = [f for f in findings_of(example) if f not in SEED_SLIPS]
    assert ("error", "berkas_ditolak", "pengaduan.xlsx", None, None) in added


def _measure(folder: Path) -> tuple[float, float]:
    """CPU seconds and peak megabytes of a whole `check` process. CPU time, not the
    clock: it measures the work done, whatever else the machine runs meanwhile."""
    script = (
        "import resource, sys, time\n"
        "from pathlib import Path\n"
        "from xlkip import api\n"
        "api.check(Path(sys.argv[1]))\n"
        "peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024\n"
        # Linux carries ru_maxrss across exec, so a big pytest parent would show through;
        # VmHWM is this process's own peak since its exec.
        "status = Path('/proc/self/status')\n"
        "if status.exists():\n"
        "    hwm = [l for l in status.read_text().splitlines() if l.startswith('VmHWM')]\n"
        "    peak = int(hwm[0].split()[1]) / 1024 if hwm else peak\n"
        "print(time.process_time(), peak)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script, str(folder)], capture_output=True, text=True, check=True
    ).stdout.split()
    return float(out[0]), float(out[1])


@pytest.mark.parametrize("monster", ["merge", "dimension"])
def test_monster_sheets_in_bounded_time_and_memory(example: Path, monster: str) -> None:
    """pengaduan.xlsx's data sheet grows a merge over a million rows, or declares them."""

    def grow(data: bytes) -> bytes:
        if monster == "dimension":
            return re.sub(rb'<dimension ref="[^"]+"/>', b'<dimension ref="A1:XFD1048576"/>', data)
        merge = b'<mergeCell ref="F1:H1048576"/>'
        if b"<mergeCells" in data:
            return re.sub(rb'<mergeCells count="\d+">', b'<mergeCells count="1">' + merge, data)
        return data.replace(
            b"</sheetData>", b'</sheetData><mergeCells count="1">' + merge + b"</mergeCells>"
        )

    _rewrite_member(example / "pengaduan.xlsx", "xl/worksheets/sheet2.xml", grow)
    seconds, megabytes = _measure(example)
    # a full openpyxl load of such a sheet took 42 s and 1 GB; the real cells take ~1 s
    assert seconds < 6.0 and megabytes < 200, (seconds, megabytes)
    assert not [f for f in findings_of(example) if f[0] == "error"]


def test_cached_values_of_formulas_are_used(example: Path) -> None:
    def with_formula(data: bytes) -> bytes:
        return re.sub(rb'(<c r="F4"[^>]*>)(<v>)', rb"\1<f>2000000000+358277568</f>\2", data)

    _rewrite_member(example / A, "xl/worksheets/sheet2.xml", with_formula)
    inputs = api.check(example).inputs
    assert inputs.records(REALISASI_ANGGARAN)[0].get("anggaran") == 2358277568


def test_a_formula_without_a_cached_value_is_a_finding(example: Path) -> None:
    # openpyxl writes formulas without computing them, like many export tools.
    set_cells(example / A, "Realisasi Anggaran", {"G6": "=F6*0.9"})
    added = [f for f in findings_of(example) if f not in SEED_SLIPS]
    assert added == [("error", "rumus_tanpa_nilai", A, "Realisasi Anggaran", "G6")]


def test_internal_failure_exit_3_with_a_saved_report(
    example: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(_folder, *_):
        raise RuntimeError("simulated bug")

    monkeypatch.setattr(api, "check", broken)
    code, output = run_cli("check", example)
    assert code == 3
    assert "Kesalahan internal xlkip" in output and "Traceback" not in output
    saved = Path(re.search(r"disimpan di (\S+\.txt)", " ".join(output.split())).group(1))
    report = saved.read_text(encoding="utf-8")
    assert "Traceback" in report and "simulated bug" in report
    saved.unlink()
    code, output = run_cli("--debug", "check", example)
    assert code == 1  # the exception itself propagates with --debug


def test_debug_shows_the_traceback_in_a_real_process(example: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    script = (
        "import sys; from xlkip import api, cli\n"
        "api.check = lambda folder, *_: 1 / 0\n"
        "sys.argv = ['xlkip', '--debug', 'check', sys.argv[1]]\ncli.main()\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, str(example)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert "ZeroDivisionError" in result.stderr and "Traceback" in result.stderr


def test_long_and_strange_text_is_kept_and_quoted_short(example: Path, tmp_path: Path) -> None:
    long_text = "Indikator " + "x" * 32_000
    control = "Aplikasi\x01\x02 dengan kontrol\u202e"

    def change(workbook) -> None:
        workbook["IKU"]["B7"] = long_text
        workbook["IKU"]["D7"] = "Naik" + "!" * 5000

    edit(example / K, change)
    content = contoh.load("aplikasi")
    content["Aplikasi dan Website"][0]["nama"] = control
    write_template(
        TEMPLATES["aplikasi"], example / "aplikasi.xlsx", Period(*contoh.period_of()), content
    )
    result = api.compile_folder(example, tmp_path / "out.xlsx", force=True)
    pesan = [f.pesan for f in result.report.findings if f.kode == "pilihan_tidak_dikenal"]
    assert len(pesan) == 1 and len(pesan[0]) < 200
    assert result.output.exists()
    names = [r.get("nama") for r in result.inputs.records(APLIKASI_WEBSITE)]
    assert names[0] == control
