from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from articles.models import Article, Tag
from exercises.models import Category, Exercise, Routine


class PublishedSitemap(Sitemap):
    """What readers can open of one model (drafts, reviews and scheduled pages never)."""

    changefreq = "monthly"

    def __init__(self, visible):
        self.visible = visible  # the queryset method that says what readers see

    def items(self):
        return self.visible().order_by("pk")

    def lastmod(self, obj):
        return obj.updated_at


class TagSitemap(Sitemap):
    def items(self):
        return Tag.objects.in_use()


class CategorySitemap(Sitemap):
    def items(self):
        return Category.objects.in_use()


class RoutineSitemap(PublishedSitemap):
    """The routines readers can play (a routine none of whose items plays is left out)."""

    def __init__(self):
        super().__init__(Routine.objects.playable)

    def items(self):
        return Routine.objects.order_by("pk").playable_with_items()


class PageSitemap(Sitemap):
    def items(self):
        return ["home", "articles:list", "exercises:list", "routines:list"]

    def location(self, name):
        return reverse(name)


SITEMAPS = {
    "pages": PageSitemap,
    "articles": PublishedSitemap(Article.objects.published),
    "tags": TagSitemap,
    "exercises": PublishedSitemap(Exercise.objects.published),
    "categories": CategorySitemap,
    "routines": RoutineSitemap(),
}
