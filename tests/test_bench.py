"""`stretchbot bench`: its options are checked by the command a person typed, with one clear line,
before any benchmark starts (the benchmarks themselves are run by hand; see the README). A small
paid-broadcast fan-out runs here for real: through the bot's limiter to an emulator that enforces
Telegram's limits."""

from __future__ import annotations

import subprocess
import sys

import pytest

from bot.cli import build_parser, main


def refused(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    """Run the command line, which must refuse; return the error line it printed."""
    with pytest.raises(SystemExit) as exited:
        main(list(argv))
    assert exited.value.code == 2
    err = capsys.readouterr().err
    return err.strip().splitlines()[-1]


def test_an_unknown_backend_is_named_with_the_choices(capsys: pytest.CaptureFixture[str]) -> None:
    line = refused(capsys, "bench", "fanout", "--backends", "postgresql")
    assert line == (
        "stretchbot bench fanout: error: argument --backends: unknown backend 'postgresql'; "
        "choose from sqlite, postgres (comma-separated)"
    )
    line = refused(capsys, "bench", "all", "--backends", "sqlite,mysql")
    assert "unknown backend 'mysql'" in line
    assert "unknown backend" in refused(capsys, "bench", "fanout", "--backends", ",")
    assert "unknown backend 'pg'" in refused(capsys, "bench", "updates", "--backends", "pg")


@pytest.mark.parametrize(
    ("option", "value", "error"),
    [
        ("--subscribers", "0", "must be at least 1"),
        ("--subscribers", "ten", "'ten' is not a whole number"),
        ("--throttled-subscribers", "-5", "must not be negative"),
        ("--paid-subscribers", "-1", "must not be negative"),
        ("--paid-subscribers", "lots", "'lots' is not a whole number"),
    ],
)
def test_counts_must_be_sensible(
    capsys: pytest.CaptureFixture[str], option: str, value: str, error: str
) -> None:
    assert refused(capsys, "bench", "fanout", option, value).endswith(f"{option}: {error}")


def test_update_benchmark_needs_people(capsys: pytest.CaptureFixture[str]) -> None:
    line = refused(capsys, "bench", "updates", "--users", "0")
    assert line.endswith("--users: must be at least 1")
    line = refused(capsys, "bench", "all", "--people", "0")
    assert line.endswith("--people: must be at least 1")
    line = refused(capsys, "bench", "all", "--broadcast", "many")
    assert line.endswith("--broadcast: 'many' is not a whole number")


def test_good_options_reach_the_benchmark_parsed() -> None:
    args = build_parser().parse_args(["bench", "fanout", "--backends", " postgres , sqlite"])
    assert args.backends == ["postgres", "sqlite"]
    assert build_parser().parse_args(["bench", "all"]).backends == ["sqlite", "postgres"]
    args = build_parser().parse_args(["bench", "fanout", "--throttled-subscribers", "0"])
    assert args.throttled_subscribers == 0
    assert args.paid_subscribers == 100_000  # the paid row is measured by default, also by `all`
    assert build_parser().parse_args(["bench", "all"]).paid_subscribers == 100_000
    args = build_parser().parse_args(["bench", "all", "--paid-subscribers", "0"])
    assert args.paid_subscribers == 0
    args = build_parser().parse_args(["bench", "all"])
    assert (args.people, args.broadcast, args.holding) == (300, 10_000, 1000)  # the sizes
    args = build_parser().parse_args(["bench", "holds", "--paid"])
    assert (args.holding, args.spread, args.paid) == (1000, 60.0, True)
    args = build_parser().parse_args(["bench", "updates", "--backends", "postgres", "--no-echo"])
    assert (args.backends, args.echo, args.users, args.rounds) == (["postgres"], False, 100, 20)


def test_the_per_configuration_command_exists() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "bot.bench.fanout", "--help"],
        capture_output=True, text=True, check=False, timeout=60,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "--backend {sqlite,postgres}" in done.stdout
    assert "--limits {off,on,paid}" in done.stdout


@pytest.mark.timeout(300)
def test_a_paid_fan_out_gets_no_429_and_everyone_exactly_one_offer(backend: str) -> None:
    """2,000 subscribers due at once, sent with allow_paid_broadcast through the real Bot, our
    sender and limiter to the emulator in its own process enforcing Telegram's limits."""
    from bot.bench.fanout import Limits, run_one

    result = run_one(backend, 2000, Limits.PAID)
    assert result["too_many_requests"] == 0
    assert (result["sent"], result["failed"], result["received"]) == (2000, 0, 2000)
    assert result["chats_by_message_count"] == {"1": 2000}
    # Past the free 30 a second (which would take over a minute): the paid window was used.
    assert result["seconds"] < 2000 / 30 / 2
