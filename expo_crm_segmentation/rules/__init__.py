"""Segmentation rules of Expo CRM in plain Python: they import nothing from Odoo,
take frozen dataclasses and plain values and return plain values, and are tested
without a database."""
