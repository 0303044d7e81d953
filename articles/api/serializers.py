from rest_framework import serializers

from articles.models import Article, ArticleReference, Contributor, Tag
from core.api import ReferenceSerializer


class TagSerializer(serializers.ModelSerializer):
    class Meta:
        model = Tag
        fields = ["name", "slug"]


class ArticleReferenceSerializer(ReferenceSerializer):
    class Meta(ReferenceSerializer.Meta):
        model = ArticleReference


class ContributorSerializer(serializers.ModelSerializer):
    class Meta:
        model = Contributor
        fields = ["name", "credentials", "bio"]


class ArticleListSerializer(serializers.ModelSerializer):
    url = serializers.CharField(source="get_absolute_url", read_only=True)
    tags = TagSerializer(many=True, read_only=True)

    class Meta:
        model = Article
        fields = [
            "slug", "title", "summary", "url", "tags", "published_at",
            "last_reviewed", "next_review_due", "reading_minutes",
        ]  # fmt: skip


class ArticleDetailSerializer(ArticleListSerializer):
    body_html = serializers.CharField(source="display_html", read_only=True)
    toc = serializers.JSONField(read_only=True)
    references = ArticleReferenceSerializer(many=True, read_only=True)
    author = ContributorSerializer(read_only=True, allow_null=True)
    reviewer = ContributorSerializer(
        read_only=True, allow_null=True, help_text="Null until a clinician has reviewed the page."
    )

    class Meta(ArticleListSerializer.Meta):
        fields = [
            *ArticleListSerializer.Meta.fields, "author", "reviewer", "toc", "body_html",
            "references",
        ]  # fmt: skip
