from django.urls import path

from articles import views

app_name = "articles"

urlpatterns = [
    path("", views.ArticleListView.as_view(), name="list"),
    path("tag/<slug:slug>/", views.TagArticleListView.as_view(), name="tag"),
    path("<slug:slug>/", views.ArticleDetailView.as_view(), name="detail"),
    path("<slug:slug>/preview/", views.ArticlePreviewView.as_view(), name="preview"),
]
