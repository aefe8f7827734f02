"""Staff never see xlkip's internal names: not in a dropdown's prompt or error, not in
a finding. Internal keys are the schema's snake_case column and field keys."""

from __future__ import annotations

import re
from pathlib import Path

import openpyxl
import pytest

from xlkip.schema import TEMPLATES
from xlkip.schema.base import Choices, TableSheet
from xlkip.schema.writer import Period, write_template


def internal_keys() -> set[str]:
    keys = set()
    for template in TEMPLATES.values():
        for sheet in template.sheets:
            if isinstance(sheet, TableSheet):
                keys.update(c.key for c in sheet.columns)
                if sheet.year_columns:
                    keys.add(sheet.year_columns.key)
            else:
                keys.update(f.key for f in sheet.fields)
    return {k for k in keys if "_" in k}


LEAK = re.compile(r"\b(" + "|".join(sorted(map(re.escape, internal_keys()))) + r")\b")


def leaks(text: str | None) -> list[str]:
    return LEAK.findall(text or "")


def test_the_leak_pattern_catches_keys() -> None:
    assert leaks("daftar kolom sumber_dana") == ["sumber_dana"]
    assert leaks("daftar kolom 'Sumber Dana'") == []


@pytest.mark.parametrize("kind", sorted(TEMPLATES))
def test_template_prompts_name_columns_by_their_header(kind: str, tmp_path: Path) -> None:
    path = tmp_path / f"{kind}.xlsx"
    write_template(TEMPLATES[kind], path, Period.around(2025))
    workbook = openpyxl.load_workbook(path)
    texts = []
    for sheet in workbook.worksheets:
        for validation in sheet.data_validations.dataValidation:
            texts += [validation.prompt, validation.promptTitle, validation.error]
            texts.append(validation.errorTitle)
        texts += [c.value for row in sheet.iter_rows() for c in row if isinstance(c.value, str)]
    assert [t for t in texts if leaks(t)] == []


def test_dropdown_errors_follow_the_choice_rule(tmp_path: Path) -> None:
    """Excel refuses a value outside a closed list (warns when xlkip reads other spellings
    of it), warns outside an enumeration, and only informs where the list is a suggestion."""
    path = tmp_path / "kinerja.xlsx"
    write_template(TEMPLATES["kinerja"], path, Period.around(2025))
    sheet = openpyxl.load_workbook(path)["IKU"]
    by_column = {}
    for validation in sheet.data_validations.dataValidation:
        if validation.type == "list":
            column = str(validation.sqref).rstrip("0123456789:")[:1]
            by_column[column] = (validation.errorStyle or "stop", validation.error)
    iku = TEMPLATES["kinerja"].sheet("IKU")
    assert iku.column("satuan").choice_rule is Choices.OPEN
    assert by_column["C"][0] == "information" and "'Satuan'" in by_column["C"][1]
    assert by_column["D"][0] == "warning" and "'Arah'" in by_column["D"][1]
    assert "(mis. Meningkat, Menurun) dibaca sebagai pilihannya" in by_column["D"][1]
