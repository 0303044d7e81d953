import math

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, Count, Exists, OuterRef, Subquery, Value, When
from django.urls import reverse
from django.utils.safestring import SafeString
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from articles.rendering import (
    SNIPPETS,
    expand_snippets,
    plain_text,
    render_markdown,
    unknown_snippets,
)
from core.content_version import ContentQuerySet
from core.publishing import Publishable, PublishableQuerySet, ReferenceBase
from core.reviewing import Reviewable, ReviewableQuerySet
from core.search import Searchable, ranked

WORDS_PER_MINUTE = 200
# The order a reader should meet the articles in: the editors' `order`, then newest first.
READING_ORDER = ("order", "-published_at", "-pk")


class TagQuerySet(ContentQuerySet):
    def in_use(self):
        """Tags on at least one published article: the only ones readers see."""
        return self.filter(Exists(Article.objects.published().filter(tags=OuterRef("pk"))))

    def with_published_count(self):
        """`in_use()`, each annotated with `published_count`, its number of published articles."""
        counts = (
            Article.objects.published()
            .filter(tags=OuterRef("pk"))
            .order_by()
            .values("tags")
            .annotate(count=Count("pk"))
            .values("count")
        )
        return self.in_use().annotate(published_count=Subquery(counts))


class Tag(models.Model):
    name = models.CharField(max_length=60, unique=True)
    slug = models.SlugField(max_length=60, unique=True)

    objects = TagQuerySet.as_manager()

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("articles:tag", kwargs={"slug": self.slug})


class Contributor(models.Model):
    """A person who writes or clinically reviews articles."""

    name = models.CharField(max_length=120)
    slug = models.SlugField(max_length=120, unique=True)
    credentials = models.CharField(
        max_length=200,
        blank=True,
        help_text=_("e.g. Chartered physiotherapist (MCSP), HCPC registered."),
    )
    bio = models.TextField(_("short bio"), blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="contributor",
        help_text=_(
            "The person's account for the editors' site, if she has one. When a clinical "
            "reviewer signs a page off, she is named as its reviewer. Never shown to readers."
        ),
    )

    objects = ContentQuerySet.as_manager()

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return f"{self.name}, {self.credentials}" if self.credentials else self.name


class ArticleQuerySet(PublishableQuerySet, ReviewableQuerySet):
    def for_list(self):
        return self.prefetch_related("tags")

    def for_detail(self):
        return self.select_related("author", "reviewer").prefetch_related("tags", "references")

    def in_reading_order(self):
        """The order a reader should meet them in: the editors' `order` (lower first), then
        newest first. The article list, the tag pages and the home page use it."""
        return self.order_by(*READING_ORDER)

    def start_here(self, help_slug: str, limit: int = 6) -> list:
        """The home page's "Start here": the first `limit` in reading order, always with the
        "When to get help" article (`help_slug`) among them, in its place (one query, plus
        the prefetch of their tags)."""
        first = self.annotate(
            not_help=Case(When(slug=help_slug, then=Value(0)), default=Value(1))
        ).order_by("not_help", *READING_ORDER)[:limit]
        return sorted(first, key=lambda a: (a.order, -a.published_at.timestamp(), -a.pk))

    def awaiting_clinical_review(self):
        return self.filter(reviewer__isnull=True)

    def search(self, query):
        """Matches for `query` (text or a parsed Query), best first; see core.search.
        The body searched is the one readers see, shared blocks ([[red-flags]]) filled in."""
        return ranked(self, query)


class Article(Publishable, Reviewable, Searchable):
    title = models.CharField(max_length=120)
    slug = models.SlugField(
        _("web address"),
        max_length=120,
        unique=True,
        help_text=_(
            "The end of the page's address, after /articles/: lowercase words and hyphens."
        ),
    )
    summary = models.CharField(
        max_length=160,
        help_text=_("One sentence shown in lists and to search engines (at most 160 characters)."),
    )
    body = models.TextField(
        help_text=_(
            "Markdown. Use '## ' for section headings (they make the contents list). "
            'Care cards: a line "!!! emergency "Title"" (or urgent, info) then indented text. '
            "Safety cards kept in one place for the whole site: a line [[red-flags]] (when to "
            "call 999) or [[see-a-gp]] (when to see a GP soon) on its own; [[emergency-signs]] "
            "and [[urgent-signs]] (every warning sign, with who to call) start the When to get "
            "help page, which shows the cards its body starts with before its title."
        )
    )
    body_html = models.TextField(editable=False, blank=True)
    toc = models.JSONField(_("table of contents"), default=list, editable=False, blank=True)
    word_count = models.PositiveIntegerField(default=0, editable=False)
    tags = models.ManyToManyField(Tag, blank=True, related_name="articles")
    order = models.PositiveSmallIntegerField(
        default=0,
        help_text=_(
            "Reading order: lower numbers come first in the articles list, on tag pages and "
            'in the home page\'s "Start here".'
        ),
    )
    author = models.ForeignKey(
        Contributor, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewer = models.ForeignKey(
        Contributor,
        verbose_name=_("clinical reviewer"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "The clinician who checked this page. Leave empty until it has been checked: "
            "readers are then told it has not yet been clinically reviewed."
        ),
    )
    related = models.ManyToManyField(
        "self",
        symmetrical=False,
        blank=True,
        verbose_name=_("related articles"),
        help_text=_("Shown at the end of the article. If empty, articles sharing a tag are shown."),
    )
    objects = ArticleQuerySet.as_manager()
    url_namespace = "articles"
    # Where the search text comes from (core.search, rule 3).
    SEARCHED_FIELDS = ("title", "summary", "body")

    class Meta:
        ordering = ["-published_at", "-pk"]
        # Held by the "Clinical reviewers" group (migration 0009): only they can set the
        # clinical reviewer and the review date (ArticleAdmin.get_readonly_fields).
        permissions = [("sign_off_article", _("Can mark content clinically reviewed"))]
        indexes = [
            # published() filters on status and published_at; lists order by published_at.
            models.Index(fields=["status", "published_at"], name="article_status_pub_idx"),
        ]

    def __str__(self):
        return self.title

    def related_articles(self, limit=3):
        """The editor's choice of related articles, else published ones sharing a tag."""
        chosen = list(self.related.published().for_list()[:limit])
        if chosen:
            return chosen
        return list(
            Article.objects.published()
            .for_list()
            .filter(tags__in=self.tags.all())
            .exclude(pk=self.pk)
            .distinct()[:limit]
        )

    def clean(self):
        super().clean()
        errors = self.review_date_errors()
        unknown = unknown_snippets(self.body)
        if unknown:
            errors["body"] = gettext(
                "Unknown shared block %(unknown)s: the ones you can use are %(known)s."
            ) % {
                "unknown": ", ".join(f"[[{name}]]" for name in unknown),
                "known": ", ".join(f"[[{name}]]" for name in SNIPPETS),
            }
        if errors:
            raise ValidationError(errors)

    def searched_text(self):
        return self.title, self.summary, [plain_text(self.display_html)]

    def save(self, *args, **kwargs):
        self.render_body()
        super().save(*args, **kwargs)

    def render_body(self):
        """The body's HTML, contents and word count from its Markdown (on save, and for a
        preview of changes that are not saved)."""
        rendered = render_markdown(self.body)
        self.body_html = rendered.html
        self.toc = rendered.toc
        self.word_count = rendered.words

    @property
    def display_html(self) -> SafeString:
        """The body as readers see it: shared blocks such as [[red-flags]] filled in."""
        return expand_snippets(self.body_html)

    @property
    def reading_minutes(self) -> int:
        return max(1, math.ceil(self.word_count / WORDS_PER_MINUTE))


class ArticleReference(ReferenceBase):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="references")

    class Meta(ReferenceBase.Meta):
        verbose_name = _("reference")
