"""The active language as a BCP 47 tag, for what names a language outside Django.

Django's language codes are lower case ("en-gb"); `<html lang>`, schema.org's
`inLanguage`, the web app manifest's `lang` and speech synthesis take the usual
spelling ("en-GB", "zh-Hans"). One helper, so none of them hard-codes a language.
"""

from django.conf import settings
from django.utils.translation import get_language, to_locale


def language_tag(code: str | None = None) -> str:
    """`code` (default: the active language) as a BCP 47 tag: "en-gb" -> "en-GB"."""
    return to_locale(code or get_language() or settings.LANGUAGE_CODE).replace("_", "-")
