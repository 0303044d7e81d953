"""The phone's offline search ranks exactly as the server does (the rule: core/search.py).

The same queries go through the server's results page and through static/js/search-core.js
under Node, over the index the phone saves (/search-index.json); the ordered URLs, articles and
exercises apart as the page shows them, must be the same. Runs on SQLite and on PostgreSQL.
"""

import datetime
import json
import shutil

import pytest
from django.conf import settings
from django.utils import timezone

from core.publishing import Status
from core.search import LIMIT, MAX_QUERY_LENGTH
from tests.helpers import run_node

RUNNER = settings.BASE_DIR / "tests" / "search_parity.mjs"

QUERIES = [
    # empty, and only spaces
    "",
    "   ",
    "\t\n",
    # single words, any case
    "piriformis",
    "PIRIFORMIS",
    "Piriformis",
    "stretch",
    "pain",
    "sciatica",
    "e",
    # phrases and several words, in and out of order
    "piriformis stretch",
    "stretch piriformis",
    "sleep and pain",
    "sleep  and   pain",
    "back pain after birth",
    "\u00a0pain\u2003sleep\t",
    "pain\x1csleep",  # whitespace to Python, not to JS's \s
    "pain\ufeffsleep",  # whitespace to JS's \s, not to Python
    "when to get help",
    # words found only in a body (and one only in a link address, never shown: no match)
    "quokka",
    "sleeping",
    "numbness",
    "glutes",
    "dizzy",
    "hiddenword",
    # text a page shows from elsewhere: shared blocks, care card labels, the standard Stop if
    "genitals",
    "urgent",
    "emergency",
    "tingling",
    # accents, non-ASCII case, compatibility forms
    "café",
    "cafe",
    "CAFÉ",
    "cafe\u0301",
    "école",
    "ECOLE",
    "straße",
    "STRASSE",
    "ΟΔΟΣ",
    "οδος",
    "σοφία",
    "İstanbul",
    "istanbul",
    "\uff30\uff41\uff49\uff4e",  # "Pain" in full-width letters
    "ﬁsh",
    # punctuation and LIKE's wildcards are just text
    "100%",
    "%",
    "_",
    "%_%",
    "a_b",
    "a-b",
    "pain, sleep.",
    "'; DROP TABLE articles_article; --",
    "<script>",
    "\\",
    # ties in rank, ordered by the folded title (code points), then the primary key
    "order",
    "tieword",
    "😀",
    "\ue000",
    # too long (cut to the first MAX_QUERY_LENGTH characters) and too many words (first 8)
    "pain " * 30,
    "😀" * (MAX_QUERY_LENGTH + 1),
    "😀" * 60 + " nomatch",  # 64 characters, 124 UTF-16 units: the whole query counts
    "é" * 60 + " nomatch",  # cut before folding (NFKD makes "é" two characters)
    "x" * (MAX_QUERY_LENGTH - 1) + "yz",
    "a b c d e f g h i j",
    "pain a b c d e f g quokka",
    # drafts and scheduled pages are never found
    "secret",
    "scheduled",
]


@pytest.fixture
def catalogue(make_article, make_exercise, seeded):
    """The starting content plus pages made to find where two implementations could differ.
    (`seeded` comes last: the loader then uses the `category` fixture's Stretching.)"""
    for title, body in [
        ("Café au lait", "Coffee while feeding."),
        ("CAFE culture", "Meeting other parents."),
        ("École de dos", "Une école pour le dos."),
        ("Straße walks", "Walking outside, STRASSE and all."),
        ("ΟΔΟΣ: a Greek road", "σοφία"),
        ("İstanbul pain", "Travel with a baby."),
        ("100% better", "A percent sign."),
        ("a_b testing", "An underscore."),
        ("Piriformis", "Same folded title as the next one."),
        ("piriformis", "Same folded title as the one before."),
        ("Sleep  and   pain", "Spaces in the title."),
        ("Zebra pain", "Order."),
        ("apple pain", "Order."),
        ("Éclair pain", "Order."),
        ("Ezra pain", "Order."),
        ("_under pain", "Order."),
        ("a-b pain", "Order."),
        ("ab pain", "Order."),
        ("x\ue000 order", "A private-use letter sorts before an emoji by code point."),
        ("x😀 order", "An emoji sorts after it, though not in UTF-16."),
        ("Fish ﬁngers", "A ligature."),
        ("😀" * 60 + " joy", "Long in UTF-16."),
        ("é" * 60, "Long once decomposed."),
    ]:
        make_article(title=title, body=body)
    make_article(
        title="Quiet nights",
        summary="Rest when you can.",
        body="## Sleeping positions\n\nTry a **quokka**-style pose. "
        "[A link](https://example.com/hiddenword).\n\n"
        '!!! emergency "Call 999"\n    Numbness in both legs.',
    )
    make_article(
        title="Signs", body='Intro.\n\n[[red-flags]]\n\n!!! urgent "See someone"\n    Soon.'
    )
    make_article(title="Draft pain", body="A secret.", status=Status.DRAFT)
    make_article(title="In review pain", body="A secret.", status=Status.REVIEW)
    make_article(
        title="Scheduled pain",
        body="Not yet.",
        published_at=timezone.now() + datetime.timedelta(days=1),
    )
    # More matches than a results page shows, all tied in rank.
    for n in range(LIMIT + 2):
        make_article(title=f"{'Tie' if n % 2 else 'tie'} {n % 7}", body="tieword")
        make_exercise(name=f"Tie {n % 5}", precautions="tieword.")
    make_exercise(
        name="Bridge ÉLAN",
        summary="Lift your hips (café break after).",
        why_it_helps="Strengthens the glutes.",
        also_stop_if="Also stop if you feel dizzy.",
    )
    make_exercise(name="Pain relief stretch", summary="Sleep better.")
    make_exercise(name="Draft stretch", summary="A secret.", status=Status.DRAFT)


def run_in_node(entries: list[dict], queries: list[str]) -> list[dict]:
    assert shutil.which("node"), "Node is needed to run the phone's search"
    return run_node(str(RUNNER), stdin=json.dumps({"entries": entries, "queries": queries}))


def server_results(client, query: str) -> dict:
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    results = response.context["results"]
    return {
        kind: [obj.get_absolute_url() for obj in results[kind]]
        for kind in ("articles", "exercises")
    }


def test_the_phone_finds_and_orders_exactly_what_the_server_does(client, catalogue):
    entries = client.get("/search-index.json").json()["entries"]
    phone = dict(zip(QUERIES, run_in_node(entries, QUERIES), strict=True))
    server = {query: server_results(client, query) for query in QUERIES}
    assert phone == server

    # The comparison means something: most queries find pages, some fill a results page,
    # and nothing unpublished is ever found.
    found = [query for query, result in server.items() if result["articles"] or result["exercises"]]
    assert len(found) >= len(QUERIES) * 2 // 3
    assert len(server["tieword"]["articles"]) == len(server["tieword"]["exercises"]) == LIMIT
    assert server["secret"] == server["scheduled"] == {"articles": [], "exercises": []}
