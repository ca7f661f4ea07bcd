"""The Telegram layer: the only package that imports `telegram`."""
