from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.urls import reverse
from django.views.decorators.http import require_safe
from django.views.generic import TemplateView
from django.views.static import serve

from articles.models import Article
from core.search import LIMIT, MAX_QUERY_LENGTH, parse
from exercises.models import Category, Exercise, Routine
from exercises.views import today_choices, todays_turn


def rule_weeks() -> list[int]:
    """The weeks after birth at which some published exercise's rules change (its earliest
    week): a check-in made before one of them is asked again once she passes it
    (needsNewCheckin in static/js/suitability-core.js)."""
    weeks = Exercise.objects.published().filter(earliest_week__gt=0).values_list("earliest_week")
    return sorted(week for (week,) in weeks.distinct().order_by())


class HomeView(TemplateView):
    template_name = "home.html"

    def get_context_data(self, **kwargs):
        routines = today_choices(Routine.objects.playable_with_items())
        return super().get_context_data(
            articles=Article.objects.published().for_list().start_here(settings.HELP_ARTICLE_SLUG),
            categories=Category.objects.with_published_exercises(),
            checkin_weeks=rule_weeks(),
            today_routines=routines,
            today_routine=routines[todays_turn(len(routines))] if routines else None,
            **kwargs,
        )


class CheckinView(TemplateView):
    """The private check-in: the questions and the care cards, rendered here; the answers
    stay on her phone (static/js/checkin.js), so this page is the same for everyone and
    works offline."""

    template_name = "checkin.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(checkin_weeks=rule_weeks(), **kwargs)


class ProgressView(TemplateView):
    """'My progress' and its pages (the symptom diary, the summary for her physiotherapist,
    reminders): the same for everyone, with no personal data. Her records stay on her phone;
    the scripts (static/js/progress.js, diary.js, summary.js, reminders.js) read them from
    IndexedDB there, so these pages work offline."""

    @classmethod
    def page(cls, name):
        return cls.as_view(template_name=f"progress/{name}.html")


class RemindersView(ProgressView):
    template_name = "progress/reminders.html"

    def get_context_data(self, **kwargs):
        pelvic_floor = Exercise.objects.published().filter(slug="pelvic-floor-exercise").first()
        links = {
            "pelvic_floor": pelvic_floor.get_absolute_url()
            if pelvic_floor
            else reverse("exercises:list"),
            "routine": reverse("routines:today"),
        }
        urls = {name: self.request.build_absolute_uri(url) for name, url in links.items()}
        return super().get_context_data(reminder_urls=urls, **kwargs)


def search_view(request):
    """Articles and exercises apart, each best first: the rule is core.search's."""
    query = parse(request.GET.get("q", ""))
    results = {"articles": [], "exercises": []}
    if query.words:
        results = {
            "articles": list(Article.objects.published().for_list().search(query)[:LIMIT]),
            "exercises": list(Exercise.objects.published().for_list().search(query)[:LIMIT]),
        }
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


@require_safe
def media(request, path):
    """Editors' uploaded pictures (django's static serve refuses '..' and absolute paths)."""
    try:
        response = serve(request, path, document_root=settings.MEDIA_ROOT)
    except OSError:  # e.g. a name too long for the file system: no such file
        raise Http404("No such file.") from None
    response["Cache-Control"] = "public, max-age=86400"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def offline_view(request):
    """Shown by the service worker when a page is neither online nor saved. It links to
    every published page, and every published page is saved on the phone after one visit."""
    return render(
        request,
        "offline.html",
        {
            "articles": Article.objects.published().order_by("order", "title"),
            "categories": Category.objects.with_published_exercises(),
            "routines": Routine.objects.order_by("order", "name").playable_with_items(),
        },
    )


@require_safe
def favicon(request):
    """Browsers ask for /favicon.ico where a page names no icon (the admin, JSON, feeds)."""
    response = redirect(static("icons/favicon-32.png"))
    response["Cache-Control"] = "public, max-age=86400"
    return response
