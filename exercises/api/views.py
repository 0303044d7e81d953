from rest_framework import viewsets

from exercises.api.serializers import ExerciseDetailSerializer, ExerciseListSerializer
from exercises.models import Exercise


class ExerciseViewSet(viewsets.ReadOnlyModelViewSet):
    """Published exercises, in library order."""

    lookup_field = "slug"

    def get_queryset(self):
        exercises = Exercise.objects.published()
        if self.action == "retrieve":
            return exercises.for_detail()
        return exercises.for_list()

    def get_serializer_class(self):
        return ExerciseDetailSerializer if self.action == "retrieve" else ExerciseListSerializer
