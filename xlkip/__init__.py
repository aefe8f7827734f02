"""xlkip: compile an Indonesian LKjIP (Bab I–III tables) from staff-filled Excel templates.

The layers, bottom to top: foundations (`findings`, `names`, `text`, `rules`, `sheet`,
`instrumen`), the templates (`schema`), reading (`read`, `inputs`), checking
(`validate`), the tables (`tables`), files (`render`, `deliver`), and the faces (`api`,
`cli`; `rekap` and `sipd` beside them). A module may import modules of its own layer or
below, never above: data flows down (docs/pengembang.md draws it). This top-level module
imports nothing.
"""

__version__ = "0.1.0"
