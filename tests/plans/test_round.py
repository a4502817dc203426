"""The monthly round: save and next, no change since last month, the coordinators' review queue,
challenges and replies, comments, the round page and reminders sent from it."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from improvement import audit
from plans.models import ActionComment, ProgressUpdate, Rag, ReminderLog, UpdateReview
from plans.selectors import reporting as selectors_reporting
from plans.selectors import round as selectors_round
from plans.services.reminders import update_reminders_send
from tests.factories import ActionFactory, OwnerFactory, ProgressUpdateFactory, UserFactory

pytestmark = pytest.mark.django_db


def _update(**overrides):
    data = {"progress_rag": "A", "impact_rag": "G", "note": "Recruitment delayed", "evidence_links": ""}
    data.update(overrides)
    return data


def _earlier(action, author, rag=Rag.GREEN, days=40):
    return ProgressUpdateFactory(
        action=action,
        author=author,
        progress_rag=rag,
        impact_rag=Rag.AMBER,
        created_at=timezone.now() - datetime.timedelta(days=days),
        period=None,
    )


# -- 1. save and next, no change ----------------------------------------------------------------


def test_save_goes_to_the_owners_next_action_needing_an_update_with_how_many_are_done(client, world):
    second = ActionFactory(theme=world.theme, ref="1.3", owners=[world.owner_role], position=5)
    third = ActionFactory(theme=world.theme, ref="1.4", owners=[world.owner_role], position=6)
    ProgressUpdateFactory(action=third, period=world.period, author=world.owner)
    client.force_login(world.owner)

    response = client.post(reverse("plans:progress_update_create", args=[world.action.pk]), _update(), follow=True)

    assert response.redirect_chain[-1][0] == reverse("plans:progress_update_create", args=[second.pk])
    content = response.content.decode()
    assert "2 of 3 of your actions updated this month" in content
    assert "Next: action 1.3 (theme\u00a01)" in content


def test_no_change_is_a_new_dated_authored_update_copying_the_rags(client, world):
    earlier = _earlier(world.action, world.coordinator, rag=Rag.RED)
    client.force_login(world.owner)

    response = client.post(
        reverse("plans:progress_update_create", args=[world.action.pk]),
        {"no_change": "1", "no_change-note": "Waiting for the March audit"},
    )

    assert response.status_code == 302
    update = ProgressUpdate.objects.exclude(pk=earlier.pk).get()
    assert (update.progress_rag, update.impact_rag, update.note) == (Rag.RED, Rag.AMBER, "Waiting for the March audit")
    assert (update.author, update.period, update.no_change) == (world.owner, world.period, True)
    assert ProgressUpdate.objects.get(pk=earlier.pk).note == earlier.note  # the earlier update is untouched
    assert "No change since last month" in client.get(world.action.get_absolute_url()).content.decode()


@pytest.mark.parametrize(
    "earlier, note, message",
    [
        (True, "", "Enter a short note saying why nothing has changed"),
        (True, "   ", "Enter a short note saying why nothing has changed"),
        (False, "Nothing new", "This action has no earlier update to repeat"),
    ],
)
def test_no_change_refused_clearly_without_a_note_or_an_earlier_update(client, world, earlier, note, message):
    if earlier:
        _earlier(world.action, world.coordinator)
    before = ProgressUpdate.objects.count()
    client.force_login(world.owner)
    response = client.post(
        reverse("plans:progress_update_create", args=[world.action.pk]), {"no_change": "1", "no_change-note": note}
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert "govuk-error-summary" in content and message in content and "<title>Error:" in content
    assert ProgressUpdate.objects.count() == before


# -- 2. review queue ------------------------------------------------------------------------------


def test_review_queue_lists_the_periods_updates_newest_first_with_the_previous_rag(
    client, world, django_assert_max_num_queries
):
    _earlier(world.action, world.owner, rag=Rag.GREEN)
    old = ProgressUpdateFactory(
        action=world.other_action,
        period=world.period,
        author=world.coordinator,
        note="Older update",
        created_at=timezone.now() - datetime.timedelta(hours=2),
    )
    new = ProgressUpdateFactory(
        action=world.action, period=world.period, author=world.owner, progress_rag=Rag.RED, note="Newer update"
    )
    for i in range(5):
        ProgressUpdateFactory(
            action=ActionFactory(theme=world.theme, ref=f"9.{i}"),
            period=world.period,
            author=world.coordinator,
            created_at=timezone.now() - datetime.timedelta(days=1),
        )
    client.force_login(world.coordinator)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("plans:review_queue", args=[world.plan.pk]))
    content = response.content.decode()
    assert content.index("Newer update") < content.index("Older update")
    queue = list(selectors_round.review_queue(plan=world.plan, period=world.period))
    row = next(u for u in queue if u.pk == new.pk)
    assert row.previous_progress_rag == Rag.GREEN
    assert next(u for u in queue if u.pk == old.pk).previous_progress_rag is None
    assert "7 updates this period" in content


def test_review_counts_follow_each_updates_latest_review_and_count_only_the_periods_updates(world):
    from plans.models import ReportingPeriod

    earlier = ReportingPeriod.objects.create(plan=world.plan, month=datetime.date(2020, 1, 1), closed=True)
    now = timezone.now()

    def review(update, decision, minutes, **kwargs):
        return UpdateReview.objects.create(
            update=update,
            reviewer=world.coordinator,
            decision=decision,
            created_at=now - datetime.timedelta(minutes=minutes),
            **kwargs,
        )

    changed_mind = ProgressUpdateFactory(action=world.action, period=world.period, author=world.owner)
    review(changed_mind, "challenged", 30)
    review(changed_mind, "accepted", 10)  # the later review is the update's state
    tied = ProgressUpdateFactory(action=world.other_action, period=world.period, author=world.owner)
    review(tied, "accepted", 5)
    review(tied, "challenged", 5)  # the same moment: the later written wins
    ProgressUpdateFactory(action=world.other_action, period=world.period, author=world.owner)  # not reviewed
    old = ProgressUpdateFactory(action=world.action, period=earlier, author=world.owner)
    review(old, "challenged", 60)  # another period's: not counted
    ProgressUpdateFactory(action=world.foreign_action, period=world.foreign_action.theme.plan.periods.get())

    counts = selectors_round.review_counts(plan=world.plan, period=world.period)
    assert counts == selectors_round.ReviewCounts(accepted=1, challenged=1, unreviewed=1)


def test_coordinator_accepts_and_challenges_and_the_counts_follow(client, world):
    accepted = ProgressUpdateFactory(action=world.other_action, period=world.period, author=world.coordinator)
    challenged = ProgressUpdateFactory(action=world.action, period=world.period, author=world.owner)
    url = reverse("plans:review_queue", args=[world.plan.pk])
    client.force_login(world.coordinator)

    client.post(url, {"update": accepted.pk, "decision": "accepted"})
    client.post(
        url, {"update": challenged.pk, "decision": "challenged", "comment": "Green, but the audit says otherwise"}
    )

    assert selectors_round.review_counts(plan=world.plan, period=world.period) == selectors_round.ReviewCounts(
        accepted=1, challenged=1, unreviewed=0
    )
    review = UpdateReview.objects.get(update=challenged)
    assert (review.reviewer, review.comment) == (world.coordinator, "Green, but the audit says otherwise")
    dashboard = selectors_reporting.board_dashboard(plan=world.plan, period=world.period)
    assert (dashboard.reviews.accepted, dashboard.reviews.challenged, dashboard.reviews.unreviewed) == (1, 1, 0)
    # In the audit trail.
    assert UpdateReview.history.filter(id=review.pk, history_user=world.coordinator).exists()
    assert "plans.updatereview" in audit.audited_models()


def test_accepting_leads_on_to_the_next_update_of_the_page(client, world):
    older = ProgressUpdateFactory(action=world.other_action, period=world.period, author=world.coordinator)
    newer = ProgressUpdateFactory(action=world.action, period=world.period, author=world.owner)
    url = reverse("plans:review_queue", args=[world.plan.pk])
    client.force_login(world.coordinator)
    page = client.get(url).content.decode()
    # Newest first: the newer update's form carries where Accept leads, the last one's carries nothing.
    assert f'name="update" value="{newer.pk}">\n      <input type="hidden" name="next" value="{older.pk}">' in page
    response = client.post(url, {"update": newer.pk, "decision": "accepted", "next": str(older.pk)})
    assert response["Location"] == f"{url}#update-{older.pk}"
    response = client.post(url, {"update": older.pk, "decision": "accepted", "next": ""})
    assert response["Location"] == f"{url}#update-{older.pk}"


def test_a_challenge_without_a_comment_is_refused_clearly(client, world):
    update = ProgressUpdateFactory(action=world.action, period=world.period, author=world.owner)
    client.force_login(world.coordinator)
    response = client.post(
        reverse("plans:review_queue", args=[world.plan.pk]),
        {"update": update.pk, "decision": "challenged", "comment": " "},
    )
    content = response.content.decode()
    assert response.status_code == 200 and "<title>Error:" in content
    assert "Say why you challenge the update" in content
    assert f'href="#comment-{update.pk}"' in content and f'id="comment-{update.pk}"' in content
    assert not UpdateReview.objects.exists()


def test_another_plans_update_cannot_be_reviewed(client, world):
    foreign = ProgressUpdateFactory(action=world.foreign_action, author=world.outsider_coordinator)
    client.force_login(world.coordinator)
    response = client.post(
        reverse("plans:review_queue", args=[world.plan.pk]), {"update": foreign.pk, "decision": "accepted"}
    )
    assert response.status_code == 200 and "reload the page" in response.content.decode()
    assert not UpdateReview.objects.exists()


def test_owner_sees_the_challenge_and_answers_with_a_reply(client, world):
    update = ProgressUpdateFactory(action=world.action, period=world.period, author=world.owner)
    review = UpdateReview.objects.create(
        update=update,
        reviewer=world.coordinator,
        decision="challenged",
        comment="Green, but the audit says otherwise",
        created_at=timezone.now(),
    )
    client.force_login(world.owner)
    my_actions = client.get(reverse("plans:my_actions")).content.decode()
    assert "Challenged updates" in my_actions and "Green, but the audit says otherwise" in my_actions
    action_page = client.get(world.action.get_absolute_url()).content.decode()
    assert "Update challenged" in action_page and f"?review={review.pk}" in action_page

    response = client.post(
        reverse("plans:action_comment", args=[world.action.pk]),
        {"text": "The audit sampled last year's cases.", "review": review.pk},
    )

    assert response.status_code == 302
    reply = ActionComment.objects.get()
    assert (reply.review, reply.author) == (review, world.owner)
    assert "Challenged updates" not in client.get(reverse("plans:my_actions")).content.decode()
    page = client.get(world.action.get_absolute_url()).content.decode()
    assert "The audit sampled last year" in page and "reply by" in page
    assert "Update challenged" not in page


def test_a_new_update_answers_the_challenge(client, world):
    update = ProgressUpdateFactory(
        action=world.action,
        period=world.period,
        author=world.owner,
        created_at=timezone.now() - datetime.timedelta(hours=1),
    )
    UpdateReview.objects.create(
        update=update,
        reviewer=world.coordinator,
        decision="challenged",
        comment="Not Green",
        created_at=timezone.now() - datetime.timedelta(minutes=30),
    )
    assert selectors_round.open_challenges(actions=[world.action])
    client.force_login(world.owner)
    assert "Update challenged" in client.get(world.action.get_absolute_url()).content.decode()
    ProgressUpdateFactory(action=world.action, period=world.period, author=world.owner, progress_rag=Rag.AMBER)
    assert not selectors_round.open_challenges(actions=[world.action])
    assert "Update challenged" not in client.get(world.action.get_absolute_url()).content.decode()


def test_a_closed_periods_updates_cannot_be_reviewed(world):
    from django.core.exceptions import ValidationError

    from plans.services.progress import update_review

    world.period.closed = True
    world.period.save()
    update = ProgressUpdateFactory(action=world.action, period=world.period, author=world.owner)
    with pytest.raises(ValidationError):
        update_review(update=update, reviewer=world.coordinator, decision="accepted")


# -- 4. comments ----------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ["owner", "coordinator", "board"])
def test_anyone_who_reads_the_action_comments_and_no_rag_changes(client, world, role):
    _earlier(world.action, world.owner, rag=Rag.GREEN)
    client.force_login(world.user(role))
    response = client.post(reverse("plans:action_comment", args=[world.action.pk]), {"text": f"A word from {role}"})
    assert response.status_code == 302
    assert ActionComment.objects.get().author == world.user(role)
    assert ProgressUpdate.objects.count() == 1
    page = client.get(world.action.get_absolute_url())
    assert f"A word from {role}" in page.content.decode()
    assert page.context["action"].current_progress_rag == Rag.GREEN
    assert ActionComment.history.filter(history_user=world.user(role)).exists()


def test_an_empty_comment_is_refused_clearly(client, world):
    client.force_login(world.board)
    response = client.post(reverse("plans:action_comment", args=[world.action.pk]), {"text": "  "})
    assert response.status_code == 200
    assert "Enter your comment" in response.content.decode() and "<title>Error:" in response.content.decode()
    assert not ActionComment.objects.exists()


def test_action_page_with_thread_keeps_its_query_count(client, world, django_assert_max_num_queries):
    for i in range(5):
        update = ProgressUpdateFactory(action=world.action, author=world.owner)
        UpdateReview.objects.create(
            update=update, reviewer=world.coordinator, decision="accepted", created_at=timezone.now()
        )
        ActionComment.objects.create(action=world.action, author=world.board, text=f"c{i}", created_at=timezone.now())
    client.force_login(world.owner)
    with django_assert_max_num_queries(25):
        assert client.get(world.action.get_absolute_url()).status_code == 200


# -- 3. chase -------------------------------------------------------------------------------------


def test_round_page_shows_who_has_not_reported_by_role_and_person(client, world, django_assert_max_num_queries):
    other_holder = UserFactory(username="probation", first_name="Pat", last_name="Probation", email="p@example.org")
    world.other_role.holders.add(other_holder)
    for i in range(5):
        ActionFactory(theme=world.theme, ref=f"5.{i}", owners=[world.other_role])
    ProgressUpdateFactory(action=world.action, period=world.period, author=world.owner)
    client.force_login(world.coordinator)
    with django_assert_max_num_queries(20):
        response = client.get(reverse("plans:round", args=[world.plan.pk]))
    status = response.context["status"]
    assert [c.user for c in status.by_person] == [other_holder]
    assert [(str(o), len(a)) for o, a in status.by_role] == [("Head of Probation", 6)]
    assert "Pat Probation" in response.content.decode()


def test_the_round_page_ends_with_closing_the_month_and_lists_unheld_roles_in_a_summary(client, world):
    for title in ["Head of Early Help", "Service Manager QA"]:
        ActionFactory(theme=world.theme, ref=f"9.{len(title)}", owners=[OwnerFactory(title=title)])
    ProgressUpdateFactory(action=world.action, period=world.period, author=world.owner)
    client.force_login(world.coordinator)
    response = client.get(reverse("plans:round", args=[world.plan.pk]))
    page = response.content.decode()
    close_url = reverse("plans:period_close", args=[world.plan.pk, world.period.slug])
    assert f'href="{close_url}"' in page and "1 update not reviewed yet" in page
    unheld = response.context["status"].unheld
    assert len(unheld) >= 2 and f"Nobody holds {len(unheld)} of the owner roles" in page
    assert "<li>Head of Early Help (1 action)</li>" in page


def test_coordinator_sends_reminders_to_some_and_each_is_logged_once_a_day(client, world):
    other_holder = UserFactory(username="probation", email="p@example.org")
    world.other_role.holders.add(other_holder)
    url = reverse("plans:round", args=[world.plan.pk])
    client.force_login(world.coordinator)

    client.post(url, {"people": [str(world.owner.pk)]})

    assert [m.to for m in mail.outbox] == [[world.owner.email]]
    log = ReminderLog.objects.get()
    assert (log.user, log.sent_by, list(log.actions.all())) == (world.owner, world.coordinator, [world.action])
    # The same email as the daily command.
    assert mail.outbox[0].subject.startswith("Progress updates due for")

    response = client.post(url, {"everyone": "on"}, follow=True)
    assert len(mail.outbox) == 2  # only the probation holder: the owner had theirs today
    assert "already reminded today" in response.content.decode()
    # The command later that day sends nobody a second one for this plan.
    update_reminders_send()
    assert ReminderLog.objects.filter(plan=world.plan).count() == 2
    table = client.get(url).content.decode().split("Reminders sent for this plan")[1].split("</table>")[0]
    sender = world.coordinator.get_full_name() or world.coordinator.get_username()
    assert table.count(sender) == 2
    assert "Daily reminder" not in table


def test_reminders_by_the_command_are_shown_on_the_round_page(client, world):
    update_reminders_send()
    client.force_login(world.coordinator)
    content = client.get(reverse("plans:round", args=[world.plan.pk])).content.decode()
    table = content.split("Reminders sent for this plan")[1]
    assert "Daily reminder" in table and world.action.ref in table


def test_sending_to_nobody_chosen_is_refused_clearly(client, world):
    client.force_login(world.coordinator)
    response = client.post(reverse("plans:round", args=[world.plan.pk]), {})
    assert response.status_code == 200
    assert "Choose who to remind" in response.content.decode()
    assert not mail.outbox and not ReminderLog.objects.exists()


# -- 7. moving a due date needs the board's agreement -------------------------------------------


def _edit(world, action, **overrides):
    data = {
        "theme": world.theme.pk,
        "ref": action.ref,
        "action_text": action.action_text,
        "category": "",
        "owners": [o.pk for o in action.owners.all()],
        "source_references": "",
        "timescale": "",
        "due_date": "2027-06-30",
        "version": action.version,
    }
    data.update(overrides)
    return data


def test_moving_a_due_date_without_who_agreed_and_when_is_refused_clearly(client, world):
    action = ActionFactory(theme=world.theme, ref="4.1", due_date=datetime.date(2027, 3, 31))
    client.force_login(world.coordinator)
    response = client.post(reverse("plans:action_edit", args=[action.pk]), _edit(world, action))
    content = response.content.decode()
    assert response.status_code == 200 and "<title>Error:" in content
    assert "Enter who agreed to move the due date" in content
    assert "Enter the date the move was agreed" in content
    action.refresh_from_db()
    assert action.due_date == datetime.date(2027, 3, 31)


def test_a_moved_due_date_says_who_agreed_it_on_the_action_in_its_history_and_in_the_pack(client, world):
    from plans.models import DueDateChange

    action = ActionFactory(theme=world.theme, ref="4.1", due_date=datetime.date(2027, 3, 31), owners=[world.owner_role])
    client.force_login(world.coordinator)
    response = client.post(
        reverse("plans:action_edit", args=[action.pk]),
        _edit(world, action, due_date_agreed_by="board", due_date_agreed_on="2026-11-14"),
    )
    assert response.status_code == 302
    change = DueDateChange.objects.get()
    assert (change.from_date, change.to_date, change.changed_by) == (
        datetime.date(2027, 3, 31),
        datetime.date(2027, 6, 30),
        world.coordinator,
    )
    summary = "moved from 31 March 2027 by board, 14 November 2026"
    assert change.summary == summary
    assert (
        "Moved from 31 March 2027 by board, 14 November 2026" in client.get(action.get_absolute_url()).content.decode()
    )
    assert DueDateChange.history.filter(id=change.pk).exists()
    dashboard = selectors_reporting.board_dashboard(plan=world.plan, period=world.period, all_rows=True)
    row = next(r for r in dashboard.rows if r.action_id == action.pk)
    assert row.due_date_note == summary
    # The action is overdue-free and has no update: it is listed under "No update this period".
    client.force_login(world.board)
    dashboard_page = client.get(
        reverse("plans:board_dashboard", args=[world.plan.pk]) + "?section=exceptions"
    ).content.decode()
    assert f"Due date {summary}" in dashboard_page


# -- 8. plans that can be tidied ------------------------------------------------------------------


def _plan_post(world, **overrides):
    data = {
        "title": world.plan.title,
        "status": "active",
        "version": world.plan.version,
        "coordinators": [world.coordinator.pk],
        "board_members": [world.board.pk],
    }
    data.update(overrides)
    return data


def test_coordinators_and_board_members_are_set_on_the_plans_edit_page(client, world):
    from plans.permissions import BOARD, COORDINATOR

    second = UserFactory(username="second-coordinator", groups=[COORDINATOR])
    reader = UserFactory(username="second-board", groups=[BOARD])
    client.force_login(world.coordinator)
    response = client.post(
        reverse("plans:plan_edit", args=[world.plan.pk]),
        _plan_post(world, coordinators=[world.coordinator.pk, second.pk], board_members=[reader.pk]),
    )
    assert response.status_code == 302
    assert set(world.plan.coordinators.all()) == {world.coordinator, second}
    assert list(world.plan.board_members.all()) == [reader]
    world.plan.refresh_from_db()
    response = client.post(reverse("plans:plan_edit", args=[world.plan.pk]), _plan_post(world, coordinators=[]))
    assert "Keep at least one coordinator" in response.content.decode()
    # Only people of the right group can be chosen.
    response = client.post(
        reverse("plans:plan_edit", args=[world.plan.pk]), _plan_post(world, board_members=[world.nobody.pk])
    )
    assert "Select board members from the list" in response.content.decode()


def test_an_archived_plan_is_read_only_out_of_my_actions_and_lists_and_still_reported(client, world):
    client.force_login(world.coordinator)
    assert (
        client.post(reverse("plans:plan_edit", args=[world.plan.pk]), _plan_post(world, status="archived")).status_code
        == 302
    )
    client.force_login(world.owner)
    assert "None of your roles owns an open action" in client.get(reverse("plans:my_actions")).content.decode()
    assert client.get(reverse("plans:progress_update_create", args=[world.action.pk])).status_code == 403
    assert client.get(world.action.get_absolute_url()).status_code == 200
    lists = client.get(reverse("plans:plan_list")).content.decode()
    assert "Plan A" not in lists
    assert "Plan A" in client.get(reverse("plans:plan_list") + "?archived=1").content.decode()
    client.force_login(world.coordinator)
    assert client.get(reverse("plans:action_edit", args=[world.action.pk])).status_code == 403
    assert client.get(reverse("plans:round", args=[world.plan.pk])).status_code == 403
    assert client.get(reverse("plans:board_dashboard", args=[world.plan.pk])).status_code == 200
    assert client.get(reverse("plans:board_pack_xlsx", args=[world.plan.pk])).status_code == 200
    update_reminders_send()
    assert not mail.outbox
    # Restored on its edit page.
    world.plan.refresh_from_db()
    assert (
        client.post(reverse("plans:plan_edit", args=[world.plan.pk]), _plan_post(world, status="active")).status_code
        == 302
    )
    assert client.get(reverse("plans:action_edit", args=[world.action.pk])).status_code == 200


def test_an_admin_deletes_a_test_plan_with_everything_in_it_after_confirming(client, world):
    from plans.models import Action, MeasureReading, Plan, ReportingPeriod
    from tests.factories import MeasureFactory

    update = ProgressUpdateFactory(action=world.action, period=world.period, author=world.owner)
    UpdateReview.objects.create(
        update=update, reviewer=world.coordinator, decision="accepted", created_at=timezone.now()
    )
    ActionComment.objects.create(action=world.action, author=world.board, text="x", created_at=timezone.now())
    MeasureReading.objects.create(measure=MeasureFactory(plan=world.plan), period=world.period, value=1)
    url = reverse("plans:plan_delete", args=[world.plan.pk])
    client.force_login(world.admin)
    page = client.get(url).content.decode()
    assert "2 actions" in page and "1 progress updates" in page

    refused = client.post(url, {"confirm_title": "Plan B"})
    assert refused.status_code == 200 and "Type the plan&#x27;s title exactly" in refused.content.decode()
    assert Plan.objects.filter(pk=world.plan.pk).exists()

    response = client.post(url, {"confirm_title": "plan a"})
    assert response.status_code == 302
    assert not Plan.objects.filter(pk=world.plan.pk).exists()
    assert not Action.objects.filter(theme__plan_id=world.plan.pk).exists()
    assert not ReportingPeriod.objects.filter(plan_id=world.plan.pk).exists()
    assert Plan.objects.filter(pk=world.other_plan.pk).exists()
    assert Plan.history.filter(id=world.plan.pk, history_type="-").exists()  # in the audit trail


# -- 5. owners that can be found ------------------------------------------------------------------


def test_owner_pickers_are_a_plain_multi_select_enhanced_by_accessible_autocomplete(client, world):
    from django.contrib.staticfiles import finders

    client.force_login(world.coordinator)
    page = client.get(reverse("plans:action_edit", args=[world.action.pk])).content.decode()
    assert '<select class="govuk-select" id="id_owners" name="owners" multiple' in page
    assert "build/accessible-autocomplete.min.js" in page and "js/owner-picker.js" in page
    assert finders.find("js/owner-picker.js")
    # Built from npm by `make assets` (npm run build:js), served like every static file.
    assert finders.find("build/accessible-autocomplete.min.js"), "run `npm run build:js`"


def test_coordinator_merges_two_roles_that_are_the_same(client, world):
    from plans.models import ActionSnapshot, Owner, Theme

    duplicate = Owner.objects.create(title="Head of Service safeguards")
    holder = UserFactory(username="second-holder")
    duplicate.holders.add(holder)
    moved = ActionFactory(theme=world.theme, ref="7.1", owners=[duplicate])
    both = ActionFactory(theme=world.theme, ref="7.2", owners=[duplicate, world.owner_role])
    Theme.objects.filter(pk=world.theme.pk).update(lead=duplicate)
    snapshot = ActionSnapshot.objects.create(period=world.period, action=moved, ref="7.1")
    snapshot.owners.add(duplicate)
    update = ProgressUpdateFactory(action=moved, author=holder)
    client.force_login(world.coordinator)

    response = client.post(
        reverse("plans:owner_merge"), {"keep": world.owner_role.pk, "merge": duplicate.pk}, follow=True
    )

    assert "merged into" in response.content.decode()
    assert not Owner.objects.filter(pk=duplicate.pk).exists()
    assert list(moved.owners.all()) == [world.owner_role] and list(both.owners.all()) == [world.owner_role]
    assert holder in world.owner_role.holders.all()
    assert Theme.objects.get(pk=world.theme.pk).lead == world.owner_role
    assert list(snapshot.owners.all()) == [world.owner_role]
    assert ProgressUpdate.objects.get(pk=update.pk).author == holder  # past updates keep their author
    deleted = Owner.history.filter(id=duplicate.pk, history_type="-").get()
    assert deleted.history_change_reason.startswith("Merged into") and deleted.history_user == world.coordinator


@pytest.mark.parametrize(
    "data, message",
    [
        ({"keep": "", "merge": ""}, "Choose the role to keep"),
        ({"keep": "same", "merge": "same"}, "a role cannot be merged into itself"),
        ({"keep": "same", "merge": "99999"}, "Choose the role to merge from the list"),
    ],
)
def test_merging_roles_refuses_bad_choices_clearly(client, world, data, message):
    from plans.models import Owner

    data = {k: (world.owner_role.pk if v == "same" else v) for k, v in data.items()}
    client.force_login(world.coordinator)
    response = client.post(reverse("plans:owner_merge"), data)
    assert response.status_code == 200 and message in response.content.decode()
    assert Owner.objects.count() == 2


@pytest.mark.parametrize(
    "name, who",
    [
        ("plans:action_comment", "board"),
        ("plans:owner_merge", "coordinator"),
        ("plans:plan_delete", "admin"),
    ],
)
def test_new_pages_keep_their_query_counts(client, world, django_assert_max_num_queries, name, who):
    for i in range(10):
        ActionFactory(theme=world.theme, ref=f"8.{i}", owners=[world.owner_role])
    args = {"plans:action_comment": [world.action.pk], "plans:plan_delete": [world.plan.pk]}.get(name, [])
    client.force_login(world.user(who))
    with django_assert_max_num_queries(15):
        assert client.get(reverse(name, args=args)).status_code == 200


# -- refs repeated across themes -----------------------------------------------------------------


def test_lists_that_mix_themes_name_each_actions_theme_beside_its_repeated_ref(client, world):
    """Solihull's theme 3 reuses refs 2.14-2.16 of theme 2: out of its theme a ref alone names two actions."""
    from tests.factories import ThemeFactory

    workforce = ThemeFactory(plan=world.plan, number="3", title="Workforce")
    in_theme_1 = ActionFactory(theme=world.theme, ref="2.15", owners=[world.owner_role], action_text="Managers in MASH")
    in_theme_3 = ActionFactory(theme=workforce, ref="2.15", owners=[world.owner_role], action_text="Supervision audit")
    for action in (in_theme_1, in_theme_3):
        ProgressUpdateFactory(action=action, period=world.period, author=world.owner, progress_rag=Rag.RED)

    client.force_login(world.owner)
    my_actions = client.get(reverse("plans:my_actions")).content.decode()
    assert f'href="{in_theme_1.get_absolute_url()}">2.15 (theme\u00a01)</a>' in my_actions
    assert f'href="{in_theme_3.get_absolute_url()}">2.15 (theme\u00a03)</a>' in my_actions

    client.force_login(world.coordinator)
    review = client.get(reverse("plans:review_queue", args=[world.plan.pk])).content.decode()
    assert "Action 2.15 (theme\u00a01)</a>" in review and "Action 2.15 (theme\u00a03)</a>" in review
    assert 'Accept<span class="govuk-visually-hidden"> the update to action 2.15 (theme\u00a03)</span>' in review
    round_page = client.get(reverse("plans:round", args=[world.plan.pk])).content.decode()
    assert ">1.2 (theme\u00a01)</a>" in round_page  # not reported, by owner role
    dashboard = client.get(
        reverse("plans:board_dashboard", args=[world.plan.pk]), {"section": "exceptions"}
    ).content.decode()
    assert ">2.15 (theme\u00a01)</a>" in dashboard and ">2.15 (theme\u00a03)</a>" in dashboard

    client.force_login(world.owner)
    form = client.get(reverse("plans:progress_update_create", args=[in_theme_3.pk])).content.decode()
    assert '<span class="govuk-caption-l">Action 2.15 (theme\u00a03) · Plan A</span>' in form
