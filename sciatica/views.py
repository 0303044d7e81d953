from django.views.generic import TemplateView

from articles.models import Article
from exercises.views import categories_with_published_exercises


class HomeView(TemplateView):
    template_name = "home.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            articles=Article.objects.published().for_list().order_by("order", "-published_at")[:6],
            categories=categories_with_published_exercises(),
            **kwargs,
        )
