"""Bab III's comparisons per sasaran, read from the built comparison tables' cells:
against last year (Tabel 3.13) and against the Renstra's end-of-period target (Tabel
3.14). Each figure is the cell's value as the table shows it; nothing is recomputed."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from xlkip.inputs import Inputs
from xlkip.render.dokumen.tabel import cell_text, region, row_cells
from xlkip.rules.capaian import TURUN
from xlkip.rules.values import number_or_none
from xlkip.schema.kinerja import INDEX_BUKTI, RENSTRA
from xlkip.sheet.model import SheetModel, Slot
from xlkip.text import identity_text

SASARAN_COL, INDIKATOR_COL = 1, 2


@dataclass(frozen=True)
class Row:
    """One indicator row of a comparison table, its sasaran carried down its merge."""

    sasaran: str
    indikator: str
    cells: dict[int, Slot]

    def shown(self, col: int) -> str:
        slot = self.cells.get(col)
        return cell_text(slot.value(), slot.style.num_format) if slot is not None else ""

    def number(self, col: int) -> float | None:
        slot = self.cells.get(col)
        return number_or_none(slot.value()) if slot is not None else None


def indicator_rows(sheet: SheetModel) -> Iterator[Row]:
    where = region(sheet)
    sasaran = ""
    for row in range(where.header[1] + 1, where.last + 1):
        cells = row_cells(sheet, row)
        named = cells.get(SASARAN_COL)
        if named is not None and isinstance(named.content, str) and named.content.strip():
            sasaran = named.content
        indikator = cells.get(INDIKATOR_COL)
        if indikator is not None and isinstance(indikator.content, str):
            yield Row(sasaran, indikator.content, cells)


def by_sasaran(sheet: SheetModel | None) -> dict[str, list[Row]]:
    return grouped(indicator_rows(sheet) if sheet is not None else ())


def grouped(rows: Iterable[Row]) -> dict[str, list[Row]]:
    """The rows under each sasaran's identity, in order."""
    groups: dict[str, list[Row]] = defaultdict(list)
    for row in rows:
        groups[identity_text(row.sasaran)].append(row)
    return groups


def _iku_records(inputs: Inputs, iku: Any) -> dict[str, Any]:
    return {identity_text(r.record.get("indikator", "")): r.record for r in iku.rows}


def versus_last_year(rows: list[Row], inputs: Inputs, iku: Any) -> list[str]:
    """Tabel 3.13: this year's realisasi against last year's, better or worse by the
    indicator's arah (Turun: lower is better)."""
    tahun = inputs.tahun
    records = _iku_records(inputs, iku)
    sentences = []
    for row in rows:
        record = records.get(identity_text(row.indikator))
        now, before = row.number(4), row.number(3)
        name = f'Realisasi indikator "{row.indikator}"'
        if record is not None and inputs.lintas_instrumen and record.get("bukti") in INDEX_BUKTI:
            sentences.append(
                f"{name} tahun {tahun - 1} dan {tahun} dinilai dengan instrumen yang berbeda, "
                "sehingga tidak dibandingkan."
            )
        elif now is None or before is None:
            sentences.append(
                f"{name} tahun {tahun - 1} tidak tersedia, sehingga belum dapat "
                "dibandingkan dengan tahun lalu."
            )
        else:
            sentences.append(_trend(name, row, now, before, tahun, record))
    return sentences


def _trend(name: str, row: Row, now: float, before: float, tahun: int, record: Any) -> str:
    turun = record is not None and record.get("arah") == TURUN
    said = f"{name} tahun {tahun} sebesar {row.shown(4)}"
    if now == before:
        return f"{said}, sama dengan tahun {tahun - 1}."
    word = "naik" if now > before else "turun"
    better = (now < before) if turun else (now > before)
    rule = " (arah Turun: lebih rendah lebih baik)" if turun else ""
    verdict = "membaik" if better else "memburuk"
    return f"{said}, {word} dari {row.shown(3)} pada tahun {tahun - 1}; kinerjanya {verdict}{rule}."


def versus_renstra(rows: list[Row], inputs: Inputs) -> list[str]:
    """Tabel 3.14: how far this year's realisasi is along the Renstra's end target."""
    akhir = inputs.period.renstra_akhir
    sentences = []
    for row in rows:
        last = max(row.cells)
        capaian = row.number(last)
        if capaian is None:
            sentences.append(
                f'Target akhir Renstra ({akhir}) indikator "{row.indikator}" tidak diisi, '
                "sehingga capaian terhadapnya belum dapat dihitung."
            )
            continue
        sentences.append(
            f'Realisasi indikator "{row.indikator}" tahun {inputs.tahun} ({row.shown(4)}) '
            f"mencapai {row.shown(last)} dari target akhir Renstra tahun {akhir}."
        )
    return sentences


def renstra_rows(sheet: SheetModel | None, records: list[Any]) -> dict[int, Row]:
    """Tabel 3.14's row of each Renstra record, keyed by the record's input row: the
    table prints one row per record, in the sheet's order."""
    if sheet is None:
        return {}
    first = region(sheet).header[1] + 1
    rows: dict[int, Row] = {}
    sasaran = ""
    for offset, record in enumerate(records):
        cells = row_cells(sheet, first + offset)
        named = cells.get(SASARAN_COL)
        if named is not None and isinstance(named.content, str) and named.content.strip():
            sasaran = named.content
        rows[record.row] = Row(sasaran, str(record.get("indikator") or ""), cells)
    return rows


def renstra_of_sasaran(
    indicators: list[Any], name: str, links: dict[str, Any], rows: dict[int, Row]
) -> list[int]:
    """The Renstra rows of a sasaran: those its IKU indicators link to (column "Sama
    dengan IKU", else the same indicator name), or else those under its own name."""
    linked = (links.get(identity_text(r.get("indikator"))) for r in indicators)
    found = list(dict.fromkeys(r.row for r in linked if r is not None and r.row in rows))
    if not found:
        key = identity_text(name)
        found = [at for at, row in rows.items() if identity_text(row.sasaran) == key]
    return found


def unlinked_indicators(inputs: Inputs, indicators: list[Any], links: dict[str, Any]) -> str | None:
    """The sentence naming the sasaran's indicators no Renstra row stands for, when some
    others have one (all without: see no_renstra_row)."""
    names = [
        str(r.get("indikator"))
        for r in indicators
        if links.get(identity_text(r.get("indikator"))) is None
    ]
    if not names or len(names) == len(indicators):
        return None
    column = RENSTRA.column("iku").header
    listed = ", ".join(f'"{n}"' for n in names)
    return (
        f"Indikator {listed} belum dikaitkan dengan baris sheet Renstra "
        f'({inputs.file_of("kinerja")}, kolom "{column}"), sehingga belum dibandingkan dengan '
        f"target akhir Renstra ({inputs.period.renstra_akhir})."
    )


def no_renstra_row(inputs: Inputs) -> str:
    column = RENSTRA.column("iku").header
    return (
        "Indikator sasaran ini belum dikaitkan dengan baris mana pun di sheet Renstra "
        f'({inputs.file_of("kinerja")}, sheet {RENSTRA.name}, kolom "{column}"), sehingga '
        f"belum dibandingkan dengan target akhir Renstra ({inputs.period.renstra_akhir})."
    )
