"""Turns a card into the ordered, ready-to-send messages of a session.

Messages use Telegram's HTML parse mode: every piece of author text was escaped by the loader, and
every message is checked against Telegram's 4,096-character limit. The timed step carries its holds
(seconds, side, rep) so a countdown can run them one by one.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from bot.content.model import Card, Hold

TELEGRAM_TEXT_LIMIT = 4096

POSITION_WORDS = {
    "standing": "standing",
    "seated": "sitting",
    "lying": "lying on your back",
    "kneeling": "kneeling",
    "all-fours": "on hands and knees",
    "prone": "lying face down",
    "side-lying": "lying on your side",
}


# How the header names what a card needs, where the front-matter word is too terse.
EQUIPMENT_WORDS = {
    "floor": "floor space",
    "strap": "a strap, belt or towel",
    "ball": "a tennis or massage ball",
    "doorway": "an open doorway",
    "step": "a low step or footrest",
    "band": "a resistance band",
}

# Shown under a flare dose: the range shrinks along with the holds (content/GENTLE.md).
GENTLE_NOTE = "Gentle today: use about half your usual range, and let it feel easy."


@dataclass(frozen=True)
class SessionMessage:
    """One message of a session; `holds` is non-empty on the step whose button starts the timer."""

    text: str
    holds: tuple[Hold, ...] = ()


def visible_length(text: str) -> int:
    """Length of an HTML message as Telegram counts it: tags removed, entities decoded."""
    return len(html.unescape(re.sub(r"<[^>]+>", "", text)))


def dose(card: Card, hold_seconds: int | None = None) -> str:
    """How much of the exercise to do, e.g. "2 × 20 s hold, each side" (from `Card.dose`)."""
    return card.dose(hold_seconds).text()


def card_header(card: Card, hold_seconds: int | None = None) -> str:
    """The first message of a card: what, why, how much, with what, and the cautions."""
    words = [EQUIPMENT_WORDS.get(e, e.replace("-", " ")) for e in card.equipment]
    kit = ", ".join(words) or "nothing"
    lines = [
        f"<b>{html.escape(card.title)}</b>",
        f"<i>{html.escape(card.purpose)}</i>",
        "",
        f"Start {POSITION_WORDS[card.position]} · you need: {html.escape(kit)}",
        f"Dose: {dose(card, hold_seconds)}",
    ]
    if card.dose(hold_seconds).gentle:
        lines.append(GENTLE_NOTE)
    if card.why:
        lines += ["", f"Why this way: {html.escape(card.why)}"]
    lines += ["", "Avoid:"] + [f"• {m}" for m in card.mistakes]
    lines += ["", "⚠️ " + " ".join(html.escape(c) for c in card.cautions)]
    return "\n".join(lines)


def session_messages(card: Card, hold_seconds: int | None = None) -> list[SessionMessage]:
    """The card as a session: a header, then one message per step, the timed step with holds."""
    messages = [SessionMessage(card_header(card, hold_seconds))]
    total = len(card.steps)
    for number, step in enumerate(card.steps, start=1):
        text = f"Step {number} of {total}\n{step}"
        if number == card.timed_step:
            holds = card.holds(hold_seconds)
            messages.append(SessionMessage(text, holds))
        else:
            messages.append(SessionMessage(text))
    return messages


def check_renders(card: Card) -> list[str]:
    """Problems with the card's messages as Telegram would see them (empty when all is well)."""
    problems = []
    for message in session_messages(card):
        length = visible_length(message.text)
        if length > TELEGRAM_TEXT_LIMIT:
            problems.append(f"a message of this card is {length} characters; Telegram allows 4096")
    return problems


# A picture's caption holds at most this many characters; a card's step view is kept within it so
# the card can become a photo whose caption is this text.
CAPTION_LIMIT = 1024


def step_view(card: Card, step: int, hold_seconds: int | None = None) -> str:
    """One step of a card as its live message shows it (`step` is 0-based): title and dose,
    "Step 2 of 4", the step; the first step also says how to start and what to watch for, and the
    timed step what to avoid. Compact, so it fits a picture's caption."""
    total = len(card.steps)
    lines = [f"<b>{html.escape(card.title)}</b> · {dose(card, hold_seconds)}"]
    if step == 0:
        words = [EQUIPMENT_WORDS.get(e, e.replace("-", " ")) for e in card.equipment]
        kit = html.escape(", ".join(words) or "nothing")
        lines.append(f"<i>Start {POSITION_WORDS[card.position]} · you need: {kit}</i>")
        if card.dose(hold_seconds).gentle:
            lines.append(GENTLE_NOTE)
    lines += ["", f"Step {step + 1} of {total}", card.steps[step]]
    if step + 1 == card.timed_step and card.mistakes:
        lines += ["", "Avoid: " + "; ".join(m.rstrip(".") for m in card.mistakes) + "."]
    if step == 0 and card.cautions:
        lines += ["", "⚠️ " + " ".join(html.escape(c) for c in card.cautions)]
    return "\n".join(lines)
