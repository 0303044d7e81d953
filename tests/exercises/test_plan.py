"""The timer plan: every dose shape, its steps and totals."""

import pytest

from exercises.plan import (
    GET_READY_SECONDS,
    QUICK_SQUEEZE_SECONDS,
    SWITCH_SIDE_SECONDS,
    Dose,
    DoseError,
    DoseKind,
    build_plan,
    build_routine_plan,
    describe_dose,
    describe_duration,
)


def kinds(plan):
    return [step.kind for step in plan.steps]


def test_single_hold_has_ready_hold_done():
    plan = build_plan(Dose(hold_seconds=10, reps=1, sets=1), "Plank")
    assert kinds(plan) == ["ready", "hold", "done"]
    assert plan.total_seconds == GET_READY_SECONDS + 10


def test_reps_are_separated_by_rests_but_not_followed_by_one():
    plan = build_plan(Dose(hold_seconds=5, reps=3, sets=1, rest_seconds=4), "Tilt")
    assert kinds(plan) == ["ready", "hold", "rest", "hold", "rest", "hold", "done"]
    assert [s.rep for s in plan.steps if s.kind == "hold"] == [1, 2, 3]
    assert plan.total_seconds == 5 + 3 * 5 + 2 * 4


def test_sets_get_their_own_rest():
    plan = build_plan(
        Dose(hold_seconds=5, reps=2, sets=2, rest_seconds=3, rest_between_sets_seconds=30),
        "Bridge",
    )
    assert kinds(plan) == ["ready", "hold", "rest", "hold", "rest", "hold", "rest", "hold", "done"]
    set_rest = plan.steps[4]
    assert (set_rest.seconds, set_rest.label) == (30, "Rest before set 2")
    assert [(s.set, s.rep) for s in plan.steps if s.kind == "hold"] == [
        (1, 1), (1, 2), (2, 1), (2, 2),
    ]  # fmt: skip
    assert plan.total_seconds == 5 + 4 * 5 + 2 * 3 + 30


def test_each_side_finishes_one_side_before_switching():
    plan = build_plan(
        Dose(hold_seconds=30, reps=3, sets=1, rest_seconds=10, each_side=True), "Hamstring"
    )
    sides = [s.side for s in plan.steps if s.kind == "hold"]
    assert sides == ["left"] * 3 + ["right"] * 3
    switch = next(s for s in plan.steps if s.kind == "switch")
    assert switch.seconds == SWITCH_SIDE_SECONDS
    assert switch.say == "Switch to your right side."
    assert plan.steps[0].say == "Get ready. Hamstring, left side."
    assert plan.total_seconds == 5 + 2 * (3 * 30 + 2 * 10) + 10  # 235


def test_zero_rest_adds_no_rest_steps():
    plan = build_plan(Dose(hold_seconds=5, reps=3, sets=2, rest_seconds=0), "Squeeze")
    assert "rest" not in kinds(plan)


def test_activity_has_a_halfway_cue():
    plan = build_plan(Dose(kind=DoseKind.ACTIVITY, duration_minutes=11), "Walking")
    assert kinds(plan) == ["ready", "activity", "activity", "done"]
    first, second = plan.steps[1], plan.steps[2]
    assert (first.seconds, second.seconds) == (330, 330)
    assert second.label == "Halfway"
    assert plan.total_seconds == 5 + 660


def test_routine_plays_each_exercise_with_rest_between():
    plan = build_routine_plan(
        [
            ("Tilt", Dose(hold_seconds=5, reps=1, sets=1)),
            ("Walk", Dose(kind=DoseKind.ACTIVITY, duration_minutes=2)),
        ],
        rest_between_seconds=20,
    )
    assert kinds(plan) == ["ready", "hold", "rest", "ready", "activity", "activity", "done"]
    assert plan.steps[2].label == "Rest. Next: Walk"
    assert [s.exercise for s in plan.steps[:-1]] == ["Tilt", "Tilt", "Walk", "Walk", "Walk", "Walk"]
    assert plan.total_seconds == 5 + 5 + 20 + 5 + 120


def test_every_step_says_which_exercise_of_the_routine_it_belongs_to():
    """The player shows the drawing, first step and "Stop if" of the exercise a step belongs
    to, and "Skip this exercise" jumps to the next item's get ready: `item` is the position of
    the exercise in the routine (the rest before an exercise belongs to it); done has none."""
    plan = build_routine_plan(
        [
            ("Tilt", Dose(hold_seconds=5, reps=1, sets=1)),
            ("Tilt", Dose(hold_seconds=5, reps=2, sets=1, rest_seconds=3)),
            ("Walk", Dose(kind=DoseKind.ACTIVITY, duration_minutes=2)),
        ],
        rest_between_seconds=20,
    )
    assert [(s.kind, s.item) for s in plan.steps] == [
        ("ready", 0), ("hold", 0),
        ("rest", 1), ("ready", 1), ("hold", 1), ("rest", 1), ("hold", 1),
        ("rest", 2), ("ready", 2), ("activity", 2), ("activity", 2),
        ("done", None),
    ]  # fmt: skip
    single = build_plan(Dose(hold_seconds=5, reps=2, sets=1, rest_seconds=3), "Tilt")
    assert [s.item for s in single.steps] == [0, 0, 0, 0, None]


def test_plan_serialises_with_total():
    data = build_plan(Dose(hold_seconds=5, reps=1, sets=1), "Tilt").as_dict()
    assert data["total_seconds"] == 10
    assert data["steps"][1] == {
        "kind": "hold", "seconds": 5, "label": "Hold", "say": "Hold.", "rep": 1, "reps": 1,
        "set": 1, "sets": 1, "side": None, "exercise": "Tilt", "item": 0,
    }  # fmt: skip


@pytest.mark.parametrize(
    ("dose", "field", "message"),
    [
        (Dose(hold_seconds=0, reps=1, sets=1), "hold_seconds", "between 1 and 600"),
        (Dose(hold_seconds=601, reps=1, sets=1), "hold_seconds", "between 1 and 600"),
        (Dose(hold_seconds=5, reps=51, sets=1), "reps", "between 1 and 50"),
        (Dose(hold_seconds=5, reps=1, sets=11), "sets", "between 1 and 10"),
        (Dose(hold_seconds=5, reps=1, sets=1, rest_seconds=601), "rest_seconds", "0 and 600"),
        (Dose(reps=1, sets=1), "hold_seconds", "Needed for a timed hold"),
        (Dose(hold_seconds=5, reps=1, sets=1, duration_minutes=5), "duration_minutes", "Leave"),
        (Dose(kind=DoseKind.ACTIVITY), "duration_minutes", "Needed for a timed activity"),
        (Dose(kind=DoseKind.ACTIVITY, duration_minutes=121), "duration_minutes", "1 and 120"),
        (Dose(kind=DoseKind.ACTIVITY, duration_minutes=5, reps=3), "reps", "Leave empty"),
        (Dose(kind=DoseKind.ACTIVITY, duration_minutes=5, each_side=True), "each_side", "not"),
        (
            Dose(kind=DoseKind.ACTIVITY, duration_minutes=5, quick_squeezes=5),
            "quick_squeezes",
            "Leave",
        ),
        (Dose(hold_seconds=5, reps=1, sets=1, quick_squeezes=31), "quick_squeezes", "1 and 30"),
        (
            Dose(hold_seconds=5, reps=1, sets=1, each_side=True, quick_squeezes=5),
            "quick_squeezes",
            "each side",
        ),
    ],
)
def test_invalid_doses_are_refused_with_a_reason(dose, field, message):
    with pytest.raises(DoseError) as caught:
        build_plan(dose, "X")
    assert message in caught.value.by_field[field]


def test_empty_routine_is_refused():
    with pytest.raises(DoseError, match="at least one exercise"):
        build_routine_plan([], rest_between_seconds=0)


@pytest.mark.parametrize(
    ("dose", "text"),
    [
        (
            Dose(hold_seconds=30, reps=3, sets=1, each_side=True),
            "Hold 30 seconds, 3 times, each side",
        ),
        (Dose(hold_seconds=5, reps=10, sets=2), "Hold 5 seconds, 10 times, 2 sets"),
        (Dose(hold_seconds=1, reps=1, sets=1), "Hold 1 second, once"),
        (
            Dose(hold_seconds=10, reps=10, sets=1, quick_squeezes=10),
            "Hold 10 seconds, 10 times, then 10 quick squeezes",
        ),
        (Dose(kind=DoseKind.ACTIVITY, duration_minutes=10), "10 minutes"),
        (Dose(kind=DoseKind.ACTIVITY, duration_minutes=1), "1 minute"),
    ],
)
def test_dose_in_plain_words(dose, text):
    assert describe_dose(dose) == text


@pytest.mark.parametrize(
    ("seconds", "text"),
    [(45, "about 45 seconds"), (60, "about 1 minute"), (235, "about 4 minutes")],
)
def test_duration_in_plain_words(seconds, text):
    assert describe_duration(seconds) == text


# --- Issue 12: the side on every hold, and "My painful side" ------------------------------

HAMSTRING_DOSE = Dose(hold_seconds=30, reps=3, sets=1, rest_seconds=10, each_side=True)


def test_every_hold_of_a_side_says_the_side():
    plan = build_plan(HAMSTRING_DOSE, "Hamstring")
    says = [s.say for s in plan.steps if s.kind == "hold"]
    assert says == [
        "Hold, left side. 1 of 3.", "Hold, left side. 2 of 3.", "Hold, left side. 3 of 3.",
        "Hold, right side. 1 of 3.", "Hold, right side. 2 of 3.", "Hold, right side. 3 of 3.",
    ]  # fmt: skip
    one = build_plan(Dose(hold_seconds=30, reps=1, sets=1, each_side=True), "Hamstring")
    assert [s.say for s in one.steps if s.kind == "hold"] == [
        "Hold, left side.",
        "Hold, right side.",
    ]
    no_side = build_plan(Dose(hold_seconds=5, reps=2, sets=1), "Tilt")
    assert [s.say for s in no_side.steps if s.kind == "hold"] == ["Hold. 1 of 2.", "Hold. 2 of 2."]


def test_painful_side_first_swaps_the_sides_with_their_words():
    plan = build_plan(HAMSTRING_DOSE, "Hamstring", sides=("right", "left"))
    assert [s.side for s in plan.steps if s.kind == "hold"] == ["right"] * 3 + ["left"] * 3
    assert plan.steps[0].say == "Get ready. Hamstring, right side."
    switch = next(s for s in plan.steps if s.kind == "switch")
    assert (switch.label, switch.say, switch.side) == (
        "Switch to the left side", "Switch to your left side.", "left",
    )  # fmt: skip
    assert plan.total_seconds == 235


def test_one_side_only_has_no_switch():
    plan = build_plan(HAMSTRING_DOSE, "Hamstring", sides=("right",))
    assert kinds(plan) == ["ready", "hold", "rest", "hold", "rest", "hold", "done"]
    assert {s.side for s in plan.steps[:-1]} == {"right"}
    assert plan.total_seconds == 5 + 3 * 30 + 2 * 10
    # A dose without sides ignores the choice.
    tilt = Dose(hold_seconds=5, reps=2, sets=1)
    assert build_plan(tilt, "Tilt", sides=("right",)) == build_plan(tilt, "Tilt")


def test_routine_plays_the_chosen_sides_of_each_sided_exercise():
    items = [("Tilt", Dose(hold_seconds=5, reps=1, sets=1)), ("Hamstring", HAMSTRING_DOSE)]
    plan = build_routine_plan(items, rest_between_seconds=20, sides=("left",))
    assert "switch" not in kinds(plan)
    assert [s.side for s in plan.steps if s.kind == "hold"] == [None, "left", "left", "left"]


def test_page_plan_offers_the_side_variants_only_when_a_step_has_a_side():
    from exercises.plan import player_plan

    data = player_plan(lambda sides: build_plan(HAMSTRING_DOSE, "Hamstring", sides=sides))
    assert data == {
        **build_plan(HAMSTRING_DOSE, "Hamstring").as_dict(),
        "variants": data["variants"],
    }
    assert set(data["variants"]) == {"right", "left-only", "right-only"}
    right_only = data["variants"]["right-only"]
    assert right_only == build_plan(HAMSTRING_DOSE, "Hamstring", sides=("right",)).as_dict()
    assert data["variants"]["right"]["steps"][1]["side"] == "right"
    tilt = player_plan(
        lambda sides: build_plan(Dose(hold_seconds=5, reps=1, sets=1), "Tilt", sides)
    )
    assert "variants" not in tilt


def test_plan_version_follows_the_steps_not_the_words():
    from django.utils import translation

    data = build_plan(HAMSTRING_DOSE, "Hamstring").as_dict()
    assert len(data["version"]) == 8
    with translation.override("de"):
        assert build_plan(HAMSTRING_DOSE, "Kniesehne").as_dict()["version"] == data["version"]
    longer = Dose(hold_seconds=31, reps=3, sets=1, rest_seconds=10, each_side=True)
    assert build_plan(longer, "Hamstring").as_dict()["version"] != data["version"]
    right = build_plan(HAMSTRING_DOSE, "Hamstring", sides=("right", "left"))
    assert right.as_dict()["version"] != data["version"]


def test_quick_squeezes_follow_the_slow_holds_after_a_rest():
    """A pelvic floor exercise: slow holds, a rest, then the quick squeezes as one timed step
    that says what to do (issue 15: the timer plays both parts)."""
    dose = Dose(hold_seconds=10, reps=3, sets=1, rest_seconds=10, quick_squeezes=10)
    plan = build_plan(dose, "Pelvic floor exercise")
    assert kinds(plan) == ["ready", "hold", "rest", "hold", "rest", "hold", "rest", "hold", "done"]
    rest, quick = plan.steps[-3], plan.steps[-2]
    assert (rest.seconds, rest.label) == (10, "Rest. Next: quick squeezes")
    assert quick.seconds == 10 * QUICK_SQUEEZE_SECONDS
    assert quick.label == "10 quick squeezes" and quick.rep is None
    assert quick.say.startswith("Now 10 quick squeezes.")
    assert plan.work_seconds == 3 * 10 + 2 * 10 + 10 + 20
    without = build_plan(Dose(hold_seconds=10, reps=3, sets=1, rest_seconds=10), "X")
    assert "quick" not in " ".join(step.label for step in without.steps)
