from rest_framework import serializers

from articles.models import Article, ArticleReference, Tag


class TagSerializer(serializers.ModelSerializer):
    class Meta:
        model = Tag
        fields = ["name", "slug"]


class ArticleReferenceSerializer(serializers.ModelSerializer):
    class Meta:
        model = ArticleReference
        fields = ["title", "publisher", "url", "accessed"]


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
    body_html = serializers.CharField(read_only=True)
    toc = serializers.JSONField(read_only=True)
    references = ArticleReferenceSerializer(many=True, read_only=True)

    class Meta(ArticleListSerializer.Meta):
        fields = [*ArticleListSerializer.Meta.fields, "toc", "body_html", "references"]
