"""Turn a ChartSpec into an XlsxWriter chart on its worksheet."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from xlkip.measure import carlito
from xlkip.sheet.charts import HIGHLIGHT, ChartSpec, Series
from xlkip.sheet.expr import Range
from xlkip.text import as_shown

FONT = {"name": "Calibri", "size": 9}


def _ref(rng: Range) -> list[Any]:
    return [rng.sheet.name, rng.first_row, rng.first_col, rng.last_row, rng.last_col]


def _values(rng: Range) -> list[float | None]:
    """The computed values of a series' cells (formulas carry theirs)."""
    values = []
    for row in range(rng.first_row, rng.last_row + 1):
        slot = rng.sheet.slots.get((row, rng.first_col))
        value = None if slot is None else slot.value()
        number = isinstance(value, int | float) and not isinstance(value, bool)
        values.append(float(value) if number else None)
    return values


LABEL_PX = 16
"""The height of an 8 pt data label and its gap above the bar."""


def _label_positions(spec: ChartSpec, series: Series) -> list[dict[str, Any] | None] | None:
    """Per bar, where its value is written when a dashed target line (100%) would cross
    it above the bar: inside the bar's top, in white. Other bars keep theirs above."""
    targets = [v for s in spec.series if s.dashed for v in _values(s.values) if v is not None]
    values = _values(series.values)
    if not targets or series.line or spec.kind != "column":
        return None
    top = max([*targets, *(v for v in values if v is not None)], default=1.0) * 1.15
    plot_px = max(1, chart_geometry(spec).height - 120)
    label = LABEL_PX / plot_px * top  # in the axis' units
    positions = [
        _inside_label(series)
        if v is not None and v >= label and any(t - label <= v < t for t in targets)
        else None
        for v in values
    ]
    return positions if any(positions) else None


def _inside_label(series: Series) -> dict[str, Any]:
    """A new dict for each point: XlsxWriter rewrites a label's options in place."""
    return {
        "position": "inside_end",
        "font": {"size": 8, "color": "#FFFFFF", "bold": True},
        "fill": {"color": series.color},
    }


def _series_options(series: Series, spec: ChartSpec | None = None) -> dict[str, Any]:
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
        options["data_labels"] = _data_labels(series)
        custom = _label_positions(spec, series) if spec is not None else None
        if custom:
            options["data_labels"]["custom"] = custom
    if series.highlight:
        count = series.values.last_row - series.values.first_row + 1
        options["points"] = [
            {"fill": {"color": HIGHLIGHT}} if i in series.highlight else None for i in range(count)
        ]
    return options


def _cells_format(rng: Range) -> str | None:
    """The number format the series' cells share, so that a label prints a value as
    its table does (105,56% on the bar beside 105,56% in the cell); None if they differ."""
    formats = {
        slot.style.num_format
        for row in range(rng.first_row, rng.last_row + 1)
        if (slot := rng.sheet.slots.get((row, rng.first_col))) is not None
    }
    return formats.pop() if len(formats) == 1 else None


def _data_labels(series: Series) -> dict[str, Any]:
    """Values on a white ground, so that a line through them (the dashed 100% target,
    or the line they label) passes behind and never crosses the digits; a line's values
    sit above its points."""
    labels: dict[str, Any] = {
        "value": True,
        "num_format": _cells_format(series.values) or series.labels,
        "font": {"size": 8},
        "fill": {"color": "#FFFFFF"},
    }
    if series.line:
        labels["position"] = "above"
    return labels


def add_chart(workbook: Any, worksheet: Any, spec: ChartSpec) -> None:
    bars = [s for s in spec.series if not s.line]
    lines = [s for s in spec.series if s.line]
    chart = workbook.add_chart({"type": spec.kind if bars else "line"})
    for series in bars or lines:
        chart.add_series(_series_options(series, spec))
    overlay = None
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
    least = _axis_min(spec.value_format, spec.value_min)
    if least is not None:
        value_axis["min"] = least
    category_axis = _category_axis(spec)
    if spec.kind == "bar":
        category_axis["reverse"] = True  # first row of the table on top
        chart.set_x_axis(value_axis)
        chart.set_y_axis(category_axis)
    else:
        chart.set_x_axis(category_axis)
        chart.set_y_axis(value_axis)
    _secondary_axis(spec, chart, overlay)
    chart.set_legend({"position": "bottom", "font": FONT} if spec.legend else {"none": True})
    if spec.show_hidden:
        chart.show_hidden_data()
    geometry = chart_geometry(spec)
    chart.set_size({"width": geometry.width, "height": geometry.height})
    if geometry.label_share is not None:
        # Room in pixels for the title, then the value axis labels above the bars, and
        # for the legend below them.
        top = ((42 if spec.title else 8) + 28) / geometry.height
        bottom = (30 if spec.legend else 10) / geometry.height
        chart.set_plotarea(
            {
                "layout": {
                    "x": geometry.label_share,
                    "y": top,
                    "width": 0.96 - geometry.label_share,
                    "height": 1 - top - bottom,
                }
            }
        )
    worksheet.insert_chart(
        spec.anchor[0], spec.anchor[1], chart, {"x_offset": 2, "y_offset": 4, "object_position": 1}
    )


def _axis_min(num_format: str, given: float | None) -> float | None:
    """A percentage axis starts at 0: from 90% up, 95,56% would be drawn half as long
    as 105%. Other axes start where given, else where the application chooses."""
    if given is None and "%" in num_format:
        return 0
    return given


def _category_axis(spec: ChartSpec) -> dict[str, Any]:
    """Every category labelled: no label skipped (column charts wrap their labels;
    horizontal bar charts get the height their labels need, see chart_geometry)."""
    geometry = chart_geometry(spec)
    return {"num_font": {**FONT, "size": geometry.font}, "interval_unit": 1}


def _secondary_axis(spec: ChartSpec, chart: Any, overlay: Any) -> None:
    """The secondary axis belongs to the chart that holds the secondary series: in a
    combined chart XlsxWriter writes it from the overlay, so it is set there."""
    secondary = [s for s in spec.series if s.secondary]
    if not secondary:
        return
    number = spec.secondary_format or secondary[0].labels or "General"
    options: dict[str, Any] = {"num_format": number, "num_font": FONT}
    least = _axis_min(number, None)
    if least is not None:
        options["min"] = least
    if spec.secondary_title:
        options["name"] = spec.secondary_title
        options["name_font"] = FONT
    owner = overlay if overlay is not None and secondary[0].line else chart
    owner.set_y2_axis(options)


def category_labels(spec: ChartSpec) -> list[str]:
    """The texts of the first series' category cells, as the chart shows them."""
    rng = spec.series[0].categories
    labels = []
    for row in range(rng.first_row, rng.last_row + 1):
        slot = rng.sheet.slots.get((row, rng.first_col))
        value = None if slot is None else slot.value()
        labels.append("" if value is None else str(value))
    return labels


@dataclass(frozen=True)
class Geometry:
    width: int
    height: int
    font: int
    """Point size of the category labels."""
    label_share: float | None = None
    """Horizontal bar charts: the share of the width kept for the category labels."""


# A 9, 8 or 7 pt label: average pixels per character and per line.
_CHAR_PX = {9: 5.8, 8: 5.2, 7: 4.6}
_LINE_PX = {9: 15, 8: 13, 7: 12}
MAX_HEIGHT_PX = 500
"""A chart taller than this does not fit on a landscape A4 page."""


def chart_geometry(spec: ChartSpec) -> Geometry:
    """The chart's size and label type. A horizontal bar chart shows every category
    only when each gets the height of its wrapped label (LibreOffice and Excel hide
    labels that would overlap), so it is made taller, with a label column of its own,
    and a smaller type when even a page is not tall enough."""
    width, height = spec.size
    labels = category_labels(spec)
    if spec.kind != "bar":
        return Geometry(width, height, _column_label_font(spec, labels))
    bars = sum(1 for s in spec.series if not s.line)
    longest = max((len(t) for t in labels), default=1)
    for font in (9, 8, 7):
        share = min(0.4, max(0.18, (longest * _CHAR_PX[font] + 20) / width))
        per_line = max(8.0, (share * width - 20) / _CHAR_PX[font])
        lines = max((math.ceil(len(t) * 1.15 / per_line) for t in labels), default=1)
        band = max(lines * _LINE_PX[font] + 6, bars * 8 + 6)
        needed = math.ceil(band * len(labels) / 0.72) + 20
        if needed <= MAX_HEIGHT_PX:
            break
    return Geometry(width, min(MAX_HEIGHT_PX, max(height, needed)), font, share)


MAX_LABEL_LINES = 3


def column_label_lines(spec: ChartSpec, font: int) -> int:
    """How many lines the longest category label of a column chart wraps to: each
    category gets an equal share of the plot's width (the chart less its value axes),
    and words are measured with Carlito's (Calibri's) widths."""
    labels = category_labels(spec)
    plot = spec.size[0] - _axis_px(spec, secondary=False)
    if any(s.secondary for s in spec.series):
        plot -= _axis_px(spec, secondary=True)
    per_category = plot / max(1, len(labels))
    return max((_wrapped(t, max(8.0, per_category), font) for t in labels), default=1)


def _axis_px(spec: ChartSpec, secondary: bool) -> float:
    """The width of a value axis: its widest label (the top of the scale), its title."""
    series = [s for s in spec.series if s.secondary == secondary]
    values = [v for s in series for v in _values(s.values) if v is not None]
    number = spec.secondary_format if secondary else spec.value_format
    if secondary and number is None:
        number = series[0].labels if series and series[0].labels else "General"
    widest = as_shown(max([*values, 0.0]) * 1.2, number or "General")
    title = spec.secondary_title if secondary else spec.value_title
    return _px(widest, 9) + 15 + (20 if title else 0)


def _px(text: str, font: int) -> float:
    units = sum(carlito.REGULAR.get(ch, carlito.REGULAR["0"]) for ch in text)
    return units / carlito.REGULAR_UNITS * font * 96 / 72


def _wrapped(text: str, room: float, font: int) -> int:
    space = _px(" ", font)
    lines, used = 1, 0.0
    for word in text.split():
        width = _px(word, font)
        if used and used + space + width > room:
            lines, used = lines + 1, 0.0
        if width > room:  # a word wider than a line is broken
            lines += int(width // room)
            width %= room
        used += (space if used else 0.0) + width
    return lines


def _column_label_font(spec: ChartSpec, labels: list[str]) -> int:
    """The largest type (9, 8 or 7 pt) in which every label wraps to at most three
    lines; many categories always get 7 pt."""
    if len(labels) > 20:
        return 7
    for font in (9, 8):
        if column_label_lines(spec, font) <= MAX_LABEL_LINES:
            return font
    return 7


def chart_size(spec: ChartSpec) -> tuple[int, int]:
    geometry = chart_geometry(spec)
    return geometry.width, geometry.height
