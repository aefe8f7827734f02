"""`xlkip rekap`: every office of a pemda checked and compiled in a process pool, and one
pemda workbook of offices, their IKU and their findings.

It sits on top, beside `api`: it may import the pipeline (`read`, `inputs`,
`validate`, `tables`, `render`, `sheet`, `rules`, `schema`, `output`, `findings`);
the pipeline never imports `rekap`.
"""
