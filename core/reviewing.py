"""Review dates, shared by every page readers trust: when its content was last checked against
its sources, and when it is due to be checked again (12 months on, unless an editor says)."""

import datetime
from calendar import monthrange

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

# How long a page's content stays trusted before it is checked against its sources again.
REVIEW_EVERY_MONTHS = 12


def review_due_after(day: datetime.date) -> datetime.date:
    """REVIEW_EVERY_MONTHS after `day` (29 February gives 28 February in a common year)."""
    months = day.month - 1 + REVIEW_EVERY_MONTHS
    year, month = day.year + months // 12, months % 12 + 1
    return day.replace(year=year, month=month, day=min(day.day, monthrange(year, month)[1]))


class ReviewableQuerySet(models.QuerySet):
    def overdue_for_review(self, today=None):
        return self.filter(next_review_due__lt=today or timezone.localdate())


class Reviewable(models.Model):
    last_reviewed = models.DateField(
        _("page last reviewed"), null=True, blank=True, help_text=_("When the content was checked.")
    )
    next_review_due = models.DateField(
        _("next review due"),
        null=True,
        blank=True,
        help_text=_("Left empty, it is set to 12 months after the last review."),
    )

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.next_review_due is None:
            self.next_review_due = review_due_after(self.last_reviewed or timezone.localdate())
        super().save(*args, **kwargs)

    @property
    def is_overdue_for_review(self) -> bool:
        return bool(self.next_review_due and self.next_review_due < timezone.localdate())

    def review_date_errors(self) -> dict[str, str]:
        """For clean(): a review cannot be in the future, the next one comes after it."""
        if self.last_reviewed and self.last_reviewed > timezone.localdate():
            return {
                "last_reviewed": gettext(
                    "The last review cannot be in the future: enter the day the content was "
                    "checked."
                )
            }
        if (
            self.last_reviewed
            and self.next_review_due
            and self.next_review_due <= self.last_reviewed
        ):
            return {"next_review_due": gettext("The next review must be after the last review.")}
        return {}
