"""One declarative schema per input template (DESIGN §2), and the writer of blank and
filled templates.

May import: instrumen/, measure/, names, read/, rules/.
"""

from xlkip.schema import (
    anggaran,
    aplikasi,
    identitas,
    informasi,
    kinerja,
    narasi,
    pengaduan,
    sdm,
    spbe,
    triwulan,
)
from xlkip.schema.base import Template

TEMPLATES: dict[str, Template] = {
    module.TEMPLATE.kind: module.TEMPLATE
    for module in (
        identitas,
        kinerja,
        anggaran,
        sdm,
        spbe,
        aplikasi,
        informasi,
        pengaduan,
        narasi,
        triwulan,
    )
}

KIND_OF_SHEET: dict[int, str] = {
    id(sheet): template.kind for template in TEMPLATES.values() for sheet in template.sheets
}
"""The template kind of each schema sheet object (code names sheets by object)."""


def template_for(kind: str, tahun: int) -> Template:
    """The template of `kind` as written for the report of `tahun`: the identitas and
    pemerintah digital templates follow the year's evaluation instrument."""
    by_year = {"identitas": identitas.for_year, "spbe": spbe.for_year}
    return by_year[kind](tahun) if kind in by_year else TEMPLATES[kind]


MARKER_KIND = "xlkip_template"
MARKER_VERSION = "xlkip_versi"
MARKER_TAHUN = "xlkip_tahun"

__all__ = [
    "KIND_OF_SHEET",
    "MARKER_KIND",
    "MARKER_TAHUN",
    "MARKER_VERSION",
    "TEMPLATES",
    "Template",
    "template_for",
]
