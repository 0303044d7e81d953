"""The search rule, one definition implemented twice: here in SQL for the server, and in
static/js/search-core.js for the phone with no connection. Both must find the same pages in
the same order; tests/test_search_parity.py runs the same queries through both and compares
the ordered results. Change one side, change the other in the same way, and run that test.

The rule
1. The query: every run of WHITESPACE (below) becomes one space, trimmed; it is cut to the
   first MAX_QUERY_LENGTH characters (code points, not UTF-16 units) and trimmed again: that
   is the text shown back. Folded (rule 2), it is the phrase; its first MAX_WORDS
   space-separated parts are the words. No words, no results.
2. Folding, the same for the query and the pages: Unicode NFKD, combining diacritical marks
   (U+0300-U+036F) removed, lowercased (Python `str.lower()`, JS `toLowerCase()`: Unicode's
   default mapping, no locale), WHITESPACE runs to one space, trimmed. "École", "ECOLE" and
   "ecole" all fold to "ecole"; full-width letters and ligatures to plain ones.
3. The searched text of a page, folded: its title, its summary and its body as the page
   shows it (an article's rendered Markdown as plain text, shared blocks such as
   [[red-flags]] filled in, care-card labels included; an exercise's why it helps,
   precautions and whole "Stop if", the standard text included). Each row stores them
   (`Searchable`: search_title, search_summary, search_body), written on save and after
   every migrate (below), and /search-index.json ships these very strings to the phone.
   The body is stored as its distinct words, in order of first use: a query word holds no
   space, so it is in the body exactly when it is in one of its words; the phone saves less.
4. A page matches when every word is a substring of its title, summary or body.
5. Rank: 0 the title holds the phrase; 1 the title holds a word; 2 the summary holds a word;
   3 otherwise.
6. Order: rank, then the folded title compared by code point (a binary collation in SQL,
   never the database's locale), then the primary key.
7. Results: articles and exercises apart, as the results page shows them, each best first
   and at most LIMIT.

Why stored folded copies and not `icontains`: SQLite's LIKE ignores case for ASCII letters
only ("É" never matches "é") and PostgreSQL's UPPER() follows the database's locale, so
`icontains` answers differently on the two and differently from the phone. Text folded by
Python and compared with `contains` is the same on both: SQLite's LIKE still ignores ASCII
case, which changes nothing when both sides are already lowercase.

The stored copies are written on every save, and again after every `migrate` (every release
runs it) wherever they differ from the page: a release that changes `fold()`, a shared block
such as [[red-flags]] or the standard "Stop if" text brings them up to date
(`refresh_search_columns`, connected in core.apps).

Limit of the promise: Python 3.11 knows Unicode 14; a phone may know a newer version, where
a letter added since could fold differently.
"""

import re
import unicodedata
from dataclasses import dataclass
from functools import reduce
from operator import and_, or_

from django.apps import apps as installed_apps
from django.conf import settings
from django.db import NotSupportedError, connections, models
from django.db.models import Case, IntegerField, Q, Value, When
from django.db.models.functions import Collate
from django.utils import translation

MAX_QUERY_LENGTH = 100
MAX_WORDS = 8
LIMIT = 30  # results of each kind on a results page

# Spelled out, the same literal in search-core.js: Python's str.split() and JS's \s differ
# (\x1c-\x1f and \x85 for Python, \ufeff for JS).
WHITESPACE = re.compile(
    "[\t\n\v\f\r \x1c-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]+"
)
MARKS = re.compile("[\u0300-\u036f]")
SEARCH_COLUMNS = ("search_title", "search_summary", "search_body")
# Ordering by code point, whatever the database's locale: UTF-8 bytes sort as code points.
BINARY_COLLATIONS = {"sqlite": "BINARY", "postgresql": "C"}


def fold(text: str) -> str:
    text = MARKS.sub("", unicodedata.normalize("NFKD", text or "")).lower()
    return WHITESPACE.sub(" ", text).strip(" ")


def distinct_words(*texts: str) -> str:
    """The folded texts as their distinct words, in order of first use, one space apart."""
    words = fold(" ".join(texts)).split(" ")
    return " ".join(dict.fromkeys(word for word in words if word))


def search_columns(title: str, summary: str, bodies: list[str]) -> dict[str, str]:
    return {
        "search_title": fold(title),
        "search_summary": fold(summary),
        "search_body": distinct_words(*bodies),
    }


@dataclass(frozen=True)
class Query:
    text: str  # as typed, spaces tidied and cut to MAX_QUERY_LENGTH: what the page shows
    phrase: str  # the text folded
    words: list[str]
    too_long: bool


def parse(raw: str) -> Query:
    text = WHITESPACE.sub(" ", raw or "").strip(" ")
    too_long = len(text) > MAX_QUERY_LENGTH
    text = text[:MAX_QUERY_LENGTH].rstrip(" ")
    phrase = fold(text)
    words = phrase.split(" ")[:MAX_WORDS] if phrase else []
    return Query(text=text, phrase=phrase, words=words, too_long=too_long)


class Searchable(models.Model):
    """The folded copies of a page's searched text (rule 3), written whenever it is saved.

    A subclass names the fields they come from (`SEARCHED_FIELDS`) and returns the text
    (`searched_text()`). Saving with `update_fields` writes the copies only when one of those
    fields is saved, so they always describe what is in the database."""

    search_title = models.TextField(editable=False, blank=True, default="")
    search_summary = models.TextField(editable=False, blank=True, default="")
    search_body = models.TextField(
        editable=False, blank=True, default="", help_text="Distinct words: no phrases."
    )

    SEARCHED_FIELDS: tuple[str, ...] = ()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        if update_fields is None or set(update_fields) & set(self.SEARCHED_FIELDS):
            for name, value in self.current_search_columns().items():
                setattr(self, name, value)
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, *SEARCH_COLUMNS}
        super().save(*args, **kwargs)

    def searched_text(self) -> tuple[str, str, list[str]]:
        """(title, summary, [body texts]) as a reader sees them."""
        raise NotImplementedError

    def current_search_columns(self) -> dict[str, str]:
        """The copies as they should be now. Shared text around the content (the standard
        "Stop if", a shared block) is taken in the site's language, whoever saves the page."""
        with translation.override(settings.LANGUAGE_CODE):
            return search_columns(*self.searched_text())


def refresh_search_columns(app_config, using="default", apps=installed_apps, **kwargs) -> int:
    """Write again the stored copies of an app's searchable rows that differ from what the
    page shows now; returns how many rows changed. A post_migrate receiver: `apps` is the
    migrated state, and a model whose columns are not all in it yet is left alone."""
    changed = 0
    for model in app_config.get_models():
        if not issubclass(model, Searchable) or not _migrated(model, apps):
            continue
        # The base manager: a plain update, no content version change per row (migrate
        # changes the version once, core.content_version).
        rows = model._base_manager.using(using)
        for row in rows.iterator():
            columns = row.current_search_columns()
            if any(getattr(row, name) != value for name, value in columns.items()):
                rows.filter(pk=row.pk).update(**columns)
                changed += 1
    return changed


def _migrated(model, apps) -> bool:
    try:
        state = apps.get_model(model._meta.label)
    except LookupError:
        return False
    columns = {field.column for field in state._meta.concrete_fields}
    return {field.column for field in model._meta.concrete_fields} <= columns


def ranked(queryset, query: Query | str):
    """`queryset` narrowed to the query's matches, best first (unchanged for no words)."""
    if isinstance(query, str):
        query = parse(query)
    if not query.words:
        return queryset

    def any_word(column):
        return reduce(or_, (Q(**{f"{column}__contains": word}) for word in query.words))

    def anywhere(word):
        return reduce(or_, (Q(**{f"{column}__contains": word}) for column in SEARCH_COLUMNS))

    rank = Case(
        When(search_title__contains=query.phrase, then=Value(0)),
        When(any_word("search_title"), then=Value(1)),
        When(any_word("search_summary"), then=Value(2)),
        default=Value(3),
        output_field=IntegerField(),
    )
    vendor = connections[queryset.db].vendor
    if vendor not in BINARY_COLLATIONS:
        raise NotSupportedError(f"Search needs a binary collation; none is known for {vendor}.")
    return (
        queryset.filter(reduce(and_, map(anywhere, query.words)))
        .annotate(rank=rank)
        .order_by("rank", Collate("search_title", BINARY_COLLATIONS[vendor]), "pk")
    )
