"""Reading a message like a clinician would: what is mentioned, and whether it is the person's own.

Built on medspaCy: its target matcher finds the words for symptoms, body sites and risk factors
(our own rules below, everyday and vulgar words included), and ConText (Harkema et al. 2009, the
successor of NegEx) marks each mention negated, hypothetical, historical or about someone else.
Misspellings of the key words are mended first with rapidfuzz. The pipeline is a blank English
one (no model download); it is built once, lazily, because importing spaCy takes about 1.5 s and
start-up must stay quick. A person's words never reach a log: PyRuSH's loguru output is disabled
and we use spaCy's own sentencizer, not PyRuSH.
"""

from __future__ import annotations

import functools
import re
import threading
import time
import warnings
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from bot.coach import concept_sets
from bot.coach.concepts import (
    CONCEPT_RULES,
    EXTRA_CONTEXT,
    SEEN_CONTEXT,
    SEEN_TYPES,
    STRETCH_CONTEXT,
    STRETCH_TYPES,
    TRAUMA_ONLY_CONTEXT,
    TRAUMA_TYPES,
)
from bot.coach.concepts_more import MORE_CONTEXT, MORE_RULES, WHOLE_SENTENCE_CONTEXT
from bot.coach.lexicon import (
    CONTEXT_RULES,
    FUZZY_VOCABULARY,
    NOT_MISSPELLINGS,
    TARGET_RULES,
    VARIANTS,
    drop_match,
)

_lock = threading.Lock()
_nlp: Any = None
LOAD_SECONDS: float | None = None  # measured by the first load


@dataclass(frozen=True)
class Mention:
    """One mention of a target word, with its assertion."""

    label: str
    text: str
    sentence: int  # index of the sentence in the message
    negated: bool
    hypothetical: bool
    historical: bool
    other_person: bool
    start: int = 0  # token span, for pairing a sensation with the nearest body site
    end: int = 0


def _build() -> Any:
    import loguru  # medspaCy pulls it in; PyRuSH would log every token at DEBUG

    loguru.logger.disable("PyRuSH")
    loguru.logger.disable("medspacy")
    with warnings.catch_warnings():  # spaCy's CLI imports a deprecated click helper
        warnings.simplefilter("ignore", DeprecationWarning)
        import spacy
        from medspacy.context import ConTextRule
        from medspacy.target_matcher import TargetRule

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer", config={"punct_chars": [".", "!", "?", ";", "\n"]})
    matcher: Any = nlp.add_pipe("medspacy_target_matcher")
    matcher.add(
        [
            TargetRule(literal, label, pattern=pattern)
            for label, literal, pattern in (
                *TARGET_RULES,
                *CONCEPT_RULES,
                *MORE_RULES,
                *concept_sets.RULES,
            )
        ]
    )
    context: Any = nlp.add_pipe(
        "medspacy_context",
        config={"rules": "default", "prune_on_target_overlap": True, "max_scope": 8},
    )
    context.add(
        [
            ConTextRule(
                literal,
                category,
                pattern=pattern,
                direction=direction,
                terminated_by={"SELF"} if category == "FAMILY" else None,
            )
            for literal, category, direction, pattern in CONTEXT_RULES
        ]
    )
    context.add(
        [
            ConTextRule(literal, category, pattern=pattern, direction=direction,
                        terminated_by=ends)
            for literal, category, direction, pattern, ends in (*EXTRA_CONTEXT, *MORE_CONTEXT,
                                                                *concept_sets.CONTEXT)
        ]
    )  # fmt: skip
    context.add(
        [
            ConTextRule(literal, category, pattern=pattern, direction=direction,
                        allowed_types=types, max_scope=8)
            for rules, types in ((TRAUMA_ONLY_CONTEXT, TRAUMA_TYPES),
                                 (SEEN_CONTEXT, SEEN_TYPES), (STRETCH_CONTEXT, STRETCH_TYPES),
                                 *concept_sets.TYPED)
            for literal, category, direction, pattern in rules
        ]
    )  # fmt: skip
    context.add(
        [
            ConTextRule(literal, category, pattern=pattern, direction=direction,
                        allowed_types=types, max_scope=2)
            for literal, category, direction, pattern, types in concept_sets.NEAR
        ]
    )  # fmt: skip
    context.add(
        [
            ConTextRule(literal, category, pattern=pattern, direction=direction, max_scope=60)
            for literal, category, direction, pattern in (
                *WHOLE_SENTENCE_CONTEXT,
                *concept_sets.WHOLE,
            )
        ]
    )
    # Every rule now carries the 8-token limit itself; with the global one unset, a modifier's
    # scope is its sentence cut to 8 tokens (the global setting ignores sentence boundaries).
    context.max_scope = None
    return nlp


def load() -> float:
    """Build the pipeline if not built yet; return how long the first build took (seconds)."""
    global _nlp, _quick, LOAD_SECONDS
    with _lock:
        if _nlp is None:
            started = time.perf_counter()
            _nlp = _build()
            _english()  # the word list, read now rather than on the first message
            tokenizer = type(_nlp)().tokenizer  # the same rules, for the event loop's own use
            _quick = _Needed.of(tokenizer)
            LOAD_SECONDS = time.perf_counter() - started
    return LOAD_SECONDS or 0.0


def loaded() -> bool:
    """Whether the pipeline is built (never builds it)."""
    return _nlp is not None


_Spec = tuple[str, Any]  # ("lower" | "exact", frozenset of words) or ("regex", a pattern)


@dataclass(frozen=True)
class _Needed:
    """What each target rule cannot do without: every token of it that is not optional (a word
    from a list, a word of a phrase, a regular expression). A rule can match a text only if the
    text has a token for each; most plain chat ("done for today", "thanks!") has none of the
    rules' full sets, so the pipeline would find no mention in it."""

    tokenizer: Any
    rules: tuple[tuple[_Spec, ...], ...]
    by_word: dict[str, tuple[int, ...]]  # each rule filed under its rarest needed word
    by_regex: tuple[tuple[re.Pattern[str], tuple[int, ...]], ...]
    any_regex: re.Pattern[str]  # any of those (one search rules most words out)

    @classmethod
    def of(cls, tokenizer: Any) -> _Needed | None:
        """The index, or None if some rule needs no particular word (then every text is read)."""
        rules: list[tuple[_Spec, ...]] = []
        specs: list[_Spec]
        for _, literal, pattern in (*TARGET_RULES, *CONCEPT_RULES, *MORE_RULES,
                                    *concept_sets.RULES):  # fmt: skip
            if pattern is None:  # a phrase (matched on lower case): each of its words
                rules.append(tuple(("lower", frozenset({t.lower_})) for t in tokenizer(literal)))
                continue
            specs = []
            for token in pattern:
                if token.get("OP") in ("?", "*"):
                    continue
                for attr, spec in token.items():
                    kind = {"LOWER": "lower", "TEXT": "exact"}.get(attr)
                    if kind is None:
                        continue
                    if isinstance(spec, str):
                        specs.append((kind, frozenset({spec})))
                    elif "IN" in spec:
                        specs.append((kind, frozenset(spec["IN"])))
                    elif "REGEX" in spec and kind == "lower":
                        specs.append(("regex", re.compile(spec["REGEX"])))
            if not specs:
                return None
            rules.append(tuple(specs))
        by_word: dict[str, list[int]] = {}
        by_regex: dict[re.Pattern[str], list[int]] = {}
        for number, needed in enumerate(rules):
            kind, key = min(needed, key=_commonness)
            if kind == "regex":
                by_regex.setdefault(key, []).append(number)
            else:
                for word in key:
                    by_word.setdefault(word if kind == "exact" else word.lower(), []).append(
                        number
                    )
        return cls(
            tokenizer,
            tuple(rules),
            {word: tuple(numbers) for word, numbers in by_word.items()},
            tuple((regex, tuple(numbers)) for regex, numbers in by_regex.items()),
            re.compile("|".join(f"(?:{regex.pattern})" for regex in by_regex)),
        )

    def could_match(self, tokens: list[tuple[str, str]]) -> bool:
        """Whether some rule has a token here for each thing it needs."""
        lower = {low for low, _ in tokens}
        exact = {text for _, text in tokens}
        candidates = {n for word in lower | exact for n in self.by_word.get(word, ())}
        hits = [word for word in lower if _searches(self.any_regex, word)]
        if hits:  # rare: most words match none of the rules' regular expressions
            candidates.update(
                n
                for regex, numbers in self.by_regex
                if any(_searches(regex, word) for word in hits)
                for n in numbers
            )
        return any(all(_met(spec, lower, exact) for spec in self.rules[n]) for n in candidates)


def _met(spec: _Spec, lower: set[str], exact: set[str]) -> bool:
    kind, payload = spec
    if kind == "regex":
        return any(_searches(payload, word) for word in lower)
    return not payload.isdisjoint(lower if kind == "lower" else exact)


@functools.lru_cache(maxsize=65536)
def _searches(regex: re.Pattern[str], lower: str) -> bool:
    return regex.search(lower) is not None  # spaCy's REGEX is a search too


def _commonness(spec: _Spec) -> float:
    """How often ordinary text has a token for `spec` (the rarest needed word keys its rule)."""
    kind, payload = spec
    if kind == "regex":
        return float("inf")  # unknown: only when nothing else is needed
    return float(sum(_frequency().get(word.lower(), 0 if word.isalpha() else 10**12)
                     for word in payload))  # fmt: skip


@functools.cache
def _frequency() -> dict[str, int]:
    from importlib.resources import files

    listing = files("symspellpy") / "frequency_dictionary_en_82_765.txt"
    pairs = (line.split() for line in listing.read_text(encoding="utf-8").splitlines())
    return {word: int(count) for word, count in pairs}


_quick: _Needed | None = None
_quick_lock = threading.Lock()  # its tokenizer is for one thread at a time


def could_mention(text: str) -> bool:
    """Whether some target rule might match `text` as `read` reads it (mended first). False is
    certain: no rule has all it needs in it, so `read` would find no mention."""
    index = _quick
    if index is None:
        return True
    mended = normalise(text)
    with _quick_lock:
        tokens = [(t.lower_, t.text) for t in index.tokenizer(mended)]
    return index.could_match(tokens)


# A contrast ends what came before it: "no fever, but I can't pee" (medspaCy's own "but" rule
# does not always cut a scope), and "right foot is fine" does not clear "left foot" across a comma.
_CONTRAST = {"but", "however", "though", "although", "yet", "whereas", "except", "apart"}
_GONE = {"gone", "stopped", "disappeared", "vanished", "settled", "cleared"}
_GONE_WHAT = re.compile(
    r"^(numb|tingl|weak|flopp|dead|funny|weird|strange|odd|wobbl|heav|limp|"
    r"jelly|dodgy|prickl|cold|all|really|completely|totally|a)"
)
_SELF_WORDS = {"i", "i'm", "im", "i've", "ive", "me", "my", "myself", "mine", "meself"}


def _crosses(doc: Any, modifier: Any, start: int, end: int) -> bool:
    """Whether a contrast word lies between a modifier and the mention it modifies."""
    a, b = modifier.modifier_span
    words = doc[a:b].text.lower().split()
    if (
        words[-1] in _GONE
        and (
            (a > 0 and doc[a - 1].lower_ == "back")  # "my back has gone": it gave out
            or any(_GONE_WHAT.match(t.lower_) for t in doc[b : b + 2])  # "has gone numb"
        )
    ):
        return True
    if b <= start:  # before the mention: "no fever, but I can't pee"
        return any(t.lower_ in _CONTRAST for t in doc[b:start])
    return words[-1] == "fine" and any(t.text == "," for t in doc[end:a])


# Marks that close a clause; after "or" or "nor" a list of what is denied goes on.
_CLAUSE_ENDS = {",", ";", ":", "—", "–", "-"}
_LIST_GOES_ON = {"or", "nor", "either", "neither"}
_NEGATION_WORDS = {"no", "not", "n't", "nt", "never", "without"}


def _spent(doc: Any, modifier: Any, ent: Any) -> bool:
    """ "Didn't manage it, numbness around my anus": a negation whose clause already denies
    something else (the routine, "much change") ends with that clause; the sign after the comma
    is said, not denied. A denial that names a sign first goes on over the list ("no fever,
    chills or sweats")."""
    a, b = modifier.modifier_span
    if (
        modifier.category != "NEGATED_EXISTENCE"
        or modifier.rule.direction != "FORWARD"
        or not b <= ent.start
        or not any(t.lower_ in _NEGATION_WORDS for t in doc[a:b])
    ):
        return False  # not a plain denial: a cause ("freezing") reaches where it reaches
    end = next((i for i in range(b, ent.start) if doc[i].text in _CLAUSE_ENDS), None)
    if end is None or end == b or doc[end + 1].lower_ in _LIST_GOES_ON:
        return False
    return not any(b <= e.start < end for e in doc.ents)


def _over_after_but(doc: Any, modifier: Any, ent: Any) -> bool:
    """ "had a fever but it's gone", "a crash, but that was years ago": over, across the "but".

    medspaCy lets "but" end a backward scope too; a "gone" word, or "but it/that was ...", still
    reaches back to the mention.
    """
    a, b = modifier.modifier_span
    if not 0 <= a - ent.end <= 8:
        return False
    over = _says_over(doc, modifier)
    if modifier.category != "HISTORICAL" and not over:
        return False  # "went numb but it came back after a minute": over too
    if doc[a].sent.start != ent.sent.start or _crosses(doc, modifier, ent.start, ent.end):
        return False
    between = doc[ent.end : a]
    if doc[a:b].text.lower().split()[-1] in _GONE or over:
        return True
    return any(
        t.lower_ in _CONTRAST and t.i + 1 < a and doc[t.i + 1].lower_ in _PAST_SUBJECT
        for t in between
    )


_OVER = {
    "over it now",
    "fully recovered",
    "better now",
    "not since",
    "fine after a walk",  # "legs like lead but fine after a walk round the terminal"
    "just the seats",  # "bum was numb but that's those car seats" (concepts_dev25)
    "came back after a minute",  # "my bum went numb but it came back after a minute"
    # The same passing in other sets' words: "legs numb after the flight but fine after a walk"
    # (read as "fine after a shake"), "bum was numb on the coach but fine after", "... but fine
    # once I get off", "... but fine once I stood up", "... but it's gone once I'm up"
    "fine after a shake",
    "fully healed",  # "had a fever last week but i'm totally better now"
    "normal since",  # when it says fine (_says_over), not "it's only been since then"
    "fine once I get up",
    "fine once i stood",
    "gone once I'm up",
    "woke up the second I stood",  # "My bum went to sleep in the cinema but woke up ..."
    "then they warm up",  # "toes tingle ... when I come in from the cold, then they warm up"
}  # "had a fever but I'm over it now"
_PAST_SUBJECT = {"it", "that", "its", "it's", "this", "which", "thats", "that's"}
_FINE_WORDS = {"fine", "normal", "ok", "okay", "great", "well"}


def _says_over(doc: Any, modifier: Any) -> bool:
    """Whether the modifier says the feeling passed for good (`_OVER`)."""
    literal = modifier.rule.literal
    if literal == "normal since":
        a, b = modifier.modifier_span
        return any(t.lower_ in _FINE_WORDS for t in doc[a:b])
    return literal in _OVER


def _proxied(doc: Any, proxies: list[tuple[int, int]], start: int) -> bool:
    """Asked for someone else, unless the person then speaks of themselves ("... : I have")."""
    if not proxies:
        return False
    before = [end for _, end in proxies if end <= start]
    if not before:
        return True  # "numb groin and can't pee, asking for a friend"
    return not any(t.lower_ in _SELF_WORDS for t in doc[max(before) : start])


_WORD = re.compile(r"[A-Za-z]+")
_ISH = re.compile(r"(\w)-ish\b", re.IGNORECASE)
# "numb? no", and a checklist's answer: "weakness in my legs - no", "night pain: not really".
# "steroids? do I look like a bodybuilder": a rhetorical no.
_RHETORICAL = re.compile(
    r"\?+\s*(?:do i look like|as if|hell no|god no|lol no|haha no|definitely not|"
    r"absolutely not|(?:ha|haha|lol|lmao)?[,.!]?\s*(?:i wish|if only))\b",
    re.IGNORECASE,
)
_QUESTION_REPLY = re.compile(
    # ("Both legs fine - no numbness or pins and needles": after a reassurance the dash goes on
    # with it, a list of what is not there)
    r"(?:\?+|(?<!fine)(?<!okay)(?<! ok)(?<!good)(?<!normal)(?<!great)\s+[-\u2013\u2014:]+)\s*"
    # "never been an issue before" says the sign is new, not that it is absent
    r"(?=(?:no|nope|nah|none|never(?! (?:been|had|happened|before))|yes|yeah"
    # "numb? Not from sitting, I've been in bed": a cause ruled out, the sign still there
    r"|not(?! (?:from|because|due|caused|since|after)\b))\b)"
    # a form's field answered: "Fever: no (36.4). Chest pain: no. Falls: none."
    # (not "Bladder control: no", "Feeling when I wipe: none": the function is what is absent)
    r"|(?<=\w)(?<!control)(?<!feeling)(?<!sensation)(?<!function)(?<!wipe)(?<!power)"
    r"(?<!strength):\s*(?=(?:no|none|nope|nah)\s*(?:[.,;(|•]|$))",
    re.IGNORECASE,
)

# "Before you ask - no tingling down the legs, no trouble peeing": the dash or colon opens a list
# of what is not there, not an answer to what came before it.
_PREAMBLE = re.compile(
    r"\b(before you ask|in case you(?:'re| are)? wondering|since you asked?|"
    r"to answer your questions?)\s*[:\-\u2013\u2014]+",
    re.IGNORECASE,
)
# A checklist answered without punctuation: "fever no, numbness no, pee fine".
_CHECKLIST = re.compile(r"(?<=[a-z]) (?=(?:no|nope|nah)(?:[,.;!]|\s*$))", re.IGNORECASE)


# A word this common in English (symspellpy's frequency list of 82,765 words) is never mended
# into a key word: "tiling" is not "tingling", "radiation" not "radiating".
_COMMON = 100_000


@functools.cache
def _english() -> frozenset[str]:
    return frozenset(w for w, count in _frequency().items() if len(w) >= 6 and count >= _COMMON)


# A full stop typed between spaces is a pause, not the end of a sentence.
_SPACED_STOP = re.compile(r"\s+\.\s+(?=[A-Za-z])")


@functools.cache
def _any_slip() -> re.Pattern[str]:
    """Any of dictation's slips (`concept_sets.DICTATION`), in one expression."""
    return re.compile(
        "|".join(f"(?:{heard.pattern})" for heard, _ in concept_sets.DICTATION), re.IGNORECASE
    )


def normalise(text: str) -> str:
    """Mend misspellings of the key words ("incontinance", "feaver") and glue "fever? no".

    A question mark, a dash or a checklist's bare word followed by a short answer ("numb? no",
    "weakness in my legs - no", "fever no, numbness no") becomes "... answered no", one sentence,
    so that the answer can negate what came before it; dictation's homophones are mended too.
    """
    from rapidfuzz import fuzz, process

    def mend(match: re.Match[str]) -> str:
        word = match.group(0)
        lower = word.lower()
        if lower in VARIANTS:
            return VARIANTS[lower]
        if (
            len(lower) < 6
            or lower in FUZZY_VOCABULARY
            or lower in NOT_MISSPELLINGS
            or lower in _english()
        ):
            return word
        # Long words can lose more letters and stay recognisable ("temprachure").
        cutoff = 85 if len(lower) < 9 else 78
        best = process.extractOne(lower, FUZZY_VOCABULARY, scorer=fuzz.ratio, score_cutoff=cutoff)
        if best is None or best[0][0] != lower[0]:
            return word
        return str(best[0])

    text = _ISH.sub(r"\1ish", text)  # "ok-ish" is not "ok"
    text = _SPACED_STOP.sub(", ", text)  # "My legs . Both of them . Are weak": one sentence
    text = _CHECKLIST.sub(" answered ", text)  # "fever no, numbness no"
    text = _PREAMBLE.sub(r"\1,", text)  # "Before you ask - no ..."
    if _any_slip().search(text):  # most messages have none of dictation's slips
        for heard, meant in concept_sets.DICTATION:  # "I fell off a lad her"
            text = heard.sub(meant, text)
    text = _RHETORICAL.sub(" answered no ", _WORD.sub(mend, text))
    return _QUESTION_REPLY.sub(" answered ", text)


@dataclass(frozen=True)
class Clause:
    """A stretch of a sentence up to a contrast word ("... but ..."), and how it is qualified.

    `qualified` holds the ConText categories whose trigger lies inside it (NEGATED_EXISTENCE,
    FAMILY, HYPOTHETICAL, HISTORICAL): the semantic layer does not raise an alarm on a clause
    that says "no", "my dad", "what if" or "years ago", whatever it is about; STEROIDS_OVER marks a
    clause whose only bone risk is steroids taken and stopped ("for a week in 2019").
    """

    text: str
    sentence: int
    qualified: frozenset[str]
    denied: frozenset[str] = frozenset()  # labels only ever denied here ("no falls")


@dataclass(frozen=True)
class Reading:
    """What `read` finds in a message."""

    mentions: list[Mention]
    clauses: list[Clause]


_QUALIFIERS = {"NEGATED_EXISTENCE", "FAMILY", "HYPOTHETICAL", "HISTORICAL"}


_ABLE = {"can", "ca", "could", "cannot", "cant", "couldnt", "unable"}


_FACTS = {"bad that"}


# Sitting, a chair or the cold never explain incontinence, nor a diagnosis ("diagnosed with
# osteoporosis last year, tight hamstrings from all the sitting on planes").
_NO_BENIGN_CAUSE = {"BLADDER", "CONTROL_LOSS", "BONE_RISK", "CANCER"}
_COPULAS = {"are", "is", "am", "feel", "feels"}
_FINE_SAYS_NOTHING = {"UNEXPLAINED", "WEIGHT"}
# "grandson jumped on me", "... on my back": the knock landed on the person
_ONTO_ME = {"on me", "onto me", "into me", "on my", "onto my", "into my"}
# "shoved into a wall by a confused patient": what the other person did to the writer
_DONE_TO_ME = re.compile(
    r"\b(?:shoved|pushed|knocked|barged|thrown|slammed|flung|bumped|kicked)\b"
)
_MISHAP_LABELS = {"FALL", "MINOR_TRAUMA", "ACCIDENT", "SEVERE_TRAUMA", "IMPACT"}
# A stretch or a pose never explains a chest pain (a cough or the gym may).
# Nor does effort: a chest pain brought on by running after toddlers or pushing the pram up a
# hill is the warning itself.
_NOT_FOR_CHEST = re.compile(
    r"stretch|yoga|pilates|twist|fold|pose|routine|cobra|plank"
    r"|\b(?:running|chasing|pushing|carrying|climbing|walking|hills?|uphill|stairs|upstairs|"
    r"toddlers?|kids|children|pram|buggy)\b"
)
# Not being able to pass urine is the sign itself, not its negation.
_UNABLE_IS_SIGN = {"BLADDER", "CONTROL_LOSS", "ELIMINATION", "SEX_CTX", "DYSFUNCTION", "SEXUAL"}
_ASKED = {("is", "that"), ("is", "it"), ("is", "this"), ("it", "be"), ("that", "be"),
          ("this", "be"), ("is", "all")}  # fmt: skip


# "squeezing in my chest during the fold, went away when I stopped": a chest pain brought on by
# effort and eased by rest is the warning itself, not a pain that is over.
_EASED_BY_REST = re.compile(
    r"^(?:as soon as|when|once|after|as) (?:i|i'd) (?:stopped|stop|rested|rest|paused|sat|"
    r"sit|stood still|had a (?:sit|rest|breather)|caught my breath|slowed)\b"
)
# ... said in the trigger itself: "went off when I sat down"
_PASSED = re.compile(
    r"^(?:it |that )?(?:went off|went away|eased off|eased|stopped|settled|passed|calmed down|"
    r"died down|faded|went) "
)
_CHEST_LABELS = {"CHEST", "CHEST_PAIN", "PRESSURE"}


def _eased_by_rest(doc: Any, modifier: Any, ent: Any) -> bool:
    if modifier.category != "HISTORICAL" or ent.label_ not in _CHEST_LABELS:
        return False
    start, end = modifier.modifier_span
    whole = _PASSED.sub("", doc[start : end + 5].text.lower(), count=1)
    return bool(
        _EASED_BY_REST.match(doc[end : end + 5].text.lower()) or _EASED_BY_REST.match(whole)
    )


# "is it normal for me/my ...": asked of one's own body. And signs whose every mention is the
# thing itself: asked "is it normal to ...", it is one's own.
_IS_IT_NORMAL_ = r"(?:is|iss) (?:it|this|that) (?:normal|ok|okay|common|usual)"
_NORMAL_FOR_ME = re.compile(_IS_IT_NORMAL_ + r" for m[ey]\b")
_ASKED_IF_NORMAL = {"BLADDER", "SEXUAL", "CHEST_PAIN"}
_IS_IT_NORMAL = re.compile(_IS_IT_NORMAL_ + r" (?:to|that)\b")


def _asked(doc: Any, i: int) -> bool:
    """ "is that from the hamstring stretch??": a cause asked about, not given."""
    return i >= 2 and (doc[i - 2].lower_, doc[i - 1].lower_) in _ASKED


# A day's or a shift's work explains a sore back, not a nerve down one leg
_A_DAYS_WORK = re.compile(r"\b(?:day|days|shift|shifts|week|weeks)\b")


def _explains(doc: Any, cause: Any, ent: Any) -> bool:
    """Whether a benign cause named beside a mention ("numb from sitting") explains it away."""
    if ent.label_ in _NO_BENIGN_CAUSE or _asked(doc, cause.modifier_span[0]):
        return False  # "is that from the hamstring stretch??": asked about, not given
    if ent.label_ in _MISHAP_LABELS:
        return False  # "I was falling from the chair": where from, not why
    if _denied_cause(doc, cause):
        return False  # "it's not from the gym"
    if ent.label_ == "SADDLE" and "wip" in ent.text:
        return False  # one wipes on the loo: it is where, not why, the feeling is gone
    if ent.label_ in ("SCIATICA", "RADIATE") and _A_DAYS_WORK.search(
        doc[cause.modifier_span[0] : cause.modifier_span[1] + 2].text.lower()
    ):
        return False  # "tingling down my left leg after a day bent over the tattoo chair"
    words = doc[cause.modifier_span[0] : cause.modifier_span[1]].text.lower()
    # ("chest hurting today, been running after toddlers all day": the hurt is the chest's)
    chest = ent.label_ in _CHEST_LABELS or any(
        t.lower_ == "chest" for t in doc[max(0, ent.start - 2) : ent.start]
    )
    return not (chest and _NOT_FOR_CHEST.search(words))


def _denied_cause(doc: Any, modifier: Any) -> bool:
    """ "it's not from the gym": a cause ruled out explains nothing (ConText keeps the longer
    "from the gym" and drops the shorter "not from" that overlaps it, so it is read here)."""
    i = modifier.modifier_span[0]
    return i > 0 and doc[i - 1].lower_ in {"not", "n't", "nt", "isnt", "never", "definitely"}


def _statement(doc: Any, modifier: Any) -> bool:
    """ "Don't get the urge to pee": a sentence opening with a negated verb is no question."""
    end = modifier.modifier_span[1]
    opener = doc[modifier.modifier_span[0]]
    if (
        opener.lower_ in _COPULAS
        and any(e.start == end for e in doc.ents)
        and not any(t.text == "?" for t in opener.sent)
    ):
        return True  # "Are weak and wobbly since Tuesday.": the subject left out, no question
    return end < len(doc) and doc[end].lower_ in {"n't", "nt", "not"}


# "numb after the routine and it hasn't worn off in 2 hrs": what a stretch does passes; this has
# not, so "after the routine" no longer excuses it.
_PERSISTS = re.compile(
    r"\b(?:has|have|had|is|was)(?:n't|nt|n’t| not) (?:worn|gone|eased|settled|faded|passed|"
    r"stopped|wearing|going|easing)(?: off| away| down)?\b"
    r"|\bwon'?t (?:go|wear|ease) (?:away|off)\b"
    r"|\bstill (?:numb|dead|tingling|there|the same|weak|like (?:it|that|this))\b"
)


# Said to pass at once ("eased straight away", "came back after a minute"), unless the person
# then says it came back: "gone the moment I stood up but back twice since".
_PASSING = {
    "normal again",
    "gone by the next morning",
    "fine since",
    "fine after a shake",
    "normal since",
    "fine once I get up",
    "fine once i stood",
    "gone once I'm up",
    "eased straight away",
    "eased immediately",
    "gone the moment",
    "fine after a walk",
    "came back after a minute",
    "gone by the time",
    "gone by friday",
    "thawed out",
    "then it came back",
    "wore off",
    "ok again",
    "it's gone now",
    "woke up the second I stood",
    "then they warm up",
}
# A feeling said to be back: "numb again", "then sleeping again"
_AGAIN = r"(?:numb|tingl\w*|weak|dead|asleep|sleeping) again"
_RECURS = re.compile(
    r"\b(?:back (?:again|twice|since|every|each|later)|keeps? (?:coming|happening|returning)"
    r"|comes? (?:straight |right )?back|came back (?:again|twice|later|that|this)"
    r"|(?:it'?s|it has|has|have|they'?ve) come back"
    r"|happen(?:s|ed|ing)? again"
    r"|returns?|returned|again (?:since|today|this|last|and again)"
    # "they were fine again for an hour but now they're numb again", "then it came back an hour
    # later and hasn't gone"
    rf"|{_AGAIN}|came back (?:\w+ ){{1,3}}later|hasn'?t gone"
    # "had worn off by the evening but this morning it's there again"; "went away for a few
    # hours then it came back" (the numbness came back)
    r"|(?:there|here) again|it'?s back|started again|(?:went|gone|stopped|eased|disappeared) "
    r"(?:away |off )?for (?:a |an )?(?:few |couple of )?(?:hours?|minutes?|mins?|days?)"
    r"|has not gone)\b"
)
# What a passing of minutes never ends: the bladder, the bowel and sex do not come right with a
# walk ("couldn't pee for hours, legs tingling too, both fine again now").
_MOMENTARY = _PASSING - {
    "fine since",
    "normal since",
    "gone by friday",
    "gone by the time",
    "gone by the next morning",
}
_NO_PASSING = {"BLADDER", "CONTROL_LOSS", "ELIMINATION", "DYSFUNCTION", "SEXUAL", "SEX_CTX"}
# A seat named beside a feeling that is getting worse, or has not gone, explains nothing: "I cant
# feel either leg ... getting worse not better, is it just the seats?", "is it just the seats?
# it hasn't gone"
_WORSENING = re.compile(
    r"\b(?:getting|got|gets) worse\b|\bnot (?:getting )?better\b|\bspreading\b"
    r"|\b(?:hasn'?t|has not) gone(?: off| away| yet)?(?=\W*(?:$|[.,!?;]|and\b|but\b|yet\b))"
    r"|\bstill (?:numb|there|the same)\b"
)


_OUTLASTED = re.compile(
    r"\b(?:it'?s|its|it has|that'?s) been (?:\d+|two|three|four|five|a couple of|a few|several) "
    r"days\b|\b(?:should|would|supposed to|meant to) have worn off\b"
    r"|\bshould(?:'ve| have)? (?:worn|wear) off by now\b|\b(?:was|were) (?:supposed|meant) to "
    r"wear off\b|\b(?:hasn'?t|has not|not|still not|never) (?:worn|wore) off\b"
    # "three days after the nerve block injection and both legs still feel dead"
    r"|\b(?:\d+|two|three|four|five|several|a few|a couple of) days (?:after|since|on from)\b"
)


# "The numbness in my privates went away for a few hours then it came back": it is back
_WENT_THEN_BACK = re.compile(
    r"\b(?:went away|went off|gone|stopped|eased|disappeared|settled|wore off)\b[^.!?]{0,40}?"
    r"\bthen (?:it|they|the \w+) (?:came|has come|have come) back\b"
    # "went away but it's come back in the last hour", "... but it's been back since Tuesday"
    r"|\b(?:went away|went off|gone|stopped|eased|disappeared|settled|wore off)\b[^.!?]{0,20}?"
    r"\bbut (?:it'?s|it has|they'?ve|it) (?:come|been|came) back\b"
)


# "it's gone now but comes back every time I walk 100 m", "then sleeping again"
_COMES_BACK = re.compile(
    r"\bcomes? (?:straight |right )?back (?:every|each|when|whenever|if|as soon)\b"
    rf"|\bkeeps? (?:coming|going) back\b|\b{_AGAIN}\b"
)


def _recurs(doc: Any, modifier: Any) -> bool:
    text = doc.text.lower()
    if modifier.category == "HISTORICAL" and (
        _WENT_THEN_BACK.search(text) or _COMES_BACK.search(text)
    ):
        return True
    return modifier.rule.literal in _PASSING and bool(_RECURS.search(text))


_STILL_GOING = re.compile(
    r"\bstill\b|\b(?:hasn'?t|has not|not) (?:broken|broke|gone|come down|gone down)\b|\byet\b"
    r"|\bongoing\b|\bsince\b|\btoday\b"
)


def _not_ended(doc: Any, modifier: Any, ent: Any) -> bool:
    """A passing or an explanation that cannot end this mention (`_NO_PASSING`, `_WORSENING`)."""
    literal = modifier.rule.literal
    if literal in _MOMENTARY and ent.label_ in _NO_PASSING:
        return True
    if literal == "on monday" and _STILL_GOING.search(doc.text.lower()):
        return True  # "Temperature of 39 on Monday and it's still high today"
    # ... nor a cause beside a feeling that has not gone ("numb after stretching? It happened
    # an hour ago and hasn't gone off")
    if literal in ("just the seats", "benign cause") and _WORSENING.search(doc.text.lower()):
        return True
    # ... nor an injection whose numbness has outlasted what was promised ("after the facet
    # injection both my legs feel dead ... it's been 2 days. they told me it would wear off")
    if literal == "from the dentist" and _OUTLASTED.search(doc.text.lower()):
        return True
    # ... nor grief when the person says the weight went anyway ("grieving my wife, but I eat
    # more than ever and still lost 7 kg"), nor a fear beside a cancer that was real ("scared my
    # back pain is cancer because my breast cancer went to the bones"), nor a belief the
    # thermometer bore out ("I thought I had a fever so I checked, 38.9")
    return (
        (literal in ("since dad died", "i know why") and bool(EATING_ANYWAY.search(doc.text)))
        or (literal == "terrified it's cancer" and bool(_REAL_CANCER.search(doc.text)))
        or (literal == "convinced i had" and bool(_BORNE_OUT.search(doc.text)))
    )


EATING_ANYWAY = re.compile(
    r"(?i)\b(?:eat|eating|ate)(?: \w+)? (?:more|the same|normally|as much|loads|plenty)\b"
    r"|\bmore than ever\b|\bno idea why\b|\bnot sure why\b|\bcan'?t explain\b"
    r"|\bwithout trying\b|\bdon'?t know why\b"
)
_REAL_CANCER = re.compile(
    r"(?i)\b(?:my|had|have|treated for|history of|survivor of) (?:\w+ )?(?:cancer|tumou?r|"
    r"lymphoma|myeloma|leuk\w+|melanoma|sarcoma)\b|\bwent to the bones?\b|\bspread\b"
    r"|\bcancer survivor\b|\bin remission\b|\bchemo\b"
)
_BORNE_OUT = re.compile(
    r"(?i)\b(?:3[89]|4[01])(?:[.,]\d)?\b|\bi was right\b|\bit was (?:a fever|high)\b"
    r"|\bconfirmed\b"
)


def _lasting_after_hold(doc: Any, modifier: Any) -> bool:
    return modifier.rule.literal == "in the hold" and bool(_PERSISTS.search(doc.text.lower()))


def _unable(doc: Any, i: int) -> bool:
    """ "can't walk", "couldn't feel": not being able to is the sign itself, not its negation."""
    after = {t.lower_ for t in doc[i + 1 : i + 4]}  # "haven't been able to", "not able to"
    return doc[i].lower_ in _ABLE or (i > 0 and doc[i - 1].lower_ in _ABLE) or "able" in after


def _most(found: list[Mention]) -> frozenset[str]:
    """The qualifiers that at least half of the mentions carry."""
    kinds = {
        "NEGATED_EXISTENCE": sum(m.negated for m in found),
        "HYPOTHETICAL": sum(m.hypothetical for m in found),
        "HISTORICAL": sum(m.historical for m in found),
        "FAMILY": sum(m.other_person for m in found),
    }
    return frozenset(k for k, n in kinds.items() if n * 2 >= len(found))


STEROID = ("steroid", "pred", "dexa", "hydrocort")


def _steroids_over(own: list[Mention]) -> bool:
    """Steroids taken once and stopped: no bone risk now (thin bones would still be one)."""
    risks = [m for m in own if m.label == "BONE_RISK"]
    return bool(risks) and all(m.historical and m.text.startswith(STEROID) for m in risks)


def _clauses(
    doc: Any,
    pseudo: list[tuple[int, int]],
    found: list[Mention],
    idioms: Sequence[tuple[str, int]] = (),
    theirs: bool = False,
    quotes: Sequence[tuple[int, int]] = (),
) -> list[Clause]:
    """The sentences of `doc` cut at contrast words, and what qualifies most of each.

    A clause is qualified by a ConText category when the scopes of that category's triggers
    cover at least half its content words (not stop words): "my legs aren't numb" is negated,
    "numb groin since this morning" is not made hypothetical by "since this morning".
    """
    linked = {id(modifier) for _, modifier in doc._.context_graph.edges}
    triggers = [
        m
        for m in doc._.context_graph.modifiers
        if m.category in _QUALIFIERS
        and (m.rule.allowed_types is None or id(m) in linked)  # "freezing" with no numbness
        and not (theirs and m.category == "FAMILY")  # "typing for mum: she ..."
        and not _lasting_after_hold(doc, m)
        and m.rule.direction != "TERMINATE"
        and doc[m.modifier_span[0]].lower_ not in _CONTRAST
        and not _unable(doc, m.modifier_span[0])
        and not any(a <= m.modifier_span[0] < b for a, b in pseudo)
        and not (m.rule.literal == "general question" and _statement(doc, m))
        and not (m.rule.literal == "benign cause" and _denied_cause(doc, m))
    ]
    inside = {i for m in triggers for i in range(*m.modifier_span)}
    proxies = [(e.start, e.end) for e in doc.ents if e.label_ == "PROXY"]
    out = []
    for number, sent in enumerate(doc.sents):
        cuts = [sent.start] + [t.i for t in sent if t.lower_ in _CONTRAST and t.i > sent.start]
        for start, end in zip(cuts, [*cuts[1:], sent.end], strict=True):
            span = doc[start:end]
            words = [t.i for t in span if t.is_alpha and not t.is_stop and t.i not in inside]
            if not any(t.is_alpha for t in span):
                continue
            body = start + 1 if doc[start].lower_ in _CONTRAST else start  # "but" is the cut
            own = [m for m in found if start <= m.start < end]
            if own:  # the rules' own verdict on the words they know, where there are some
                kinds = set(_most(own))
                if "HISTORICAL" in kinds and _steroids_over(own):
                    kinds.add("STEROIDS_OVER")
                if not any(
                    m.category == "NEGATED_EXISTENCE"
                    and m.scope_span[0] < end
                    and start < m.scope_span[1]
                    and not _crosses(doc, m, body, end)
                    for m in triggers
                ):  # only "haven't been able to" negates: not being able is the sign
                    kinds.discard("NEGATED_EXISTENCE")
                out.append(
                    Clause(span.text, number, frozenset(kinds), _denied(own, idioms, start, end))
                )
                continue
            kinds = set()
            for m in triggers:
                first, last = m.scope_span
                if _crosses(doc, m, body, end):
                    continue
                covered = [i for i in words if first <= i < last]
                if words and len(covered) * 2 >= len(words):
                    kinds.add(m.category)
            if not theirs and (
                any(start <= a < end for a, _ in proxies) or _proxied(doc, proxies, start)
            ):
                kinds.add("FAMILY")  # "asking for a friend"
            if any(a <= body and end <= b + 1 for a, b in quotes):
                kinds.add("FAMILY")  # inside someone else's words
            out.append(
                Clause(span.text, number, frozenset(kinds), _denied([], idioms, start, end))
            )
    return out


def _denied(
    found: list[Mention], idioms: Sequence[tuple[str, int]] = (), start: int = 0, end: int = 0
) -> frozenset[str]:
    """The labels whose every mention here is negated, someone else's, hypothetical or an idiom
    the rules set aside ("falling for my physio")."""
    aside = [m.negated or m.other_person or m.hypothetical for m in found]
    off = {m.label for m, a in zip(found, aside, strict=True) if a}
    off |= {label for label, i in idioms if start <= i < end}
    return frozenset(off - {m.label for m, a in zip(found, aside, strict=True) if not a})


def mentions(text: str) -> list[Mention]:
    """Every target mention in `text`, with its assertion."""
    return read(text).mentions


_IDIOM_TOPICS = (
    (re.compile(r"\b(fell|fall|falls|falling|fallen)\b"), "FALL"),
    (re.compile(r"\b(wet|peed|pissed|weed|wetting|peeing|pissing)\b"), "BLADDER"),
    # "three chest pains and an overdose", "the rota is giving me chest pains lol"
    (re.compile(r"\bchest\b"), "CHEST_PAIN"),
    (re.compile(r"\b(cancer|tumou?r|oncology)\b"), "CANCER"),
    (re.compile(r"\b(saddle|perianal|perineal)\b"), "SADDLE"),  # "saddle sensation intact"
    (re.compile(r"\b(dragging|drag|drags|dragged)\b"), "DROP"),  # "dragging her feet about it"
)


def _idiom_topic(ent: Any) -> str:
    if ent.label_ != "IDIOM":
        return str(ent.label_)
    text = ent.text.lower()
    return next((label for words, label in _IDIOM_TOPICS if words.search(text)), "IDIOM")


# Someone typing for the person whose account it is ("typing for my mum (84), she says ...",
# "this is Dad's account"): the symptoms are the user's own, so "she" and "he" are no other
# person. Asking on someone's behalf ("asking for my mum") is not this: that is a question.
_FAMILY = (
    r"(?:wife|husband|hubby|hubs|partner|son|daughter|mum|mom|mam|mother|dad|father|grandson|"
    r"granddaughter|niece|nephew|sister|brother|girlfriend|boyfriend|fianc[eé]e?|other half|"
    r"missus)"
)
_RELATIVE = rf"(?:{_FAMILY[3:-1]}|carer|caregiver|nurse|friend|neighbour|neighbor)"
_FOR_THE_USER = re.compile(
    r"\b(typing|writing|texting|messaging|replying|doing this|on here)\s+(this\s+)?"
    r"(for|on behalf of)\s+(my\s+|me\s+|our\s+)?(mum|mom|mam|mother|dad|father|gran|granny|"
    r"grandma|grandad|granddad|grandpa|nan|nana|nanna|husband|wife|partner|him|her|them|son|"
    r"daughter|sister|brother|grandson|granddaughter|uncle|aunt|auntie|aunty|boyfriend|"
    r"girlfriend|fianc[eé]e?)\b"
    r"|\b(on|this is|it's|its|using)\s+(my\s+)?(mum|mom|mam|dad|gran|granny|grandma|grandad|"
    r"grandpa|nan|nana|husband|wife|partner)('s|’s|s)\s+"
    r"(account|phone|app|profile|telegram|number|whatsapp)\b"
    r"|^\W*(my\s+|our\s+)?(mum|mom|mam|dad|gran|granny|grandma|grandad|grandpa|nan|nana|"
    r"husband|wife|partner)('s|’s|s)\s+(account|phone|app|profile|telegram|number|whatsapp)"
    r"\s*[-:–—,.(]"
    r"|\b(?:i(?:'m|’m| am)? )?(?:set|setting) (this|it) up for (him|her|them|my)\b"
    r"|\b(with|for) (him|her|them) on here\b"
    rf"|\b(?:it's|its|this is|on|using)\s+my\s+{_FAMILY}('s|’s|s)\s+"
    r"(?:account|phone|app|profile)\b"
    r"|\b(who|she|he) uses (this|the|your) (app|bot|stretches|routines?|programme|program)\b"
    # "she does the morning routine, I help her"
    r"|\bi help (him|her|them)(?: with (it|this))?\s*(?:[.!]|$)"
    r"|\b(?:she|he) does (?:the|your|her|his) (?:morning |evening |daily )?"
    r"(?:routine|stretches|exercises)\b"
    # "Tour manager writing on behalf of our guitarist, whose account this is"
    r"|\bwhose account (?:this|it) is\b|\b(?:she|he)(?:'ll| will) be the one using\b"
    # "My husband asks me to write.", "Signing up for Mum, 74."
    rf"|\b{_FAMILY}\s+(?:asks?|asked|wants?|wanted|got|gets|told) me to (?:write|type|message|"
    r"text|send|do)\b"
    r"|\bsigning (?:up )?(?:for )?(?:my\s+)?(?:mum|mom|mam|dad|gran|granny|grandma|grandad|"
    r"grandpa|nan|nana|husband|wife|partner)\b(?: up)?"
    # "Dad (66) is dragging his right foot", "mum (74) says her chest feels heavy"
    r"|^\W*(?:my\s+)?(?:mum|mom|mam|dad|gran|granny|grandma|grandad|grandpa|nan|nana|husband|"
    r"wife|partner)\s*\(\d{2}\)"
    # "Gran's log (88, osteoporosis):", "Dad's tracker, 5 weeks:"
    r"|^\W*(?:my\s+)?(?:mum|mom|mam|dad|gran|granny|grandma|grandad|grandpa|nan|nana|husband|"
    r"wife|partner)(?:'s|’s)\s+(?:log|diary|tracker|notes|scores|readings|numbers)\b"
    # (not "Wife's log, not mine:", "Mum's diary (she's 85, I'm the one using the bot)")
    r"(?!.{0,40}?\b(?:not mine|i'?m the one|i am the one)\b)"
    # "she didn't want to bother anyone so I'm typing it" (not "I'm typing this from bed")
    r"|\b(?:so|and)\s+i(?:'m|’m| am|m)\s+typing\s+(?:it|this)\b"
    r"(?!\s+(?:from|with|in|on|at|all|up|out|for\s+the)\b)"
    # "Mum's not good with phones so I'm using her account for her"
    r"|\b(?:using|on)\s+(?:her|his|their)\s+(?:account|phone|app)\s+for\s+(?:her|him|them)\b"
    # "Mum (84, osteoporosis, her account) had a little tumble", "(her account, I'm typing)"
    r"|\([^)]{0,40}\b(?:her|his|their) account\b[^)]{0,30}\)"
    # "I write for my husband" ("this is his Telegram" is read below, with "his account")
    r"|\bi(?: am|'m)? (?:write|writing|type|typing) for my (?:husband|wife|mother|father|mum|mom|"
    r"dad|son|daughter|grandmother|grandfather|brother|sister)\b"
    # "This is his mum." opening a message ("my mate's in bits, it's his mum, she's got cancer"
    # is news of someone else)
    r"|(?:^|[.!?]\s*)this is (his|her|their) (mum|mom|mam|mother|dad|father)\b"
    r"|\b(this is|it's|its)\s+(her|his|their)\s+(daughter|son|carer|caregiver|boyfriend|"
    r"girlfriend|flatmate|roommate|housemate|"
    r"wife|husband|partner|grandson|granddaughter|nurse|niece|nephew|sister|brother|"
    # ("it's her boyfriend who has sciatica" is about him)
    r"friend|neighbour|neighbor|child|kid)\b(?!\s*(?:who|that|whos|who's|'s|’s)\b)"
    # "(this is his account, I'm his son)", "It's her account, I'm helping"
    r"|\b(this|it)('s|’s| is|s)\s+(his|her|their)\s+(?:bot\s+|telegram\s+)?"
    r"(account|phone|app|profile|telegram|number|whatsapp)\b"
    # "this is the carer on Mr Brown's account", "Carer here (Fatima) on Mrs Jensen's account"
    r"|\b(?:on|using|from)\s+(?:mr|mrs|ms|miss|dr|mx)\.?\s+[\w-]+('s|’s|s)\s+"
    r"(?:account|phone|app|profile)\b"
    # "This is Mrs Jensen's carer", "Posting for Mr Brown (his carer)", "Carer here on behalf of
    # Mr Brown"
    r"|\bthis is\s+(?:mr|mrs|ms|miss|dr|mx)\.?\s+[\w-]+('s|’s)\s+(?:carer|caregiver|nurse|"
    r"daughter|son|wife|husband|helper)\b"
    r"|\b(?:posting|writing|typing|messaging|texting)\s+for\s+(?:mr|mrs|ms|miss|dr|mx)\.?\s+\w+"
    r"|\bcarer\b[^.]{0,20}\bon behalf of\s+(?:mr|mrs|ms|miss|dr|mx)\b"
    # "I am the tour guide, writing on Mrs Tanaka phone for her"
    r"|\b(?:typing|writing|texting|messaging)\s+(?:this\s+)?on\s+"
    r"(?!my\s+(?:phone|account|app|mobile)\b)(?:\w+\s+){1,3}?"
    r"(?:phone|account|app|mobile)\s+for\s+(?:her|him)\b"
    # "my wife is typing this", "Grandad's getting me to type"
    r"|\b(is|are|'s|’s)\s+(typing|writing|texting|doing)\s+(this|it)\s*(for\s+(me|him|her))?"
    r"\s*[.,:;!)-]|\b(is|are|'s|’s)\s+(typing|writing|texting)\s+(this\s+)?for\s+me\b"
    # "Mum ... She wants her stretches": the one who wants the routine is the account's owner
    r"|\b(wants|would like|needs|asked for|is asking for)\s+(to do\s+)?(her|his)\s+"
    r"(stretch\w*|routine|session)\b"
    # "my mother is using this", "He's too embarrassed to write it himself"
    r"|\b(is|'s|’s)\s+using\s+(this|the app|the bot)\b"
    r"|\btoo\s+(embarrassed|shy|proud)\s+to\s+(write|type|say|ask)\b"
    r"|\b(getting|got|asked|told|having)\s+me\s+to\s+(type|write|text|message|send)\b"
    # "my son (he's the one using this bot)", "my mother is the one using this"
    # "she's the one doing your back stretches"
    r"|\b(is|'s|’s)\s+the\s+one\s+(using|who uses|on)\s+(this|the)\b"
    r"|\b(is|'s|’s)\s+the\s+one\s+(?:doing|who does)\s+(?:your|the|these|this)\s+(?:back\s+)?"
    r"(?:stretch\w*|routines?|exercises|programme|program|sessions?)\b"
    # "this is for my mum on her account -", "(this is Sarah on his phone)"
    r"|\bon\s+(his|her|their)\s+(account|phone|app|profile|telegram|number|whatsapp)\b"
    # "This is Raj's wife.", "It's Tunde's brother", "this is Linda btw" (a name signed to
    # someone else's account)
    rf"|\b(?:this is|it's|it’s|its|it is)\s+(?!my\b|the\b|your\b)\w+('s|’s)\s+{_RELATIVE}\b"
    # "(her son typing)" at the end
    rf"|\(\s*(?:his|her|their|the)\s+{_RELATIVE}\s+(?:typing|writing|texting|here)\b"
    r"|\bthis is [A-Z][a-z]+\s*(btw|here|by the way)?\s*[.!)]*\s*$"
    # "Update from Raj's son.", "Hubs here typing for Jen."
    rf"|\b(?:update|message|note|news)\s+from\s+\w+('s|’s)\s+{_RELATIVE}\b"
    r"|\btyping\s+(?:this\s+)?for\s+(?-i:[A-Z][a-z]+)\b"
    # "Grandad is typing this with me.", "Mum (82) is on my account."
    r"|\b(?:is|are|'s|’s)\s+(?:typing|writing|texting|doing)\s+(?:this|it)\s+with\s+me\b"
    r"|\b(?:is|'s|’s)\s+on\s+my\s+(?:account|phone|app|profile)\b"
    # "he asked me to let you know"
    r"|\b(he|she|they)\s+asked\s+me\s+to\s+(let you know|tell you|message|write|type)\b"
    # "Para mi papá: he says ..." (for my dad)
    r"|^\W*(para|for)\s+(mi|my)\s+(papá|papa|mamá|mama|abuela|abuelo|dad|mum|mom|mam|"
    r"gran|grandad|grandma|husband|wife)\s*[:\-–—]"
    # "husband here - Tom says ...", "son typing:", "carer here for Mrs O'Brien"
    rf"|^\W*(?:(?:hi|hello|hey|hiya)\W+)?(?:(?:it's|its|this is|i'm|im)\s+)?"
    rf"(?:the\s+|his\s+|her\s+|their\s+)?(?:{_FAMILY}\s+(?:here|speaking)|{_RELATIVE}\s+"
    r"(?:typing|writing|texting|messaging))\b"
    # "My wife Priya uses this account.", "(her account)", "I'm her son, she doesn't do phones"
    r"|\b(?:uses|owns|runs)\s+(?:this|the)\s+(?:account|bot|app|phone|profile)\b"
    r"|\(\s*(?:his|her|their)\s+(?:account|phone|app|profile)\s*\)"
    r"|\b(?:doesn'?t|does not|can'?t|won'?t)\s+do\s+(?:phones|tech|computers|apps|texting|"
    r"screens|smartphones)\b",
    re.IGNORECASE,
)


# "GP checked my back last week and said it's mechanical": a past cancer already looked at.
# "a lump in 2017, biopsy came back benign": never a cancer
BENIGN = re.compile(
    r"\b(?:benign|not cancer\w*|non-?cancerous|negative for cancer)\b"
    r"|\b(?:wasn'?t|isn'?t|was not|is not|it'?s not) (?:a )?cancer\b"  # "it wasn't cancer"
)
# "someone reversed into my parked car overnight": the car was hit, not the person
PARKED = re.compile(r"\b(?:my|our|the) parked (?:car|van|truck|bike|motorbike)\b")
# "chest is sore from chest day at the gym": the muscles worked the day before
CHEST_DAY = re.compile(
    r"\b(?:from|after) (?:yesterday'?s |my |the |a |that )?(?:chest|push|upper body|bench) "
    r"(?:day|workout|session|press(?:es)?)\b"
)
# A chest pain that was checked and cleared, and is not back: "Went to the ER for chest pain in
# January, turned out to be reflux plus anxiety. Cardiologist cleared me."
CHEST_CLEARED = re.compile(
    r"\b(?:ecg|ekg|bloods|troponin|heart tests?|cardiologist|angiogram|stress test)\b[^.!?]{0,40}"
    r"\b(?:normal|clear|cleared|fine|nothing)\b|\bturned out to be (?:\w+ )?(?:reflux|anxiety|"
    r"panic|heartburn|indigestion|muscular|a (?:pulled )?muscle|costochondritis|nothing)\b"
    r"|\bcleared me\b|\b(?:a ?& ?e|er|gp|doctor|hospital|they) said (?:it was )?(?:a |just )?"
    r"(?:panic|anxiety|reflux|heartburn|indigestion|muscular)"
)
CHEST_NOW = re.compile(
    r"\b(?:again|still|today|this morning|tonight|right now|at the moment|came back|is back|"
    r"it'?s back|now i|now it|since yesterday|since last|returned|keeps?|every|recurr\w*|"
    r"comes on|came on|started|but|lunch|evening)\b"
)
CHECKED_CLEAR = re.compile(
    r"\b(?:gp|doctor|doc|dr|physio|consultant|oncologist|specialist|surgeon)\b[^.?!]{0,40}"
    r"\b(?:checked|examined|looked at|scanned|saw|assessed)\b[^.?!]{0,40}"
    r"\b(?:said|says|told me|confirmed)\b[^.?!]{0,25}"
    r"\b(?:mechanical|muscular|muscle|fine|nothing serious|all clear|nothing sinister|postural)\b"
)


def announcements(text: str) -> list[str]:
    """The notes in `text` of someone typing for the account's owner, as written."""
    return [m.group(0).strip(" ,.:;-–—()") for m in _FOR_THE_USER.finditer(text)]


def unannounced(text: str) -> str:
    """`text` without a relative's or carer's note that they are typing for the account's owner
    ("wife here:", "This is Raj's wife."): the note itself is no sign, whatever follows it."""
    return _FOR_THE_USER.sub(" ", text) if _FOR_THE_USER.search(text) else text


# "if the numbness spreads to both legs come back. Well it has.": the condition came true.
_CAME_TRUE = re.compile(
    r"(?:^|[.!?]['\"’”)]*\s*)(?:well|and|now|yeah|yes|which|so)?[, ]*(?:it|that|this|they)\s*"
    r"(?:has|have|did|has now|now has)\s*(?:now|too|already)?\s*(?:[.!?]|$)"
    r"|\b(?:it|that)\s*(?:has|'s)\s+(?:now\s+|just\s+)?happened\b",
    re.IGNORECASE,
)


# "is it normal to get chest pain after the stretches? I've had it since yesterday": asked in
# general, then claimed.
_CLAIMED = re.compile(
    r"\bi(?:'ve|ve| have)? (?:had|got|get|been getting|been having) (?:it|this|that)\b"
    r"|\b(?:it's|it is|it has been|it's been) happening to me\b|\bhappens to me\b"
    r"|\b(?:it's|its|it has|it's) been happening\b|\bkeeps happening\b"
    # "is it normal to ...? happened last night and again this morning"
    r"|[?!.]\s*(?:it\s+|this\s+)?(?:happened|started|began)\s+(?:last night|this morning|"
    r"yesterday|today|again|twice|on)\b"
    # "Is it normal for both thighs to go numb after stretching? It happened an hour ago"
    # "is it normal to not feel yourself peeing? bc that's happening rn"
    r"|\b(?:that'?s|it'?s|this is) (?:literally )?happening (?:rn|right now|now|to me)\b"
    r"|^\W*is it normal\b[^?]*\?\s*it happened (?:an hour|a few hours|\w+ hours|this morning|"
    r"earlier)\b"
    # "is it normal for your perineum to go numb ...? it's been like that since boxing day",
    # "... during the forward fold? They still haven't come back since last night"
    r"|\?\s*(?:(?:it'?s|its|it has|they'?ve|they have) )?been like (?:that|this) since\b"
    r"|\?\s*(?:it )?started [^.?!]{0,20}\band (?:it )?still (?:hasn'?t|has not) gone\b"
    r"|\?\s*(?:they|it) still (?:haven'?t|hasn'?t|have not|has not) (?:come|gone) back\b",
    re.IGNORECASE,
)


# "if I ever have problems with my bladder ... I don't have any of that": all of it denied.
# "GP said if I ever get numbness in both legs or can't pee, go to A&E. Noted. Neither of those,
# just tight"; "saw 'difficulty passing urine' on the leaflet and panicked. I don't have it" (not
# when something follows: "neither of those, but my bum is numb")
_NEITHER = re.compile(
    r"\b(?:neither|none) of (?:those|these|that)\b(?=\s*(?:[,.;!]|apply|applies|here|for me))"
    r"|\bi (?:don'?t|do not) have (?:it|that|those|them)(?: though)?\s*[.!,;]",
    re.IGNORECASE,
)
# A list of signs asked about or given, answered no in the next sentence: "The nurse line asked
# about fever, numbness, bladder, bowels and falls. All no.", "Discharge letter says return if
# fever ... Nothing like that so far.", "Should I be worried about cancer? I've never had it"
_ANSWERED_NO = re.compile(
    # (normalise writes a checklist's bare "no" as "answered no")
    r"^\W*(?:all (?:answered )?(?:no|nos|negative|fine)|(?:and )?i (?:said|answered|told "
    r"(?:her|him|them)) (?:answered )?no"
    r"(?: to (?:all|everything|them|each|every one)(?: of them)?)?|no to (?:all|everything|each)"
    r"(?: of them)?|none (?:so far|yet)|nothing like that(?: so far| yet)?|never (?:fallen|fell)"
    r"(?: in my life)?|(?:so far )?none of (?:them|those|it))\W*$"
    r"|^\W*i(?:'ve| have)? never (?:had|get|got|had any|get any) (?:it|one|any|that|them)\b"
    r"(?=\s*[,.;!]|\s*$)"
    r"|^\W*i (?:don'?t|do not) have (?:one|any)\b(?=\s*[,.;!]|\s*$)",
    re.IGNORECASE,
)
_ASKED_LIST = re.compile(
    r"\?|\b(?:asked|if|about|any|report|warning|red flags?|look out|watch for)\b", re.IGNORECASE
)
# ... unless what was asked is told as the writer's own: "Do I need a referral to go to A&E with
# both legs numb? I don't have one.", "The physio asked if I've any numbness, and I have both"
_ASKED_OF_ME = re.compile(
    r"\b(?:my|me|i'?ve|i have|i'?m|i am|this|these|since|both)\b", re.IGNORECASE
)
# (who asked says nothing of it: "My physio asked me to report any chest pain")
_WHO_ASKED = re.compile(
    r"\bmy (?:physio|physiotherapist|gp|doctor|doc|nurse|consultant|surgeon|midwife|"
    r"specialist|neurologist)\b|\b(?:asked|told|gave|sent|showed|handed) me\b",
    re.IGNORECASE,
)
# "Sorry, wrong chat 😂 meant to send that to the ward group": not written to the coach at all
_NOT_TO_ME = re.compile(
    r"\bwrong (?:chat|group|thread|convo|conversation|window|person)\b"
    r"|\bmeant to (?:send|post|text) (?:that|this) to\b",
    re.IGNORECASE,
)
_NONE_OF_THAT = re.compile(
    r"\b(?:i )?(?:don'?t|do not|dont) have (?:any|either) of (?:that|those|these|them)\b"
    r"|\bi have none of (?:that|those|these|them)\b|\bnone of (?:that|those|these) "
    r"(?:applies|apply|is happening)\b"
    r"|\b(?:don'?t|do not|dont) have any of the (?:things|signs|symptoms)\b",
    re.IGNORECASE,
)
# A sign put right to someone else in the same sentence: "correction: the fever is my son's, not
# mine", "it's my dog who's gone weak in the back legs, not me"; "Not me." after it
_NOT_MINE = re.compile(
    # (not "this is not me being dramatic", "feels like it's not mine any more")
    r"\b(?:is|was|are|were)\s+(?:my|his|her|our)\s+[\w-]+(?:'s|’s)\b[^.!?]{0,40}?,\s*"
    r"not (?:me|mine)\b"
    r"|\b(?:it'?s|it is|it was)\s+(?:my|our)\s+[\w-]+\s+who\b[^.!?]{0,60}?,\s*not me\b",
    re.IGNORECASE,
)
_NOT_ME_ALONE = re.compile(r"^\W*not (?:me|mine)\W*$", re.IGNORECASE)
_THEIRS_NAMED = re.compile(r"\bmy\s+[\w-]+(?:'s|’s)\s", re.IGNORECASE)
# A word typed wrongly and put right: "I wrote bladder, meant *ladder"
_MISTYPED = re.compile(
    r"\b(?:wrote|typed|said|put)\s+['\"“‘]?([a-z]+)['\"”’]?,?\s+(?:but\s+)?(?:i\s+)?meant\b",
    re.IGNORECASE,
)
# A sign said and then denied in the same breath: "thought my legs were tingling but no, it was
# the fleece blanket", "I meant 'I fell behind' ..., not that I fell"
_THOUGHT_NOT = re.compile(
    r"\bthought\b[^.!?]{0,60}?\bbut (?:no|nope|nah)\b|\bnot that i (?:actually |really )?\w+"
    r"|\bi was wrong about\b[^.!?]{0,40}?[—–-]\s*it was (?:the|my|just|only)\b",
    re.IGNORECASE,
)
_NOTHING_NEW = re.compile(
    r"\bsince (?:my|the) [\w-]+ (?:diagnosis|op|operation|surgery)\b[^.!?]*[,—–-]\s*"
    r"(?:nothing|none of it'?s?) new\W*$",
    re.IGNORECASE,
)
_NOT_FINE = re.compile(
    r"\bi (?:told you|said) i was (?:fine|ok|okay|good)\b[^.!?]*[.!?]\s*(?:i'?m|i am) not\s*"
    r"[—–,.:-]",
    re.IGNORECASE,
)
# A denial taken back: "no tingling in my legs — well actually, yes, both of them", "I said no
# falls — actually I did"
_TAKEN_BACK = re.compile(
    # (not "no fever. Actually, yes, the stretches are helping!")
    r"[—–-]\s*(?:well,?\s+)?actually,?\s+(?:yes|yeah|i do|i did)\b"
    r"|\bwell,? actually,? (?:yes|yeah)\b|\bit'?s (?:a )?yes now\b",
    re.IGNORECASE,
)

# A condition known for years and unchanged is no new sign: "feet numb from the neuropathy for
# ten years, no worse", "MS for 20 years, legs always a bit heavy, nothing different", "weaker
# since my stroke in 2019, the physio says it's stable". A change said beside it keeps it ("my
# diabetic feet are numb as ever, nothing new there, but now a new tingling down my left thigh":
# only the clause before the "but" is long known).
_KNOWN_CONDITION = re.compile(
    r"\b(?:neuropath\w*|diabet\w*|the sugar|sugars|type [12]|multiple sclerosis|strokes?|"
    r"prostate|parkinson'?s?|spina bifida|polio|stenosis)\b"
    # MS, not the title Ms: "MS for 20 years", "I have MS"
    r"|\b(?:my|have|had|with|got|the) ms\b|^\W*ms (?:for|since)\b"
    # a disability, or the injury or operation that began it ("since my injury in 2015")
    r"|\b(?:cerebral palsy|my cp|fibro\w*|spinal cord|sci|incomplete|para(?:plegi\w*|lysed)|"
    r"tetraplegi\w*|quadriplegi\w*|hemiplegi\w*|muscular dystrophy|myelitis|ehlers|"
    r"spasticity|meralgia|guillain|gbs|myelopathy)\b|\bcp means\b"
    r"|\b(?:my|the|old|that) (?:injury|accident|crash|disability|"
    r"(?:(?:back|disc|spinal|spine|neck) )?(?:op|operation|surgery|fusion))\b"
)
_YEARS = (
    # (not "for ages": standing at the toilet for ages is minutes)
    r"(?:about |over |nearly |almost |well over )?(?:years|decades|"
    r"\d+ years|(?:five|six|seven|eight|nine|ten|fifteen|twenty|thirty|forty|fifty) years)"
)
_LONG_SAID = re.compile(
    rf"\b(?:for|since|over) (?:the (?:last|past) )?{_YEARS}\b"
    r"|\bsince (?:my |i was )?(?:twenties|thirties|forties|fifties|sixties|seventies|childhood|"
    r"a child|a kid|young|little|teens|stroke|diagnosis)\b"
    r"|\bas (?:ever|always)\b|\bsame as (?:ever|always|usual)\b"
    r"|\bas (?:they|it) (?:have|has) (?:done|been) for\b|\balways (?:a bit|been|slightly)\b"
    r"|\bnothing (?:new|changed|different|has changed)\b|\bno (?:worse|change|different)\b"
    r"|\bstable\b|\bhow it'?s (?:always )?been\b|\bunchanged\b"
    # "since my injury in 2015", "since I was 4", "like always", "the usual", "has always"
    r"|\b(?:since|in|from) (?:19[4-9]\d|20[01]\d|202[0-3])\b"
    r"|\bsince i was (?:\d+|a baby|born|tiny|small|a toddler)\b|\b(?:since|from) birth\b"
    r"|\b(?:like|as) always\b|\b(?:the|as) usual\b|\busual for me\b|\bexactly the same\b"
    r"|\bin years\b|\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|"
    r"twenty|thirty) years ago\b|\b(?:my|at|to|back to) (?:my )?(?:normal|baseline)\b"
)
_NEWLY = re.compile(
    r"\b(?:new|newly|worse|worsening|spreading|suddenly|started|starting|"
    r"getting (?:worse|weaker|number|more|bigger)|"
    r"this (?:week|morning|evening|afternoon)|today|tonight|last night|yesterday|"
    r"but now|now (?:it|they|there|both|my|i)|never (?:had|happened|before|ever|been)|first time|"
    r"not normal for me|lately|recently|crept|creeping|spread\w*|over the weekend|"
    r"since (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|the weekend|lunch|"
    r"breakfast|tea|dinner|last|this|then|\d+\s*(?:am|pm|o'?clock)?)|in the last|"
    r"last (?:week|month|night)|been able to|nothing (?:comes|came|will|at all)|at all|"
    r"(?:\d+|a few|two|three|four|five|couple of) (?:hours|days)|(?:hours|days|an hour) ago|"
    r"can'?t (?:pass|wee|pee|empty|hold|control)|lost control|wet(?:ting)? (?:myself|the bed)"
    r"|incontinen\w*"
    # "since my back went on Saturday nothing works"
    r"|on (?:mon|tues|wednes|thurs|fri|satur|sun)day|since (?:my|the) back|flared?|"
    r"nothing works)\b"
)
# (never a bladder's loss of control, the saddle, or the night's pain)
_CHRONIC = frozenset({"SENSORY", "WEAK", "LEGS", "PRESSURE", "ODD", "RADIATE", "DROP",
                      "ELIMINATION", "FOOTDROP", "LEG", "ACCIDENT"})  # fmt: skip
_CARRIED = frozenset({"SENSORY", "WEAK", "LEGS", "ODD", "DROP", "FOOTDROP"})
# A bladder or bowel that has been the same since an injury or operation years ago, and is
# looked after ("incontinent since my spinal surgery in 2012, I use pads, it's all managed",
# "a little accident on the way to the loo, the usual, my bladder's been like that since my
# injury in 2015"); any word of change keeps it a sign.
_MANAGED = re.compile(
    r"\b(?:the usual|as usual|like always|as always|(?:all|it'?s|is|well) managed|pads|"
    r"catheter|been like (?:that|this|it) since)\b"
)
_CHANGED = re.compile(
    r"\b(?:never|new|newly|worse|first time|started|starting|different|not normal|crept|"
    r"spread\w*|suddenly|lately|recently|any ?more|at all|not like (?:me|usual)|can'?t feel|"
    r"didn'?t feel|numb)\b"
)
_BOWEL_LABELS = frozenset({"BLADDER", "ELIMINATION", "CONTROL_LOSS", "MINOR"})


def long_known(text: str, message: str | None = None) -> bool:
    """Whether `text` (lower case) says a feeling is long known and unchanged: years of it, or
    the same as ever, beside a named condition (in `text` or the rest of the `message`), and no
    change said."""
    if not (_LONG_SAID.search(text) and _KNOWN_CONDITION.search(message or text)):
        return False  # years of yoga, nursing or marriage say nothing of the feeling
    return not _NEWLY.search(_LONG_SAID.sub(" ", text))


def _long_known(found: list[Mention], doc: Any) -> list[Mention]:
    """Mentions in a clause that says the feeling is long known and unchanged are history."""
    if not any(m.label in _CHRONIC for m in found):
        return found
    known: list[tuple[int, int]] = []
    lowered = doc.text.lower()  # "Type 1 since I was nine. Feet numb for decades."
    for sent in doc.sents:
        start = sent.start
        for token in sent:
            if token.lower_ in ("but", ";") or token.i == sent.end - 1:
                end = token.i + 1
                if long_known(doc[start:end].text.lower(), lowered):
                    known.append((start, end))
                start = end
    if not known:
        return found
    # ... and so is the rest of a message that says nothing is new anywhere ("Diabetic
    # neuropathy in both feet for eight years, no change. Is it safe to stretch my calves if I
    # can't feel them properly?")
    whole = not _NEWLY.search(_LONG_SAID.sub(" ", lowered))
    return [
        replace(m, historical=True)
        if m.label in _CHRONIC
        and ((whole and m.label in _CARRIED) or any(a <= m.start < b for a, b in known))
        else m
        for m in found
    ]


def _managed(found: list[Mention], text: str) -> list[Mention]:
    """A bladder or bowel long the same since a known injury or operation, and looked after."""
    lowered = text.lower()
    if not (
        any(m.label in _BOWEL_LABELS for m in found)
        and _MANAGED.search(lowered)
        and _LONG_SAID.search(lowered)
        and _KNOWN_CONDITION.search(lowered)
        and not _CHANGED.search(lowered)
    ):
        return found
    return [replace(m, historical=True) if m.label in _BOWEL_LABELS else m for m in found]


# A course of steroids counted in days ("steroid tablets for a week", "a 5-day course of
# prednisolone"): taken and done, no bone risk.
_DAYS_OF_IT = re.compile(
    r"^\W*(?:[\w-]+ ){0,2}?(?:for |just |only )(?:a |one |just |only )?(?:week|fortnight|"
    r"few days|couple of (?:days|weeks)|\d+ days|five days|three days|seven days|ten days|"
    r"(?:two|three|2|3) weeks)\b"
)
_SHORT_COURSE = re.compile(
    r"\b(?:short|quick|single|one-off|\d+[- ]day|five[- ]day|week-long|(?:one|two|1|2)[- ]week)"
    r" (?:course|burst)\b"
)


_KEPT_ON = re.compile(
    r"\b(?:months|years|renew\w*|repeat\w*|kept|still on|ever since|long.term|ongoing|every)\b"
    r"(?<!finished months)(?<!finished years)(?<!stopped months)(?<!stopped years)"
)


def _short_course(found: list[Mention], doc: Any) -> list[Mention]:
    return [
        replace(m, historical=True)
        if m.label == "BONE_RISK"
        and m.text.startswith(STEROID)
        and (
            _DAYS_OF_IT.search(doc[m.end : m.end + 6].text.lower())
            or _SHORT_COURSE.search(doc[max(0, m.start - 6) : m.end + 3].text.lower())
        )
        # (not "for a week, then they kept renewing it, 7 months now")
        and not _KEPT_ON.search(doc[m.start :].text.lower())
        else m
        for m in found
    ]


def _came_true(found: list[Mention], text: str) -> list[Mention]:
    """A condition told to the person that they then say has happened, or a sign asked about
    in general that they then say they have, is their sign now."""
    if not (_CAME_TRUE.search(text) or _CLAIMED.search(text) or _YES_NOW.search(text)):
        return found
    return [replace(m, hypothetical=False) if m.hypothetical else m for m in found]


# "Pasting my GP's text: 'Any new sexual dysfunction, go to A&E'. Well... yes."
_YES_NOW = re.compile(
    r"\bwell\W+(?:yes|yeah)\b|\bit'?s (?:a )?yes now\b|\bum\W+yes\b|\bthat'?s mine\b"
    # a warning list, then "I've got the first two since lunch", "well that's me", "(yes)"
    r"|\bthat'?s me\b|\bi'?ve got (?:the first|the last|all|both|them|those|the lot|two|three)\b"
    r"|\bi have (?:both|all of them|them|those|the first|two|three)\b|\(\s*yes\b",
    re.IGNORECASE,
)
# ("Anyone else get numb legs on long drives? I'm curious" asks; "Mine's been like it" owns)
_ASKS_THEN_OWNS = re.compile(
    r"\b(?:anyone|anybody) else\b[^?]*\?\s*(?:mine|i've (?:had|been|got)|i have (?:had|been|got)"
    r"|same here|me too)\b",
    re.IGNORECASE,
)
# A sentence that only says the feeling before it passed, for good: "All back to normal after a
# shower.", "It went once I got out.", "Gone now." Not "Went to lie down ... but no change",
# "Passed out when I stood up", "Fine when I'm lying down" (relief that lasts only while lying),
# "Gone to bed now": the passing must be done ("once I got out", "after a shower", "now").
_NOTHING_SINCE = re.compile(
    r"^\W*(?:nothing|no (?:problems|trouble|issues|symptoms|more))(?: at all)? since\W*$",
    re.IGNORECASE,
)
_NOW = re.compile(
    r"\b(?:this morning|today|tonight|yesterday|last night|again|now|since)\b", re.IGNORECASE
)
_LONG_AGO = re.compile(r"\b(?:19|20)\d\d\b|\b(?:years?|months?|ages) ago\b", re.IGNORECASE)
_CLEARED_NEXT = re.compile(
    # "Sciatica diary (2021): L leg 7 → 0 over 10 weeks. Nothing since."
    _NOTHING_SINCE.pattern
    + r"|^\W*(?:(?:all|everything|totally|completely|it'?s|its|it|they'?re|they|that'?s|"
    r"feeling'?s)\s+)*(?:back to normal|went away|went off|went|gone away|gone off|gone|"
    r"came back|goes away|"
    r"goes|stops|eases off|"
    r"(?:fine|normal|ok|okay) now)"
    r"(?:\s+(?:now|again))?"
    r"(?:\s+(?:once|when|as soon as|after) (?:i|we) (?:\w+ed|got|stood|took|had|came|went|ran|"
    r"sat|ease|stop|rest|relax|let go)\b(?:\s+\w+){0,5}|\s+after (?:a|the|my) \w+(?:\s+\w+){0,4})?"
    # "..., now totally normal."
    r"(?:,?\s+(?:and\s+)?now\s+(?:totally\s+|completely\s+|all\s+)?(?:normal|fine|ok|okay|"
    r"good))?\W*$",
    re.IGNORECASE,
)
# ... or ends on it: "(after the Hyrox wall balls, they're back now)"
_CLEARED_TAIL = re.compile(
    r"\b(?:they'?re|they are|legs are|feet are|all|everything'?s?)\s+(?:back|fine|normal)"
    r"(?: to normal)?\s+now\W*$"
    # "She said it was from sitting cross-legged for hours, and it's gone now."
    r"|\b(?:and|but) it(?:'s| is| has)? (?:all |completely )?gone now\W*$",
    re.IGNORECASE,
)
_SENSATIONS = frozenset({"SENSORY", "WEAK", "ODD", "RADIATE", "PRESSURE", "SCIATICA"})


def _cleared_next(found: list[Mention], sentences: list[str], text: str) -> list[Mention]:
    """A feeling the next sentence says passed is over (unless it is said to come back)."""
    if _RECURS.search(text.lower()):
        return found
    cleared = {
        k - 1
        for k, s in enumerate(sentences)
        if k
        and (_CLEARED_NEXT.match(s.strip()) or _CLEARED_TAIL.search(s.strip()))
        # "Nothing since" clears only what was long ago ("Sciatica diary (2021): ..."), not
        # "This morning my bum went numb for an hour. Nothing since."
        and (not _NOTHING_SINCE.match(s.strip()) or bool(_LONG_AGO.search(sentences[k - 1])))
    }
    dated = {
        k - 1
        for k, s in enumerate(sentences)
        if k
        and _NOTHING_SINCE.match(s.strip())
        and _LONG_AGO.search(sentences[k - 1])
        and not _NOW.search(sentences[k - 1])
    }  # ("Ages ago (2014) I had a kidney infection with fever ... Nothing since.")
    return [
        replace(m, historical=True)
        if (m.sentence in cleared and m.label in _SENSATIONS) or m.sentence in dated
        else m
        for m in found
    ]


# A sign that was checked, explained and has ended: "The numbness in both legs turned out to be
# low B12. Injections sorted it", "The waking at night was reflux, not my back. Gaviscon sorted
# it", "The numb patch on my thigh ... went once I stopped wearing them". What explains it ...
_EXPLAINED = re.compile(
    r"\bturned out (?:to be|it was|to have been|i had|i'?d had)\b"
    r"|\b(?:was|were|got|been) (?:looked into|checked(?: out| over)?|investigated|tested|"
    r"scanned|x-?rayed|seen to|examined)\b"
    r"|\b(?:gp|doctor|doc|dr|nurse|physio|consultant|neurologist|oncologist|specialist|surgeon|"
    r"urgent care|a ?& ?e|er|111|walk-in|hospital|they|she|he)\b[^.!?]{0,40}\b(?:checked|"
    r"examined|looked at|scanned|tested|said|says|told me|confirmed|discharged)\b"
    r"|\b(?:it|that|this|which|they) (?:was|were|wasn'?t|was not|weren'?t)\b"
    r"|\b(?:was|were) (?:just |only |actually |all )?(?:a |an |my |from |due to |caused by |"
    r"down to )?(?:\w+ ){0,2}?(?:infection|virus|bug|cyst|hernia|reflux|thyroid|b12|anaemia|"
    r"anemia|gout|shingles|meralgia|mattress|saddle|seat|shoes?|jeans|muscular|cramp|"
    r"dehydration|stones?|uti|piles|migraine|nothing|disc|sciatica|cold|flu)\b",
    re.IGNORECASE,
)
# The words of a feeling ending ("stopped", "it went"; not "my legs just went": they gave way)
_ENDS = (
    r"gone|stopped|cleared|settled|disappeared|vanished|eased|went away|went off|"
    r"(?:it|they|that) went"
)
# ... and that it ended (not "sorted it for a while", "said I'd be back to normal in a week")
_ENDED = re.compile(
    r"\bsorted (?:it|that|me|out)\b(?!\s+(?:for|until|till)\b)"
    r"|\b(?:all |fully |completely )?healed\b|\brepaired\b"
    rf"|\b(?:{_ENDS}|resolved|the \w+ went)(?: away| off| up| down)?(?: completely| totally)? "
    r"(?:once|since|after|within|in (?:\d+|a|two|three|a few|a couple of) (?:days?|weeks?)|"
    r"with (?:physio|rest|the|treatment|tablets|antibiotics))\b"
    r"|\bbeen normal (?:for|since|ever)\b|\ball clear\b"
    r"|(?:^\W*|\b(?:i'?m|i am|it'?s|its|all|everything'?s?|life'?s?) )back to normal\b"
    r"|\b(?:putting|put|gaining|gained) (?:it|the weight|weight) back on\b"
    r"|\b(?:and |now )?i (?:now )?sleep (?:right |all the way )?through\b"
    r"|\bcame back fully\b|\bfine ever since\b(?!\W+until\b)"
    r"|\b(?:tests?|scans?|results?|bloods|x-?ray|mri|urine|sample)\b[^.!?]{0,30}"
    r"\b(?:was|were|came back)\s+(?:all\s+)?(?:clear|normal|fine|negative)\b"
    r"|\bnerve conduction (?:was |came back )?normal\b"
    r"|\b(?:would|will) (?:settle|go|clear|pass)\b[^.!?]{0,20}\band (?:it|they) did\b"
    r"(?!\s+for\b)",
    re.IGNORECASE,
)
# An ending that explains itself: "it went once I stopped wearing them", "gone since I changed
# my running shoes" (not "my legs just went once I got out of the car": they gave way)
_ENDED_BY_CHANGE = re.compile(
    rf"\b(?:{_ENDS})(?: away| off)?(?: completely| totally)? (?:once|since) (?:i|we) "
    r"(?:\w+ed|got|took|had|swapped|gave)\b"
    # "My bum went to sleep in the cinema ... but woke up the second I stood"
    r"|\bbut (?:it |they )?(?:woke up|came back|was fine|were fine)(?: again)? (?:the|as) "
    r"(?:second|moment|minute|instant|soon as) (?:i|we) (?:stood|got|moved|shifted)\b",
    re.IGNORECASE,
)
# Said of the sign now, or as lasting: it is not over ("both legs are numb ... the GP said it
# would settle, and it did for a day")
_STILL_NOW = re.compile(
    r"\b(?:again|still|today|tonight|this morning|last night|right now|but now|now (?:i|i'?m|my|"
    r"both|it'?s|they'?re)|since (?:this|last|yesterday|monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday|the weekend|lunch|teatime)|(?:over|for|in) the (?:last|past)|this week|"
    r"from (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday)|"
    r"am|are|'m|'re|can'?t|cannot|keeps?|won'?t|aren'?t|have been|'ve been|haven'?t)\b",
    re.IGNORECASE,
)
_REFERS_BACK = re.compile(r"^\W*(?:turned out|it|that|this|which|they)\b", re.IGNORECASE)


def _explained_over(sentences: list[str], text: str) -> tuple[set[int], tuple[int, int] | None]:
    """The sentences telling of a sign that was checked or explained and has ended, and where in
    the last of them the ending is said (what follows it is not over: "... and it went with the
    new tablets, but my feet have gone numb since Monday"). The sentence before an explanation
    that refers back to it counts too ("Saw the GP about waking at night. Turned out to be the
    mattress. New one and I sleep right through."). None of it when anything in it is said as
    now or lasting."""
    if _RECURS.search(text.lower()):
        return set(), None
    for k, sentence in enumerate(sentences):
        ended = _ENDED_BY_CHANGE.search(sentence)
        first = k
        if ended is None:
            ended = _ENDED.search(sentence)
            if ended is None:
                continue
            told = [e for e in (k - 1, k) if e >= 0 and _EXPLAINED.search(sentences[e])]
            if not told:  # ... or it was long ago: "Foot drop after a bad disc in 2012. It
                # came back fully."
                told = [e for e in (k - 1, k) if e >= 0 and _LONG_AGO.search(sentences[e])]
            if not told:
                continue
            first = told[0]
            if first and _REFERS_BACK.match(sentences[first]):
                first -= 1
        said = [*sentences[first:k], sentence[: ended.end()]]
        if not any(_STILL_NOW.search(part) for part in said):
            return set(range(first, k)), (k, ended.end())
    return set(), None


# Quotation marks, opening and closing
_QUOTES = {'"': ('"',), "“": ("”", '"'), "'": ("'", "’"), "‘": ("’", "'"), "«": ("»",)}
# The writer owns what the quote says: "Headline says 'Multi-car pile-up on A1' — that was me",
# "Pasting my GP's text: 'Any new sexual dysfunction, go to A&E'. Well... yes."
_OWNS_QUOTE = re.compile(
    r"\b(?:that'?s|that is|that was|this is|it'?s|it is|it was|thats)\s+(?:me|mine|us|what'?s "
    r"happening|exactly (?:me|what|how|it))\b|\bwell\W+(?:yes|yeah|yep)\b|\bme too\b"
    r"|\bsame here\b|\b(?:happening|happened) to me\b|\bme (?:since|from|for the last)\b"
    r"|\b(?:i have|i've got|i've had|i get|i got) (?:that|this|exactly that|it)\b"
    r"(?! (?:right|wrong))"
    r"|\bme pasa\b|\blo noto\b|\bme ha pasado\b|\bdescribes me\b"
    r"|\b(?:it'?s|its) (?:a )?yes now\b|[—–-]\s*(?:haha|ha|lol),? yes\b"
    r"|\band (?:yeah|yep|yes),? (?:every|that'?s me|guilty|since)\b|\bthat'?s mine\b",
    re.IGNORECASE,
)
# ... and a quote is someone else's words only when its source is named as someone else or
# something public: "Headline today:", "Meme my brother sent:", "Friend's text:", "your list
# says", "Does 'loss of control' mean ...?" (not "Woke up and 'down there' has gone numb", "here's
# his answer word for word:", "To repeat what I put earlier:")
_THIRD_PARTY = re.compile(
    r"\b(?:headlines?|memes?|posts?|posted|thread|forum|reddit|newsletter|poster|leaflet|songs?|"
    r"lyrics?|line|saying|sign|joke|article|news|clip|video|book|film|movie|chat|voice note|"
    r"forwarded|used to say|what does|what's|(?:check|make sure) i understand|"
    r"you (?:said|say|asked|mentioned)|your (?:list|"
    r"warning|checklist|table|message|question|bot)"
    # the writer's own words taken back: "ignore 'fever', I meant 'fewer'", "by 'hit by a truck'
    # I only meant", "take back the 'no injuries'", "I called it a 'minor bump'"
    r"|ignore|take back|by|autocorrect\w*|i typed|i wrote|called it|when i said|"
    r"i said my)\b"
    r"(?![^.!?]*\b(?:should have been|should be|should read|i meant|meant to say)\W*$)"
    r"|\b(?:friend|mate|brother|sister|aunt|auntie|uncle|cousin|flatmate|colleague|coach|dad|mum|"
    r"mother|father|grandfather|grandmother|grandad|gran|nan|daughter|son|husband|wife|partner|"
    r"boss|neighbour)(?:'s|’s)?\b[^.!?]{0,30}\b(?:sent|said|says|texted|posted|wrote|shouted|"
    r"asked|message|text|letter|note|report|summary|app)\b",
    re.IGNORECASE,
)
_THIRD_PARTY_AFTER = re.compile(
    r"^\W*(?:means?|stands for)\b|^\W*(?:[—–-]\s*)?(?:from|by) (?:my|a|the|his|her)\b"
    r"|^[^.!?]{0,30}\b(?:your list|that'?s what your)\b"
    r"|^\W*(?:was|were) (?:a|an|just|only|actually)\b"
    r"|^\W*(?:lol\W*)?(?:i meant|meant|was autocorrect|was a typo|was the|[—–-]\s*it'?s a "
    r"(?:song|lyric|line|joke))",
    re.IGNORECASE,
)


def _their_quote(doc: Any, start: int, end: int) -> bool:
    """Whether the quote between tokens `start` and `end` is named as someone else's words."""
    before = doc[doc[start].sent.start : start].text
    after = doc[end + 1 : doc[end].sent.end].text if end + 1 < len(doc) else ""
    return bool(_THIRD_PARTY.search(before) or _THIRD_PARTY_AFTER.search(after))


def quoted(doc: Any) -> list[tuple[int, int]]:
    """The token spans inside quotation marks ("your list says 'saddle numbness'")."""
    spans = []
    opened: tuple[int, tuple[str, ...]] | None = None
    for token in doc:
        if opened is None:
            before = doc[token.i - 1] if token.i else None
            if token.text in _QUOTES and (
                before is None or before.whitespace_ or not before.is_alpha
            ):
                opened = (token.i, _QUOTES[token.text])
        elif token.text in opened[1]:
            spans.append((opened[0] + 1, token.i))
            opened = None
    return spans


def read(text: str) -> Reading:
    """Every target mention in `text` with its assertion, and its clauses."""
    load()
    doc = _nlp(normalise(text))
    theirs = bool(_FOR_THE_USER.search(text))  # the account holder's own words, relayed
    # "Anyone else get a numb bum that doesn't go away? Mine's been like it 2 days"
    asks_then_owns = bool(_ASKS_THEN_OWNS.search(text))
    starts = [sent.start for sent in doc.sents]
    # A pseudo-trigger ("not from", "since I was", "not sure if") cancels the triggers inside it.
    pseudo = [m.modifier_span for m in doc._.context_graph.modifiers if m.category == "PSEUDO"]
    proxies = [(e.start, e.end) for e in doc.ents if e.label_ == "PROXY"]
    # "is X ok if my feet are numb?": "ok if" then "my" before the sign makes it the person's
    # own, even when ConText's scope cut did not reach it.
    mine = [m.modifier_span[0] for m in doc._.context_graph.modifiers if m.category == "SELF"]
    # "does it matter that it's worse at night?": the question is about a fact stated after it.
    facts = [m.modifier_span for m in doc._.context_graph.modifiers if m.rule.literal in _FACTS]
    # a trigger inside quotation marks qualifies only what is quoted with it ("take back the 'no
    # injuries' from before — after the skiing crash today my back hurts")
    marks = quoted(doc)
    their_marks = [(a, b) for a, b in marks if _their_quote(doc, a - 1, b)]
    found = []
    idioms: list[tuple[str, int]] = []
    for ent in doc.ents:
        if ent.label_ == "IDIOM" or drop_match(ent.label_, doc, ent.start, ent.end):
            # "falling for my physio": not a fall; an idiom of the rules' own is filed under
            # the topic it borrows a word from ("fell short of my goal": FALL)
            idioms.append((_idiom_topic(ent), ent.start))
            continue
        historical = any(
            _over_after_but(doc, m, ent) and not _recurs(doc, m) and not _not_ended(doc, m, ent)
            for m in doc._.context_graph.modifiers
        )
        kinds = {
            m.category
            for m in ent._.modifiers
            if not any(a <= m.modifier_span[0] < b for a, b in pseudo)
            # a trigger inside the mention is part of it ("without meaning to")
            and not ent.start <= m.modifier_span[0] < ent.end
            and not (theirs and m.category == "FAMILY")
            and not (
                asks_then_owns
                and m.category == "FAMILY"
                and doc[m.modifier_span[0]].lower_ in ("anyone", "anybody")
            )
            and not _lasting_after_hold(doc, m)
            and not _recurs(doc, m)
            and not _not_ended(doc, m, ent)
            and not any(
                a <= m.modifier_span[0] < b and not a <= ent.start < b for a, b in their_marks
            )
            # "lost weight without meaning to and my appetite is fine": the appetite is fine
            and not (m.rule.literal == "fine" and ent.label_ in _FINE_SAYS_NOTHING)
            # "went over, I'm ok": the fall happened (whether it hurt is read apart)
            and not (m.rule.literal == "i'm fine" and ent.label_ in _MISHAP_LABELS)
            and not _crosses(doc, m, ent.start, ent.end)
            and not _spent(doc, m, ent)
            and not _eased_by_rest(doc, m, ent)
            and not (  # "grandson jumped on me": the knock is the person's own
                m.category == "FAMILY"
                and ent.label_ in _MISHAP_LABELS
                and (
                    doc[ent.end : ent.end + 2].text.lower() in _ONTO_ME
                    or doc[ent.start : ent.start + 2].text.lower() in _ONTO_ME
                    # "the toddler launched himself off the sofa onto my back"
                    or any(f" {w} " in f" {ent.text.lower()} " for w in (*_ONTO_ME, "me"))
                    # "shoved into a wall by a confused patient": done to the writer
                    or (
                        doc[ent.end : ent.end + 1].text.lower() == "by"
                        and bool(_DONE_TO_ME.search(ent.text.lower()))
                    )
                )
            )
            and not (m.rule.literal == "benign cause" and not _explains(doc, m, ent))
            # "wet myself walking to the car after my shift": no shift explains that
            # ... nor a fall through the loft hatch "after a night shift"
            and not (
                m.rule.literal == "after the marathon"
                and ent.label_ in (_NO_BENIGN_CAUSE | _MISHAP_LABELS | {"HEIGHT"})
            )
            and not (
                m.category == "NEGATED_EXISTENCE"
                and ent.label_ in _UNABLE_IS_SIGN
                and _unable(doc, m.modifier_span[0])
            )
            and not (  # "is it normal for both my legs to go numb?": a report, asked about
                m.rule.literal == "general question"
                and re.search(r"\bmy\b", doc[max(0, ent.start - 2) : ent.end].text.lower())
            )
            and not (  # "why cant i feel anything down there?": asked of one's own body
                m.rule.literal == "general question"
                and doc[m.modifier_span[0]].lower_ in ("why", "how")
                and any(t.lower_ in _SELF_WORDS for t in doc[m.modifier_span[0] + 1 :][:3])
            )
            and not (  # "is it normal for my chest to hurt when I do the cat-cow?"
                m.rule.literal == "general question"
                and _NORMAL_FOR_ME.match(doc[m.modifier_span[0] :].text.lower())
            )
            and not (  # "is it normal to not feel when you need a poo?": so is this
                m.rule.literal == "general question"
                and ent.label_ in _ASKED_IF_NORMAL
                and _IS_IT_NORMAL.match(doc[m.modifier_span[0] :].text.lower())
            )
            and not (
                m.rule.literal == "general question"
                and (
                    any(
                        m.modifier_span[1] <= a and any(b <= i < ent.start for i in mine)
                        for a, b in pseudo
                    )
                    or _statement(doc, m)
                    or any(m.modifier_span[1] <= a and b <= ent.start for a, b in facts)
                )
            )
        }
        sentence = sum(1 for s in starts if s <= ent.start) - 1
        found.append(
            Mention(
                ent.label_,
                ent.text.lower(),
                sentence,
                "NEGATED_EXISTENCE" in kinds,
                "HYPOTHETICAL" in kinds,
                "HISTORICAL" in kinds or historical,
                "FAMILY" in kinds or (not theirs and _proxied(doc, proxies, ent.start)),
                ent.start,
                ent.end,
            )
        )
    found = _came_true(found, text)
    found = _long_known(found, doc)
    found = _managed(found, text)
    if _NOT_TO_ME.search(text):
        found = [replace(m, other_person=True) for m in found]
    sents = [sent.text for sent in doc.sents]
    found = _cleared_next(found, sents, text)
    found = _short_course(found, doc)
    # what was checked or explained and has ended, up to where the ending is said (`said_by`
    # characters into sentence `last`)
    over, ending = _explained_over(sents, text)
    last, said_by = ending or (-1, 0)
    if ending is not None:
        found = [
            replace(m, historical=True)
            if m.sentence in over
            or (m.sentence == last and doc[m.start].idx - doc[starts[last]].idx < said_by)
            else m
            for m in found
        ]
    not_mine = {k for k, sent in enumerate(sents) if _NOT_MINE.search(sent)}
    not_mine |= {
        k - 1
        for k, sent in enumerate(sents)
        if k and _NOT_ME_ALONE.match(sent) and _THEIRS_NAMED.search(sents[k - 1])
    }
    if not_mine:
        found = [replace(m, other_person=True) if m.sentence in not_mine else m for m in found]
    mistyped = {w.lower() for w in _MISTYPED.findall(text)}
    denied = [
        (d.start(), d.end()) for d in (*_MISTYPED.finditer(text), *_THOUGHT_NOT.finditer(text))
    ]
    if mistyped or denied:
        found = [
            replace(m, negated=True)
            if m.text in mistyped or any(a <= doc[m.start].idx < b for a, b in denied)
            else m
            for m in found
        ]
    # "I've had mild ED for years since my diabetes diagnosis, nothing new."
    old = {k for k, sent in enumerate(sents) if _NOTHING_NEW.search(sent)}
    if old:
        found = [replace(m, historical=True) if m.sentence in old else m for m in found]
    if _NOT_FINE.search(text):  # "I told you I was fine earlier. I'm not — 38.5°C"
        found = [replace(m, negated=False) for m in found]
    taken_back = _TAKEN_BACK.search(text)
    if taken_back:
        upto = next((t.i for t in doc if t.idx >= taken_back.start()), len(doc))
        found = [replace(m, negated=False) if m.negated and m.end <= upto else m for m in found]
    # Words in quotation marks are someone else's ("Friend's text: 'I can't feel my bum'", "your
    # list says 'saddle numbness'"), unless the writer claims them or relays the owner's own
    claimed = bool(_CLAIMED.search(text) or _OWNS_QUOTE.search(text))
    owned = theirs or claimed or bool(_CAME_TRUE.search(text))
    quotes = [] if owned else their_marks
    if claimed and not theirs:
        # "my sister's message: 'both my legs went numb at work' — that's exactly what's
        # happening to me too": the quoted sign is claimed, whoever said it first
        found = [
            replace(m, other_person=False)
            if any(a <= m.start and m.end <= b for a, b in marks)
            else m
            for m in found
        ]
    if quotes:
        found = [
            replace(m, other_person=True)
            if any(a <= m.start and m.end <= b for a, b in quotes)
            else m
            for m in found
        ]
    if _NONE_OF_THAT.search(text):
        found = [replace(m, negated=True) for m in found]
    answered: set[int] = set()
    for k, sent in enumerate(sents):
        if (
            k
            and _ANSWERED_NO.search(sent.strip())
            and (
                k - 1 in answered
                or (
                    _ASKED_LIST.search(sents[k - 1])
                    and not _ASKED_OF_ME.search(_WHO_ASKED.sub(" ", sents[k - 1]))
                )
            )
        ):
            answered |= {k - 1, k}
    if answered:
        found = [replace(m, negated=True) if m.sentence in answered else m for m in found]
    neither = _NEITHER.search(text)
    if neither:
        # "GP said if I ever get numbness in both legs or can't pee, go to A&E. Neither of those":
        # the signs named before it (not "Neither of those. I just can't feel my bum")
        upto = next((t.i for t in doc if t.idx >= neither.start()), len(doc))
        found = [replace(m, negated=True) if m.end <= upto else m for m in found]
    clauses = _clauses(doc, pseudo, found, idioms, theirs, quotes)
    if ending is not None:  # what was checked and has ended is history to the semantic layer
        clauses = [
            replace(c, qualified=c.qualified | {"HISTORICAL"})
            if c.sentence in over
            or (c.sentence == last and sents[last].find(c.text) + len(c.text) <= said_by + 1)
            else c
            for c in clauses
        ]
    return Reading(found, clauses)
