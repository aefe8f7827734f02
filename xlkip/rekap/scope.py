"""Which pemda and year a rekap is of, and what the rekap says about an office beside
the others: another pemda or year (kept out of the totals), or a name used twice."""

from __future__ import annotations

import os
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace

from xlkip.findings import Finding, peringatan
from xlkip.rekap.summary import OfficeSummary
from xlkip.schema import TEMPLATES

IDENTITAS_FILE = TEMPLATES["identitas"].filename
TAHUN_BERBEDA, PEMDA_BERBEDA = "tahun_berbeda", "pemda_berbeda"
NAMA_OPD_GANDA = "nama_opd_ganda"
ACROSS_OFFICES = (TAHUN_BERBEDA, PEMDA_BERBEDA, NAMA_OPD_GANDA)
"""Findings the rekap itself adds to an office's row, seen only beside the others."""


def short_pemda(pemda: str) -> str:
    return pemda[len("Pemerintah ") :] if pemda.lower().startswith("pemerintah ") else pemda


def _same_pemda(a: str, b: str) -> bool:
    """Kota Binjai is Pemerintah Kota Binjai, whatever the case and spacing."""
    return " ".join(short_pemda(a.strip()).split()).casefold() == (
        " ".join(short_pemda(b.strip()).split()).casefold()
    )


@dataclass(frozen=True)
class Scope:
    """The one pemda and year whose offices the totals sum."""

    pemda: str = ""
    tahun: int | None = None
    sertakan_semua: bool = False
    """Offices of another pemda or year are summed too (the sheet's header says so)."""

    def reasons(self, office: OfficeSummary) -> list[Finding]:
        """Why `office` is not of this pemda and year; none when it is, or unknown."""
        effect = (
            "Tetap dijumlahkan dalam total (--sertakan-semua)."
            if self.sertakan_semua
            else "Tidak dijumlahkan dalam total pemerintah daerah."
        )
        found = []
        if office.tahun and self.tahun and office.tahun != self.tahun:
            found.append(
                peringatan(
                    TAHUN_BERBEDA,
                    f"Tahun laporan OPD ini {office.tahun}, sedangkan rekap tahun {self.tahun}. "
                    f"{effect} Periksa Tahun Laporan di template identitas.",
                    file=IDENTITAS_FILE,
                )
            )
        if office.pemda and self.pemda and not _same_pemda(office.pemda, self.pemda):
            found.append(
                peringatan(
                    PEMDA_BERBEDA,
                    f"Pemerintah daerah OPD ini '{office.pemda}', sedangkan rekap "
                    f"'{self.pemda}'. {effect} Periksa isian Pemerintah Daerah di template "
                    "identitas.",
                    file=IDENTITAS_FILE,
                )
            )
        return found


def choose_scope(
    offices: Sequence[OfficeSummary],
    pemda: str | None = None,
    tahun: int | None = None,
    sertakan_semua: bool = False,
) -> Scope:
    """The pemda and year asked for; otherwise the ones most offices report.

    A rekap is usually run on one pemda's folder in which a stray office (a copy from
    last year, a neighbour's example) is the exception, so the majority is the rekap's
    own: the pemda most offices report (on a tie, the first in folder order), then the
    year most of that pemda's offices report (on a tie the later one: last year's
    copies are the usual stray), so some office is always summed. --pemda and --tahun
    decide otherwise.
    """
    if pemda:
        spelled = [o.pemda for o in offices if o.pemda and _same_pemda(o.pemda, pemda)]
        pemda = spelled[0] if spelled else pemda
    else:  # the majority among the offices of the year asked for, if one was
        of_year = [o for o in offices if tahun is None or o.tahun in (None, tahun)]
        counted = Counter(o.pemda for o in of_year if o.pemda).most_common(1)
        pemda = counted[0][0] if counted else ""
    if tahun is None:  # the majority among the offices of that pemda
        years = Counter(
            o.tahun for o in offices if o.tahun and (not o.pemda or _same_pemda(o.pemda, pemda))
        )
        most = max(years.values(), default=0)
        tahun = max((y for y, n in years.items() if n == most), default=None)
    return Scope(pemda, tahun, sertakan_semua)


def nothing_chosen(offices: Sequence[OfficeSummary], scope: Scope) -> str | None:
    """Why the rekap would sum no office at all (--pemda or --tahun that no office
    reports), naming what the offices do report; None when some office is summed."""
    known = [o for o in offices if o.pemda or o.tahun]
    if not known or not all(scope.reasons(o) for o in known):
        return None
    asked = _pemda_tahun(scope.pemda, scope.tahun)
    found = sorted({_pemda_tahun(o.pemda, o.tahun) for o in known})
    return (
        f"Tidak ada OPD {asked} di folder ini; yang ada: {', '.join(found)}. "
        "Periksa --pemda dan --tahun."
    )


def _pemda_tahun(pemda: str | None, tahun: int | None) -> str:
    return " ".join(str(part) for part in (short_pemda(pemda or ""), tahun) if part)


def mark_offices(offices: Sequence[OfficeSummary], scope: Scope) -> list[OfficeSummary]:
    """Each office with the findings only the rekap can see: another pemda or year than
    the rekap's, or an office name another folder uses too (any such finding it had
    from an earlier marking replaced)."""
    twins = _same_names(offices)
    labels = folder_labels(offices)
    marked = []
    for index, office in enumerate(offices):
        own = tuple(f for f in office.findings if f.kode not in ACROSS_OFFICES)
        extra = scope.reasons(office)
        others = [labels[i] for i in twins.get(index, ())]
        if others:
            extra.append(
                peringatan(
                    NAMA_OPD_GANDA,
                    f"Nama OPD '{office.name}' juga dipakai oleh folder {_some(others)}: "
                    "periksa Nama Instansi di template identitas, atau keluarkan folder "
                    "salinan dari rekap.",
                    file=IDENTITAS_FILE,
                )
            )
        marked.append(replace(office, findings=own + tuple(extra)))
    return marked


def _some(folders: list[str], shown: int = 3) -> str:
    """A few folders by name, the rest counted (a province's copies can be dozens)."""
    more = len(folders) - shown
    return ", ".join(folders[:shown]) + (f" dan {more} folder lain" if more > 0 else "")


def _same_names(offices: Sequence[OfficeSummary]) -> dict[int, list[int]]:
    """For each office whose name another office has too, the indexes of the others."""
    by_name: dict[str, list[int]] = defaultdict(list)
    for index, office in enumerate(offices):
        by_name[" ".join(office.name.split()).casefold()].append(index)
    return {
        index: [other for other in group if other != index]
        for group in by_name.values()
        if len(group) > 1
        for index in group
    }


def folder_labels(offices: Sequence[OfficeSummary]) -> list[str]:
    """Each office's folder relative to the folder that holds every office of the rekap,
    with / on every system (opd/a and opd/b are "a" and "b")."""
    paths = [os.path.abspath(o.folder) for o in offices]
    if not paths:
        return []
    try:
        root = os.path.commonpath([os.path.dirname(p) for p in paths])
    except ValueError:  # Windows: offices on different drives
        return [p.replace(os.sep, "/") for p in paths]
    return [os.path.relpath(p, root).replace(os.sep, "/") for p in paths]
