"""The synthetic archive's text, generated without the database: ``text`` (actors, tags) and ``articles``."""
