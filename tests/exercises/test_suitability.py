"""Suitability rules (exercises/suitability.py): the data the server emits, a routine's
strictest rules, and the plain words the pages show. The judging is done in the browser
(static/js/suitability-core.js): the shape is checked against that module in Node."""

import json

import pytest
from django.utils import translation

from exercises.suitability import MAX_EARLIEST_WEEK, Rules, strictest
from tests.helpers import ROOT, run_node

PLANK = Rules(earliest_week=6, after_caesarean=True)
ASSISTED = Rules(after_assisted=True)


def test_the_rules_as_data_have_exactly_the_shape_the_browser_reads():
    assert PLANK.as_dict() == {
        "earliest_week": 6,
        "after_caesarean": True,
        "after_assisted": False,
        "everyone": False,
    }
    assert json.loads(PLANK.json()) == PLANK.as_dict()
    assert " " not in PLANK.json()  # compact, for a data- attribute on every card


def test_no_rules_means_from_birth_for_everyone():
    assert Rules().as_dict() == {
        "earliest_week": 0,
        "after_caesarean": False,
        "after_assisted": False,
        "everyone": False,
    }
    assert Rules().is_open
    assert not PLANK.is_open
    assert Rules().notes() == []


@pytest.mark.parametrize(
    ("fields", "error"),
    [
        ({"earliest_week": -1}, ValueError),
        ({"earliest_week": MAX_EARLIEST_WEEK + 1}, ValueError),
        ({"earliest_week": "6"}, TypeError),
        ({"earliest_week": True}, TypeError),
        ({"earliest_week": None}, TypeError),
        ({"after_caesarean": 1}, TypeError),
        ({"everyone": None}, TypeError),
    ],
)
def test_rules_that_make_no_sense_cannot_be_built(fields, error):
    with pytest.raises(error):
        Rules(**fields)


def test_the_rules_cannot_be_changed_once_made():
    with pytest.raises(AttributeError):
        PLANK.earliest_week = 0


def test_the_strictest_rules_take_the_latest_week_and_every_clearance():
    late = Rules(earliest_week=12)
    assert strictest([PLANK, ASSISTED, late]) == Rules(
        earliest_week=12, after_caesarean=True, after_assisted=True
    )
    assert strictest([Rules(), PLANK]) == PLANK
    assert strictest([Rules(everyone=True), Rules()]) == Rules(everyone=True)
    assert strictest(iter([PLANK])) == PLANK  # any iterable, e.g. a generator
    assert strictest([]) == Rules()


def test_the_notes_say_each_rule_in_plain_words():
    assert PLANK.notes() == [
        "Not in the first 6 weeks after birth.",
        "After a caesarean, wait until a health professional has cleared you.",
    ]
    assert ASSISTED.notes() == [
        "After an assisted birth (forceps or ventouse), wait until a health professional "
        "has cleared you."
    ]
    assert Rules(earliest_week=1).notes() == ["Not in the first 1 week after birth."]


def test_a_clearance_for_everyone_is_said_once_not_three_times():
    rules = Rules(earliest_week=6, after_caesarean=True, after_assisted=True, everyone=True)
    assert rules.notes() == [
        "Not in the first 6 weeks after birth.",
        "Wait until a health professional has cleared you for exercise.",
    ]


def test_the_notes_are_in_the_active_language(monkeypatch):
    from django.utils.translation import trans_real

    class Bracketed:
        def gettext(self, message):
            return f"[{message}]"

        def ngettext(self, singular, plural, n):
            return self.gettext(singular if n == 1 else plural)

    monkeypatch.setitem(trans_real._translations, "en-xb", Bracketed())
    with translation.override("en-xb"):
        assert PLANK.notes() == [
            "[Not in the first 6 weeks after birth.]",
            "[After a caesarean, wait until a health professional has cleared you.]",
        ]


def judged_in_the_browser(rules: Rules, checkin: dict, today: str) -> dict:
    """static/js/suitability-core.js's readRules and assess, in Node, on our JSON."""
    core = (ROOT / "static/js/suitability-core.js").as_uri()
    module = f"""
      import {{ assess, readCheckin, readRules }} from "{core}";
      const rules = JSON.parse({json.dumps(rules.json())});
      const read = readCheckin(JSON.stringify({json.dumps(checkin)}), "{today}");
      console.log(JSON.stringify({{ rules: readRules(rules),
                                    result: assess(rules, read.checkin, "{today}") }}));
    """
    return run_node("--input-type=module", "-e", module)


def test_the_browser_module_reads_our_rules_as_sent_not_as_unknown():
    """The shape is a contract with suitability-core.js: a key it did not know would be
    read as "needs clearance for everyone" (fail safe), and this test would fail."""
    checkin = {
        "version": 1,
        "birthDate": "2026-11-09",  # 3 weeks before
        "birth": "caesarean",
        "cleared": "no",
        "emergency": False,
        "urgent": False,
        "spokeToProfessional": False,
        "savedOn": "2026-11-30",
    }
    judged = judged_in_the_browser(PLANK, checkin, "2026-11-30")
    assert judged["rules"] == {
        "earliestWeek": 6,
        "afterCaesarean": True,
        "afterAssisted": False,
        "everyone": False,
    }
    assert judged["result"] == {
        "verdict": "not-yet",
        "reasons": [{"code": "too-early", "week": 6}, {"code": "caesarean"}],
    }
    vaginal = {**checkin, "birth": "vaginal", "birthDate": "2026-09-21", "cleared": "yes"}
    judged = judged_in_the_browser(PLANK, vaginal, "2026-11-30")  # 10 weeks, cleared
    assert judged["result"] == {"verdict": "suitable", "reasons": []}
