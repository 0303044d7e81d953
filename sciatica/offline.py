"""What the service worker keeps on the phone, and the offline search index.

The manifest also carries every exercise's and routine's suitability rules by page URL
(`rules`), so the phone can judge them with no connection.

Both are built from the `published()` querysets, so a draft can never reach a
reader's offline copy. The version is a hash of every URL in the list plus the
last change of every published object, the shared safety text and the hashed
static names: an editor's change, a newly due scheduled page, a change to the red
flags or a new deploy of static files all give a new version.
"""

import hashlib
import json
import math

from django.conf import settings
from django.contrib.staticfiles.storage import staticfiles_storage
from django.http import JsonResponse
from django.templatetags.static import static
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from articles.models import Article, Contributor, Tag
from articles.rendering import shared_safety_text
from articles.views import ArticleListView
from core.warning_signs import safety_stamp
from exercises.models import STOP_IF, Category, Exercise, Routine

# The app shell: every stylesheet and script module (read from the files, so a new module
# is saved for offline use without anyone remembering to list it), the icons pages use, and
# the pages with no object behind them. The worker itself is served from the site root.
SHELL_STATIC = [
    *sorted(
        path.relative_to(settings.STATICFILES_DIRS[0]).as_posix()
        for pattern in ("css/*.css", "js/*.js")
        for path in settings.STATICFILES_DIRS[0].glob(pattern)
        if path.name != "serviceworker.js"
    ),
    "icons/favicon.svg",
    "icons/icon-512.png",
]
SHELL_PAGES = [
    "home",
    "checkin",
    "progress",
    "diary",
    "progress-summary",
    "reminders",
    "offline",
    "exercises:list",
    "routines:list",
    "routines:today",
    "search",
    "search-index",
    "manifest",
]


def _paged(url: str, count: int, per_page: int) -> list[str]:
    pages = max(1, math.ceil(count / per_page))
    return [url] + [f"{url}?page={n}" for n in range(2, pages + 1)]


def offline_manifest() -> dict:
    articles = list(Article.objects.published())
    exercises = list(Exercise.objects.published())
    routines = Routine.objects.playable_with_items()
    tags = list(Tag.objects.with_published_count())
    categories = list(Category.objects.in_use())
    per_page = ArticleListView.paginate_by

    pages = [reverse(name) for name in SHELL_PAGES]
    pages += _paged(reverse("articles:list"), len(articles), per_page)
    pages += [article.get_absolute_url() for article in articles]
    for tag in tags:
        pages += _paged(tag.get_absolute_url(), tag.published_count, per_page)
    pages += [category.get_absolute_url() for category in categories]
    pages += [exercise.get_absolute_url() for exercise in exercises]
    pages += [routine.get_absolute_url() for routine in routines]

    # Each exercise's and routine's suitability rules, by page, for the phone to judge
    # offline (static/js/suitability-core.js), e.g. on a list saved before an edit.
    rules = {obj.get_absolute_url(): obj.rules.as_dict() for obj in (*exercises, *routines)}

    assets = [static(path) for path in SHELL_STATIC]
    # The manifest's icons are named without a hash (django-pwa settings): save those too.
    assets += [icon["src"] for icon in (*settings.PWA_APP_ICONS, *settings.PWA_APP_ICONS_APPLE)]
    assets += sorted({e.illustration_url for e in exercises if e.illustration_url})

    # Everything a cached page shows: if any of it changes, the offline copy is stale.
    stamps = [
        [str(obj.updated_at) for obj in (*articles, *exercises, *routines)],
        [(tag.name, tag.slug) for tag in tags],
        [(c.name, c.slug, c.description) for c in categories],
        list(Contributor.objects.values_list("name", "credentials", "bio")),
        # Safety text kept in templates and code (red flags, "Stop if"): a change must reach
        # the offline copies too, not only pages fetched online.
        [*shared_safety_text(), STOP_IF],
        # A routine's rules change with which of its exercises are published.
        rules,
        # The check-in's warning signs and the numbers to call (settings).
        safety_stamp(),
    ]
    fingerprint = json.dumps([pages, assets, stamps, _static_fingerprint()])
    version = hashlib.sha256(fingerprint.encode()).hexdigest()[:16]
    return {"version": version, "pages": pages, "assets": assets, "rules": rules}


def _static_fingerprint() -> str:
    manifest = getattr(staticfiles_storage, "hashed_files", None)
    return hashlib.sha256(json.dumps(sorted((manifest or {}).items())).encode()).hexdigest()


@require_safe
@cache_control(no_cache=True)
def offline_manifest_view(request):
    """Public and the same for everyone: served from the response cache while the content
    version holds, with an ETag, so the service worker's check on each visit is a
    conditional request (304, a few bytes) when nothing changed. `no-cache`: the browser
    keeps it but always asks."""
    return JsonResponse(offline_manifest())


@require_safe
def search_index_view(request):
    """What the phone searches with no connection, by the server's rule (core.search).

    One entry per published article ("k": "a") and exercise ("k": "e"): its address "u",
    title "t" and summary "s" as shown, primary key "i" (the last tie-break), and "f", the
    folded title, summary and body exactly as stored for the server's search. An exercise
    also carries its suitability rules "r" (Rules.as_dict(), as its cards' data-rules), so
    results found offline are marked "Not yet for you" like the server's."""

    def entry(kind, obj, title, **extra):
        return {
            "k": kind,
            "u": obj.get_absolute_url(),
            "t": title,
            "s": obj.summary,
            "i": obj.pk,
            "f": [obj.search_title, obj.search_summary, obj.search_body],
            **extra,
        }

    entries = [entry("a", article, article.title) for article in Article.objects.published()]
    entries += [
        entry("e", exercise, exercise.name, r=exercise.rules.as_dict())
        for exercise in Exercise.objects.published()
    ]
    response = JsonResponse(
        {"entries": entries}, json_dumps_params={"ensure_ascii": False, "separators": (",", ":")}
    )
    response["Cache-Control"] = "no-cache"
    return response
