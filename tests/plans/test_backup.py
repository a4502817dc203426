"""Backup and restore, end to end: every plan, user and audit record comes back identical."""

import gzip
import json

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError

from improvement import audit
from plans.models import Plan
from plans.services.actions import progress_update_record
from tests.factories import MeasureFactory, ProgressUpdateFactory

pytestmark = pytest.mark.django_db(transaction=True)


def plan_snapshot(plan):
    """Everything a plan says, by natural values (no internal ids of users or roles)."""

    def names(users):
        return sorted(u.username for u in users.all())

    return {
        "plan": [plan.pk, plan.title, plan.organisation, plan.vision, plan.status, str(plan.start_date), plan.version],
        "coordinators": names(plan.coordinators),
        "board": names(plan.board_members),
        "periods": [[str(p.month), p.closed, str(p.board_meeting_date)] for p in plan.periods.all()],
        "themes": [
            {
                "theme": [t.pk, t.number, t.title, t.objective, t.lead.title if t.lead else None, t.version],
                "actions": [
                    {
                        "fields": [
                            a.pk,
                            a.ref,
                            a.position,
                            a.action_text,
                            a.improvement_need,
                            a.timescale,
                            str(a.due_date),
                            a.status,
                            a.category,
                            a.version,
                        ],
                        "owners": sorted([o.title, o.agency, names(o.holders)] for o in a.owners.all()),
                        "sources": [[r.source.code, r.paragraph] for r in a.source_references.all()],
                        "updates": [
                            [
                                u.author.username,
                                u.progress_rag,
                                u.impact_rag,
                                u.note,
                                u.evidence_links,
                                u.created_at.isoformat(),
                                str(u.period.month) if u.period else None,
                            ]
                            for u in a.updates.all()
                        ],
                        "history": [
                            [
                                e.kind,
                                e.who.username if e.who else None,
                                e.when.isoformat(),
                                [[c.field, c.before, c.after] for c in e.changes],
                            ]
                            for e in audit.object_history(a)
                        ],
                    }
                    for a in t.actions.all()
                ],
            }
            for t in plan.themes.all()
        ],
        "measures": [
            [m.name, str(m.target), [[str(r.period.month), str(r.value)] for r in m.readings.all()]]
            for m in plan.measures.all()
        ],
    }


def everything():
    users = {
        u.username: [u.password, u.is_superuser, sorted(g.name for g in u.groups.all())]
        for u in get_user_model().objects.all()
    }
    return {"plans": [plan_snapshot(p) for p in Plan.objects.order_by("pk")], "users": users}


def build_data(world):
    progress_update_record(
        action=world.action, author=world.owner, progress_rag="A", note="Behind; recovery plan <b>agreed</b>."
    )
    ProgressUpdateFactory(action=world.other_action, author=world.coordinator, period=world.period, note="Ünïcödé 学校")
    MeasureFactory(plan=world.plan, name="Assessments judged good")
    world.action.action_text = "Changed text"
    world.action._history_user = world.coordinator
    world.action.save()
    world.action.owners.add(world.other_role)


def test_backup_then_restore_into_a_new_database_gives_back_everything(world, tmp_path):
    build_data(world)
    before = everything()
    history_counts = {key: model.history.count() for key, (label, model) in audit.audited_models().items()}

    call_command("backup", str(tmp_path / "nightly"))
    path = tmp_path / "nightly.json.gz"
    with gzip.open(path, "rt") as handle:
        assert any(row["model"] == "plans.progressupdate" for row in json.load(handle))

    call_command("flush", interactive=False, verbosity=0)  # a new, freshly migrated database
    assert not Plan.objects.exists()
    call_command("restore", str(path))

    assert everything() == before
    assert {key: model.history.count() for key, (label, model) in audit.audited_models().items()} == history_counts
    # The restored database works: updates append, sequences continue after the restored ids.
    progress_update_record(
        action=Plan.objects.get(pk=world.plan.pk).themes.first().actions.first(),
        author=get_user_model().objects.get(username="owner-user"),
        progress_rag="G",
        note="After restore",
    )


def test_restore_refuses_a_database_that_is_not_empty(world, tmp_path):
    call_command("backup", str(tmp_path / "b.json.gz"))
    titles = list(Plan.objects.values_list("title", flat=True))
    with pytest.raises(CommandError, match="Restore refused: the database is not empty"):
        call_command("restore", str(tmp_path / "b.json.gz"))
    assert list(Plan.objects.values_list("title", flat=True)) == titles


def test_restore_of_a_missing_file_says_so(tmp_path, db):
    with pytest.raises(CommandError, match="There is no backup at"):
        call_command("restore", str(tmp_path / "nothing.json.gz"))


@pytest.mark.parametrize("cut", ["half", "gzip_whole_json_cut", "not_gzip"])
def test_restore_of_a_truncated_backup_says_so_and_writes_nothing(world, tmp_path, cut):
    call_command("backup", str(tmp_path / "b.json.gz"))
    whole = (tmp_path / "b.json.gz").read_bytes()
    damaged = tmp_path / "damaged.json.gz"
    if cut == "half":
        damaged.write_bytes(whole[: len(whole) // 2])
    elif cut == "gzip_whole_json_cut":
        text = gzip.decompress(whole)
        damaged.write_bytes(gzip.compress(text[: len(text) // 2]))
    else:
        damaged.write_bytes(b"not a backup at all")
    call_command("flush", interactive=False, verbosity=0)
    with pytest.raises(CommandError, match="incomplete or damaged .*nothing was restored"):
        call_command("restore", str(damaged))
    assert not Plan.objects.exists()
    assert not get_user_model().objects.exists()
