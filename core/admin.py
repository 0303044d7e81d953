"""Admin parts shared by every app: the publishing workflow, the edit guard and the reference
inline.

Every workflow action (send to review, publish now) saves each page through `save()` inside a
django-reversion revision and writes the admin log, so the page's history says who did what
and when, like an edit through the form.
"""

import datetime

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.template.response import TemplateResponse
from django.utils import formats, timezone
from django.utils.html import escape
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from reversion import create_revision, set_comment, set_user
from reversion.admin import VersionAdmin

from core.publishing import Status


def record(modeladmin, request, obj, message: str) -> None:
    """Save `obj` as one step of its history (who, when, what) and in the admin log."""
    with create_revision():
        obj.save()
        set_user(request.user)
        set_comment(message)
    modeladmin.log_change(request, obj, message)


@admin.action(description=_("Send selected to review"), permissions=["change"])
def send_to_review(modeladmin, request, queryset):
    """A live page sent to review leaves the site until it is published again: ask first."""
    pages = list(queryset.exclude(status=Status.REVIEW))
    live = [page for page in pages if page.is_public]
    if live and request.POST.get("confirm") != "yes":
        return TemplateResponse(
            request,
            "admin/core/confirm_send_to_review.html",
            {
                **modeladmin.admin_site.each_context(request),
                "title": gettext("Take these pages off the site?"),
                "opts": modeladmin.model._meta,
                "live": live,
                "pages": pages,
                "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            },
        )
    for page in pages:
        page.status = Status.REVIEW
        record(modeladmin, request, page, gettext("Sent to review."))
    message = ngettext("%(count)d sent to review.", "%(count)d sent to review.", len(pages))
    modeladmin.message_user(request, message % {"count": len(pages)}, messages.SUCCESS)
    return None


@admin.action(description=_("Publish selected now"), permissions=["change"])
def publish(modeladmin, request, queryset):
    """Now means now: a draft or a scheduled page becomes public at once."""
    now = timezone.now()
    count = 0
    for page in queryset:
        if page.is_public:
            continue
        page.status = Status.PUBLISHED
        if page.published_at is None or page.published_at > now:
            page.published_at = now
        record(modeladmin, request, page, gettext("Published."))
        count += 1
    message = ngettext("%(count)d published.", "%(count)d published.", count)
    modeladmin.message_user(request, message % {"count": count}, messages.SUCCESS)


class PublicationFilter(admin.SimpleListFilter):
    """Where each page is in the workflow, with scheduled pages apart from live ones."""

    title = _("publication")
    parameter_name = "publication"

    def lookups(self, request, model_admin):
        return [
            ("live", _("On the site")),
            ("scheduled", _("Scheduled")),
            (Status.REVIEW, _("In review")),
            (Status.DRAFT, _("Draft")),
        ]

    def queryset(self, request, queryset):
        if self.value() == "live":
            return queryset.published()
        if self.value() == "scheduled":
            return queryset.scheduled()
        if self.value() in (Status.REVIEW, Status.DRAFT):
            return queryset.filter(status=self.value())
        return queryset


@admin.display(description=_("publication"), ordering="published_at")
def publication(page) -> str:
    """ "On the site since 1 Dec", "Scheduled for 3 Dec, 09:00", "In review" or "Draft"."""
    if page.status == Status.PUBLISHED and page.published_at:
        when = timezone.localtime(page.published_at)
        if page.is_public:
            return gettext("On the site since %(date)s") % {
                "date": formats.date_format(when, "j M Y")
            }
        return gettext("Scheduled for %(when)s") % {"when": formats.date_format(when, "j M, H:i")}
    return page.get_status_display()


class ReviewDueFilter(admin.SimpleListFilter):
    """Pages whose content is due to be checked against its sources again."""

    title = _("review")
    parameter_name = "review"

    def lookups(self, request, model_admin):
        return [("overdue", _("Overdue for review")), ("due-soon", _("Review due in 30 days"))]

    def queryset(self, request, queryset):
        today = timezone.localdate()
        if self.value() == "overdue":
            return queryset.overdue_for_review(today)
        if self.value() == "due-soon":
            return queryset.filter(
                next_review_due__gte=today,
                next_review_due__lte=today + datetime.timedelta(days=30),
            )
        return queryset


def edit_token(obj) -> str:
    """What the form was opened on: the row's last change time."""
    return obj.updated_at.isoformat() if obj.pk and obj.updated_at else ""


class EditGuardForm(forms.ModelForm):
    """Refuses a save when someone else saved the page after this form was opened, instead of
    silently overwriting their change. The form comes back with her text, so nothing is lost."""

    edit_token = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["edit_token"].initial = edit_token(self.instance)

    def clean(self):
        cleaned = super().clean()
        if not self.instance.pk:
            return cleaned
        stored = type(self.instance)._default_manager.filter(pk=self.instance.pk).first()
        if stored is not None and self.cleaned_data.get("edit_token") != edit_token(stored):
            raise forms.ValidationError(changed_since_message(stored), code="changed_since")
        return cleaned


def changed_since_message(stored) -> str:
    entry = (
        LogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(stored), object_id=str(stored.pk)
        )
        .select_related("user")
        .order_by("-action_time")
        .first()
    )
    when = formats.date_format(timezone.localtime(stored.updated_at), "DATETIME_FORMAT")
    words = {"when": when}
    if entry is not None:
        words["who"] = entry.user.get_full_name() or entry.user.get_username()
        message = gettext(
            "%(who)s changed this page on %(when)s, after you opened it. Your changes are not "
            "saved yet: copy them, open the page again to see the new version, then make "
            "them again."
        )
    else:
        message = gettext(
            "This page was changed on %(when)s, after you opened it. Your changes are not "
            "saved yet: copy them, open the page again to see the new version, then make "
            "them again."
        )
    return message % words


class PlainWordsMixin:
    """Editors read "Web address", not "Slug"."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name == "slug" and field is not None:
            field.label = gettext("Web address")
            field.help_text = gettext(
                "The end of the page's address: lowercase words joined by hyphens, made from "
                "the name. It should not change once the page is published."
            )
        return field


class PublishableAdmin(PlainWordsMixin, VersionAdmin):
    """The admin of a page readers see: history, the workflow actions, the edit guard, and a
    "Web address" field that shows the page's real address."""

    form = EditGuardForm
    actions = [send_to_review, publish]

    class Media:
        # On a phone: the save buttons stay in reach, the body box is tall enough.
        css = {"all": ["css/admin/change-form.css"]}

    def get_fieldsets(self, request, obj=None):
        """The edit guard's hidden field goes with the first fieldset, so every change form
        (the history's revert form too) sends it back."""
        (name, options), *rest = super().get_fieldsets(request, obj)
        first = (name, {**options, "fields": [*options["fields"], "edit_token"]})
        return [first, *rest]

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        slug = form.base_fields.get("slug")
        if slug is not None and obj is not None and obj.pk:
            slug.help_text = gettext(
                "The end of the page's address. This page is at %(address)s; changing it "
                "breaks links and bookmarks to it."
            ) % {"address": escape(request.build_absolute_uri(obj.get_absolute_url()))}
        return form


class ReferenceInline(admin.TabularInline):
    """The numbered sources of a page; an app sets `model` to its ReferenceBase subclass."""

    extra = 0
    fields = ["order", "title", "publisher", "url", "accessed"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
