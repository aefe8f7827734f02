"""Nothing counted twice: the same download given twice, and a row repeated inside one.

A download is the same as another when what was read from it is (every account, sub
kegiatan, parent and total row with its amounts, row numbers aside), whatever its format:
an export saved as .csv and as .xlsx is one export. A row is repeated when another row of
the same sub kegiatan has the same account (or none) and the same text in every column
that is not an amount, a row number or a code of a higher level.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from xlkip.findings import Finding, error, peringatan
from xlkip.read.cells import quote
from xlkip.sipd.grid import Grid
from xlkip.sipd.header import IGNORED, URUSAN_SIDE, Layout, words
from xlkip.sipd.model import Repeat, Source, rupiah
from xlkip.sipd.reader import ref

_NUMBERING = {"no", "nomor", "nmr", "urut"}
_CODED_NAMES = {*URUSAN_SIDE, "rekening"}


# -- the same download twice --------------------------------------------------------------


def content(source: Source) -> tuple | None:
    """What a sheet gives, in an order of its own: None when it gives nothing."""
    entries: list[tuple] = []
    for part in source.parts.values():
        entries.extend(("a", part.skpd, part.code, c, a, r) for c, a, r, _ in part.accounts)
        entries.extend(("s", part.skpd, part.code, "", a, r) for a, r, _ in part.own)
    entries.extend(("p", p.skpd, p.level, p.code, p.anggaran, p.realisasi) for p in source.parents)
    entries.extend(("t", "", "", "", t.anggaran, t.realisasi) for t in source.totals)
    entries.extend(("l", "", "", c.code, c.anggaran, c.realisasi) for c in source.loose_accounts)
    return tuple(sorted(entries)) if entries else None


def drop_repeated_sources(
    sources: list[Source], origins: dict[int, Path]
) -> tuple[list[Source], list[Finding]]:
    """Keep the first of sheets with the same content; each later one is an error."""
    seen: dict[tuple, Source] = {}
    kept: list[Source] = []
    findings: list[Finding] = []
    for source in sources:
        key = content(source)
        first = seen.get(key) if key is not None else None
        if first is None:
            if key is not None:
                seen[key] = source
            kept.append(source)
            continue
        findings.append(_same_download(source, first, origins))
    findings.extend(_overlaps(kept, origins))
    return kept, findings


def _rows(source: Source) -> Counter[tuple]:
    rows: Counter[tuple] = Counter()
    for part in source.parts.values():
        rows.update((part.skpd, part.code, c, a, r) for c, a, r, _ in part.accounts)
        rows.update((part.skpd, part.code, None, a, r) for a, r, _ in part.own)
    return rows


def _overlaps(sources: list[Source], origins: dict[int, Path]) -> list[Finding]:
    """A download that is, for half of its rows or more, another one given (same sub
    kegiatan, account and amounts): part of one export given twice. An error, not
    dropped: its other rows may be new."""
    rows = [(source, _rows(source)) for source in sources]
    findings = []
    for index, (later, later_rows) in enumerate(rows):
        for earlier, earlier_rows in rows[:index]:
            shared = sum((later_rows & earlier_rows).values())
            smaller = min(later_rows.total(), earlier_rows.total())
            if shared and shared * 2 >= smaller:
                findings.append(_overlap(later, earlier, shared, later_rows.total(), origins))
                break
    return findings


def _overlap(
    source: Source, first: Source, shared: int, count: int, origins: dict[int, Path]
) -> Finding:
    names = _names(origins[id(source)], origins[id(first)])
    return error(
        "sipd_berkas_ganda",
        f"{shared} dari {count} baris {quote(_label(source, names[0]))} sama persis (sub "
        f"kegiatan, rekening dan angkanya) dengan baris di {quote(_label(first, names[1]))}: "
        "sebagian unduhan yang sama diberikan dua kali, sehingga angkanya terhitung dua kali. "
        "Sebutkan setiap unduhan satu kali saja, atau hapus baris yang sama dari salah satunya.",
        **source.where,
    )


def _names(here: Path, there: Path) -> tuple[str, str]:
    """File names; with their folder when two files share a name (a/flat.csv, b/flat.csv)."""
    if here.name != there.name:
        return here.name, there.name
    if here.parent.name != there.parent.name:
        return f"{here.parent.name}/{here.name}", f"{there.parent.name}/{there.name}"
    return str(here), str(there)


def _same_download(source: Source, first: Source, origins: dict[int, Path]) -> Finding:
    here, there = origins[id(source)], origins[id(first)]
    if here.resolve() == there.resolve():
        what = f"Berkas {quote(_label(source, here.name))} disebut dua kali."
    else:
        names = _names(here, there)
        what = (
            f"{quote(_label(source, names[0]))} berisi baris yang sama persis dengan "
            f"{quote(_label(first, names[1]))}: unduhan yang sama diberikan dua kali (mungkin "
            "sekali sebagai CSV dan sekali sebagai Excel)."
        )
    return error(
        "sipd_berkas_ganda",
        f"{what} Angkanya hanya dihitung sekali; sebutkan setiap unduhan satu kali saja.",
        **source.where,
    )


def _label(source: Source, name: str) -> str:
    return name if source.sheet is None else f"{name} (sheet {source.sheet})"


# -- a row twice in one sheet -------------------------------------------------------------


def repeated_rows(source: Source, grid: Grid, layout: Layout) -> list[Repeat]:
    """Rows of one sheet that repeat an earlier row of the same sub kegiatan and account."""
    columns = identity_columns(layout, grid.max_col)
    found: list[Repeat] = []
    for part in source.parts.values():
        by_account: dict[str | None, list[tuple[int, int, int]]] = defaultdict(list)
        for code, a, r, row in part.accounts:
            by_account[code].append((row, a, r))
        by_account[None].extend((row, a, r) for a, r, row in part.own)
        for account, rows in by_account.items():
            if len(rows) < 2:
                continue
            col = _code_column(layout, account is not None)
            earlier: dict[tuple, tuple[int, int, int]] = {}
            for row, a, r in rows:
                key = tuple(_text(grid.value(row, column)) for column in columns)
                if key not in earlier:
                    earlier[key] = (row, a, r)
                    continue
                first, fa, fr = earlier[key]
                found.append(
                    Repeat(
                        source.file,
                        source.sheet,
                        row,
                        first,
                        part.skpd,
                        part.code,
                        account,
                        a,
                        r,
                        (a, r) == (fa, fr),
                        (ref(row, col), ref(first, col)),
                    )
                )
    return sorted(found, key=lambda repeat: repeat.row)


def identity_columns(layout: Layout, width: int) -> list[int]:
    """The columns that tell two rows of one sub kegiatan and account apart: every column
    but the amounts, row numbers, percentages, and the codes and the names of the levels
    they give (the codes are compared once normalised: 2.16.02.2.01.21 is …0021)."""
    amounts = {col for col, role in layout.roles.items() if role.kind in ("anggaran", "realisasi")}
    coded_names = {col for level, col in layout.names.items() if level in _CODED_NAMES}
    left_out = amounts | coded_names | set(layout.code_columns)
    for col, label in layout.labels.items():
        tokens = set(words(label))
        if tokens & IGNORED or (tokens and tokens <= _NUMBERING):
            left_out.add(col)
    return [col for col in range(1, width + 1) if col not in left_out]


def _code_column(layout: Layout, account: bool) -> int:
    order = [layout.rekening] if account else []
    order += [*reversed(layout.side_codes), *layout.generic_codes]
    return next((c for c in order if c), 1)


def _text(value: Any) -> Any:
    if isinstance(value, str):
        return " ".join(value.split()).casefold()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def count_copies_once(source: Source) -> None:
    """A row that repeats another with the same amounts is a copy (a download or a paste
    made twice): it is left out of the sums. One with other amounts is summed."""
    copies = {repeat.row for repeat in source.repeats if repeat.same_amounts}
    if not copies:
        return
    for part in source.parts.values():
        part.accounts = [entry for entry in part.accounts if entry[3] not in copies]
        part.own = [entry for entry in part.own if entry[2] not in copies]


def repeat_findings(repeats: list[Repeat]) -> list[Finding]:
    """A peringatan at both rows of each repeat."""
    findings = []
    for repeat in repeats:
        what = (
            f"rekening {repeat.rekening} pada sub kegiatan {repeat.sub_kegiatan}"
            if repeat.rekening
            else f"sub kegiatan {repeat.sub_kegiatan}"
        )
        if repeat.same_amounts:
            verdict = (
                f"isian kolom lainnya dan angkanya sama (anggaran Rp{rupiah(repeat.anggaran)}, "
                f"realisasi Rp{rupiah(repeat.realisasi)}). Dihitung sekali saja. Bila di SIPD "
                "memang ada dua baris ini, gabungkan keduanya menjadi satu baris berisi "
                "jumlahnya lalu impor ulang."
            )
        else:
            verdict = (
                "isian kolom lainnya sama, tetapi angkanya berbeda. Keduanya dijumlahkan. "
                "Bila salah satunya salinan yang keliru, hapus baris itu lalu impor ulang."
            )
        for row, other, cell in (
            (repeat.first, repeat.row, repeat.cells[1]),
            (repeat.row, repeat.first, repeat.cells[0]),
        ):
            findings.append(
                peringatan(
                    "sipd_baris_ganda",
                    f"Baris {row} dan baris {other} sama: {what}; {verdict}",
                    file=repeat.file,
                    sheet=repeat.sheet,
                    sel=cell,
                )
            )
    return findings
