"""The coaching domain: safety screening, pain rules, times and zones, streaks, what to do next.

Pure Python: nothing here imports `telegram` or `sqlalchemy`, and nothing asks the clock; callers
pass `now`/`today` and the data, and get decisions back.
"""
