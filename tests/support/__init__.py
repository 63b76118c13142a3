"""What the tests share: builders of rows, request helpers and hostile text.

Fixtures built on these live in ``tests/conftest.py``; test modules import
only plain functions and constants from here.
"""
