import json

from django import forms
from django.contrib import admin
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models
from django.forms.models import BaseInlineFormSet
from django.templatetags.static import static
from django.utils.html import format_html, format_html_join
from django.utils.text import capfirst
from django.utils.translation import gettext, ngettext, pgettext
from django.utils.translation import gettext_lazy as _

from core import admin as core_admin
from core.admin import (
    PlainWordsMixin,
    PublicationFilter,
    PublishableAdmin,
    ReviewDueFilter,
    publication,
)
from exercises.drawings import drawing_choices, drawings
from exercises.images import PictureFormField
from exercises.models import (
    MAX_ROUTINE_SECONDS,
    Category,
    Exercise,
    ExerciseReference,
    ExerciseStep,
    Routine,
    RoutineItem,
    stop_if_text,
)
from exercises.plan import DoseError, Plan, build_routine_plan, describe_duration


def in_words(error: DoseError) -> str:
    """A dose error with each field's label (as on the form), not its code name."""

    def label(name):
        for model in (Exercise, RoutineItem):
            try:
                return capfirst(model._meta.get_field(name).verbose_name)
            except FieldDoesNotExist:
                continue
        return name

    return "; ".join(f"{label(name)}: {message}" for name, message in error.by_field.items())


def plan_table(plan: Plan):
    """The computed timer plan as a small table, so an editor sees what the reader hears."""
    rows = format_html_join(
        "",
        "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
        (
            (number, step.label, gettext("%(seconds)d s") % {"seconds": step.seconds}, step.say)
            for number, step in enumerate(plan.steps, start=1)
        ),
    )
    total = ngettext(
        "Total: %(duration)s (%(seconds)d second)",
        "Total: %(duration)s (%(seconds)d seconds)",
        plan.total_seconds,
    ) % {
        "duration": describe_duration(plan.total_seconds),
        "seconds": plan.total_seconds,
    }
    return format_html(
        "<p><strong>{}</strong></p>"
        "<table><thead><tr><th>#</th><th>{}</th><th>{}</th><th>{}</th></tr></thead>"
        "<tbody>{}</tbody></table>",
        total,
        pgettext("timer plan column", "Shown"),
        pgettext("timer plan column", "Time"),
        pgettext("timer plan column", "Spoken"),
        rows,
    )


@admin.register(Category)
class CategoryAdmin(PlainWordsMixin, admin.ModelAdmin):
    list_display = ["name", "order"]
    list_editable = ["order"]
    search_fields = ["name", "description"]
    prepopulated_fields = {"slug": ["name"]}


class StepInline(admin.TabularInline):
    model = ExerciseStep
    extra = 0
    fields = ["order", "text"]


class ReferenceInline(core_admin.ReferenceInline):
    model = ExerciseReference


RULES_HELP = _(
    "Each reader answers a private check-in on her phone (weeks since the birth, what kind of "
    "birth, whether a health professional has cleared her for exercise). These rules are sent "
    "with the page and her phone decides: an exercise that is not yet right for her is marked "
    "“Not yet for you” with the reason, and she can still read it. A routine uses the "
    "strictest rules of its exercises."
)


def rules_list(rules):
    """The rules in the words readers see, as a list ("none" when there is no rule)."""
    notes = rules.notes()
    if not notes:
        return gettext("None: suitable from birth, whatever the birth.")
    return format_html("<ul>{}</ul>", format_html_join("", "<li>{}</li>", ((n,) for n in notes)))


@admin.register(Exercise)
class ExerciseAdmin(PublishableAdmin):
    formfield_overrides = {models.ImageField: {"form_class": PictureFormField}}
    list_display = ["name", "category", "dose_text", "rules_text", publication]
    list_filter = [
        PublicationFilter,
        ReviewDueFilter,
        "category",
        "dose_kind",
        "difficulty",
        "earliest_week",
        "clearance_after_caesarean",
        "clearance_after_assisted",
        "clearance_for_everyone",
    ]
    list_select_related = ["category"]
    search_fields = ["name", "summary", "precautions"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [StepInline, ReferenceInline]
    readonly_fields = [
        "plan_preview",
        "standard_stop_if",
        "rules_preview",
        "drawing_preview",
        "created_at",
        "updated_at",
    ]
    fieldsets = [
        (None, {"fields": ["name", "slug", "category", "order", "summary", "difficulty"]}),
        (
            _("Dose"),
            {
                "description": _(
                    "The starting dose the timer plays. A timed hold uses hold, repetitions, "
                    "sets and rests (each side doubles it, with a 10-second switch); an activity "
                    "uses minutes only. Leave the other kind's fields empty: they are refused, "
                    "not ignored."
                ),
                "fields": [
                    "dose_kind",
                    ("hold_seconds", "reps", "sets"),
                    ("rest_seconds", "rest_between_sets_seconds"),
                    "quick_squeezes",
                    "each_side",
                    "duration_minutes",
                    "plan_preview",
                ],
            },
        ),
        (
            _("Safety"),
            {
                "fields": [
                    "why_it_helps",
                    "precautions",
                    "standard_stop_if",
                    "also_stop_if",
                ]
            },
        ),
        (
            _("Who it suits"),
            {
                "description": RULES_HELP,
                "fields": [
                    "earliest_week",
                    ("clearance_after_caesarean", "clearance_after_assisted"),
                    "clearance_for_everyone",
                    "rules_preview",
                ],
            },
        ),
        (
            _("Picture"),
            {
                "fields": [
                    "illustration_static",
                    "drawing_preview",
                    "picture",
                    "illustration_alt",
                ]
            },
        ),
        (_("Publishing"), {"fields": ["status", "published_at", "created_at", "updated_at"]}),
        (_("Review"), {"fields": ["last_reviewed", "next_review_due"]}),
    ]

    class Media:
        js = ["js/admin/drawing-preview.js"]  # the preview follows the choice (no inline JS)

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "illustration_static":
            # A choice among the drawings that exist, read when the form is built.
            return forms.ChoiceField(
                label=db_field.verbose_name.capitalize(),
                choices=drawing_choices,
                required=False,
                help_text=db_field.help_text,
                error_messages={
                    "invalid_choice": _(
                        "“%(value)s” is not one of the app's drawings. Pick one from the list "
                        "(the files in static/img/exercises/), or none."
                    )
                },
            )
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    @admin.display(description=_("drawing"))
    def drawing_preview(self, obj):
        """The saved drawing; drawing-preview.js shows the one picked before saving."""
        urls = {path: static(path) for path in drawings()}
        current = urls.get(obj.illustration_static, "") if obj else ""
        hidden = "" if current else " hidden"
        return format_html(
            '<img id="drawing-preview" src="{}" alt="" width="200" height="120" data-urls="{}"'
            + hidden
            + ">",
            current,
            json.dumps(urls),
        )

    @admin.display(description=_("dose"))
    def dose_text(self, obj):
        return obj.dose_text

    @admin.display(description=_("who it suits"))
    def rules_text(self, obj):
        return " ".join(obj.rules.notes()) or "-"

    @admin.display(description=_("what readers see (saved rules)"))
    def rules_preview(self, obj):
        if obj.pk is None:
            return gettext("Shown after the first save.")
        return rules_list(obj.rules)

    @admin.display(description=_("stop if (every exercise)"))
    def standard_stop_if(self, obj):
        return stop_if_text()

    @admin.display(description=_("timer plan (saved dose)"))
    def plan_preview(self, obj):
        """The saved dose's plan: a form sent back with errors must not preview what was
        refused."""
        saved = Exercise.objects.filter(pk=obj.pk).first() if obj.pk else None
        if saved is None:
            return gettext("Shown after the first save.")
        try:
            return plan_table(saved.plan())
        except DoseError as error:
            return gettext("The dose cannot be played: %(error)s") % {"error": in_words(error)}


class RoutineItemFormSet(BaseInlineFormSet):
    def clean(self):
        super().clean()
        items = [
            RoutineItem(
                **{
                    k: v
                    for k, v in form.cleaned_data.items()
                    if k not in ("id", "DELETE", "routine")
                }
            )
            for form in self.forms
            if form.cleaned_data
            and not form.cleaned_data.get("DELETE")
            and form.cleaned_data.get("exercise")
        ]
        if not items:
            return
        try:
            plan = build_routine_plan(
                [(item.exercise.name, item.dose) for item in items],
                self.instance.rest_between_seconds or 0,
            )
        except DoseError:
            return  # each item's own form already shows what is wrong with its dose
        if plan.total_seconds > MAX_ROUTINE_SECONDS:
            raise ValidationError(
                gettext(
                    "This routine would take %(duration)s; the limit is %(limit)d minutes. "
                    "Remove an exercise or lower the doses."
                )
                % {
                    "duration": describe_duration(plan.total_seconds),
                    "limit": MAX_ROUTINE_SECONDS // 60,
                }
            )


class RoutineItemInline(admin.TabularInline):
    model = RoutineItem
    formset = RoutineItemFormSet
    extra = 0
    autocomplete_fields = ["exercise"]
    fields = [
        "order",
        "exercise",
        "hold_seconds",
        "reps",
        "sets",
        "rest_seconds",
        "duration_minutes",
    ]


@admin.register(Routine)
class RoutineAdmin(PublishableAdmin):
    list_display = ["name", "rules_text", publication, "order"]
    list_filter = [PublicationFilter, ReviewDueFilter]
    search_fields = ["name", "summary", "description"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [RoutineItemInline]
    readonly_fields = ["plan_preview", "rules_preview", "created_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["name", "slug", "summary", "description", "order"]}),
        (
            _("Who it suits"),
            {
                "description": _(
                    "Computed from its published exercises: the strictest of their rules. "
                    "Change an exercise's rules on the exercise."
                ),
                "fields": ["rules_preview"],
            },
        ),
        (
            _("Timing"),
            {
                "description": _("Empty dose fields below use the exercise's own dose."),
                "fields": ["rest_between_seconds", "plan_preview"],
            },
        ),
        (_("Publishing"), {"fields": ["status", "published_at", "created_at", "updated_at"]}),
        (_("Review"), {"fields": ["last_reviewed", "next_review_due"]}),
    ]

    def get_queryset(self, request):
        # Its published exercises, for the rules column: two queries for the whole list.
        return super().get_queryset(request).with_items()

    @admin.display(description=_("who it suits"))
    def rules_text(self, routine):
        return " ".join(routine.rules.notes()) or "-"

    @admin.display(description=_("rules (saved routine)"))
    def rules_preview(self, routine):
        items = list(routine.items.select_related("exercise")) if routine.pk else []
        if not items:
            return gettext("Add exercises and save to see its rules.")
        published = Exercise.objects.published().filter(pk__in={i.exercise_id for i in items})
        public = set(published.values_list("pk", flat=True))
        rows = format_html_join(
            "",
            "<tr><td>{}</td><td>{}</td></tr>",
            (
                (
                    item.exercise.name,
                    rules_list(item.exercise.rules)
                    if item.exercise.pk in public
                    else gettext("Not published: not counted."),
                )
                for item in items
            ),
        )
        return format_html(
            "{}<table><thead><tr><th>{}</th><th>{}</th></tr></thead><tbody>{}</tbody></table>",
            rules_list(routine.rules),
            pgettext("routine rules column", "Exercise"),
            pgettext("routine rules column", "Its rules"),
            rows,
        )

    @admin.display(description=_("timer plan (saved routine)"))
    def plan_preview(self, routine):
        saved = Routine.objects.filter(pk=routine.pk).first() if routine.pk else None
        items = list(saved.items.select_related("exercise")) if saved else []
        if not items:
            return gettext("Add exercises and save to see the plan.")
        try:
            return plan_table(saved.plan(items))
        except DoseError as error:
            return gettext("The routine cannot be played: %(error)s") % {"error": in_words(error)}
