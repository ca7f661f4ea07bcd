"""Telegram's flood limits, as facts both sides need: the bot's outbound limiter and the
emulator that enforces them (neither imports the other)."""

# Methods that put something in a chat: they count against the overall and per-chat limits.
LIMITED_METHODS = frozenset(
    {
        "sendMessage", "sendPhoto", "sendDocument", "sendAudio", "sendVideo", "sendAnimation",
        "sendVoice", "sendVideoNote", "sendSticker", "sendMediaGroup", "sendLocation",
        "sendVenue", "sendContact", "sendPoll", "sendDice", "sendInvoice", "copyMessage",
        "forwardMessage", "editMessageText", "editMessageCaption", "editMessageMedia",
        "editMessageReplyMarkup",
    }
)  # fmt: skip
