"""An output workbook as data, before any file exists: cell expressions (`expr`: one
object renders a formula and computes its value), sheets of placed cells and RowBlocks
(`model`), and charts whose series point at table cells (`charts`).

A foundation: it may import `rules` only for rounding and nothing else of xlkip;
`tables` builds this model and `render` writes it.
"""
