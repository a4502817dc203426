"""Exports of other tools (docs/decisions/0020-importing-tool-exports.md): Smartsheet, monday.com, Microsoft Planner,
Microsoft Project, Pentana (Covalent) and Word tables pasted into Excel.

`detect` scores each tool by the marks its export carries (sheet names, column titles, banner
rows) and returns a Tool whose rules the sheet reader applies: status labels of its own, banner
rows above the header, sub-items and milestones kept out, hierarchy (outline levels, indentation)
made themes. A file that only resembles a tool scores too low and goes through the general reader.
"""

import re

from plans.importing import rows as kinds
from plans.importing.cleaning import clean_text, normalise_label
from plans.importing.values import read_status, status_key
from plans.rag import Rag


def _label(text):
    return normalise_label(clean_text(text))


class Tool:
    slug = ""
    name = ""
    marks = set()  # normalised column titles typical of the export
    sheet_names = ()  # regexes on sheet names
    statuses = {}
    banners = ()  # regexes of lines above the header that are the export's own

    workbook = None  # set by detect(): row outline levels are read from its sheets
    found_title = ""  # a title the tool found in the rows themselves (the root of a hierarchy)

    def __init__(self):
        self.levels = {}  # (sheet, row) → outline level
        self.flags = {}  # (sheet, row) → set of flags the row carries

    @property
    def sentence(self):
        return f"This looks like {self.article} {self.name} export; its layout and status labels were read as {self.name} writes them."

    article = "a"

    def score(self, sheet_names, header_labels, first_texts):
        score = sum(2 for label in header_labels if label in self.marks)
        score += sum(3 for name in sheet_names for pattern in self.sheet_names if re.search(pattern, name, re.I))
        score += sum(3 for text in first_texts for pattern in self.banners if re.search(pattern, text, re.I))
        return score

    def is_banner(self, text):
        return any(re.search(pattern, text, re.I) for pattern in self.banners)

    def title_from(self, candidates):
        return ""

    def adjust_mapping(self, mapping, headers):
        return mapping

    def row_kind(self, reader, row, values, texts, cells):
        return None

    def finish_sheet(self, reader):
        pass


def _header_index(headers, *labels):
    for index, text in headers.items():
        if _label(text) in labels:
            return index
    return None


def outline_level(workbook, sheet_name, row):
    """A row's Excel outline level (the depth of its row group), as a tool's export wrote it; 0 if none."""
    if workbook is None:
        return 0
    try:
        sheet = workbook[sheet_name]
    except KeyError:
        return 0
    levels = getattr(sheet, "_outline_levels", None)
    if levels is not None:
        return levels.get(row, 0)
    dimensions = getattr(sheet, "row_dimensions", None)
    if dimensions is not None and row in dimensions:
        return int(dimensions[row].outline_level or 0)
    return 0


_TITLE = r"(?:(?:Dr|DI|DS|DC|DCI|DCS|Cllr|Mr|Mrs|Ms|Miss|Mx|Prof)\.?\s+)?"
_PERSON = re.compile(_TITLE + r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,3}$")
_EMAIL = re.compile(r"^[\w.'+-]+@[\w-]+(?:\.[\w-]+)+$")
_ROLE_WORDS = {
    "head",
    "manager",
    "director",
    "officer",
    "lead",
    "nurse",
    "service",
    "services",
    "team",
    "board",
    "council",
    "partnership",
    "police",
    "health",
    "icb",
    "nhs",
    "trust",
    "practitioner",
    "worker",
    "adviser",
    "advisor",
    "coordinator",
    "co-ordinator",
    "chair",
    "principal",
    "designated",
    "commissioner",
    "senior",
    "assistant",
    "deputy",
    "social",
    "quality",
    "safeguarding",
    "school",
    "schools",
    "unit",
    "partner",
    "partners",
    "group",
    "panel",
    "hub",
    "mash",
    "iro",
    "cin",
    "cp",
}


def looks_like_person(text):
    """A person's name ("Helen Marsh", "DI Paul Grant") or an email address, not a role or an agency."""
    text = text.strip()
    if _EMAIL.match(text):
        return True
    return bool(_PERSON.match(text)) and not {word.lower() for word in re.findall(r"[\w-]+", text)} & _ROLE_WORDS


def split_people(owners):
    """Owners as written by a contact or people column: names joined by ", " are each one owner."""
    out = []
    for owner in owners:
        parts = [part.strip() for part in owner.split(", ")]
        out.extend(parts if len(parts) > 1 and all(looks_like_person(part) for part in parts) else [owner])
    return out


def resplit_people(reader):
    """The sheet's actions with their people cells split (split_people), listed as people for the preview."""
    for action in reader.c.actions:
        if action.sheet != reader.sheet or not any(", " in owner for owner in action.owners):
            continue
        owners = split_people(action.owners)
        if owners == list(action.owners):
            continue
        for owner in action.owners:
            if ", " in owner:
                reader.c.owner_splits.setdefault(owner, [part for part in owners if part in owner])
        for person in owners:
            if person not in action.owners:
                reader.c.people[person] = reader.c.people.get(person, 0) + 1
        action.owners = owners


def _prefer(reader, name, index):
    """Read this column first for the field (the others are its fallbacks)."""
    indexes = reader.columns.get(name)
    if indexes and index in indexes:
        indexes.remove(index)
        indexes.insert(0, index)


def _reassign(mapping, index, name):
    if index is None:
        return mapping
    mapping = {i: n for i, n in mapping.items() if n != name or name in ("progress_rag",)}
    mapping[index] = name
    return mapping


class Hierarchical(Tool):
    """Tools that write a tree: every row is read as its own action, then summary rows become themes
    (or are left out as roll-ups) and rows below an action's level are left out."""

    def level_of(self, reader, values, cells):
        return 0

    def row_kind(self, reader, row, values, texts, cells):
        self.row = row
        level = self.level_of(reader, values, cells)
        if level is None:
            return None
        self.levels[(reader.sheet, row)] = level
        reader.force_new = True
        return None

    def restructure(self, reader, actions, levels):
        raise NotImplementedError

    def finish_sheet(self, reader):
        actions = [a for a in reader.c.actions if a.sheet == reader.sheet]
        if not actions:
            return
        levels = [self.levels.get((reader.sheet, a.row), 0) for a in actions]
        if len(set(levels)) < 2 and reader.sheet not in getattr(self, "headings", {}):
            return
        placeholder = reader.placeholder
        others = [a for a in reader.c.actions if a.sheet != reader.sheet]
        if (
            placeholder is not None
            and placeholder in reader.c.themes
            and placeholder.sheet == reader.sheet
            and all(a.theme == placeholder.number for a in actions)
            and not any(a.theme == placeholder.number for a in others)
        ):
            reader.c.themes.remove(placeholder)  # the tree's parents make the themes
        keep = self.restructure(reader, actions, levels)
        kept = set(map(id, keep))
        reader.c.actions[:] = [a for a in reader.c.actions if a.sheet != reader.sheet or id(a) in kept]
        reader.actions_read = len(keep)

    @staticmethod
    def parents(levels):
        return [index + 1 < len(levels) and levels[index + 1] > level for index, level in enumerate(levels)]

    def make_theme(self, reader, action):
        from plans.importing.rows import theme_row

        number, title = theme_row(action.action) or ("", action.action or action.ref)
        theme = reader.c.theme(number, title, row=action.row, sheet=reader.sheet)
        return theme

    @staticmethod
    def unthemed(reader, action):
        """An action above the first parent row: under the sheet's own theme."""
        theme = reader.c.theme(
            "", reader.default_theme[1] if reader.default_theme else "Actions", row=action.row, sheet=reader.sheet
        )
        action.theme = theme.number


class Smartsheet(Hierarchical):
    slug, name = "smartsheet", "Smartsheet"
    marks = {
        "task name",
        "primary column",
        "assigned to",
        "start",
        "end date",
        "duration",
        "predecessors",
        "complete",
        "percent complete",
        "at risk",
        "comments",
        "status",
        "rag",
        "finish",
    }
    statuses = {"yellow": Rag.AMBER, "gray": Rag.GREY, "empty": Rag.GREY, "full": Rag.BLUE}

    def score(self, sheet_names, header_labels, first_texts, signals=None):
        score = super().score(sheet_names, header_labels, first_texts)
        signals = signals or {}
        # RYG/RYGB symbol columns export as Yellow and Gray; indented rows are the sheet's hierarchy.
        if signals.get("yellow_or_gray"):
            score += 5
        if signals.get("indented"):
            score += 6
        if signals.get("checkbox"):
            score += 2
        return score + (4 if "task name" in header_labels and "at risk" in header_labels else 0)

    def level_of(self, reader, values, cells):
        index = reader.columns.get("action", [None])[0]
        if index is None or index >= len(cells):
            return None
        alignment = getattr(cells[index], "alignment", None)
        indent = int(getattr(alignment, "indent", 0) or 0)
        # The export writes the hierarchy as row groups; the primary column's indent may be lost on the way.
        return max(indent, outline_level(self.workbook, reader.sheet, getattr(self, "row", 0)))

    revised_labels = (
        "revised end date",
        "revised due date",
        "revised finish",
        "revised finish date",
        "revised date",
        "revised deadline",
        "forecast end date",
        "forecast finish",
        "new end date",
        "new due date",
    )
    rag_column = status_column = revised_column = None
    prepared = None

    def adjust_mapping(self, mapping, headers):
        rag = _header_index(headers, "rag", "rag status", "health", "health status")
        status = _header_index(headers, "status")
        if rag is not None and status is not None:
            mapping = {i: n for i, n in mapping.items() if n != "progress_rag"}
            mapping[rag] = "progress_rag"
            mapping[status] = "progress_rag"  # used when the RAG ball is empty (a cancelled action)
        # Project sheets' system columns hold durations and row numbers, never the plan's refs.
        for label in ("duration", "predecessors", "successors", "row id", "row number"):
            index = _header_index(headers, label)
            if index is not None and mapping.get(index) == "ref":
                mapping.pop(index)
        # A revised (or forecast) end date, when given, is the due date; the original end date is its fallback.
        revised = _header_index(headers, *self.revised_labels)
        if revised is not None:
            mapping[revised] = "due_date"
        self.rag_column, self.status_column, self.revised_column = rag, status, revised
        self.prepared = None
        return mapping

    def row_kind(self, reader, row, values, texts, cells):
        if self.prepared != reader.sheet:
            self.prepared = reader.sheet
            if self.revised_column is not None:
                _prefer(reader, "due_date", self.revised_column)
            if self.rag_column is not None:
                _prefer(reader, "progress_rag", self.rag_column)
        index = self.status_column
        if index is not None and index < len(values) and values[index] not in (None, ""):
            if read_status(values[index], self.statuses).rag is Rag.BLUE:
                self.flags.setdefault((reader.sheet, row), set()).add("done")
        return super().row_kind(reader, row, values, texts, cells)

    def finish_sheet(self, reader):
        super().finish_sheet(reader)
        resplit_people(reader)  # a contact list column joins people with ", "
        # A task whose status is Complete is Blue on our scale, whatever colour its health ball kept.
        for action in reader.c.actions:
            if action.sheet == reader.sheet and not action.closed:
                if "done" in self.flags.get((reader.sheet, action.row), set()):
                    action.progress_rag = Rag.BLUE.value

    def heading_made(self, reader, row):
        """The sheet reader made a bold parent row a theme: remember its outline level."""
        level = self.levels.get((reader.sheet, row), 0)
        self.headings = getattr(self, "headings", {})
        self.headings[reader.sheet] = min(level, self.headings.get(reader.sheet, level))

    def restructure(self, reader, actions, levels):
        heading_level = getattr(self, "headings", {}).get(reader.sheet)
        if heading_level is not None:
            # Parent rows already made themes as they were read: rows below an action's level are sub-tasks.
            keep = []
            for action, level in zip(actions, levels):
                if level > heading_level + 1:
                    reader.c.skip(reader.sheet, action.row, "a sub-task of the action above", action.action)
                    continue
                keep.append(action)
            return keep
        top = min(levels)
        below = self.parents(levels)
        if (
            len(levels) > 2
            and levels[0] == top
            and all(level > top for level in levels[1:])
            and sum(1 for is_parent, level in zip(below, levels) if is_parent and level == min(levels[1:])) >= 2
        ):
            # One row above all the others, over two or more groups: the plan itself (its title), not a theme.
            root, actions, levels = actions[0], actions[1:], levels[1:]
            self.found_title = root.action or ""
            reader.c.skip(
                reader.sheet, root.row, "the top row of the hierarchy: the plan itself (its title)", root.action
            )
            top = min(levels)
        parent = self.parents(levels)
        has_parents = any(p and level == top for p, level in zip(parent, levels))
        action_level = top + 1 if has_parents else top
        keep, theme = [], None
        for action, level, is_parent in zip(actions, levels, parent):
            if level == top and is_parent and has_parents:
                theme = self.make_theme(reader, action)
                reader.c.skip(
                    reader.sheet,
                    action.row,
                    "a parent row (its dates and % complete are roll-ups); made a theme",
                    action.action,
                )
                continue
            if level > action_level:
                reader.c.skip(reader.sheet, action.row, "a sub-task of the action above", action.action)
                continue
            if theme is not None:
                action.theme = theme.number
            else:
                self.unthemed(reader, action)
            keep.append(action)
        return keep


class Project(Hierarchical):
    slug, name = "project", "Microsoft Project"
    marks = {
        "outline level",
        "wbs",
        "resource names",
        "complete",
        "percent complete",
        "duration",
        "start",
        "finish",
        "predecessors",
        "unique id",
        "baseline finish",
        "name",
        "id",
    }
    sheet_names = (r"^task_?table",)
    statuses = {"on schedule": Rag.GREEN, "future task": Rag.GREY, "late": Rag.RED, "complete": Rag.BLUE}

    def adjust_mapping(self, mapping, headers):
        wbs = _header_index(headers, "wbs", "outline number", "wbs code")
        if wbs is not None:
            mapping = {i: n for i, n in mapping.items() if n != "ref"}
            mapping[wbs] = "ref"
        rag = _header_index(headers, "rag", "rag status")
        status = _header_index(headers, "status")
        if rag is not None and status is not None:
            mapping = {i: n for i, n in mapping.items() if n != "progress_rag"}
            mapping[rag] = "progress_rag"
            mapping[status] = "progress_rag"  # the computed status, when the custom RAG is empty
        finish = _header_index(headers, "finish", "finish date")
        if finish is not None:
            mapping = {i: n for i, n in mapping.items() if n != "due_date"}
            mapping[finish] = "due_date"
        self.outline = _header_index(headers, "outline level")
        self.summary = _header_index(headers, "summary")
        self.percent = (
            _header_index(headers, "complete", "percent complete") if "progress_rag" not in mapping.values() else None
        )
        return mapping

    outline = None
    percent = None
    summary = None
    # Project writes durations as "65 days" / "3 wks?" and dates as "Mon 02/09/24": Smartsheet writes "65d" and real dates.
    project_duration = re.compile(
        r"^\d+(?:\.\d+)?\s?(?:e?days?|e?wks?|e?weeks?|e?hrs?|e?mons?|e?months?|e?mins?)\??$", re.I
    )
    project_date = re.compile(r"^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)\w* \d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}", re.I)

    def score(self, sheet_names, header_labels, first_texts):
        score = super().score(sheet_names, header_labels, first_texts)
        if any(self.project_date.match(text) for text in first_texts):
            score += 4
        if any(self.project_duration.match(text) for text in first_texts):
            score += 3
        if "resource names" in header_labels:
            score += 2  # Project's own name for the people and roles on a task
        return score

    def row_kind(self, reader, row, values, texts, cells):
        if self.percent is not None and self.percent < len(values):
            value = values[self.percent]
            if isinstance(value, str):  # "60%", as Project writes it in a text export
                match = re.match(r"^\s*(\d+(?:\.\d+)?)\s*%\s*$", value)
                value = float(match[1]) / 100 if match else None
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                self.flags[(reader.sheet, row)] = {float(value)}
        return super().row_kind(reader, row, values, texts, cells)

    def finish_sheet(self, reader):
        super().finish_sheet(reader)
        # With no status or RAG column, % Complete rates: 100 % Blue, started Green, 0 % Grey.
        for action in reader.c.actions:
            if (
                action.sheet == reader.sheet
                and action.progress_rag is None
                and (reader.sheet, action.row) in self.flags
            ):
                done = next(iter(self.flags[(reader.sheet, action.row)]))
                done = done / 100 if done > 1 else done
                action.progress_rag = (Rag.BLUE if done >= 1 else Rag.GREEN if done > 0 else Rag.GREY).value

    def level_of(self, reader, values, cells):
        index = self.outline
        if index is None:
            ref = reader.columns.get("ref", [None])[0]
            text = clean_text(values[ref]) if ref is not None and ref < len(values) else ""
            if text:
                return text.count(".") + 1
            return self.level_without_outline(reader, values, cells)
        value = values[index] if index < len(values) else None
        try:
            return int(float(value))
        except (TypeError, ValueError):
            return None

    def level_without_outline(self, reader, values, cells):
        """No Outline Level or WBS: a Summary (Yes/No) column, else the task name's indent (leading spaces
        as a copied Gantt table keeps them, or the cell's indent). 1 is the top: 0 is only the project's own row."""
        if self.summary is not None and self.summary < len(values):
            flag = str(values[self.summary] or "").strip().lower()
            if flag in ("yes", "no", "true", "false"):
                return 1 if flag in ("yes", "true") else 2
        index = reader.columns.get("action", [None])[0]
        if index is None or index >= len(values) or not isinstance(values[index], str):
            return None
        raw = values[index].replace("\u00a0", " ")
        spaces = len(raw) - len(raw.lstrip(" \t"))
        alignment = getattr(cells[index], "alignment", None) if index < len(cells) else None
        indent = int(getattr(alignment, "indent", 0) or 0)
        return 1 + max(spaces, indent)

    def restructure(self, reader, actions, levels):
        parent = self.parents(levels)
        top = min(level for level in levels if level > 0) if any(level > 0 for level in levels) else 0
        keep, theme = [], None
        for action, level, is_parent in zip(actions, levels, parent):
            if level == 0:
                reader.c.skip(reader.sheet, action.row, "the project summary task (the plan's title)", action.action)
                continue
            if is_parent:
                if level == top:
                    theme = self.make_theme(reader, action)
                    reader.c.skip(
                        reader.sheet,
                        action.row,
                        "a summary task (its dates and % complete are roll-ups); made a theme",
                        action.action,
                    )
                else:
                    reader.c.skip(reader.sheet, action.row, "a summary task below a theme (a roll-up)", action.action)
                continue
            if theme is not None:
                action.theme = theme.number
            else:
                self.unthemed(reader, action)
            keep.append(action)
        return keep

    def title_from(self, candidates):
        for _sheet, header, rows, *_rest in candidates:
            if header is None:
                continue
            index, lines, headers = header
            # Project for the web (Planner premium) writes "Project name | …" rows above the task table.
            for row in rows[:index]:
                texts = [clean_text(value) for value in row if value not in (None, "")]
                if len(texts) == 2 and _label(texts[0]) in ("project name", "project title", "plan name", "name"):
                    return texts[1]
            outline = _header_index(headers, "outline level")
            name = _header_index(headers, "name", "task name")
            for row in rows[index + lines : index + lines + 3]:
                if outline is not None and name is not None and outline < len(row) and row[outline] in (0, "0"):
                    return clean_text(row[name])
        return ""


class Monday(Tool):
    slug, name, article = "monday", "monday.com board", "a"
    marks = {
        "name",
        "person",
        "owner",
        "status",
        "date",
        "timeline",
        "priority",
        "last updated",
        "item id",
        "subitems",
        "people",
    }
    statuses = {
        "working on it": Rag.GREEN,
        "stuck": Rag.RED,
        "done": Rag.BLUE,
        "waiting for review": Rag.AMBER,
        "pending": Rag.AMBER,
    }

    @property
    def sentence(self):
        return "This looks like a monday.com board export; its groups were read as themes and its status labels as monday.com writes them."

    holding = re.compile(r"^(?:waiting|awaiting|pending|on hold|paused|blocked)\b")

    def adjust_mapping(self, mapping, headers):
        mapping = dict(mapping)
        for index, text in headers.items():
            label = _label(text)
            # A board's Priority column holds Critical/High/Medium/Low: never the theme (the groups are).
            if mapping.get(index) == "theme" and label in ("priority", "urgency", "importance"):
                mapping.pop(index)
            # The item's system number is not the plan's ref.
            if mapping.get(index) == "ref" and label in ("item id", "pulse id", "id"):
                mapping.pop(index)
        return mapping

    def row_kind(self, reader, row, values, texts, cells):
        # A board's own labels for work held up ("Waiting for partners", "On hold", "Blocked"): amber (blocked red).
        for index in reader.columns.get("progress_rag", []):
            value = values[index] if index < len(values) else None
            if isinstance(value, str) and value.strip():
                key = status_key(value)
                if key and key not in reader.status_extra and self.holding.match(key):
                    if not read_status(value, reader.status_extra).known:
                        rag = Rag.RED if key.startswith("blocked") else Rag.AMBER
                        reader.status_extra = {**reader.status_extra, key: rag}
        return None

    def finish_sheet(self, reader):
        # A People column joins the board's users with ", ": each is one owner.
        resplit_people(reader)

    def score(self, sheet_names, header_labels, first_texts):
        score = super().score(sheet_names, header_labels, first_texts)
        if "subitems" in first_texts_labels(first_texts):
            score += 6
        return score + (3 if header_labels[:1] == ["name"] else 0)


class Planner(Tool):
    slug, name = "planner", "Microsoft Planner"
    marks = {
        "task id",
        "task name",
        "bucket name",
        "progress",
        "priority",
        "assigned to",
        "created by",
        "created date",
        "start date",
        "due date",
        "is recurring",
        "late",
        "completed date",
        "completed by",
        "completed checklist items",
        "checklist items",
        "labels",
        "description",
    }
    banners = (r"^plan name$", r"^plan id$", r"^date of export$")
    statuses = {"in progress": Rag.GREEN, "not started": Rag.GREY, "completed": Rag.BLUE}

    def adjust_mapping(self, mapping, headers):
        bucket = _header_index(headers, "bucket name", "bucket")
        if bucket is not None:
            mapping = _reassign(mapping, bucket, "theme")
        progress = _header_index(headers, "progress")
        if progress is not None:
            mapping = {i: n for i, n in mapping.items() if n != "progress_rag"}
            mapping[progress] = "progress_rag"
        for label in (
            "priority",
            "task id",
            "labels",
            "checklist items",
            "completed checklist items",
            "created by",
            "completed by",
        ):
            index = _header_index(headers, label)
            if index is not None and label != "labels":
                mapping.pop(index, None)
        labels = _header_index(headers, "labels")
        if labels is not None and "sources" not in mapping.values():
            mapping[labels] = "sources"
        self.late = _header_index(headers, "late")
        return mapping

    late = None

    def title_from(self, candidates):
        for _sheet, _header, rows, *_rest in candidates:
            for row in rows[:8]:
                texts = [clean_text(value) for value in row if value not in (None, "")]
                if len(texts) == 2 and _label(texts[0]) == "plan name":
                    return texts[1]
        return ""

    def row_kind(self, reader, row, values, texts, cells):
        if (
            self.late is not None
            and self.late < len(values)
            and str(values[self.late]).strip().lower() in ("true", "1", "yes")
        ):
            self.flags.setdefault((reader.sheet, row), set()).add("late")
        return None

    def finish_sheet(self, reader):
        for action in reader.c.actions:
            if action.sheet == reader.sheet and "late" in self.flags.get((reader.sheet, action.row), set()):
                if action.progress_rag != Rag.BLUE.value and not action.closed:
                    action.progress_rag = Rag.RED.value  # late and not completed


class Pentana(Tool):
    slug, name = "pentana", "Pentana (Covalent) report"
    marks = {
        "code",
        "title",
        "description",
        "status",
        "progress",
        "original due date",
        "due date",
        "assigned to",
        "managed by",
        "latest note",
        "note date",
        "icon",
    }
    banners = (r"^generated on\b", r"^generated by\b", r"^report (?:run|produced)\b", r"^filter\b", r"^period\b")
    statuses = {
        "completed": Rag.BLUE,
        "in progress": Rag.GREEN,
        "ok": Rag.GREEN,
        "check progress": Rag.AMBER,
        "warning": Rag.AMBER,
        "overdue": Rag.RED,
        "neglected": Rag.RED,
        "alert": Rag.RED,
        "not started": Rag.GREY,
        "assigned": Rag.GREY,
        "unassigned": Rag.GREY,
        "unknown": Rag.GREY,
        "data only": Rag.GREY,
    }

    def adjust_mapping(self, mapping, headers):
        for label in ("note date", "original due date", "progress"):
            index = _header_index(headers, label)
            if index is not None:
                mapping.pop(index, None)
        note = _header_index(headers, "latest note", "note")
        if note is not None:
            mapping = _reassign(mapping, note, "latest_note")
        due = _header_index(headers, "due date", "revised due date")
        if due is not None:
            mapping = _reassign(mapping, due, "due_date")
        # A report of actions lists each one's parent (the objective or priority it is linked to): the theme.
        parent = _header_index(
            headers,
            "parent title",
            "parent name",
            "parent item title",
            "parent description",
            "linked objective",
            "linked objective title",
            "objective title",
            "parent",
            "parent item",
            "linked to",
        )
        codes = {"parent code", "parent item code", "linked objective code", "objective code"}
        for index, text in headers.items():
            if _label(text) in codes and mapping.get(index) in ("ref", "theme") and index != parent:
                mapping.pop(index)  # the parent's code: its title says the theme
        if parent is not None and "theme" not in mapping.values():
            mapping = _reassign(mapping, parent, "theme")
        return mapping

    def row_kind(self, reader, row, values, texts, cells):
        ref_index = reader.columns.get("ref", [None])[0]
        if ref_index is not None and ref_index < len(cells):
            if getattr(getattr(cells[ref_index], "font", None), "b", False):
                self.flags.setdefault((reader.sheet, row), set()).add("bold")
        if ref_index is None or reader.current is None:
            return None
        ref = clean_text(values[ref_index]) if ref_index < len(values) else ""
        if (
            ref
            and reader.current.ref
            and ref.startswith(reader.current.ref + ".")
            and reader.current.sheet == reader.sheet
            and (reader.current.owners or reader.current.due_date)  # an objective's row has neither
        ):
            reader.skip(row, "a milestone of the action above", " | ".join(texts.values()))
            return "skip"
        return None

    def finish_sheet(self, reader):
        """An objective's row (a code, a title, a roll-up status, no officer and no due date) whose code
        begins the codes of the rows below it, or which is bold above rows that are not, is the theme of
        the rows below it (up to the next such row), not an action."""
        actions = [a for a in reader.c.actions if a.sheet == reader.sheet]

        def bold(action):
            return "bold" in self.flags.get((reader.sheet, action.row), set())

        def parent(index):
            action, following = actions[index], actions[index + 1] if index + 1 < len(actions) else None
            if not action.ref or action.owners or action.due_date or following is None or not following.ref:
                return False
            if re.match(re.escape(action.ref) + r"[\s.\-/_:]", following.ref):
                return True
            return bold(action) and not bold(following) and bool(following.owners or following.due_date)

        parents = [index for index in range(len(actions)) if parent(index)]
        if not parents:
            return
        placeholder = reader.placeholder
        if (
            parents[0] == 0
            and placeholder is not None
            and placeholder in reader.c.themes
            and all(a.theme == placeholder.number for a in actions)
        ):
            reader.c.themes.remove(placeholder)
        dropped, theme = set(), None
        for index, action in enumerate(actions):
            if index in parents:
                theme = reader.c.theme("", action.action or action.ref, row=action.row, sheet=reader.sheet)
                dropped.add(id(action))
                reader.c.skip(
                    reader.sheet,
                    action.row,
                    "an objective's row (its status is a roll-up); made a theme",
                    action.action,
                )
                continue
            if theme is not None:
                action.theme = theme.number
        reader.c.actions[:] = [a for a in reader.c.actions if id(a) not in dropped]
        reader.actions_read -= len(dropped)


class WordTable(Tool):
    slug, name = "word", "Word table pasted into Excel"

    @property
    def sentence(self):
        return (
            "This looks like a table pasted from Word: rows split by paragraph were joined back into one action, "
            "repeated page headers and footnotes were left out."
        )

    theme_rows = False  # set by detect(): the table has theme rows spanning its width

    def score(self, sheet_names, header_labels, first_texts):
        return 0  # decided from the sheet's shape in detect()

    def adjust_mapping(self, mapping, headers):
        """With theme rows across the table, a column of areas for improvement is each action's need."""
        if not self.theme_rows:
            return mapping
        mapping = dict(mapping)
        for index, name in list(mapping.items()):
            if name == "theme":
                if "improvement_need" in mapping.values():
                    mapping.pop(index)
                else:
                    mapping[index] = "improvement_need"
        return mapping


def first_texts_labels(texts):
    return {_label(text) for text in texts}


TOOLS = [Smartsheet, Monday, Planner, Project, Pentana]
MONDAY_ONLY = {"last updated", "item id", "creation log", "subitems", "people", "person"}


def detect(workbook, candidates, cells=None):
    """The tool whose export this workbook looks like, or None."""
    sheet_names = [sheet.title for sheet, _header, _rows in candidates]
    header_labels, first_texts = [], []
    repeated_headers, merged_rows, lone_rows, group_blocks = 0, 0, 0, 0
    for _sheet, header, rows in candidates:
        for row in rows[:60]:
            for value in row:
                if value not in (None, ""):
                    text = clean_text(value)
                    if len(text) < 80:
                        first_texts.append(text)
        if header is None:
            continue
        index, lines, headers = header
        labels = [_label(text) for _i, text in sorted(headers.items())]
        header_labels.extend(labels)
        signature = [clean_text(v) for v in rows[index]]
        repeats = [
            number for number, row in enumerate(rows) if number > index and [clean_text(v) for v in row] == signature
        ]

        # A header repeated right under a lone heading row opens the next theme's block (a council's layout); one
        # repeated in the middle of a theme's rows is a page header, as a Word table pasted into Excel has.
        def heading_above(number, rows=rows):
            above = [clean_text(v) for v in rows[number - 1] if v not in (None, "")] if number >= 1 else []
            return len(above) == 1 and not kinds.is_note(above[0])  # "Page 1" above is a page break

        repeated_headers += sum(1 for number in repeats if not heading_above(number))

        # monday.com: each group is a lone group-name row, then the board's header starting "Name".
        def lone(number, rows=rows):
            return number >= 0 and len([v for v in rows[number] if v not in (None, "")]) == 1

        if labels[:1] == ["name"]:
            group_blocks += sum(1 for number in [index] + repeats if lone(number - 1))
        elif set(labels) & MONDAY_ONLY:
            # The item column renamed ("Action"): the group blocks and a column only monday writes say so.
            group_blocks += sum(1 for number in [index] + repeats if lone(number - 1))
    scores = []
    signals = _signals(candidates, first_texts, cells or {})
    for tool_class in TOOLS:
        tool = tool_class()
        score = (
            tool.score(sheet_names, header_labels, first_texts, signals)
            if tool_class is Smartsheet
            else tool.score(sheet_names, header_labels, first_texts)
        )
        if tool_class is Monday and group_blocks >= 2:
            score += 8
        # Needs several of its marks: a council sheet with "Status" and "Comments" is not Smartsheet.
        scores.append((score, tool_class.__name__, tool))
    scores.sort(key=lambda item: item[0], reverse=True)
    best_score, _name, best = scores[0]
    runner_up = scores[1][0] if len(scores) > 1 else 0
    if best_score >= 10 and best_score >= runner_up + 3:
        best.workbook = workbook
        return best
    merged_rows = _merged_row_share(workbook, candidates)
    if repeated_headers and merged_rows >= 0.2:
        word = WordTable()
        word.theme_rows = _has_theme_rows(candidates)
        return word
    del lone_rows
    return None


def _has_theme_rows(candidates):
    """Whether a table holds theme rows ("1. Children in care" alone on its row) below its header."""
    from plans.importing.rows import theme_row

    for _sheet, header, rows in candidates:
        if header is None:
            continue
        for row in rows[header[0] + header[1] :]:
            texts = {clean_text(value) for value in row if value not in (None, "")}
            if len(texts) == 1 and theme_row(next(iter(texts))):
                return True
    return False


def _signals(candidates, first_texts, cells):
    """Marks of a Smartsheet export beyond its column titles: RYG words, indentation, checkboxes."""
    words = {text.lower() for text in first_texts}
    signals = {
        "yellow_or_gray": bool(words & {"yellow", "gray"}),
        "checkbox": bool(words & {"true", "false"}),
        "indented": False,
    }
    for sheet, header, _rows in candidates:
        if header is None:
            continue
        start = header[0] + header[1]
        rows = cells.get(sheet.title)
        if rows is None:
            rows = list(sheet.iter_rows(min_row=start + 1, max_row=start + 41, max_col=3))
        else:
            rows = rows[start : start + 40]
        for row in rows:
            for cell in row[:3]:
                alignment = getattr(cell, "alignment", None)
                if alignment is not None and (getattr(alignment, "indent", 0) or 0) > 0:
                    signals["indented"] = True
                    return signals
    return signals


def _merged_row_share(workbook, candidates):
    """The share of data rows with a cell merged down: high in a Word table pasted into Excel."""
    from plans.importing.merges import sheet_merges

    for sheet, header, rows in candidates:
        if header is None:
            continue
        ranges = sheet_merges(sheet)
        data = max(1, len(rows) - header[0] - header[1])
        down = {
            row
            for min_col, min_row, max_col, max_row in ranges
            if max_row > min_row
            for row in range(min_row, max_row + 1)
        }
        across = [r for r in ranges if r[2] - r[0] >= 3 and r[1] == r[3]]
        return (len(down) + 2 * len(across)) / data
    return 0


STATUS_KEYS = status_key  # re-exported for the forms
