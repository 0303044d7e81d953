from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import viewsets

from articles.api.serializers import ArticleDetailSerializer, ArticleListSerializer, TagSerializer
from articles.models import Article, Tag
from core.api import filter_by_slug


@extend_schema_view(
    list=extend_schema(
        parameters=[
            OpenApiParameter(
                "tag", OpenApiTypes.STR, description="Only articles with this tag slug."
            ),
            OpenApiParameter("search", OpenApiTypes.STR, description="Words to look for."),
        ]
    )
)
class ArticleViewSet(viewsets.ReadOnlyModelViewSet):
    """Published articles, newest first (best match first when searching)."""

    lookup_field = "slug"

    def get_queryset(self):
        articles = Article.objects.published()
        if self.action == "retrieve":
            return articles.for_detail()
        articles = articles.for_list()
        articles = filter_by_slug(articles, self.request, "tag", Tag, "tags")
        return articles.search(self.request.query_params.get("search", ""))

    def get_serializer_class(self):
        return ArticleDetailSerializer if self.action == "retrieve" else ArticleListSerializer


class TagViewSet(viewsets.ReadOnlyModelViewSet):
    """Tags that have at least one published article."""

    lookup_field = "slug"
    serializer_class = TagSerializer

    def get_queryset(self):
        return Tag.objects.in_use()
