from django.urls import path

from exercises import views

app_name = "exercises"

urlpatterns = [
    path("", views.ExerciseListView.as_view(), name="list"),
    path("category/<slug:slug>/", views.CategoryDetailView.as_view(), name="category"),
    path("<slug:slug>/", views.ExerciseDetailView.as_view(), name="detail"),
    path("<slug:slug>/preview/", views.ExercisePreviewView.as_view(), name="preview"),
]
