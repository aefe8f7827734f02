"""Delivery: the email draft that carries the report, and sending it over SMTP.

It gets a built report's headline `Figures` and the paths of the written files, and
may import `tables.figures` (the Figures record), `text` and `findings`; it knows
nothing of reading, checking or rendering, and only `api`/`cli` import it.
"""
