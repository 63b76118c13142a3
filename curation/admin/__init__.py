"""The editor desk: ModelAdmins whose writes all go through ``curation.services``."""

from django.contrib import admin

from curation.admin import actors, articles, review, statements  # noqa: F401  (registers the admins)

admin.site.site_header = "Curation Desk"
admin.site.site_title = "Curation Desk"
admin.site.index_title = "Editor desk"
