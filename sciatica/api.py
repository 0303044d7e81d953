"""The read-only JSON API: one router, mounted at /api/."""

from rest_framework.routers import DefaultRouter

from articles.api.views import ArticleViewSet, TagViewSet
from exercises.api.views import CategoryViewSet, ExerciseViewSet, RoutineViewSet

router = DefaultRouter()
router.register("articles", ArticleViewSet, basename="article")
router.register("tags", TagViewSet, basename="tag")
router.register("exercises", ExerciseViewSet, basename="exercise")
router.register("categories", CategoryViewSet, basename="category")
router.register("routines", RoutineViewSet, basename="routine")
