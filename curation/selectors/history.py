"""What changed in a statement since an editor opened it, read from its history."""

from curation.models import Actor, Statement, Tag

# Fields an editor sees on the statement's page, in the order the page shows them.
SHOWN_FIELDS = ("kind", "speaker_as_printed", "speaker", "review_status", "published", "tags")


def changes_since(statement_id: int, opened_version: int) -> str:
    """Return who changed what in the statement after ``opened_version``, in one sentence, or "".

    Two editors on one statement: the one refused must see what the other did
    before deciding whether to make their change again.
    """
    records = list(Statement.history.filter(id=statement_id).order_by("history_date", "history_id"))
    opened = next((record for record in reversed(records) if record.version == opened_version), None)
    if opened is None or not records or records[-1].version == opened_version:
        return ""
    later = [record for record in records if record.version > opened_version]
    delta = records[-1].diff_against(opened, included_fields=list(SHOWN_FIELDS))
    described = [_describe(change) for change in delta.changes]
    editors = sorted({_editor(record) for record in later})
    what = "; ".join(described) if described else "saved it without changing what you see"
    return f"Since you opened it, {', '.join(editors)} changed: {what}."


def _editor(record) -> str:
    user = record.history_user
    if user is None:
        return "the desk"
    return user.get_full_name() or user.get_username()


def _describe(change) -> str:
    field = Statement._meta.get_field(change.field)
    label = field.verbose_name
    if change.field == "tags":
        before = {row["tag"] for row in change.old}
        after = {row["tag"] for row in change.new}
        return f"{label} ({_tag_names(before)} → {_tag_names(after)})"
    return f"{label} ({_value(change.field, change.old)} → {_value(change.field, change.new)})"


def _value(field_name: str, value) -> str:
    if field_name == "speaker":
        return Actor.objects.filter(pk=value).values_list("name", flat=True).first() or "no one"
    if field_name == "review_status":
        return Statement.ReviewStatus(value).label.lower()
    if field_name == "kind":
        return Statement.Kind(value).label.lower()
    if isinstance(value, bool):
        return "yes" if value else "no"
    return f"“{value}”" if value else "empty"


def _tag_names(tag_ids: set) -> str:
    names = sorted(Tag.objects.filter(pk__in=tag_ids).values_list("name", flat=True))
    return ", ".join(names) or "none"
