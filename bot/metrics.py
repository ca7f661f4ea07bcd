"""Prometheus metrics, one registry per application (tests build many in one process)."""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest

LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)
LATENESS_BUCKETS = (0.5, 1, 2, 5, 10, 30, 60, 300, 900, 3600, 7200)


class Metrics:
    """What operators watch: updates, handler latency, messages, deliveries, subscribers."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        r = self.registry
        self.updates = Counter(
            "stretchbot_updates_handled", "Updates handled, by kind", ["kind"], registry=r
        )
        self.handler_seconds = Histogram(
            "stretchbot_handler_seconds", "Time to handle one update", buckets=LATENCY_BUCKETS,
            registry=r,
        )  # fmt: skip
        self.sent = Counter(
            "stretchbot_messages_sent", "Bot API requests that succeeded, by method", ["method"],
            registry=r,
        )  # fmt: skip
        self.failed = Counter(
            "stretchbot_messages_failed", "Bot API requests that failed, by reason", ["reason"],
            registry=r,
        )  # fmt: skip
        self.dropped_updates = Counter(
            "stretchbot_updates_dropped", "Updates not handled: coalesced, over the backlog, or "
            "queued at shutdown", ["reason"], registry=r,
        )  # fmt: skip
        self.dropped = Counter(
            "stretchbot_countdown_edits_dropped", "Countdown edits skipped: the budget was tight",
            registry=r,
        )  # fmt: skip
        self.due = Counter(
            "stretchbot_deliveries", "Scheduled routines, by outcome", ["outcome"], registry=r
        )
        self.by_slot = Counter(
            "stretchbot_deliveries_by_slot",
            "Scheduled deliveries by slot type (morning, evening, break, summary) and outcome",
            ["slot", "outcome"], registry=r,
        )  # fmt: skip
        self.lateness = Histogram(
            "stretchbot_delivery_lateness_seconds", "How late a routine went out after its minute",
            buckets=LATENESS_BUCKETS, registry=r,
        )  # fmt: skip
        self.release_lateness = Histogram(
            "stretchbot_hold_release_lateness_seconds",
            "How late a hold's release message reached Telegram after the hold ended",
            buckets=(0.05, 0.1, 0.2, 0.3, 0.5, 0.75, 1.0, 1.5, 2.0, 3.0, 5.0, 10.0), registry=r,
        )  # fmt: skip
        self.active = Gauge(
            "stretchbot_active_subscribers", "Subscribers with routines on", registry=r
        )

    def render(self) -> bytes:
        """The text exposition format."""
        return generate_latest(self.registry)
