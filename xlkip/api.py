"""The library API behind the CLI: a face over the steps, each in the module named for it.

- `xlkip.templates`: write templates (blank, the example, or carried forward: `rollover`);
- `xlkip.read.folder`: a folder of templates, which file is which, and the period;
- `xlkip.check`: read a folder and validate it (`check`);
- `xlkip.compile`: one office from folder to workbook, PDF and email (`compile_folder`);
- `xlkip.sipd.folder`: SIPD exports to a filled anggaran template (`import_anggaran`);
- `xlkip.rekap`: every office of a pemda (`rekap`, `compile_office`), loaded on first use.

Nothing in xlkip imports this module but the CLI: it only re-exports.
"""

from __future__ import annotations

from xlkip.check import CheckResult, check
from xlkip.compile import (
    NO_INPUTS,
    CompileResult,
    built_workbook,
    check_output_path,
    compile_folder,
    default_input_folder,
    default_output,
    paused_gc,
    write_workbook,
)
from xlkip.errors import UsageError
from xlkip.output import OutputError
from xlkip.read.folder import default_tahun
from xlkip.sipd.folder import ImportResult, import_anggaran
from xlkip.templates import (
    RolloverResult,
    init_templates,
    rollover,
    template_kinds,
    write_dataset,
)


def __getattr__(name: str):
    """`api.rekap(dirs, output, jobs, per_office, …)`, `api.RekapResult` and
    `api.compile_office` live in xlkip.rekap; they are imported on first use so
    `compile` never loads the pool."""
    if name in ("rekap", "RekapResult"):
        from xlkip.rekap import run

        return getattr(run, name)
    if name == "compile_office":
        from xlkip.rekap.office import compile_office

        return compile_office
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "NO_INPUTS",
    "CheckResult",
    "CompileResult",
    "ImportResult",
    "OutputError",
    "RolloverResult",
    "UsageError",
    "built_workbook",
    "check",
    "check_output_path",
    "compile_folder",
    "default_input_folder",
    "default_output",
    "default_tahun",
    "import_anggaran",
    "init_templates",
    "paused_gc",
    "rollover",
    "template_kinds",
    "write_dataset",
    "write_workbook",
]
