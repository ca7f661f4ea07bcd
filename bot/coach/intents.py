"""What a free-text message means: done, a desk stretch, a pain report (or pain in words), a
question about the streak, skip, stop, thanks, help, or chit-chat.

Pure: the text in, an `Understood` out. What the bot last asked (a pain score) is the caller's
to know: a bare number comes back as `Intent.NUMBER` and the caller decides whether it answers a
question. Single words are matched with a little tolerance for typos (rapidfuzz), whole
sentences by patterns.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from rapidfuzz import fuzz, process

from bot.coach import pain


class Intent(StrEnum):
    """Things people say to the bot without a command."""

    DONE = "done"
    DESK = "desk"
    PAIN = "pain"  # a score stated ("my pain is 4"), or one refused (`problem`)
    PAIN_WORDS = "pain_words"  # pain described without a number: offer the 0–10 keyboard
    NO_PAIN = "no_pain"  # "no pain today": a 0
    NUMBER = "number"  # a bare number: a pain score if the bot just asked for one
    STREAK = "streak"
    SKIP = "skip"
    STOP = "stop"  # during a hold: stop the timer
    HELP = "help"
    GREETING = "greeting"
    THANKS = "thanks"
    NOW = "now"
    ADVICE = "advice"  # a question about which stretches help ("what's good for sciatica?")
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class Understood:
    """An intent with its detail: the pain score, or why a stated score was refused."""

    intent: Intent
    score: int | None = None
    problem: str | None = None


_DONE = re.compile(
    r"^\W*(?:(?:all |i'?m |i am |just )?(?:done|finished|completed?)|did it|i did it|"
    r"that'?s it|complete|finito)\b[\s\W]*$",
    re.IGNORECASE,
)
_DESK = re.compile(
    r"\bdesk\b|\bat (?:my|the) (?:desk|computer|office|work)\b|\boffice stretch|"
    r"\bquick stretch\b|\bstretch (?:please|pls)\b",
    re.IGNORECASE,
)
_NOW = re.compile(r"^\W*(?:start|let'?s go|go|routine|start (?:the |my )?routine)\W*$", re.I)
_HELP = re.compile(r"^\W*(?:help|what can you do|commands|menu|\?+)\W*$", re.IGNORECASE)
_GREETING = re.compile(r"^\W*(?:hi|hello|hey|hiya|good (?:morning|evening|afternoon)|yo)\b", re.I)
# A question about stretching for a complaint: answered with advice, never read as a symptom.
_ADVICE = re.compile(
    r"\b(?:what|which|any|best|good|recommend|suggest)\b.*\b(?:stretch|stretches|exercises?|"
    r"moves?|routine)\b.*(?:\?|\bfor\b|\bhelp)|\b(?:stretch|stretches|exercises?)\b.*\b(?:good|best|"
    r"help|helps)\b.*\bfor\b",
    re.IGNORECASE,
)
_THANKS = re.compile(
    r"^\W*(?:thanks?(?: you)?(?: (?:so|very) much)?(?: a lot)?|thank u|thx|ty|tysm|cheers|"
    r"great|nice|cool|ok(?:ay)?|perfect|awesome|lovely)\W*$",
    re.I,
)
# Emoji that say "thanks" or "got it" on their own.
_WARM_EMOJI = frozenset("👍🙏❤🙌👌💪😊🥰🤗👏♥✨🔥😀😃😄🙂")
_BARE_NUMBER = re.compile(r"^\s*-?\d+(?:[.,]\d+)?\s*[.!]?\s*$")  # "6/10" states a score
_NO_PAIN = re.compile(
    r"\b(?:no|zero|without any|without) (?:back |more )?pain\b|\bpain[- ]free\b|"
    r"\b(?:doesn'?t|does not|don'?t|do not) hurt\b|\bnot (?:sore|hurting|in pain)\b|"
    r"\bnothing hurts\b",
    re.IGNORECASE,
)
_STREAK = re.compile(
    r"\bstreak\b|\bhow am i doing\b|\bmy progress\b|\bhow many (?:sessions|days)\b", re.I
)
_SKIP = re.compile(
    r"^\W*(?:skip|skip (?:it|this|that|this one|today|for now)|not (?:today|now)|next|pass)\W*$",
    re.I,
)
_STOP = re.compile(r"^\W*(?:stop|stop (?:it|now|the timer|timer|holding)|cancel|enough)\W*$", re.I)
# Words that describe pain or discomfort; matched per word, with typos forgiven.
PAIN_WORDS = (
    "hurt", "hurts", "hurting", "sore", "soreness", "stiff", "stiffness", "ache", "aches",
    "aching", "achy", "pain", "painful", "twinge", "throbbing", "tender", "agony", "sciatica",
)  # fmt: skip
_WORD = re.compile(r"[a-z']+")
# A word this close to one of the longer pain words (rapidfuzz ratio, 0–100) counts as it
# ("stifff", "throbing"). Short words must match exactly: "paint" is not "pain", "stuff" is
# not "stiff".
FUZZY_CUTOFF = 80
FUZZY_MIN_LENGTH = 6
_FUZZY_PAIN_WORDS = tuple(word for word in PAIN_WORDS if len(word) >= 5)


def understand(text: str) -> Understood:
    """Classify one free-text message."""
    cleaned = text.strip()
    if _DONE.match(cleaned):
        return Understood(Intent.DONE)
    if _BARE_NUMBER.match(cleaned):
        try:
            return Understood(Intent.NUMBER, score=pain.parse_score(cleaned))
        except pain.PainParseError as exc:
            return Understood(Intent.NUMBER, problem=exc.hint)
    try:
        score = pain.find_score(cleaned)
    except pain.PainParseError as exc:
        return Understood(Intent.PAIN, problem=exc.hint)
    if score is not None:
        return Understood(Intent.PAIN, score=score)
    if _ADVICE.search(cleaned):
        return Understood(Intent.ADVICE)
    if _NO_PAIN.search(cleaned):
        return Understood(Intent.NO_PAIN, score=0)
    for pattern, intent in (
        (_DESK, Intent.DESK),
        (_STREAK, Intent.STREAK),
    ):
        if pattern.search(cleaned):
            return Understood(intent)
    for pattern, intent in (
        (_SKIP, Intent.SKIP),
        (_STOP, Intent.STOP),
        (_NOW, Intent.NOW),
        (_HELP, Intent.HELP),
        (_THANKS, Intent.THANKS),
    ):
        if pattern.match(cleaned):
            return Understood(intent)
    if mentions_pain(cleaned):
        return Understood(Intent.PAIN_WORDS)
    if _GREETING.match(cleaned):
        return Understood(Intent.GREETING)
    if _warm(cleaned) or _fuzzy_thanks(cleaned):
        return Understood(Intent.THANKS)
    return Understood(Intent.UNKNOWN)


def mentions_pain(text: str) -> bool:
    """The text describes pain or stiffness in words ("my lower back is stiff", "a bit sore")."""
    for word in _WORD.findall(text.lower()):
        if word in PAIN_WORDS:
            return True
        if len(word) >= FUZZY_MIN_LENGTH and process.extractOne(
            word, _FUZZY_PAIN_WORDS, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF
        ):
            return True
    return False


def _warm(text: str) -> bool:
    """Only thumbs-up, hearts and the like (skin tones and variation selectors allowed)."""
    marks = [ch for ch in text if not ch.isspace() and ch not in "\ufe0f\u200d"]
    marks = [ch for ch in marks if not "\U0001f3fb" <= ch <= "\U0001f3ff"]
    return bool(marks) and all(ch in _WARM_EMOJI or ch in "!." for ch in marks)


def _fuzzy_thanks(text: str) -> bool:
    """ "thnaks", "thank yuo": a typo of thanks, on its own."""
    words = text.lower().strip(" !.").strip()
    if len(words) < len("thank") or len(words) > 20:
        return False
    match = process.extractOne(
        words, ("thanks", "thank you", "thanks a lot"), scorer=fuzz.ratio, score_cutoff=80
    )
    return match is not None
