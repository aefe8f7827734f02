"""The guides stay true to the code: every finding code is explained in docs/panduan.md,
every picture they link exists and every picture in docs/gambar/ is linked, the code map
names every module. Fast: no LibreOffice (docs/gambar.py makes the pictures)."""

from __future__ import annotations

import importlib.util
import re
import sys
from functools import cache
from pathlib import Path
from types import ModuleType

from tests.finding_codes import Scan
from tests.finding_codes import scan as scan_source

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
PANDUAN = DOCS / "panduan.md"
GUIDES = {PANDUAN: DOCS, DOCS / "pengembang.md": DOCS, ROOT / "README.md": ROOT}
"""Each guide, and the folder its links start from."""
PICTURES = DOCS / "gambar"

PENDING: set[str] = set()
"""Codes of a branch not yet merged, explained ahead of it. Once merged,
test_pending_codes_are_not_in_the_code asks to take them out of this set."""

_LINK = re.compile(r"\]\(([^)\s]*)#([^)\s]+)\)")


@cache
def scan() -> Scan:
    return scan_source()


_SECTION = re.compile(r"^### `([a-z0-9_]+)`\n(.*?)(?=^#{1,3} |\Z)", re.M | re.S)
_IMAGE = re.compile(r"!\[[^\]]*\]\(([^)\s]+)\)")


def code_sections() -> dict[str, str]:
    text = PANDUAN.read_text(encoding="utf-8")
    findings = text.split("\n## Temuan: arti dan cara memperbaikinya", 1)[1].split("\n## ", 1)[0]
    return {match.group(1): match.group(2) for match in _SECTION.finditer(findings)}


def test_every_way_of_making_a_code_is_understood() -> None:
    assert scan().unresolved == []


def test_every_code_the_code_can_emit_is_explained() -> None:
    missing = scan().codes - set(code_sections())
    assert not missing, f"explain in docs/panduan.md: {sorted(missing)}"


def test_every_explained_code_exists() -> None:
    unknown = set(code_sections()) - scan().codes - PENDING
    assert not unknown, f"no longer emitted, remove from docs/panduan.md: {sorted(unknown)}"


def test_pending_codes_are_not_in_the_code() -> None:
    merged = PENDING & scan().codes
    assert not merged, f"merged now: remove from PENDING in tests/test_docs.py: {sorted(merged)}"


def test_each_code_says_its_tingkat_and_how_to_fix_it() -> None:
    sections = code_sections()
    for site in scan().sites:
        first_line = sections[site.kode].strip().splitlines()[0]
        if site.tingkat:
            assert f"**{site.tingkat}**" in first_line, (site.kode, site.where)
    for kode, body in sections.items():
        assert "Cara memperbaiki:" in body, kode


def linked_pictures() -> set[Path]:
    linked = set()
    for guide, base in GUIDES.items():
        for target in _IMAGE.findall(guide.read_text(encoding="utf-8")):
            linked.add((base / target).resolve())
    return linked


def test_every_linked_picture_exists() -> None:
    missing = sorted(str(p) for p in linked_pictures() if not p.is_file())
    assert not missing


def test_every_picture_is_linked() -> None:
    unlinked = {p.resolve() for p in PICTURES.glob("*.png")} - linked_pictures()
    assert not unlinked, sorted(p.name for p in unlinked)


def test_pictures_stay_small() -> None:
    sizes = [p.stat().st_size for p in PICTURES.glob("*.png")]
    assert sizes
    assert sum(sizes) < 3_000_000


def test_the_readme_is_short_and_links_both_guides() -> None:
    new = (ROOT / "README.md").read_text(encoding="utf-8")
    assert len(new.splitlines()) <= 150
    for guide in ("docs/panduan.md", "docs/pengembang.md"):
        assert f"]({guide})" in new
        assert (ROOT / guide).is_file()


def test_the_code_map_names_every_module_and_package() -> None:
    text = (DOCS / "pengembang.md").read_text(encoding="utf-8")
    code_map = text.split("\n## Code map", 1)[1].split("\n## ", 1)[0]
    package = ROOT / "xlkip"
    names = [f"{p.name}/" for p in package.iterdir() if (p / "__init__.py").is_file()]
    names += [p.name for p in package.glob("*.py") if p.name not in ("__init__.py", "__main__.py")]
    missing = sorted(name for name in names if f"`{name}`" not in code_map)
    assert not missing, f"add to the code map of docs/pengembang.md: {missing}"


def slug(heading: str) -> str:
    """GitHub's anchor of a heading: lower case, punctuation dropped, spaces as hyphens."""
    kept = "".join(ch for ch in heading.strip().lower() if ch.isalnum() or ch in " -_")
    return kept.replace(" ", "-")


def test_every_anchor_link_names_a_heading() -> None:
    for guide, base in GUIDES.items():
        for target, anchor in _LINK.findall(guide.read_text(encoding="utf-8")):
            page = (base / target) if target else guide
            if page.suffix != ".md":
                continue
            headings = re.findall(r"^#+ (.+)$", page.read_text(encoding="utf-8"), re.M)
            assert anchor in {slug(h) for h in headings}, (guide.name, target, anchor)


@cache
def gambar_script() -> ModuleType:
    """docs/gambar.py as a module (registered first: its dataclasses look themselves up)."""
    spec = importlib.util.spec_from_file_location("docs_gambar", DOCS / "gambar.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_the_script_makes_exactly_the_committed_pictures() -> None:
    names = gambar_script().picture_names()
    assert len(names) == len(set(names))
    assert set(names) == {p.stem for p in PICTURES.glob("*.png")}


def test_the_script_pictures_sheets_the_templates_have() -> None:
    from xlkip.schema import TEMPLATES

    for sheet in gambar_script().TEMPLATE_SHEETS:
        names = {"Petunjuk"} | {s.name for s in TEMPLATES[sheet.workbook].sheets}
        assert sheet.sheet in names, sheet
