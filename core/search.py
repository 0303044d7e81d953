"""Site search over published articles and exercises, database-agnostic.

Every word of the query must appear somewhere in a result (title, summary or
body); results whose title holds the whole query come first, then those whose
title holds a word, then summary matches, then body matches.
"""

from dataclasses import dataclass
from functools import reduce
from operator import and_

from django.db.models import Case, IntegerField, Q, Value, When

from articles.models import Article
from exercises.models import Exercise

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


def _ranked(queryset, query: Query, title: str, summary: str, bodies: list[str]):
    fields = [title, summary, *bodies]
    every_word = reduce(
        and_,
        (
            reduce(lambda a, b: a | b, (Q(**{f"{f}__icontains": w}) for f in fields))
            for w in query.words
        ),
    )
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


def ranked_articles(articles, query: Query):
    return _ranked(articles, query, "title", "summary", ["body"])


def ranked_exercises(exercises, query: Query):
    return _ranked(exercises, query, "name", "summary", ["why_it_helps", "precautions", "stop_if"])


def search(query: Query, limit: int = 30) -> dict:
    if not query.words:
        return {"articles": [], "exercises": []}
    articles = ranked_articles(Article.objects.published().for_list(), query)
    exercises = ranked_exercises(Exercise.objects.published().for_list(), query)
    return {"articles": list(articles[:limit]), "exercises": list(exercises[:limit])}
