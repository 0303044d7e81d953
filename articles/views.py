from django.conf import settings
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext
from django.views.generic import DetailView, ListView

from articles.models import Article, Tag
from articles.rendering import split_leading_cards
from core.i18n import language_tag
from core.workflow import StaffPreviewMixin, apply_pending_change


class ArticleListView(ListView):
    template_name = "articles/article_list.html"
    context_object_name = "articles"
    paginate_by = 12

    def get_queryset(self):
        return Article.objects.published().for_list().in_reading_order()


class TagArticleListView(ArticleListView):
    def get_queryset(self):
        self.tag = get_object_or_404(Tag, slug=self.kwargs["slug"])
        return super().get_queryset().filter(tags=self.tag)

    def get_context_data(self, **kwargs):
        return super().get_context_data(tag=self.tag, **kwargs)


class ArticleDetailView(DetailView):
    template_name = "articles/article_detail.html"
    context_object_name = "article"

    def get_queryset(self):
        return Article.objects.published().for_detail()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(
            related=self.object.related_articles(),
            structured_data=structured_data(self.object, self.request),
            **kwargs,
        )
        if self.object.slug == settings.HELP_ARTICLE_SLUG:
            # "When to get help": the cards its body starts with (who to call) come first,
            # before the title, the review box and the contents list.
            context["help_cards"], context["body_html"] = split_leading_cards(
                self.object.display_html
            )
            context["is_help"] = True
        else:
            context["body_html"] = self.object.display_html
        return context


def structured_data(article, request) -> dict:
    """schema.org MedicalWebPage; lastReviewed and reviewedBy only when truly reviewed."""
    data = {
        "@context": "https://schema.org",
        "@type": "MedicalWebPage",
        "headline": article.title,
        "description": article.summary,
        "url": request.build_absolute_uri(article.get_absolute_url()),
        "datePublished": article.published_at,
        "dateModified": article.updated_at,
        "inLanguage": language_tag(),
        "about": {"@type": "MedicalCondition", "name": gettext("Postpartum sciatica")},
    }
    if article.reviewer:
        data["reviewedBy"] = {"@type": "Person", "name": article.reviewer.name}
        if article.last_reviewed:
            data["lastReviewed"] = article.last_reviewed
    if article.author:
        data["author"] = {"@type": "Person", "name": article.author.name}
    return data


class ArticlePreviewView(StaffPreviewMixin, ArticleDetailView):
    """Staff see any article, whatever its status, exactly as readers will; with its
    unpublished changes, if it has some (applied to this copy only, never saved)."""

    def get_queryset(self):
        return Article.objects.for_detail()

    def get_object(self, queryset=None):
        article = super().get_object(queryset)
        self.pending = apply_pending_change(self.request, article)
        if self.pending is not None:
            article.render_body()
        return article
