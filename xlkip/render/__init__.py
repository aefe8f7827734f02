"""Rendering: a built report into files. `xlsx.py` writes the workbook model (sheet/)
through xlsxwriter, `dokumen/` the Word document from the built tables, LibreOffice
prints both to PDF. A renderer adds nothing in read/, validate/ or tables/, and imports
nothing of them but what they built.

May import: findings, inputs, measure/, output, perencanaan, rules/, schema/, sheet/, tables/,
tanggal, text.
"""
