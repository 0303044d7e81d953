"""The guided timer's plan: a pure function from a dose to a list of timed steps.

The plan is computed here, in Python, once; the JavaScript player only plays
it. Each step has a kind, a length in seconds, a short on-screen label, a
sentence to speak, and where it sits (rep, set, side). Nothing here touches
the database, so every dose shape is unit-tested directly.

Labels, spoken sentences and dose descriptions are translated (gettext) in the
language active when the plan is built: build it per request, never at import.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field, replace

from django.db import models
from django.utils.translation import gettext, ngettext, pgettext
from django.utils.translation import gettext_lazy as _

GET_READY_SECONDS = 5
# A pelvic floor exercise's quick squeezes (Dose.quick_squeezes): squeeze and let go at once,
# one every 2 seconds, played as one step after the slow holds.
QUICK_SQUEEZE_SECONDS = 2
SWITCH_SIDE_SECONDS = 10
SIDES = ("left", "right")
# "My painful side": the other ways to play the sides of an each-side exercise (the usual
# order is SIDES). The page gets a plan for each (player_plan); the player picks one.
SIDE_VARIANTS = {
    "right": ("right", "left"),
    "left-only": ("left",),
    "right-only": ("right",),
}

LIMITS = {
    "hold_seconds": (1, 600),
    "reps": (1, 50),
    "sets": (1, 10),
    "rest_seconds": (0, 600),
    "rest_between_sets_seconds": (0, 600),
    "duration_minutes": (1, 120),
    "quick_squeezes": (1, 30),
}
HOLD_FIELDS = (
    "hold_seconds",
    "reps",
    "sets",
    "rest_seconds",
    "rest_between_sets_seconds",
    "quick_squeezes",
)
HOLD_REQUIRED = ("hold_seconds", "reps", "sets")


class DoseKind(models.TextChoices):
    HOLD = "hold", _("Timed hold (hold x reps x sets)")
    ACTIVITY = "activity", _("Timed activity (minutes)")


class StepKind(models.TextChoices):
    READY = "ready", _("Get ready")
    HOLD = "hold", _("Hold")
    REST = "rest", _("Rest")
    SWITCH = "switch", _("Switch side")
    ACTIVITY = "activity", _("Activity")
    DONE = "done", _("Done")


class DoseError(ValueError):
    """A dose that cannot be played; `by_field` maps field names to editor-facing messages."""

    def __init__(self, by_field: dict[str, str]):
        self.by_field = by_field
        super().__init__("; ".join(f"{name}: {msg}" for name, msg in by_field.items()))


@dataclass(frozen=True)
class Dose:
    kind: str = DoseKind.HOLD
    hold_seconds: int | None = None
    reps: int | None = None
    sets: int | None = None
    rest_seconds: int | None = None
    rest_between_sets_seconds: int | None = None
    each_side: bool = False
    duration_minutes: int | None = None
    # A pelvic floor exercise: after the slow holds, this many quick squeezes (one step).
    quick_squeezes: int | None = None

    def validate(self) -> None:
        errors: dict[str, str] = {}
        if self.kind == DoseKind.HOLD:
            for name in HOLD_REQUIRED:
                if getattr(self, name) is None:
                    errors[name] = gettext("Needed for a timed hold.")
            if self.duration_minutes is not None:
                errors["duration_minutes"] = gettext(
                    "Leave empty for a timed hold: minutes are for activities."
                )
            if self.quick_squeezes is not None and self.each_side:
                errors["quick_squeezes"] = gettext(
                    "Quick squeezes follow a dose done once: leave them empty for an exercise "
                    "done on each side."
                )
        elif self.kind == DoseKind.ACTIVITY:
            if self.duration_minutes is None:
                errors["duration_minutes"] = gettext("Needed for a timed activity.")
            for name in HOLD_FIELDS:
                if getattr(self, name) is not None:
                    errors[name] = gettext("Leave empty for an activity: it only uses minutes.")
            if self.each_side:
                errors["each_side"] = gettext("An activity is not done on each side.")
        else:
            errors["kind"] = gettext("Unknown dose kind %(kind)s.") % {"kind": repr(self.kind)}
        for name, (low, high) in LIMITS.items():
            value = getattr(self, name)
            if name not in errors and value is not None and not low <= value <= high:
                errors[name] = gettext("Must be between %(low)d and %(high)d.") % {
                    "low": low,
                    "high": high,
                }
        if errors:
            raise DoseError(errors)


@dataclass(frozen=True)
class Step:
    kind: str
    seconds: int
    label: str
    say: str
    rep: int | None = None
    reps: int | None = None
    set: int | None = None
    sets: int | None = None
    side: str | None = None
    exercise: str | None = None  # the exercise's name, set in routines
    # Which exercise it belongs to: its position in the routine (0 for a single exercise; the
    # rest before an exercise belongs to that exercise), None for done. The player shows that
    # exercise's drawing, first step and "Stop if", and "Skip this exercise" goes by it.
    item: int | None = None


@dataclass(frozen=True)
class Plan:
    steps: list[Step] = field(default_factory=list)

    @property
    def total_seconds(self) -> int:
        return sum(step.seconds for step in self.steps)

    @property
    def work_seconds(self) -> int:
        """The dose's own time: all but the get-ready countdowns (a 30-minute walk is 30
        minutes of work, whatever the countdown before it)."""
        return sum(step.seconds for step in self.steps if step.kind != StepKind.READY)

    @property
    def version(self) -> str:
        """Names the shape of the plan (kinds, lengths, sides, exercises), not its words: a
        session kept on the phone resumes only into the same steps."""
        shape = [(s.kind, s.seconds, s.side, s.item) for s in self.steps]
        return hashlib.sha256(json.dumps(shape).encode()).hexdigest()[:8]

    def as_dict(self) -> dict:
        return {
            "total_seconds": self.total_seconds,
            "version": self.version,
            "steps": [asdict(step) for step in self.steps],
        }


def player_plan(build: Callable[[Sequence[str]], Plan]) -> dict:
    """The plan for the page's player: `build(sides)` in the usual order, plus, when a step
    has a side, `variants` built for each of SIDE_VARIANTS (her painful side first, or only
    that side). The player plays one of them as it is; it never builds a plan itself."""
    data = build(SIDES).as_dict()
    if any(step["side"] for step in data["steps"]):
        data["variants"] = {key: build(sides).as_dict() for key, sides in SIDE_VARIANTS.items()}
    return data


def _count(singular: str, plural: str, count: int) -> str:
    """ngettext with its number filled in: the language decides the form."""
    return ngettext(singular, plural, count) % {"count": count}


def describe_dose(dose: Dose) -> str:
    """The dose in plain words: 'Hold 30 seconds, 3 times, each side'."""
    if dose.kind == DoseKind.ACTIVITY:
        return _count("%(count)d minute", "%(count)d minutes", dose.duration_minutes or 0)
    parts = [_count("Hold %(count)d second", "Hold %(count)d seconds", dose.hold_seconds or 0)]
    reps = dose.reps or 1
    parts.append(
        gettext("once") if reps == 1 else _count("%(count)d time", "%(count)d times", reps)
    )
    if (dose.sets or 1) > 1:
        parts.append(_count("%(count)d set", "%(count)d sets", dose.sets))
    if dose.each_side:
        parts.append(gettext("each side"))
    if dose.quick_squeezes:
        parts.append(
            _count(
                "then %(count)d quick squeeze", "then %(count)d quick squeezes", dose.quick_squeezes
            )
        )
    return pgettext("between the parts of a dose", ", ").join(parts)


def describe_duration(seconds: int) -> str:
    """'about 4 minutes' for a plan's total; under a minute stays in seconds."""
    if seconds < 60:
        return _count("about %(count)d second", "about %(count)d seconds", seconds)
    return _count("about %(count)d minute", "about %(count)d minutes", round(seconds / 60))


# Whole sentences for each side: a translation may need to change more than the side's name.
SWITCH_LABELS = {
    "left": _("Switch to the left side"),
    "right": _("Switch to the right side"),
}
SWITCH_SAYS = {"left": _("Switch to your left side."), "right": _("Switch to your right side.")}
# Every hold of a side says the side: she may not be looking at the screen.
HOLD_SAYS = {
    None: (_("Hold."), _("Hold. %(rep)d of %(reps)d.")),
    "left": (_("Hold, left side."), _("Hold, left side. %(rep)d of %(reps)d.")),
    "right": (_("Hold, right side."), _("Hold, right side. %(rep)d of %(reps)d.")),
}
READY_SAYS = {
    None: _("Get ready. %(name)s."),
    "left": _("Get ready. %(name)s, left side."),
    "right": _("Get ready. %(name)s, right side."),
}


def _hold_steps(dose: Dose, name: str, order: Sequence[str]) -> Iterable[Step]:
    sides: Sequence[str | None] = order if dose.each_side else (None,)
    reps, sets = dose.reps or 1, dose.sets or 1
    for side_index, side in enumerate(sides):
        for set_no in range(1, sets + 1):
            for rep in range(1, reps + 1):
                where = {"rep": rep, "reps": reps, "set": set_no, "sets": sets, "side": side}
                yield Step(
                    kind=StepKind.HOLD,
                    seconds=dose.hold_seconds or 0,
                    label=gettext("Hold"),
                    say=(
                        str(HOLD_SAYS[side][1]) % {"rep": rep, "reps": reps}
                        if reps > 1
                        else str(HOLD_SAYS[side][0])
                    ),
                    exercise=name,
                    **where,
                )
                if rep < reps and dose.rest_seconds:
                    yield Step(
                        kind=StepKind.REST,
                        seconds=dose.rest_seconds,
                        label=gettext("Rest"),
                        say=gettext("And relax."),
                        exercise=name,
                        **where,
                    )
            if set_no < sets and dose.rest_between_sets_seconds:
                yield Step(
                    kind=StepKind.REST,
                    seconds=dose.rest_between_sets_seconds,
                    label=gettext("Rest before set %(set)d") % {"set": set_no + 1},
                    say=gettext("Rest. Set %(set)d of %(sets)d next.")
                    % {"set": set_no + 1, "sets": sets},
                    set=set_no,
                    sets=sets,
                    side=side,
                    exercise=name,
                )
        if side_index + 1 < len(sides):
            other = sides[side_index + 1]
            yield Step(
                kind=StepKind.SWITCH,
                seconds=SWITCH_SIDE_SECONDS,
                label=str(SWITCH_LABELS[other]),
                say=str(SWITCH_SAYS[other]),
                side=other,
                exercise=name,
            )
    if dose.quick_squeezes:
        yield from _quick_squeeze_steps(dose, name)


def _quick_squeeze_steps(dose: Dose, name: str) -> Iterable[Step]:
    """After the slow holds: a rest (the dose's rest between reps), then the quick squeezes
    as one step, QUICK_SQUEEZE_SECONDS each."""
    count = dose.quick_squeezes
    if dose.rest_seconds:
        yield Step(
            kind=StepKind.REST,
            seconds=dose.rest_seconds,
            label=gettext("Rest. Next: quick squeezes"),
            say=gettext("And relax. Quick squeezes next."),
            exercise=name,
        )
    yield Step(
        kind=StepKind.HOLD,
        seconds=count * QUICK_SQUEEZE_SECONDS,
        label=_count("%(count)d quick squeeze", "%(count)d quick squeezes", count),
        say=_count(
            "Now %(count)d quick squeeze. Squeeze, then let go straight away.",
            "Now %(count)d quick squeezes. Squeeze, then let go straight away, each time.",
            count,
        ),
        exercise=name,
    )


def _activity_steps(dose: Dose, name: str) -> Iterable[Step]:
    total = (dose.duration_minutes or 0) * 60
    first = total // 2
    yield Step(
        kind=StepKind.ACTIVITY, seconds=first, label=name, say=gettext("Off you go."), exercise=name
    )
    yield Step(
        kind=StepKind.ACTIVITY,
        seconds=total - first,
        label=gettext("Halfway"),
        say=gettext("Halfway there. Keep going at your own pace."),
        exercise=name,
    )


def _work_steps(dose: Dose, name: str, sides: Sequence[str] = SIDES) -> list[Step]:
    dose.validate()
    if dose.kind == DoseKind.ACTIVITY:
        return list(_activity_steps(dose, name))
    return list(_hold_steps(dose, name, sides))


def _ready(name: str, first_side: str | None) -> Step:
    return Step(
        kind=StepKind.READY,
        seconds=GET_READY_SECONDS,
        label=gettext("Get ready"),
        say=str(READY_SAYS[first_side]) % {"name": name},
        side=first_side,
        exercise=name,
    )


def _done() -> Step:
    return Step(
        kind=StepKind.DONE,
        seconds=0,
        label=gettext("Well done"),
        say=gettext("All done. Well done."),
    )


def build_plan(dose: Dose, name: str, sides: Sequence[str] = SIDES) -> Plan:
    """The plan for one exercise: get ready, the work, done. `sides`: the sides of an
    each-side dose, in the order played (SIDES, or a SIDE_VARIANTS value)."""
    work = _work_steps(dose, name, sides)
    first_side = sides[0] if dose.each_side else None
    return Plan(steps=[*_of_item(0, [_ready(name, first_side), *work]), _done()])


def _of_item(item: int, steps: Iterable[Step]) -> list[Step]:
    return [replace(step, item=item) for step in steps]


def build_routine_plan(
    items: Sequence[tuple[str, Dose]], rest_between_seconds: int, sides: Sequence[str] = SIDES
) -> Plan:
    """One plan for a routine: each exercise in turn, with a get-ready before each."""
    if not items:
        raise DoseError({"items": gettext("A routine needs at least one exercise.")})
    steps: list[Step] = []
    for index, (name, dose) in enumerate(items):
        exercise: list[Step] = []
        if index and rest_between_seconds:
            exercise.append(
                Step(
                    kind=StepKind.REST,
                    seconds=rest_between_seconds,
                    label=gettext("Rest. Next: %(name)s") % {"name": name},
                    say=gettext("Rest. Next is %(name)s.") % {"name": name},
                    exercise=name,
                )
            )
        exercise.append(_ready(name, sides[0] if dose.each_side else None))
        exercise.extend(_work_steps(dose, name, sides))
        steps.extend(_of_item(index, exercise))
    steps.append(_done())
    return Plan(steps=steps)
