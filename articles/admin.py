from django.contrib import admin

from articles.models import Article, ArticleReference, Tag
from sciatica.admin_actions import publish, send_to_review


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


class ReferenceInline(admin.TabularInline):
    model = ArticleReference
    extra = 0
    fields = ["order", "title", "publisher", "url", "accessed"]


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["title", "status", "published_at", "last_reviewed", "next_review_due"]
    list_filter = ["status", "tags"]
    search_fields = ["title", "summary", "body"]
    prepopulated_fields = {"slug": ["title"]}
    filter_horizontal = ["tags"]
    date_hierarchy = "published_at"
    inlines = [ReferenceInline]
    actions = [send_to_review, publish]
    readonly_fields = ["created_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "summary", "body", "tags", "order"]}),
        ("Publishing", {"fields": ["status", "published_at", "created_at", "updated_at"]}),
        ("Review", {"fields": ["last_reviewed", "next_review_due"]}),
    ]
