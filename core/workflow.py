"""The change form's workflow buttons and changes waiting to go live.

Save draft, Send for review, Publish now and Schedule set a page's status; on a page readers
can see, Save draft and Send for review keep the submitted form as a `PendingChange` instead
(validated like a save, nothing written to the page) and Publish now applies it through the
admin's normal save. The admin (core.admin.PublishableAdmin) drives this; the staff previews
show a pending change with `apply_pending_change`.
"""

from dataclasses import dataclass

from django import forms
from django.contrib import admin
from django.contrib.admin.utils import flatten_fieldsets
from django.contrib.admin.views.decorators import staff_member_required
from django.utils import formats, timezone
from django.utils.decorators import method_decorator
from django.utils.translation import gettext
from django.views.decorators.cache import never_cache

from core.models import PendingChange
from core.publishing import Status

SAVE_DRAFT, SEND_REVIEW, PUBLISH, SCHEDULE, DISCARD = (
    "_save_draft", "_send_review", "_publish", "_schedule", "_discard",
)  # fmt: skip
BUTTONS = (SAVE_DRAFT, SEND_REVIEW, PUBLISH, SCHEDULE)
# Not kept in a pending change: the CSRF token and which button was pressed.
NOT_KEPT = {"csrfmiddlewaretoken", DISCARD, "_save", "_continue", "_addanother", *BUTTONS}


@dataclass
class Workflow:
    """What this request to the change form does (kept on the request while it runs)."""

    button: str | None  # one of BUTTONS, or None for the plain save (e.g. a revert)
    live: bool  # readers can see the page now
    pending: PendingChange | None  # the change waiting for this page, if any

    @property
    def keeps_live_version(self) -> bool:
        """Save draft or Send for review on a live page: store the change, apply nothing."""
        return self.live and self.button in (SAVE_DRAFT, SEND_REVIEW)

    @property
    def target_status(self) -> str | None:
        if self.keeps_live_version:
            return Status.PUBLISHED
        return {
            SAVE_DRAFT: Status.DRAFT,
            SEND_REVIEW: Status.REVIEW,
            PUBLISH: Status.PUBLISHED,
            SCHEDULE: Status.PUBLISHED,
        }.get(self.button)


def pressed(request) -> str | None:
    return next((name for name in BUTTONS if name in request.POST), None)


def kept_data(post) -> dict:
    """The submitted form as stored in a pending change: {name: [values]}."""
    return {name: post.getlist(name) for name in post if name not in NOT_KEPT}


def workflow_form(form_class, workflow: Workflow | None, pending_data=None):
    """The admin's form class, with the status set by the button pressed (the status field is
    hidden: the buttons set it) and, on an unsent form, the pending change filled in."""

    class WorkflowForm(form_class):
        def __init__(self, *args, **kwargs):
            if pending_data is not None and not args and "data" not in kwargs:
                kwargs["data"] = pending_data
            super().__init__(*args, **kwargs)
            if "status" in self.fields:
                self.fields["status"].widget = forms.HiddenInput()

        def clean(self):
            target = workflow.target_status if workflow else None
            if target is not None and "status" in self.fields:
                self.cleaned_data["status"] = target
            cleaned = super().clean()
            if workflow is None or workflow.keeps_live_version:
                return cleaned
            when = cleaned.get("published_at")
            now = timezone.now()
            if workflow.button == PUBLISH and (when is None or when > now):
                cleaned["published_at"] = now  # now means now; a first date is kept
            elif workflow.button == SCHEDULE:
                self._check_schedule(when, now)
            return cleaned

        def _check_schedule(self, when, now):
            if "published_at" not in self.fields:
                return
            if workflow.live:
                self.add_error(
                    None,
                    gettext(
                        "This page is already on the site. To change it, save a draft and "
                        "publish it; to take it off the site, use Unpublish."
                    ),
                )
            elif when is None:
                self.add_error(
                    "published_at",
                    gettext("Fill in “Publish from” with the date and time to publish at."),
                )
            elif when <= now:
                self.add_error(
                    "published_at",
                    gettext("%(when)s is in the past: choose a time to come, or use Publish now.")
                    % {"when": formats.date_format(timezone.localtime(when), "DATETIME_FORMAT")},
                )

    WorkflowForm.__name__ = form_class.__name__
    return WorkflowForm


def is_stale(pending: PendingChange, obj) -> bool:
    """The live page changed after the pending change was made."""
    stored = obj.updated_at.isoformat() if obj.updated_at else ""
    return pending.base_token != stored


def apply_pending_change(request, obj) -> PendingChange | None:
    """Apply `obj`'s pending change to `obj` in memory (never saved), for a staff preview:
    its own fields, through the admin's form. Inline rows (steps, references, a routine's
    exercises) and many-to-many choices show as saved."""
    pending = PendingChange.objects.for_object(obj).first()
    if pending is None:
        return None
    model_admin = admin.site.get_model_admin(type(obj))
    fields = flatten_fieldsets(model_admin.get_fieldsets(request, obj))
    form_class = model_admin.get_form(request, obj, change=True, fields=fields)
    form = form_class(data=pending.as_querydict(), instance=obj)
    form.is_valid()  # fills `obj` with every field that is valid; a stale token is no matter
    return pending


@method_decorator(staff_member_required, name="dispatch")
@method_decorator(never_cache, name="dispatch")
class StaffPreviewMixin:
    """For a page's staff preview (before its public DetailView in the bases): staff only,
    never cached, never indexed, marked as a preview with its unpublished changes (the view's
    get_object sets `self.pending` with apply_pending_change)."""

    pending = None

    def dispatch(self, request, *args, **kwargs):
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(preview=True, pending=self.pending, **kwargs)

    def render_to_response(self, context, **kwargs):
        response = super().render_to_response(context, **kwargs)
        response["X-Robots-Tag"] = "noindex, nofollow"
        return response
