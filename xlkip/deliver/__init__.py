"""Delivery: the email draft that carries the report, and sending it over SMTP."""
