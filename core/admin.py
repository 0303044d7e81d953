"""Admin parts shared by every app: publishing actions and the reference inline."""

from django.contrib import admin, messages
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from core.publishing import Status


@admin.action(description=_("Send selected to review"))
def send_to_review(modeladmin, request, queryset):
    count = queryset.exclude(status=Status.REVIEW).update(status=Status.REVIEW)
    message = ngettext("%(count)d sent to review.", "%(count)d sent to review.", count)
    modeladmin.message_user(request, message % {"count": count}, messages.SUCCESS)


@admin.action(description=_("Publish selected now"))
def publish(modeladmin, request, queryset):
    now = timezone.now()
    count = 0
    for obj in queryset.exclude(status=Status.PUBLISHED):
        obj.status = Status.PUBLISHED
        obj.published_at = obj.published_at or now
        obj.save()  # save(), not update(): keeps rendering and history hooks
        count += 1
    message = ngettext("%(count)d published.", "%(count)d published.", count)
    modeladmin.message_user(request, message % {"count": count}, messages.SUCCESS)


class ReferenceInline(admin.TabularInline):
    """The numbered sources of a page; an app sets `model` to its ReferenceBase subclass."""

    extra = 0
    fields = ["order", "title", "publisher", "url", "accessed"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
