"""Reading staff workbooks: find the files of a folder, open each safely (markers,
hostile or broken files as findings), and turn sheets into typed records with the cell
each value came from (numbers the Indonesian way, dropdown values, years).

It may import `schema` (what a sheet holds), `findings` and `text`; never `inputs`,
`validate`, `tables` or anything above. Problems are returned as data, not raised.
"""
