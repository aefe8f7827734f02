"""The workbook's charts as pictures for the document, drawn with matplotlib from the
same cells the workbook's native charts point at: the same figures, never recomputed."""

from __future__ import annotations

import io
from typing import Any

from xlkip.render.dokumen.tabel import cell_text
from xlkip.sheet.charts import HIGHLIGHT, ChartSpec, Series
from xlkip.sheet.expr import Range

DPI = 100
WIDTH_IN = 6.0
HEIGHT_IN = 3.2


def _cells(rng: Range) -> list[Any]:
    """The values of a series' cells, one per row of its first column."""
    values = []
    for row in range(rng.first_row, rng.last_row + 1):
        slot = rng.sheet.slot(row, rng.first_col)
        values.append(None if slot is None else slot.value())
    return values


def _number(value: Any) -> float | None:
    number = isinstance(value, int | float) and not isinstance(value, bool)
    return float(value) if number else None


def draw(spec: ChartSpec) -> bytes:
    """The chart as a PNG: bars (or horizontal bars) with lines over them, value labels
    and axis ticks in the workbook's number formats (Indonesian separators)."""
    # The object API with the Agg canvas: no pyplot, no GUI backend, nothing global.
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.ticker import FuncFormatter

    count = spec.series[0].categories.last_row - spec.series[0].categories.first_row + 1
    # Horizontal bars get a line of height each, so 33 kabupaten/kota stay readable.
    height = max(HEIGHT_IN, 0.16 * count + 1.0) if spec.kind == "bar" else HEIGHT_IN
    figure = Figure(figsize=(WIDTH_IN, height), dpi=DPI)
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    bars = [s for s in spec.series if not s.line]
    lines = [s for s in spec.series if s.line]
    categories = [str(c) if c is not None else "" for c in _cells(spec.series[0].categories)]
    positions = list(range(len(categories)))
    width = 0.8 / max(len(bars), 1)
    for index, series in enumerate(bars):
        offset = (index - (len(bars) - 1) / 2) * width
        _bars(axes, spec, series, [p + offset for p in positions], width)
    other = axes.twinx() if any(s.secondary for s in lines) else None
    for series in lines:
        _line(other if series.secondary and other else axes, series, positions)
    ticks = FuncFormatter(lambda value, _: cell_text(value, spec.value_format))
    if spec.kind == "bar":
        labels = [_wrap(c, 40) for c in categories]
        axes.set_yticks(positions, labels, fontsize=7)
        axes.invert_yaxis()
        axes.xaxis.set_major_formatter(ticks)
    else:
        labels = [_wrap(c, max(8, 70 // max(len(categories), 1))) for c in categories]
        axes.set_xticks(positions, labels, fontsize=7)
        axes.yaxis.set_major_formatter(ticks)
    if other is not None and spec.secondary_format:
        secondary = spec.secondary_format
        other.yaxis.set_major_formatter(FuncFormatter(lambda value, _: cell_text(value, secondary)))
        other.tick_params(labelsize=7)
    if spec.value_min is not None and spec.kind == "bar":
        axes.set_xlim(left=spec.value_min)
    elif spec.value_min is not None:
        axes.set_ylim(bottom=spec.value_min)
    figure.suptitle(_wrap(spec.title, 58), fontsize=10, fontweight="bold", y=0.99)
    axes.tick_params(labelsize=7)
    axes.grid(axis="x" if spec.kind == "bar" else "y", color="#D9D9D9", linewidth=0.6)
    axes.set_axisbelow(True)
    legend = spec.legend and len(spec.series) > 1
    if legend:
        figure.legend(loc="lower center", ncol=len(spec.series), fontsize=7, frameon=False)
    _margins(figure, axes, spec, height, labels, legend, other is not None)
    buffer = io.BytesIO()
    # A fast PNG compression: the pictures are small, the time is not.
    figure.savefig(buffer, format="png", pil_kwargs={"compress_level": 1})
    return buffer.getvalue()


CHAR_IN = 0.056
"""The width of a character of 7 pt text, in inches."""
LINE_IN = 0.12
"""The height of a line of 7 pt text, in inches."""


def _margins(
    figure: Any,
    axes: Any,
    spec: ChartSpec,
    height: float,
    labels: list[str],
    legend: bool,
    secondary: bool,
) -> None:
    """Room for the labels, estimated from their lengths: matplotlib's tight layout
    would draw each chart twice, and the charts are most of the document's time."""
    longest = max((len(line) for text in labels for line in text.split("\n")), default=1)
    lines = max((text.count("\n") + 1 for text in labels), default=1)
    ticks = [cell_text(v, spec.value_format) for v in axes.get_yticks()]
    tick_room = (max(map(len, ticks), default=4) + 2) * CHAR_IN + 0.15
    title_lines = _wrap(spec.title, 58).count("\n") + 1
    legend_room = 0.3 if legend else 0.0
    if spec.kind == "bar":
        left = (longest + 3) * CHAR_IN * 1.08
        bottom = 0.3 + legend_room
    else:
        left = tick_room
        bottom = (lines + 1) * LINE_IN + legend_room
    figure.subplots_adjust(
        left=min(0.5, left / WIDTH_IN),
        right=1 - (tick_room if secondary else 0.2) / WIDTH_IN,
        top=1 - (0.2 + 0.18 * title_lines) / height,
        bottom=min(0.6, bottom / height),
    )


def _bars(axes: Any, spec: ChartSpec, series: Series, where: list[float], width: float) -> None:
    values = [_number(v) for v in _cells(series.values)]
    heights = [v or 0.0 for v in values]
    colors = [HIGHLIGHT if i in series.highlight else series.color for i in range(len(values))]
    draw_bars = axes.barh if spec.kind == "bar" else axes.bar
    drawn = draw_bars(where, heights, width, color=colors, label=series.name)
    if series.labels:
        texts = [cell_text(v, series.labels) if v is not None else "" for v in values]
        axes.bar_label(drawn, labels=texts, fontsize=6, padding=2)


def _line(axes: Any, series: Series, where: list[int]) -> None:
    values = [_number(v) for v in _cells(series.values)]
    axes.plot(
        where,
        [v if v is not None else float("nan") for v in values],
        color=series.color,
        marker="o",
        markersize=3,
        linestyle="--" if series.dashed else "-",
        label=series.name,
    )
    if series.labels:
        for x, value in zip(where, values, strict=True):
            if value is not None:
                axes.annotate(
                    cell_text(value, series.labels),
                    (x, value),
                    textcoords="offset points",
                    xytext=(0, 4),
                    ha="center",
                    fontsize=6,
                )


def _wrap(text: str, width: int = 18) -> str:
    """A long category name on several lines under its bar."""
    words, lines, line = text.split(), [], ""
    for word in words:
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return "\n".join([*lines, line][:4])
