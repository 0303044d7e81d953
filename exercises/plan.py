"""The guided timer's plan: a pure function from a dose to a list of timed steps.

The plan is computed here, in Python, once; the JavaScript player only plays
it. Each step has a kind, a length in seconds, a short on-screen label, a
sentence to speak, and where it sits (rep, set, side). Nothing here touches
the database, so every dose shape is unit-tested directly.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field

from django.db import models

GET_READY_SECONDS = 5
SWITCH_SIDE_SECONDS = 10
SIDES = ("left", "right")

LIMITS = {
    "hold_seconds": (1, 600),
    "reps": (1, 50),
    "sets": (1, 10),
    "rest_seconds": (0, 600),
    "rest_between_sets_seconds": (0, 600),
    "duration_minutes": (1, 120),
}
HOLD_FIELDS = ("hold_seconds", "reps", "sets", "rest_seconds", "rest_between_sets_seconds")
HOLD_REQUIRED = ("hold_seconds", "reps", "sets")


class DoseKind(models.TextChoices):
    HOLD = "hold", "Timed hold (hold x reps x sets)"
    ACTIVITY = "activity", "Timed activity (minutes)"


class StepKind(models.TextChoices):
    READY = "ready", "Get ready"
    HOLD = "hold", "Hold"
    REST = "rest", "Rest"
    SWITCH = "switch", "Switch side"
    ACTIVITY = "activity", "Activity"
    DONE = "done", "Done"


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

    def validate(self) -> None:
        errors: dict[str, str] = {}
        if self.kind == DoseKind.HOLD:
            for name in HOLD_REQUIRED:
                if getattr(self, name) is None:
                    errors[name] = "Needed for a timed hold."
            if self.duration_minutes is not None:
                errors["duration_minutes"] = (
                    "Leave empty for a timed hold: minutes are for activities."
                )
        elif self.kind == DoseKind.ACTIVITY:
            if self.duration_minutes is None:
                errors["duration_minutes"] = "Needed for a timed activity."
            for name in HOLD_FIELDS:
                if getattr(self, name) is not None:
                    errors[name] = "Leave empty for an activity: it only uses minutes."
            if self.each_side:
                errors["each_side"] = "An activity is not done on each side."
        else:
            errors["kind"] = f"Unknown dose kind {self.kind!r}."
        for name, (low, high) in LIMITS.items():
            value = getattr(self, name)
            if name not in errors and value is not None and not low <= value <= high:
                errors[name] = f"Must be between {low} and {high}."
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


@dataclass(frozen=True)
class Plan:
    steps: list[Step] = field(default_factory=list)

    @property
    def total_seconds(self) -> int:
        return sum(step.seconds for step in self.steps)

    def as_dict(self) -> dict:
        return {
            "total_seconds": self.total_seconds,
            "steps": [asdict(step) for step in self.steps],
        }


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def describe_dose(dose: Dose) -> str:
    """The dose in plain words: 'Hold 30 seconds, 3 times, each side'."""
    if dose.kind == DoseKind.ACTIVITY:
        return _plural(dose.duration_minutes or 0, "minute")
    parts = [f"Hold {_plural(dose.hold_seconds or 0, 'second')}"]
    reps = dose.reps or 1
    parts.append("once" if reps == 1 else f"{reps} times")
    if (dose.sets or 1) > 1:
        parts.append(f"{dose.sets} sets")
    if dose.each_side:
        parts.append("each side")
    return ", ".join(parts)


def describe_duration(seconds: int) -> str:
    """'about 4 minutes' for a plan's total; under a minute stays in seconds."""
    if seconds < 60:
        return f"about {_plural(seconds, 'second')}"
    return f"about {_plural(round(seconds / 60), 'minute')}"


def _hold_steps(dose: Dose, name: str) -> Iterable[Step]:
    sides: Sequence[str | None] = SIDES if dose.each_side else (None,)
    reps, sets = dose.reps or 1, dose.sets or 1
    for side_index, side in enumerate(sides):
        for set_no in range(1, sets + 1):
            for rep in range(1, reps + 1):
                where = {"rep": rep, "reps": reps, "set": set_no, "sets": sets, "side": side}
                yield Step(
                    kind=StepKind.HOLD,
                    seconds=dose.hold_seconds or 0,
                    label="Hold",
                    say=f"Hold. {rep} of {reps}." if reps > 1 else "Hold.",
                    exercise=name,
                    **where,
                )
                if rep < reps and dose.rest_seconds:
                    yield Step(
                        kind=StepKind.REST,
                        seconds=dose.rest_seconds,
                        label="Rest",
                        say="And relax.",
                        exercise=name,
                        **where,
                    )
            if set_no < sets and dose.rest_between_sets_seconds:
                yield Step(
                    kind=StepKind.REST,
                    seconds=dose.rest_between_sets_seconds,
                    label=f"Rest before set {set_no + 1}",
                    say=f"Rest. Set {set_no + 1} of {sets} next.",
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
                label=f"Switch to the {other} side",
                say=f"Switch to your {other} side.",
                side=other,
                exercise=name,
            )


def _activity_steps(dose: Dose, name: str) -> Iterable[Step]:
    total = (dose.duration_minutes or 0) * 60
    first = total // 2
    yield Step(kind=StepKind.ACTIVITY, seconds=first, label=name, say="Off you go.", exercise=name)
    yield Step(
        kind=StepKind.ACTIVITY,
        seconds=total - first,
        label="Halfway",
        say="Halfway there. Keep going at your own pace.",
        exercise=name,
    )


def _work_steps(dose: Dose, name: str) -> list[Step]:
    dose.validate()
    if dose.kind == DoseKind.ACTIVITY:
        return list(_activity_steps(dose, name))
    return list(_hold_steps(dose, name))


def _ready(name: str, first_side: str | None) -> Step:
    where = f", {first_side} side" if first_side else ""
    return Step(
        kind=StepKind.READY,
        seconds=GET_READY_SECONDS,
        label="Get ready",
        say=f"Get ready. {name}{where}.",
        side=first_side,
        exercise=name,
    )


DONE = Step(kind=StepKind.DONE, seconds=0, label="Well done", say="All done. Well done.")


def build_plan(dose: Dose, name: str) -> Plan:
    """The plan for one exercise: get ready, the work, done."""
    work = _work_steps(dose, name)
    first_side = SIDES[0] if dose.each_side else None
    return Plan(steps=[_ready(name, first_side), *work, DONE])


def build_routine_plan(items: Sequence[tuple[str, Dose]], rest_between_seconds: int) -> Plan:
    """One plan for a routine: each exercise in turn, with a get-ready before each."""
    if not items:
        raise DoseError({"items": "A routine needs at least one exercise."})
    steps: list[Step] = []
    for index, (name, dose) in enumerate(items):
        if index and rest_between_seconds:
            steps.append(
                Step(
                    kind=StepKind.REST,
                    seconds=rest_between_seconds,
                    label=f"Rest. Next: {name}",
                    say=f"Rest. Next is {name}.",
                    exercise=name,
                )
            )
        steps.append(_ready(name, SIDES[0] if dose.each_side else None))
        steps.extend(_work_steps(dose, name))
    steps.append(DONE)
    return Plan(steps=steps)
