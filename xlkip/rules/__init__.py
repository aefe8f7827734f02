"""The rules of an LKjIP (DESIGN §4), each written once as a cell-expression builder.

A builder takes the cells it reads (`Expr`) and returns one `Expr` that renders the Excel
formula and computes its value, so the workbook's formula, its stored value and every
check that needs the same number (validation, sentences) come from one definition.
`value_of` evaluates a builder on plain numbers.

May import: sheet/.
"""
