"""Analysis (4) of Bab III: each indicator of a sasaran against its national standard,
read from the table comparing them (Perbandingan Realisasi dengan Standar Nasional) as
it shows its cells; "tidak ada" or "belum diisi" from the Standar Nasional sheet."""

from __future__ import annotations

from typing import Any

from xlkip.inputs import Inputs
from xlkip.render.dokumen.tabel import cell_text
from xlkip.rules.capaian import TURUN
from xlkip.rules.values import number_or_none
from xlkip.schema.narasi import ADA, STANDAR, TIDAK_ADA
from xlkip.sheet.model import Slot
from xlkip.text import identity_text

WHERE = f"narasi.xlsx, sheet {STANDAR.name}"


def _shown(slot: Slot) -> str:
    return cell_text(slot.value(), slot.style.num_format)


def _number(slot: Slot) -> float | None:
    return number_or_none(slot.value())


def versus_standard(
    records: list[Any], inputs: Inputs, result: Any, cited: str | None
) -> list[str]:
    """The sentences of one sasaran, `records` its IKU rows; `result` the built
    comparison table's (None when not produced), `cited` its label."""
    typed = {
        identity_text(r.get("indikator") or ""): r
        for r in inputs.records(STANDAR)
        if r.get("indikator")
    }
    keys = [identity_text(r.get("indikator") or "") for r in records]
    if not any(key in typed for key in keys):
        return [
            f"Standar nasional indikator sasaran ini belum diisi ({WHERE}, kolom Standar "
            "Nasional), sehingga belum dibandingkan dengan standar nasional."
        ]
    compared = result.rows if result is not None else {}
    sentences = []
    for record, key in zip(records, keys, strict=True):
        name = f'indikator "{record.get("indikator")}"'
        if key in compared:
            sentences.append(_compared(compared[key], name, inputs.tahun, cited))
        elif key not in typed:
            sentences.append(
                f"Standar nasional {name} belum diisi ({WHERE}, kolom Standar Nasional), "
                "sehingga belum dibandingkan dengan standar nasional."
            )
        elif typed[key].get("ada") == TIDAK_ADA:
            sentences.append(f"Tidak ada standar nasional untuk {name}.")
        elif typed[key].get("ada") == ADA:
            sentences.append(
                f"Standar nasional {name} ditandai Ada, tetapi nilainya belum diisi ({WHERE}, "
                "kolom Nilai Standar), sehingga belum dibandingkan."
            )
    return sentences


def _compared(row: Any, name: str, tahun: int, cited: str | None) -> str:
    sumber = row.standar.get("sumber")
    standard = f"standar nasional {_shown(row.nilai)}"
    cites = [f"sumber: {sumber}"] if sumber else []
    where = f" ({'; '.join([*cites, cited] if cited else cites)})" if cites or cited else ""
    realisasi, selisih = _number(row.realisasi), _number(row.selisih)
    said = f"Realisasi {name} tahun {tahun}"
    if realisasi is None or selisih is None:
        return f"{said} tidak diisi, sehingga belum dapat dibandingkan dengan {standard}{where}."
    said += f" sebesar {_shown(row.realisasi)}"
    if selisih == 0:
        return f"{said}, sama dengan {standard}{where}."
    turun = row.iku.get("arah") == TURUN
    word = "lebih tinggi" if selisih > 0 else "lebih rendah"
    better = (selisih < 0) if turun else (selisih > 0)
    verdict = "di atas" if better else "di bawah"
    rule = " (arah Turun: lebih rendah lebih baik)" if turun else ""
    gap = _gap(row.selisih)
    return (
        f"{said}, {word} {gap} dari {standard}{where}; kinerjanya {verdict} standar nasional{rule}."
    )


def _gap(selisih: Slot) -> str:
    """The difference as its cell shows it, unsigned; between two percentages it is
    in percentage points ("poin persen"), not a percent of the standard."""
    shown = _shown(selisih).removeprefix("-")
    if shown.endswith("%"):
        return f"{shown.removesuffix('%')} poin persen"
    return shown
