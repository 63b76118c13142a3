"""The read-only REST API at /api/v1/: public data only, as JSON."""
