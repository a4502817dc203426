"""What the board pack prints: a short summary (at most about eight A4 pages whatever the plan's size)
and, in the full pack, every action as an appendix.

The summary's lists (movement, exceptions, progress without impact) show their first SUMMARY_ROWS
actions each; the full pack's appendix gives each list whole, then every action by theme, the
figures by theme and by owner, and each measure's readings. Everything is read from the board
dashboard (plans.selectors.reporting.board_dashboard), which reads the one status read model.
"""

from dataclasses import dataclass, field

from plans.selectors.reporting import board_dashboard
from plans.selectors.status import progress_without_impact_rows

# Each list in the summary shows this many actions; the appendix has them all.
SUMMARY_ROWS = 6
MOVEMENT_KINDS = ("completed", "improved", "worsened", "changed")


@dataclass
class PackList:
    """One list of actions as the summary shows it: its first rows, and how many more the appendix holds."""

    key: str
    caption: str
    rows: list
    limit: int = SUMMARY_ROWS

    @property
    def is_movement(self):
        return self.key in MOVEMENT_KINDS

    @property
    def shown(self):
        return self.rows[: self.limit]

    @property
    def more(self):
        return max(0, len(self.rows) - self.limit)


@dataclass
class BoardPack:
    dashboard: object
    full: bool
    movement: list = field(default_factory=list)
    exceptions: list = field(default_factory=list)
    without_impact: PackList | None = None

    @property
    def truncated(self):
        """The summary's lists that the appendix gives in full."""
        return [item for item in [*self.movement, *self.exceptions, self.without_impact] if item and item.more]


def board_pack(*, plan, period, today=None, full=True):
    """The board pack's content for one period: the summary's lists, and (full) the appendix's rows."""
    dashboard = board_dashboard(plan=plan, period=period, today=today, all_rows=True)
    movement = []
    if dashboard.previous is not None:
        movement = [
            PackList("completed", "Completed", dashboard.movement["completed"]),
            PackList("improved", "Improved", dashboard.movement["improved"]),
            PackList("worsened", "Worsened", dashboard.movement["worsened"]),
            PackList("changed", "Other changes (to or from Grey or no rating)", dashboard.movement["changed"]),
        ]
    exceptions = [
        PackList("red", "Red: needs the board's attention", dashboard.red),
        PackList("overdue", "Overdue", dashboard.overdue),
        PackList("stale", "No update this period", dashboard.stale),
    ]
    without_impact = PackList(
        "without-impact",
        "Progress without impact",
        progress_without_impact_rows(dashboard.rows, plan=plan, period=period, periods=dashboard.periods),
    )
    return BoardPack(
        dashboard=dashboard, full=full, movement=movement, exceptions=exceptions, without_impact=without_impact
    )
