"""Reading filled templates: a folder of them (which file is which template, the period),
each workbook opened safely, its sheets read into records, and what is wrong as findings.

The first layer a value walks through (read → validate → tables → render → deliver):
it knows the schema of the templates and nothing of what is made from them.

May import: errors, findings, inputs, schema/, text.
"""
