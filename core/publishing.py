"""What every public model shares: a publication status and one queryset method.

Every public view, API endpoint and offline manifest starts from
`Model.objects.published()`, so a draft cannot leak through a forgotten filter.
"""

import hashlib
import json
from urllib.parse import urlsplit

from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.content_version import ContentQuerySet


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    REVIEW = "review", _("In review")
    PUBLISHED = "published", _("Published")


class PublishableQuerySet(ContentQuerySet):
    def published(self):
        """Published and due: a future `published_at` keeps a page scheduled, not public."""
        return self.filter(status=Status.PUBLISHED, published_at__lte=timezone.now())

    def scheduled(self):
        """Published with a time still to come: readers see it from then."""
        return self.filter(status=Status.PUBLISHED, published_at__gt=timezone.now())


class Publishable(models.Model):
    status = models.CharField(
        max_length=12,
        choices=Status.choices,
        default=Status.DRAFT,
        help_text=_("Only published pages are shown to readers, listed, searchable and offline."),
    )
    published_at = models.DateTimeField(
        _("publish from"),
        null=True,
        blank=True,
        help_text=_("Filled in when first published. A future time schedules the page."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Fingerprint of the starting content as the loader wrote it; see seed_fingerprint().
    seed_hash = models.CharField(max_length=64, blank=True, editable=False)

    objects = PublishableQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.status == Status.PUBLISHED and self.published_at is None:
            self.published_at = timezone.now()
        super().save(*args, **kwargs)

    # The URL namespace of the model's public page ("<namespace>:detail") and of its staff
    # preview ("<namespace>:preview"), both by slug.
    url_namespace = ""

    def get_absolute_url(self):
        return reverse(f"{self.url_namespace}:detail", kwargs={"slug": self.slug})

    def get_preview_url(self):
        return reverse(f"{self.url_namespace}:preview", kwargs={"slug": self.slug})

    @property
    def is_public(self) -> bool:
        return (
            self.status == Status.PUBLISHED
            and self.published_at is not None
            and self.published_at <= timezone.now()
        )


class ReferenceBase(models.Model):
    """A source cited on a page: shown as a numbered reference list."""

    title = models.CharField(max_length=300)
    publisher = models.CharField(max_length=200, help_text=_("e.g. NHS 111 Wales, Harvard Health."))
    url = models.URLField(_("link"), max_length=500)
    accessed = models.DateField(_("date accessed"))
    order = models.PositiveSmallIntegerField(default=0)

    objects = ContentQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["order", "pk"]

    def __str__(self):
        return f"{self.title} ({self.publisher})"

    @property
    def safe_url(self) -> str:
        """The link if it is a web address (http or https), else "": the form refuses other
        schemes, and this holds for a row written any other way (a script, the database)."""
        return self.url if urlsplit(self.url.strip()).scheme.lower() in {"http", "https"} else ""


def seed_fingerprint(values: dict) -> str:
    """A stable hash of seeded field values, to tell an untouched row from an edited one."""
    payload = json.dumps(values, sort_keys=True, default=str)
    return hashlib.sha256(payload.encode()).hexdigest()
