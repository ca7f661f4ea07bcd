"""Persistence: SQLAlchemy models, the engine and its migrations, and small query functions.

Imports `sqlalchemy` only: no Telegram, no coaching rules.
"""
