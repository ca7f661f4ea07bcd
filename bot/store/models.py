"""The tables: subscribers, their sessions and pain reports."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from enum import StrEnum
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    SmallInteger,
    String,
    Time,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# SQLite has no 64-bit autoincrement other than INTEGER PRIMARY KEY.
Id = BigInteger().with_variant(Integer(), "sqlite")


class UTCDateTime(TypeDecorator[datetime]):
    """Aware datetimes in, aware UTC datetimes out, on every backend (SQLite keeps no zone)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the database")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    """Declarative base with stable constraint names for migrations."""

    metadata = MetaData(naming_convention=NAMING)


class DeliveryStatus(StrEnum):
    """Where a scheduled delivery stands (the `deliveries.status` column)."""

    CLAIMED = "claimed"  # a process owns it and is sending it
    SENT = "sent"
    UNKNOWN = "unknown"  # timed out after the request went out: treated as sent
    RETRY = "retry"  # Telegram failed (5xx, no connection): sent again at `retry_at`
    FAILED = "failed"
    SKIPPED = "skipped"  # not sent: paused, stopped, or the work was already done
    MISSED = "missed"  # not sent: the bot (or Telegram) was down past the grace period
    ASKED = "asked"  # not sent: ignored three times in a row, the bot asked about the time
    HELD = "held"  # not sent: the person is on a safety hold until a clinician has seen them


class Subscriber(Base):
    """A person talking to the bot in a private chat (chat id == user id)."""

    __tablename__ = "subscribers"

    chat_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    user_id: Mapped[int] = mapped_column(BigInteger)
    first_name: Mapped[str | None] = mapped_column(String(64))
    timezone: Mapped[str] = mapped_column(String(64))
    morning: Mapped[time | None] = mapped_column(Time)
    evening: Mapped[time | None] = mapped_column(Time)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # Deliveries resume on this local date; None when not paused.
    paused_until: Mapped[date | None] = mapped_column(Date)
    programme_week: Mapped[int] = mapped_column(SmallInteger, default=1)
    # Pain (bot/coach/pain.py PainState): when the current flare began (None: not gentle), the
    # settled baseline just before it, and when we last said "please see your GP or a physio".
    gentle_since: Mapped[datetime | None] = mapped_column(UTCDateTime)
    gentle_baseline: Mapped[float | None] = mapped_column(Float)
    pain_escalated_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Safety hold: an urgent or emergency answer stops all stretching until the person says they
    # have been checked. The level only (a Level value), never what they wrote.
    safety_hold_since: Mapped[datetime | None] = mapped_column(UTCDateTime)
    safety_hold_level: Mapped[str | None] = mapped_column(String(16))
    safety_cleared_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    desk_cursor: Mapped[int] = mapped_column(Integer, default=0)
    # The local date the bot last asked for a pain score (it asks at most once a day).
    pain_asked_on: Mapped[date | None] = mapped_column(Date)
    # The local date the current programme week began, and when a self-test was last offered.
    week_started_on: Mapped[date | None] = mapped_column(Date)
    self_test_offered_on: Mapped[date | None] = mapped_column(Date)
    # The weekdays routines come on, a bit mask (Monday = bit 0; 127 = every day).
    days: Mapped[int] = mapped_column(SmallInteger, default=127, server_default="127")
    # Desk breaks from `break_start` every `break_every` minutes while before `break_end`.
    break_start: Mapped[time | None] = mapped_column(Time)
    break_end: Mapped[time | None] = mapped_column(Time)
    break_every: Mapped[int | None] = mapped_column(SmallInteger)
    # The weekly summary's weekday (Monday 0; None: off) and time (None: the evening's).
    summary_weekday: Mapped[int | None] = mapped_column(
        SmallInteger, default=6, server_default="6"
    )
    summary_at: Mapped[time | None] = mapped_column(Time)
    # What they have at hand: equipment words, comma-separated ("" nothing; None: never asked
    # or skipped, which means a chair and floor space). Where they usually stretch.
    equipment: Mapped[str | None] = mapped_column(String(200))
    place: Mapped[str | None] = mapped_column(String(8))
    # The message whose "what do you have?" buttons are live: taps on any other are outdated.
    kit_message_id: Mapped[int | None] = mapped_column(BigInteger)
    # The bot asked for a pain score: a bare number until then is the answer (in the database,
    # so a restart or another replica still knows).
    awaiting_pain_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # When /undo last took a session back: a second /undo does not reach further back.
    undone_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Telegram said the chat is gone (blocked, deactivated, not found): routines stopped then.
    # Set with `active` off; the person's next message turns routines back on and says why.
    unreachable_since: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)

    @property
    def gentle(self) -> bool:
        """Routines are gentle while pain settles."""
        return self.gentle_since is not None

    @property
    def on_safety_hold(self) -> bool:
        """No stretches of any kind until the person says they have been checked."""
        return self.safety_hold_since is not None


class StretchSession(Base):
    """One routine or stretch given to a subscriber, and how far they got with it."""

    __tablename__ = "sessions"
    __table_args__ = (Index("ix_sessions_chat_delivered", "chat_id", "delivered_at"),)

    id: Mapped[int] = mapped_column(Id, primary_key=True, autoincrement=True)
    chat_id: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("subscribers.chat_id", ondelete="CASCADE")
    )
    # "morning", "evening", "desk"; "self" for a session the person did on their own.
    slot: Mapped[str] = mapped_column(String(16))
    routine_id: Mapped[str] = mapped_column(String(64))
    source: Mapped[str] = mapped_column(String(16))  # scheduled | now | desk | self
    card_ids: Mapped[list[str]] = mapped_column(JSON)
    gentle: Mapped[bool] = mapped_column(Boolean, default=False)
    hold_seconds: Mapped[int | None] = mapped_column(SmallInteger)  # programme override
    card_index: Mapped[int] = mapped_column(SmallInteger, default=0)
    local_date: Mapped[date] = mapped_column(Date)
    delivered_at: Mapped[datetime] = mapped_column(UTCDateTime)
    started_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    done_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    skipped_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # A hold timer is running (on whichever replica took the tap) until about this time, on
    # this message. Any replica can see it; one that died mid-hold leaves it to be recovered.
    hold_until: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)
    hold_message_id: Mapped[int | None] = mapped_column(BigInteger)


class PainReport(Base):
    """A pain score on the 0–10 numeric rating scale."""

    __tablename__ = "pain_reports"
    __table_args__ = (Index("ix_pain_reports_chat_reported", "chat_id", "reported_at"),)

    id: Mapped[int] = mapped_column(Id, primary_key=True, autoincrement=True)
    chat_id: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("subscribers.chat_id", ondelete="CASCADE")
    )
    score: Mapped[int] = mapped_column(SmallInteger)
    note: Mapped[str | None] = mapped_column(String(500))
    local_date: Mapped[date] = mapped_column(Date)
    reported_at: Mapped[datetime] = mapped_column(UTCDateTime)


class Pause(Base):
    """A /pause as it happened: its days neither break nor extend the streak."""

    __tablename__ = "pauses"
    __table_args__ = (Index("ix_pauses_chat_starts", "chat_id", "starts_on"),)

    id: Mapped[int] = mapped_column(Id, primary_key=True, autoincrement=True)
    chat_id: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("subscribers.chat_id", ondelete="CASCADE")
    )
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date] = mapped_column(Date)  # the local date routines resume (exclusive)


class ScheduledSlot(Base):
    """When a subscriber's next morning or evening routine, desk break or weekly summary is due
    (one row per slot type that is on: `morning`, `evening`, `break`, `summary`).

    The tick claims rows whose `due_at` has passed; an index on `due_at` keeps that a range scan
    however many subscribers there are.
    """

    __tablename__ = "schedule"
    __table_args__ = (Index("ix_schedule_due_at", "due_at"),)

    chat_id: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("subscribers.chat_id", ondelete="CASCADE"), primary_key=True
    )
    slot: Mapped[str] = mapped_column(String(8), primary_key=True)
    # None while the slot is on hold (three routines ignored in a row: no nagging).
    due_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    local_date: Mapped[date] = mapped_column(Date)
    on_hold: Mapped[bool] = mapped_column(Boolean, default=False)


class Delivery(Base):
    """The ledger: one row per subscriber, slot and local date: a second delivery is impossible."""

    __tablename__ = "deliveries"
    __table_args__ = (
        UniqueConstraint("chat_id", "slot", "local_date", name="uq_deliveries_chat_slot_date"),
        Index("ix_deliveries_snooze_until", "snooze_until"),
        Index("ix_deliveries_retry_at", "retry_at"),
        Index("ix_deliveries_status_claimed", "status", "claimed_at"),
        # A chat's latest deliveries (the no-nagging count), newest first.
        Index("ix_deliveries_chat_due", "chat_id", "due_at"),
    )

    id: Mapped[int] = mapped_column(Id, primary_key=True, autoincrement=True)
    chat_id: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("subscribers.chat_id", ondelete="CASCADE")
    )
    # `morning`, `evening`, `summary`, or `break@HH:MM` (each desk break of a day once)
    slot: Mapped[str] = mapped_column(String(16))
    local_date: Mapped[date] = mapped_column(Date)
    due_at: Mapped[datetime] = mapped_column(UTCDateTime)
    status: Mapped[str] = mapped_column(String(16))  # a DeliveryStatus
    claimed_by: Mapped[str | None] = mapped_column(String(64))
    claimed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    message_id: Mapped[int | None] = mapped_column(BigInteger)
    session_id: Mapped[int | None] = mapped_column(
        BigInteger, ForeignKey("sessions.id", ondelete="SET NULL")
    )
    # A snooze asks for one more delivery at this time; None when there is none pending.
    snooze_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    snoozed: Mapped[bool] = mapped_column(Boolean, default=False)
    error: Mapped[str | None] = mapped_column(String(200))
    # Telegram failed to take it: sent again at `retry_at` (backoff over `attempts` failed
    # sends) until `retry_until`, the end of its grace period; then it is missed.
    retry_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    retry_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    attempts: Mapped[int] = mapped_column(SmallInteger, default=0, server_default="0")


class SelfTest(Base):
    """A flexibility self-test result: sit-and-reach in cm, or a straight-leg-raise angle band."""

    __tablename__ = "self_tests"
    __table_args__ = (Index("ix_self_tests_chat_taken", "chat_id", "taken_at"),)

    id: Mapped[int] = mapped_column(Id, primary_key=True, autoincrement=True)
    chat_id: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("subscribers.chat_id", ondelete="CASCADE")
    )
    test: Mapped[str] = mapped_column(String(32))  # the card id
    result: Mapped[str] = mapped_column(String(32))  # "-4 cm", "45-70°"
    centimetres: Mapped[int | None] = mapped_column(SmallInteger)
    local_date: Mapped[date] = mapped_column(Date)
    taken_at: Mapped[datetime] = mapped_column(UTCDateTime)


class PictureFile(Base):
    """Telegram's `file_id` for a picture this bot uploaded: sent again by id, never re-uploaded.

    A `file_id` is valid only for the bot that received it, hence one row per bot and digest.
    """

    __tablename__ = "picture_files"
    __table_args__ = (UniqueConstraint("bot_id", "digest", name="uq_picture_files_bot_digest"),)

    id: Mapped[int] = mapped_column(Id, primary_key=True, autoincrement=True)
    bot_id: Mapped[int] = mapped_column(BigInteger)
    digest: Mapped[str] = mapped_column(String(64))
    file_id: Mapped[str] = mapped_column(String(255))
    kind: Mapped[str] = mapped_column(String(16))  # photo | animation
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
