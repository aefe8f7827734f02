"""Delivery: the email draft that carries the report, and sending it over SMTP.

The last layer: it takes files already written and the headline figures.

May import: tables/, text.
"""
