"""The workbook model that tables/ builds and render/ writes: sheets, cells, styles, and
formulas as expressions that also compute their value (A1 names from
xlsxwriter.utility, nothing that writes).

May import: rules/.
"""
