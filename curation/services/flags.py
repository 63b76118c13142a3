"""An editor acting on an attribution flag: applying its suggested speaker, or dismissing it."""

from django.core.exceptions import ValidationError
from django.db import transaction

from curation.models import AttributionCorrection, AttributionFlag
from curation.services.flag_records import flag_resolve
from curation.services.statements import statement_reattribute


@transaction.atomic
def flag_apply_suggestion(*, flag: AttributionFlag, by) -> AttributionCorrection | None:
    """Attribute the flagged statement to the flag's suggested speaker and resolve the flag.

    If readers saw the statement, the correction's reason names the check that
    raised the flag, so they see why the speaker changed; a suggestion readers
    never saw is simply given the speaker. Return the correction, if any.
    """
    flag = AttributionFlag.objects.select_for_update(of=("self",)).select_related("suggested_speaker").get(pk=flag.pk)
    if not flag.is_open:
        raise ValidationError("This flag was already resolved.")
    if flag.suggested_speaker is None:
        raise ValidationError("This flag suggests no speaker; change the speaker in the statement instead.")
    # Resolved first, in its own words; the change of speaker resolves the statement's other flags.
    flag_resolve(flag, by=by, resolution=f"Attributed to {flag.suggested_speaker.name}, as suggested")
    if flag.statement.speaker_id == flag.suggested_speaker_id:
        return None
    return statement_reattribute(
        statement=flag.statement,
        to_actor=flag.suggested_speaker,
        by=by,
        reason=f"Attribution check “{flag.get_code_display()}”: {flag.message}",
    )


@transaction.atomic
def flag_dismiss(*, flag: AttributionFlag, by, resolution: str = "Checked: the attribution stands") -> None:
    """Resolve a flag without changing the statement, keeping who decided and why."""
    flag = AttributionFlag.objects.select_for_update().get(pk=flag.pk)
    if not flag.is_open:
        raise ValidationError("This flag was already resolved.")
    flag_resolve(flag, by=by, resolution=resolution)
