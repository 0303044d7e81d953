from rest_framework import viewsets

from articles.api.serializers import ArticleDetailSerializer, ArticleListSerializer
from articles.models import Article


class ArticleViewSet(viewsets.ReadOnlyModelViewSet):
    """Published articles, newest first."""

    lookup_field = "slug"

    def get_queryset(self):
        articles = Article.objects.published()
        if self.action == "retrieve":
            return articles.for_detail()
        return articles.for_list()

    def get_serializer_class(self):
        return ArticleDetailSerializer if self.action == "retrieve" else ArticleListSerializer
