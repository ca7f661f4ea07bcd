"""Building the semantic layer's exemplar bank, and measuring it honestly: leave one corpus out.

`stretchbot safety eval --folds`: for each of the four labelled corpora, the bank is built
without it and the thresholds are chosen without it (by the same folds inside the other three),
then the triage is measured on it: the rules alone, the rules with the semantic layer, and the
semantic layer alone. The rules were tuned on all four corpora, so their figures here flatter
them; the semantic layer alone is the clearest sign of how it does on words it has not seen.
Last, the thresholds for the shipped layer are chosen the same way on the out-of-fold scores of
all four corpora.

`stretchbot safety bank` embeds all four corpora into bot/coach/data/semantic_bank.npz.
"""

from __future__ import annotations

import os
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from bot.coach import understand
from bot.coach.safety import Triage, combine, triage
from bot.coach.safety_eval import STUDIED_CORPORA, Case, load_corpus
from bot.coach.semantic import (
    BANK_FILE,
    THRESHOLDS,
    Bank,
    Score,
    Thresholds,
    Unit,
    decide,
    digest,
    score,
    units,
    without_notes,
)
from bot.coach.signs import Level

CORPORA = STUDIED_CORPORA  # the bank is made of every corpus studied so far
ALARM_BUDGET = 0.01  # of ordinary chat, raised to urgent or emergency by the semantic layer
ASK_BUDGET = 0.005  # more of it asked a question
_QUALIFIED = {"NEGATED_EXISTENCE", "FAMILY", "HYPOTHETICAL", "HISTORICAL"}


@dataclass
class Row:
    """One labelled phrase, as the rules read it."""

    corpus: int
    case: Case
    rules: Triage  # the rules alone
    units: list[Unit]
    unit_rules: list[Triage]  # a serious row's units, each read by the rules alone
    scores: list[Score] | None = None  # against the bank of its fold

    @property
    def category(self) -> str:
        """The category of a serious row: the rules' own where they reach its level."""
        want = self.case.expected
        if want.stops_stretching and self.rules.level.rank >= want.rank:
            return self.rules.signs[0].category.value
        return ""

    @property
    def in_bank(self) -> bool:
        """Chat that is chat only because it says "no" or "my dad" teaches nothing about meaning
        (the qualifiers guard that), and a serious row needs its category."""
        if self.case.expected is Level.NONE:
            return not all(u.qualified & _QUALIFIED for u in self.units)
        return bool(self.category) or not self.case.expected.stops_stretching


def read_rows(paths: Sequence[Path] = CORPORA) -> list[Row]:
    """Every row of the corpora, read by the rules (a few seconds a hundred rows)."""
    rows = []
    for number, path in enumerate(paths):
        for case in load_corpus(path):
            clauses = understand.read(case.text).clauses
            rules = triage(case.text, reader=None)
            found = units(clauses, case.text)
            parts = [triage(u.text, reader=None) for u in found if len(found) > 1]
            rows.append(Row(number, case, rules, found, parts if rules.level.rank >= 3 else []))
    return rows


def _cache_file() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "stretchbot" / "semantic_vectors.npz"


def embed_all(texts: Sequence[str]) -> dict[str, np.ndarray]:
    """Vectors of `texts`, from a cache of earlier runs where it has them (it only grows)."""
    from bot.coach.embed import Encoder, default_model_dir

    cache = _cache_file()
    known: dict[str, np.ndarray] = {}
    if cache.exists():
        with np.load(cache, allow_pickle=False) as data:
            known = dict(zip((str(t) for t in data["texts"]), data["vectors"], strict=True))
    new = sorted({t for t in texts if t not in known})
    if new:
        where = default_model_dir()
        if where is None:
            raise SystemExit("stretchbot: the sentence model is not installed (deploy/model.lock)")
        known.update(zip(new, Encoder(where).encode(new), strict=True))
        cache.parent.mkdir(parents=True, exist_ok=True)
        with cache.open("wb") as f:
            np.savez(f, texts=np.array(list(known)), vectors=np.stack(list(known.values())))
    return {t: known[t] for t in texts}


def exemplars(row: Row) -> list[tuple[str, int, str]]:
    """(text, level rank, category) exemplars of a row: the row itself, and the parts of it whose
    meaning is sure: every unqualified part of ordinary chat is chat, and a part of a serious row
    that the rules alone read as serious is that sign."""
    if not row.in_bank:
        return []
    whole = without_notes(row.case.text, row.case.text)  # as units() reads it
    out = [(whole, row.case.expected.rank, row.category)]
    if row.case.expected is Level.NONE and len(row.units) > 1:
        out += [(u.text, 0, "") for u in row.units if not u.qualified & _QUALIFIED]
    for unit, rules in zip(row.units, row.unit_rules, strict=False):
        if rules.level.stops_stretching and unit.text not in (row.case.text, whole):
            out.append((unit.text, rules.level.rank, rules.signs[0].category.value))
    return out


def bank_of(rows: Sequence[Row], vectors: dict[str, np.ndarray]) -> Bank:
    """The bank of `rows` (those fit for it), named by the digest of all of them."""
    keep = [e for r in rows for e in exemplars(r)]
    return Bank(
        np.stack([vectors[t] for t, _, _ in keep]) if keep else np.zeros((0, 384), np.float32),
        np.array([rank for _, rank, _ in keep], dtype=np.int8),
        tuple(category for _, _, category in keep),
        digest((r.case.text, r.case.expected.value) for r in rows),
    )


def _score(rows: Sequence[Row], bank: Bank, vectors: dict[str, np.ndarray]) -> None:
    for r in rows:
        r.scores = score(bank, np.stack([vectors[u.text] for u in r.units])) if r.units else []


def semantic_level(row: Row, limits: Thresholds) -> Level:
    verdict = decide(row.units, row.scores or [], limits, row.case.text)
    return verdict.level if verdict else Level.NONE


def combined_level(row: Row, limits: Thresholds) -> Level:
    if row.rules.level.stops_stretching:
        return row.rules.level
    return combine(row.rules, decide(row.units, row.scores or [], limits, row.case.text)).level


@dataclass(frozen=True)
class Figures:
    """Sensitivity and false alarms of one method on one corpus."""

    emergency: tuple[int, int]
    urgent: tuple[int, int]
    chat_flagged: tuple[int, int]  # ordinary chat answered with anything but none

    def line(self, name: str) -> str:
        (e, en), (u, un), (f, fn) = self.emergency, self.urgent, self.chat_flagged

        def pct(a: int, b: int) -> str:
            return f"{100 * a / b:5.1f} %" if b else "    - "

        return (
            f"  {name:<18} emergency {pct(e, en)} ({e}/{en})  urgent {pct(u, un)} ({u}/{un})"
            f"  em+ur {pct(e + u, en + un)}  false alarms {pct(f, fn)} ({f}/{fn})"
        )


def figures(rows: Sequence[Row], levels: Sequence[Level]) -> Figures:
    """Caught as the evaluator counts it: the level or a more serious one (an ask is not)."""
    counts = {Level.EMERGENCY: [0, 0], Level.URGENT: [0, 0], Level.NONE: [0, 0]}
    for row, got in zip(rows, levels, strict=True):
        want = row.case.expected
        if want in counts:
            counts[want][1] += 1
            hit = got is not Level.NONE if want is Level.NONE else got.rank >= want.rank
            counts[want][0] += hit
    e, u, n = (tuple(counts[lv]) for lv in (Level.EMERGENCY, Level.URGENT, Level.NONE))
    return Figures(e, u, n)  # type: ignore[arg-type]


def choose(rows: Sequence[Row]) -> Thresholds:
    """The thresholds that catch the most urgent and emergency rows (semantic layer alone) with at
    most ALARM_BUDGET of ordinary chat raised, then the lowest question threshold within
    ASK_BUDGET more. `rows` must be scored against banks that did not contain them."""
    chat = [r for r in rows if r.case.expected is Level.NONE]
    serious = [r for r in rows if r.case.expected.stops_stretching]
    best: tuple[int, float, float] | None = None
    for alarm in np.arange(0.5, 1.001, 0.05):
        for similarity in np.arange(0.40, 0.96, 0.01):
            limits = Thresholds(float(alarm), float(alarm), float(similarity))
            raised = sum(semantic_level(r, limits) is not Level.NONE for r in chat)
            if raised > ALARM_BUDGET * len(chat):
                continue
            caught = sum(semantic_level(r, limits).rank >= r.case.expected.rank for r in serious)
            key = (caught, float(alarm), -float(similarity))  # ties: the stricter vote
            if best is None or key > best:
                best = key
    assert best is not None
    alarm, similarity = best[1], -best[2]
    ask = alarm
    for lower in np.arange(alarm - 0.05, 0.49, -0.05):
        limits = Thresholds(alarm, float(lower), similarity)
        flagged = sum(semantic_level(r, limits) is not Level.NONE for r in chat)
        if flagged > (ALARM_BUDGET + ASK_BUDGET) * len(chat):
            break
        ask = float(lower)
    return Thresholds(round(alarm, 2), round(ask, 2), round(similarity, 2))


def _out_of_fold(
    rows: Sequence[Row], folds: Sequence[int], vectors: dict[str, np.ndarray]
) -> None:
    """Score the rows of each fold against a bank of the other folds (in `folds`)."""
    for held in folds:
        bank = bank_of([r for r in rows if r.corpus in folds and r.corpus != held], vectors)
        _score([r for r in rows if r.corpus == held], bank, vectors)


def _show(limits: Thresholds) -> str:
    return (
        f"alarm vote {limits.alarm:.2f}, ask vote {limits.ask:.2f}, "
        f"similarity {limits.similarity:.2f}"
    )


def run_folds(paths: Sequence[Path] = CORPORA) -> tuple[str, Thresholds]:
    """The leave-one-corpus-out table, and the thresholds chosen on all out-of-fold scores."""
    started = time.perf_counter()
    rows = read_rows(paths)
    texts = [r.case.text for r in rows] + [u.text for r in rows for u in r.units]
    vectors = embed_all(texts)
    lines = [f"read and embedded {len(rows)} rows in {time.perf_counter() - started:.0f} s"]
    folds = list(range(len(paths)))
    for held in folds:
        training = [f for f in folds if f != held]
        _out_of_fold(rows, training, vectors)  # inner folds: thresholds without the held corpus
        limits = choose([r for r in rows if r.corpus in training])
        bank = bank_of([r for r in rows if r.corpus in training], vectors)
        test = [r for r in rows if r.corpus == held]
        _score(test, bank, vectors)
        lines.append(
            f"fold {held}: {paths[held]} held out (bank {len(bank.ranks)} rows; {_show(limits)})"
        )
        results = {
            "rules": [r.rules.level for r in test],
            "rules+semantic": [combined_level(r, limits) for r in test],
            "semantic alone": [semantic_level(r, limits) for r in test],
        }
        lines += [figures(test, levels).line(name) for name, levels in results.items()]
    _out_of_fold(rows, folds, vectors)
    final = choose(rows)
    lines.append(f"from all out-of-fold scores: {_show(final)}; shipped: {_show(THRESHOLDS)}")
    every = [semantic_level(r, THRESHOLDS) for r in rows]
    lines.append(figures(rows, every).line("all, out of fold"))
    return "\n".join(lines), final


def build_bank(paths: Sequence[Path] = CORPORA, target: Path = BANK_FILE) -> Bank:
    """Embed every corpus into the shipped bank."""
    rows = read_rows(paths)
    vectors = embed_all([e[0] for r in rows for e in exemplars(r)])
    bank = bank_of(rows, vectors)
    bank.save(target)
    return bank


def corpus_digest(paths: Sequence[Path] = CORPORA) -> str:
    """The digest a bank built from these corpora carries."""
    return digest((c.text, c.expected.value) for path in paths for c in load_corpus(path))
