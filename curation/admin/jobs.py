"""Background jobs in the admin: the list with progress bars, a job's errors, cancel and re-run.

Pages work without JavaScript; ``job-progress.js`` (a static file, so the
Content-Security-Policy's ``script-src 'self'`` allows it) refreshes a
running job's bar from the small JSON view below.
"""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseNotAllowed, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join

from curation.admin.base import RefuseNulFiltersMixin
from curation.models import Job
from curation.services import JobRefused, job_cancel, job_rerun, job_start


def progress_bar(job: Job):
    """An HTML ``<progress>`` with the count beside it, readable without JavaScript."""
    return format_html(
        '<span class="job-progress" data-job-progress="{}"><progress value="{}" max="{}">{} %</progress> '
        '<span class="job-progress-text">{} of {}</span></span>',
        reverse("admin:curation_job_progress", args=[job.pk]) if not job.is_finished else "",
        job.done,
        max(job.total, 1),
        job.percent,
        job.done,
        job.total,
    )


def tally_text(tally: dict) -> str:
    """``{"articles": 1, "stored": 3}`` as "1 article, 3 stored" (the counted nouns end in s; verbs don't)."""
    words = (f"{count} {name.removesuffix('s') if count == 1 else name}" for name, count in sorted(tally.items()))
    return ", ".join(words) or "–"


@admin.register(Job)
class JobAdmin(RefuseNulFiltersMixin, admin.ModelAdmin):
    list_display = ("__str__", "state", "progress", "error_count", "started_by", "created_at", "finished_at")
    list_filter = ("state", "kind")
    # A job is desk work, not a page readers see.
    view_on_site = False
    list_select_related = ("started_by",)
    fields = (
        "kind",
        "state",
        "progress",
        "what_it_did",
        "arguments_shown",
        "started_by",
        "rerun_of",
        "created_at",
        "started_at",
        "finished_at",
        "errors_shown",
    )
    readonly_fields = fields
    change_form_template = "admin/curation/job/change_form.html"

    class Media:
        js = ("curation/job-progress.js",)

    def has_add_permission(self, request):
        return False  # Jobs start from the article list's actions, the commands and the desk.

    def has_delete_permission(self, request, obj=None):
        return False  # The list is the record of what ran.

    def has_change_permission(self, request, obj=None):
        # Nothing on a job is edited by hand; the buttons go through the services.
        return False

    @admin.display(description="progress")
    def progress(self, job):
        return progress_bar(job)

    @admin.display(description="errors")
    def error_count(self, job):
        return len(job.errors)

    @admin.display(description="what it did")
    def what_it_did(self, job):
        return tally_text(job.tally)

    @admin.display(description="arguments")
    def arguments_shown(self, job):
        return format_html_join(", ", "{}: {}", sorted((key, _short(value)) for key, value in job.arguments.items()))

    @admin.display(description="errors by item")
    def errors_shown(self, job):
        if not job.errors:
            return "None"
        return format_html(
            "<ul>{}</ul>",
            format_html_join("", "<li><strong>{}</strong>: {}</li>", ((e["item"], e["error"]) for e in job.errors)),
        )

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("<int:job_id>/progress/", view(self.progress_view), name="curation_job_progress"),
            path("<int:job_id>/cancel/", view(self.cancel_view), name="curation_job_cancel"),
            path("<int:job_id>/rerun/", view(self.rerun_view), name="curation_job_rerun"),
            path("suggest-new/", view(self.suggest_new_view), name="curation_job_suggest_new"),
            *super().get_urls(),
        ]

    def progress_view(self, request, job_id):
        job = get_object_or_404(Job, pk=job_id)
        if not self.has_view_permission(request, job):
            raise PermissionDenied
        return JsonResponse(
            {
                "state": job.state,
                "done": job.done,
                "total": job.total,
                "errors": len(job.errors),
                "finished": job.is_finished,
            }
        )

    def cancel_view(self, request, job_id):
        return self._act(request, job_id, lambda job: job_cancel(job=job), "Job #{} cancelled.")

    def rerun_view(self, request, job_id):
        return self._act(
            request, job_id, lambda job: job_rerun(job=job, user=request.user), "Job #{} started again as job #{}."
        )

    def suggest_new_view(self, request):
        """Suggest statements for every article nothing was suggested or marked in yet (the desk home's button)."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if not request.user.has_perm("curation.add_job"):
            raise PermissionDenied
        try:
            job = job_start(Job.Kind.SUGGEST_STATEMENTS, {"scope": "new"}, request.user)
        except JobRefused as refusal:
            self.message_user(request, str(refusal), messages.ERROR)
            return HttpResponseRedirect(reverse("admin:index"))
        job_started_message(self, request, job)
        return HttpResponseRedirect(reverse("admin:curation_job_change", args=[job.pk]))

    def _act(self, request, job_id, act, message):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if not request.user.has_perm("curation.change_job"):
            raise PermissionDenied
        job = get_object_or_404(Job, pk=job_id)
        try:
            result = act(job)
        except JobRefused as refusal:
            self.message_user(request, str(refusal), messages.ERROR)
            return HttpResponseRedirect(reverse("admin:curation_job_change", args=[job.pk]))
        self.message_user(request, message.format(job.pk, result.pk), messages.SUCCESS)
        return HttpResponseRedirect(reverse("admin:curation_job_change", args=[result.pk]))

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        may_act = request.user.has_perm("curation.change_job")
        context["can_cancel_job"] = bool(obj and may_act and obj.state in (Job.State.QUEUED, Job.State.RUNNING))
        context["can_rerun_job"] = bool(obj and may_act and obj.state in (Job.State.FAILED, Job.State.CANCELLED))
        return super().render_change_form(request, context, add, change, form_url, obj)


def _short(value) -> str:
    text = str(value)
    return text if len(text) <= 80 else f"{text[:77]}…"


def job_started_message(modeladmin, request, job: Job) -> None:
    """Tell the editor a job started (or ran, without a broker), with a link to follow it."""
    url = reverse("admin:curation_job_change", args=[job.pk])
    state = "queued" if job.state == Job.State.QUEUED else job.get_state_display().lower()
    level = messages.WARNING if job.state == Job.State.FAILED else messages.SUCCESS
    done = format_html("{} of {} items", job.done, job.total)
    if job.is_finished and job.tally:
        done = format_html("{}: {}", done, tally_text(job.tally))
    modeladmin.message_user(request, format_html('<a href="{}">{}</a>: {} ({}).', url, job, state, done), level)
