"""`stretchbot bench all`: every benchmark in one run, each printed with its target."""

from __future__ import annotations

import argparse
import asyncio
import os
import sys

from bot.bench import fanout, holds, startup
from bot.bench import updates as update_handling


def run(args: argparse.Namespace) -> int:
    """`stretchbot bench all`: every benchmark, printed with its target."""
    print(f"stretchbot benchmarks on {os.cpu_count()} cores, Python {sys.version.split()[0]}\n")
    start = asyncio.run(startup.measure())
    print(f"start-up to first getUpdates: median {start['median_s']:.2f} s, "
          f"max {start['max_s']:.2f} s (target < 2 s)")  # fmt: skip
    updates = asyncio.run(update_handling.measure(args.users, args.rounds))
    print("\nupdate handling (message in, reply out, through the emulator):")
    update_handling.print_rows(updates)
    for echo in ("echo bot", "echo bot, aiohttp"):
        ratio = updates[echo]["per_second"] / updates["stretchbot"]["per_second"]
        print(f"  {echo} / stretchbot throughput: {ratio:.2f}x (target: within 2x)")
    held = asyncio.run(holds.measure(args.holding))
    print(f"\nhold timers, {held['holding']} people holding at once: release message "
          f"p50 {held['p50_s']:.2f} s late, p99 {held['p99_s']:.2f} s, "
          f"max {held['max_s']:.2f} s (target p99 < 1 s); the bot's own histogram: "
          f"p50 <= {held['bot_p50_le_s']} s, p99 <= {held['bot_p99_le_s']} s "
          f"over {held['bot_releases']:.0f} releases")  # fmt: skip
    print("\nfan-out:")
    return fanout.run(args)
