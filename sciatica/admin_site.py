"""The editors' admin site: the site's name in its header, plain words, and a home page that
starts with what needs attention (reviews due, pages awaiting clinical review, in review,
scheduled, drafts)."""

from django.conf import settings
from django.contrib import admin
from django.contrib.admin.forms import AdminAuthenticationForm
from django.urls import reverse
from django.utils.text import capfirst, format_lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from articles.models import Article
from core.publishing import Status
from exercises.models import Exercise, Routine


class EditorLoginForm(AdminAuthenticationForm):
    error_messages = {
        **AdminAuthenticationForm.error_messages,
        "invalid_login": _(
            "That username and password do not match an editor's account. Check both: "
            "capital letters count."
        ),
    }


def attention(request) -> list[dict]:
    """What an editor should look at: how many pages, and a link to the list of them."""
    items = []

    def add(model, queryset, words, query: str):
        opts = model._meta
        if not request.user.has_perm(f"{opts.app_label}.view_{opts.model_name}"):
            return
        count = queryset.count()
        if count:
            url = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
            items.append({"text": words(count), "url": f"{url}?{query}"})

    articles = Article.objects.all()
    add(
        Article,
        articles.overdue_for_review(),
        lambda n: (
            ngettext(
                "%(count)d article is overdue for review",
                "%(count)d articles are overdue for review",
                n,
            )
            % {"count": n}
        ),
        "review=overdue",
    )
    for model in (Exercise, Routine):
        things = capfirst(model._meta.verbose_name_plural)
        add(
            model,
            model.objects.overdue_for_review(),
            lambda n, things=things: (
                _("%(things)s overdue for review: %(count)d") % {"things": things, "count": n}
            ),
            "review=overdue",
        )
    add(
        Article,
        articles.published().awaiting_clinical_review(),
        lambda n: (
            ngettext(
                "%(count)d published article awaits clinical review",
                "%(count)d published articles await clinical review",
                n,
            )
            % {"count": n}
        ),
        "review=awaiting-clinical",
    )
    states = [
        (Status.REVIEW, _("%(things)s in review: %(count)d")),
        ("scheduled", _("%(things)s scheduled: %(count)d")),
        (Status.DRAFT, _("%(things)s in draft: %(count)d")),
    ]
    for model in (Article, Exercise, Routine):
        things = capfirst(model._meta.verbose_name_plural)
        for state, text in states:
            queryset = (
                model.objects.scheduled()
                if state == "scheduled"
                else model.objects.filter(status=state)
            )
            add(
                model,
                queryset,
                lambda n, text=text, things=things: text % {"things": things, "count": n},
                f"publication={state}",
            )
    return items


class SiteAdmin(admin.AdminSite):
    site_header = format_lazy(_("{site}: editors"), site=settings.PWA_APP_NAME)
    site_title = format_lazy(_("{site} editors"), site=settings.PWA_APP_NAME)
    index_title = _("Content")
    index_template = "admin/site_index.html"
    login_form = EditorLoginForm

    def index(self, request, extra_context=None):
        return super().index(request, {"attention": attention(request), **(extra_context or {})})
