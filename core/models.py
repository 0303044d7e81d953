"""Changes waiting to go live: an editor's draft of a page readers can already see.

Readers never see a pending change: no public view, API, search, sitemap or offline manifest
reads this table (they all start from `Model.objects.published()`). Only the admin's change
form and the staff preview do.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _


class PendingChangeQuerySet(models.QuerySet):
    def for_object(self, obj):
        """The pending change of `obj`, if any (at most one: a constraint)."""
        if obj is None or obj.pk is None:
            return self.none()
        content_type = ContentType.objects.get_for_model(obj, for_concrete_model=False)
        return self.filter(content_type=content_type, object_id=obj.pk).select_related("author")


class PendingChange(models.Model):
    """The change form of a live page as an editor last sent it (fields and inline rows),
    validated like a save but not applied: "Publish now" applies it through the admin."""

    class State(models.TextChoices):
        DRAFT = "draft", _("Draft")
        REVIEW = "review", _("In review")

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    content_object = GenericForeignKey("content_type", "object_id")
    # The submitted form as {name: [values]}, inline formsets included.
    data = models.JSONField(default=dict)
    # The live page's edit token when the change was made: publishing a change made on an
    # older version is refused, as a stale form is (core.admin.EditGuardForm).
    base_token = models.CharField(max_length=64, blank=True)
    state = models.CharField(max_length=10, choices=State.choices, default=State.DRAFT)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PendingChangeQuerySet.as_manager()

    # Readers never see a pending change (only editors, in the admin and previews): saving
    # one does not change the content version (core.content_version).
    affects_readers = False

    class Meta:
        ordering = ["-updated_at"]
        verbose_name = _("unpublished change")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"], name="one_pending_change_per_page"
            )
        ]

    def __str__(self):
        return f"{self.content_type.model} {self.object_id} ({self.get_state_display()})"

    def as_querydict(self) -> QueryDict:
        """The stored form data as the admin received it."""
        data = QueryDict(mutable=True)
        for name, values in self.data.items():
            data.setlist(name, values)
        return data

    @property
    def author_name(self) -> str:
        if self.author is None:
            return str(_("a former editor"))
        return self.author.get_full_name() or self.author.get_username()


class ContentVersion(models.Model):
    """One row: a token that changes whenever anything a reader can see changes (an edit, a
    publication, a deletion, a revert, a scheduled page coming due). The response cache, the
    ETags and Last-Modified are keyed by it (core.content_version)."""

    token = models.CharField(max_length=32)
    changed_at = models.DateTimeField()
    # The next time what readers see changes by itself (a scheduled page's publish time):
    # the first request after it changes the token. No cron job.
    next_change_at = models.DateTimeField(null=True, blank=True)

    # Readers never see this row itself: saving it is not a content change.
    affects_readers = False

    class Meta:
        verbose_name = _("content version")

    def __str__(self):
        return f"{self.token} ({self.changed_at:%Y-%m-%d %H:%M:%S})"
