"""Command-line entry points: run, chat, content check, db upgrade, status, bench."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections import Counter
from pathlib import Path

from pydantic import ValidationError

from bot import loop
from bot.bench.fanout import BACKENDS, backend_list
from bot.config import Settings, setting_name
from bot.content.loader import ContentError, load_library
from bot.content.model import Library, Slot
from bot.logs import redact, setup_logging


def _summary(library: Library) -> str:
    kinds = Counter(card.kind.value for card in library.cards.values())
    lines = [
        f"{len(library.cards)} cards: "
        + ", ".join(f"{n} {kind}" for kind, n in sorted(kinds.items())),
        f"{len(library.routines)} routines:",
    ]
    for routine in sorted(library.routines.values(), key=lambda r: r.id):
        if routine.pick == "one":
            minutes = library.routine_seconds(routine) / 60
            lines.append(
                f"  {routine.id:<10} {routine.slot.value:<8} up to {minutes:.1f} min, "
                f"one card per request from {len(routine.cards)} cards"
            )
        else:
            lines.append(
                f"  {routine.id:<10} {routine.slot.value:<8} from the programme; "
                f"gentle: {len(routine.gentle_cards)} cards"
            )
    lines.append(f"programme: {len(library.stages)} stages")
    for stage in library.stages:
        weeks = f"{stage.weeks[0]}-{stage.weeks[-1]}"
        lines.append(f"  weeks {weeks:<5} {stage.title} ({stage.hold_seconds} s holds)")
        for slot in (Slot.MORNING, Slot.EVENING):
            ids = stage.cards_for(slot)
            cards = tuple(library.cards[c] for c in ids)
            minutes = sum(card.seconds(stage.hold_seconds) for card in cards) / 60
            lines.append(f"    {slot.value:<8} {minutes:4.1f} min  {', '.join(ids)}")
    return "\n".join(lines)


def content_check(directory: Path) -> int:
    """Validate a content folder; print a summary or every problem, and warn of unused cards."""
    try:
        library = load_library(directory)
    except ContentError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        print(f"{len(exc.problems)} problem(s) found in {directory}", file=sys.stderr)
        return 1
    for warning in library.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    print(_summary(library))
    for card_id in library.unused():
        path = library.cards[card_id].path
        print(
            f"{path}: warning: card '{card_id}' is in no routine, programme stage or desk "
            "rotation, so nobody is ever served it",
            file=sys.stderr,
        )
    return 0


def load_or_exit(settings: Settings) -> Library:
    """Load the content for start-up; a broken card stops start-up with its file and line."""
    return load_or_exit_dir(settings.content_dir)


def load_or_exit_dir(directory: Path) -> Library:
    """Load a content folder or exit, printing every problem as `file:line: what is wrong`."""
    try:
        return load_library(directory)
    except ContentError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        raise SystemExit(
            f"stretchbot: {len(exc.problems)} content problem(s); not starting"
        ) from None


def _positive(text: str) -> int:
    """A whole number above zero, for argparse."""
    number = _not_negative(text)
    if number == 0:
        raise argparse.ArgumentTypeError("must be at least 1")
    return number


def _not_negative(text: str) -> int:
    """A whole number, zero or more, for argparse."""
    try:
        number = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if number < 0:
        raise argparse.ArgumentTypeError("must not be negative")
    return number


def build_parser() -> argparse.ArgumentParser:
    """The stretchbot command line."""
    parser = argparse.ArgumentParser(prog="stretchbot", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser(
        "run",
        help="run the bot against Telegram (polling, or webhooks with STRETCHBOT_WEBHOOK_URL)",
    )
    chat = commands.add_parser("chat", help="talk to the bot in this terminal, no Telegram needed")
    chat.add_argument("--user", type=int, default=1001, help="your pretend Telegram user id")
    content = commands.add_parser("content", help="work with exercise cards")
    content_commands = content.add_subparsers(dest="action", required=True)
    check = content_commands.add_parser("check", help="validate cards and routines")
    check.add_argument("directory", nargs="?", type=Path, default=None)
    images = content_commands.add_parser("images", help="render every card's pictures")
    images.add_argument("directory", nargs="?", type=Path, default=None)
    images.add_argument("--out", type=Path, default=Path("pictures"), help="folder to write to")
    images.add_argument("--jobs", type=int, default=2, help="worker processes")
    db = commands.add_parser("db", help="database maintenance")
    db_commands = db.add_subparsers(dest="action", required=True)
    db_commands.add_parser("upgrade", help="apply database migrations")
    commands.add_parser("status", help="subscribers, routines due and sent, failures")
    safety = commands.add_parser("safety", help="the red-flag triage")
    safety_commands = safety.add_subparsers(dest="action", required=True)
    evaluate = safety_commands.add_parser("eval", help="sensitivity and false alarms on a corpus")
    evaluate.add_argument("--corpus", type=Path, action="append", default=None)
    evaluate.add_argument(
        "--folds",
        action="store_true",
        help="leave one corpus out: rules vs rules+semantic vs semantic alone, and thresholds",
    )
    evaluate.add_argument(
        "--rules-only", action="store_true", help="measure the rules without the semantic layer"
    )
    safety_commands.add_parser(
        "bank", help="embed the labelled corpora into the semantic layer's exemplar bank"
    )
    bench = commands.add_parser("bench", help="benchmarks (numbers printed, see the README)")
    bench_commands = bench.add_subparsers(dest="action", required=True)
    fanout = bench_commands.add_parser("fanout", help="one due minute to many subscribers")
    lanes = bench_commands.add_parser(
        "lanes", help="a crowd sending /start at once; replies during a broadcast (limits on)"
    )
    lanes.add_argument("--people", type=int, default=300)
    breaks = bench_commands.add_parser(
        "breaks", help="desk breaks every 60 min through a working day for many subscribers"
    )
    breaks.add_argument("--subscribers", type=_positive, default=10_000)
    breaks.add_argument(
        "--backends", type=backend_list, default=list(BACKENDS),
        help=f"comma-separated, from: {', '.join(BACKENDS)} (default: all)",
    )  # fmt: skip
    lanes.add_argument("--subscribers", type=int, default=10_000)
    updates = bench_commands.add_parser(
        "updates", help="update handling alone: stretchbot on each backend (and an echo bot)"
    )
    updates.add_argument("--no-echo", dest="echo", action="store_false", help="skip the echo bots")
    holds = bench_commands.add_parser(
        "holds", help="people starting a hold over a minute, limits on: release lateness"
    )
    holds.add_argument("--holding", type=_positive, default=1000)
    holds.add_argument("--spread", type=float, default=60.0)
    holds.add_argument(
        "--paid", action="store_true", help="release notices as paid broadcasts (1,000 a second)"
    )
    every = bench_commands.add_parser(
        "all",
        help="start-up, update handling vs a bare echo bot, lanes, hold timers, fan-out",
    )
    for command in (updates, every):
        command.add_argument("--users", type=_positive, default=100)
        command.add_argument("--rounds", type=_positive, default=20)
    every.add_argument("--holding", type=_positive, default=1000)
    every.add_argument("--people", type=_positive, default=300, help="the /start crowd")
    every.add_argument(
        "--broadcast", type=_positive, default=10_000,
        help="subscribers of the broadcast the /help replies are measured during",
    )  # fmt: skip
    for command in (fanout, every):
        # Checked here, not by the per-configuration subprocess, so a typo gets one clear line.
        command.add_argument("--subscribers", type=_positive, default=10_000)
        command.add_argument(
            "--throttled-subscribers", type=_not_negative, default=1_000,
            help="subscribers for the run at Telegram's 30 msg/s (0 skips it)",
        )  # fmt: skip
        command.add_argument(
            "--paid-subscribers", type=_not_negative, default=100_000,
            help="subscribers for the paid-broadcast run (1,000 msg/s) on PostgreSQL (0 skips it)",
        )  # fmt: skip
        command.add_argument(
            "--backends", type=backend_list, default=list(BACKENDS),
            help=f"comma-separated, from: {', '.join(BACKENDS)} (default: all)",
        )  # fmt: skip
    updates.add_argument(
        "--backends", type=backend_list, default=list(BACKENDS),
        help=f"comma-separated, from: {', '.join(BACKENDS)} (default: all)",
    )  # fmt: skip
    return parser


async def _status(settings: Settings) -> str:
    from datetime import UTC, datetime

    from bot.coach.week import KINDS_SHOWN
    from bot.schedule.operator import status
    from bot.store.db import Database, upgrade_async

    await upgrade_async(settings.db_url)
    db = Database.from_settings(settings)
    try:
        async with db.session() as session:
            counts = await status(session, datetime.now(UTC))
    finally:
        await db.close()
    kinds = [
        f"  {kind:<16} {counts.due_by_kind.get(kind, 0):>8} "
        + "".join(
            f"{counts.ledger_by_kind.get(kind, {}).get(state, 0):>8}"
            for state in ("sent", "skipped", "missed", "asked")
        )
        for kind in KINDS_SHOWN
    ]
    return (
        f"subscribers        {counts.subscribers}\n"
        f"active             {counts.active}\n"
        f"due in next hour   {counts.due_next_hour}\n"
        f"sent (last 24 h)   {counts.sent_today}\n"
        f"failed (last 24 h) {counts.failed_today}\n"
        f"missed (last 24 h) {counts.missed_today}\n"
        f"waiting for retry  {counts.retrying}\n"
        f"by slot type       due 1 h    sent skipped  missed   asked (last 24 h)\n"
        + "\n".join(kinds)
    )


def main(argv: list[str] | None = None) -> int:
    """Entry point of the `stretchbot` console script."""
    args = build_parser().parse_args(argv)
    try:
        settings = Settings()
    except ValidationError as error:
        for problem in error.errors():
            where = setting_name(str(problem["loc"][0])) if problem["loc"] else "settings"
            message = str(problem["msg"]).removeprefix("Value error, ")
            print(f"stretchbot: {where} {message}", file=sys.stderr)
        return 1
    # The terminal chat is a conversation, not a log: only warnings, unless asked for more.
    quiet = args.command == "chat" and "STRETCHBOT_LOG_LEVEL" not in os.environ
    token = settings.telegram_bot_token
    setup_logging(
        "WARNING" if quiet else settings.log_level,
        token=token.get_secret_value() if token else None,
    )
    if args.command == "content" and args.action == "images":
        from bot.pictures.gallery import write_gallery

        library = load_or_exit_dir(args.directory or settings.content_dir)
        print(write_gallery(library, args.out, args.jobs))
        print(f"written to {args.out}")
        return 0
    if args.command == "content":
        return content_check(args.directory or settings.content_dir)
    if args.command == "db":
        from bot.store.db import upgrade

        upgrade(settings.db_url)
        print("database is up to date")
        return 0
    if args.command == "bench":
        from bot.bench import fanout, suite

        if args.action == "breaks":
            from bot.bench import breaks

            return breaks.run(args.backends, args.subscribers)
        if args.action == "lanes":
            from bot.bench import lanes

            return lanes.run(args.people, args.subscribers)
        if args.action == "updates":
            from bot.bench import updates

            return updates.run(args)
        if args.action == "holds":
            from bot.bench import holds

            return holds.run(args.holding, args.spread, args.paid)
        return suite.run(args) if args.action == "all" else fanout.run(args)
    if args.command == "safety":
        from bot.coach import safety_eval

        if args.action == "bank":
            return safety_eval.bank()
        if args.folds:
            return safety_eval.folds()
        model = None if args.rules_only else settings.sentence_model_dir
        return safety_eval.main(args.corpus, model, rules_only=args.rules_only)
    if args.command == "status":
        print(loop.run(_status(settings), settings.event_loop))
        return 0
    if args.command == "run":
        from bot.startup import CannotRun
        from bot.telegram.web import serve

        settings.token()  # a clear message now rather than a traceback later
        try:
            loop.run(serve(settings, load_or_exit(settings)), settings.event_loop)
        except CannotRun as error:
            print(f"stretchbot: {redact(str(error))}", file=sys.stderr)
            return 1
        except Exception as error:
            # A bug: its traceback goes through logging, which drops exception texts (they can
            # hold the token or a person's words); Python's own printout would not.
            logging.getLogger("bot.cli").critical("stretchbot stopped by an error", exc_info=error)
            return 1
        return 0
    if args.command == "chat":
        from bot.telegram.chat import run_chat

        return loop.run(
            run_chat(settings, load_or_exit(settings), user_id=args.user), settings.event_loop
        )
    return 2
