"""Demo data: the Solihull LSCB multi-agency case audit 2015-16 (toolkit wording), with cases,
judgements, the learning event, the learning log, a single-agency plan and graded audits.
Deterministic (a fixed random seed) and idempotent."""

import datetime
import random
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.db.models import F

from audits.models import (
    Agency,
    AgencyMembership,
    AuditProgramme,
    Grade,
    GradedAuditItem,
    GradedAuditKind,
    JudgementResult,
    LearningEvent,
    LearningEventAttendance,
    ProgrammeStatus,
    Standard,
)
from audits.permissions import AGENCY_AUDITOR, AUDIT_LEAD
from audits.services.judgements import JudgementEntry, judgements_save
from audits.services.lessons import lesson_action_raise, lesson_record
from audits.services.setup import case_create, kloe_create, programme_create, standard_create

PROGRAMME_TITLE = "Multi-agency case audit 2015-16"

PRIORITIES = [
    "To support the delivery of Early Help services",
    "To promote practice on neglect",
    "To help children at risk of sexual exploitation",
]

KLOES = [
    (
        "What is the quality and timeliness of information sharing including core group work, MASE, early help "
        "and other appropriate multi-agency meetings?",
        [
            (1, "The right agencies are involved"),
            (
                2,
                "All relevant partners (e.g. substance misuse services, mental health services, learning difficulties) "
                "are appropriately engaged, share appropriate information and contribute to the relevant multi-agency "
                "meetings (e.g. core groups, MASE, early help, child protection conference)",
            ),
            (3, "The professional demonstrates that they can apply information sharing protocols."),
            (
                4,
                "Relevant multi-agency meetings (e.g. Core Groups, MASE, early help meetings and child protection "
                "conferences) are arranged and held in a timely manner; are attended by all relevant partners; are "
                "recorded and the record is shared in a timely manner with attendees, with actions assigned "
                "accordingly. The practitioner reads the record of the meeting, reviews them and takes appropriate "
                "action e.g. making amendments. Case recording complies with standards set by the organisation and "
                "evidences that the welfare of the child is considered.",
            ),
        ],
    ),
    (
        "Do practitioners have the knowledge to apply correctly the thresholds and referral processes to support "
        "effective and accountable practice?",
        [
            (5, "The practitioner knows where to find the thresholds guidance"),
            (
                6,
                "The practitioner is aware of how to make appropriate referrals to all relevant agencies, including "
                "safeguarding referrals and out of hours services.",
            ),
            (7, "The practitioner is clear about obtaining consent."),
            (8, "Where referrals have been made, feedback has been received."),
            (9, "Where feedback has not been received; the practitioner has taken action to pursue this."),
            (10, "The practitioner uses the threshold guidance to support high quality, evidence based referrals."),
            (11, "The practitioner is aware of where to go for advice if he/she needs clarification."),
        ],
    ),
    (
        "Is it evident that the voice of the child has been heard?",
        [
            (12, "There is evidence to show that the practitioner has considered what life is like for this child."),
            (
                13,
                "There is evidence of the child's wishes and feelings being gathered and considered in an age "
                "appropriate way",
            ),
            (14, "Diversity and disability issues are appropriately identified, understood, addressed and recorded."),
        ],
    ),
    (
        "Are interventions working effectively to improve outcomes for the child/ren?",
        [
            (15, "Interventions are continually assessed and are having a positive impact on the child."),
            (
                16,
                "Where interventions are not working or deterioration is recognised, action is being taken to "
                "address this.",
            ),
            (
                17,
                "Where relevant, parental non-compliance and/or disguised compliance is recognised and acted upon "
                "appropriately",
            ),
            (18, "A contingency plan is in place, the practitioners understands when this should be applied."),
        ],
    ),
    (
        "Is supervision/management support used to aid reflective practice and to provide challenge to make a "
        "positive difference for the child?",
        [
            (19, "Child is central to all decision making activity within the supervision process."),
            (
                20,
                "The frequency of supervision sessions meets LSCB standards (minimum every 3 months), own agency "
                "standards and maybe more frequent commensurate with risk where appropriate",
            ),
            (
                21,
                "Practitioners experience supervision as providing an opportunity to reflect, to receive "
                "professional challenge and to be supported in providing challenge to others.",
            ),
            (
                22,
                "Supervision process evidences management oversight and support that assesses practitioners "
                "compliance, and, professional competence/confidence with regard to adhering to local policies, "
                "protocols and procedures, and promotes timely progression of the case.",
            ),
        ],
    ),
]

# The agencies of the report's appendix 2 (with a demo account each), then the others at the event.
# short name: (name, demo username or None, standards this agency tends not to meet)
AGENCIES = {
    "CCG": ("Solihull Clinical Commissioning Group", "ccg", {2, 5, 10}),
    "HEFT": ("Heart of England NHS Foundation Trust", "health", {8, 13, 20}),
    "Police": ("West Midlands Police", "police", {7, 12, 13, 15, 16, 19}),
    "CSWS": ("Children's Social Work Services", "socialcare", {17, 21}),
    "Education": ("Education Provider Services", "education", {4, 8, 20}),
    "Housing": ("Solihull Community Housing", "housing", {1, 5, 10, 13}),
    "Early Years": ("Early Years", "earlyyears", {1, 2, 4, 8, 15, 17}),
    "Voluntary": ("Voluntary Sector", "voluntary", {7, 20}),
    "SIAS": ("Solihull Integrated Addiction Services", "sias", {4, 8, 13, 18}),
    "CRC": ("Community Rehabilitation Company", None, set()),
    "SMBC": ("Solihull Metropolitan Borough Council", None, set()),
}
ATTENDANCE = {
    "CCG": 2,
    "HEFT": 1,
    "CRC": 1,
    "Early Years": 1,
    "Education": 1,
    "CSWS": 1,
    "SMBC": 5,
    "SIAS": 2,
    "Housing": 3,
    "Voluntary": 1,
    "Police": 4,
}

# code: (priority index, agencies involved)
CASES = {
    "MACA-2015-01": (1, ["CSWS", "Police", "HEFT", "Education", "SIAS"]),
    "MACA-2015-02": (1, ["CSWS", "Police", "CCG", "Housing", "Education"]),
    "MACA-2015-03": (1, ["CSWS", "Police", "HEFT", "CCG"]),
    "MACA-2015-04": (1, ["CSWS", "Police", "Housing", "SIAS", "CCG"]),
    "MACA-2015-05": (2, ["CSWS", "Police", "Education", "Voluntary"]),
    "MACA-2015-06": (2, ["CSWS", "Police", "HEFT", "Education"]),
    "MACA-2015-07": (2, ["CSWS", "Police", "CCG", "Education"]),
    "MACA-2015-08": (2, ["CSWS", "Police", "Housing", "HEFT"]),
    "MACA-2015-09": (0, ["Police", "Early Years", "HEFT", "CCG"]),
    "MACA-2015-10": (0, ["Education", "HEFT", "Voluntary"]),
    "MACA-2015-11": (0, ["CSWS", "Education", "HEFT"]),
}
# Judgements still being written: saved as drafts, not yet counted in the findings.
DRAFT_ONLY = {("MACA-2015-11", "HEFT"), ("MACA-2015-10", "Voluntary")}

REASONS = [
    "No evidence in the agency's records; discussed with the practitioner at the audit meeting.",
    "Meeting minutes were not circulated in time and the practitioner was not invited.",
    "The practitioner was not aware of the expectation; to be covered in training.",
    "Recorded inconsistently; the case record is adult focused.",
]

LESSONS = [
    (
        "Improvements in record keeping and the logistics of child protection core groups and child in need "
        "meetings is needed",
        "The procedures in place for these meetings are being revised to make the process more robust and "
        "consistent. Templates have been developed for Child in Need meetings and Core Groups.",
        "",
        1,
    ),
    (
        "Timeliness and responsiveness of feedback from referrals to Children's Social Work Services needs improvement",
        "The MASH is improving the timeliness and responsiveness of feedback from referrals; the outcome of a "
        "referral is known within two days.",
        "Performance reporting to LSCB on MASH.",
        2,
    ),
    (
        "Continued emphasis on raising awareness of the thresholds guidance and using this in practice is required",
        "Representatives on the Case Audit Sub-Group are raising awareness of the thresholds guidance. An external "
        "audit of thresholds in practice will report to the LSCB in March.",
        "LSCB representatives to continue to raise the awareness of the threshold guidance to practitioners in "
        "their agency.",
        2,
    ),
    (
        "The position of agencies in gaining consent around referrals needs to be clarified",
        "The practice and procedures sub-group will update protocols, including those around consent.",
        "Evaluate how consent is embedded in training and training strategy. Evaluate training to ensure learning "
        "impact on practice.",
        2,
    ),
    (
        "Further developmental work should be undertaken on consistently drawing out the voice of the child, in "
        "particular where the child is too young, not engaging or where the practitioner mainly works with adults",
        "The LSCB has approved a recommendation to work with the Local Authority Engagement Strategy.",
        "Awareness raising of the importance of observations, incorporated into training. Direct practitioners to "
        "guidance via LSCB communications.",
        3,
    ),
    (
        "Continued awareness raising around interventions and disguised compliance is needed",
        "Serious Case Review 1 published and learning disseminated. Core element in training packages.",
        "Continued communication from the LSCB. Training evaluations and case audit to evaluate how this is "
        "embedded in practice.",
        4,
    ),
    (
        "Formal supervision needs to be embedded in all agencies, in particular where there is no formal process "
        "already in place",
        "LSCB guidance on supervision in place. S11 and S175/157 audits underway will measure supervision.",
        "Promote supervision standards developed in the case audit process and include in training.",
        5,
    ),
]

SINGLE_AGENCY_ACTIONS = {
    "CCG": ["Training to include the thresholds criteria in scenarios", "Awareness raising of the thresholds criteria"],
    "HEFT": [
        "Heighten the awareness and cement the use of the thresholds document",
        "Consider auditing the feedback process and raise concerns to partner agencies if indicated",
    ],
    "Police": [
        "Capture and document the voice of the child in police records",
        "Clarify the procedures for obtaining consent for referrals",
    ],
    "CSWS": [
        "Support CS workers' learning around CSE (screening tool, levels, direct work)",
        "Undertake supervision that supports more reflective practice and challenge",
    ],
    "Education": [
        "Develop a formal task management process in every educational setting",
        "Chase and escalate when minutes are not sent within the specified timeframe",
    ],
    "Housing": [
        "Briefing to frontline professionals about the threshold guidance",
        "Review supervision and support framework",
    ],
    "Early Years": ["On-going review of safeguarding policy and procedures"],
    "Voluntary": ["Mandatory formal supervision when working with children subject to a CP plan"],
    "SIAS": ["Internal annual audit of safeguarding practices"],
}

GRADED_AREA = "Assessments"


@dataclass
class AuditDemoResult:
    programme: AuditProgramme
    created: bool


def audit_accounts_ensure(*, password):
    """The audit lead and one agency auditor per agency of appendix 2 (demo password)."""
    User = get_user_model()
    lead_group, _ = Group.objects.get_or_create(name=AUDIT_LEAD)
    auditor_group, _ = Group.objects.get_or_create(name=AGENCY_AUDITOR)
    users = {}
    lead, _ = User.objects.get_or_create(username="auditlead")
    lead.first_name, lead.last_name, lead.email = "Chris", "Lane", "auditlead@example.org"
    lead.set_password(password)
    lead.save()
    lead.groups.set([lead_group])
    users["auditlead"] = lead
    for short, (name, username, _weak) in AGENCIES.items():
        agency, _ = Agency.objects.get_or_create(name=name, defaults={"short_name": short})
        if not username:
            continue
        user, _ = User.objects.get_or_create(username=username)
        user.first_name, user.last_name, user.email = short, "auditor", f"{username}@example.org"
        user.set_password(password)
        user.save()
        user.groups.set([auditor_group])
        AgencyMembership.objects.update_or_create(user=user, defaults={"agency": agency})
        users[username] = user
    return users


@transaction.atomic
def audit_demo_load(*, plan, users, password, today):
    """Load the audit demo beside the demo plan. Safe to run again (accounts are refreshed)."""
    audit_users = audit_accounts_ensure(password=password)
    plan.coordinators.add(audit_users["auditlead"])  # so lessons can raise actions in the plan
    programme = AuditProgramme.objects.filter(title=PROGRAMME_TITLE).first()
    if programme is not None:
        return AuditDemoResult(programme=programme, created=False)
    agencies = {a.short_name: a for a in Agency.objects.filter(short_name__in=AGENCIES)}
    programme = programme_create(
        title=PROGRAMME_TITLE,
        organisation="Solihull Local Safeguarding Children Board",
        period_start=datetime.date(2015, 4, 1),
        period_end=datetime.date(2016, 3, 31),
        priorities=PRIORITIES,
    )
    programme.status = ProgrammeStatus.REPORTING
    for number, (question, standards) in enumerate(KLOES, start=1):
        kloe = kloe_create(programme=programme, number=number, question=question)
        for standard_number, text in standards:
            standard_create(kloe=kloe, number=standard_number, text=text)
    priorities = list(programme.priorities.all())
    standards = list(Standard.objects.filter(kloe__programme=programme).select_related("kloe"))
    rnd = random.Random(20151001)  # noqa: S311 - repeatable demo data, not security
    lead = audit_users["auditlead"]
    for code, (priority_index, involved) in CASES.items():
        case = case_create(
            programme=programme,
            code=code,
            priority=priorities[priority_index],
            agencies=[agencies[a] for a in involved],
        )
        case = type(case).objects.prefetch_related("agencies").get(pk=case.pk)
        for short in involved:
            weak = AGENCIES[short][2]
            entries = []
            for standard in standards:
                roll = rnd.random()
                if roll < 0.06:
                    result = JudgementResult.NOT_APPLICABLE
                elif standard.number in weak and roll < 0.75:
                    result = JudgementResult.NOT_MET
                elif roll > 0.985:
                    result = JudgementResult.NOT_MET
                else:
                    result = JudgementResult.MET
                entries.append(
                    JudgementEntry(
                        standard=standard,
                        result=result,
                        reason=rnd.choice(REASONS) if result == JudgementResult.NOT_MET else "",
                        evidence="Case file and supervision record reviewed with the practitioner."
                        if result == JudgementResult.MET
                        else "",
                    )
                )
            username = AGENCIES[short][1]
            judgements_save(
                case=case,
                agency=agencies[short],
                user=audit_users.get(username, lead),
                entries=entries,
                submit=(code, short) not in DRAFT_ONLY,
            )
    event = LearningEvent.objects.create(
        programme=programme,
        title="Multi-agency case audit learning event",
        date=datetime.date(2015, 11, 18),
        summary="Each agency presented the standards met, the standards not met and why, and how its own work "
        "and partnership working could be improved; group work analysed the findings against the LSCB "
        "priorities.",
    )
    LearningEventAttendance.objects.bulk_create(
        LearningEventAttendance(event=event, agency=agencies[short], attendees=count)
        for short, count in ATTENDANCE.items()
    )
    kloes = {k.number: k for k in programme.kloes.all()}
    lessons = [
        lesson_record(
            programme=programme, area_of_development=area, action_being_taken=taken, next_steps=steps, kloe=kloes[kloe]
        )
        for area, taken, steps, kloe in LESSONS
    ]
    _lesson_actions_raise(plan=plan, lessons=lessons, today=today)
    programme.single_agency_plan = _single_agency_plan_create(
        agencies=agencies, users=audit_users, today=today, rnd=rnd
    )
    programme.save()
    _graded_audits_create(rnd=rnd, today=today)
    _graded_measure_create(plan=plan, today=today, user=lead)
    return AuditDemoResult(programme=programme, created=True)


def _lesson_actions_raise(*, plan, lessons, today):
    from plans.models import Owner, Theme

    theme = Theme.objects.filter(plan=plan).order_by("position", "pk")[1]  # Partnerships
    owner, _ = Owner.objects.get_or_create(title="LSCB Business Manager", agency="")
    lesson_action_raise(
        lesson=lessons[2],
        theme=theme,
        ref="2.A1",
        action_text="Embed the thresholds guidance in every partner agency: briefings for front-line staff and "
        "an external audit of thresholds in practice reported to the LSCB.",
        owners=[owner],
        due_date=today + datetime.timedelta(days=120),
    )
    lesson_action_raise(
        lesson=lessons[3],
        theme=theme,
        ref="2.A2",
        action_text="Clarify and publish the procedures for obtaining consent for referrals.",
        owners=[owner],
        due_date=today + datetime.timedelta(days=90),
    )


def _single_agency_plan_create(*, agencies, users, today, rnd):
    """Appendix 3 as an ordinary plan: a theme per agency, actions owned by the agency's safeguarding lead."""
    from django.utils import timezone

    from plans.models import Action, ActionStatus, Owner, Plan, ProgressUpdate, Rag, ReportingPeriod, Theme

    plan = Plan.objects.create(
        title="Single agency improvement plan 2015-16",
        organisation="Solihull Local Safeguarding Children Board",
        vision="Actions each agency takes from the multi-agency case audit 2015-16.",
    )
    plan.coordinators.add(users["auditlead"])
    position = 0
    for index, (short, texts) in enumerate(SINGLE_AGENCY_ACTIONS.items(), start=1):
        agency = agencies[short]
        owner, _ = Owner.objects.get_or_create(title="Safeguarding lead", agency=agency.name)
        username = AGENCIES[short][1]
        if username in users:
            owner.holders.add(users[username])
            Owner.objects.filter(pk=owner.pk).update(version=F("version") + 1)  # its page checks the version
        theme = Theme.objects.create(plan=plan, number=str(index), title=agency.name, lead=owner, position=index)
        for number, text in enumerate(texts, start=1):
            position += 1
            action = Action.objects.create(theme=theme, position=position, ref=f"{index}.{number}", action_text=text)
            action.owners.add(owner)
    this_month = today.replace(day=1)
    last_month = (this_month - datetime.timedelta(days=1)).replace(day=1)
    previous = ReportingPeriod.objects.create(
        plan=plan, month=last_month, closed=True, closed_at=timezone.now(), closed_by=users["auditlead"]
    )
    ReportingPeriod.objects.create(plan=plan, month=this_month)
    updates = []
    for action in Action.objects.for_plan(plan).prefetch_related("owners__holders"):
        rag = rnd.choice([Rag.GREEN, Rag.GREEN, Rag.AMBER, Rag.BLUE, Rag.GREY])
        author = next((h for o in action.owners.all() for h in o.holders.all()), users["auditlead"])
        updates.append(
            ProgressUpdate(
                action=action,
                period=previous,
                author=author,
                progress_rag=rag,
                note="Progress reported to the Case Audit Sub-Group.",
                created_at=timezone.make_aware(
                    datetime.datetime.combine(last_month.replace(day=20), datetime.time(10))
                ),
            )
        )
        if rag == Rag.BLUE:
            Action.objects.filter(pk=action.pk).update(
                status=ActionStatus.COMPLETED, completed_date=last_month, version=F("version") + 1
            )
    ProgressUpdate.objects.bulk_create(updates)
    return plan


def _graded_audits_create(*, rnd, today):
    """Six months of child journey audits of assessments, improving from about 60% to 80% good."""
    if GradedAuditItem.objects.filter(area=GRADED_AREA).exists():
        return
    items = []
    for back in range(6, 0, -1):
        year, month = today.year, today.month - back
        while month < 1:
            month += 12
            year -= 1
        first = datetime.date(year, month, 1)
        good_share = 0.55 + (6 - back) * 0.05
        for number in range(1, 21):
            roll = rnd.random()
            grade = (
                Grade.OUTSTANDING
                if roll < good_share * 0.15
                else Grade.GOOD
                if roll < good_share
                else Grade.REQUIRES_IMPROVEMENT
                if roll < 0.93
                else Grade.INADEQUATE
            )
            items.append(
                GradedAuditItem(
                    kind=GradedAuditKind.CHILD_JOURNEY,
                    area=GRADED_AREA,
                    month=first,
                    item_code=f"CJA-{first:%Y%m}-{number:02d}",
                    grade=grade,
                )
            )
    GradedAuditItem.objects.bulk_create(items)


def _graded_measure_create(*, plan, today, user):
    """The Shropshire-style measure fed by the graded audits: 90% target, milestones 70% and 80%."""
    from audits.services.graded import graded_percentage_record
    from plans.models import Measure, MeasureMilestone, ReportingPeriod

    measure, created = Measure.objects.get_or_create(
        plan=plan,
        name="Assessments judged good or better",
        defaults={
            "unit": "%",
            "baseline": 55,
            "target": 90,
            "target_date": today + datetime.timedelta(days=365),
            "description": "Assessments judged good increases to 90%, milestones 70% and 80%.",
        },
    )
    if created:
        MeasureMilestone.objects.bulk_create(
            [
                MeasureMilestone(measure=measure, due_date=today + datetime.timedelta(days=120), value=70, label="70%"),
                MeasureMilestone(measure=measure, due_date=today + datetime.timedelta(days=240), value=80, label="80%"),
            ]
        )
    period = ReportingPeriod.objects.filter(plan=plan, closed=False).order_by("-month").first()
    last_month = (today.replace(day=1) - datetime.timedelta(days=1)).replace(day=1)
    if period is not None:
        graded_percentage_record(area=GRADED_AREA, month=last_month, measure=measure, period=period, user=user)
