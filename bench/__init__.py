"""Measurements of the desk at newsroom scale; run with ``make bench``."""
