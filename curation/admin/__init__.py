"""The editor desk: ModelAdmins whose writes all go through ``curation.services``.

One module per model family (articles, statements, the review queue, flags,
actors, tags); ``base``, ``filters``, ``display``, ``forms``, ``merging`` and
``names`` hold what they share.
"""

from django.contrib import admin

from curation.admin import actors, articles, flags, jobs, merging, review, statements, tags  # noqa: F401 (registers admins)

admin.site.site_header = "Curation Desk"
admin.site.site_title = "Curation Desk"
admin.site.index_title = "Editor desk"
