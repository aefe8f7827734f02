"""The table registry's vocabulary: each output table declared once.

A `TableSpec` says what a table is (a stable key, its chapter, its title pattern), what
it reads (schema sheets), what it needs (other tables, by their specs) and how it is
built (a builder returning a typed result that later tables may reference). A `Plan`
decides, from the inputs alone, which tables are produced and the number each gets,
so the same numbers appear in the workbook and in the findings of `check`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from xlkip.schema.base import TableSheet

if TYPE_CHECKING:
    from xlkip.inputs import Inputs
    from xlkip.tables.common import Context

R = TypeVar("R")


@dataclass(frozen=True, eq=False)
class TableSpec(Generic[R]):
    key: str
    """Stable name (e.g. `capaian_iku`): numbers change with the inputs, keys never."""
    chapter: int
    title: str
    """Title after "Tabel N.M", with {subject}, {tahun}, {tahun_lalu}, {pemda},
    {pemda_short}, {provinsi}, {renstra_awal}, {renstra_akhir}."""
    build: Callable[[Context], R]
    reads: tuple[TableSheet, ...] = ()
    """Built only when each of these sheets has rows."""
    needs: tuple[TableSpec[Any], ...] = ()
    """Built only when these are built (they are built first)."""
    uses: tuple[TableSpec[Any], ...] = ()
    """Referenced when present (built first when they are)."""
    reference: bool = False
    """A reference scale: printed only beside a table that needs it."""
    when: Callable[[Inputs], bool] | None = None
    """A further condition on the inputs (e.g. rows of one jenis)."""

    def has_inputs(self, inputs: Inputs) -> bool:
        if not all(inputs.records(sheet) for sheet in self.reads):
            return False
        return self.when is None or self.when(inputs)

    def __repr__(self) -> str:
        return f"TableSpec({self.key})"


def table(
    key: str,
    chapter: int,
    title: str,
    reads: Sequence[TableSheet] = (),
    needs: Sequence[TableSpec[Any]] = (),
    uses: Sequence[TableSpec[Any]] = (),
    reference: bool = False,
    when: Callable[[Inputs], bool] | None = None,
) -> Callable[[Callable[[Context], R]], TableSpec[R]]:
    """Declare the decorated builder as an output table."""

    def declare(build: Callable[[Context], R]) -> TableSpec[R]:
        return TableSpec(
            key, chapter, title, build, tuple(reads), tuple(needs), tuple(uses), reference, when
        )

    return declare


@dataclass(frozen=True)
class Plan:
    """The tables produced, in report order, with their assigned numbers."""

    tables: tuple[TableSpec[Any], ...]
    numbers: dict[str, str] = field(default_factory=dict)

    def number(self, spec: TableSpec[Any]) -> str | None:
        return self.numbers.get(spec.key)

    def label(self, spec: TableSpec[Any]) -> str | None:
        number = self.number(spec)
        return None if number is None else f"Tabel {number}"

    def produces(self, spec: TableSpec[Any]) -> bool:
        return spec.key in self.numbers

    def build_order(self) -> list[TableSpec[Any]]:
        """Report order, except that a table comes after everything it references."""
        produced = {spec.key for spec in self.tables}
        done: dict[str, TableSpec[Any]] = {}

        def visit(spec: TableSpec[Any]) -> None:
            if spec.key in done:
                return
            for before in (*spec.needs, *spec.uses):
                if before.key in produced:
                    visit(before)
            done[spec.key] = spec

        for spec in self.tables:
            visit(spec)
        return list(done.values())


def make_plan(report: Sequence[TableSpec[Any]], inputs: Inputs) -> Plan:
    """Which of `report` (in report order) these inputs produce, numbered per chapter."""
    return plan_where(report, lambda spec: spec.has_inputs(inputs))


def plan_where(
    report: Sequence[TableSpec[Any]], has_inputs: Callable[[TableSpec[Any]], bool]
) -> Plan:
    """The plan when `has_inputs` says which tables have their inputs.

    A table is produced when its inputs exist and everything it needs is produced; a
    reference table only when a produced table needs it.
    """
    possible: dict[str, bool] = {}

    def can_build(spec: TableSpec[Any]) -> bool:
        if spec.key not in possible:
            possible[spec.key] = has_inputs(spec) and all(map(can_build, spec.needs))
        return possible[spec.key]

    chosen = [spec for spec in report if can_build(spec) and not spec.reference]
    wanted: set[str] = set()

    def want(spec: TableSpec[Any]) -> None:
        if spec.key not in wanted:
            wanted.add(spec.key)
            for needed in spec.needs:
                want(needed)

    for spec in chosen:
        want(spec)
    tables = tuple(spec for spec in report if spec.key in wanted)
    numbers: dict[str, str] = {}
    counts: dict[int, int] = {}
    for spec in tables:
        counts[spec.chapter] = counts.get(spec.chapter, 0) + 1
        numbers[spec.key] = f"{spec.chapter}.{counts[spec.chapter]}"
    return Plan(tables, numbers)
