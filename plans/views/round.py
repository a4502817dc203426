"""The monthly round: the coordinators' review queue and round page (who has not reported, send
reminders now), and comments on an action (and replies to a challenge) by anyone who reads it."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect
from django.utils import timezone
from django.views.generic import TemplateView

from plans.forms.round import CommentForm, ReminderForm, ReviewForm
from plans.models import ProgressUpdate, UpdateReview
from plans.selectors import progress as selectors
from plans.selectors import round as selectors_round
from plans.services.progress import action_comment_add, update_review
from plans.services.reminders import update_reminders_send
from plans.views.coordination import CoordinatorsOnlyMixin, PlanObjectMixin
from plans.views.progress import ActionMixin

REVIEW_PAGE_SIZE = 25


class RoundMixin(PlanObjectMixin, CoordinatorsOnlyMixin):
    refusal = "Only the plan's coordinators run its monthly round."
    extra_context = {"nav_section": "plans"}

    def get_period(self):
        if not hasattr(self, "_period"):
            self._period = selectors.current_period(self.get_plan())
        return self._period


class ReviewQueueView(RoundMixin, TemplateView):
    """Every update of the open period, newest first, with the previous RAG: accept or challenge."""

    template_name = "plans/round/review.html"

    def get_context_data(self, **kwargs):
        plan, period = self.get_plan(), self.get_period()
        unreviewed = self.request.GET.get("show") == "unreviewed"
        queue = selectors_round.review_queue(plan=plan, period=period, unreviewed=unreviewed) if period else []
        page = Paginator(queue, REVIEW_PAGE_SIZE).get_page(self.request.GET.get("page"))
        query = self.request.GET.copy()
        query.pop("page", None)
        updates = list(page.object_list)
        for update, following in zip(updates, updates[1:] + [None]):
            update.next_pk = following.pk if following else ""  # where Accept leads: the next on the page
        return super().get_context_data(
            plan=plan,
            period=period,
            updates=updates,
            page=page,
            unreviewed=unreviewed,
            filter_query=query.urlencode(),
            counts=selectors_round.review_counts(plan=plan, period=period) if period else None,
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        plan = self.get_plan()
        self.get_period()
        form = ReviewForm(request.POST)
        update = None
        if form.is_valid():
            update = (
                ProgressUpdate.objects.select_related("action__theme__plan", "period")
                .filter(pk=form.cleaned_data["update"], action__theme__plan=plan)
                .first()
            )
            if update is None:
                form.add_error(None, "That update is not one of this plan's: reload the page and try again")
            else:
                try:
                    update_review(
                        update=update,
                        reviewer=request.user,
                        decision=form.cleaned_data["decision"],
                        comment=form.cleaned_data["comment"],
                    )
                except ValidationError as error:
                    form.add_error(None, error)
        if form.errors:
            return self.render_to_response(self.get_context_data(form=form, failed=form.data.get("update")))
        verb = "accepted" if form.cleaned_data["decision"] == "accepted" else "challenged"
        messages.success(request, f"Update on action {update.action.ref_with_theme} {verb}.")
        back = request.get_full_path()
        following = request.POST.get("next", "")
        # Challenged: back to it (its comment is shown). Accepted: on to the next update of the page,
        # so a long list is worked through without scrolling down again each time.
        anchor = following if verb == "accepted" and following.isdigit() else update.pk
        return redirect(f"{back}#update-{anchor}")


class RoundView(RoundMixin, TemplateView):
    """Who has not reported this period, by owner role and by person; send reminders now."""

    template_name = "plans/round/status.html"

    def get_context_data(self, **kwargs):
        plan, period = self.get_plan(), self.get_period()
        status = selectors_round.round_status(plan=plan, period=period, today=timezone.localdate()) if period else None
        kwargs.setdefault("form", ReminderForm(chasers=status.by_person if status else ()))
        return super().get_context_data(plan=plan, period=period, status=status, **kwargs)

    def post(self, request, *args, **kwargs):
        plan, period = self.get_plan(), self.get_period()
        if period is None:
            messages.error(request, "This plan has no open reporting period: there is nobody to remind.")
            return redirect(request.path)
        status = selectors_round.round_status(plan=plan, period=period, today=timezone.localdate())
        form = ReminderForm(request.POST, chasers=status.by_person)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        users = None
        if not form.cleaned_data["everyone"]:
            users = list(get_user_model().objects.filter(pk__in=form.cleaned_data["people"]))
        result = update_reminders_send(plan=plan, users=users, sent_by=request.user)
        if result.sent:
            names = ", ".join(user.get_full_name() or user.get_username() for user, _plan, _n in result.sent)
            messages.success(
                request,
                f"Reminder sent to {len(result.sent)} {'person' if len(result.sent) == 1 else 'people'}: {names}.",
            )
        for user, why in result.skipped_users:
            messages.warning(request, f"No reminder sent to {user.get_full_name() or user.get_username()}: {why}.")
        if not result.sent and not result.skipped_users:
            messages.warning(request, "Nobody needed a reminder: every action has its update.")
        return redirect(request.path)


class ActionCommentView(ActionMixin, TemplateView):
    """Comment on an action, or reply to a challenge of one of its updates."""

    template_name = "plans/action/comment.html"
    extra_context = {"nav_section": "plans"}

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.get_action()  # 404, or 403 for who may not read the plan
        return super().dispatch(request, *args, **kwargs)

    def get_review(self, value):
        if not value:
            return None
        return (
            UpdateReview.objects.select_related("update", "reviewer")
            .filter(pk=value, update__action=self.get_action(), decision="challenged")
            .first()
        )

    def get_context_data(self, **kwargs):
        action = self.get_action()
        review = self.get_review(
            self.request.GET.get("review") or (kwargs.get("form").data.get("review") if kwargs.get("form") else "")
        )
        kwargs.setdefault("form", CommentForm(initial={"review": review.pk if review else None}))
        return super().get_context_data(action=action, plan=action.theme.plan, review=review, **kwargs)

    def post(self, request, *args, **kwargs):
        action = self.get_action()
        form = CommentForm(request.POST)
        if form.is_valid():
            review = self.get_review(form.cleaned_data["review"])
            if form.cleaned_data["review"] and review is None:
                form.add_error(None, "That challenge is not about this action: reload the page and try again")
            else:
                try:
                    action_comment_add(
                        action=action, author=request.user, text=form.cleaned_data["text"], review=review
                    )
                except ValidationError as error:
                    form.add_error(None, error)
                except PermissionDenied:
                    raise
        if form.errors:
            return self.render_to_response(self.get_context_data(form=form))
        messages.success(request, "Reply added." if form.cleaned_data["review"] else "Comment added.")
        return redirect(f"{action.get_absolute_url()}#comments")
