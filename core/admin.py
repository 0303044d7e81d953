"""Admin parts shared by every app: publishing actions and the reference inline."""

from django.contrib import admin, messages
from django.db import models
from django.utils import timezone

from core.publishing import Status


@admin.action(description="Send selected to review")
def send_to_review(modeladmin, request, queryset):
    count = queryset.exclude(status=Status.REVIEW).update(status=Status.REVIEW)
    modeladmin.message_user(request, f"{count} sent to review.", messages.SUCCESS)


@admin.action(description="Publish selected now")
def publish(modeladmin, request, queryset):
    now = timezone.now()
    count = 0
    for obj in queryset.exclude(status=Status.PUBLISHED):
        obj.status = Status.PUBLISHED
        obj.published_at = obj.published_at or now
        obj.save()  # save(), not update(): keeps rendering and history hooks
        count += 1
    modeladmin.message_user(request, f"{count} published.", messages.SUCCESS)


class ReferenceInline(admin.TabularInline):
    """The numbered sources of a page; an app sets `model` to its ReferenceBase subclass."""

    extra = 0
    fields = ["order", "title", "publisher", "url", "accessed"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
