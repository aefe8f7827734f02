"""The workbook's charts as pictures for the document, drawn with matplotlib from the
same cells the workbook's native charts point at: the same figures, never recomputed."""

from __future__ import annotations

import io
from typing import Any

from xlkip.render.dokumen.tabel import cell_text
from xlkip.rules.values import number_or_none
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
    number = number_or_none(value)
    return None if number is None else float(number)


def draw(spec: ChartSpec) -> bytes:
    """The chart as a PNG: bars (or horizontal bars) with lines over them, value labels
    and axis ticks in the workbook's number formats (Indonesian separators)."""
    buffer = io.BytesIO()
    # A fast PNG compression: the pictures are small, the time is not.
    figure(spec).savefig(buffer, format="png", pil_kwargs={"compress_level": 1})
    return buffer.getvalue()


def figure(spec: ChartSpec) -> Any:
    """The chart as a matplotlib figure (on the Agg canvas)."""
    # The object API with the Agg canvas: no pyplot, no GUI backend, nothing global.
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.ticker import FuncFormatter

    count = spec.series[0].categories.last_row - spec.series[0].categories.first_row + 1
    # Horizontal bars get a line of height each, so 33 kabupaten/kota stay readable.
    height = max(HEIGHT_IN, 0.16 * count + 1.0) if spec.kind == "bar" else HEIGHT_IN
    drawn = Figure(figsize=(WIDTH_IN, height), dpi=DPI)
    FigureCanvasAgg(drawn)
    axes = drawn.add_subplot()
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
        axes.yaxis.set_major_formatter(ticks)
        left, right = _sides(spec, axes, other is not None)
        slot = (WIDTH_IN - left - right) / max(len(categories), 1)
        labels, size = column_labels(categories, slot)
        axes.set_xticks(positions, labels, fontsize=size)
    if other is not None and spec.secondary_format:
        secondary = spec.secondary_format
        other.yaxis.set_major_formatter(FuncFormatter(lambda value, _: cell_text(value, secondary)))
        other.tick_params(labelsize=7)
    if spec.value_min is not None and spec.kind == "bar":
        axes.set_xlim(left=spec.value_min)
    elif spec.value_min is not None:
        axes.set_ylim(bottom=spec.value_min)
    drawn.suptitle(_wrap(spec.title, 58), fontsize=10, fontweight="bold", y=0.99)
    axes.tick_params(axis="y", labelsize=7)
    if spec.kind == "bar":
        axes.tick_params(axis="x", labelsize=7)
    axes.grid(axis="x" if spec.kind == "bar" else "y", color="#D9D9D9", linewidth=0.6)
    axes.set_axisbelow(True)
    legend = spec.legend and len(spec.series) > 1
    if legend:
        drawn.legend(loc="lower center", ncol=len(spec.series), fontsize=7, frameon=False)
    _margins(drawn, axes, spec, height, labels, legend, other is not None)
    return drawn


CHAR_IN = 0.056
"""The width of a character of 7 pt text, in inches."""
CAPITAL_IN = 0.075
"""The width of a capital letter of 7 pt text (program names are in capitals)."""
LABEL_PT, SMALLEST_PT = 7.0, 5.0
"""The size of the category labels, and the smallest they are made to fit a column."""


def column_labels(categories: list[str], slot_in: float) -> tuple[list[str], float]:
    """The names under the columns, each wrapped to its column's width (`slot_in`
    inches) and never cut; the font smaller when the longest word would run into the
    next column's name."""
    longest = max((len(word) for c in categories for word in c.split()), default=1)
    room = slot_in * 0.95  # a little air between neighbours
    size = max(SMALLEST_PT, min(LABEL_PT, LABEL_PT * room / (longest * CAPITAL_IN)))
    chars = max(longest, int(room / (CAPITAL_IN * size / LABEL_PT)))
    return [_wrap(c, chars, lines=None) for c in categories], size


def _tick_room(spec: ChartSpec, axes: Any) -> float:
    ticks = [cell_text(v, spec.value_format) for v in axes.get_yticks()]
    return (max(map(len, ticks), default=4) + 2) * CHAR_IN + 0.15


def _sides(spec: ChartSpec, axes: Any, secondary: bool) -> tuple[float, float]:
    """The left and right margins of a column chart, in inches: its value ticks'."""
    tick_room = _tick_room(spec, axes)
    return tick_room, (tick_room if secondary else 0.2)


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
    left, right = _sides(spec, axes, secondary)
    title_lines = _wrap(spec.title, 58).count("\n") + 1
    legend_room = 0.3 if legend else 0.0
    if spec.kind == "bar":
        left = (longest + 3) * CHAR_IN * 1.08
        bottom = 0.3 + legend_room
    else:
        bottom = (lines + 1) * LINE_IN + legend_room
    figure.subplots_adjust(
        left=min(0.5, left / WIDTH_IN),
        right=1 - right / WIDTH_IN,
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


def _wrap(text: str, width: int = 18, lines: int | None = 4) -> str:
    """A long name on several lines (at most `lines`, the rest left out)."""
    words, done, line = text.split(), [], ""
    for word in words:
        if line and len(line) + 1 + len(word) > width:
            done.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return "\n".join([*done, line][:lines])
