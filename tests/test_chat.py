"""`stretchbot chat`, the README's first command, driven the way a newcomer uses it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def run_chat(tmp_path: Path, lines: list[str]) -> str:
    env = {
        **os.environ,
        "STRETCHBOT_DATA_DIR": str(tmp_path),
        "STRETCHBOT_HOLD_TIME_SCALE": "0.02",
        "NO_PROXY": "127.0.0.1,localhost",
    }
    env.pop("DATABASE_URL", None)
    done = subprocess.run(
        [sys.executable, "-m", "bot", "chat"],
        input="\n".join(lines) + "\n",
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    return done.stdout


def test_a_newcomer_subscribes_stretches_logs_reports_pain_and_sees_progress(
    tmp_path: Path,
) -> None:
    out = run_chat(
        tmp_path,
        # Buttons are pressed by label or by number: Next through the card's steps, then Start.
        [
            "/start",
            "1",
            "/desk",
            "Next ▶",
            "Next ▶",
            "Next ▶",
            "1",
            "done",
            "4",
            "/progress",
            "/settings",
            "2",
            "3",
            "/quit",
        ],
    )
    assert "I'm stretchbot" in out
    assert "not a clinician" in out
    assert "[1] None of these ✅" in out
    assert "Step 1 of" in out
    assert "▶ Start" in out
    assert "⏱" in out  # the live countdown, shown as it is edited
    assert "Release" in out
    assert "Logged" in out
    assert "Recorded: pain 4/10" in out  # "4" pressed the button labelled 4, not the 4th one
    chart = tmp_path / "chat-files"
    assert f"[photo: {chart}" in out  # saved, with its path printed
    assert any(p.read_bytes().startswith(b"\x89PNG") for p in chart.glob("*progress.png"))
    assert "Streak: 1 day" in out
    assert "When should the morning routine arrive?" in out  # "2" pressed a button
    assert "💬 Recorded 4/10" in out  # the pop-up a button answers with
    assert "✎ (edited)\n  Settings\n" in out  # an edited message shows in full
    assert "[ Settings ]" in out  # the keyboard under the text box
    assert (tmp_path / "stretchbot.db").exists()
    # After a restart, the number of a button from the last run gets a clear answer.
    again = run_chat(tmp_path, ["4", "Settings", "/quit"])
    assert "from before the restart" in again
    assert "I didn't catch that" not in again
    assert "Time zone: UTC" in again  # typing a keyboard label works


def test_the_chat_keeps_its_data_between_runs_and_answers_bad_input(tmp_path: Path) -> None:
    run_chat(tmp_path, ["/start", "/timezone Asia/Kolkata", "/pain 3"])
    out = run_chat(tmp_path, ["/timezone", "/pain 12", "/morning 25:99", "/settings"])
    assert "Asia/Kolkata" in out
    assert "isn't a score I can record" in out
    assert "isn't a time I can use" in out
    assert "Welcome" not in out
