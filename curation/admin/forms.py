"""Forms of the editor desk: what an editor may change, and what each change needs."""

from django import forms
from django.contrib import admin
from django.contrib.admin.widgets import AutocompleteSelect, AutocompleteSelectMultiple
from django.utils.html import format_html

from curation.extraction.names import normalise_name
from curation.importing.files import MAX_JSON_LINES_BYTES
from curation.importing.parsing import (
    MAX_ARTICLE_BYTES,
    ImportRefused,
    canonical_text,
    content_hash,
    decode_article,
    parse_article,
)
from curation.models import Actor, Article, Statement, Tag
from curation.selectors.history import changes_since
from curation.services.articles import unique_slug
from curation.services.statements import passage_check
from curation.services.versions import StatementChangedElsewhere, statement_version_check

REASON_REQUIRED = (
    "You changed who said this, and readers saw it: give a reason for the change. It is kept with the "
    "correction and shown to readers."
)


def check_opened_version(statement_id: int, opened_version: int | None) -> None:
    """Refuse the form, in the one wording the desk uses, when the statement changed since it was opened."""
    try:
        statement_version_check(statement_id, opened_version)
    except StatementChangedElsewhere as changed:
        what = changes_since(statement_id, opened_version) if opened_version is not None else ""
        raise forms.ValidationError(f"{changed} {what}".strip(), code="changed_elsewhere") from None


SHOWN_REASON_HELP = (
    "Readers have seen this statement as said by {shown}: if you change the speaker, they are told so in a "
    "correction notice with this reason, e.g. “The article is about Jaafari; the quote is his in the original "
    "source.” Required then."
)
NOT_SHOWN_REASON_HELP = (
    "Readers have not seen this statement yet, so changing the speaker is part of its review and is kept in its "
    "history; a reason is optional."
)
BACK_TO_REVIEW = (
    "Readers have seen this statement, so it cannot go back to the review queue. Unpublish it to hide it while "
    "you work on it."
)


class StatementChangeForm(forms.ModelForm):
    """A statement's change form; a new speaker of a statement readers saw needs a reason and becomes a correction."""

    reason = forms.CharField(
        label="Reason for the change",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2, "cols": 60}),
    )
    # The version the editor opened; saving over a newer one is refused.
    version = forms.IntegerField(widget=forms.HiddenInput)

    class Meta:
        model = Statement
        fields = ["kind", "speaker_as_printed", "speaker", "review_status", "published", "tags", "version"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        shown = self.instance.pk and self.instance.was_shown
        if shown:
            who = self.instance.shown_speaker.name if self.instance.shown_speaker else "no one"
            # The admin shows help text as HTML: the name is escaped here.
            self.fields["reason"].help_text = format_html(SHOWN_REASON_HELP, shown=who)
        else:
            self.fields["reason"].help_text = NOT_SHOWN_REASON_HELP

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk:
            self._check_version(cleaned.get("version"))
            shown = self.instance.was_shown
            if shown and "speaker" in self.changed_data and not (cleaned.get("reason") or "").strip():
                self.add_error("reason", REASON_REQUIRED)
            back_to_review = cleaned.get("review_status") == Statement.ReviewStatus.SUGGESTED
            if shown and back_to_review and "review_status" in self.changed_data:
                self.add_error("review_status", BACK_TO_REVIEW)
        if cleaned.get("published") and cleaned.get("review_status") != Statement.ReviewStatus.CONFIRMED:
            self.add_error("published", "Only a confirmed statement can be published; confirm it first.")
        return cleaned

    def _check_version(self, opened_version):
        check_opened_version(self.instance.pk, opened_version)


SELECTED_TEXT_HELP = (
    "Filled in when you select the passage on the article's page. If you type offsets by hand, you may paste "
    "the passage here too: the desk checks that the offsets cut out exactly this text."
)


class StatementAddForm(forms.ModelForm):
    """A new statement, anchored by its offsets in the article's text, as selected on the article's page."""

    selected_text = forms.CharField(
        label="Selected passage",
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 3, "cols": 60}),
        help_text=SELECTED_TEXT_HELP,
    )

    class Meta:
        model = Statement
        fields = ["article", "kind", "start", "end", "selected_text", "speaker_as_printed", "speaker", "tags"]
        fields += ["review_status"]
        help_texts = {
            "start": "Offset of the first character in the article's text (in characters, counting from 0).",
            "end": "Offset just after the last character.",
        }

    def clean(self):
        cleaned = super().clean()
        article, start, end = cleaned.get("article"), cleaned.get("start"), cleaned.get("end")
        if article and start is not None and end is not None:
            try:
                passage_check(article, start, end, cleaned.get("selected_text") or None)
            except forms.ValidationError as refusal:
                self.add_error("end", refusal)
        return cleaned


class PlaceStatementForm(forms.Form):
    """Where an editor places a statement again: offsets, the passage they selected, the version they opened."""

    start = forms.IntegerField(min_value=0, help_text="Offset of the first character in the article's text.")
    end = forms.IntegerField(min_value=1, help_text="Offset just after the last character.")
    selected_text = forms.CharField(
        label="Selected passage", required=False, strip=False, widget=forms.Textarea(attrs={"rows": 3, "cols": 60})
    )
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, statement, **kwargs):
        super().__init__(*args, **kwargs)
        self.statement = statement

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start is not None and end is not None:
            selected = cleaned.get("selected_text") or None
            try:
                passage_check(self.statement.article, start, end, selected, other_than=self.statement.pk)
            except forms.ValidationError as refusal:
                self.add_error("end", refusal)
        if "version" in cleaned:
            check_opened_version(self.statement.pk, cleaned["version"])
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


class ArticleBodyField(forms.CharField):
    """The article's text as an editor pastes or edits it; line endings alone are not a change."""

    def __init__(self, **kwargs):
        super().__init__(strip=False, **kwargs)

    def has_changed(self, initial, data):
        return canonical_text(initial or "") != canonical_text(data or "")


class ArticleForm(forms.ModelForm):
    """An article pasted or edited in the desk, read and refused as the file import reads and refuses files.

    A new article's header lines give its date, outlet and title when the
    editor leaves them empty; the same size limit, text checks and duplicate
    rule apply; a refused form keeps what was typed.
    """

    # Links pasted without a scheme are almost always https today.
    url = forms.URLField(label="URL", max_length=1000, required=False, assume_scheme="https")
    body = ArticleBodyField(
        label="Text",
        widget=forms.Textarea(attrs={"rows": 24, "cols": 100}),
        help_text="The story as published, header lines included (a “date 2018-04-08” or "
        "“2020-11-26 00:00:00 - Source: …” line is read as its date and outlet).",
    )

    class Meta:
        model = Article
        fields = ["body", "title", "slug", "status", "outlet", "url", "published_on", "import_key"]
        labels = {"import_key": "Source"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is None:
            for name in ("title", "slug", "import_key"):
                if name in self.fields:
                    self.fields[name].required = False
            self.fields["title"].help_text = "Left empty, the text's headline is used."
            self.fields["slug"].help_text = "Left empty, made from the title."
            self.fields["import_key"].help_text = "Where the text comes from: a URL or file name. Left empty, the URL."
            self.fields["outlet"].help_text = "Left empty, read from the text when it names one."
            self.fields["published_on"].help_text = "Left empty, read from the text's header when it gives one."

    def clean_body(self):
        body = self.cleaned_data["body"]
        if self.instance.pk and not self.fields["body"].has_changed(self.instance.body, body):
            # An unchanged text stays byte for byte as it was imported.
            return self.instance.body
        text = body.replace("\r\n", "\n")
        try:
            decode_article(text.encode("utf-8"))
        except ImportRefused as refusal:
            raise forms.ValidationError(str(refusal).replace("the file", "the text").capitalize() + ".") from None
        return text

    def clean(self):
        cleaned = super().clean()
        body = cleaned.get("body")
        if body is None:
            return cleaned
        if "body" in self.changed_data:
            same_text = Article.objects.filter(content_hash=content_hash(body)).exclude(pk=self.instance.pk).first()
            if same_text:
                self.add_error("body", f"The same text is already in the desk as “{same_text.title}”.")
        if not self.instance.pk:
            self._fill_from_header(cleaned, parse_article(body))
            self._fill_source(cleaned, body)
        return cleaned

    def _fill_from_header(self, cleaned, parsed):
        for name in ("outlet", "published_on"):
            if not cleaned.get(name) and getattr(parsed, name):
                cleaned[name] = getattr(parsed, name)
        cleaned["title"] = (cleaned.get("title") or parsed.title or "").strip()[:500]
        if not cleaned["title"]:
            self.add_error("title", "The text gives no headline; give the article a title.")
        elif not cleaned.get("slug"):
            cleaned["slug"] = unique_slug(Article, cleaned["title"])
        elif Article.objects.filter(slug=cleaned["slug"]).exists():
            self.add_error("slug", f"Another article already has the address “{cleaned['slug']}”.")

    def _fill_source(self, cleaned, body: str):
        source = (cleaned.get("import_key") or cleaned.get("url") or "").strip()
        if not source:
            # Pasted text with no source: its hash names it, so the same text is still recognised.
            source = f"pasted:{content_hash(body)[:16]}"
        if Article.objects.filter(import_key=source).exists():
            self.add_error("import_key", f"This source is already imported: {source}.")
        cleaned["import_key"] = source


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Any number of uploaded files; none is fine, the other ways to import may be used instead."""

    def __init__(self, **kwargs):
        super().__init__(widget=MultipleFileInput(attrs={"accept": ".txt,.jsonl,.ndjson,text/plain"}), **kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, (list, tuple)) else [data] if data else []
        return [super(MultipleFileField, self).clean(upload, initial) for upload in files]


class ArticleImportForm(forms.Form):
    """Files, pasted text and links to import, each read, limited and refused as the import command does."""

    files = MultipleFileField(
        label="Files",
        required=False,
        help_text="One or many: .txt files (one article each, header lines included) or .jsonl files "
        '(one {"title", "body", "outlet", "url", "published_on"} per line).',
    )
    pasted = forms.CharField(
        label="Pasted text",
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 8, "cols": 90}),
        help_text="One article as published, header lines included.",
    )
    urls = forms.CharField(
        label="Links to stories",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "cols": 90}),
        help_text="One http or https address a line; the desk fetches each page and takes its story, title, "
        "date, outlet and address.",
    )
    publish = forms.BooleanField(label="Publish at once", required=False, help_text="Otherwise they arrive as drafts.")

    def clean_files(self):
        files = self.cleaned_data["files"]
        for upload in files:
            limit = MAX_JSON_LINES_BYTES if upload.name.lower().endswith((".jsonl", ".ndjson")) else MAX_ARTICLE_BYTES
            if upload.size > limit:
                raise forms.ValidationError(
                    f"{upload.name} is {upload.size:,} bytes; files of its kind are limited to {limit:,} bytes."
                )
        return files

    def clean_urls(self):
        urls = [line.strip() for line in self.cleaned_data["urls"].splitlines() if line.strip()]
        for url in urls:
            if not url.lower().startswith(("http://", "https://")):
                raise forms.ValidationError(f"“{url}” is not an http or https address.")
        return urls

    def clean(self):
        cleaned = super().clean()
        if not self.errors and not (
            cleaned.get("files") or (cleaned.get("pasted") or "").strip() or cleaned.get("urls")
        ):
            raise forms.ValidationError("Choose files, paste a text or give a link: there is nothing to import.")
        return cleaned


class ActionForm(forms.Form):
    """Base for the forms on the admin's intermediate action pages."""

    required_css_class = "required"


class ReattributeForm(ActionForm):
    to_actor = forms.ModelChoiceField(
        label="Attribute to",
        queryset=Actor.objects.all(),
        widget=AutocompleteSelect(Statement._meta.get_field("speaker"), admin.site),
    )
    reason = forms.CharField(
        label="Reason for the change",
        widget=forms.Textarea(attrs={"rows": 3, "cols": 60}),
        help_text="Readers who saw any of these statements are told of the change with this reason.",
    )

    def clean_reason(self):
        reason = self.cleaned_data["reason"].strip()
        if not reason:
            raise forms.ValidationError(REASON_REQUIRED)
        return reason


class WithdrawalForm(ActionForm):
    reason = forms.CharField(
        label="Why the correction was a mistake",
        widget=forms.Textarea(attrs={"rows": 3, "cols": 60}),
        help_text="Readers see this beside the correction, which stays as it was written.",
    )


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
