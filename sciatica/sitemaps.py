from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from articles.models import Article, Tag
from exercises.models import Category, Exercise, Routine


class PublishedSitemap(Sitemap):
    """The published objects of one model (drafts, reviews and scheduled pages never)."""

    changefreq = "monthly"

    def __init__(self, model):
        self.model = model

    def items(self):
        return self.model.objects.published().order_by("pk")

    def lastmod(self, obj):
        return obj.updated_at


class TagSitemap(Sitemap):
    def items(self):
        return Tag.objects.filter(articles__in=Article.objects.published()).distinct()


class CategorySitemap(Sitemap):
    def items(self):
        return Category.objects.filter(exercises__in=Exercise.objects.published()).distinct()


class PageSitemap(Sitemap):
    def items(self):
        return ["home", "articles:list", "exercises:list", "routines:list"]

    def location(self, name):
        return reverse(name)


SITEMAPS = {
    "pages": PageSitemap,
    "articles": PublishedSitemap(Article),
    "tags": TagSitemap,
    "exercises": PublishedSitemap(Exercise),
    "categories": CategorySitemap,
    "routines": PublishedSitemap(Routine),
}
