"""Inline and reply keyboards, and the compact callback data their buttons carry.

Every button's data is built with `callbacks.encode`; `callbacks.decode` reads it back.
"""

from __future__ import annotations

from datetime import time

from telegram import (
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    KeyboardButton,
    ReplyKeyboardMarkup,
)

from bot.coach import kit
from bot.content.model import Hold, Slot
from bot.telegram import coaching_texts as words
from bot.telegram import texts
from bot.telegram.callbacks import Action, encode
from bot.usecases import Profile

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


def hold(session_id: int, card_index: int, holds: tuple[Hold, ...]) -> InlineKeyboardMarkup:
    """Start the timer of a card, or skip the card."""
    return InlineKeyboardMarkup(
        [
            [
                _button(texts.hold_button(holds), encode(Action.HOLD, session_id, card_index)),
                _button(texts.SKIP_BUTTON, encode(Action.SKIP, session_id, card_index)),
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


def delivery(session_id: int, *, can_snooze: bool) -> InlineKeyboardMarkup:
    """Start / Snooze / Skip under a scheduled routine."""
    row = [_button(texts.START_BUTTON, encode(Action.DELIVERY, "start", session_id))]
    if can_snooze:
        row.append(_button(texts.SNOOZE_BUTTON, encode(Action.DELIVERY, "snooze", session_id)))
    return InlineKeyboardMarkup(
        [row, [_button(texts.SKIP_TODAY_BUTTON, encode(Action.DELIVERY, "skip", session_id))]]
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
