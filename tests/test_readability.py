"""Plain words: the shipped content reads at a grade a tired new mother can manage.

Method: the Flesch-Kincaid grade level,

    grade = 0.39 * (words / sentences) + 11.8 * (syllables / words) - 15.59

computed by the small counter below (no dependency). Thresholds (issue 15):

- every summary (articles, exercises, routines): grade 6 or below (SUMMARY_MAX_GRADE);
- every paragraph of every shipped text: grade 7 or below (PARAGRAPH_MAX_GRADE).

What is checked: each article's summary and body (content/articles/*.md), each exercise's
summary, steps, why_it_helps, precautions, also_stop_if and illustration_alt
(content/exercises/*.toml), each routine's summary and description (content/routines/*.toml),
and the safety text shared by every page: the standard "Stop if" (exercises.models.STOP_IF)
and the warning signs (core.warning_signs), which the cards [[red-flags]] and friends show
(each card's list is read as one text: a sign alone is a few words that complete the card's
sentence, too short for the formula to mean anything).

How Markdown is read (`paragraphs()`):
- a paragraph is a run of lines between blank lines;
- each list item ("- ", "1. ") is a paragraph of its own (a list is read one item at a time);
- headings ("## ...") and care card titles (`!!! info "Title"`) are skipped: they are
  labels, not sentences; the indented text of a care card is read like any other text;
- snippet lines such as [[red-flags]] are skipped here (their signs are checked on their
  own, below), and so is the references list, which the page builds from references.toml
  (titles of other people's pages, not our words);
- links keep their words and lose their address; ** and _ marks are dropped.

Words are runs of letters, digits and apostrophes ("6-week" is two words: "6", "week").
Sentences end at ".", "!" or "?" (a text with none is one sentence). Syllables
(`syllables()`): groups of vowels (a, e, i, o, u, y) in a word, less a silent final "e"
("stretch-e" no, "lie" yes: a word of one vowel group keeps it; "-le" after a consonant
counts), less "-ed" that is not said as a syllable ("lifted" 2, "placed" 1), at least 1;
a number counts as one syllable per digit group said ("10" 1, "150" 3 is close enough: the
counter is generous with numbers, which never made a text pass). Rough, like every
syllable counter, but the same for every text, which is what a threshold needs.

To see the grades: `python -m pytest tests/test_readability.py -q -s -k report`.
"""

import re
import tomllib

import pytest
from django.conf import settings

from core.warning_signs import WARNING_SIGNS
from exercises.models import STOP_IF

CONTENT = settings.BASE_DIR / "content"
SUMMARY_MAX_GRADE = 6.0
PARAGRAPH_MAX_GRADE = 7.0

WORD = re.compile(r"[A-Za-z0-9']+")
VOWEL_GROUPS = re.compile(r"[aeiouy]+")
SENTENCE_END = re.compile(r"[.!?]+(?=\s|$)")
LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+\.)\s+")
LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")


def syllables(word: str) -> int:
    """The syllables of one word, by vowel groups (see the module's docstring)."""
    word = word.lower().strip("'")
    if word.isdigit():
        return 1 if len(word) <= 2 else 3
    word = re.sub(r"'s$", "", word)
    count = len(VOWEL_GROUPS.findall(word))
    if count > 1 and word.endswith("e") and not re.search(r"[^aeiouy]le$", word):
        count -= 1  # silent final e: "tummy" no, "breathe" yes; "ankle" keeps its "-le"
    if count > 1 and re.search(r"[^aeiouydt]ed$", word):
        count -= 1  # "placed", "squeezed"; "lifted", "needed" keep it
    return max(count, 1)


def grade(text: str) -> float:
    """The Flesch-Kincaid grade of a text."""
    words = WORD.findall(text)
    if not words:
        return 0.0
    sentences = max(len(SENTENCE_END.findall(text.strip())), 1)
    syllable_count = sum(syllables(word) for word in words)
    return 0.39 * len(words) / sentences + 11.8 * syllable_count / len(words) - 15.59


def plain(markdown: str) -> str:
    text = LINK.sub(r"\1", markdown)
    return re.sub(r"\*\*|__|(?<!\w)_|_(?!\w)", "", text).strip()


def paragraphs(markdown: str) -> list[str]:
    """The paragraphs of a Markdown text, as described in the module's docstring."""
    found: list[str] = []
    current: list[str] = []

    def close():
        if current:
            found.append(plain(" ".join(current)))
            current.clear()

    for line in markdown.splitlines():
        stripped = line.strip()
        if not stripped:
            close()
        elif stripped.startswith("#") or stripped.startswith("!!!"):
            close()  # a heading or a care card's title
        elif re.fullmatch(r"\[\[[a-z-]+\]\]", stripped):
            close()  # a shared card, checked below from core.warning_signs
        elif LIST_ITEM.match(stripped):
            close()
            current.append(LIST_ITEM.sub("", stripped))
        else:
            current.append(stripped)
    close()
    return [paragraph for paragraph in found if WORD.search(paragraph)]


def _article(path):
    _, front, body = path.read_text().split("+++", 2)
    return tomllib.loads(front), body


def shipped_texts() -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(summaries, paragraphs): every shipped text to check, each as (where, text)."""
    summaries, texts = [], []
    for path in sorted((CONTENT / "articles").glob("*.md")):
        front, body = _article(path)
        where = f"articles/{path.name}"
        summaries.append((f"{where} summary", front["summary"]))
        texts += [(f"{where} body", paragraph) for paragraph in paragraphs(body)]
    for path in sorted((CONTENT / "exercises").glob("*.toml")):
        data = tomllib.loads(path.read_text())
        where = f"exercises/{path.name}"
        summaries.append((f"{where} summary", data["summary"]))
        texts += [(f"{where} steps", step) for step in data["steps"]]
        for name in ("why_it_helps", "precautions", "also_stop_if", "illustration_alt"):
            texts += [(f"{where} {name}", p) for p in paragraphs(data.get(name, ""))]
    for path in sorted((CONTENT / "routines").glob("*.toml")):
        data = tomllib.loads(path.read_text())
        where = f"routines/{path.name}"
        summaries.append((f"{where} summary", data["summary"]))
        texts += [(f"{where} description", p) for p in paragraphs(data.get("description", ""))]
    texts.append(("exercises.models.STOP_IF", STOP_IF))
    for name, signs in WARNING_SIGNS.items():
        # A card lists its signs under one sentence ("Call now ... if you have any of
        # these."); each completes it, so the list is read whole, a sign a sentence.
        texts.append((f"core.warning_signs {name}", " ".join(f"{sign}." for sign in signs)))
    return summaries, texts


@pytest.mark.parametrize(
    ("word", "count"),
    [
        ("stretch", 1),
        ("breathe", 1),
        ("lie", 1),
        ("ankle", 2),
        ("tummy", 2),
        ("lifted", 2),
        ("placed", 1),
        ("physiotherapist", 5),  # said with 6: "io" is one vowel group
        ("caesarean", 3),  # said with 4; the counter is rough, the same for every text
        ("10", 1),
    ],
)
def test_the_syllable_counter(word, count):
    assert syllables(word) == count


def test_the_grade_of_known_texts():
    assert grade("The cat sat on the mat.") < 0
    hard = (
        "Physiotherapeutic interventions demonstrate considerable effectiveness regarding "
        "postpartum lumbopelvic symptomatology."
    )
    assert grade(hard) > 12


def test_markdown_paragraphs_lists_and_headings():
    text = (
        "## A heading\n\nOne [link](/a/) and **bold**.\nSame paragraph.\n\n- item one\n"
        '- item two\n\n!!! info "Title"\n    Card text.\n\n[[red-flags]]\n'
    )
    assert paragraphs(text) == [
        "One link and bold. Same paragraph.",
        "item one",
        "item two",
        "Card text.",
    ]


def test_there_is_content_to_check():
    summaries, texts = shipped_texts()
    assert len(summaries) >= 19 and len(texts) > 200


def test_every_summary_is_grade_6_or_below():
    summaries, _ = shipped_texts()
    too_hard = [
        f"{where}: grade {grade(text):.1f}: {text}"
        for where, text in summaries
        if grade(text) > SUMMARY_MAX_GRADE
    ]
    assert too_hard == []


def test_every_paragraph_is_grade_7_or_below():
    _, texts = shipped_texts()
    too_hard = [
        f"{where}: grade {grade(text):.1f}: {text}"
        for where, text in texts
        if grade(text) > PARAGRAPH_MAX_GRADE
    ]
    assert too_hard == []


def test_report(capsys):
    """Prints the hardest texts (run with -s); always passes."""
    summaries, texts = shipped_texts()
    with capsys.disabled():
        for label, items in (("summaries", summaries), ("paragraphs", texts)):
            ranked = sorted(items, key=lambda item: -grade(item[1]))
            print(f"\n{label}: max grade {grade(ranked[0][1]):.1f}")
            for where, text in ranked[:8]:
                print(f"  {grade(text):5.1f}  {where}: {text[:90]}")
