from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from articles.models import Article, Tag
from exercises.models import Category, Exercise, Routine


class ArticleSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return Article.objects.published().order_by("pk")

    def lastmod(self, article):
        return article.updated_at


class ExerciseSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return Exercise.objects.published().order_by("pk")

    def lastmod(self, exercise):
        return exercise.updated_at


class TagSitemap(Sitemap):
    def items(self):
        return Tag.objects.filter(articles__in=Article.objects.published()).distinct()


class CategorySitemap(Sitemap):
    def items(self):
        return Category.objects.filter(exercises__in=Exercise.objects.published()).distinct()


class RoutineSitemap(Sitemap):
    def items(self):
        return Routine.objects.published().order_by("pk")

    def lastmod(self, routine):
        return routine.updated_at


class PageSitemap(Sitemap):
    def items(self):
        return ["home", "articles:list", "exercises:list", "routines:list"]

    def location(self, name):
        return reverse(name)


SITEMAPS = {
    "pages": PageSitemap,
    "articles": ArticleSitemap,
    "tags": TagSitemap,
    "exercises": ExerciseSitemap,
    "categories": CategorySitemap,
    "routines": RoutineSitemap,
}
