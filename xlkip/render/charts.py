"""Turn a ChartSpec into an XlsxWriter chart on its worksheet."""

from __future__ import annotations

from typing import Any

from xlkip.sheet.charts import HIGHLIGHT, ChartSpec, Series
from xlkip.sheet.expr import Range

FONT = {"name": "Calibri", "size": 9}


def _ref(rng: Range) -> list[Any]:
    return [rng.sheet.name, rng.first_row, rng.first_col, rng.last_row, rng.last_col]


def _series_options(series: Series) -> dict[str, Any]:
    options: dict[str, Any] = {
        "name": series.name,
        "categories": _ref(series.categories),
        "values": _ref(series.values),
    }
    if series.line:
        options["line"] = {
            "color": series.color,
            "width": 2.25,
            **({"dash_type": "dash"} if series.dashed else {}),
        }
        options["marker"] = {
            "type": "circle",
            "size": 5,
            "border": {"color": series.color},
            "fill": {"color": series.color},
        }
    else:
        options["fill"] = {"color": series.color}
        options["border"] = {"none": True}
        options["gap"] = 60
    if series.secondary:
        options["y2_axis"] = True
    if series.labels:
        options["data_labels"] = {"value": True, "num_format": series.labels, "font": {"size": 8}}
    if series.highlight:
        count = series.values.last_row - series.values.first_row + 1
        options["points"] = [
            {"fill": {"color": HIGHLIGHT}} if i in series.highlight else None for i in range(count)
        ]
    return options


def add_chart(workbook: Any, worksheet: Any, spec: ChartSpec) -> None:
    bars = [s for s in spec.series if not s.line]
    lines = [s for s in spec.series if s.line]
    chart = workbook.add_chart({"type": spec.kind if bars else "line"})
    for series in bars or lines:
        chart.add_series(_series_options(series))
    if bars and lines:
        overlay = workbook.add_chart({"type": "line"})
        for series in lines:
            overlay.add_series(_series_options(series))
        chart.combine(overlay)
    chart.set_title({"name": spec.title, "name_font": {"size": 11, "bold": True}})
    value_axis = {
        "num_format": spec.value_format,
        "num_font": FONT,
        "major_gridlines": {"visible": True, "line": {"color": "#D9D9D9"}},
    }
    if spec.value_title:
        value_axis["name"] = spec.value_title
        value_axis["name_font"] = FONT
    if spec.value_min is not None:
        value_axis["min"] = spec.value_min
    categories = spec.series[0].categories
    many = categories.last_row - categories.first_row >= 20
    category_axis: dict[str, Any] = {"num_font": {**FONT, "size": 7} if many else FONT}
    if spec.kind == "bar":
        category_axis["reverse"] = True  # first row of the table on top
        chart.set_x_axis(value_axis)
        chart.set_y_axis(category_axis)
    else:
        chart.set_x_axis(category_axis)
        chart.set_y_axis(value_axis)
    if spec.secondary_format:
        secondary = {"num_format": spec.secondary_format, "num_font": FONT}
        if spec.secondary_title:
            secondary["name"] = spec.secondary_title
            secondary["name_font"] = FONT
        chart.set_y2_axis(secondary)
    chart.set_legend({"position": "bottom", "font": FONT} if spec.legend else {"none": True})
    if spec.show_hidden:
        chart.show_hidden_data()
    chart.set_size({"width": spec.size[0], "height": spec.size[1]})
    worksheet.insert_chart(
        spec.anchor[0], spec.anchor[1], chart, {"x_offset": 2, "y_offset": 4, "object_position": 1}
    )
