from django.contrib import admin

from curation import models

for model in (
    models.Article,
    models.Actor,
    models.ActorAlias,
    models.ActorRole,
    models.ActorSlugRedirect,
    models.Tag,
    models.TagAlias,
    models.TagSlugRedirect,
    models.Statement,
    models.AttributionCorrection,
    models.AttributionFlag,
    models.ReviewDecision,
):
    admin.site.register(model)
