"""Forms of the editor desk: what an editor may change, and what each change needs."""

from django import forms
from django.contrib import admin
from django.contrib.admin.widgets import AutocompleteSelect, AutocompleteSelectMultiple

from curation.extraction.names import normalise_name
from curation.importing.parsing import content_hash
from curation.models import Actor, Article, Statement, Tag
from curation.services.versions import StatementChangedElsewhere, statement_version_check

REASON_REQUIRED = (
    "You changed who said this: give a reason for the change. It is kept with the correction "
    "and, if the correction is public, shown to readers."
)


def check_opened_version(statement_id: int, opened_version: int | None) -> None:
    """Refuse the form, in the one wording the desk uses, when the statement changed since it was opened."""
    try:
        statement_version_check(statement_id, opened_version)
    except StatementChangedElsewhere as changed:
        raise forms.ValidationError(str(changed), code="changed_elsewhere") from None


class StatementChangeForm(forms.ModelForm):
    """A statement's change form; a new speaker needs a reason and becomes a correction."""

    reason = forms.CharField(
        label="Reason for the change",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2, "cols": 60}),
        help_text="Required when you change the speaker, e.g. “The article is about Jaafari; "
        "the quote is his in the original source.”",
    )
    show_correction_publicly = forms.BooleanField(
        label="Show the correction publicly",
        required=False,
        initial=True,
        help_text="Readers see a correction notice on the statement page.",
    )
    # The version the editor opened; saving over a newer one is refused.
    version = forms.IntegerField(widget=forms.HiddenInput)

    class Meta:
        model = Statement
        fields = ["kind", "speaker_as_printed", "speaker", "review_status", "published", "tags", "version"]

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk:
            self._check_version(cleaned.get("version"))
            if "speaker" in self.changed_data and not (cleaned.get("reason") or "").strip():
                self.add_error("reason", REASON_REQUIRED)
        if cleaned.get("published") and cleaned.get("review_status") != Statement.ReviewStatus.CONFIRMED:
            self.add_error("published", "Only a confirmed statement can be published; confirm it first.")
        return cleaned

    def _check_version(self, opened_version):
        check_opened_version(self.instance.pk, opened_version)


class StatementAddForm(forms.ModelForm):
    """A new statement, anchored by its offsets in the article's text."""

    class Meta:
        model = Statement
        fields = ["article", "kind", "start", "end", "speaker_as_printed", "speaker", "tags", "review_status"]
        help_texts = {
            "start": "Offset of the first character in the article's text.",
            "end": "Offset just after the last character.",
        }

    def clean(self):
        cleaned = super().clean()
        article, start, end = cleaned.get("article"), cleaned.get("start"), cleaned.get("end")
        if article and start is not None and end is not None and not start < end <= len(article.body):
            self.add_error(
                "end",
                f"The span {start}–{end} is not inside the article's text, which has "
                f"{len(article.body)} characters; the end must come after the start.",
            )
        return cleaned


class SuggestionReviewForm(forms.ModelForm):
    """A suggestion as the editor confirms it, possibly with edits."""

    version = forms.IntegerField(widget=forms.HiddenInput)

    class Meta:
        model = Statement
        fields = ["kind", "speaker_as_printed", "speaker", "tags", "version"]

    def clean(self):
        cleaned = super().clean()
        check_opened_version(self.instance.pk, cleaned.get("version"))
        return cleaned


class ArticleForm(forms.ModelForm):
    """An article; its text must not already be in the desk under another article."""

    # Links pasted without a scheme are almost always https today.
    url = forms.URLField(label="URL", max_length=1000, required=False, assume_scheme="https")

    class Meta:
        model = Article
        fields = ["title", "slug", "status", "outlet", "url", "published_on", "import_key", "body"]
        labels = {"import_key": "Source"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "import_key" in self.fields:
            self.fields["import_key"].required = False
            self.fields[
                "import_key"
            ].help_text = "Where the text comes from: a URL or file name. Left empty, the URL is used."
        if "body" in self.fields:
            self.fields["body"].strip = False

    def clean(self):
        cleaned = super().clean()
        body = cleaned.get("body")
        if body is not None and "body" in self.changed_data:
            same_text = Article.objects.filter(content_hash=content_hash(body)).exclude(pk=self.instance.pk).first()
            if same_text:
                self.add_error("body", f"The same text is already in the desk as “{same_text.title}”.")
        if not self.instance.pk:
            self._fill_source(cleaned)
        return cleaned

    def _fill_source(self, cleaned):
        source = (cleaned.get("import_key") or cleaned.get("url") or "").strip()
        if not source:
            self.add_error("import_key", "Give the source of the text (its URL or file name).")
        elif Article.objects.filter(import_key=source).exists():
            self.add_error("import_key", f"This source is already imported: {source}.")
        cleaned["import_key"] = source


class ActionForm(forms.Form):
    """Base for the forms on the admin's intermediate action pages."""

    required_css_class = "required"


class ReattributeForm(ActionForm):
    to_actor = forms.ModelChoiceField(
        label="Attribute to",
        queryset=Actor.objects.all(),
        widget=AutocompleteSelect(Statement._meta.get_field("speaker"), admin.site),
    )
    reason = forms.CharField(label="Reason for the change", widget=forms.Textarea(attrs={"rows": 3, "cols": 60}))
    show_correction_publicly = forms.BooleanField(label="Show the correction publicly", required=False, initial=True)

    def clean_reason(self):
        reason = self.cleaned_data["reason"].strip()
        if not reason:
            raise forms.ValidationError(REASON_REQUIRED)
        return reason


class TagChoiceForm(ActionForm):
    tags = forms.ModelMultipleChoiceField(
        queryset=Tag.objects.all(),
        widget=AutocompleteSelectMultiple(Statement._meta.get_field("tags"), admin.site),
    )


class MergeForm(ActionForm):
    survivor = forms.ModelChoiceField(
        label="Keep",
        queryset=None,
        widget=forms.RadioSelect,
        help_text="The others are merged into this one; their names become its aliases and their addresses lead to it.",
    )

    def __init__(self, *args, queryset, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["survivor"].queryset = queryset


class AliasInlineFormSet(forms.BaseInlineFormSet):
    """Aliases of one actor or tag; two that read the same once normalised are refused, not a 500."""

    def clean(self):
        super().clean()
        seen = {}
        for form in self.forms:
            name = form.cleaned_data.get("name") if hasattr(form, "cleaned_data") else None
            if not name or form.cleaned_data.get("DELETE"):
                continue
            key = normalise_name(name)
            if key in seen:
                form.add_error("name", f"“{name}” is the same alias as “{seen[key]}”.")
            else:
                seen[key] = name
