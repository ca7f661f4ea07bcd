"""Reads the content folder, validates every file, and builds a `Library`.

Every problem is collected as `path:line: what is wrong`; nothing is raised until the whole folder
has been read, so an author sees all their mistakes at once. Front matter is YAML (split off by
python-frontmatter, parsed by PyYAML so each key keeps its line); the body is CommonMark, parsed
by markdown-it-py.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import yaml

from bot.content.body import read_pose
from bot.content.document import Problem, Reader, sections, visible
from bot.content.model import (
    DEFAULT_EQUIPMENT,
    EQUIPMENT,
    MIN_STAGE_HOLD,
    Card,
    Kind,
    Library,
    Position,
    Routine,
    Slot,
    Stage,
)
from bot.content.rules import (
    ID_PATTERN,
    Invalid,
    boolean,
    choice,
    identifier,
    integer,
    list_of,
    text,
)

MAX_TITLE = 60
MAX_STEP = 300
PROGRAMME_WEEKS = tuple(range(1, 9))


class ContentError(Exception):
    """The content folder has problems; `problems` lists every one of them."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


_SLOTS = [s.value for s in Slot]

CARD_FIELDS: dict[str, tuple[bool, Callable[[Any], Any]]] = {
    "id": (True, identifier),
    "title": (True, text(MAX_TITLE)),
    "kind": (True, choice(k.value for k in Kind)),
    "purpose": (True, text(200)),
    "slots": (True, list_of(choice(_SLOTS))),
    "position": (True, choice(p.value for p in Position)),
    "equipment": (True, list_of(choice(sorted(EQUIPMENT)))),
    "sides": (True, choice(("each", "none"))),
    "hold_seconds": (False, integer(5, 120, " seconds")),
    "work_seconds": (False, integer(5, 300, " seconds")),
    "reps": (True, integer(1, 30)),
    "level": (True, integer(1, 4)),
    "gentle": (True, boolean),
    "cautions": (True, list_of(text(300), non_empty=True)),
    "hold_step": (False, integer(1, 20)),
    "why": (False, text(600)),
    "sources": (False, list_of(identifier)),
    "substitute": (False, identifier),
    "pose": (False, lambda value: value),  # read by bot.content.body, with its own lines
}

ROUTINE_FIELDS: dict[str, tuple[bool, Callable[[Any], Any]]] = {
    "id": (True, identifier),
    "title": (True, text(MAX_TITLE)),
    "slot": (True, choice(_SLOTS)),
    "pick": (True, choice(("all", "one"))),
    "cards": (False, list_of(identifier, non_empty=True)),
    "gentle_cards": (True, list_of(identifier, non_empty=True)),
}

STAGE_FIELDS: dict[str, tuple[bool, Callable[[Any], Any]]] = {
    "weeks": (True, list_of(integer(1, 8), non_empty=True)),
    "title": (True, text(MAX_TITLE)),
    "hold_seconds": (True, integer(MIN_STAGE_HOLD, 120, " seconds")),
    "warmup": (True, list_of(identifier, non_empty=True)),
    "stretches": (True, list_of(identifier, non_empty=True)),
    "core": (True, list_of(identifier, non_empty=True)),
    "evening": (True, list_of(identifier, non_empty=True)),
}


def _fields(
    reader: Reader,
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
        except Invalid as exc:
            reader.problem(path, key_lines.get(key, where), f"'{key}' {exc}")
            ok = False
    return values if ok else None


# --- files -----------------------------------------------------------------------------------


def _read_card(reader: Reader, path: Path) -> Card | None:
    doc = reader.document(path)
    if doc is None:
        return None
    values = _fields(reader, doc.path, doc.data, doc.key_lines, CARD_FIELDS, 2, "the card")
    by_title = {s.title.lower(): s for s in sections(doc.body, doc.body_line)}
    steps_section = by_title.get("steps")
    mistakes_section = by_title.get("mistakes to avoid")
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
            if len(visible(fragment)) > MAX_STEP:
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
    pose, problems = read_pose(doc.data.get("pose"), doc.value_nodes.get("pose"), doc.first)
    for problem in problems:
        reader.problem(doc.path, problem.line, f"pose: {problem.message}")
    if problems:
        return None
    if pose is None:
        reader.warnings.append(f"{doc.path}:{doc.key_lines['id']}: the card has no pose yet")
    reader.id_lines[doc.path] = doc.key_lines["id"]
    reader.key_lines[doc.path] = doc.key_lines
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
        substitute=values.get("substitute"),
        path=doc.path,
        pose=pose,
    )


def _item_lines(node: yaml.Node | None, first: int) -> list[int]:
    """1-based file lines of each item of a YAML sequence node (flow or block)."""
    if isinstance(node, yaml.SequenceNode):
        return [first + item.start_mark.line for item in node.value]
    return []


def _check_refs(
    reader: Reader,
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


def _read_routine(reader: Reader, path: Path, cards: dict[str, Card]) -> Routine | None:
    doc = reader.document(path)
    if doc is None:
        return None
    values = _fields(reader, doc.path, doc.data, doc.key_lines, ROUTINE_FIELDS, 2, "the routine")
    if values is None:
        return None
    slot = Slot(values["slot"])
    if slot is Slot.DESK and "cards" not in values:
        reader.problem(doc.path, 2, "a desk routine must list its 'cards'")
        return None
    if slot is not Slot.DESK and "cards" in values:
        reader.problem(
            doc.path,
            doc.key_lines["cards"],
            f"the programme chooses {slot} cards: list them under a stage in programme.md",
        )
        return None

    def suits(card: Card) -> str | None:
        return None if slot in card.slots else f"card '{card.id}' is not marked for {slot}"

    def gentle(card: Card) -> str | None:
        if not card.gentle:
            return f"card '{card.id}' is in gentle_cards but is not marked gentle"
        return suits(card)

    ok = _check_refs(
        reader,
        doc.path,
        values.get("cards", ()),
        doc.value_nodes.get("cards"),
        doc.key_lines.get("cards", 2),
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
        s for section in sections(doc.body, doc.body_line) for s in section.paragraphs
    )
    if not ok:
        return None
    return Routine(
        id=values["id"],
        title=values["title"],
        slot=slot,
        pick=values["pick"],
        cards=values.get("cards", ()),
        gentle_cards=values["gentle_cards"],
        intro=intro,
        path=doc.path,
    )


def is_kind(*kinds: Kind) -> Callable[[Card], str | None]:
    """A reference rule: the card must be one of `kinds`."""

    def rule(card: Card) -> str | None:
        if card.kind in kinds:
            return None
        return f"card '{card.id}' is a {card.kind}, not a {' or '.join(kinds)}"

    return rule


def _read_programme(reader: Reader, path: Path, cards: dict[str, Card]) -> tuple[Stage, ...]:
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

        checks = {
            "warmup": is_kind(Kind.WARMUP, Kind.RELEASE),
            "stretches": is_kind(Kind.STRETCH, Kind.WARMUP),
            "core": is_kind(Kind.CORE),
            "evening": is_kind(Kind.STRETCH, Kind.WARMUP, Kind.RELEASE, Kind.CORE),
        }
        ok = True
        for key, kind_rule in checks.items():
            ok &= _check_refs(
                reader, doc.path, values[key], nodes.get(key), key_lines[key], cards, kind_rule,
                doc.first,
            )  # fmt: skip
        if ok:
            stages.append(
                Stage(
                    number=number,
                    weeks=values["weeks"],
                    title=values["title"],
                    hold_seconds=values["hold_seconds"],
                    warmup=values["warmup"],
                    stretches=values["stretches"],
                    core=values["core"],
                    evening=values["evening"],
                )
            )
    missing = [w for w in PROGRAMME_WEEKS if w not in covered]
    if missing:
        weeks = ", ".join(map(str, missing))
        reader.problem(doc.path, doc.key_lines["stages"], f"no stage covers week(s) {weeks}")
    return tuple(stages)


def _source_keys(reader: Reader, path: Path) -> set[str]:
    """The keys of SOURCES.md: each source is a `## key: title` heading."""
    if not path.exists():
        reader.problem(reader.name(path), 0, "the list of sources is missing")
        return set()
    body = path.read_text(encoding="utf-8")
    keys = {s.title.split(":", 1)[0].strip() for s in sections(body, 1) if ":" in s.title}
    return {key for key in keys if ID_PATTERN.match(key)}


# Props of straight-leg-raise positions, which tension the sciatic nerve: never in a flare.
NERVE_TENSION_PROPS = frozenset({"strap", "doorway", "wall"})


def _family(card: Card) -> str:
    """Which cards can stand in for each other: core for core, a test for a test, else the rest."""
    return card.kind.value if card.kind in (Kind.CORE, Kind.SELFTEST) else "other"


def _check_cards(reader: Reader, cards: dict[str, Card], sources: set[str]) -> None:
    """Rules across cards: cited sources exist; a card needing a prop names a fitting stand-in."""
    for card in cards.values():
        lines = reader.key_lines.get(card.path, {})
        for key in card.sources:
            if key not in sources:
                reader.problem(
                    card.path, lines.get("sources", 2), f"source '{key}' is not in SOURCES.md"
                )
        props = set(card.equipment) - DEFAULT_EQUIPMENT
        if card.gentle and props & NERVE_TENSION_PROPS:
            reader.problem(
                card.path, lines.get("gentle", 2),
                "a card that needs a strap, doorway or wall cannot be gentle (see GENTLE.md)",
            )  # fmt: skip
        line = lines.get("substitute", lines.get("equipment", 2))
        if card.substitute is None:
            if props:
                needs = ", ".join(sorted(props))
                reader.problem(card.path, line, f"needs {needs}: name a 'substitute' card")
            continue
        other = cards.get(card.substitute)
        if other is None:
            reader.problem(card.path, line, f"no card has the id '{card.substitute}'")
            continue
        complaints = []
        if not set(other.equipment) - DEFAULT_EQUIPMENT < props:
            complaints.append("needs fewer props than this one")
        if _family(other) != _family(card):
            complaints.append(f"is the same sort of exercise ({card.kind})")
        if not other.slots >= card.slots:
            complaints.append("suits every slot this one suits")
        if card.gentle and not other.gentle:
            complaints.append("is gentle, like this one")
        if complaints:
            reader.problem(
                card.path, line, f"substitute '{other.id}' must be a card that "
                + " and ".join(complaints),
            )  # fmt: skip


def load_library(root: Path) -> Library:
    """Read and validate `root` (cards/, routines/, programme.md); `ContentError` if broken."""
    from bot.content.render import check_renders  # local: render imports the model only

    reader = Reader(root)
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
    _check_cards(reader, cards, _source_keys(reader, root / "SOURCES.md"))
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
    return Library(cards=cards, routines=routines, stages=stages, warnings=tuple(reader.warnings))
