from django.utils import timezone
from django.utils.translation import gettext

from articles.models import Article
from core.admin import EditGuardForm
from core.publishing import Status


class ArticleAdminForm(EditGuardForm):
    class Meta:
        model = Article
        fields = "__all__"

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
