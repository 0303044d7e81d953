"""Markdown to safe HTML, done once when an article is saved (never per request).

Editors write Markdown. Care cards ("when to get help" boxes) use the
admonition syntax:

    !!! emergency "Call 999 or go to A&E"
        - Sciatica in both legs.

with the levels `info` (non-urgent), `urgent` and `emergency`. The rendered
HTML is then cleaned by nh3 against an allow-list, so nothing an editor
pastes can run script in a reader's browser.

Safety text shared with the rest of the site (the red flags) is kept in one
template and placed in a body by a line of its own, `[[red-flags]]`. The line
is stored as it is (a plain `<p>[[red-flags]]</p>` survives the cleaning) and
replaced by the template when the page is shown, so editing the template
changes every page at once.
"""

import html
import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass

import markdown
import nh3
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

# Care cards' accessible names, in the language active when the article is saved (rendered
# once, on save).
CARE_LEVELS = {
    "info": _("Good to know"),
    "urgent": _("Urgent"),
    "emergency": _("Emergency"),
}

ALLOWED_TAGS = {
    "h2", "h3", "h4", "p", "br", "hr", "strong", "em", "b", "i", "code", "pre",
    "ul", "ol", "li", "a", "blockquote", "table", "thead", "tbody", "tr", "th", "td",
    "aside", "div",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "h2": {"id"},
    "h3": {"id"},
    "th": {"align"},
    "td": {"align"},
    "aside": {"aria-label"},
}
ALLOWED_CLASSES = {
    "aside": {"care-card", *(f"care-card--{level}" for level in CARE_LEVELS)},
    "p": {"care-card__title"},
}
URL_SCHEMES = {"http", "https", "mailto", "tel"}


class CareCardProcessor(Treeprocessor):
    """Turn admonition divs into <aside class="care-card care-card--LEVEL">."""

    def run(self, root: etree.Element) -> None:
        for div in root.iter("div"):
            classes = div.get("class", "").split()
            if "admonition" not in classes:
                continue
            level = next((c for c in classes if c in CARE_LEVELS), "info")
            div.tag = "aside"
            div.set("class", f"care-card care-card--{level}")
            title = next(
                (p for p in div if p.tag == "p" and "admonition-title" in p.get("class", "")),
                None,
            )
            if title is not None:
                title.set("class", "care-card__title")
                div.set("aria-label", f"{CARE_LEVELS[level]}: {''.join(title.itertext())}")
            else:
                div.set("aria-label", str(CARE_LEVELS[level]))


class CareCardExtension(Extension):
    def extendMarkdown(self, md):
        # After the admonition block processor, before toc (priority 5).
        md.treeprocessors.register(CareCardProcessor(md), "care_cards", 6)


# Shared blocks an editor can place with a line "[[name]]": name -> template.
SNIPPETS = {
    "red-flags": "_partials/_red_flags.html",
    "see-a-gp": "_partials/_see_a_gp.html",
    # Every warning sign, with who to call: the "When to get help" page's two first cards.
    "emergency-signs": "_partials/_emergency_signs.html",
    "urgent-signs": "_partials/_urgent_signs.html",
}
# A line of its own in the Markdown; after rendering and cleaning, a paragraph of its own.
SNIPPET_LINE = re.compile(r"^[ \t]*\[\[([^\]\n]*)\]\][ \t]*$", re.MULTILINE)
SNIPPET_PARAGRAPH = re.compile(r"<p>\[\[([a-z0-9-]+)\]\]</p>")
ARIA_LABEL = re.compile(r'aria-label="([^"]*)"')


def unknown_snippets(text: str) -> list[str]:
    """Names in "[[name]]" lines of a Markdown body that are not shared blocks."""
    return sorted({name for name in SNIPPET_LINE.findall(text or "") if name not in SNIPPETS})


def expand_snippets(clean_html: str) -> SafeString:
    """Cleaned body HTML with each "[[name]]" paragraph replaced by its template.

    Only whole paragraphs naming a known block are replaced, by our own templates
    (autoescaped, rendered without a request); everything else is left as nh3 left it."""

    def replace(match: re.Match) -> str:
        template = SNIPPETS.get(match[1])
        return render_to_string(template).strip() if template else match[0]

    return mark_safe(SNIPPET_PARAGRAPH.sub(replace, clean_html))  # noqa: S308 (see above)


# The care cards a body starts with (our snippets and editors' cards are <aside> elements,
# never nested).
LEADING_CARDS = re.compile(r"\A(?:\s*<aside\b.*?</aside>)+\s*", re.DOTALL)


def split_leading_cards(display_html: str) -> tuple[SafeString, SafeString]:
    """The care cards a body starts with, and the rest: the "When to get help" page shows
    its first cards (who to call) before anything else, its title and contents included."""
    match = LEADING_CARDS.match(display_html)
    if not match:
        return mark_safe(""), mark_safe(display_html)  # noqa: S308 (already safe)
    cards, rest = display_html[: match.end()], display_html[match.end() :]
    return mark_safe(cards.strip()), mark_safe(rest)  # noqa: S308 (already safe)


def snippet_text(name: str) -> str:
    """A shared block as plain lower-case text, spaces tidied (what the offline version hashes)."""
    return " ".join(plain_text(render_to_string(SNIPPETS[name])).split()).lower()


def plain_text(clean_html: str) -> str:
    """What a reader is shown of cleaned HTML, for search: its text and its labels (a care
    card's "Urgent: ..." label is shown by the stylesheet), tags dropped, entities decoded."""
    return html.unescape(
        " ".join([*ARIA_LABEL.findall(clean_html), nh3.clean(clean_html, tags=set())])
    )


def shared_safety_text() -> list[str]:
    """The safety text kept in templates and code (shared blocks, the standard "Stop if"
    is the exercises app's), for what must change when it does, e.g. the offline version."""
    return [snippet_text(name) for name in SNIPPETS]


@dataclass(frozen=True)
class Rendered:
    html: str
    toc: list[dict]  # [{"id": "causes", "title": "Causes"}] for each h2
    words: int


def _slugify(value: str, separator: str) -> str:
    return slugify(value) or "section"


# A web address typed as it is ("https://..." or "www...."), not already inside a Markdown
# link or an <autolink>: it becomes a link. "www." gets https:// in front, as in a link's
# target: [text](www.nhs.uk) links to https://www.nhs.uk.
BARE_URL = re.compile(
    r"(?<![(<\[\"'=/\w])((?:https?://|www\.)[^\s<>()\[\]]*[^\s<>()\[\].,;:!?'\"])"
)
WWW_TARGET = re.compile(r"\]\((?=www\.)")


def link_web_addresses(text: str) -> str:
    def autolink(match):
        url = match[1]
        return f"<{url if url.startswith('http') else 'https://' + url}>"

    return BARE_URL.sub(autolink, WWW_TARGET.sub("](https://", text))


def render_markdown(text: str) -> Rendered:
    md = markdown.Markdown(
        extensions=[
            "admonition",
            "tables",
            "sane_lists",
            CareCardExtension(),
            "toc",
        ],
        extension_configs={"toc": {"slugify": _slugify, "toc_depth": "2-3"}},
        output_format="html",
    )
    raw_html = md.convert(link_web_addresses(text or ""))
    clean = nh3.clean(
        raw_html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        allowed_classes=ALLOWED_CLASSES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    )
    toc = [
        {"id": token["id"], "title": html.unescape(token["name"])}
        for token in md.toc_tokens
        if token["level"] == 2
    ]
    words = len(nh3.clean(expand_snippets(clean), tags=set()).split())
    return Rendered(html=clean, toc=toc, words=words)
