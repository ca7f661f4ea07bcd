"""Reads the content folder, validates every file, and builds a `Library`.

Every problem is collected as `path:line: what is wrong`; nothing is raised until the whole folder
has been read, so an author sees all their mistakes at once. Front matter is YAML (split off by
python-frontmatter, parsed by PyYAML so each key keeps its line); the body is CommonMark, parsed
by markdown-it-py.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import frontmatter
import yaml
from markdown_it import MarkdownIt
from markdown_it.token import Token

from bot.content.model import (
    EQUIPMENT,
    Card,
    Kind,
    Library,
    Position,
    Routine,
    Slot,
    Stage,
)

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
MAX_TITLE = 60
MAX_STEP = 300
PROGRAMME_WEEKS = tuple(range(1, 9))


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with one file."""

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        if self.line <= 0:  # a problem with a folder rather than a line of a file
            return f"{self.path}: {self.message}"
        return f"{self.path}:{self.line}: {self.message}"


class ContentError(Exception):
    """The content folder has problems; `problems` lists every one of them."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class _Invalid(ValueError):
    """A field value that does not fit its rule."""


@dataclass
class _Document:
    """A markdown file split into front matter (values and key lines) and a parsed body."""

    path: str
    data: dict[str, Any]
    key_lines: dict[str, int]
    value_nodes: dict[str, yaml.Node]
    body: str
    body_line: int  # 1-based line of the body's first line in the file
    first: int  # 1-based line of the front matter's first line (YAML marks count from there)


class _Reader:
    """Collects problems while reading files."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.problems: list[Problem] = []
        self.id_lines: dict[str, int] = {}

    def name(self, path: Path) -> str:
        try:
            return str(path.relative_to(Path.cwd()))
        except ValueError:
            return str(path)

    def problem(self, path: str, line: int, message: str) -> None:
        self.problems.append(Problem(path, line, message))

    def document(self, path: Path) -> _Document | None:
        """Split and parse one file; report malformed front matter with its line."""
        name = self.name(path)
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            self.problem(name, 1, f"cannot read the file ({exc.__class__.__name__})")
            return None
        if not text.startswith("---"):
            self.problem(name, 1, "the file must start with front matter between two '---' lines")
            return None
        raw, body = frontmatter.YAMLHandler().split(text)
        first = text[: text.find(raw)].count("\n") + 1 if raw.strip() else 2
        loader = yaml.SafeLoader(raw)
        try:
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else None
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            line = first + (mark.line if mark else 0)
            self.problem(name, line, f"malformed front matter: {exc.problem or exc.context}")
            return None
        finally:
            loader.dispose()
        if not isinstance(data, dict) or not isinstance(node, yaml.MappingNode):
            self.problem(name, 2, "front matter must be a set of 'key: value' lines")
            return None
        key_lines: dict[str, int] = {}
        value_nodes: dict[str, yaml.Node] = {}
        for key_node, value_node in node.value:
            key = str(key_node.value)
            line = first + key_node.start_mark.line
            if key in key_lines:
                self.problem(name, line, f"key '{key}' appears twice")
            key_lines[key] = line
            value_nodes[key] = value_node
        # The body is everything after the closing '---' line; parse it from there so markdown line
        # numbers map straight onto file lines.
        lines = text.splitlines()
        close = next(
            (i for i in range(1, len(lines)) if re.fullmatch(r"-{3,}\s*", lines[i])), len(lines)
        )
        body = "\n".join(lines[close + 1 :])
        body_line = close + 2
        return _Document(name, data, key_lines, value_nodes, body, body_line, first)


# --- field rules -----------------------------------------------------------------------------


def _text(limit: int = 500) -> Callable[[Any], str]:
    def check(value: Any) -> str:
        if not isinstance(value, str) or not value.strip():
            raise _Invalid("must be non-empty text")
        if len(value) > limit:
            raise _Invalid(f"is {len(value)} characters long; at most {limit}")
        return value.strip()

    return check


def _identifier(value: Any) -> str:
    if not isinstance(value, str) or not ID_PATTERN.match(value):
        raise _Invalid("must be lowercase words joined by hyphens, like 'chair-hamstring'")
    return value


def _integer(low: int, high: int, unit: str = "") -> Callable[[Any], int]:
    def check(value: Any) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise _Invalid(f"must be a whole number from {low} to {high}{unit}")
        if not low <= value <= high:
            raise _Invalid(f"is {value}; it must be from {low} to {high}{unit}")
        return value

    return check


def _boolean(value: Any) -> bool:
    if not isinstance(value, bool):
        raise _Invalid("must be true or false")
    return value


def _choice(options: Iterable[str]) -> Callable[[Any], str]:
    allowed = tuple(options)

    def check(value: Any) -> str:
        if value not in allowed:
            raise _Invalid(f"is {value!r}; expected one of: {', '.join(allowed)}")
        return str(value)

    return check


def _list_of(item: Callable[[Any], Any], *, non_empty: bool = False) -> Callable[[Any], tuple]:
    def check(value: Any) -> tuple:
        if not isinstance(value, list):
            raise _Invalid("must be a list, like [a, b]")
        if non_empty and not value:
            raise _Invalid("must list at least one entry")
        return tuple(item(v) for v in value)

    return check


_SLOTS = [s.value for s in Slot]

CARD_FIELDS: dict[str, tuple[bool, Callable[[Any], Any]]] = {
    "id": (True, _identifier),
    "title": (True, _text(MAX_TITLE)),
    "kind": (True, _choice(k.value for k in Kind)),
    "purpose": (True, _text(200)),
    "slots": (True, _list_of(_choice(_SLOTS))),
    "position": (True, _choice(p.value for p in Position)),
    "equipment": (True, _list_of(_choice(sorted(EQUIPMENT)))),
    "sides": (True, _choice(("each", "none"))),
    "hold_seconds": (False, _integer(5, 120, " seconds")),
    "work_seconds": (False, _integer(5, 300, " seconds")),
    "reps": (True, _integer(1, 30)),
    "level": (True, _integer(1, 4)),
    "gentle": (True, _boolean),
    "cautions": (True, _list_of(_text(300), non_empty=True)),
    "hold_step": (False, _integer(1, 20)),
    "why": (False, _text(600)),
    "sources": (False, _list_of(_text(200))),
}

ROUTINE_FIELDS: dict[str, tuple[bool, Callable[[Any], Any]]] = {
    "id": (True, _identifier),
    "title": (True, _text(MAX_TITLE)),
    "slot": (True, _choice(_SLOTS)),
    "pick": (True, _choice(("all", "one"))),
    "cards": (True, _list_of(_identifier, non_empty=True)),
    "gentle_cards": (True, _list_of(_identifier, non_empty=True)),
}

STAGE_FIELDS: dict[str, tuple[bool, Callable[[Any], Any]]] = {
    "weeks": (True, _list_of(_integer(1, 8), non_empty=True)),
    "title": (True, _text(MAX_TITLE)),
    "hold_seconds": (True, _integer(5, 120, " seconds")),
    "stretches": (True, _list_of(_identifier, non_empty=True)),
    "core": (True, _list_of(_identifier, non_empty=True)),
}


def _fields(
    reader: _Reader,
    path: str,
    data: dict[str, Any],
    key_lines: dict[str, int],
    rules: dict[str, tuple[bool, Callable[[Any], Any]]],
    where: int,
    what: str,
) -> dict[str, Any] | None:
    """Check `data` against `rules`: unknown, missing and invalid keys. None on failure."""
    ok = True
    values: dict[str, Any] = {}
    for key in data:
        if key not in rules:
            known = ", ".join(rules)
            reader.problem(path, key_lines.get(str(key), where), f"unknown key '{key}' ({known})")
            ok = False
    for key, (required, rule) in rules.items():
        if key not in data or data[key] is None:
            if required:
                reader.problem(path, where, f"{what} is missing the required key '{key}'")
                ok = False
            continue
        try:
            values[key] = rule(data[key])
        except _Invalid as exc:
            reader.problem(path, key_lines.get(key, where), f"'{key}' {exc}")
            ok = False
    return values if ok else None


# --- markdown body ---------------------------------------------------------------------------

_markdown = MarkdownIt("commonmark")


def _inline_html(token: Token) -> str:
    """Render a paragraph's inline markdown as the small HTML subset Telegram accepts."""
    out: list[str] = []
    tags = {"strong_open": "<b>", "strong_close": "</b>", "em_open": "<i>", "em_close": "</i>"}
    for child in token.children or []:
        if child.type == "text":
            out.append(html.escape(child.content, quote=False))
        elif child.type == "code_inline":
            out.append(f"<code>{html.escape(child.content, quote=False)}</code>")
        elif child.type == "html_inline":  # authors write text, not HTML: show it as typed
            out.append(html.escape(child.content, quote=False))
        elif child.type in ("softbreak", "hardbreak"):
            out.append(" ")
        elif child.type in tags:
            out.append(tags[child.type])
    return "".join(out).strip()


def _visible(fragment: str) -> str:
    """The text a reader sees once the HTML tags are gone."""
    return html.unescape(re.sub(r"<[^>]+>", "", fragment))


@dataclass
class _Section:
    title: str
    line: int
    ordered: list[tuple[int, str]]
    bullets: list[tuple[int, str]]
    paragraphs: list[str]


def _sections(body: str, body_line: int) -> list[_Section]:
    """Split a body into `## Heading` sections with their list items and paragraphs."""
    sections: list[_Section] = [_Section("", body_line, [], [], [])]
    tokens = _markdown.parse(body)
    list_kind: list[str] = []
    in_item = 0
    for i, token in enumerate(tokens):
        line = body_line + (token.map[0] if token.map else 0)
        if token.type == "heading_open":
            title = tokens[i + 1].content.strip()
            sections.append(_Section(title, line, [], [], []))
        elif token.type in ("ordered_list_open", "bullet_list_open"):
            list_kind.append(token.type)
        elif token.type in ("ordered_list_close", "bullet_list_close"):
            list_kind.pop()
        elif token.type == "list_item_open":
            in_item += 1
        elif token.type == "list_item_close":
            in_item -= 1
        elif token.type == "inline" and tokens[i - 1].type == "paragraph_open":
            fragment = _inline_html(token)
            if in_item and list_kind[-1] == "ordered_list_open":
                sections[-1].ordered.append((line, fragment))
            elif in_item:
                sections[-1].bullets.append((line, fragment))
            else:
                sections[-1].paragraphs.append(fragment)
    return sections


# --- files -----------------------------------------------------------------------------------


def _read_card(reader: _Reader, path: Path) -> Card | None:
    doc = reader.document(path)
    if doc is None:
        return None
    values = _fields(reader, doc.path, doc.data, doc.key_lines, CARD_FIELDS, 2, "the card")
    sections = {s.title.lower(): s for s in _sections(doc.body, doc.body_line)}
    steps_section = sections.get("steps")
    mistakes_section = sections.get("mistakes to avoid")
    ok = values is not None
    if steps_section is None:
        reader.problem(doc.path, doc.body_line, "the card has no '## Steps' section")
        ok = False
    elif not steps_section.ordered:
        reader.problem(
            doc.path, steps_section.line, "'## Steps' must have at least one numbered step"
        )
        ok = False
    if mistakes_section is None:
        reader.problem(doc.path, doc.body_line, "the card has no '## Mistakes to avoid' section")
        ok = False
    elif not mistakes_section.bullets:
        reader.problem(
            doc.path, mistakes_section.line, "'## Mistakes to avoid' needs at least one bullet"
        )
        ok = False
    for section in (steps_section, mistakes_section):
        for line, fragment in (section.ordered + section.bullets) if section else []:
            if len(_visible(fragment)) > MAX_STEP:
                reader.problem(doc.path, line, f"this line is longer than {MAX_STEP} characters")
                ok = False
    if values is None or not ok or steps_section is None or mistakes_section is None:
        return None
    dose = [key for key in ("hold_seconds", "work_seconds") if key in values]
    if len(dose) != 1:
        reader.problem(
            doc.path,
            doc.key_lines.get(dose[-1], 2) if dose else 2,
            "give exactly one of 'hold_seconds' (a static hold) or 'work_seconds' (a timed move)",
        )
        return None
    steps = tuple(fragment for _, fragment in steps_section.ordered)
    hold_step = values.get("hold_step")
    if hold_step is not None and hold_step > len(steps):
        reader.problem(
            doc.path,
            doc.key_lines["hold_step"],
            f"'hold_step' is {hold_step}, but there are only {len(steps)} steps",
        )
        return None
    reader.id_lines[doc.path] = doc.key_lines["id"]
    return Card(
        id=values["id"],
        title=values["title"],
        kind=Kind(values["kind"]),
        purpose=values["purpose"],
        slots=frozenset(Slot(s) for s in values["slots"]),
        position=Position(values["position"]),
        equipment=values["equipment"],
        sides=values["sides"],
        reps=values["reps"],
        level=values["level"],
        gentle=values["gentle"],
        cautions=values["cautions"],
        steps=steps,
        mistakes=tuple(fragment for _, fragment in mistakes_section.bullets),
        hold_seconds=values.get("hold_seconds"),
        work_seconds=values.get("work_seconds"),
        hold_step=hold_step,
        why=values.get("why"),
        sources=values.get("sources", ()),
        path=doc.path,
    )


def _item_lines(node: yaml.Node | None, first: int) -> list[int]:
    """1-based file lines of each item of a YAML sequence node (flow or block)."""
    if isinstance(node, yaml.SequenceNode):
        return [first + item.start_mark.line for item in node.value]
    return []


def _check_refs(
    reader: _Reader,
    path: str,
    names: tuple[str, ...],
    node: yaml.Node | None,
    line: int,
    cards: dict[str, Card],
    rule: Callable[[Card], str | None] | None = None,
    first: int = 2,
) -> bool:
    """Every name must be an existing card (and pass `rule`, which returns a complaint or None)."""
    ok = True
    lines = _item_lines(node, first)
    for index, name in enumerate(names):
        where = lines[index] if index < len(lines) else line
        card = cards.get(name)
        if card is None:
            reader.problem(path, where, f"no card has the id '{name}'")
            ok = False
            continue
        complaint = rule(card) if rule else None
        if complaint:
            reader.problem(path, where, complaint)
            ok = False
    return ok


def _read_routine(reader: _Reader, path: Path, cards: dict[str, Card]) -> Routine | None:
    doc = reader.document(path)
    if doc is None:
        return None
    values = _fields(reader, doc.path, doc.data, doc.key_lines, ROUTINE_FIELDS, 2, "the routine")
    if values is None:
        return None
    slot = Slot(values["slot"])

    def suits(card: Card) -> str | None:
        return None if slot in card.slots else f"card '{card.id}' is not marked for {slot}"

    def gentle(card: Card) -> str | None:
        if not card.gentle:
            return f"card '{card.id}' is in gentle_cards but is not marked gentle"
        return suits(card)

    ok = _check_refs(
        reader,
        doc.path,
        values["cards"],
        doc.value_nodes.get("cards"),
        doc.key_lines["cards"],
        cards,
        suits,
        doc.first,
    )
    ok &= _check_refs(
        reader,
        doc.path,
        values["gentle_cards"],
        doc.value_nodes.get("gentle_cards"),
        doc.key_lines["gentle_cards"],
        cards,
        gentle,
        doc.first,
    )
    intro = " ".join(
        s for section in _sections(doc.body, doc.body_line) for s in section.paragraphs
    )
    if not ok:
        return None
    return Routine(
        id=values["id"],
        title=values["title"],
        slot=slot,
        pick=values["pick"],
        cards=values["cards"],
        gentle_cards=values["gentle_cards"],
        intro=intro,
        path=doc.path,
    )


def _read_programme(reader: _Reader, path: Path, cards: dict[str, Card]) -> tuple[Stage, ...]:
    doc = reader.document(path)
    if doc is None:
        return ()
    for key in doc.data:
        if key != "stages":
            reader.problem(
                doc.path, doc.key_lines.get(str(key), 2), f"unknown key '{key}' (stages)"
            )
    raw = doc.data.get("stages")
    node = doc.value_nodes.get("stages")
    if not isinstance(raw, list) or not raw or not isinstance(node, yaml.SequenceNode):
        reader.problem(doc.path, doc.key_lines.get("stages", 2), "'stages' must list the stages")
        return ()
    stages: list[Stage] = []
    covered: dict[int, int] = {}
    for number, (item, item_node) in enumerate(zip(raw, node.value, strict=True), start=1):
        line = doc.first + item_node.start_mark.line
        if not isinstance(item, dict) or not isinstance(item_node, yaml.MappingNode):
            reader.problem(doc.path, line, f"stage {number} must be a set of 'key: value' lines")
            continue
        key_lines = {str(k.value): doc.first + k.start_mark.line for k, _ in item_node.value}
        nodes = {str(k.value): v for k, v in item_node.value}
        values = _fields(reader, doc.path, item, key_lines, STAGE_FIELDS, line, f"stage {number}")
        if values is None:
            continue
        for week in values["weeks"]:
            if week in covered:
                reader.problem(
                    doc.path,
                    key_lines["weeks"],
                    f"week {week} is in stages {covered[week]} and {number}",
                )
            covered[week] = number

        def is_kind(*kinds: Kind) -> Callable[[Card], str | None]:
            def rule(card: Card) -> str | None:
                if card.kind in kinds:
                    return None
                return f"card '{card.id}' is a {card.kind}, not a {' or '.join(kinds)}"

            return rule

        ok = _check_refs(
            reader,
            doc.path,
            values["stretches"],
            nodes.get("stretches"),
            key_lines["stretches"],
            cards,
            is_kind(Kind.STRETCH, Kind.WARMUP),
            doc.first,
        )
        ok &= _check_refs(
            reader,
            doc.path,
            values["core"],
            nodes.get("core"),
            key_lines["core"],
            cards,
            is_kind(Kind.CORE),
            doc.first,
        )
        if ok:
            stages.append(
                Stage(
                    number=number,
                    weeks=values["weeks"],
                    title=values["title"],
                    hold_seconds=values["hold_seconds"],
                    stretches=values["stretches"],
                    core=values["core"],
                )
            )
    missing = [w for w in PROGRAMME_WEEKS if w not in covered]
    if missing:
        weeks = ", ".join(map(str, missing))
        reader.problem(doc.path, doc.key_lines["stages"], f"no stage covers week(s) {weeks}")
    return tuple(stages)


def load_library(root: Path) -> Library:
    """Read and validate `root` (cards/, routines/, programme.md); `ContentError` if broken."""
    from bot.content.render import check_renders  # local: render imports the model only

    reader = _Reader(root)
    if not root.is_dir():
        raise ContentError([Problem(str(root), 0, "the content folder does not exist")])
    cards: dict[str, Card] = {}
    card_paths = sorted((root / "cards").glob("*.md"))
    if not card_paths:
        reader.problem(reader.name(root / "cards"), 0, "there are no cards (*.md) here")
    for path in card_paths:
        card = _read_card(reader, path)
        if card is None:
            continue
        if card.id in cards:
            line = reader.id_lines.get(card.path, 2)
            reader.problem(
                card.path, line, f"duplicate id '{card.id}' (also in {cards[card.id].path})"
            )
            continue
        for problem in check_renders(card):
            reader.problem(card.path, 1, problem)
        cards[card.id] = card
    routines: dict[str, Routine] = {}
    for path in sorted((root / "routines").glob("*.md")):
        routine = _read_routine(reader, path, cards)
        if routine is None:
            continue
        if routine.id in routines:
            reader.problem(routine.path, 2, f"duplicate routine id '{routine.id}'")
            continue
        routines[routine.id] = routine
    for slot in Slot:
        if not any(r.slot is slot for r in routines.values()) and not reader.problems:
            reader.problem(reader.name(root / "routines"), 0, f"no routine serves the {slot} slot")
    stages: tuple[Stage, ...] = ()
    programme = root / "programme.md"
    if programme.exists():
        stages = _read_programme(reader, programme, cards)
    else:
        reader.problem(reader.name(programme), 0, "the 8-week programme file is missing")
    if reader.problems:
        raise ContentError(reader.problems)
    return Library(cards=cards, routines=routines, stages=stages)
