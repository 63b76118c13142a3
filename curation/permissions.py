"""What the "Editor" group may do in the desk.

Editors never delete what others rely on: statements are rejected, actors and
tags merged, and corrections are append-only, so none of those has a delete
permission here.
"""

from django.contrib.auth.models import Group, Permission

EDITOR_GROUP_NAME = "Editor"

EDITOR_PERMISSIONS = {
    "article": ("add", "change", "view"),
    "actor": ("add", "change", "view"),
    "actoralias": ("add", "change", "delete", "view"),
    "actorrole": ("add", "change", "delete", "view"),
    "actorslugredirect": ("view",),
    "tag": ("add", "change", "view"),
    "tagalias": ("add", "change", "delete", "view"),
    "tagslugredirect": ("view",),
    "statement": ("add", "change", "view"),
    "suggestedstatement": ("change", "view"),
    "attributioncorrection": ("add", "view"),
    "correctionwithdrawal": ("add", "view"),
    "merge": ("view",),
    "attributionflag": ("change", "view"),
    "reviewdecision": ("view",),
    "historicalarticle": ("view",),
    "historicalactor": ("view",),
    "historicaltag": ("view",),
    "historicalstatement": ("view",),
    "job": ("add", "change", "view"),
}


def editor_permission_codenames() -> set[str]:
    return {f"{action}_{model}" for model, actions in EDITOR_PERMISSIONS.items() for action in actions}


def editor_group(permission_model=Permission, group_model=Group):
    """Return the Editor group with exactly the editor permissions, creating it if needed."""
    group, _ = group_model.objects.get_or_create(name=EDITOR_GROUP_NAME)
    permissions = permission_model.objects.filter(
        content_type__app_label="curation", codename__in=editor_permission_codenames()
    )
    group.permissions.set(permissions)
    return group
