from django import forms
from django.utils import timezone
from django.utils.translation import gettext

from articles.models import Article
from core.publishing import Status


class ArticleAdminForm(forms.ModelForm):
    class Meta:
        model = Article
        fields = "__all__"  # noqa: DJ007 (the admin's fieldsets choose what is shown)

    def clean(self):
        cleaned = super().clean()
        published_at = cleaned.get("published_at")
        status = cleaned.get("status")
        if (
            "published_at" in self.changed_data
            and published_at is not None
            and published_at < timezone.now()
            and status != Status.PUBLISHED
        ):
            self.add_error(
                "published_at",
                gettext(
                    "A scheduled time must be in the future. Leave it empty to publish "
                    "as soon as the status is set to Published."
                ),
            )
        return cleaned
