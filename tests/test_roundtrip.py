"""Schema -> template filled with generated rows -> read back: the same values."""

from __future__ import annotations

from pathlib import Path
from tempfile import TemporaryDirectory
from typing import Any

import openpyxl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from xlkip.read.numbers import DASHES
from xlkip.read.records import TemplateData
from xlkip.read.sheets import TOTAL_WORDS, read_template
from xlkip.read.workbook import SourceWorkbook
from xlkip.schema import TEMPLATES
from xlkip.schema.base import Field, FormSheet, Kind, TableSheet
from xlkip.schema.writer import Period, write_template

PERIOD = Period(2024, 2021, 2026)


def _normalise(text: str) -> str:
    return " ".join(text.split())


staff_text = st.one_of(
    st.text(
        st.characters(categories=["L", "N", "P", "S", "Zs"], exclude_characters="\u2028\u2029"),
        min_size=1,
        max_size=30,
    ).map(_normalise),
    st.sampled_from(['=HYPERLINK("http://x","klik")', "=1+1", "1.100", "'0012", "Rp 5"]),
).filter(lambda t: t and t not in DASHES and t.casefold() not in TOTAL_WORDS)


def _decimal(low: int, high: int, places: int):
    return st.decimals(min_value=low, max_value=high, places=places).map(float)


def value_strategy(kind: Kind, choices: tuple[str, ...]) -> st.SearchStrategy[Any]:
    if choices and kind is Kind.CHOICE:
        return st.sampled_from(choices)
    return {
        Kind.TEXT: staff_text,
        Kind.PROSE: st.lists(staff_text, min_size=1, max_size=3).map("\n".join),
        Kind.CHOICE: staff_text,
        Kind.MONEY: st.integers(0, 10**13),
        Kind.COUNT: st.integers(0, 10**6),
        Kind.PERCENT: _decimal(0, 1, 4),
        Kind.INDEX: _decimal(0, 5, 2),
        Kind.MEASURE: _decimal(-(10**6), 10**6, 2),
        Kind.NUMBER: _decimal(0, 10**6, 2),
        Kind.YEAR: st.integers(1990, 2024),
        Kind.YEAR_RANGE: st.integers(1990, 2024).flatmap(
            lambda y: st.sampled_from([str(y), f"{y}-{y + 1}"])
        ),
    }[kind]


def _optional(strategy, required: bool):
    return strategy if required else st.one_of(st.none(), strategy)


def table_rows(sheet: TableSheet) -> st.SearchStrategy[list[dict[str, Any]]]:
    fields = {
        c.key: _optional(value_strategy(c.kind, c.choices), c.required) for c in sheet.columns
    }
    if sheet.year_columns:
        fields[sheet.year_columns.key] = st.fixed_dictionaries(
            {str(y): _optional(_decimal(0, 10**4, 2), False) for y in PERIOD.renstra_years}
        )
    if "satuan" in fields:  # the unit decides whether a measure is a percentage
        fields["satuan"] = st.sampled_from(["Indeks", "Informasi", "Titik"])
    return st.lists(st.fixed_dictionaries(fields), min_size=1, max_size=8)


def form_values(sheet: FormSheet) -> st.SearchStrategy[dict[str, Any]]:
    def strategy(field: Field):
        if field.kind is Kind.PERCENT:
            return _decimal(0, 1, 4)
        if field.kind is Kind.INDEX:
            return _decimal(0, 5, 2)
        return value_strategy(field.kind, field.choices)

    return st.fixed_dictionaries({f.key: strategy(f) for f in sheet.fields})


def template_content(template) -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries(
        {
            s.name: table_rows(s) if isinstance(s, TableSheet) else form_values(s)
            for s in template.sheets
        }
    )


def _filled_down(sheet: TableSheet, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """What staff mean by the rows: a blank fill-down cell repeats the one above."""
    expected, previous = [], {}
    for row in rows:
        values = {c.key: row[c.key] for c in sheet.columns}
        for column in sheet.columns:
            if column.fill_down and values[column.key] is None:
                values[column.key] = previous.get(column.key)
        previous = values
        expected.append(values)
    return expected


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_round_trip_every_template(data: st.DataObject) -> None:
    for template in TEMPLATES.values():
        content = data.draw(template_content(template), label=template.kind)
        with TemporaryDirectory() as folder:
            path = write_template(template, Path(folder) / template.filename, PERIOD, content)
            read = TemplateData(template, path)
            source = SourceWorkbook.open(path)
            findings = read_template(source, read, PERIOD)
            source.close()
        assert [f for f in findings if f.tingkat.value == "error"] == []
        for sheet in template.sheets:
            if isinstance(sheet, FormSheet):
                assert read.forms[sheet.name].values == content[sheet.name]
                continue
            records = read.tables[sheet.name].records
            assert [r.values for r in records] == _filled_down(sheet, content[sheet.name])
            if sheet.year_columns:
                assert [r.years for r in records] == [
                    {int(y): v for y, v in row["target"].items()} for row in content[sheet.name]
                ]


def _filled_down(sheet: TableSheet, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """What the reader gives for `rows`: a blank fill-down cell repeats the one above."""
    expected, previous = [], {}
    for row in rows:
        values = {c.key: row[c.key] for c in sheet.columns}
        for column in sheet.columns:
            if column.fill_down and values[column.key] is None:
                values[column.key] = previous.get(column.key)
            if column.fill_down and values[column.key] is not None:
                previous[column.key] = values[column.key]
        expected.append(values)
    return expected


def test_formula_text_stays_text(tmp_path: Path) -> None:
    template = TEMPLATES["aplikasi"]
    injected = '=HYPERLINK("http://contoh.invalid","klik")'
    row = {"jenis": "Aplikasi", "nama": injected, "tahun": "2024", "status": "Aktif"}
    path = write_template(template, tmp_path / "a.xlsx", PERIOD, {"Aplikasi dan Website": [row]})
    cell = openpyxl.load_workbook(path)["Aplikasi dan Website"]["B4"]
    assert cell.data_type == "s" and cell.value == injected
