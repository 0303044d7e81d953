"""API parts shared by every app: slug filters (a value that names nothing is a 400 with a
reason) and the reference serializer."""

from django.utils.translation import gettext
from rest_framework import serializers
from rest_framework.exceptions import ValidationError


def filter_by_slug(queryset, request, param: str, model, lookup: str):
    """Filter `queryset` by `?param=<slug>` of `model`; unknown slugs are a clear 400."""
    value = request.query_params.get(param)
    if value is None:
        return queryset
    target = model.objects.filter(slug=value).first()
    if target is None:
        message = gettext("There is no %(thing)s %(value)s.") % {
            "thing": model._meta.verbose_name,
            "value": repr(value[:80]),
        }
        raise ValidationError({param: message})
    return queryset.filter(**{lookup: target})


class ReferenceSerializer(serializers.ModelSerializer):
    """A cited source; an app's subclass sets `Meta.model` to its ReferenceBase subclass."""

    url = serializers.CharField(
        source="safe_url", help_text="The source's web address (http or https), or empty."
    )

    class Meta:
        fields = ["title", "publisher", "url", "accessed"]
