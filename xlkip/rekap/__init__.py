"""`xlkip rekap`: every office of a pemda checked and compiled in a process pool, and one
pemda workbook of offices, their IKU and their findings."""
