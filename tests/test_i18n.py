"""Every word a reader or editor sees goes through Django's translation machinery.

The main check renders every public page in a pseudo-language, "en-XA" (the name Android
gives its pseudo-locale), whose translation wraps each message in ⟦…⟧, over content whose
own text is wrapped too. Whatever is left once every ⟦…⟧ is taken out was never
translated: only digits, punctuation and spaces may remain. The scripts' words are checked
through the page's catalogue, against the keys the scripts ask for, and in Node (no DOM).
English output itself is what the rest of the suite checks.
"""

import datetime
import gettext as gettext_module
import json
import re
from html.parser import HTMLParser

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.utils import translation
from django.utils.translation import trans_real

from core.publishing import Status
from exercises.models import Exercise
from exercises.plan import Dose, DoseError, build_plan, describe_dose, describe_duration
from sciatica import js_catalog
from tests import helpers
from tests.helpers import ROOT
from tests.security.public_urls import real_urls, write_media_sample

PSEUDO = "en-xa"
WRAPPED = re.compile(r"⟦[^⟦⟧]*⟧")
# What may stand outside every ⟦…⟧: numbers, punctuation, spaces.
NOT_WORDS = re.compile(r"[\s\d.,:;·()“”\"'!?…/%+#&-]*")
CATALOGUE = re.compile(r'<script id="js-catalog" type="application/json">(.*?)</script>', re.S)
PLAN = re.compile(r'<script id="exercise-plan" type="application/json">(.*?)</script>', re.S)


class PseudoTranslation(gettext_module.NullTranslations):
    """Every message comes back wrapped in ⟦…⟧; a message context is dropped."""

    def gettext(self, message):
        return f"⟦{message.rpartition(trans_real.CONTEXT_SEPARATOR)[2]}⟧"

    def ngettext(self, singular, plural, n):
        return self.gettext(singular if n == 1 else plural)

    def to_language(self):
        return PSEUDO


def untranslated(text: str) -> str:
    """What is left of `text` outside ⟦…⟧, if it holds a word ("" when all is translated)."""
    previous = None
    while previous != text:
        previous, text = text, WRAPPED.sub("", text)
    return "" if NOT_WORDS.fullmatch(text) else " ".join(text.split())


def w(text: str) -> str:
    """Content as an editor in the pseudo-language would write it."""
    return f"⟦{text}⟧"


class VisibleText(HTMLParser):
    """The page's text (not in script or style; a sentence may hold tags, so it is read as
    one string) and, one by one, the attributes people read or hear."""

    ATTRIBUTES = {"alt", "aria-label", "title", "placeholder"}
    META = {"description", "application-name", "apple-mobile-web-app-title", "og:title"}

    def __init__(self, html):
        super().__init__()
        self.text, self.attributes, self.hidden = [], [], 0
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.hidden += tag in ("script", "style")
        self.attributes += [attrs[name] for name in self.ATTRIBUTES if attrs.get(name)]
        if tag == "meta" and (attrs.get("name") or attrs.get("property")) in self.META:
            self.attributes.append(attrs["content"])

    def handle_endtag(self, tag):
        self.hidden -= tag in ("script", "style")

    def handle_data(self, data):
        if not self.hidden:
            self.text.append(data)


def untranslated_in(html: str) -> list[str]:
    page = VisibleText(html)
    texts = ["".join(page.text), *page.attributes]
    return [left for text in texts if (left := untranslated(text))]


def catalogue_in(html: str) -> dict:
    match = CATALOGUE.search(html)
    assert match, "no js-catalog data block"
    return json.loads(match.group(1))


@pytest.fixture
def pseudo(settings):
    """The pseudo-language, active for the test and its requests (the locale middleware
    would pick English: the language is not in LANGUAGES, so it is set here instead)."""
    locale = "django.middleware.locale.LocaleMiddleware"
    settings.MIDDLEWARE = [name for name in settings.MIDDLEWARE if name != locale]
    trans_real._translations[PSEUDO] = PseudoTranslation()
    translation.activate(PSEUDO)
    yield
    translation.deactivate()
    trans_real._translations.pop(PSEUDO, None)
    js_catalog._catalog.cache_clear()


@pytest.fixture
def pseudo_site(pseudo, settings, tmp_path, make_tag, make_article, make_exercise, make_routine):
    """Content of every shape the pages show, each of its words wrapped; a staff user."""
    settings.MEDIA_ROOT = tmp_path
    write_media_sample(tmp_path)
    tag = make_tag(name=w("Basics"), slug="basics")
    people = {
        role: make_contributor(role, name=w(role), credentials=w("MCSP"), bio=w("Bio"))
        for role in ("author", "reviewer")
    }
    body = f'{w("Intro.")}\n\n## {w("Causes")}\n\n!!! emergency "{w("Call 999")}"\n    {w("Now.")}'
    fields = {"summary": w("Summary."), "body": body}
    reviewed = make_article(title=w("Reviewed"), tags=[tag], **people, **fields)
    reviewed.references.create(
        title=w("Source"), publisher=w("NHS"), url="https://nhs.uk/", accessed="2026-11-01"
    )
    make_article(title=w("Not reviewed"), slug="not-reviewed", tags=[tag], **fields)
    for n in range(12):  # two pages of articles
        make_article(title=w(f"More {n}"), **fields)
    make_article(status=Status.DRAFT, title=w("Draft"), slug="draft", **fields)
    words = {
        "summary": w("A stretch."),
        "why_it_helps": w("Why."),
        "precautions": w("Care."),
        "also_stop_if": w("Also stop."),
        "illustration_static": "img/exercises/bridge.svg",
        "illustration_alt": w("A drawing."),
    }
    make_exercise(
        name=w("Stretch"),
        slug="stretch",
        each_side=True,
        sets=2,
        rest_between_sets_seconds=20,
        earliest_week=6,
        clearance_after_caesarean=True,
        clearance_after_assisted=True,
        **words,
    )
    swim = make_exercise(
        name=w("Swim"),
        slug="swim",
        dose_kind="activity",
        duration_minutes=10,
        earliest_week=1,
        clearance_for_everyone=True,
        **words,
    )
    walk = make_exercise(
        name=w("Walk"), slug="walk", dose_kind="activity", duration_minutes=10, **words
    )
    stretch = Exercise.objects.get(slug="stretch")
    stretch.category.name, stretch.category.description = w("Stretching"), w("Gentle.")
    stretch.category.save()
    make_routine([stretch, walk, swim], name=w("Routine"), summary=w("Two."), description=w("For."))
    staff = get_user_model().objects.create_user("editor", password="x", is_staff=True)
    return staff


def make_contributor(role, **fields):
    from articles.models import Contributor

    return Contributor.objects.create(slug=role, **fields)


def test_every_public_page_is_translated_in_full(pseudo_site, client):
    client.force_login(pseudo_site)
    found, missing = real_urls(client)
    assert not missing
    urls = [url for url in found.values() if not url.startswith("/api/")]
    urls += [
        "/articles/?page=2",
        "/articles/not-reviewed/",
        "/articles/preview/draft/",
        f"/search/?q={w('Stretch')}",
        f"/search/?q={w('nothing')}",
        "/search/?q=" + "⟦a⟧ " * 30,  # too long: cut to the first 100 characters
        "/no-such-page/",
    ]
    pages = 0
    for url in urls:
        response = client.get(url)
        if response.status_code == 302 or not response["Content-Type"].startswith("text/html"):
            continue  # a redirect, or not a page
        assert response.status_code in (200, 404), url
        html = response.content.decode()
        pages += 1
        assert untranslated_in(html) == [], url
        assert '<html lang="en-XA">' in html, url
        catalogue = catalogue_in(html)
        assert catalogue["lang"] == "en-XA", url
        words = [*catalogue["strings"].values()]
        words += [form for entry in catalogue["plurals"].values() for form in entry["forms"]]
        assert [text for text in words if untranslated(text)] == [], url
        if match := PLAN.search(html):
            steps = json.loads(match.group(1))["steps"]
            spoken = [text for step in steps for text in (step["label"], step["say"])]
            assert [text for text in spoken if untranslated(text)] == [], url
        if '"inLanguage"' in html:
            assert '"inLanguage": "en-XA"' in html, url
    assert pages >= 16


def test_templates_rendered_outside_a_view_are_translated(pseudo, db):
    request = RequestFactory().get("/")
    lockout = {
        "failure_limit": 5,
        "username": w("editor"),
        "cooloff_timedelta": datetime.timedelta(minutes=15),
    }
    for html in [
        render_to_string("400.html"),
        render_to_string("500.html"),
        render_to_string("503.html"),
        render_to_string("403.html", request=request),
        render_to_string("axes/lockout.html", lockout, request=request),
        render_to_string("axes/lockout.html", {"failure_limit": 5}, request=request),
    ]:
        assert untranslated_in(html) == []
        assert '<html lang="en-XA"' in html


def test_the_web_app_manifest_is_in_the_active_language(pseudo, client, db):
    manifest = client.get("/manifest.json").json()
    assert manifest["lang"] == "en-XA"
    texts = [manifest["name"], manifest["short_name"], manifest["description"]]
    texts += [item[key] for item in manifest["shortcuts"] for key in ("name", "description")]
    texts += [shot["label"] for shot in manifest["screenshots"]]
    assert [text for text in texts if untranslated(text)] == []


def test_plan_dose_and_editor_messages_are_translated(pseudo):
    doses = [
        Dose(hold_seconds=30, reps=3, sets=2, rest_seconds=10, rest_between_sets_seconds=20),
        Dose(hold_seconds=1, reps=1, sets=1, each_side=True),
        Dose(kind="activity", duration_minutes=10),
    ]
    for dose in doses:
        steps = build_plan(dose, w("Bridge")).steps
        assert [s.label for s in steps if untranslated(s.label)] == []
        assert [s.say for s in steps if untranslated(s.say)] == []
        assert untranslated(describe_dose(dose)) == ""
    assert untranslated(describe_duration(45)) == untranslated(describe_duration(600)) == ""
    with pytest.raises(DoseError) as error:
        Dose(hold_seconds=None, reps=99, sets=1, duration_minutes=5).validate()
    assert [m for m in error.value.by_field.values() if untranslated(m)] == []
    exercise = Exercise(name=w("Bad"), hold_seconds=0, reps=1, sets=1)
    with pytest.raises(ValidationError) as invalid:
        exercise.clean()
    assert [m for ms in invalid.value.message_dict.values() for m in ms if untranslated(m)] == []


# --- The scripts' words ----------------------------------------------------------------
JS = ROOT / "static" / "js"
CALL = re.compile(r"\btn?\(")
KEY = re.compile(r'\btn?\("([a-z_]+\.[a-z_]+)"')


def keys_asked_for() -> dict[str, set[str]]:
    """The catalogue keys each script asks for, by file."""
    asked = {}
    for path in sorted(JS.glob("*.js")):
        if path.name == "i18n.js":
            continue
        source = path.read_text()
        calls, keys = CALL.findall(source), KEY.findall(source)
        assert len(calls) == len(keys), f"{path.name}: t()/tn() with a key that is not a literal"
        asked[path.name] = set(keys)
    return asked


def test_the_catalogue_holds_exactly_the_keys_the_scripts_ask_for():
    asked = keys_asked_for()
    catalogue = js_catalog.js_catalog()
    offered = set(catalogue["strings"]) | set(catalogue["plurals"])
    used = set().union(*asked.values())
    assert used - offered == set(), "asked for but not in sciatica/js_catalog.py"
    assert offered - used == set(), "in the catalogue but no script asks for it"
    # The scripts that show or say words take them from the catalogue.
    for name in ("timer.js", "timer-core.js", "sw-register.js", "search.js"):
        assert asked[name], name


def test_every_page_carries_the_catalogue_in_its_language(client, db):
    for url in ["/", "/exercises/", "/search/?q=x", "/offline/", "/no-such-page/"]:
        html = client.get(url).content.decode()
        assert catalogue_in(html) == json.loads(json.dumps(js_catalog.js_catalog())), url
        assert '<html lang="en-GB">' in html
    assert js_catalog.js_catalog()["lang"] == "en-GB"
    assert js_catalog.js_catalog()["strings"]["timer.rep"] == "Rep {rep} of {reps}"


def run_node(script: str, catalogue: dict) -> list:
    """Runs an ES module in Node (no DOM) with `catalogue`; returns what it prints as JSON."""
    module = f"""
      import {{ setCatalog, t, tn }} from "{(JS / "i18n.js").as_uri()}";
      import * as core from "{(JS / "timer-core.js").as_uri()}";
      const before = t("timer.next_finish");
      setCatalog({json.dumps(catalogue)});
      console.log(JSON.stringify([before, ...({script})]));
    """
    return helpers.run_node("--input-type=module", "-e", module)


def test_timer_core_loads_in_node_and_speaks_the_catalogue():
    out = run_node(
        """[
          core.describeNext({ kind: "rest", label: "Rest", seconds: 10 }),
          core.describeNext({ kind: "done" }),
          core.describePosition({ kind: "hold", rep: 2, reps: 3, set: 1, sets: 2, side: "right" }),
          core.formatDuration(235),
          tn("search.results_saved", 1, { query: "pain" }),
          tn("search.results_saved", 3, { query: "pain" }),
        ]""",
        js_catalog.js_catalog(),
    )
    assert out == [
        "timer.next_finish",  # no catalogue yet: the key, never an empty string
        "Next: Rest 10 s",
        "Next: Finish",
        "Rep 2 of 3 · Set 1 of 2 · Right side",
        "3 min 55 s",
        "1 result for “pain” (saved on this phone).",
        "3 results for “pain” (saved on this phone).",
    ]


class ThreeForms(PseudoTranslation):
    """Polish-style plurals: one, few (2-4 except 12-14), many."""

    def ngettext(self, singular, plural, n):
        few = n % 10 in (2, 3, 4) and n % 100 not in (12, 13, 14)
        return "one" if n == 1 else "few" if few else "many"


def test_plural_forms_follow_the_language_rule_past_the_table(settings):
    trans_real._translations[PSEUDO] = ThreeForms()
    try:
        with translation.override(PSEUDO):
            catalogue = js_catalog.js_catalog()
    finally:
        trans_real._translations.pop(PSEUDO, None)
        js_catalog._catalog.cache_clear()
    numbers = [0, 1, 2, 5, 12, 22, 25, 101, 102, 112, 122, 1000, 1002, 1012, 1021]
    calls = ", ".join(f'tn("search.results_saved", {n})' for n in numbers)
    out = run_node(f"[{calls}]", catalogue)[1:]
    assert out == [ThreeForms().ngettext("", "", n) for n in numbers]
