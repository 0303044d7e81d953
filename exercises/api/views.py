from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import viewsets
from rest_framework.exceptions import NotFound

from core.api import filter_by_slug
from exercises.api.serializers import (
    CategorySerializer,
    ExerciseDetailSerializer,
    ExerciseListSerializer,
    RoutineDetailSerializer,
    RoutineListSerializer,
)
from exercises.models import Category, Exercise, Routine


@extend_schema_view(
    list=extend_schema(
        parameters=[
            OpenApiParameter(
                "category", OpenApiTypes.STR, description="Only exercises in this category (slug)."
            )
        ]
    )
)
class ExerciseViewSet(viewsets.ReadOnlyModelViewSet):
    """Published exercises, in library order."""

    lookup_field = "slug"

    def get_queryset(self):
        exercises = Exercise.objects.published()
        if self.action == "retrieve":
            return exercises.for_detail()
        return filter_by_slug(exercises.for_list(), self.request, "category", Category, "category")

    def get_serializer_class(self):
        return ExerciseDetailSerializer if self.action == "retrieve" else ExerciseListSerializer

    def get_object(self):
        exercise = super().get_object()
        if exercise.playable_plan() is None:  # a dose changed around validation: logged
            raise NotFound("This exercise cannot be played.")
        return exercise


class CategoryViewSet(viewsets.ReadOnlyModelViewSet):
    """Exercise categories that hold at least one published exercise."""

    lookup_field = "slug"
    serializer_class = CategorySerializer

    def get_queryset(self):
        return Category.objects.in_use()


class RoutineViewSet(viewsets.ReadOnlyModelViewSet):
    """Published routines with their exercises; the detail includes the timer plan."""

    lookup_field = "slug"

    def get_queryset(self):
        return Routine.objects.playable().with_items()

    def filter_queryset(self, queryset):
        if self.action == "list":  # as Routine.objects.playable_with_items() does
            return [routine for routine in queryset if routine.public_items]
        return queryset

    def get_object(self):
        routine = super().get_object()
        if not routine.public_items:  # none of its items can be played (each logged)
            raise NotFound("This routine has nothing to play.")
        return routine

    def get_serializer_class(self):
        return RoutineDetailSerializer if self.action == "retrieve" else RoutineListSerializer
