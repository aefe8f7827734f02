"""Find a download's header row and its columns by their words, never by position."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from xlkip.read.numbers import NotANumber, parse_number
from xlkip.sipd.codes import classify, split_leading_code
from xlkip.sipd.grid import Grid

HEADER_SCAN_ROWS = 20
URUSAN_SIDE = ("urusan", "bidang", "program", "kegiatan", "sub_kegiatan")
ORGANISASI = ("skpd", "sub_unit")
JENIS = ("operasi", "modal", "tak_terduga", "transfer")

IGNORED = {"persen", "persentase", "prosentase", "capaian", "sisa", "selisih", "deviasi"}
_PAID = {"rill", "riil", "pencairan", "sp2d", "cair", "dibayar", "bayar"}
_SUBMITTED = {"rencana", "pengajuan", "ajuan", "diajukan", "spp", "spm"}
_FINAL_BUDGET = {"perubahan", "setelah", "pergeseran", "akhir"}
_FIRST_BUDGET = {"murni", "sebelum", "induk", "awal"}
_CUMULATIVE = {"sd", "sampai", "kumulatif"}
_BUDGET_WORDS = {"anggaran", "pagu", "nominal", "dpa", "apbd"}
LOOKED_FOR = (
    "kolom kode (judul memuat 'kode'), anggaran ('anggaran', 'pagu' atau 'nominal') dan "
    "realisasi ('realisasi')"
)


def words(text: object) -> list[str]:
    """Header text as lower-case words: '% Realisasi' -> ['persen', 'realisasi'];
    's.d.' and 's/d' -> 'sd'."""
    folded = str(text).casefold().replace("%", " persen ")
    folded = re.sub(r"\bs\s*[./]\s*d\b\.?", " sd ", folded)
    return re.findall(r"[a-z0-9]+", folded.replace("subkegiatan", "sub kegiatan"))


@dataclass(frozen=True)
class Role:
    kind: str
    """kode, nama, anggaran, realisasi, sumber_dana or tahun."""
    level: str | None = None
    """skpd, sub_unit, urusan, bidang, program, kegiatan, sub_kegiatan, rekening or None."""


def _level(tokens: list[str]) -> str | None:
    joined = " ".join(tokens)
    for pattern, level in (
        (r"\bsub kegiatan\b", "sub_kegiatan"),
        (r"\bsub ?unit\b", "sub_unit"),
        (r"\bkegiatan\b", "kegiatan"),
        (r"\bprogram\b", "program"),
        (r"\bbidang\b", "bidang"),
        (r"\burusan\b", "urusan"),
        (r"\b(skpd|opd|organisasi|perangkat daerah|unit)\b", "skpd"),
        (r"\b(rekening|akun)\b", "rekening"),
    ):
        if re.search(pattern, joined):
            return level
    return None


def role_of(text: object) -> Role | None:
    tokens = [t for t in words(text) if not t.isdigit()]
    if not tokens or IGNORED & set(tokens):
        return None
    tokens_set = set(tokens)
    level = _level(tokens)
    if tokens_set & {"kode", "kd"}:
        return Role("kode", level)
    if {"sumber", "dana"} <= tokens_set:
        return Role("sumber_dana")
    if tokens in (["tahun"], ["tahun", "anggaran"], ["ta"]):
        return Role("tahun")
    if "realisasi" in tokens_set or tokens_set <= _PAID | _SUBMITTED | _CUMULATIVE:
        return Role("realisasi")
    if tokens_set & _BUDGET_WORDS:
        return Role("anggaran")
    if tokens_set & {"nama", "uraian"}:
        return Role("nama", level)
    if level is not None and len(tokens) <= 3:
        return Role("kode", level)  # a column headed "Program" holds "2.16.02 PROGRAM …"
    return None


def jenis_of(label: str) -> str | None:
    tokens = set(words(label))
    if "operasi" in tokens:
        return "operasi"
    if "modal" in tokens:
        return "modal"
    if "terduga" in tokens:
        return "tak_terduga"
    if "transfer" in tokens:
        return "transfer"
    if tokens & {"jumlah", "total"}:
        return "total"
    return None


@dataclass
class Amount:
    """Where one amount (anggaran or realisasi) of a row comes from."""

    columns: list[int]
    """Summed: one column, or the per-jenis columns when there is no total pair."""
    label: str
    jenis: dict[str, int] = field(default_factory=dict)
    """Per-jenis columns when a total column is used: each row's jenis must sum to it."""
    passed_over: list[str] = field(default_factory=list)


@dataclass
class Layout:
    header_rows: tuple[int, ...]
    labels: dict[int, str]
    roles: dict[int, Role]
    generic_codes: list[int] = field(default_factory=list)
    side_codes: list[int] = field(default_factory=list)
    rekening: int | None = None
    skpd: int | None = None
    sub_unit: int | None = None
    names: dict[str | None, int] = field(default_factory=dict)
    anggaran: Amount | None = None
    realisasi: Amount | None = None
    sumber_dana: int | None = None
    tahun: int | None = None

    @property
    def first_data_row(self) -> int:
        return self.header_rows[-1] + 1

    @property
    def code_columns(self) -> list[int]:
        return [*self.generic_codes, *self.side_codes, *([self.rekening] if self.rekening else [])]


def is_valueish(value: object) -> bool:
    """A number, a date or a code: data, not a header word."""
    if isinstance(value, int | float | dt.date | dt.datetime | dt.time | dt.timedelta):
        return True
    text = str(value).strip()
    code, _ = split_leading_code(text)
    if code is not None and classify(code) is not None:
        return True
    try:
        return parse_number(text) is not None
    except NotANumber:
        return False


def _row_labels(grid: Grid, row: int, width: int) -> dict[int, str]:
    labels = {}
    for col in range(1, width + 1):
        value = grid.value(row, col)
        if value is not None and str(value).strip():
            labels[col] = " ".join(str(value).split())
    return labels


def _header_like(grid: Grid, row: int, width: int) -> bool:
    values = [grid.value(row, col) for col in range(1, width + 1)]
    present = [v for v in values if v is not None and str(v).strip()]
    return len(present) >= 2 and not any(is_valueish(v) for v in present)


def _merged_labels(top: dict[int, str], bottom: dict[int, str], width: int) -> dict[int, str]:
    """A group row over a sub-header row: 'BELANJA OPERASI' over 'Anggaran | Realisasi'."""
    labels: dict[int, str] = {}
    carried: str | None = None
    for col in range(1, width + 1):
        above, below = top.get(col), bottom.get(col)
        if above is not None:
            carried = above
        elif below is None:
            carried = None
        upper = above if above is not None else (carried if below is not None else None)
        pieces = list(dict.fromkeys(p for p in (upper, below) if p))
        if pieces:
            labels[col] = " ".join(pieces)
    return labels


def _score(roles: dict[int, Role]) -> int:
    kinds = {r.kind for r in roles.values()}
    if not kinds & {"anggaran", "realisasi"} or not kinds & {"kode", "nama"}:
        return 0
    return len({(r.kind, r.level) for r in roles.values()})


def _roles(labels: dict[int, str]) -> dict[int, Role]:
    roles = {}
    for col, label in labels.items():
        role = role_of(label)
        if role is not None:
            roles[col] = role
    return roles


def find_layout(grid: Grid) -> Layout | None:
    """The header (one row, or a group row over a sub-header row) in the first 20 rows."""
    width = grid.max_col
    last = min(grid.max_row, HEADER_SCAN_ROWS)
    rows = {row: _row_labels(grid, row, width) for row in range(1, last + 2)}
    best: tuple[int, tuple[int, ...], dict[int, str]] | None = None
    for row in range(1, last + 1):
        candidates = [((row,), rows[row])]
        if (
            len(set(rows[row].values())) >= 2
            and row + 1 <= grid.max_row
            and _header_like(grid, row + 1, width)
        ):
            candidates.append(((row, row + 1), _merged_labels(rows[row], rows[row + 1], width)))
        for header_rows, labels in candidates:
            score = _score(_roles(labels))
            if score and (best is None or score > best[0]):
                best = (score, header_rows, labels)
    if best is None:
        return None
    _, header_rows, labels = best
    return _layout(grid, header_rows, labels)


def _layout(grid: Grid, header_rows: tuple[int, ...], labels: dict[int, str]) -> Layout:
    roles = _roles(labels)
    layout = Layout(header_rows, labels, roles)
    for col in sorted(roles):
        role = roles[col]
        if role.kind == "kode":
            _code_column(layout, col, role.level)
        elif role.kind == "nama":
            layout.names.setdefault(role.level, col)
        elif role.kind == "sumber_dana" and layout.sumber_dana is None:
            layout.sumber_dana = col
        elif role.kind == "tahun" and layout.tahun is None:
            layout.tahun = col
    _absorb_split_codes(layout, grid)
    if layout.rekening is not None and not layout.side_codes and not layout.generic_codes:
        layout.generic_codes, layout.rekening = [layout.rekening], None  # one code column
    layout.anggaran = _amount(layout, "anggaran")
    layout.realisasi = _amount(layout, "realisasi")
    return layout


def _code_column(layout: Layout, col: int, level: str | None) -> None:
    if level in URUSAN_SIDE:
        layout.side_codes.append(col)
    elif level == "rekening" and layout.rekening is None:
        layout.rekening = col
    elif level == "skpd" and layout.skpd is None:
        layout.skpd = col
    elif level == "sub_unit" and layout.sub_unit is None:
        layout.sub_unit = col
    elif level is None:
        layout.generic_codes.append(col)


def _absorb_split_codes(layout: Layout, grid: Grid) -> None:
    """A 'Kode' header over up to four columns: the unlabelled ones after it hold parts."""
    if not layout.generic_codes:
        return
    col = layout.generic_codes[-1] + 1
    while col not in layout.labels and col <= grid.max_col and len(layout.generic_codes) < 6:
        layout.generic_codes.append(col)
        col += 1


def _amount(layout: Layout, kind: str) -> Amount | None:
    columns = [col for col, role in sorted(layout.roles.items()) if role.kind == kind]
    if not columns:
        return None
    by_jenis: dict[str, int] = {}
    for col in columns:
        jenis = jenis_of(layout.labels[col])
        if jenis is not None:
            by_jenis.setdefault(jenis, col)
    if len(by_jenis) >= 2:
        parts = {j: c for j, c in by_jenis.items() if j in JENIS}
        if "total" in by_jenis:
            total = by_jenis["total"]
            return Amount([total], layout.labels[total], jenis=parts)
        return Amount(list(parts.values()), " + ".join(layout.labels[c] for c in parts.values()))
    chosen = max(columns, key=lambda c: (_preference(kind, layout.labels[c]), c))
    others = [layout.labels[c] for c in columns if c != chosen]
    return Amount([chosen], layout.labels[chosen], passed_over=others)


def _preference(kind: str, label: str) -> int:
    tokens = set(words(label))
    score = 0
    if kind == "realisasi":
        score += 2 * bool(tokens & _PAID) - 2 * bool(tokens & _SUBMITTED)
        score += bool(tokens & _CUMULATIVE) - bool("lalu" in tokens)
    else:
        score += bool(tokens & _FINAL_BUDGET) - 2 * bool(tokens & _FIRST_BUDGET)
    return score
