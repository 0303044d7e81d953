from django.urls import path

from exercises import views

app_name = "routines"

urlpatterns = [
    path("", views.RoutineListView.as_view(), name="list"),
    path("<slug:slug>/", views.RoutineDetailView.as_view(), name="detail"),
]
