"""Charts are native, fed from table cells, and carry the values previews show."""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

import openpyxl
import pytest

from tests.helpers import set_cells
from xlkip import api

C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


@dataclass
class SeriesRef:
    kind: str
    name: str
    categories: str
    values: str
    cached: list[float]


@dataclass
class Chart:
    sheet: str
    title: str
    kinds: list[str]
    series: list[SeriesRef]
    value_axes: int


def _sheet_of_charts(archive: zipfile.ZipFile) -> dict[str, str]:
    """chart part -> the worksheet it is drawn on."""
    workbook = ElementTree.fromstring(archive.read("xl/workbook.xml"))
    names = [s.get("name") for s in workbook.iter() if s.tag.endswith("}sheet")]
    owner = {}
    for index, name in enumerate(names, start=1):
        rels = f"xl/worksheets/_rels/sheet{index}.xml.rels"
        if rels not in archive.namelist():
            continue
        for drawing in re.findall(r"drawings/(drawing\d+)\.xml", archive.read(rels).decode()):
            drawing_rels = archive.read(f"xl/drawings/_rels/{drawing}.xml.rels").decode()
            for chart in re.findall(r"charts/(chart\d+\.xml)", drawing_rels):
                owner[f"xl/charts/{chart}"] = name
    return owner


def read_charts(path: Path) -> list[Chart]:
    with zipfile.ZipFile(path) as archive:
        owners = _sheet_of_charts(archive)
        charts = []
        for part, sheet in sorted(owners.items()):
            root = ElementTree.fromstring(archive.read(part))
            title = "".join(t.text or "" for t in root.find(f"{C}chart/{C}title").iter(f"{A}t"))
            kinds, series = [], []
            for plot in root.find(f"{C}chart/{C}plotArea"):
                kind = plot.tag.replace(C, "")
                if not kind.endswith("Chart"):
                    continue
                direction = plot.find(f"{C}barDir")
                kinds.append(kind + (f":{direction.get('val')}" if direction is not None else ""))
                for ser in plot.findall(f"{C}ser"):
                    series.append(
                        SeriesRef(
                            kind=kind,
                            name=ser.find(f"{C}tx/{C}v").text,
                            categories=ser.find(f"{C}cat//{C}f").text,
                            values=ser.find(f"{C}val//{C}f").text,
                            cached=[float(v.text) for v in ser.find(f"{C}val").iter(f"{C}v")],
                        )
                    )
            value_axes = len(root.findall(f"{C}chart/{C}plotArea/{C}valAx"))
            charts.append(Chart(sheet, title, kinds, series, value_axes))
        return charts


@pytest.fixture(scope="module")
def charts(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Chart]:
    folder = tmp_path_factory.mktemp("charts")
    api.init_templates(folder / "inputs", with_example=True)
    output = api.compile_folder(folder / "inputs", folder / "lkjip.xlsx").output
    return {f"{c.sheet}: {c.title}": c for c in read_charts(output)}


def test_count_and_placement(charts: dict[str, Chart]) -> None:
    assert len(charts) == 8
    assert sorted({c.sheet for c in charts.values()}) == [
        "Ringkasan",
        "Tabel 3.10",
        "Tabel 3.12",
        "Tabel 3.15",
        "Tabel 3.16",
        "Tabel 3.2",
        "Tabel 3.5",
    ]


def test_iku_capaian_against_target(charts: dict[str, Chart]) -> None:
    chart = charts["Tabel 3.2: Capaian Indikator Kinerja Utama terhadap Target"]
    assert chart.kinds == ["barChart:col", "lineChart"]
    capaian, target = chart.series
    assert (capaian.categories, capaian.values) == (
        "'Tabel 3.2'!$C$4:$C$8",
        "'Tabel 3.2'!$H$4:$H$8",
    )
    assert target.values == "'Tabel 3.2'!$K$4:$K$8" and target.cached == [1.0] * 5
    assert capaian.cached == pytest.approx([3.12 / 2.98, 0.8, 4225 / 1100, 2.0, 0.94 / 0.7])


def test_anggaran_per_program_with_percent_on_a_secondary_axis(charts):
    chart = charts["Tabel 3.16: Anggaran dan Realisasi per Program"]
    assert chart.kinds == ["barChart:col", "lineChart"] and chart.value_axes == 2
    assert [(s.kind, s.values) for s in chart.series] == [
        ("barChart", "'Tabel 3.16'!$C$5:$C$9"),
        ("barChart", "'Tabel 3.16'!$D$5:$D$9"),
        ("lineChart", "'Tabel 3.16'!$E$5:$E$9"),
    ]
    assert chart.series[0].categories == "'Tabel 3.16'!$B$5:$B$9"
    assert sum(chart.series[0].cached) == 9475869588


def test_spbe_per_domain_two_years(charts):
    chart = charts["Tabel 3.5: Indeks SPBE per Domain, 2023 dan 2024"]
    assert [s.name for s in chart.series] == ["2023", "2024"]
    assert [round(v, 2) for v in chart.series[1].cached] == [3.3, 2.8, 1.73, 3.75]


def test_spbe_of_every_pemda_sorted_with_own_bar_highlighted(charts, tmp_path: Path):
    chart = charts["Tabel 3.15: Indeks SPBE Pemerintah Daerah se-Sumatera Utara Tahun 2024"]
    assert chart.kinds == ["barChart:bar"]
    (series,) = chart.series
    assert series.cached == sorted(series.cached, reverse=True) and len(series.cached) == 32
    assert series.values == "'Tabel 3.15'!$C$4:$C$35"


def test_publications_and_complaints(charts):
    media = charts["Tabel 3.10: Jumlah Informasi per Jenis Media, 2023 dan 2024"]
    assert [sum(s.cached) for s in media.series] == [3543, 4225]
    complaints = charts[
        "Tabel 3.12: Pengaduan per Kanal: Sudah dan Belum Ditindaklanjuti, 2023 dan 2024"
    ]
    assert [(s.name, s.values, s.cached) for s in complaints.series] == [
        ("Sudah 2023", "'Tabel 3.12'!$D$5:$D$6", [39, 56]),
        ("Belum 2023", "'Tabel 3.12'!$E$5:$E$6", [0, 20]),
        ("Sudah 2024", "'Tabel 3.12'!$H$5:$H$6", [25, 35]),
        ("Belum 2024", "'Tabel 3.12'!$I$5:$I$6", [0, 2]),
    ]


def test_ringkasan_charts_point_at_the_tables(charts):
    ringkasan = [c for c in charts.values() if c.sheet == "Ringkasan"]
    assert {s.values for c in ringkasan for s in c.series} >= {
        "'Tabel 3.2'!$H$4:$H$8",
        "'Tabel 3.16'!$E$5:$E$9",
    }


def _ringkasan_text(path: Path) -> str:
    ws = openpyxl.load_workbook(path)["Ringkasan"]
    return "\n".join(str(c.value) for row in ws.iter_rows() for c in row if c.value)


def test_sentences_follow_the_inputs(example: Path, tmp_path: Path) -> None:
    before = _ringkasan_text(api.compile_folder(example, tmp_path / "a.xlsx").output)
    assert "adalah sangat tinggi, yaitu mencapai 104,70%"  # as Tabel 3.2 prints it in before
    assert "Sebanyak 60 dari 62 pengaduan masyarakat secara online (96,77%)" in before
    assert (
        "Indeks SPBE Pemerintah Kota Binjai tahun 2024 sebesar 3,12 dengan predikat Baik, "
        "naik dari 2,98" in before
    )
    set_cells(example / "pengaduan.xlsx", "Pengaduan", {"D7": 20})
    set_cells(example / "kinerja.xlsx", "IKU", {"F4": 2.5})
    after = _ringkasan_text(api.compile_folder(example, tmp_path / "b.xlsx").output)
    assert "Sebanyak 45 dari 62 pengaduan masyarakat secara online (72,58%)" in after
    assert "adalah tinggi, yaitu mencapai 83,89%" in after
    assert "Indeks Nilai SPBE (83,89%)" in after


def _chart_parts(path: Path) -> dict[str, ElementTree.Element]:
    with zipfile.ZipFile(path) as archive:
        owners = _sheet_of_charts(archive)
        parts = {}
        for part in owners:
            root = ElementTree.fromstring(archive.read(part))
            title = "".join(t.text or "" for t in root.find(f"{C}chart/{C}title").iter(f"{A}t"))
            parts[f"{owners[part]}: {title}"] = root
        return parts


@pytest.fixture(scope="module")
def chart_xml(tmp_path_factory: pytest.TempPathFactory) -> dict[str, ElementTree.Element]:
    folder = tmp_path_factory.mktemp("chart_xml")
    api.init_templates(folder / "inputs", with_example=True)
    return _chart_parts(api.compile_folder(folder / "inputs", folder / "lkjip.xlsx").output)


def test_every_category_label_is_asked_for(chart_xml) -> None:
    """No chart lets the reader skip labels (tickLblSkip 1 on every category axis)."""
    for name, root in chart_xml.items():
        for axis in root.iter(f"{C}catAx"):
            hidden = axis.find(f"{C}delete")
            if hidden is not None and hidden.get("val") == "1":
                continue  # the secondary chart's category axis, not drawn
            skip = axis.find(f"{C}tickLblSkip")
            assert skip is not None and skip.get("val") == "1", name


def test_percent_axes_read_as_percent(chart_xml) -> None:
    """The 3.16 chart's secondary axis (the % realisasi line) is formatted as percent,
    as is every value axis of a chart of percentages."""
    root = chart_xml["Tabel 3.16: Anggaran dan Realisasi per Program"]
    formats = [ax.find(f"{C}numFmt").get("formatCode") for ax in root.iter(f"{C}valAx")]
    assert formats == ["#,##0", "0%"]
    for name in (
        "Tabel 3.2: Capaian Indikator Kinerja Utama terhadap Target",
        "Ringkasan: Persentase Realisasi Anggaran per Program",
    ):
        axes = list(chart_xml[name].iter(f"{C}valAx"))
        assert all("%" in ax.find(f"{C}numFmt").get("formatCode") for ax in axes), name


def test_horizontal_bar_charts_are_tall_enough_for_their_labels(tmp_path: Path) -> None:
    """Each category of a bar chart gets at least its wrapped label's height, and the
    labels a column of their own (the plot area starts right of them)."""
    from xlkip.render.charts import chart_geometry
    from xlkip.sheet.charts import ChartSpec, Series
    from xlkip.sheet.expr import Range
    from xlkip.sheet.model import SheetModel, Style

    sheet = SheetModel("S")
    names = [f"Website Pejabat Pengelola Informasi {i} dan Dokumentasi Daerah" for i in range(10)]
    for row, name in enumerate(names):
        sheet.put(row, 0, name, Style())
        sheet.put(row, 1, row, Style())
    categories, values = Range(sheet, 0, 0, 9, 0), Range(sheet, 0, 1, 9, 1)
    spec = ChartSpec("T", (Series("a", categories, values),), (0, 0), (800, 220), kind="bar")
    geometry = chart_geometry(spec)
    assert geometry.height >= 10 * 2 * 13 and geometry.label_share >= 0.3
    column = ChartSpec("T", spec.series, (0, 0), (800, 220), kind="column")
    assert chart_geometry(column).height == 220
