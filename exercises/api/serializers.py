from rest_framework import serializers

from core.api import ReferenceSerializer
from exercises.models import Category, Exercise, ExerciseReference, Routine
from exercises.suitability import MAX_EARLIEST_WEEK


class CategorySerializer(serializers.ModelSerializer):
    class Meta:
        model = Category
        fields = ["name", "slug", "description"]


class ExerciseReferenceSerializer(ReferenceSerializer):
    class Meta(ReferenceSerializer.Meta):
        model = ExerciseReference


class DoseSerializer(serializers.Serializer):
    kind = serializers.CharField(source="dose_kind")
    hold_seconds = serializers.IntegerField(allow_null=True)
    reps = serializers.IntegerField(allow_null=True)
    sets = serializers.IntegerField(allow_null=True)
    rest_seconds = serializers.IntegerField(allow_null=True)
    rest_between_sets_seconds = serializers.IntegerField(allow_null=True)
    each_side = serializers.BooleanField()
    duration_minutes = serializers.IntegerField(allow_null=True)
    quick_squeezes = serializers.IntegerField(
        allow_null=True,
        help_text="After the slow holds, this many quick squeezes (a pelvic floor exercise).",
    )
    text = serializers.CharField(source="dose_text")


class SuitabilitySerializer(serializers.Serializer):
    """When it may be offered (exercises/suitability.py); the app judges it on her phone."""

    earliest_week = serializers.IntegerField(
        min_value=0,
        max_value=MAX_EARLIEST_WEEK,
        help_text="The first week after birth it may be offered (0 = from birth).",
    )
    after_caesarean = serializers.BooleanField(
        help_text="After a caesarean, only once a health professional has cleared her."
    )
    after_assisted = serializers.BooleanField(
        help_text="After an assisted birth (forceps or ventouse), only once cleared."
    )
    everyone = serializers.BooleanField(
        help_text="Whatever the birth, only once a health professional has cleared her."
    )


class ExerciseListSerializer(serializers.ModelSerializer):
    url = serializers.CharField(source="get_absolute_url", read_only=True)
    category = CategorySerializer(read_only=True)
    dose = DoseSerializer(source="*", read_only=True)
    suitability = SuitabilitySerializer(source="rules", read_only=True)

    class Meta:
        model = Exercise
        fields = ["slug", "name", "summary", "url", "category", "difficulty", "dose", "suitability"]


class ExerciseDetailSerializer(ExerciseListSerializer):
    steps = serializers.SlugRelatedField(many=True, read_only=True, slug_field="text")
    stop_if = serializers.CharField(
        source="stop_if_text",
        read_only=True,
        help_text="The whole warning: the standard text every exercise gives, then its own.",
    )
    references = ExerciseReferenceSerializer(many=True, read_only=True)
    plan = serializers.SerializerMethodField()

    class Meta(ExerciseListSerializer.Meta):
        fields = [
            *ExerciseListSerializer.Meta.fields,
            "steps", "why_it_helps", "precautions", "stop_if", "references", "plan",
        ]  # fmt: skip

    def get_plan(self, exercise) -> dict:
        return exercise.plan().as_dict()


class RoutineItemSerializer(serializers.Serializer):
    exercise = serializers.CharField(source="exercise.slug")
    name = serializers.CharField(source="exercise.name")
    dose_text = serializers.CharField()


class RoutineListSerializer(serializers.ModelSerializer):
    url = serializers.CharField(source="get_absolute_url", read_only=True)
    items = RoutineItemSerializer(source="public_items", many=True, read_only=True)
    total_seconds = serializers.SerializerMethodField()
    suitability = SuitabilitySerializer(
        source="rules",
        read_only=True,
        help_text="The strictest rules of its exercises.",
    )

    class Meta:
        model = Routine
        fields = [
            "slug",
            "name",
            "summary",
            "url",
            "rest_between_seconds",
            "items",
            "total_seconds",
            "suitability",
        ]

    def get_total_seconds(self, routine) -> int:
        return routine.plan().total_seconds


class RoutineDetailSerializer(RoutineListSerializer):
    plan = serializers.SerializerMethodField()

    class Meta(RoutineListSerializer.Meta):
        fields = [*RoutineListSerializer.Meta.fields, "description", "plan"]

    def get_plan(self, routine) -> dict:
        return routine.plan().as_dict()
