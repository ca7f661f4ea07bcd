"""Measuring the safety triage on a labelled corpus: sensitivity per level and false alarms.

A corpus is a TSV file: text, expected level, a note; lines starting with "#" are comments, and a
first line naming the columns ("text<TAB>level<TAB>note", with or without "#") is a header. A sign
is caught when the triage answers at its level or a more serious one (an urgent sign answered as
an emergency is caught; answered with a question it is not). A false alarm is anything but "none"
for a phrase labelled "none" (ordinary chat); alarms (urgent or emergency) are also counted apart.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from bot.coach.safety import DEFAULT, DefaultReader, triage_many
from bot.coach.signs import Level

if TYPE_CHECKING:
    from bot.coach.semantic import Reader


@dataclass(frozen=True)
class Case:
    text: str
    expected: Level
    note: str


@dataclass
class Report:
    """The figures of one run."""

    total: dict[Level, int] = field(default_factory=dict)
    caught: dict[Level, int] = field(default_factory=dict)
    exact: dict[Level, int] = field(default_factory=dict)
    alarms_on_chat: int = 0
    flags_on_chat: int = 0
    missed: list[tuple[Case, Level]] = field(default_factory=list)
    seconds_per_message: float = 0.0

    def sensitivity(self, *levels: Level) -> float:
        total = sum(self.total.get(lv, 0) for lv in levels)
        return sum(self.caught.get(lv, 0) for lv in levels) / total if total else 1.0

    @property
    def false_alarm_rate(self) -> float:
        """Ordinary chat answered with anything but "none"."""
        chat = self.total.get(Level.NONE, 0)
        return self.flags_on_chat / chat if chat else 0.0


def _is_header(parts: list[str]) -> bool:
    """A first line naming the columns: "text", then a column named "level" or "expected level"."""
    return (
        len(parts) >= 2
        and parts[0].strip().lower() == "text"
        and (parts[1].strip().lower() in ("level", "expected level"))
    )


def load_corpus(path: Path) -> list[Case]:
    """Read a corpus file; raise ValueError naming the line of a malformed row."""
    cases = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if number == 1 and _is_header(parts):
            continue
        if len(parts) < 2 or parts[1] not in set(Level):
            raise ValueError(f"{path}:{number}: expected 'text<TAB>level<TAB>note'")
        cases.append(Case(parts[0], Level(parts[1]), parts[2] if len(parts) > 2 else ""))
    return cases


def evaluate(cases: list[Case], reader: Reader | DefaultReader | None = DEFAULT) -> Report:
    """Triage every case (after loading the pipeline, so the timing is per message).

    `reader` is the semantic layer to use: the process's own by default, None for rules alone.
    """
    from bot.coach.safety import warm_up

    warm_up()
    report = Report()
    started = time.perf_counter()
    # One batch: the semantic layer's model runs far faster over many messages at once.
    for case, triaged in zip(cases, triage_many([c.text for c in cases], reader), strict=True):
        got = triaged.level
        want = case.expected
        report.total[want] = report.total.get(want, 0) + 1
        ok = got is want if want in (Level.NONE, Level.ASK) else got.rank >= want.rank
        if want.stops_stretching and got.rank > want.rank:
            ok = True
        report.caught[want] = report.caught.get(want, 0) + ok
        report.exact[want] = report.exact.get(want, 0) + (got is want)
        if want is Level.NONE:
            report.flags_on_chat += got is not Level.NONE
            report.alarms_on_chat += got.stops_stretching
        if got is not want:
            report.missed.append((case, got))
    report.seconds_per_message = (time.perf_counter() - started) / max(1, len(cases))
    return report


def render(report: Report, name: str) -> str:
    lines = [f"corpus {name}: {sum(report.total.values())} phrases"]
    for level in (Level.EMERGENCY, Level.URGENT, Level.CLINICIAN, Level.ASK):
        n = report.total.get(level, 0)
        if n:
            lines.append(
                f"  {level.value:<10} caught {report.caught.get(level, 0):>3}/{n:<3} "
                f"{100 * report.sensitivity(level):5.1f} %  (exact level {report.exact[level]})"
            )
    serious = report.sensitivity(Level.EMERGENCY, Level.URGENT)
    lines.append(f"  emergency+urgent caught {100 * serious:.1f} %")
    chat = report.total.get(Level.NONE, 0)
    lines.append(
        f"  ordinary chat: {report.flags_on_chat}/{chat} answered with anything "
        f"({100 * report.false_alarm_rate:.1f} % false alarms), "
        f"{report.alarms_on_chat} with urgent or emergency"
    )
    lines.append(f"  {1000 * report.seconds_per_message:.2f} ms a message")
    if report.missed:
        lines.append("  misclassified (expected -> got):")
        lines += [f"    {c.expected.value} -> {got.value}: {c.text}" for c, got in report.missed]
    return "\n".join(lines)


# The labelled corpora studied so far: the tuning corpus and the blind sets already read for
# their misses. The semantic bank is built from these (semantic_folds.CORPORA).
STUDIED_CORPORA = (
    Path("tests/safety_corpus.tsv"),
    Path("tests/safety_dev.tsv"),
    Path("tests/safety_dev2.tsv"),
    Path("tests/safety_dev3.tsv"),
    Path("tests/safety_dev4.tsv"),
    Path("tests/safety_dev5.tsv"),
    Path("tests/safety_dev6.tsv"),
    Path("tests/safety_dev7.tsv"),
    Path("tests/safety_dev8.tsv"),
    Path("tests/safety_dev9.tsv"),
    Path("tests/safety_dev10.tsv"),
    Path("tests/safety_dev11.tsv"),
    Path("tests/safety_dev12.tsv"),
    Path("tests/safety_dev13.tsv"),
    Path("tests/safety_dev14.tsv"),
    Path("tests/safety_dev15.tsv"),
    Path("tests/safety_dev16.tsv"),
    Path("tests/safety_dev17.tsv"),
    Path("tests/safety_dev18.tsv"),
    Path("tests/safety_dev19.tsv"),
    Path("tests/safety_dev20.tsv"),
    Path("tests/safety_dev21.tsv"),
    Path("tests/safety_dev22.tsv"),
    Path("tests/safety_dev23.tsv"),
    Path("tests/safety_dev24.tsv"),
    Path("tests/safety_dev25.tsv"),
    Path("tests/safety_dev26.tsv"),
    Path("tests/safety_dev27.tsv"),
    Path("tests/safety_dev28.tsv"),
    Path("tests/safety_dev29.tsv"),
    Path("tests/safety_dev30.tsv"),
    Path("tests/safety_dev31.tsv"),
    Path("tests/safety_dev32.tsv"),
    Path("tests/safety_dev33.tsv"),
    Path("tests/safety_dev34.tsv"),
    Path("tests/safety_dev35.tsv"),
    Path("tests/safety_dev36.tsv"),
    Path("tests/safety_dev37.tsv"),
    Path("tests/safety_dev38.tsv"),
    Path("tests/safety_dev39.tsv"),
    Path("tests/safety_dev40.tsv"),
    Path("tests/safety_dev41.tsv"),
    Path("tests/safety_dev42.tsv"),
    Path("tests/safety_dev43.tsv"),
    Path("tests/safety_dev44.tsv"),
    Path("tests/safety_dev45.tsv"),
    Path("tests/safety_dev46.tsv"),
    Path("tests/safety_dev47.tsv"),
    Path("tests/safety_dev48.tsv"),
    Path("tests/safety_dev49.tsv"),
    Path("tests/safety_dev50.tsv"),
    Path("tests/safety_dev51.tsv"),
    Path("tests/safety_dev52.tsv"),
)
DEFAULT_CORPORA = (
    *STUDIED_CORPORA,
    Path("tests/safety_dev53.tsv"),
    Path("tests/safety_dev54.tsv"),
    Path("tests/safety_heldout.tsv"),
)


def _rss_mb() -> float:
    """This process's resident memory now (Linux), or its peak elsewhere."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
        return pages * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError, IndexError):
        import resource

        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(paths: list[Path] | None, model_dir: Path | None = None, rules_only: bool = False) -> int:
    """`stretchbot safety eval`: print the figures of each corpus; 1 on a missing or bad file."""
    from bot.coach import semantic, understand

    started = time.perf_counter()
    understand.load()
    print(f"rules pipeline loaded in {time.perf_counter() - started:.2f} s")
    reader: Reader | None = None
    if rules_only:
        print("mode: rules only (--rules-only)")
    else:
        before, started = _rss_mb(), time.perf_counter()
        reader, mode = semantic.build(model_dir)
        print(f"mode: {mode}")
        if reader is not None:
            print(
                f"semantic warm-up {time.perf_counter() - started:.2f} s, "
                f"{_rss_mb() - before:.0f} MB resident memory added"
            )
    for path in paths or [p for p in DEFAULT_CORPORA if p.exists()]:
        try:
            cases = load_corpus(path)
        except (OSError, ValueError) as exc:
            print(f"stretchbot: can't read corpus: {exc}")
            return 1
        print(render(evaluate(cases, reader), str(path)))
    return 0


def folds() -> int:
    """`stretchbot safety eval --folds`: the leave-one-corpus-out table (see semantic_folds)."""
    from bot.coach import semantic_folds

    table, _ = semantic_folds.run_folds()
    print(table)
    return 0


def bank() -> int:
    """`stretchbot safety bank`: embed the corpora into the shipped exemplar bank."""
    from bot.coach import semantic_folds

    built = semantic_folds.build_bank()
    print(
        f"{semantic_folds.BANK_FILE}: {len(built.ranks)} exemplars from "
        f"{len(semantic_folds.CORPORA)} corpora (digest {built.digest[:12]})"
    )
    return 0
