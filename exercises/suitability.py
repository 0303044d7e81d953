"""Suitability rules: when an exercise (or a routine) may be offered after a birth.

Editors set each exercise's rules in the admin; a routine's rules are the strictest of its
exercises' (`strictest`), computed, never typed twice. The server only carries the rules:
it emits them as data (`Rules.as_dict()`, the JSON shape below) in the pages, the API and
the offline manifest, and one small pure module in the browser,
static/js/suitability-core.js, judges them against her private check-in. Nothing here
looks at her answers (the server never receives them).

The JSON shape read by suitability-core.js:

    {"earliest_week": 6, "after_caesarean": true, "after_assisted": false, "everyone": false}

`earliest_week`: the first week after birth it may be offered (0 = from birth);
`after_caesarean`, `after_assisted` (forceps or ventouse), `everyone`: clearance by a health
professional is needed first after that kind of birth, or whatever the birth.

`Rules.notes()` says the same in plain words for the pages ("Not in the first 6 weeks
after birth.").
"""

import json
from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.translation import gettext, ngettext

# The latest week an editor may set: a year after birth.
MAX_EARLIEST_WEEK = 52


@dataclass(frozen=True)
class Rules:
    earliest_week: int = 0
    after_caesarean: bool = False
    after_assisted: bool = False
    everyone: bool = False

    def __post_init__(self):
        week = self.earliest_week
        if isinstance(week, bool) or not isinstance(week, int):
            raise TypeError(f"earliest_week must be a whole number, not {week!r}")
        if not 0 <= week <= MAX_EARLIEST_WEEK:
            raise ValueError(f"earliest_week must be from 0 to {MAX_EARLIEST_WEEK}, not {week}")
        for name in ("after_caesarean", "after_assisted", "everyone"):
            if not isinstance(getattr(self, name), bool):
                raise TypeError(f"{name} must be True or False, not {getattr(self, name)!r}")

    def as_dict(self) -> dict:
        """The rules as data, in the shape static/js/suitability-core.js reads."""
        return {
            "earliest_week": self.earliest_week,
            "after_caesarean": self.after_caesarean,
            "after_assisted": self.after_assisted,
            "everyone": self.everyone,
        }

    def json(self) -> str:
        """as_dict() as compact JSON, for a data-rules attribute."""
        return json.dumps(self.as_dict(), separators=(",", ":"))

    @property
    def is_open(self) -> bool:
        """No rule at all: suitable from birth for everyone."""
        return self == Rules()

    @property
    def needs_clearance(self) -> bool:
        """Some clearance is needed: the page then says once what being "cleared" means."""
        return self.after_caesarean or self.after_assisted or self.everyone

    def notes(self) -> list[str]:
        """The rules in plain words, in the active language, as the pages show them."""
        notes = []
        if self.earliest_week:
            notes.append(
                ngettext(
                    "Not in the first %(weeks)d week after birth.",
                    "Not in the first %(weeks)d weeks after birth.",
                    self.earliest_week,
                )
                % {"weeks": self.earliest_week}
            )
        if self.everyone:
            # Covers the two below: saying them too would only repeat it.
            notes.append(gettext("Wait until a health professional has cleared you for exercise."))
            return notes
        if self.after_caesarean:
            notes.append(
                gettext("After a caesarean, wait until a health professional has cleared you.")
            )
        if self.after_assisted:
            notes.append(
                gettext(
                    "After an assisted birth (forceps or ventouse), wait until a health "
                    "professional has cleared you."
                )
            )
        return notes


def strictest(rules: Iterable[Rules]) -> Rules:
    """The rules that hold whenever any of the given ones holds (a routine's rules): the
    latest earliest week, and each clearance needed if any one needs it. No rules: none."""
    rules = list(rules)
    return Rules(
        earliest_week=max((r.earliest_week for r in rules), default=0),
        after_caesarean=any(r.after_caesarean for r in rules),
        after_assisted=any(r.after_assisted for r in rules),
        everyone=any(r.everyone for r in rules),
    )
