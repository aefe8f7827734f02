"""Rendering: a built workbook model (sheet/) into files, the xlsx through xlsxwriter and
the PDF through LibreOffice. A second format (the Word document) is a second renderer
here, and changes nothing in read/, validate/ or tables/.

May import: sheet/, text.
"""
