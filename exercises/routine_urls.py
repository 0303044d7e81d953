from django.urls import path

from exercises import views

app_name = "routines"

urlpatterns = [
    path("", views.RoutineListView.as_view(), name="list"),
    path("today/", views.TodayRoutineView.as_view(), name="today"),
    path("<slug:slug>/", views.RoutineDetailView.as_view(), name="detail"),
    path("<slug:slug>/preview/", views.RoutinePreviewView.as_view(), name="preview"),
]
