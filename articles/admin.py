from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseNotAllowed, JsonResponse
from django.template.loader import render_to_string
from django.urls import path, reverse
from django.utils.html import escape
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from articles.forms import ArticleAdminForm
from articles.markdown_checks import markdown_warnings
from articles.models import Article, ArticleReference, Contributor, Tag
from articles.rendering import expand_snippets, render_markdown
from core import admin as core_admin
from core.admin import (
    PlainWordsMixin,
    PublicationFilter,
    PublishableAdmin,
    ReviewDueFilter,
    publication,
)


@admin.register(Tag)
class TagAdmin(PlainWordsMixin, admin.ModelAdmin):
    list_display = ["name"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Contributor)
class ContributorAdmin(PlainWordsMixin, admin.ModelAdmin):
    list_display = ["name", "credentials"]
    search_fields = ["name", "credentials", "bio"]
    prepopulated_fields = {"slug": ["name"]}

    def get_readonly_fields(self, request, obj=None):
        """Only those who manage accounts link a contributor to one."""
        fields = list(super().get_readonly_fields(request, obj))
        if not request.user.has_perm("auth.change_user"):
            fields.append("user")
        return fields


# Clinical sign-off: who checked an article, and when. Only the "Clinical reviewers" group
# (migration 0009) holds the permission; for everyone else both fields are read-only, so the
# admin leaves them out of the form and ignores them in a POST.
SIGN_OFF_PERMISSION = "articles.sign_off_article"
SIGN_OFF_FIELDS = ["reviewer", "last_reviewed"]


def own_contributor(user) -> Contributor | None:
    return Contributor.objects.filter(user=user).first() if user.is_authenticated else None


class ReferenceInline(core_admin.ReferenceInline):
    model = ArticleReference


class ReviewStateFilter(ReviewDueFilter):
    """Articles also show whether a clinician has checked them."""

    def lookups(self, request, model_admin):
        return [
            *super().lookups(request, model_admin),
            ("awaiting-clinical", _("Awaiting clinical review")),
        ]

    def queryset(self, request, queryset):
        if self.value() == "awaiting-clinical":
            return queryset.awaiting_clinical_review()
        return super().queryset(request, queryset)


# A preview request renders at most this much (a long article is about 15,000 characters).
MAX_PREVIEW_CHARACTERS = 100_000


@admin.register(Article)
class ArticleAdmin(PublishableAdmin):
    form = ArticleAdminForm
    list_display = [
        "title", publication, "reviewer", "next_review_due", "review_state",
    ]  # fmt: skip
    list_filter = [ReviewStateFilter, PublicationFilter, "tags"]
    list_select_related = ["reviewer"]
    search_fields = ["title", "summary", "body"]
    prepopulated_fields = {"slug": ["title"]}
    filter_horizontal = ["tags", "related"]
    autocomplete_fields = ["author", "reviewer"]
    date_hierarchy = "published_at"
    inlines = [ReferenceInline]
    readonly_fields = ["body_preview", "created_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "summary", "body", "body_preview"]}),
        (None, {"fields": ["tags", "related", "order"]}),
        (_("People"), {"fields": ["author", "reviewer"]}),
        (_("Publishing"), {"fields": ["status", "published_at", "created_at", "updated_at"]}),
        (_("Review"), {"fields": ["last_reviewed", "next_review_due"]}),
    ]

    class Media:
        js = ["editors/markdown-preview.js"]
        css = {"all": ["editors/markdown-preview.css"]}

    @admin.display(description=_("preview"))
    def body_preview(self, article):
        """The body as readers will see it, updated as the editor types (the server renders
        it with the same Markdown and sanitizer), beside a short help on the syntax."""
        return render_to_string(
            "admin/articles/body_preview.html",
            {
                "url": reverse("admin:articles_article_markdown_preview"),
                "rendered": article.display_html if article.pk else "",
                "warnings": markdown_warnings(article.body) if article.pk else [],
            },
        )

    def get_urls(self):
        preview = path(
            "markdown-preview/",
            self.admin_site.admin_view(self.markdown_preview),
            name="articles_article_markdown_preview",
        )
        return [preview, *super().get_urls()]

    def markdown_preview(self, request):
        """POST body=<Markdown>: the rendered, sanitized HTML and the warnings, as JSON."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if not self.has_change_permission(request) and not self.has_add_permission(request):
            raise PermissionDenied
        body = request.POST.get("body", "")[:MAX_PREVIEW_CHARACTERS]
        return JsonResponse(
            {
                "html": expand_snippets(render_markdown(body).html),
                "warnings": markdown_warnings(body),
            }
        )

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not request.user.has_perm(SIGN_OFF_PERMISSION):
            fields += SIGN_OFF_FIELDS
        return fields

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        reviewer = form.base_fields.get("reviewer")
        herself = own_contributor(request.user) if reviewer is not None else None
        if herself is not None:
            reviewer.help_text = gettext(
                "The clinician who checked this page. When you sign it off (set the date it "
                "was reviewed) and leave this empty, it is you: %(name)s."
            ) % {"name": escape(herself.name)}  # the admin shows help text as HTML
        return form

    def save_model(self, request, obj, form, change):
        """A clinical reviewer who signs off without naming a reviewer is the reviewer; the
        Markdown warnings are shown after the save."""
        if (
            request.user.has_perm(SIGN_OFF_PERMISSION)
            and "last_reviewed" in form.changed_data
            and obj.last_reviewed is not None
            and obj.reviewer_id is None
        ):
            herself = own_contributor(request.user)
            if herself is not None:
                obj.reviewer = herself
                form.changed_data.append("reviewer")  # so the history says who reviewed it
        super().save_model(request, obj, form, change)
        for warning in markdown_warnings(obj.body):
            self.message_user(request, warning, messages.WARNING)

    @admin.display(description=_("review"))
    def review_state(self, article):
        if article.is_overdue_for_review:
            return gettext("Overdue")
        if article.reviewer_id is None:
            return gettext("Awaiting clinical review")
        return gettext("OK")

    def view_on_site(self, article):
        """Drafts open in the staff preview; published pages at their public address."""
        return article.get_absolute_url() if article.is_public else article.get_preview_url()
