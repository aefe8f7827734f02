"""Native Excel charts as data: every series points at table cells, so a chart
follows edits and previews show the right bars (the cells carry their values)."""

from __future__ import annotations

from dataclasses import dataclass, field

from xlkip.sheet.expr import Range

BLUE, ORANGE, GREEN, GREY, LIGHT_BLUE, LIGHT_ORANGE = (
    "#2F5597",
    "#ED7D31",
    "#70AD47",
    "#A5A5A5",
    "#9DC3E6",
    "#F4B183",
)
HIGHLIGHT = "#C00000"


@dataclass(frozen=True)
class Series:
    name: str
    categories: Range
    values: Range
    color: str = BLUE
    line: bool = False
    """Drawn as a line over the columns (a combined chart)."""
    secondary: bool = False
    labels: str | None = None
    """Number format of data labels; None for no labels."""
    highlight: tuple[int, ...] = ()
    """Points (0-based) drawn in the highlight colour."""
    dashed: bool = False


@dataclass(frozen=True)
class ChartSpec:
    title: str
    series: tuple[Series, ...]
    anchor: tuple[int, int]
    size: tuple[int, int]
    kind: str = "column"
    """column (vertical bars) or bar (horizontal bars, first category on top)."""
    value_format: str = "#,##0"
    secondary_format: str | None = None
    value_title: str | None = None
    secondary_title: str | None = None
    value_min: float | None = None
    show_hidden: bool = False
    legend: bool = True
    notes: list[str] = field(default_factory=list)
