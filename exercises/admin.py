from django.contrib import admin
from django.db import models
from reversion.admin import VersionAdmin

from exercises.models import Category, Exercise, ExerciseReference, ExerciseStep
from sciatica.admin_actions import publish, send_to_review


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "order"]
    list_editable = ["order"]
    search_fields = ["name", "description"]
    prepopulated_fields = {"slug": ["name"]}


class StepInline(admin.TabularInline):
    model = ExerciseStep
    extra = 0
    fields = ["order", "text"]


class ReferenceInline(admin.TabularInline):
    model = ExerciseReference
    extra = 0
    fields = ["order", "title", "publisher", "url", "accessed"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


@admin.register(Exercise)
class ExerciseAdmin(VersionAdmin):
    list_display = ["name", "category", "dose_text", "status", "published_at"]
    list_filter = ["status", "category", "dose_kind", "difficulty"]
    list_select_related = ["category"]
    search_fields = ["name", "summary", "precautions"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [StepInline, ReferenceInline]
    actions = [send_to_review, publish]
    readonly_fields = ["created_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["name", "slug", "category", "order", "summary", "difficulty"]}),
        (
            "Dose",
            {
                "description": (
                    "Starting dose. A timed hold uses hold, repetitions, sets and rests; "
                    "an activity uses minutes only. Leave the other kind's fields empty."
                ),
                "fields": [
                    "dose_kind",
                    ("hold_seconds", "reps", "sets"),
                    ("rest_seconds", "rest_between_sets_seconds"),
                    "each_side",
                    "duration_minutes",
                ],
            },
        ),
        (
            "Safety",
            {
                "fields": [
                    "why_it_helps",
                    "precautions",
                    "stop_if",
                    "needs_caesarean_clearance",
                    "not_first_six_weeks",
                ]
            },
        ),
        ("Illustration", {"fields": ["illustration_static", "illustration_alt"]}),
        ("Publishing", {"fields": ["status", "published_at", "created_at", "updated_at"]}),
    ]

    @admin.display(description="dose")
    def dose_text(self, obj):
        return obj.dose_text
