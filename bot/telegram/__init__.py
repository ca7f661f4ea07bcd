"""The Telegram layer: the only package that imports `telegram`."""

import os

# Opt in to python-telegram-bot's future API: durations such as RetryAfter.retry_after as
# timedelta (otherwise each access warns). Set before anything reads it.
os.environ.setdefault("PTB_TIMEDELTA", "1")
