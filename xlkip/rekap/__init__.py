"""`xlkip rekap`: every office of a pemda checked and compiled in a process pool, and one
pemda workbook of offices, their IKU and their findings.

It uses the pipeline of one office; the pipeline never imports it (only the CLI and
the xlkip.api face do).

May import: check, compile, errors, findings, inputs, measure/, output, read/, render/, rules/,
schema/, sheet/, tables/.
"""
