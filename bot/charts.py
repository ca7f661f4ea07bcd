"""The /progress picture: pain over time above, sessions per day below (matplotlib, Agg).

Rendering is CPU-bound and blocking; callers run `render_progress` in a worker thread so the event
loop keeps serving other chats. Sized for a phone screen and kept well under Telegram's photo
limits.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta

import matplotlib

matplotlib.use("Agg")  # no display; must precede pyplot

import matplotlib.dates as mdates
from matplotlib.figure import Figure

WIDTH_IN, HEIGHT_IN, DPI = 7.2, 6.0, 110  # ~790×660 px
PAIN_COLOUR = "#d9534f"
SESSION_COLOUR = "#3b7dd8"
SELF_TEST_COLOUR = "#2a9d5c"
PAUSE_COLOUR = "#8a8a8a"
REST_COLOUR = "#c8c8c8"


def _runs(days: frozenset[date]) -> list[tuple[datetime, datetime]]:
    """Consecutive days as bands from the first's start to the last's end (the bars stand on
    midnight, so a day's band runs from noon before to noon after): a week's pause is one band."""
    runs: list[tuple[date, date]] = []
    for day in sorted(days):
        if runs and day - runs[-1][1] == timedelta(days=1):
            runs[-1] = (runs[-1][0], day)
        else:
            runs.append((day, day))
    half = timedelta(hours=12)
    return [
        (datetime.combine(first, time()) - half, datetime.combine(last, time()) + half)
        for first, last in runs
    ]


def render_progress(
    today: date,
    sessions_per_day: dict[date, int],
    pain: Sequence[tuple[datetime, int]],
    *,
    days: int = 28,
    self_tests: Sequence[tuple[date, str]] = (),
    paused: frozenset[date] = frozenset(),
    rest_days: frozenset[date] = frozenset(),
) -> bytes:
    """A PNG of the last `days` days: pain (0–10) and sessions per day; days inside a pause are
    shaded and labelled "paused", days not chosen with /days lightly hatched (neither counts
    against the streak)."""
    start = today - timedelta(days=days - 1)
    dates = [start + timedelta(days=i) for i in range(days)]
    figure = Figure(figsize=(WIDTH_IN, HEIGHT_IN), dpi=DPI, layout="constrained")
    top, bottom = figure.subplots(2, 1, sharex=True, height_ratios=(3, 2))

    shown = [(when.date(), score) for when, score in pain if when.date() >= start]
    if shown:
        top.plot(
            [d for d, _ in shown], [s for _, s in shown], marker="o", color=PAIN_COLOUR,
            linewidth=2, markersize=5,
        )  # fmt: skip
    else:
        top.text(0.5, 0.5, "no pain reports yet", ha="center", va="center",
                 transform=top.transAxes, color="grey")  # fmt: skip
    top.axhspan(7, 10, color=PAIN_COLOUR, alpha=0.08)
    top.set_ylim(-0.3, 10.3)
    top.set_yticks(range(0, 11, 2))
    top.set_ylabel("pain (0–10)")
    top.set_title("Pain", loc="left", fontsize=12, fontweight="bold")
    top.grid(axis="y", alpha=0.3)
    for when, label in self_tests:
        if when >= start:
            top.axvline(when, color=SELF_TEST_COLOUR, linestyle="--", alpha=0.7)
            top.text(when, 10, f" {label}", color=SELF_TEST_COLOUR, fontsize=8, va="top")

    shown_rest = frozenset(d for d in rest_days if d >= start and d not in paused)
    for first, last in _runs(shown_rest):
        for axes in (top, bottom):
            axes.axvspan(first, last, color=REST_COLOUR, alpha=0.25, hatch="//", linewidth=0)
    if shown_rest:
        bottom.text(0.99, 0.97, "hatched: not a routine day", ha="right", va="top",
                    transform=bottom.transAxes, color="#777777", fontsize=8)  # fmt: skip
    for first, last in _runs(frozenset(d for d in paused if d >= start)):
        for axes in (top, bottom):
            axes.axvspan(first, last, color=PAUSE_COLOUR, alpha=0.25, linewidth=0)
        middle = first + (last - first) / 2
        top.text(middle, 9.5, "paused", ha="center", va="top", color="#555555", fontsize=9)

    counts = [sessions_per_day.get(d, 0) for d in dates]
    bottom.bar(dates, counts, color=SESSION_COLOUR, width=0.8)
    bottom.set_ylim(0, max(2, *counts) + 0.5)
    bottom.set_yticks(range(0, max(2, *counts) + 1))
    bottom.set_ylabel("sessions")
    bottom.set_title("Sessions done per day", loc="left", fontsize=12, fontweight="bold")
    bottom.grid(axis="y", alpha=0.3)
    bottom.xaxis.set_major_locator(mdates.WeekdayLocator(byweekday=mdates.MO))
    bottom.xaxis.set_major_formatter(mdates.DateFormatter("%d %b"))
    bottom.set_xlim(start - timedelta(days=0.6), today + timedelta(days=0.6))
    for axes in (top, bottom):
        axes.spines[["top", "right"]].set_visible(False)

    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=DPI)
    return buffer.getvalue()
