"""Read SIPD downloads into the rows of a filled anggaran template, with a reconciliation.

`import_files` reads any number of downloads (a flattened per-account export, a recap
printed by level, an LRA by account; xlsx, xls or csv), builds program → kegiatan →
sub kegiatan from the codes, sums account rows into their sub kegiatan and reconciles
every figure the files print themselves. The result is the rows of a filled anggaran
template and a reconciliation; writing them is the caller's (xlkip.sipd.folder).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from xlkip.findings import Finding, Tingkat, error, info, peringatan
from xlkip.read.cells import quote
from xlkip.read.workbook import Unreadable
from xlkip.sipd.codes import Code, Level, classify, split_leading_code
from xlkip.sipd.grid import Grid, read_grids
from xlkip.sipd.header import HEADER_SCAN_ROWS, LOOKED_FOR, Layout, find_layout
from xlkip.sipd.model import Source, rupiah
from xlkip.sipd.periode import part_of_year
from xlkip.sipd.reader import SKIP_LOOSE_ACCOUNT, SKIP_OTHER_SKPD, Names, SheetReader, ref
from xlkip.sipd.reconcile import (
    Reconciliation,
    SourceSummary,
    Summed,
    check_lra,
    check_parents,
    check_totals,
    findings_of,
    proper_prefixes,
    sum_part,
)
from xlkip.sipd.twice import (
    count_copies_once,
    drop_repeated_sources,
    repeat_findings,
    repeated_rows,
)
from xlkip.text import identity_text

SUMBER_DANA = {
    "DAU": ("dau", "dana alokasi umum"),
    "DAK": ("dak", "dana alokasi khusus"),
    "DBH": ("dbh", "dana bagi hasil"),
    "PAD": ("pad", "pendapatan asli daerah"),
    "BLUD": ("blud",),
}
_TITLE_SKPD = re.compile(
    r"\b(?:skpd|opd|organisasi|perangkat daerah|unit organisasi)\b\s*:?\s*(.+)$", re.IGNORECASE
)
_TITLE_TAHUN = re.compile(r"\btahun(?:\s+anggaran)?\s*:?\s*((?:19|20)\d\d)\b", re.IGNORECASE)


@dataclass
class SipdImport:
    rows: list[dict[str, Any]]
    """Rows of the anggaran template's Realisasi Anggaran sheet."""
    findings: list[Finding]
    reconciliation: Reconciliation
    tahun: int | None
    skpd: list[str] = field(default_factory=list)
    """Names (or codes) of the SKPD written."""

    @property
    def valid(self) -> bool:
        return not any(f.tingkat is Tingkat.ERROR for f in self.findings)


def import_files(
    paths: list[Path],
    skpd: str | None = None,
    cached: dict[Path, list[Grid]] | None = None,
    annual: bool = True,
) -> SipdImport:
    """Read every download; `skpd` (a code or a name) keeps one SKPD where a file has several.
    `cached`: grids of files already read (the quarterly import reads periods first);
    `annual`: the figures are the year's, so a period printed short of it is a warning."""
    findings: list[Finding] = []
    names: Names = {}
    sources: list[Source] = []
    years: Counter[int] = Counter()
    origins: dict[int, Path] = {}
    for path in paths:
        try:
            grids = cached[path] if cached and path in cached else read_grids(path)
        except Unreadable as exc:
            findings.append(exc.finding)
            continue
        findings.extend(f for grid in grids for f in grid.findings)
        read = _read_file(path, grids, names, findings, years, annual)
        origins.update((id(source), path) for source in read)
        sources.extend(read)
    sources, twice = drop_repeated_sources(sources, origins)
    findings.extend(twice)
    result = Reconciliation()
    data = [s for s in sources if not s.is_lra]
    lras = [s for s in sources if s.is_lra]
    if not any(s.parts for s in data):
        if sources or not findings:
            findings.append(_no_sub_kegiatan(paths))
        return SipdImport([], findings, result, _tahun(years, sources))
    keep, skpd_findings = _choose_skpd(data, skpd)
    findings.extend(skpd_findings)
    written = _sum_sources(data, keep, result)
    result.repeats = [r for s in data for r in s.repeats if keep is None or r.skpd in keep]
    findings.extend(repeat_findings(result.repeats))
    for source in lras:
        result.sources.append(_summary(source, 0, 0))
    accounts = _account_prefixes(data, keep) if lras else None
    total = (sum(s.anggaran for s in written.values()), sum(s.realisasi for s in written.values()))
    for source in lras:
        check_lra(source, accounts, total, result)
    findings.extend(findings_of(result))
    rows, row_findings = _template_rows(written, data, names)
    findings.extend(row_findings)
    result.written, (result.anggaran, result.realisasi) = len(rows), total
    kept = list(dict.fromkeys(key for key, _ in written))
    shown = [_skpd_name(data, key) for key in kept if key]
    return SipdImport(rows, findings, result, _tahun(years, sources), shown)


def _read_file(
    path: Path,
    grids: list[Grid],
    names: Names,
    findings: list[Finding],
    years: Counter[int],
    annual: bool = True,
) -> list[Source]:
    laid_out = [(grid, find_layout(grid)) for grid in grids if grid.max_row]
    found = [(grid, layout) for grid, layout in laid_out if layout is not None]
    if not found:
        sheet = grids[0].sheet if grids else None
        findings.append(
            error(
                "sipd_tanpa_judul",
                f"Baris judul kolom tidak ditemukan di {HEADER_SCAN_ROWS} baris pertama. xlkip "
                f"mencari {LOOKED_FOR}. Pastikan ini unduhan laporan realisasi dari SIPD dan "
                "judul kolomnya tidak dihapus.",
                file=path.name,
                sheet=sheet,
            )
        )
        return []
    sources = []
    for grid, layout in found:
        problems = _layout_problems(grid, layout)
        findings.extend(problems)
        if problems:
            continue
        skpd_code, skpd_name, tahun = _title(grid, layout)
        if tahun:
            years[tahun] += 1
        default = skpd_code or (identity_text(skpd_name) if skpd_name else "")
        reader = SheetReader(grid, layout, names, default)
        if default and skpd_name:
            reader.source.skpd_names[default] = skpd_name
        source = reader.read()
        source.repeats = repeated_rows(source, grid, layout)
        count_copies_once(source)
        findings.extend(_choices(grid, layout))
        findings.extend(part_of_year(grid, layout.header_rows[0]) if annual else ())
        findings.extend(source.findings)
        years.update(source.tahun)
        sources.append(source)
    return sources


def _layout_problems(grid: Grid, layout: Layout) -> list[Finding]:
    header = layout.header_rows[-1]
    where = {"file": grid.file, "sheet": grid.sheet, "sel": ref(header, 1)}
    if not layout.code_columns:
        return [
            error(
                "sipd_tanpa_kolom_kode",
                f"Tidak ada kolom kode pada baris judul (baris {header}): xlkip mencari judul "
                "yang memuat kata 'kode' (mis. KODE SUB KEGIATAN, KODE REKENING). Program, "
                "kegiatan dan sub kegiatan disusun dari kodenya; unduh laporan yang memuat "
                "kolom kode.",
                **where,
            )
        ]
    problems = []
    for amount, words in (
        (layout.anggaran, "'anggaran', 'pagu' atau 'nominal'"),
        (
            layout.realisasi,
            "'realisasi'",
        ),
    ):
        if amount is None:
            kind = "anggaran" if "pagu" in words else "realisasi"
            problems.append(
                error(
                    "sipd_tanpa_kolom_angka",
                    f"Kolom {kind} tidak ditemukan pada baris judul (baris {header}): xlkip "
                    f"mencari judul yang memuat {words}.",
                    **where,
                )
            )
    return problems


def _choices(grid: Grid, layout: Layout) -> list[Finding]:
    """Say which column was used when there were several of one kind."""
    notes = []
    for kind, amount in (("anggaran", layout.anggaran), ("realisasi", layout.realisasi)):
        if amount is None or not amount.passed_over:
            continue
        others = ", ".join(f"'{quote(label, 40)}'" for label in amount.passed_over)
        why = " (yang dicairkan/dibayar)" if kind == "realisasi" else ""
        notes.append(
            info(
                "sipd_kolom_dipilih",
                f"Kolom {kind} yang dipakai: '{quote(amount.label, 40)}'{why}; tidak dipakai: "
                f"{others}.",
                file=grid.file,
                sheet=grid.sheet,
            )
        )
    return notes


def _title(grid: Grid, layout: Layout) -> tuple[str | None, str | None, int | None]:
    """SKPD and year printed in the title rows above the header."""
    skpd_code = skpd_name = tahun = None
    for row in range(1, layout.header_rows[0]):
        texts = [
            " ".join(str(v).split()) for v in grid.rows[row - 1] if v is not None and str(v).strip()
        ]
        line = " ".join(texts)
        year = _TITLE_TAHUN.search(line)
        if year and tahun is None:
            tahun = int(year.group(1))
        match = _TITLE_SKPD.search(line)
        if match and skpd_name is None:
            value = match.group(1).lstrip(": ").strip()
            code, rest = split_leading_code(value)
            classified = classify(code) if code else None
            if classified is not None and classified.level is Level.ORGANISASI:
                skpd_code, skpd_name = classified.text, rest or None
            else:
                skpd_name = value
    return skpd_code, skpd_name, tahun


def _tahun(years: Counter[int], sources: list[Source]) -> int | None:
    return years.most_common(1)[0][0] if years else None


def _no_sub_kegiatan(paths: list[Path]) -> Finding:
    return error(
        "sipd_tanpa_sub_kegiatan",
        "Tidak ada baris sub kegiatan (kode seperti 2.16.02.2.01.0021) di berkas "
        f"{', '.join(p.name for p in paths)}. Sertakan laporan realisasi per sub kegiatan; "
        "LRA per rekening hanya dipakai untuk rekonsiliasi.",
        file=paths[0].name if len(paths) == 1 else None,
    )


# -- SKPD ---------------------------------------------------------------------------------


def _skpd_name(sources: list[Source], key: str) -> str:
    for source in sources:
        if key in source.skpd_names:
            return source.skpd_names[key]
    return key


def _matches(wanted: str, key: str, name: str | None) -> bool:
    code = classify(wanted.strip())
    if code is not None and code.level is Level.ORGANISASI:
        return key == code.text
    if wanted.strip() == key:
        return True
    want = identity_text(wanted)
    have = identity_text(name) if name else key
    return bool(want) and (want == have or f" {want} " in f" {have} " or f" {have} " in f" {want} ")


def _choose_skpd(
    sources: list[Source], wanted: str | None
) -> tuple[set[str] | None, list[Finding]]:
    """Which SKPD to write: all of a file's if it holds one; the wanted one of several."""
    findings: list[Finding] = []
    keep: set[str] = set()
    for source in sources:
        keys = list(dict.fromkeys(part.skpd for part in source.parts.values() if part.skpd))
        names = {key: source.skpd_names.get(key) for key in keys}
        matching = [k for k in keys if wanted and _matches(wanted, k, names[k])]
        listed = ", ".join(quote(names[k] or k, 50) for k in keys[:8])
        listed += "…" if len(keys) > 8 else ""
        if len(keys) >= 2 and wanted and matching:
            keep.update(matching)
            others = [k for k in keys if k not in matching]
            findings.append(
                info(
                    "sipd_skpd_lain",
                    f"Berkas memuat {len(keys)} SKPD; hanya '{quote(wanted, 60)}' yang diimpor. "
                    f"Baris SKPD lain dilewati: "
                    + ", ".join(quote(names[k] or k, 50) for k in others[:8])
                    + ("…" if len(others) > 8 else "")
                    + ".",
                    **source.where,
                )
            )
        elif len(keys) >= 2 and wanted:
            findings.append(
                error(
                    "sipd_skpd_tidak_ada",
                    f"SKPD '{quote(wanted, 60)}' tidak ada di berkas ini, yang memuat {len(keys)} "
                    f"SKPD: {listed}. Sebutkan SKPD dengan --skpd (nama atau kode seperti "
                    "tertulis di berkas).",
                    **source.where,
                )
            )
        elif len(keys) >= 2:
            keep.update(keys)
            findings.append(
                peringatan(
                    "sipd_beberapa_skpd",
                    f"Berkas memuat {len(keys)} SKPD ({listed}); semuanya diimpor. Untuk satu "
                    "SKPD, isi identitas.xlsx di folder tujuan atau sebutkan --skpd.",
                    **source.where,
                )
            )
        else:
            keep.update(keys)
            if keys and wanted and not matching:
                findings.append(
                    peringatan(
                        "sipd_skpd_berbeda",
                        f"SKPD di berkas ('{quote(names[keys[0]] or keys[0], 60)}') berbeda "
                        f"dengan '{quote(wanted, 60)}'. Periksa bahwa berkas ini milik SKPD "
                        "Anda.",
                        **source.where,
                    )
                )
    keep.add("")
    return keep, findings


# -- summing ------------------------------------------------------------------------------


def _sum_sources(
    sources: list[Source], keep: set[str] | None, result: Reconciliation
) -> dict[tuple[str, str], Summed]:
    written: dict[tuple[str, str], Summed] = {}
    for source in sources:
        contributions = []
        account_rows = sub_rows = 0
        for part in source.parts.values():
            summed = sum_part(part, source, result)
            contributions.extend(summed.contributions)
            if keep is not None and part.skpd not in keep:
                for row in [e[3] for e in part.accounts] + [e[2] for e in part.own]:
                    source.skip(SKIP_OTHER_SKPD, row)
                continue
            account_rows += summed.account_rows
            sub_rows += len(part.own)
            key = (part.skpd, part.code)
            previous = written.get(key)
            if previous is None:
                written[key] = summed
            else:
                previous.anggaran += summed.anggaran
                previous.realisasi += summed.realisasi
        contributions.sort(key=lambda c: c[0])
        check_parents(source, contributions, result)
        check_totals(source, contributions, result)
        for loose in source.loose_accounts:
            source.skip(SKIP_LOOSE_ACCOUNT, loose.row)
        summary = _summary(source, account_rows, sub_rows)
        summary.sub_kegiatan = sum(
            1 for p in source.parts.values() if keep is None or p.skpd in keep
        )
        result.sources.append(summary)
    return written


def _summary(source: Source, account_rows: int, sub_rows: int) -> SourceSummary:
    return SourceSummary(
        source.file,
        source.sheet,
        source.rows_read,
        account_rows,
        sub_rows,
        len(source.parts),
        source.is_lra,
        {reason: (s.count, s.rows) for reason, s in source.skipped.items()},
    )


def _account_prefixes(sources: list[Source], keep: set[str] | None) -> dict[str, list[int]] | None:
    """Written amounts per account prefix (5.1, 5.1.02), if every part has its accounts:
    the lowest accounts of every sub kegiatan (a pemda's export: 100 000s of rows),
    summed by their first two and first three parts."""
    import pandas as pd  # only here: `xlkip compile` never pays for importing it

    leaves: list[tuple[str, int, int]] = []
    for source in sources:
        for part in source.parts.values():
            if keep is not None and part.skpd not in keep:
                continue
            if not part.accounts:
                return None
            prefixes = proper_prefixes({c for c, _, _, _ in part.accounts})
            leaves.extend((c, a, r) for c, a, r, _ in part.accounts if c not in prefixes)
    # object dtype: amounts are whole sen, summed exactly whatever their size
    frame = pd.DataFrame(leaves, columns=["kode", "anggaran", "realisasi"], dtype=object)
    parts = frame["kode"].str.split(".")
    sums: dict[str, list[int]] = {}
    for depth in (2, 3):
        by_prefix = frame.groupby(parts.str[:depth].str.join("."), sort=False)
        for prefix, (anggaran, realisasi) in by_prefix[["anggaran", "realisasi"]].sum().iterrows():
            entry = sums.setdefault(prefix, [0, 0])
            entry[0] += anggaran
            entry[1] += realisasi
    return sums


# -- template rows ------------------------------------------------------------------------


def _template_rows(
    written: dict[tuple[str, str], Summed], sources: list[Source], names: Names
) -> tuple[list[dict[str, Any]], list[Finding]]:
    order = {key: i for i, key in enumerate(dict.fromkeys(skpd for skpd, _ in written))}
    sumber = _sumber_dana(sources)
    missing: dict[str, list[str]] = {}
    findings: list[Finding] = []
    rows = []
    for skpd, code in sorted(written, key=lambda k: (order[k[0]], k[1])):
        summed = written[(skpd, code)]
        sub = Code(code, Level.SUB_KEGIATAN)
        program, kegiatan = sub.prefix(Level.PROGRAM), sub.prefix(Level.KEGIATAN)
        row = {
            "kode": code,
            "program": _name(names, skpd, program, "Program", missing),
            "kegiatan": _name(names, skpd, kegiatan, "Kegiatan", missing),
            "sub_kegiatan": _name(names, skpd, code, "Sub Kegiatan", missing),
            "sumber_dana": sumber.get((skpd, code)),
            "anggaran": _rupiah_value(summed.anggaran),
            "realisasi": _rupiah_value(summed.realisasi),
        }
        if summed.anggaran < 0 or summed.realisasi < 0:
            findings.append(
                error(
                    "sipd_jumlah_negatif",
                    f"Sub kegiatan {code} berjumlah negatif (anggaran "
                    f"Rp{rupiah(summed.anggaran)}, realisasi Rp{rupiah(summed.realisasi)}). "
                    "Periksa baris koreksi/pengembalian di berkas SIPD.",
                )
            )
        rows.append(row)
    for level, codes in missing.items():
        findings.append(
            peringatan(
                "sipd_nama_tidak_ada",
                f"Nama {level.lower()} tidak ada di berkas untuk kode {', '.join(codes[:10])}"
                + ("…" if len(codes) > 10 else "")
                + f"; ditulis '{level} <kode>'. Lengkapi namanya di template anggaran.",
            )
        )
    return rows, findings


def _name(names: Names, skpd: str, code: str, level: str, missing: dict[str, list[str]]) -> str:
    name = names.get((skpd, code))
    if name:
        return name
    codes = missing.setdefault(level, [])
    if code not in codes:
        codes.append(code)
    return f"{level} {code}"


def _rupiah_value(sen: int) -> int | float:
    return sen // 100 if sen % 100 == 0 else sen / 100


def _sumber_dana(sources: list[Source]) -> dict[tuple[str, str], str]:
    found: dict[tuple[str, str], list[str]] = {}
    for source in sources:
        for key, part in source.parts.items():
            found.setdefault(key, []).extend(part.sumber_dana)
    return {
        key: ", ".join(dict.fromkeys(_short_sumber(t) for t in texts))
        for key, texts in found.items()
        if texts
    }


def _short_sumber(text: str) -> str:
    """'DAU - DANA ALOKASI UMUM' -> 'DAU'; unknown names stay as written."""
    folded = f" {identity_text(text)} "
    for short, spellings in SUMBER_DANA.items():
        if any(f" {s} " in folded for s in spellings):
            return short
    return text


__all__ = ["SipdImport", "import_files"]
