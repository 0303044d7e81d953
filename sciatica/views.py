from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.generic import TemplateView

from articles.models import Article
from exercises.views import categories_with_published_exercises
from sciatica.search import MAX_QUERY_LENGTH, parse, search


class HomeView(TemplateView):
    template_name = "home.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            articles=Article.objects.published().for_list().order_by("order", "-published_at")[:6],
            categories=categories_with_published_exercises(),
            **kwargs,
        )


def search_view(request):
    query = parse(request.GET.get("q", ""))
    results = search(query)
    return render(
        request,
        "search.html",
        {
            "query": query,
            "results": results,
            "result_count": len(results["articles"]) + len(results["exercises"]),
            "max_length": MAX_QUERY_LENGTH,
        },
    )


def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /preview/",
        "Disallow: /api/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")
