"""Inline and reply keyboards, and the compact callback data their buttons carry.

Every button's data is built with `callbacks.encode`; `callbacks.decode` reads it back.
"""

from __future__ import annotations

import json
from datetime import time
from typing import TYPE_CHECKING

from telegram import (
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    KeyboardButton,
    ReplyKeyboardMarkup,
)

from bot.coach import kit
from bot.content.model import Hold, Slot
from bot.telegram import coaching_texts as words
from bot.telegram import safety_texts, texts
from bot.telegram.callbacks import Action, encode
from bot.usecases import Profile

if TYPE_CHECKING:
    from bot.telegram.countdown import Timer

MORNING_CHOICES = ("06:00", "06:30", "07:00", "07:30", "08:00", "08:30", "09:00", "10:00")
EVENING_CHOICES = ("18:00", "19:00", "20:00", "20:30", "21:00", "21:30", "22:00", "23:00")
ZONE_CHOICES = (
    "Europe/London",
    "Europe/Berlin",
    "Europe/Moscow",
    "America/New_York",
    "America/Chicago",
    "America/Los_Angeles",
    "Asia/Kolkata",
    "Asia/Tokyo",
    "Australia/Sydney",
    "UTC",
)


def _button(text: str, data: str) -> InlineKeyboardButton:
    return InlineKeyboardButton(text, callback_data=data)


def main_menu() -> ReplyKeyboardMarkup:
    """Quick replies always under the text box."""
    return ReplyKeyboardMarkup(
        [
            [KeyboardButton(texts.DONE_LABEL), KeyboardButton(texts.DESK_LABEL)],
            [
                KeyboardButton(texts.PAIN_LABEL),
                KeyboardButton(texts.PROGRESS_LABEL),
                KeyboardButton(texts.SETTINGS_LABEL),
            ],
        ],
        resize_keyboard=True,
        is_persistent=True,
    )


def safety_question() -> InlineKeyboardMarkup:
    """The two answers to the red-flag question at /start."""
    return InlineKeyboardMarkup(
        [
            [_button("None of these ✅", encode(Action.SAFETY, "none"))],
            [_button("One of these applies", encode(Action.SAFETY, "yes"))],
        ]
    )


def card(
    session_id: int,
    card_index: int,
    step: int,
    steps: int,
    *,
    holds: tuple[Hold, ...] = (),
    last_card: bool = False,
) -> InlineKeyboardMarkup:
    """A card's buttons on one step: Start on the timed step (`holds`), then Back / Next; Next
    on the last step leaves the card (Finish on the routine's last card)."""
    rows = []
    if holds:
        rows.append(
            [_button(texts.hold_button(holds), encode(Action.HOLD, session_id, card_index))]
        )
    nav = []
    if step > 0:
        nav.append(
            _button(texts.BACK_BUTTON, encode(Action.STEP, session_id, card_index, step - 1))
        )
    if step + 1 < steps:
        nav.append(
            _button(texts.NEXT_BUTTON, encode(Action.STEP, session_id, card_index, step + 1))
        )
    else:
        label = texts.FINISH_BUTTON if last_card else texts.NEXT_CARD_BUTTON
        nav.append(_button(label, encode(Action.SKIP, session_id, card_index)))
    rows.append(nav)
    return InlineKeyboardMarkup(rows)


def _control(label: str, what: str, timer: Timer) -> InlineKeyboardButton:
    return _button(label, encode(Action.TIMER, what, timer.session_id, timer.card_index))


def holding(timer: Timer) -> InlineKeyboardMarkup:
    """During a hold: pause, more time, stop."""
    return InlineKeyboardMarkup(
        [
            [
                _control(texts.PAUSE_BUTTON, "pause", timer),
                _control(texts.MORE_BUTTON, "more", timer),
                _control(texts.STOP_BUTTON, "stop", timer),
            ]
        ]
    )


def paused(timer: Timer) -> InlineKeyboardMarkup:
    """A paused hold: resume, more time, stop."""
    return InlineKeyboardMarkup(
        [
            [
                _control(texts.RESUME_BUTTON, "resume", timer),
                _control(texts.MORE_BUTTON, "more", timer),
                _control(texts.STOP_BUTTON, "stop", timer),
            ]
        ]
    )


def resting(timer: Timer) -> InlineKeyboardMarkup:
    """Between holds: ready for the next one, or stop."""
    return InlineKeyboardMarkup(
        [
            [
                _control(texts.READY_BUTTON, "ready", timer),
                _control(texts.STOP_BUTTON, "stop", timer),
            ]
        ]
    )


def done(session_id: int) -> InlineKeyboardMarkup:
    """Log a session."""
    return InlineKeyboardMarkup([[_button(texts.DONE_BUTTON, encode(Action.DONE, session_id))]])


def pain() -> InlineKeyboardMarkup:
    """0–10 in two rows."""
    row1 = [_button(str(n), encode(Action.PAIN, n)) for n in range(0, 6)]
    row2 = [_button(str(n), encode(Action.PAIN, n)) for n in range(6, 11)]
    return InlineKeyboardMarkup([row1, row2])


def settings(profile: Profile) -> InlineKeyboardMarkup:
    """Every setting on a button."""
    rows = [
        [_button("🌍 Time zone", encode(Action.SETTINGS, "menu", "tz"))],
        [
            _button("🌅 Morning time", encode(Action.SETTINGS, "menu", Slot.MORNING)),
            _button("🌙 Evening time", encode(Action.SETTINGS, "menu", Slot.EVENING)),
        ],
    ]
    rows.append(
        [
            _button("📅 Days", encode(Action.SETTINGS, "menu", "days")),
            _button("🪑 Desk breaks", encode(Action.SETTINGS, "menu", "breaks")),
        ]
    )
    summary = "off" if profile.summary is not None else "on"
    label = "📬 Weekly summary: turn off" if summary == "off" else "📬 Weekly summary: turn on"
    rows.append([_button(label, encode(Action.SETTINGS, "summary", summary))])
    if profile.paused_until or not profile.active:
        rows.append([_button("▶ Resume routines", encode(Action.SETTINGS, "resume"))])
    else:
        rows.append(
            [
                _button("⏸ Pause 3 days", encode(Action.SETTINGS, "pause", 3)),
                _button("⏸ Pause 7 days", encode(Action.SETTINGS, "pause", 7)),
            ]
        )
        rows.append([_button("🔕 Stop routines", encode(Action.SETTINGS, "stop"))])
    rows.append([_button(WHAT_I_HAVE, encode(Action.SETTINGS, "menu", "kit"))])
    return InlineKeyboardMarkup(rows)


WHAT_I_HAVE = "🧰 What I have"


def kit_question(mask: int) -> InlineKeyboardMarkup:
    """What they have at hand: each answer toggles (✅ when chosen); Done saves, Skip leaves it.

    Every button carries the selection so far, so the question needs no state of its own; only
    the message it is on is checked (taps on an older copy are refused)."""
    buttons = [
        _button(
            f"{'✅ ' if mask & kit.bit(answer) else ''}{words.KIT_LABELS[answer]}",
            encode(Action.KIT, answer.value, mask),
        )
        for answer in kit.ORDER
    ]
    rows = [buttons[i : i + 2] for i in range(0, len(buttons), 2)]
    rows.append(
        [
            _button(words.KIT_DONE, encode(Action.KIT, "done", mask)),
            _button(words.KIT_SKIP, encode(Action.KIT, "skip", mask)),
        ]
    )
    return InlineKeyboardMarkup(rows)


def place_question() -> InlineKeyboardMarkup:
    """Where they usually stretch."""
    row = [
        _button(label, encode(Action.PLACE, place.value))
        for place, label in words.PLACE_LABELS.items()
    ]
    return InlineKeyboardMarkup([row, [_button(words.KIT_SKIP, encode(Action.PLACE, "skip"))]])


def own_session(asked_at: int) -> InlineKeyboardMarkup:
    """Log a session they did on their own? (`asked_at`: when asked, epoch seconds)."""
    return InlineKeyboardMarkup(
        [
            [
                _button(words.OWN_YES, encode(Action.OWN, "yes", asked_at)),
                _button(words.OWN_NO, encode(Action.OWN, "no", asked_at)),
            ]
        ]
    )


def finish_early(session_id: int) -> InlineKeyboardMarkup:
    """Finish a running hold early and log the session, or keep going."""
    return InlineKeyboardMarkup(
        [
            [
                _button(words.EARLY_YES, encode(Action.EARLY, "yes", session_id)),
                _button(words.EARLY_NO, encode(Action.EARLY, "no", session_id)),
            ]
        ]
    )


def confirm_time(slot: str, value: time) -> InlineKeyboardMarkup:
    """Yes (the settings button that sets this time), or the slot's time picker."""
    return InlineKeyboardMarkup(
        [
            [
                _button(
                    texts.CONFIRM_TIME_YES, encode(Action.SETTINGS, slot, value.strftime("%H%M"))
                ),
                _button(texts.CONFIRM_TIME_CHANGE, encode(Action.SETTINGS, "menu", slot)),
            ]
        ]
    )


def times(slot: str) -> InlineKeyboardMarkup:
    """Time picker for a slot."""
    choices = MORNING_CHOICES if slot == "morning" else EVENING_CHOICES
    buttons = [_button(t, encode(Action.SETTINGS, slot, t.replace(":", ""))) for t in choices]
    rows = [buttons[i : i + 4] for i in range(0, len(buttons), 4)]
    rows.append(
        [
            _button("Off", encode(Action.SETTINGS, slot, "off")),
            _button("« Back", encode(Action.SETTINGS, "menu", "main")),
        ]
    )
    return InlineKeyboardMarkup(rows)


def zones() -> InlineKeyboardMarkup:
    """Time-zone picker."""
    buttons = [
        _button(z.split("/")[-1].replace("_", " "), encode(Action.SETTINGS, "tz", z))
        for z in ZONE_CHOICES
    ]
    rows = [buttons[i : i + 2] for i in range(0, len(buttons), 2)]
    rows.append([_button("« Back", encode(Action.SETTINGS, "menu", "main"))])
    return InlineKeyboardMarkup(rows)


def delivery(
    session_id: int, *, can_snooze: bool, skip: str = texts.SKIP_TODAY_BUTTON
) -> InlineKeyboardMarkup:
    """Start / Snooze / Skip under a scheduled routine or desk break."""
    row = [_button(texts.START_BUTTON, encode(Action.DELIVERY, "start", session_id))]
    if can_snooze:
        row.append(_button(texts.SNOOZE_BUTTON, encode(Action.DELIVERY, "snooze", session_id)))
    return InlineKeyboardMarkup(
        [row, [_button(skip, encode(Action.DELIVERY, "skip", session_id))]]
    )


def delivery_json(
    session_id: int, *, can_snooze: bool, skip: str = texts.SKIP_TODAY_BUTTON
) -> str:
    """`delivery(...)` as the JSON the Bot API takes, built without telegram objects: the
    fan-out sends one per offer, and making and serialising the objects was a tenth of its CPU.
    tests/test_delivery.py keeps the two equal."""

    def button(text: str, verb: str) -> dict[str, str]:
        return {"text": text, "callback_data": encode(Action.DELIVERY, verb, session_id)}

    row = [button(texts.START_BUTTON, "start")]
    if can_snooze:
        row.append(button(texts.SNOOZE_BUTTON, "snooze"))
    return json.dumps({"inline_keyboard": [row, [button(skip, "skip")]]})


# Presets of the settings card: (label, the value its button carries).
DAYS_CHOICES = (
    ("Every day", "everyday"),
    ("Weekdays", "weekdays"),
    ("Mon, Wed, Fri", "mon,wed,fri"),
    ("Weekends", "weekends"),
)
BREAKS_CHOICES = (
    ("09:00–17:00 every 60 min", "0900-1700-60"),
    ("09:00–17:30 every 90 min", "0900-1730-90"),
    ("08:00–16:00 every 45 min", "0800-1600-45"),
)


def days() -> InlineKeyboardMarkup:
    """Day presets."""
    rows = [
        [_button(label, encode(Action.SETTINGS, "days", value))] for label, value in DAYS_CHOICES
    ]
    rows.append([_button("« Back", encode(Action.SETTINGS, "menu", "main"))])
    return InlineKeyboardMarkup(rows)


def breaks() -> InlineKeyboardMarkup:
    """Desk-break presets."""
    rows = [
        [_button(label, encode(Action.SETTINGS, "breaks", value))]
        for label, value in BREAKS_CHOICES
    ]
    rows.append(
        [
            _button("Off", encode(Action.SETTINGS, "breaks", "off")),
            _button("« Back", encode(Action.SETTINGS, "menu", "main")),
        ]
    )
    return InlineKeyboardMarkup(rows)


def nag_breaks() -> InlineKeyboardMarkup:
    """Answers to the no-nagging question about desk breaks."""
    return InlineKeyboardMarkup(
        [
            [_button("Change the breaks", encode(Action.SETTINGS, "menu", "breaks"))],
            [
                _button("Pause 7 days", encode(Action.SETTINGS, "pause", 7)),
                _button("Keep them", encode(Action.KEEP, "break")),
            ],
        ]
    )


def nag(slot: str) -> InlineKeyboardMarkup:
    """Answers to the no-nagging question."""
    return InlineKeyboardMarkup(
        [
            [_button("Change the time", encode(Action.SETTINGS, "menu", slot))],
            [
                _button("Pause 7 days", encode(Action.SETTINGS, "pause", 7)),
                _button("Keep it", encode(Action.KEEP, slot)),
            ],
        ]
    )


REACH_CHOICES = (-20, -15, -10, -5, 0, 5, 10, 15, 20)


def self_test(test: str) -> InlineKeyboardMarkup:
    """Result buttons of a self-test: centimetres for sit-and-reach, angle bands for the SLR."""
    if test == "sit-and-reach-test":
        buttons = [
            _button(f"{cm:+d}" if cm else "0", encode(Action.SELF_TEST, "sr", cm))
            for cm in REACH_CHOICES
        ]
        return InlineKeyboardMarkup([buttons[:5], buttons[5:]])
    return InlineKeyboardMarkup(
        [
            [_button(label, encode(Action.SELF_TEST, "slr", key))]
            for key, label in texts.SLR_BANDS.items()
        ]
    )


def forget() -> InlineKeyboardMarkup:
    """The confirmation /forget needs."""
    return InlineKeyboardMarkup(
        [
            [_button(texts.FORGET_YES, encode(Action.FORGET, "yes"))],
            [_button(texts.FORGET_NO, encode(Action.FORGET, "no"))],
        ]
    )


def cleared() -> InlineKeyboardMarkup:
    """The one button that ends a safety hold."""
    return InlineKeyboardMarkup([[_button(safety_texts.CLEARED_BUTTON, encode(Action.CLEARED))]])


def safety_ask(category: str) -> InlineKeyboardMarkup:
    """Yes / No under a safety question (the question is named by its category)."""
    return InlineKeyboardMarkup(
        [
            [
                _button(safety_texts.YES_BUTTON, encode(Action.ASK, category, "yes")),
                _button(safety_texts.NO_BUTTON, encode(Action.ASK, category, "no")),
            ]
        ]
    )
