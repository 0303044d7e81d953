from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import viewsets

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

    def get_serializer_class(self):
        return RoutineDetailSerializer if self.action == "retrieve" else RoutineListSerializer
