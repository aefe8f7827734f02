"""Read one sheet of a download row by row: codes decide what each row is."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from xlsxwriter.utility import xl_col_to_name

from xlkip.findings import error
from xlkip.read.cells import Spec, coerce, quote
from xlkip.schema.base import Kind
from xlkip.sipd.codes import (
    Code,
    Level,
    classify,
    classify_repeated,
    compose,
    split_leading_code,
)
from xlkip.sipd.grid import Grid
from xlkip.sipd.header import Amount, Layout, role_of
from xlkip.sipd.mangled import code_finding, damaged, mangled, superseded
from xlkip.sipd.model import LraRow, Parent, Part, Source, TotalRow, rupiah
from xlkip.text import identity_text

TOTAL_LABEL = re.compile(r"(?:grand\s*|sub\s*-?\s*)?(?:total|jumlah)\b", re.IGNORECASE)
"""A subtotal or total row: JUMLAH, TOTAL …, SUB TOTAL, Subtotal, Sub-Jumlah, GRAND TOTAL."""
UPPER_LEVELS = {
    Level.URUSAN_ATAU_AKUN: "urusan",
    Level.BIDANG: "bidang",
    Level.PROGRAM: "program",
    Level.KEGIATAN: "kegiatan",
}
NAME_LEVELS = {
    "program": Level.PROGRAM,
    "kegiatan": Level.KEGIATAN,
    "sub_kegiatan": Level.SUB_KEGIATAN,
}
SKIP_NO_CODE = "baris tanpa kode (judul, keterangan atau tanda tangan)"
SKIP_NO_CODE_AMOUNT = "baris tanpa kode tetapi berisi angka"
SKIP_NUMBERS = "baris nomor kolom (1, 2, 3, …)"
SKIP_HEADER = "judul kolom berulang"
SKIP_OTHER_SKPD = "milik SKPD lain"
SKIP_BAD_CODE = "kode tidak dikenal"
SKIP_DAMAGED_CODE = "kode diubah Excel menjadi tanggal atau angka"
SKIP_LOOSE_ACCOUNT = "rekening tanpa sub kegiatan di atasnya"

Names = dict[tuple[str, str], str]


def is_total_label(value: Any) -> bool:
    return isinstance(value, str) and TOTAL_LABEL.match(value.strip()) is not None


def ref(row: int, col: int) -> str:
    return f"{xl_col_to_name(col - 1)}{row}"


def code_text(value: Any, pad: bool) -> str:
    """A code cell as text. A code typed as a number lost its leading zero (2 for '02'):
    in a split code column after the first, one digit is given back its zero."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int) and not isinstance(value, bool):
        text = str(value)
        return text.zfill(2) if pad and len(text) == 1 else text
    return str(value).strip()


_GROUPED = re.compile(r"^\d{1,3}(?:\.\d{3})+(?:,\d{1,2})?$")


def quick_sen(text: str) -> int | None:
    """The common spellings of an amount, fast: '1.500.000,00', '(250.000,00)', '-1500',
    '1500000'. None for anything else (read by xlkip.read.cells, with its messages)."""
    text = text.strip()
    negative = text[:1] == "(" and text[-1:] == ")"
    if negative:
        text = text[1:-1].strip()
    if text[:1] == "-":
        negative, text = not negative, text[1:]
    if text.isdigit():
        sen = int(text) * 100
    elif _GROUPED.match(text):
        whole, _, fraction = text.partition(",")
        sen = int(whole.replace(".", "")) * 100 + int(fraction.ljust(2, "0") or 0)
    else:
        return None
    return -sen if negative else sen


def skpd_key(code: str | None, name: str | None) -> str:
    if code:
        return code
    return identity_text(name) if name else ""


class SheetReader:
    def __init__(
        self,
        grid: Grid,
        layout: Layout,
        names: Names,
        default_skpd: str = "",
    ) -> None:
        self.grid, self.layout, self.names = grid, layout, names
        self.source = Source(grid.file, grid.sheet)
        self.skpd = default_skpd
        self.current: Part | None = None
        self.specs = {
            col: Spec(layout.labels[col], Kind.MONEY, dash_is_zero=True, minimum=None)
            for amount in (layout.anggaran, layout.realisasi)
            if amount
            for col in (*amount.columns, *amount.jenis.values())
        }
        self._text_cache: dict[str, tuple[int | None, str | None]] = {}
        self._code_cache: dict[tuple, tuple[str, str | None, int | None]] = {}
        self._named: set[tuple[str, str]] = set()
        self._years: dict[Any, int | None] = {}
        self._flat = _FlatColumns.of(layout)
        self._flat_subs: dict[tuple, Code | None] = {}
        self._flat_accounts: dict[Any, str | None] = {}
        self._skpd_cache: dict[tuple, str | None] = {}
        self._total_cache: dict[Any, bool] = {}
        self._amount_columns = {
            col - 1 for col, role in layout.roles.items() if role.kind in ("anggaran", "realisasi")
        }

    # -- cells --------------------------------------------------------------------------

    def _sen(self, row: int, col: int) -> int:
        raw = self.grid.value(row, col)
        if raw is None:
            return 0
        if isinstance(raw, float | int) and not isinstance(raw, bool):
            return round(raw * 100)
        if isinstance(raw, str):
            quick = quick_sen(raw)
            if quick is not None:
                return quick
            cached = self._text_cache.get(raw)
            if cached is None:
                value, problem = coerce(self.specs[col], raw)
                cached = (None, problem.pesan) if problem else (round((value or 0) * 100), None)
                self._text_cache[raw] = cached
            if cached[1] is None:
                return cached[0]
            message = cached[1]
        else:
            _, problem = coerce(self.specs[col], raw)
            message = problem.pesan if problem else "bukan angka"
        self.source.findings.append(
            error("bukan_angka", message, **self.source.where, sel=ref(row, col))
        )
        return 0

    def _amount(self, row: int, amount: Amount | None) -> int:
        if amount is None:
            return 0
        return sum(self._sen(row, col) for col in amount.columns)

    def _cells(self, row: int) -> tuple[str | None, str | None]:
        a, r = self.layout.anggaran, self.layout.realisasi
        return (
            ref(row, a.columns[0]) if a else None,
            ref(row, r.columns[0]) if r else None,
        )

    def _text(self, row: int, col: int | None) -> str | None:
        if col is None:
            return None
        value = self.grid.value(row, col)
        if value is None:
            return None
        text = " ".join(str(value).split())
        return text or None

    def _code(self, row: int, columns: list[int]) -> tuple[str, str | None, int | None]:
        """The code of split or single code columns, the text after it, its first cell."""
        if not columns:
            return "", None, None
        raws = tuple(self.grid.value(row, col) for col in columns)
        key = (raws, tuple(columns))
        found = self._code_cache.get(key)
        if found is None:
            found = self._code_cache[key] = _compose_cells(raws, columns)
        return found

    # -- rows ---------------------------------------------------------------------------

    def read(self) -> Source:
        first = self.layout.first_data_row
        for row in range(first, self.grid.max_row + 1):
            self._row(row)
        return self.source

    def _row(self, row: int) -> None:
        values = self.grid.rows[row - 1]
        if values.count(None) + values.count("") == len(values):
            return
        self.source.rows_read += 1
        if self._flat is not None and self._flat_row(row, values, self._flat):
            return
        if _is_numbering(values):
            self.source.skip(SKIP_NUMBERS, row)
            return
        layout = self.layout
        if layout.tahun is not None:
            self._tahun(row)
        if self._damaged_code(row):
            return
        skpd = self._row_skpd(row)
        row_skpd = skpd if skpd is not None else self.skpd
        side, side_text, side_col = self._code(row, layout.side_codes)
        generic, generic_text, generic_col = self._code(row, layout.generic_codes)
        rekening, rekening_text, rekening_col = self._code(
            row, [layout.rekening] if layout.rekening else []
        )
        label = self._total_label(values)
        if not (side or generic or rekening):
            self._without_code(row, label)
            return
        found: dict[str, Any] = {}
        for text, col, in_rekening in (
            (side, side_col, False),
            (generic, generic_col, False),
            (rekening, rekening_col, True),
        ):
            if not text:
                continue
            code = classify_repeated(text)
            if code is None:
                self._bad_code(row, col, text)
                return
            self._place(found, code, in_rekening, row)
        if label is not None:
            # An account row outside a sub kegiatan (an LRA's "5 JUMLAH BELANJA") stays one.
            scope = self._scope(found, row_skpd)
            if scope is not None or "organisasi" in found:
                self._total(row, label, scope)
                return
        name = self._text(row, layout.names.get(None)) or generic_text or side_text
        if "organisasi" in found:
            self._organisasi(row, found["organisasi"], name or rekening_text)
            return
        self._coded_row(row, row_skpd, found, name)

    def _place(self, found: dict[str, Any], code: Code, in_rekening: bool, row: int) -> None:
        if code.level is Level.SUB_KEGIATAN:
            found["sub"] = code
            if code.rekening:
                found["rekening"] = code.rekening
        elif code.level is Level.REKENING:
            found["rekening"] = code.text
        elif code.level is Level.URUSAN_ATAU_AKUN:
            # One digit: an akun when it stands in the account column or inside a sub
            # kegiatan's account rows; an urusan otherwise.
            if in_rekening or self.current is not None or self._rekening_follows(row):
                found["rekening"] = code.text
            else:
                found["upper"] = code
        elif code.level is Level.ORGANISASI:
            found["organisasi"] = code
        else:
            found["upper"] = code

    def _flat_row(self, row: int, values: list[Any], flat: _FlatColumns) -> bool:
        """The common flattened export (one sub kegiatan and one account per row), fast;
        False for any other row, which the general path reads."""
        if len(values) <= flat.widest:
            return False
        side = tuple(values[i] for i in flat.side)
        sub = self._flat_subs.get(side, ...)
        if sub is ...:
            text = _compose_cells(side, self.layout.side_codes)[0]
            code = classify(text) if text and damaged(side) is None else None
            ok = code is not None and code.level is Level.SUB_KEGIATAN and not code.rekening
            sub = self._flat_subs[side] = code if ok else None
        if sub is None:
            return False
        raw = values[flat.rekening]
        account = self._flat_accounts.get(raw, ...)
        if account is ...:
            text = _compose_cells((raw,), [flat.rekening + 1])[0]
            code = classify(text) if text and not mangled(raw, account_column=True) else None
            ok = code is not None and code.level is Level.REKENING
            account = self._flat_accounts[raw] = code.text if ok else None
        if account is None or self._flat_total(values, flat):
            return False
        tahun = self.layout.tahun
        if tahun is not None:
            self._count_year(values[tahun - 1] if tahun <= len(values) else None)
        skpd_raw = tuple(values[i] for i in flat.skpd)
        skpd = self._skpd_cache.get(skpd_raw, ...)
        if skpd is ...:
            skpd = self._skpd_cache[skpd_raw] = self._row_skpd(row)
        skpd = skpd if skpd is not None else self.skpd
        anggaran = self._flat_sen(values[flat.anggaran], row, flat.anggaran)
        realisasi = self._flat_sen(values[flat.realisasi], row, flat.realisasi)
        part = self._part(skpd, sub.text)
        self._names_of(row, skpd, sub, None)
        if self.layout.sumber_dana is not None:
            sumber = self._text(row, self.layout.sumber_dana)
            if sumber:
                part.sumber_dana.append(sumber)
        part.accounts.append((account, anggaran, realisasi, row))
        self.current = part
        return True

    def _damaged_code(self, row: int) -> bool:
        """A code Excel made a date or a decimal of: a finding at its cell, the row left out."""
        layout = self.layout
        for columns, account in (
            (layout.side_codes, False),
            (layout.generic_codes, False),
            ([layout.rekening] if layout.rekening else [], True),
        ):
            raws = tuple(self.grid.value(row, col) for col in columns)
            index = damaged(raws, account_column=account)
            if index is not None:
                self.source.skip(SKIP_DAMAGED_CODE, row)
                cell = ref(row, columns[index])
                self.source.findings.append(code_finding(raws[index], self.source.where, cell))
                return True
        return False

    def _flat_total(self, values: list[Any], flat: _FlatColumns) -> bool:
        """A subtotal row with its codes filled down is no account row."""
        for index in flat.names:
            raw = values[index] if index < len(values) else None
            total = self._total_cache.get(raw)
            if total is None:
                total = self._total_cache[raw] = is_total_label(raw)
            if total:
                return True
        return False

    def _total_label(self, values: list[Any]) -> str | None:
        """The text that makes this row a subtotal or total (never an amount cell's)."""
        for index, value in enumerate(values):
            if index not in self._amount_columns and is_total_label(value):
                return " ".join(value.split())
        return None

    def _scope(self, found: dict[str, Any], skpd: str) -> tuple[str, str, str | None] | None:
        """What a coded total row sums: the rows of its program, kegiatan or sub kegiatan
        (skpd, code, None), or an account prefix of the sub kegiatan above it."""
        for key in ("sub", "upper"):
            if key in found:
                return (skpd, found[key].text, None)
        if "rekening" in found and self.current is not None:
            return (self.current.skpd, self.current.code, found["rekening"])
        return None

    def _flat_sen(self, raw: Any, row: int, index: int) -> int:
        if type(raw) is float:
            return round(raw * 100)
        if type(raw) is str:
            quick = quick_sen(raw)
            if quick is not None:
                return quick
        return self._sen(row, index + 1)

    def _rekening_follows(self, row: int, lookahead: int = 50) -> bool:
        """Is the next coded row an account (5 BELANJA over 5.1 …) or not (1 over 1.01)?"""
        for following in range(row + 1, min(row + lookahead, self.grid.max_row) + 1):
            text, _, _ = self._code(following, self.layout.generic_codes)
            code = classify_repeated(text) if text else None
            if code is not None:
                return code.level is Level.REKENING
        return False

    def _coded_row(self, row: int, skpd: str, found: dict[str, Any], name: str | None) -> None:
        sub: Code | None = found.get("sub")
        rekening: str | None = found.get("rekening")
        anggaran = self._amount(row, self.layout.anggaran)
        realisasi = self._amount(row, self.layout.realisasi)
        self._check_jenis(row)
        if sub is not None:
            part = self._part(skpd, sub.text)
            self._names_of(row, skpd, sub, None if rekening else name)
            sumber = self._text(row, self.layout.sumber_dana)
            if sumber:
                part.sumber_dana.append(sumber)
            if rekening:
                part.accounts.append((rekening, anggaran, realisasi, row))
            elif not self._blank_amounts(row):
                part.own.append((anggaran, realisasi, row))
            self.current = part
        elif rekening is not None:
            if self.current is not None:
                self.current.accounts.append((rekening, anggaran, realisasi, row))
            else:
                name = self._text(row, self.layout.names.get("rekening")) or name
                self.source.loose_accounts.append(
                    LraRow(rekening, name, row, anggaran, realisasi, self._cells(row))
                )
        else:
            upper: Code = found["upper"]
            self.current = None
            if name:
                self.names.setdefault((skpd, upper.text), name)
            if self._blank_amounts(row):
                return
            self.source.parents.append(
                Parent(
                    UPPER_LEVELS[upper.level],
                    upper.text,
                    skpd,
                    row,
                    anggaran,
                    realisasi,
                    self._cells(row),
                )
            )

    def _blank_amounts(self, row: int) -> bool:
        """Amounts not printed at all (blank, not 0): nothing to compare."""
        columns = [
            col
            for amount in (self.layout.anggaran, self.layout.realisasi)
            if amount
            for col in amount.columns
        ]
        return all(self.grid.value(row, col) is None for col in columns)

    def _part(self, skpd: str, code: str) -> Part:
        key = (skpd, code)
        part = self.source.parts.get(key)
        if part is None:
            part = self.source.parts[key] = Part(skpd, code)
        return part

    def _names_of(self, row: int, skpd: str, sub: Code, own_name: str | None) -> None:
        if (skpd, sub.text) in self._named:
            return
        self._named.add((skpd, sub.text))
        for level, col in self.layout.names.items():
            target = NAME_LEVELS.get(level or "")
            if target is None:
                continue
            key = (skpd, sub.prefix(target))
            if key not in self.names:
                text = self._text(row, col)
                if text:
                    self.names[key] = split_leading_code(text)[1] or text
        if own_name and (skpd, sub.text) not in self.names:
            self.names[(skpd, sub.text)] = own_name

    def _organisasi(self, row: int, code: Code, name: str | None) -> None:
        self.current = None
        self.skpd = code.text
        if name:
            self.source.skpd_names.setdefault(code.text, name)
        anggaran = self._amount(row, self.layout.anggaran)
        realisasi = self._amount(row, self.layout.realisasi)
        if anggaran or realisasi:
            self.source.parents.append(
                Parent(
                    "organisasi", code.text, code.text, row, anggaran, realisasi, self._cells(row)
                )
            )

    def _row_skpd(self, row: int) -> str | None:
        layout = self.layout
        col = layout.skpd if layout.skpd is not None else layout.sub_unit
        if col is None:
            return None
        text = self._text(row, col)
        name_col = layout.names.get("skpd") or layout.names.get("sub_unit")
        name = self._text(row, name_col)
        code, after = split_leading_code(text) if text else (None, None)
        if code is not None and layout.skpd is None:
            parts = code.split(".")
            code = ".".join([*parts[:-1], "0" * len(parts[-1])]) if len(parts) == 8 else code
        key = skpd_key(code, name or after)
        if not key:
            return None
        if name or after:
            self.source.skpd_names.setdefault(key, name or after)
        return key

    def _tahun(self, row: int) -> None:
        self._count_year(self.grid.value(row, self.layout.tahun))

    def _count_year(self, value: Any) -> None:
        if value not in self._years:
            match = re.search(r"(?:19|20)\d\d", str(value)) if value is not None else None
            self._years[value] = int(match.group(0)) if match else None
        year = self._years[value]
        if year:
            self.source.tahun[year] += 1

    def _without_code(self, row: int, label: str | None) -> None:
        if label is not None:
            self._total(row, label, None)
            return
        texts = [
            " ".join(str(v).split())
            for v in self.grid.rows[row - 1]
            if isinstance(v, str) and v.strip()
        ]
        if any(role_of(t) is not None and role_of(t).kind == "kode" for t in texts):
            self.source.skip(SKIP_HEADER, row)
        elif self._amount_quietly(row):
            self.source.skip(SKIP_NO_CODE_AMOUNT, row)
        else:
            self.source.skip(SKIP_NO_CODE, row)

    def _amount_quietly(self, row: int) -> bool:
        before = len(self.source.findings)
        present = bool(
            self._amount(row, self.layout.anggaran) or self._amount(row, self.layout.realisasi)
        )
        del self.source.findings[before:]
        return present

    def _total(self, row: int, label: str, scope: tuple[str, str, str | None] | None) -> None:
        if scope is None or scope[2] is None:
            self.current = None  # an account total stays inside its sub kegiatan
        self.source.totals.append(
            TotalRow(
                label,
                row,
                self._amount(row, self.layout.anggaran),
                self._amount(row, self.layout.realisasi),
                self._cells(row),
                scope,
            )
        )

    def _check_jenis(self, row: int) -> None:
        """In a recap with a pair per jenis belanja and a total pair, the jenis must add up."""
        for amount in (self.layout.anggaran, self.layout.realisasi):
            if amount is None or not amount.jenis:
                continue
            self.source.jenis_checked += 1
            total = self._amount(row, amount)
            parts = sum(self._sen(row, col) for col in amount.jenis.values())
            if parts != total:
                self.source.findings.append(
                    error(
                        "sipd_jenis_tidak_cocok",
                        f"Jumlah per jenis belanja (Rp{rupiah(parts)}) tidak sama dengan kolom "
                        f"'{quote(amount.label)}' (Rp{rupiah(total)}) pada baris {row}. Periksa "
                        "berkas dari SIPD.",
                        **self.source.where,
                        sel=ref(row, amount.columns[0]),
                    )
                )

    def _bad_code(self, row: int, col: int | None, text: str) -> None:
        self.source.skip(SKIP_BAD_CODE, row)
        self.source.findings.append(
            error(
                "sipd_kode_tidak_dikenal",
                f"Kode '{quote(text)}' tidak cocok dengan tingkat mana pun (program 2.16.02, "
                "kegiatan 2.16.02.2.01, sub kegiatan 2.16.02.2.01.0021 atau 2.16.02.2.01.21, "
                "rekening 5.1.02.01.01.0024). Perbaiki kodenya, atau unduh ulang dari SIPD.",
                **self.source.where,
                sel=ref(row, col) if col else None,
            )
        )


@dataclass(frozen=True)
class _FlatColumns:
    """0-based columns of a flattened export: sub kegiatan codes, account, SKPD, amounts."""

    side: tuple[int, ...]
    rekening: int
    skpd: tuple[int, ...]
    anggaran: int
    realisasi: int
    widest: int
    names: tuple[int, ...]

    @classmethod
    def of(cls, layout: Layout) -> _FlatColumns | None:
        a, r = layout.anggaran, layout.realisasi
        if not layout.side_codes or layout.rekening is None or layout.generic_codes:
            return None
        if a is None or r is None or len(a.columns) != 1 or len(r.columns) != 1:
            return None
        if a.jenis or r.jenis:
            return None
        skpd_cols = [
            layout.skpd,
            layout.sub_unit,
            layout.names.get("skpd"),
            layout.names.get("sub_unit"),
        ]
        columns = [*layout.side_codes, layout.rekening, *filter(None, skpd_cols)]
        return cls(
            tuple(c - 1 for c in layout.side_codes),
            layout.rekening - 1,
            tuple(c - 1 for c in skpd_cols if c is not None),
            a.columns[0] - 1,
            r.columns[0] - 1,
            max(*columns, a.columns[0], r.columns[0]) - 1,
            tuple(sorted({c - 1 for c in layout.names.values()})),
        )


def _compose_cells(raws: tuple[Any, ...], columns: list[int]):
    parts, rest, first = [], None, None
    for index, (value, col) in enumerate(zip(raws, columns, strict=True)):
        if value is None or (mangled(value) and superseded(raws, index)):
            continue
        code, after = split_leading_code(code_text(value, pad=index > 0))
        if code is not None:
            parts.append(code)
            first = first or col
        if after:
            rest = after
    return compose(parts), rest, first


def _is_numbering(values: list[Any]) -> bool:
    """The row of column numbers printed under a header: 1 | 2 | 3 | …"""
    first = values[0] if values else None
    if first != 1 and first != "1":
        return False
    numbers = []
    for value in values:
        if value is None or value == "":
            continue
        text = str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)
        if not text.strip().isdigit():
            return False
        numbers.append(int(text))
    return len(numbers) >= 3 and numbers == list(range(numbers[0], numbers[0] + len(numbers)))
