"""The words the scripts show or say, translated here by Django (static/js/i18n.js reads them).

Every page carries the catalogue for its language in a json_script element
(templates/_partials/_js_catalog.html): no inline script (strict CSP), and a page the
service worker saved still has its words offline. The msgids use Python's `%(name)s`
placeholders, so a sentence the templates also use is translated once; the scripts get
`{name}` instead.

A plural entry holds the language's forms and, for n = 0..199, which form n takes
(gettext's rules depend on n, n % 10 and n % 100, so 100..199 stand for every larger n).
"""

import functools
import re

from django.utils.translation import get_language, gettext, ngettext, pgettext

from core.i18n import language_tag

PLURAL_TABLE_SIZE = 200
_PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]")


def _for_js(text: str) -> str:
    return _PLACEHOLDER.sub(r"{\1}", text).replace("%%", "%")


def _strings() -> dict[str, str]:
    return {
        # static/js/timer-core.js
        "duration.seconds": pgettext("short duration", "%(s)s s"),
        "duration.minutes": pgettext("short duration", "%(m)s min"),
        "duration.minutes_seconds": pgettext("short duration", "%(m)s min %(s)s s"),
        "timer.rep": gettext("Rep %(rep)s of %(reps)s"),
        "timer.set": gettext("Set %(set)s of %(sets)s"),
        "timer.left_side": gettext("Left side"),
        "timer.right_side": gettext("Right side"),
        "timer.next": gettext("Next: %(label)s %(duration)s"),
        "timer.next_finish": gettext("Next: Finish"),
        # static/js/timer.js
        "timer.announce_where": pgettext("timer announcement", "%(label)s. %(where)s"),
        "timer.announce_exercise": pgettext("timer announcement", "%(exercise)s: %(text)s"),
        "timer.announce": pgettext("timer announcement", "%(text)s."),
        "timer.session_left": gettext("%(time)s left"),
        "timer.pause": gettext("Pause"),
        "timer.resume": gettext("Resume"),
        "timer.finished": gettext("Finished. Well done."),
        "timer.spent_whole": gettext("You did the whole session: %(duration)s."),
        "timer.spent_early": gettext("You stopped after %(duration)s. Every bit counts."),
        "timer.stopped_pain": gettext("Stopped. Rest now."),
        "timer.spent_pain": gettext("You stopped after %(duration)s."),
        "timer.saving": gettext("Saving…"),
        "timer.saved": gettext("Saved on this phone."),
        "timer.saved_with_pain": gettext("Saved on this phone, with your pain score."),
        "timer.not_saved": gettext("Could not save on this phone."),
        "timer.too_short": gettext("Under %(seconds)s seconds of exercise: not saved."),
        "timer.sure_restart": gettext("Start this session again from the beginning?"),
        "timer.yes_restart": gettext("Yes, start again"),
        "timer.sure_finish": gettext("Finish now? The rest of the session is skipped."),
        "timer.yes_finish": gettext("Yes, finish"),
        "timer.resume_where": gettext("%(step)s: %(time)s left."),
        # static/js/sw-register.js
        "update.waiting": gettext("Update ready. It will apply when your timer ends."),
        "update.updating": gettext("Updating…"),
        # static/js/search.js
        "search.nothing": gettext(
            "Nothing found for “%(query)s”. Try a shorter word, like “stretch” or “pain”."
        ),
        "search.articles": gettext("Articles"),
        "search.exercises": gettext("Exercises"),
        "search.unavailable": gettext(
            "Search is not available offline yet. Open the app once with a connection."
        ),
        # static/js/checkin.js
        "checkin.born_this_week": gettext("%(date)s (this week)"),
        # static/js/suitability.js (the reasons in the same words as Rules.notes())
        "suitability.not_yet": gettext("Not yet for you"),
        "suitability.caesarean": gettext(
            "After a caesarean, wait until a health professional has cleared you."
        ),
        "suitability.assisted": gettext(
            "After an assisted birth (forceps or ventouse), wait until a health "
            "professional has cleared you."
        ),
        "suitability.everyone": gettext(
            "Wait until a health professional has cleared you for exercise."
        ),
        "suitability.help_first": gettext("Get help first"),
        "suitability.emergency": gettext(
            "You told us about a warning sign that needs care now. Get help before any exercise."
        ),
        "suitability.speak_first": gettext("Speak to a health professional first"),
        "suitability.urgent": gettext(
            "You told us about a sign a health professional should check soon. Speak to one "
            "before any exercise."
        ),
        "suitability.help_link": gettext("When to get help"),
        "suitability.checkin_link": gettext("Your check-in"),
        # static/js/progress-view.js (My progress, the summary)
        "progress.complete": gettext("Complete"),
        "progress.early": gettext("Stopped early"),
        "progress.pain": gettext("Stopped because it hurt"),
        "progress.skipped": gettext("Skipped: %(names)s"),
        "progress.pain_before": gettext("pain before %(score)s"),
        "progress.pain_after": gettext("pain after %(score)s"),
        "progress.note": gettext("Note"),
        "progress.note_pain": gettext("pain %(score)s"),
        "progress.place_back": gettext("lower back"),
        "progress.place_buttock": gettext("buttock"),
        "progress.place_left_leg": gettext("left leg"),
        "progress.place_right_leg": gettext("right leg"),
        "progress.numbness": gettext("numbness or tingling"),
        "progress.no_numbness": gettext("no numbness"),
        "progress.range": gettext("%(from)s to %(to)s"),
        "progress.not_given": pgettext("no pain score", "not given"),
        # static/js/today-routine.js
        "today.routine": gettext("Today: %(name)s, %(length)s"),
        "today.none_yet": gettext("No routine is right for you yet."),
        "today.see_exercises": gettext("See the exercises"),
    }


def _plurals(n: int) -> dict[str, str]:
    return {
        # static/js/search.js
        "search.results_saved": ngettext(
            "%(count)s result for “%(query)s” (saved on this phone).",
            "%(count)s results for “%(query)s” (saved on this phone).",
            n,
        ),
        # static/js/checkin.js
        "checkin.born_weeks_ago": ngettext(
            "%(date)s (%(count)s week ago)", "%(date)s (%(count)s weeks ago)", n
        ),
        # static/js/progress.js
        "records.added": ngettext(
            "%(count)s record added from the file.", "%(count)s records added from the file.", n
        ),
        # static/js/summary.js
        "summary.totals": ngettext(
            "%(count)s session, %(minutes)s minutes in all, %(complete)s played to the end.",
            "%(count)s sessions, %(minutes)s minutes in all, %(complete)s played to the end.",
            n,
        ),
        # static/js/suitability.js (the same words as Rules.notes())
        "suitability.too_early": ngettext(
            "Not in the first %(weeks)d week after birth.",
            "Not in the first %(weeks)d weeks after birth.",
            n,
        ),
    }


def _plural_entries() -> dict[str, dict]:
    by_n = [_plurals(n) for n in range(PLURAL_TABLE_SIZE)]
    entries = {}
    for key in by_n[0]:
        texts = [plurals[key] for plurals in by_n]
        forms = list(dict.fromkeys(texts))
        entries[key] = {
            "forms": [_for_js(form) for form in forms],
            "index": "".join(str(forms.index(text)) for text in texts),
        }
    return entries


@functools.cache
def _catalog(language: str | None) -> dict:
    # Translations are loaded once per process, so one catalogue per language is enough.
    return {
        "lang": language_tag(language),
        "strings": {key: _for_js(text) for key, text in _strings().items()},
        "plurals": _plural_entries(),
    }


def js_catalog() -> dict:
    """The catalogue for the active language."""
    return _catalog(get_language())


def context(request):
    """Template context processor: `js_catalog`, computed only where a template uses it."""
    return {"js_catalog": js_catalog}
