from django.db.models import prefetch_related_objects
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.views.generic import DetailView, ListView, TemplateView

from core.workflow import StaffPreviewMixin, apply_pending_change
from exercises.models import Category, Exercise, Routine
from exercises.plan import describe_duration, player_plan

# The routine the timer suggests when her pain before starting is high (the thresholds are in
# static/js/pain-core.js): content/routines/flare-up-relief.toml.
FLARE_UP_ROUTINE = "flare-up-relief"


def flare_up_routine(but=None):
    """The flare-up routine if readers can play it (and it is not `but`, the page's own)."""
    routines = Routine.objects.playable().filter(slug=FLARE_UP_ROUTINE)
    if but is not None:
        routines = routines.exclude(pk=but.pk)
    return routines.only("name", "slug").first()


class ExerciseListView(TemplateView):
    template_name = "exercises/exercise_list.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            categories=Category.objects.with_published_exercises(), **kwargs
        )


class CategoryDetailView(TemplateView):
    template_name = "exercises/category_detail.html"

    def get_context_data(self, **kwargs):
        category = get_object_or_404(Category.objects.in_use(), slug=self.kwargs["slug"])
        exercises = Exercise.objects.published().for_list().filter(category=category)
        return super().get_context_data(category=category, exercises=exercises, **kwargs)


class ExerciseDetailView(DetailView):
    template_name = "exercises/exercise_detail.html"
    context_object_name = "exercise"

    def get_queryset(self):
        return Exercise.objects.published().for_detail()

    def get_object(self, queryset=None):
        exercise = super().get_object(queryset)
        self.plan = exercise.playable_plan()
        if self.plan is None:  # a dose changed around validation: logged, never a 500
            raise Http404("This exercise cannot be played.")
        return exercise

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            plan=player_plan(self.object.plan),
            total_text=describe_duration(self.plan.total_seconds),
            timer_exercises=[self.object],
            flare_up=flare_up_routine(),
            **kwargs,
        )


class ExercisePreviewView(StaffPreviewMixin, ExerciseDetailView):
    """Staff see any exercise, whatever its status, as readers will; with its unpublished
    changes, if it has some (applied to this copy only, never saved)."""

    def get_queryset(self):
        return Exercise.objects.for_detail()

    def get_object(self, queryset=None):
        exercise = DetailView.get_object(self, queryset)
        self.pending = apply_pending_change(self.request, exercise)
        self.plan = exercise.playable_plan()
        if self.plan is None:
            raise Http404("This exercise cannot be played.")
        return exercise


class RoutineListView(ListView):
    template_name = "exercises/routine_list.html"
    context_object_name = "routines"

    def get_queryset(self):
        return Routine.objects.playable_with_items()


class RoutineDetailView(DetailView):
    template_name = "exercises/routine_detail.html"
    context_object_name = "routine"

    def get_queryset(self):
        return Routine.objects.playable().with_items()

    def get_object(self, queryset=None):
        routine = super().get_object(queryset)
        if not routine.public_items:  # none of its items can be played (each logged)
            raise Http404("This routine has nothing to play.")
        return routine

    def get_context_data(self, **kwargs):
        plan = self.object.plan()
        # The timer shows each exercise's drawing, first step and "Stop if" (one query).
        exercises = [item.exercise for item in self.object.public_items]
        prefetch_related_objects(exercises, "steps")
        return super().get_context_data(
            plan=player_plan(lambda sides: self.object.plan(sides=sides)),
            total_text=describe_duration(plan.total_seconds),
            timer_exercises=exercises,
            flare_up=flare_up_routine(but=self.object),
            **kwargs,
        )


class RoutinePreviewView(StaffPreviewMixin, RoutineDetailView):
    """Staff see any routine, whatever its status, as readers will (its published exercises);
    with its unpublished changes, if it has some (its own fields; its list of exercises shows
    as saved)."""

    def get_queryset(self):
        return Routine.objects.with_items()

    def get_object(self, queryset=None):
        routine = DetailView.get_object(self, queryset)
        self.pending = apply_pending_change(self.request, routine)
        if not routine.public_items:
            raise Http404("This routine has no published exercise to play.")
        return routine


def todays_turn(count: int) -> int:
    """Which of `count` routines is today's: they take turns by day (the same rotation
    static/js/today-routine.js follows with the phone's own date)."""
    return timezone.localdate().toordinal() % count


def today_choices(routines) -> list[dict]:
    """The playable routines, in turn order, as data for the phone's pick of today's routine
    (static/js/today-routine.js picks only among those that suit her check-in). Expects
    `with_items()` routines: no query per routine."""
    choices = []
    for routine in routines:
        seconds = routine.plan().total_seconds
        choices.append(
            {
                "name": routine.name,
                "url": routine.get_absolute_url(),
                "seconds": seconds,
                "length": describe_duration(seconds),
                "rules": routine.rules.as_dict(),
            }
        )
    return choices


class TodayRoutineView(RoutineDetailView):
    """'Today's routine' (a home-screen shortcut): the published routines take turns by day;
    on her phone, only those that suit her check-in take part (today-routine.js)."""

    def get_object(self, queryset=None):
        self.routines = Routine.objects.playable_with_items()
        if not self.routines:
            raise Http404("There are no routines yet.")
        return self.routines[todays_turn(len(self.routines))]

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            today=True, today_routines=today_choices(self.routines), **kwargs
        )
