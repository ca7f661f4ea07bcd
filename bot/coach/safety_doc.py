"""The clinician-readable table of content/SAFETY.md, made from the code's SIGNS and QUESTIONS.

`python -m bot.coach.safety_doc` rewrites the table between the markers in content/SAFETY.md;
tests/test_safety_hold.py fails when the document and the code disagree.
"""

from __future__ import annotations

import sys
from pathlib import Path

from bot.coach.signs import QUESTIONS, SIGNS, Level

BEGIN = "<!-- signs table: made by `python -m bot.coach.safety_doc`, do not edit by hand -->"
END = "<!-- end of signs table -->"
DOC = Path(__file__).resolve().parents[2] / "content" / "SAFETY.md"

WHAT_THE_BOT_DOES = {
    Level.EMERGENCY: "call the emergency number now; safety hold",
    Level.URGENT: "see a doctor today; safety hold",
    Level.CLINICIAN: "see a GP or physio; gentle routines",
    Level.ASK: "asks a yes/no question first",
}


def signs_table() -> str:
    """The markdown table: every sign with its level, what the bot does, and its sources."""
    rows = [
        "| sign (as the bot names it) | category | level | the bot | sources |",
        "|---|---|---|---|---|",
    ]
    for sign in sorted(SIGNS.values(), key=lambda s: (-s.level.rank, s.category.value)):
        does = WHAT_THE_BOT_DOES.get(sign.level, "")
        if sign.level is Level.ASK and sign.category in QUESTIONS:
            question = QUESTIONS[sign.category]
            does = (
                f'asks "{question.text}" — yes: {SIGNS[question.on_yes].level.value}, '
                f"no: {question.on_no.value}"
            )
        rows.append(
            f"| {sign.plain} | `{sign.category.value}` | **{sign.level.value}** | {does} "
            f"| {sign.source} |"
        )
    return "\n".join(rows)


def rewrite(doc: Path = DOC) -> None:
    """Put the current table between the markers of `doc`."""
    text = doc.read_text(encoding="utf-8")
    head, _, rest = text.partition(BEGIN)
    _, _, tail = rest.partition(END)
    doc.write_text(f"{head}{BEGIN}\n{signs_table()}\n{END}{tail}", encoding="utf-8")


if __name__ == "__main__":  # pragma: no cover - a maintenance command
    rewrite(Path(sys.argv[1]) if len(sys.argv) > 1 else DOC)
