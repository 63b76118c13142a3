"""Turning article files into articles.

``parsing`` is pure (bytes and text in, a ``ParsedArticle`` or a refusal
out); ``files`` reads files and folders and hands each article to
``curation.services.article_import``.
"""
