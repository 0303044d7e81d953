"""The search rule every searchable model shares, database-agnostic.

Every word of the query must appear somewhere in a result (title, summary or
body); results whose title holds the whole query come first, then those whose
title holds a word, then summary matches, then body matches. Each app's queryset
names its fields (`ArticleQuerySet.search()`, `ExerciseQuerySet.search()`).
"""

from dataclasses import dataclass
from functools import reduce
from operator import and_

from django.db.models import Case, IntegerField, Q, Value, When

MAX_QUERY_LENGTH = 100
MAX_WORDS = 8


@dataclass(frozen=True)
class Query:
    text: str
    words: list[str]
    too_long: bool


def parse(raw: str) -> Query:
    raw = " ".join((raw or "").split())
    too_long = len(raw) > MAX_QUERY_LENGTH
    text = raw[:MAX_QUERY_LENGTH]
    words = [word for word in text.split(" ") if word][:MAX_WORDS]
    return Query(text=text, words=words, too_long=too_long)


def ranked(queryset, query: Query | str, title: str, summary: str, bodies: list[str], shown=None):
    """`queryset` narrowed to the query's matches, best first (unchanged for no words).

    `shown(word)`, if given, is a condition (or None) for rows whose page shows the word
    without storing it in a body field, e.g. a shared block such as [[red-flags]]."""
    if isinstance(query, str):
        query = parse(query)
    if not query.words:
        return queryset
    fields = [title, summary, *bodies]

    def has(word: str) -> Q:
        found = reduce(lambda a, b: a | b, (Q(**{f"{f}__icontains": word}) for f in fields))
        extra = shown(word) if shown else None
        return found | extra if extra is not None else found

    every_word = reduce(and_, (has(w) for w in query.words))
    rank = Case(
        When(**{f"{title}__icontains": query.text}, then=Value(0)),
        When(
            reduce(lambda a, b: a | b, (Q(**{f"{title}__icontains": w}) for w in query.words)),
            then=Value(1),
        ),
        When(
            reduce(lambda a, b: a | b, (Q(**{f"{summary}__icontains": w}) for w in query.words)),
            then=Value(2),
        ),
        default=Value(3),
        output_field=IntegerField(),
    )
    return queryset.filter(every_word).annotate(rank=rank).order_by("rank", title)
