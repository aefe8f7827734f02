"""Rendering: a built `WorkbookModel` turned into files — the .xlsx through XlsxWriter
(formats, merges, print setup, row heights, charts) and, through LibreOffice, the PDF or
a recalculated copy.

It may import `sheet` (the model it renders) and nothing above it — never `tables`,
`validate` or `read`: a second format (the Word document) is a second renderer of the
same model.
"""
