"""Zones and local times: parsing what people type, and turning a zone name into a tzinfo."""

from __future__ import annotations

import re
from datetime import UTC, time, timedelta, timezone, tzinfo
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from bot.errors import Field, InvalidInput


class TimeParseError(InvalidInput):
    """What the person typed is not a clock time."""

    def __init__(self, given: str, field: Field = Field.TIME) -> None:
        super().__init__(field, given)


class ZoneParseError(InvalidInput):
    """What the person typed is not a time zone we know."""

    def __init__(self, given: str) -> None:
        super().__init__(Field.ZONE, given)


OFF_WORDS = frozenset({"off", "none", "no", "stop", "disable", "disabled", "never"})
_TIME = re.compile(r"^\s*(\d{1,2})(?:\s*[:.h]\s*(\d{2}))?\s*([ap])?\.?\s*(?:m\.?)?\s*$", re.I)


def parse_time(text: str, field: Field = Field.TIME) -> time | None:
    """`07:15`, `7.15`, `7:15pm`, `21h00`, `7am` -> a time; `off` -> None; else TimeParseError
    (naming `field`, e.g. the slot the time was meant for)."""
    if text.strip().lower() in OFF_WORDS:
        return None
    match = _TIME.match(text)
    if not match:
        raise TimeParseError(text, field)
    hour, minute = int(match.group(1)), int(match.group(2) or 0)
    meridiem = (match.group(3) or "").lower()
    if meridiem:
        if not 1 <= hour <= 12:
            raise TimeParseError(text, field)
        hour = hour % 12 + (12 if meridiem == "p" else 0)
    elif match.group(2) is None:
        raise TimeParseError(text, field)  # a bare "7" is ambiguous; ask for 07:00
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        raise TimeParseError(text, field)
    return time(hour, minute)


# A morning routine after noon, or an evening one before mid-afternoon, is probably a slip
# ("/morning 7pm"): the bot asks before setting it.
MORNING_UNTIL = time(12, 0)
EVENING_FROM = time(15, 0)


def fits_slot(slot: str, value: time) -> bool:
    """The time suits the slot's name: a morning before noon, an evening from 15:00 on."""
    if slot == "morning":
        return value <= MORNING_UNTIL
    if slot == "evening":
        return value >= EVENING_FROM
    return True


def format_time(value: time | None) -> str:
    """`07:30`, or `off`."""
    return value.strftime("%H:%M") if value is not None else "off"


_OFFSET = re.compile(r"^(?:utc|gmt)?\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?$", re.I)

# Common ways people name a zone that are not the last part of an IANA name.
ALIASES = {
    "india": "Asia/Kolkata",
    "mumbai": "Asia/Kolkata",
    "delhi": "Asia/Kolkata",
    "new delhi": "Asia/Kolkata",
    "bangalore": "Asia/Kolkata",
    "bengaluru": "Asia/Kolkata",
    "nepal": "Asia/Kathmandu",
    "beijing": "Asia/Shanghai",
    "china": "Asia/Shanghai",
    "japan": "Asia/Tokyo",
    "san francisco": "America/Los_Angeles",
    "seattle": "America/Los_Angeles",
    "boston": "America/New_York",
    "washington": "America/New_York",
    "nyc": "America/New_York",
    "miami": "America/New_York",
    "atlanta": "America/New_York",
    "dallas": "America/Chicago",
    "houston": "America/Chicago",
    "austin": "America/Chicago",
    "munich": "Europe/Berlin",
    "hamburg": "Europe/Berlin",
    "frankfurt": "Europe/Berlin",
    "germany": "Europe/Berlin",
    "france": "Europe/Paris",
    "uk": "Europe/London",
    "england": "Europe/London",
    "manchester": "Europe/London",
    "edinburgh": "Europe/London",
    "spain": "Europe/Madrid",
    "barcelona": "Europe/Madrid",
    "italy": "Europe/Rome",
    "milan": "Europe/Rome",
    "kyiv": "Europe/Kyiv",
    "kiev": "Europe/Kyiv",
    "st petersburg": "Europe/Moscow",
    "melbourne": "Australia/Melbourne",
    "lord howe": "Australia/Lord_Howe",
    "rio": "America/Sao_Paulo",
    "rio de janeiro": "America/Sao_Paulo",
    "utc": "UTC",
    "gmt": "UTC",
    "z": "UTC",
}


@cache
def _names() -> dict[str, str]:
    """Lower-case IANA names and their city parts ("new york") -> canonical IANA names."""
    names: dict[str, str] = {}
    for name in sorted(available_timezones()):
        if name.startswith(("Etc/", "SystemV/")) or "/" not in name:
            continue
        names[name.lower()] = name
        city = name.rsplit("/", 1)[1].replace("_", " ").lower()
        names.setdefault(city, name)
    for name in ("UTC",):
        names[name.lower()] = name
    return names


def parse_zone(text: str) -> str:
    """`Europe/Berlin`, `berlin`, `New York`, `UTC+5:30` -> a canonical zone name."""
    cleaned = " ".join(text.strip().replace("_", " ").split())
    if not cleaned:
        raise ZoneParseError(text)
    offset = _OFFSET.match(cleaned.replace(" ", ""))
    if offset:
        sign, hours, minutes = offset.group(1), int(offset.group(2)), int(offset.group(3) or 0)
        total = (hours * 60 + minutes) * (-1 if sign == "-" else 1)
        if minutes not in (0, 15, 30, 45) or not -12 * 60 <= total <= 14 * 60:
            raise ZoneParseError(text)
        if total == 0:
            return "UTC"
        return f"UTC{sign}{hours:02d}:{minutes:02d}"
    key = cleaned.lower()
    name = ALIASES.get(key) or _names().get(key) or _names().get(key.replace(" ", "_"))
    if name is None:
        raise ZoneParseError(text)
    return name


@cache
def zone(name: str) -> tzinfo:
    """The tzinfo for a name produced by `parse_zone` (IANA, `UTC`, or `UTC+05:30`)."""
    if name == "UTC":
        return UTC
    offset = _OFFSET.match(name)
    if offset and name.upper().startswith("UTC"):
        minutes = int(offset.group(2)) * 60 + int(offset.group(3) or 0)
        delta = timedelta(minutes=minutes if offset.group(1) == "+" else -minutes)
        return timezone(delta, name)
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ZoneParseError(name) from exc


# Languages spoken mostly in one time zone; anything else starts on UTC until the person says.
LANGUAGE_ZONES = {
    "de": "Europe/Berlin",
    "it": "Europe/Rome",
    "pl": "Europe/Warsaw",
    "nl": "Europe/Amsterdam",
    "uk": "Europe/Kyiv",
    "cs": "Europe/Prague",
    "hu": "Europe/Budapest",
    "el": "Europe/Athens",
    "fi": "Europe/Helsinki",
    "sv": "Europe/Stockholm",
    "da": "Europe/Copenhagen",
    "nb": "Europe/Oslo",
    "ja": "Asia/Tokyo",
    "ko": "Asia/Seoul",
    "tr": "Europe/Istanbul",
    "he": "Asia/Jerusalem",
    "th": "Asia/Bangkok",
    "vi": "Asia/Ho_Chi_Minh",
}


def guess_zone(language_code: str | None, default: str = "UTC") -> str:
    """A first guess at someone's zone from their app language (they can correct it)."""
    if not language_code:
        return default
    return LANGUAGE_ZONES.get(language_code.split("-")[0].lower(), default)
