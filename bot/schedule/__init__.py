"""Routines at each subscriber's local time: due-time arithmetic (pure) and the tick that claims
due slots in the database and sends them, exactly once."""
