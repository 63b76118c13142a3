"""The editor desk: ModelAdmins whose writes all go through ``curation.services``.

One module per model family (articles, statements, corrections, the review
queue, flags, actors, tags); ``base``, ``filters``, ``display``, ``forms``, ``merging`` and
``names`` hold what they share.
"""

from django.contrib import admin

from curation.admin import (  # noqa: F401 (registers admins)
    actors,
    articles,
    corrections,
    flags,
    jobs,
    merging,
    review,
    statements,
    tags,
)

admin.site.site_header = "Curation Desk"
admin.site.site_title = "Curation Desk"
admin.site.index_title = "Editor desk"
