"""The JSON shapes of the API. Field names are a contract: API consumers code against them.

Serializers only read what the views have already selected and prefetched
(``public_statements``, ``public_corrections``, ``statement_count``), so a
list costs the same number of queries whatever its length.
"""

from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from curation.models import Actor, ActorRole, Article, AttributionCorrection, CorrectionWithdrawal, Statement, Tag


class EmptyAsNullCharField(serializers.CharField):
    """Text the source may lack: null, not "", so that "not known" is unmistakable."""

    def __init__(self, **kwargs):
        super().__init__(allow_null=True, read_only=True, **kwargs)

    def to_representation(self, value):
        return value or None


@extend_schema_field({"type": "string", "format": "uri", "nullable": True})
class EmptyAsNullUrlField(EmptyAsNullCharField):
    pass


@extend_schema_field(OpenApiTypes.URI)
class StatementPageField(serializers.Field):
    """The absolute URL of the statement's public page."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, help_text="The statement's public page.", **kwargs)

    def to_representation(self, statement):
        path = reverse("curation:statement-detail", kwargs={"pk": statement.pk})
        request = self.context.get("request")
        return request.build_absolute_uri(path) if request else path


# Every field is output only; the schema then also lists each as always present.
class ReadOnlyModelSerializer(serializers.ModelSerializer):
    def get_fields(self):
        fields = super().get_fields()
        for field in fields.values():
            field.read_only = True
        return fields


class ActorSummarySerializer(ReadOnlyModelSerializer):
    class Meta:
        model = Actor
        fields = ["slug", "name", "kind"]


class ArticleSummarySerializer(ReadOnlyModelSerializer):
    outlet = EmptyAsNullCharField()
    url = EmptyAsNullUrlField(help_text="Where the article was first published; null when not known.")

    class Meta:
        model = Article
        fields = ["slug", "title", "outlet", "published_on", "url"]


class TagSummarySerializer(ReadOnlyModelSerializer):
    class Meta:
        model = Tag
        fields = ["slug", "name"]


class SpanSerializer(serializers.Serializer):
    start = serializers.IntegerField(help_text="Offset of the first character in the article body.")
    end = serializers.IntegerField(help_text="Offset just after the last character.")


class WithdrawalSerializer(ReadOnlyModelSerializer):
    class Meta:
        model = CorrectionWithdrawal
        fields = ["reason", "withdrawn_at"]


class CorrectionSummarySerializer(ReadOnlyModelSerializer):
    from_speaker = ActorSummarySerializer(source="from_actor", allow_null=True)
    to_speaker = ActorSummarySerializer(source="to_actor", allow_null=True)
    withdrawal = WithdrawalSerializer(
        allow_null=True,
        help_text="Set when the correction was itself a mistake and was withdrawn in the open: "
        "the quote is attributed to from_speaker again. Null otherwise.",
    )

    class Meta:
        model = AttributionCorrection
        fields = ["from_speaker", "to_speaker", "speaker_as_printed", "reason", "corrected_at", "withdrawal"]


class StatementSerializer(ReadOnlyModelSerializer):
    url = StatementPageField()
    speaker = ActorSummarySerializer(allow_null=True, help_text="The actor who said it; null when unknown.")
    speaker_as_printed = serializers.CharField(help_text="The speaker exactly as the article prints it.")
    article = ArticleSummarySerializer()
    span = SpanSerializer(source="*")
    tags = TagSummarySerializer(many=True)
    corrected = serializers.SerializerMethodField(help_text="Whether the attribution was publicly corrected.")
    corrections = CorrectionSummarySerializer(
        source="public_corrections", many=True, help_text="Public corrections, newest first."
    )

    class Meta:
        model = Statement
        fields = [
            "id",
            "url",
            "kind",
            "text",
            "speaker",
            "speaker_as_printed",
            "article",
            "span",
            "tags",
            "corrected",
            "corrections",
        ]

    def get_corrected(self, statement) -> bool:
        return bool(statement.public_corrections)


class ArticleStatementSerializer(StatementSerializer):
    """A statement inside its article: the article around it is already given."""

    class Meta(StatementSerializer.Meta):
        fields = [name for name in StatementSerializer.Meta.fields if name != "article"]


class ArticleSerializer(ArticleSummarySerializer):
    statement_count = serializers.IntegerField(help_text="Published statements in the article.")

    class Meta(ArticleSummarySerializer.Meta):
        fields = [*ArticleSummarySerializer.Meta.fields, "statement_count"]


class ArticleDetailSerializer(ArticleSerializer):
    body = serializers.CharField(help_text="The text exactly as imported; statement spans point into it.")
    statements = ArticleStatementSerializer(source="public_statements", many=True)

    class Meta(ArticleSerializer.Meta):
        fields = [*ArticleSerializer.Meta.fields, "body", "statements"]


class RoleSerializer(ReadOnlyModelSerializer):
    organisation = EmptyAsNullCharField()

    class Meta:
        model = ActorRole
        fields = ["title", "organisation", "start", "end"]


class ActorSerializer(ActorSummarySerializer):
    aliases = serializers.SlugRelatedField(
        many=True, read_only=True, slug_field="name", help_text="Names articles print for the actor."
    )
    roles = RoleSerializer(many=True, help_text="Dated positions; start or end is null when not known.")
    statement_count = serializers.IntegerField(help_text="Published statements attributed to the actor.")

    class Meta(ActorSummarySerializer.Meta):
        fields = [*ActorSummarySerializer.Meta.fields, "description", "aliases", "roles", "statement_count"]


class TagSerializer(TagSummarySerializer):
    parent = serializers.SlugRelatedField(
        read_only=True, slug_field="slug", allow_null=True, help_text="The broader tag, if any."
    )
    aliases = serializers.SlugRelatedField(many=True, read_only=True, slug_field="name")
    children = serializers.SlugRelatedField(
        many=True, read_only=True, slug_field="slug", help_text="Narrower tags; the tag filter includes them."
    )
    statement_count = serializers.IntegerField(
        help_text="Published statements tagged with this tag itself (its children's are not counted)."
    )

    class Meta(TagSummarySerializer.Meta):
        fields = [*TagSummarySerializer.Meta.fields, "description", "parent", "aliases", "children", "statement_count"]


class StatementReferenceSerializer(ReadOnlyModelSerializer):
    url = StatementPageField()

    class Meta:
        model = Statement
        fields = ["id", "url", "kind", "text"]


class CorrectionSerializer(CorrectionSummarySerializer):
    statement = StatementReferenceSerializer()
    article = ArticleSummarySerializer(source="statement.article")

    class Meta(CorrectionSummarySerializer.Meta):
        fields = ["id", "statement", "article", *CorrectionSummarySerializer.Meta.fields]
