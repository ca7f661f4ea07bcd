"""stretchbot: a Telegram stretch coach for tight hamstrings and low back pain."""
