import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from core import warning_signs as signs
from core.i18n import language_tag as active_language_tag

register = template.Library()

# The same escapes Django's json_script uses: the data can never close the tag.
_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.filter
def ld_json(data):
    """A JSON-LD data block. Browsers never execute it, so the strict CSP is untouched."""
    payload = json.dumps(data, cls=DjangoJSONEncoder).translate(_JSON_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(payload))  # noqa: S308


@register.simple_tag
def language_tag():
    """The active language as a BCP 47 tag, for `<html lang>`: "en-GB"."""
    return active_language_tag()


@register.simple_tag
def warning_signs():
    """The warning signs of "When to get help" by group: `{% warning_signs as signs %}`,
    then `signs.red_flags`, `signs.see_a_gp`... (core/warning_signs.py)."""
    return signs.WARNING_SIGNS


@register.simple_tag
def care_contacts():
    """Who to call, from settings: `{% care_contacts as care %}`, then
    `care.emergency.number`, `care.emergency.href` ("tel:999"), `care.department`,
    `care.urgent` (None where there is no urgent advice line), `care.urgent_service`."""
    return signs.care_contacts()
