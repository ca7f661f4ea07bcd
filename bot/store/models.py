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
    FAILED = "failed"
    SKIPPED = "skipped"  # not sent: paused or stopped
    MISSED = "missed"  # not sent: the bot was down past the grace period
    ASKED = "asked"  # not sent: ignored three times in a row, the bot asked about the time


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
    # Calmer pain reports still needed before routines stop being gentle (0: not gentle).
    gentle_reports_left: Mapped[int] = mapped_column(SmallInteger, default=0)
    desk_cursor: Mapped[int] = mapped_column(Integer, default=0)
    # The local date the bot last asked for a pain score (it asks at most once a day).
    pain_asked_on: Mapped[date | None] = mapped_column(Date)
    # The local date the current programme week began, and when a self-test was last offered.
    week_started_on: Mapped[date | None] = mapped_column(Date)
    self_test_offered_on: Mapped[date | None] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)

    @property
    def gentle(self) -> bool:
        """Routines are gentle while pain settles."""
        return self.gentle_reports_left > 0


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


class ScheduledSlot(Base):
    """When a subscriber's morning or evening routine is next due (one row per slot that is on).

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
        Index("ix_deliveries_status_claimed", "status", "claimed_at"),
    )

    id: Mapped[int] = mapped_column(Id, primary_key=True, autoincrement=True)
    chat_id: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("subscribers.chat_id", ondelete="CASCADE")
    )
    slot: Mapped[str] = mapped_column(String(8))
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
