"""`stretchbot bench all`: every benchmark in one run, each printed with its target."""

from __future__ import annotations

import argparse
import asyncio
import os
import sys

from bot.bench import fanout, holds, lanes, startup
from bot.bench import updates as update_handling
from bot.bench.common import machine_speed


def run(args: argparse.Namespace) -> int:
    """`stretchbot bench all`: every benchmark, printed with its target."""
    print(f"stretchbot benchmarks on {os.cpu_count()} cores, Python {sys.version.split()[0]}; "
          f"a Python loop counts to 10 million in {machine_speed():.2f} s\n")  # fmt: skip
    start = asyncio.run(startup.measure())
    print(f"start-up to first getUpdates: restart (database at the newest migration) median "
          f"{start['restart_median_s']:.2f} s, max {start['restart_max_s']:.2f} s (target < 2 s); "
          f"first run on a fresh database, migrating, median {start['median_s']:.2f} s, "
          f"max {start['max_s']:.2f} s")  # fmt: skip
    updates = asyncio.run(update_handling.measure(args.users, args.rounds))
    print("\nupdate handling (message in, reply out, through the emulator):")
    update_handling.print_rows(updates)
    update_handling.print_ratios(updates)
    print()
    lanes.run(args.people, args.broadcast)
    print()
    holds.run(args.holding, 60.0)
    print()
    holds.run(args.holding, 60.0, paid=True)
    print("\nfan-out (with the paid-broadcast run, --paid-subscribers, on PostgreSQL):")
    return fanout.run(args)
