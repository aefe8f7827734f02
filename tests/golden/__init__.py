"""A golden dump of the built-in example's workbook: every sheet in order, every cell's
formula text, cached value and number format, the merged ranges and the charts.

A refactor must leave it unchanged; an intended change shows as a readable diff.
Refresh after an intended change with:

    python -m tests.golden
"""
