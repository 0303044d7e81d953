"""Admin parts shared by every app: the publishing workflow, the edit guard and the reference
inline.

Every workflow action (send to review, publish now) saves each page through `save()` inside a
django-reversion revision and writes the admin log, so the page's history says who did what
and when, like an edit through the form.
"""

import datetime
import json

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.models import LogEntry
from django.contrib.admin.utils import unquote
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import formats, timezone
from django.utils.html import escape
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from reversion import add_to_revision, create_revision, set_comment, set_user
from reversion.admin import VersionAdmin

from core import workflow
from core.models import PendingChange
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


# What each button says in the page's history (and in the message after it).
BUTTON_WORDS = {
    workflow.SAVE_DRAFT: _("Saved as a draft."),
    workflow.SEND_REVIEW: _("Sent for review."),
    workflow.PUBLISH: _("Published."),
    workflow.SCHEDULE: _("Scheduled."),
}
PENDING_WORDS = {
    workflow.SAVE_DRAFT: _("Saved unpublished changes: readers still see the live version."),
    workflow.SEND_REVIEW: _(
        "Sent unpublished changes for review: readers still see the live version."
    ),
}


class WorkflowAdminMixin:
    """The change form's buttons (Save draft, Send for review, Publish now, Schedule; Unpublish
    on its own confirmation page) and changes to a live page kept apart until published
    (see core.workflow). Every step is in the page's history and the admin log."""

    def get_urls(self):
        opts = self.model._meta
        unpublish = path(
            "<path:object_id>/unpublish/",
            self.admin_site.admin_view(self.unpublish_view),
            name=f"{opts.app_label}_{opts.model_name}_unpublish",
        )
        return [unpublish, *super().get_urls()]

    # The request's workflow state, set by changeform_view.

    def _workflow(self, request):
        return getattr(request, "_workflow", None)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        extra_context = extra_context or {}
        obj = self.get_object(request, unquote(object_id)) if object_id else None
        if extra_context.get("revert") or (object_id and obj is None):
            return super().changeform_view(request, object_id, form_url, extra_context)
        pending = workflow.PendingChange.objects.for_object(obj).first() if obj else None
        live = bool(obj and obj.is_public)
        if request.method == "POST":
            if workflow.DISCARD in request.POST:
                return self._discard(request, obj, pending)
            request._workflow = workflow.Workflow(workflow.pressed(request), live, pending)
        elif pending is not None:
            request._pending_data = pending.as_querydict()
            extra_context["pending"] = pending
            extra_context["pending_is_stale"] = workflow.is_stale(pending, obj)
        extra_context.update(live=live, workflow_buttons=True)
        if obj is not None:
            extra_context["publication_text"] = publication(obj)
        return super().changeform_view(request, object_id, form_url, extra_context)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        return workflow.workflow_form(
            form, self._workflow(request), getattr(request, "_pending_data", None)
        )

    def get_formset_kwargs(self, request, obj, inline, prefix):
        params = super().get_formset_kwargs(request, obj, inline, prefix)
        pending_data = getattr(request, "_pending_data", None)
        if request.method != "POST" and pending_data is not None:
            params["data"] = pending_data
        return params

    def save_model(self, request, obj, form, change):
        state = self._workflow(request)
        if state and state.keeps_live_version:
            if request.FILES:
                self.message_user(
                    request,
                    gettext(
                        "A new picture is not kept with unpublished changes: add it when "
                        "you publish them."
                    ),
                    messages.WARNING,
                )
            PendingChange.objects.update_or_create(
                content_type=ContentType.objects.get_for_model(obj, for_concrete_model=False),
                object_id=obj.pk,
                defaults={
                    "data": workflow.kept_data(request.POST),
                    "base_token": form.cleaned_data.get("edit_token", ""),
                    "state": PendingChange.State.REVIEW
                    if state.button == workflow.SEND_REVIEW
                    else PendingChange.State.DRAFT,
                    "author": request.user,
                },
            )
            return
        super().save_model(request, obj, form, change)
        if state and state.button:
            # The form showed the pending change, and it has now been saved in place.
            PendingChange.objects.for_object(obj).delete()

    def save_related(self, request, form, formsets, change):
        state = self._workflow(request)
        if state and state.keeps_live_version:
            return  # nothing of the page's own rows is written
        super().save_related(request, form, formsets, change)

    def construct_change_message(self, request, form, formsets, add=False):
        state = self._workflow(request)
        if state and state.keeps_live_version:
            return str(PENDING_WORDS[state.button])  # nothing saved: nothing to list
        message = super().construct_change_message(request, form, formsets, add)
        if not (state and state.button):
            return message
        changed = LogEntry(change_message=json.dumps(message)).get_change_message()
        return f"{BUTTON_WORDS[state.button]} {changed}".strip()

    def log_change(self, request, obj, message):
        state = self._workflow(request)
        if state and state.keeps_live_version:
            # The history shows the step; its version is the live page, unchanged.
            add_to_revision(type(obj)._default_manager.get(pk=obj.pk))
        return super().log_change(request, obj, message)

    def response_change(self, request, obj):
        state = self._workflow(request)
        if not (state and state.button):
            return super().response_change(request, obj)
        if state.keeps_live_version:
            text = PENDING_WORDS[state.button]
        elif state.button == workflow.SCHEDULE:
            when = formats.date_format(timezone.localtime(obj.published_at), "DATETIME_FORMAT")
            text = gettext("Scheduled: readers see it from %(when)s.") % {"when": when}
        elif state.button == workflow.PUBLISH:
            text = gettext("Published: readers see it now.")
        else:
            text = BUTTON_WORDS[state.button]
        self.message_user(request, text, messages.SUCCESS)
        return HttpResponseRedirect(request.path)

    def response_add(self, request, obj, post_url_continue=None):
        state = self._workflow(request)
        if state and state.button:
            self.message_user(request, BUTTON_WORDS[state.button], messages.SUCCESS)
            opts = obj._meta
            return HttpResponseRedirect(
                reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
            )
        return super().response_add(request, obj, post_url_continue)

    def delete_model(self, request, obj):
        PendingChange.objects.for_object(obj).delete()  # a generic relation: no cascade
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        PendingChange.objects.filter(
            content_type=ContentType.objects.get_for_model(self.model, for_concrete_model=False),
            object_id__in=list(queryset.values_list("pk", flat=True)),
        ).delete()
        super().delete_queryset(request, queryset)

    def _discard(self, request, obj, pending):
        if obj is None or not self.has_change_permission(request, obj):
            raise PermissionDenied
        if pending is not None:
            pending.delete()
            message = gettext("Discarded the unpublished changes.")
            add_to_revision(obj)
            self.log_change(request, obj, message)
            self.message_user(request, message, messages.SUCCESS)
        return HttpResponseRedirect(request.path)

    def unpublish_view(self, request, object_id):
        """Takes a live page off the site, after a confirmation."""
        obj = self.get_object(request, unquote(object_id))
        if obj is None or not self.has_change_permission(request, obj):
            raise PermissionDenied
        opts = self.model._meta
        change_url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
        if not obj.is_public and obj.status != Status.PUBLISHED:
            self.message_user(request, gettext("This page is not on the site."), messages.INFO)
            return HttpResponseRedirect(change_url)
        refused = False
        if request.method == "POST":
            if request.POST.get("confirm") == "yes":
                obj.status = Status.DRAFT
                record(self, request, obj, gettext("Unpublished."))
                self.message_user(
                    request,
                    gettext("Taken off the site: it is a draft again."),
                    messages.SUCCESS,
                )
                return HttpResponseRedirect(change_url)
            refused = True
        return TemplateResponse(
            request,
            "admin/core/confirm_unpublish.html",
            {
                **self.admin_site.each_context(request),
                "title": gettext("Take this page off the site?"),
                "opts": opts,
                "object": obj,
                "change_url": change_url,
                "refused": refused,
                "pending": PendingChange.objects.for_object(obj).first(),
            },
        )


class PublishableAdmin(WorkflowAdminMixin, PlainWordsMixin, VersionAdmin):
    """The admin of a page readers see: history, the workflow actions, the edit guard, and a
    "Web address" field that shows the page's real address."""

    form = EditGuardForm
    actions = [send_to_review, publish]
    change_form_template = "admin/core/publishable_change_form.html"

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

    def view_on_site(self, obj):
        """Pages not on the site open in the staff preview; live ones at their address."""
        return obj.get_absolute_url() if obj.is_public else obj.get_preview_url()


class ReferenceInline(admin.TabularInline):
    """The numbered sources of a page; an app sets `model` to its ReferenceBase subclass."""

    extra = 0
    fields = ["order", "title", "publisher", "url", "accessed"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
