import logging
from dataclasses import replace
from itertools import groupby

from django.core.exceptions import NON_FIELD_ERRORS, FieldDoesNotExist, ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Exists, OuterRef, Prefetch
from django.templatetags.static import static
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.text import format_lazy
from django.utils.translation import gettext, gettext_noop, ngettext
from django.utils.translation import gettext_lazy as _

from core.content_version import ContentQuerySet
from core.publishing import Publishable, PublishableQuerySet, ReferenceBase
from core.reviewing import Reviewable, ReviewableQuerySet
from core.search import Searchable, ranked
from exercises.drawings import validate_drawing
from exercises.images import shrink, validate_picture
from exercises.plan import (
    SIDES,
    Dose,
    DoseError,
    DoseKind,
    Plan,
    build_plan,
    build_routine_plan,
    describe_dose,
    describe_duration,
)
from exercises.suitability import MAX_EARLIEST_WEEK, Rules, strictest

logger = logging.getLogger(__name__)

# How long one exercise's dose may take (its work: holds, rests, switches, minutes; not the
# get-ready countdown), and a whole routine. Checked in Exercise.clean and on routines.
MAX_EXERCISE_SECONDS = 30 * 60
MAX_ROUTINE_SECONDS = 90 * 60


class CategoryQuerySet(ContentQuerySet):
    def in_use(self):
        """Categories holding at least one published exercise: the only ones readers see."""
        return self.filter(Exists(Exercise.objects.published().filter(category=OuterRef("pk"))))

    def with_published_exercises(self):
        """`in_use()`, each with its published exercises in `published_exercises` (2 queries)."""
        exercises = Exercise.objects.published().for_list()
        return self.in_use().prefetch_related(
            Prefetch("exercises", queryset=exercises, to_attr="published_exercises")
        )


# When to stop: the one text every exercise page, routine page and the API give. An exercise
# adds its own sentences after it (`also_stop_if`). Shown by templates/exercises/_stop_if.html.
# In English; stop_if_text() gives it in the active language.
STOP_IF = gettext_noop(
    "Stop if pain shoots down your leg, numbness or tingling gets worse, or your bleeding gets "
    "heavier. Stop too if you have new pain in your pelvis."
)


def stop_if_text(also: str = "") -> str:
    """The standard "Stop if" text, then an exercise's own extra sentences if any."""
    return f"{gettext(STOP_IF)} {also.strip()}".strip()


WEEK_RANGE_MESSAGE = _(
    "Weeks after birth: a whole number from 0 (from birth) to 52, not %(show_value)s."
)


class Category(models.Model):
    name = models.CharField(max_length=60, unique=True)
    slug = models.SlugField(max_length=60, unique=True)
    description = models.TextField(blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    objects = CategoryQuerySet.as_manager()

    class Meta:
        ordering = ["order", "name"]
        verbose_name_plural = _("categories")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("exercises:category", kwargs={"slug": self.slug})


class Difficulty(models.TextChoices):
    GENTLE = "gentle", _("Gentle")
    MODERATE = "moderate", _("Moderate")


class ExerciseQuerySet(PublishableQuerySet, ReviewableQuerySet):
    def for_list(self):
        return self.select_related("category")

    def for_detail(self):
        return self.select_related("category").prefetch_related("steps", "references")

    def search(self, query):
        """Matches for `query` (text or a parsed Query), best first; see core.search.
        The "Stop if" searched is the one readers see: the standard text, then the exercise's."""
        return ranked(self, query)


class Exercise(Publishable, Reviewable, Searchable):
    name = models.CharField(max_length=80)
    slug = models.SlugField(
        _("web address"),
        max_length=80,
        unique=True,
        help_text=_(
            "The end of the page's address, after /exercises/: lowercase words and hyphens."
        ),
    )
    category = models.ForeignKey(Category, on_delete=models.PROTECT, related_name="exercises")
    order = models.PositiveSmallIntegerField(default=0, help_text=_("Order within its category."))
    summary = models.CharField(max_length=160, help_text=_("One sentence shown in lists."))
    difficulty = models.CharField(
        max_length=10, choices=Difficulty.choices, default=Difficulty.GENTLE
    )
    why_it_helps = models.TextField(blank=True)
    precautions = models.TextField(
        help_text=_("Who should wait or check first, and how to do it safely.")
    )
    also_stop_if = models.TextField(
        _("also stop if"),
        blank=True,
        help_text=_(
            "Every exercise's warning box starts with the standard “Stop if” text shown "
            "above. Add only what is extra for this exercise, as whole sentences, e.g. “Also stop "
            "if the stretch starts to hurt.” Leave empty if there is nothing extra."
        ),
    )
    # Suitability rules (exercises/suitability.py): sent with the page; the reader's phone
    # judges them against her private check-in (static/js/suitability-core.js).
    earliest_week = models.PositiveSmallIntegerField(
        _("earliest week after birth"),
        default=0,
        validators=[
            MinValueValidator(0, message=WEEK_RANGE_MESSAGE),
            MaxValueValidator(MAX_EARLIEST_WEEK, message=WEEK_RANGE_MESSAGE),
        ],
        help_text=_(
            "The first week after birth when this exercise may be offered, counted from the "
            "birth date. 0 = from birth; 6 = not in the first 6 weeks (from the 6-week check). "
            "At most 52."
        ),
    )
    clearance_after_caesarean = models.BooleanField(
        _("clearance needed after a caesarean"),
        default=False,
        help_text=_(
            "After a caesarean birth, offered only once a health professional (midwife, GP or "
            "physiotherapist) has cleared her for exercise, e.g. at the 6-week check."
        ),
    )
    clearance_after_assisted = models.BooleanField(
        _("clearance needed after an assisted birth"),
        default=False,
        help_text=_(
            "After a vaginal birth assisted with forceps or ventouse, offered only once a "
            "health professional has cleared her for exercise."
        ),
    )
    clearance_for_everyone = models.BooleanField(
        _("clearance needed for everyone"),
        default=False,
        help_text=_(
            "Whatever the birth, offered only once a health professional has cleared her for "
            "exercise. Includes the two clearances above."
        ),
    )
    illustration_static = models.CharField(
        _("illustration (built-in)"),
        max_length=200,
        blank=True,
        validators=[validate_drawing],
        help_text=_(
            "One of the drawings made for the app (static/img/exercises/), or none. "
            "A replacement picture below is shown instead."
        ),
    )
    picture = models.ImageField(
        _("replacement picture"),
        upload_to="exercises/",
        blank=True,
        validators=[validate_picture],
        help_text=_(
            "Optional. JPEG, PNG or WebP, at most 2 MB; shrunk to 1200 px. "
            "Shown instead of the built-in drawing."
        ),
    )
    illustration_alt = models.CharField(
        _("illustration description"),
        max_length=250,
        blank=True,
        help_text=_("What the picture shows, for people who cannot see it."),
    )

    # The dose. Timed holds use hold/reps/sets/rests/each side; activities use minutes.
    dose_kind = models.CharField(
        max_length=10,
        choices=DoseKind.choices,
        default=DoseKind.HOLD,
        help_text=_("Timed hold (hold x reps x sets) or timed activity (minutes, e.g. walking)."),
    )
    hold_seconds = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text=_("Seconds to hold each repetition (1-600).")
    )
    reps = models.PositiveSmallIntegerField(
        _("repetitions"), null=True, blank=True, help_text=_("Repetitions per set (1-50).")
    )
    sets = models.PositiveSmallIntegerField(null=True, blank=True, help_text=_("Sets (1-10)."))
    rest_seconds = models.PositiveSmallIntegerField(
        _("rest between reps"),
        null=True,
        blank=True,
        help_text=_("Seconds of rest between repetitions (0-600)."),
    )
    rest_between_sets_seconds = models.PositiveSmallIntegerField(
        _("rest between sets"),
        null=True,
        blank=True,
        help_text=_("Seconds of rest between sets (0-600)."),
    )
    each_side = models.BooleanField(
        default=False, help_text=_("Do the whole dose on one side, then on the other.")
    )
    duration_minutes = models.PositiveSmallIntegerField(
        _("activity minutes"),
        null=True,
        blank=True,
        help_text=format_lazy(
            _("For activities: 1-{minutes} minutes."), minutes=MAX_EXERCISE_SECONDS // 60
        ),
    )

    quick_squeezes = models.PositiveSmallIntegerField(
        _("quick squeezes"),
        null=True,
        blank=True,
        help_text=_(
            "For a pelvic floor exercise: after the slow holds, this many quick squeezes "
            "(squeeze and let go at once), 2 seconds each, 1-30. Leave empty for other "
            "exercises."
        ),
    )

    objects = ExerciseQuerySet.as_manager()
    url_namespace = "exercises"
    # Where the search text comes from (core.search, rule 3).
    SEARCHED_FIELDS = ("name", "summary", "why_it_helps", "precautions", "also_stop_if")

    class Meta:
        ordering = ["category__order", "order", "name"]
        indexes = [
            # published() filters on status and published_at.
            models.Index(fields=["status", "published_at"], name="exercise_status_pub_idx"),
        ]

    def __str__(self):
        return self.name

    @property
    def dose(self) -> Dose:
        return Dose(
            kind=self.dose_kind,
            hold_seconds=self.hold_seconds,
            reps=self.reps,
            sets=self.sets,
            rest_seconds=self.rest_seconds,
            rest_between_sets_seconds=self.rest_between_sets_seconds,
            each_side=self.each_side,
            duration_minutes=self.duration_minutes,
            quick_squeezes=self.quick_squeezes,
        )

    @property
    def dose_text(self) -> str:
        return describe_dose(self.dose)

    @property
    def stop_if_text(self) -> str:
        """The whole "Stop if" warning: the standard text, then this exercise's own."""
        return stop_if_text(self.also_stop_if)

    @property
    def rules(self) -> Rules:
        """When it may be offered (exercises/suitability.py)."""
        return Rules(
            earliest_week=self.earliest_week,
            after_caesarean=self.clearance_after_caesarean,
            after_assisted=self.clearance_after_assisted,
            everyone=self.clearance_for_everyone,
        )

    @property
    def illustration_url(self) -> str:
        if self.picture:
            return self.picture.url
        if not self.illustration_static:
            return ""
        try:
            return static(self.illustration_static)
        except ValueError:
            # Not a collected drawing: validation refuses it, so a row changed around it
            # (a script's update()). Shown without the drawing rather than failing the page.
            logger.exception(
                "Exercise %r (pk %s): no such drawing %r; shown without it",
                self.slug,
                self.pk,
                self.illustration_static,
            )
            return ""

    def plan(self, sides=SIDES) -> Plan:
        return build_plan(self.dose, self.name, sides)

    def playable_plan(self) -> Plan | None:
        """The plan, or None (logged) when the saved dose cannot be played. Validation refuses
        such a dose, so only a row changed around it (a script's update()) gets here: its
        page is then 404, never 500."""
        try:
            return self.plan()
        except DoseError:
            logger.exception("Exercise %r (pk %s): its dose cannot be played", self.slug, self.pk)
            return None

    def searched_text(self):
        return self.name, self.summary, [self.why_it_helps, self.precautions, self.stop_if_text]

    def save(self, *args, **kwargs):
        if self.picture and not self.picture._committed:
            smaller = shrink(self.picture)
            self.picture.save(smaller.name, smaller, save=False)
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        review = self.review_date_errors()
        if review:
            raise ValidationError(review)
        try:
            self.dose.validate()
        except DoseError as error:
            raise ValidationError(error.by_field) from None
        seconds = self.plan().work_seconds
        if seconds > MAX_EXERCISE_SECONDS:
            raise ValidationError(
                ngettext(
                    "This dose takes %(duration)s (%(seconds)d second); an exercise may take at "
                    "most %(limit)d minutes. Lower the hold, repetitions, sets, rests or minutes.",
                    "This dose takes %(duration)s (%(seconds)d seconds); an exercise may take at "
                    "most %(limit)d minutes. Lower the hold, repetitions, sets, rests or minutes.",
                    seconds,
                )
                % {
                    "duration": describe_duration(seconds),
                    "seconds": seconds,
                    "limit": MAX_EXERCISE_SECONDS // 60,
                }
            )
        self._check_routines()

    def _check_routines(self):
        """Every routine that uses this exercise must still play with the dose as changed:
        its own values for it still fit (e.g. no reps on a timed activity), and the whole
        routine still takes at most 90 minutes."""
        if self.pk is None:
            return
        broken: dict[str, list[str]] = {}
        too_long: dict[str, int] = {}
        items = (
            RoutineItem.objects.filter(routine__in=Routine.objects.filter(items__exercise=self))
            .select_related("routine", "exercise")
            .order_by("routine__name", "routine_id", "order", "pk")
        )
        for routine, its_items in groupby(items, key=lambda item: item.routine):
            playable = []
            for item in its_items:
                if item.exercise_id == self.pk:
                    item.exercise = self  # the dose as changed, not as saved
                try:
                    item.dose.validate()
                except DoseError as error:
                    if item.exercise_id == self.pk:
                        labels = broken.setdefault(routine.name, [])
                        labels += [_label(n) for n in error.by_field if _label(n) not in labels]
                    continue  # another exercise's item: not this change's doing
                playable.append((item.exercise.name, item.dose))
            if routine.name not in broken and playable:
                total = build_routine_plan(playable, routine.rest_between_seconds).total_seconds
                if total > MAX_ROUTINE_SECONDS:
                    too_long[routine.name] = total
        errors = []
        if broken:
            errors.append(
                gettext(
                    "This dose would stop routines that use this exercise from playing: "
                    "%(routines)s. Clear or change those values for this exercise in the "
                    "routines first, or keep the dose as it was."
                )
                % {
                    "routines": "; ".join(
                        f"{name} ({', '.join(labels)})" for name, labels in broken.items()
                    )
                }
            )
        if too_long:
            errors.append(
                gettext(
                    "With this dose, routines that use this exercise would take longer than "
                    "%(limit)d minutes: %(routines)s. Shorten those routines first, or lower "
                    "the dose."
                )
                % {
                    "limit": MAX_ROUTINE_SECONDS // 60,
                    "routines": "; ".join(
                        f"{name} ({describe_duration(total)})" for name, total in too_long.items()
                    ),
                }
            )
        if errors:
            raise ValidationError(errors)


def _label(name: str) -> str:
    """An exercise field's label as editors see it ("repetitions"), for messages."""
    try:
        return str(Exercise._meta.get_field(name).verbose_name)
    except FieldDoesNotExist:
        return name


class ExerciseStep(models.Model):
    exercise = models.ForeignKey(Exercise, on_delete=models.CASCADE, related_name="steps")
    order = models.PositiveSmallIntegerField(default=0)
    text = models.CharField(max_length=300)

    objects = ContentQuerySet.as_manager()

    class Meta:
        ordering = ["order", "pk"]

    def __str__(self):
        return self.text


class ExerciseReference(ReferenceBase):
    exercise = models.ForeignKey(Exercise, on_delete=models.CASCADE, related_name="references")

    class Meta(ReferenceBase.Meta):
        verbose_name = _("reference")


class RoutineQuerySet(PublishableQuerySet, ReviewableQuerySet):
    def playable(self):
        """Published routines with at least one published exercise: the only ones readers see
        (a routine whose exercises are all drafts has nothing to play)."""
        playable_items = RoutineItem.objects.filter(
            routine=OuterRef("pk"), exercise__in=Exercise.objects.published()
        )
        return self.published().filter(Exists(playable_items))

    def with_items(self):
        """Routines with their published exercises in order (two extra queries in all)."""
        return self.prefetch_related(
            Prefetch("items", queryset=_published_items(), to_attr="published_items")
        )

    def playable_with_items(self) -> list["Routine"]:
        """`playable().with_items()`, evaluated, without the routines none of whose items
        can be played (see `Routine.public_items`): what every public page, the API, the
        sitemap and the offline manifest list."""
        return [routine for routine in self.playable().with_items() if routine.public_items]


def _published_items():
    return RoutineItem.objects.filter(exercise__in=Exercise.objects.published()).select_related(
        "exercise", "exercise__category"
    )


class Routine(Publishable, Reviewable):
    """An ordered set of exercises played one after another by the same timer."""

    name = models.CharField(max_length=80)
    slug = models.SlugField(
        _("web address"),
        max_length=80,
        unique=True,
        help_text=_(
            "The end of the page's address, after /routines/: lowercase words and hyphens."
        ),
    )
    summary = models.CharField(max_length=160, help_text=_("One sentence shown in lists."))
    description = models.TextField(blank=True, help_text=_("Who it is for and when to use it."))
    rest_between_seconds = models.PositiveSmallIntegerField(
        _("rest between exercises"),
        default=20,
        validators=[MaxValueValidator(600)],
        help_text=_("Seconds of rest before each exercise after the first (0-600)."),
    )
    order = models.PositiveSmallIntegerField(default=0)

    objects = RoutineQuerySet.as_manager()
    url_namespace = "routines"

    def clean(self):
        super().clean()
        review = self.review_date_errors()
        if review:
            raise ValidationError(review)

    class Meta:
        ordering = ["order", "name"]
        indexes = [
            # published() filters on status and published_at.
            models.Index(fields=["status", "published_at"], name="routine_status_pub_idx"),
        ]

    def __str__(self):
        return self.name

    @cached_property
    def public_items(self) -> list["RoutineItem"]:
        """What readers get: its published exercises in order, without any item whose dose
        cannot be played (logged). Validation refuses such a dose, so only a row changed
        around it (a script's update()) is left out. Uses the items `with_items()`
        prefetched (no query); otherwise reads them (one query)."""
        items = getattr(self, "published_items", None)
        if items is None:
            items = _published_items().filter(routine=self)
        return [item for item in items if item.is_playable()]

    @property
    def rules(self) -> Rules:
        """The strictest rules of the exercises it plays: computed, never stored."""
        return strictest(item.exercise.rules for item in self.public_items)

    def plan(self, items=None, sides=SIDES) -> Plan:
        """The timer plan over the given items (default: the published ones, prefetched)."""
        items = self.public_items if items is None else items
        return build_routine_plan(
            [(item.exercise.name, item.dose) for item in items], self.rest_between_seconds, sides
        )


class RoutineItem(models.Model):
    """One exercise in a routine; empty dose fields use the exercise's own dose."""

    routine = models.ForeignKey(Routine, on_delete=models.CASCADE, related_name="items")
    exercise = models.ForeignKey(Exercise, on_delete=models.PROTECT, related_name="+")
    order = models.PositiveSmallIntegerField(default=0)
    hold_seconds = models.PositiveSmallIntegerField(null=True, blank=True)
    reps = models.PositiveSmallIntegerField(null=True, blank=True)
    sets = models.PositiveSmallIntegerField(null=True, blank=True)
    rest_seconds = models.PositiveSmallIntegerField(null=True, blank=True)
    duration_minutes = models.PositiveSmallIntegerField(null=True, blank=True)

    OVERRIDES = ("hold_seconds", "reps", "sets", "rest_seconds", "duration_minutes")

    objects = ContentQuerySet.as_manager()

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("exercise in routine")
        verbose_name_plural = _("exercises in routine")

    def __str__(self):
        return f"{self.order}. {self.exercise.name}"

    @property
    def dose(self) -> Dose:
        changes = {
            name: getattr(self, name) for name in self.OVERRIDES if getattr(self, name) is not None
        }
        return replace(self.exercise.dose, **changes)

    @property
    def dose_text(self) -> str:
        return describe_dose(self.dose)

    def is_playable(self) -> bool:
        """Whether its dose can be played; when not, logs why (see Routine.public_items)."""
        try:
            self.dose.validate()
        except DoseError:
            logger.exception(
                "Routine %r (pk %s): item %s (%s) cannot be played; left out",
                self.routine.slug,
                self.routine_id,
                self.pk,
                self.exercise.name,
            )
            return False
        return True

    def clean(self):
        super().clean()
        if self.exercise_id is None:
            return
        try:
            self.dose.validate()
        except DoseError as error:
            raise ValidationError(
                {
                    name if name in self.OVERRIDES else NON_FIELD_ERRORS: message
                    for name, message in error.by_field.items()
                }
            ) from None
