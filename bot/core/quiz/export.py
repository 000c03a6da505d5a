"""/quiz export: every answer as a CSV file a teacher opens in a spreadsheet.

UTF-8 with a byte-order mark, because Excel reads a BOM-less CSV in the machine's legacy code page
and garbles accented names. Quoting is the csv module's. Student names, prompts and options are
text other people typed, so a cell that a spreadsheet would run as a formula (starting with = + -
@, or a tab or carriage return) gets a leading apostrophe: shown as text, never executed.
"""

from __future__ import annotations

import csv
import io
from datetime import timezone

from bot.core.quiz.records import AnswerRow


HEADER = ("student_id", "student_name", "question", "chosen_answer", "correct", "answered_at", "schedule",
          "post_id", "local_date")
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(text: str) -> str:
    """Neutralise spreadsheet formula injection (OWASP's CSV injection advice)."""
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def schedule_label(schedule_id: int | None, schedule_names: dict[int, str]) -> str:
    """The schedule's name, "#id" for one without a name (e.g. removed), "now" for /quiz now."""
    if schedule_id is None:
        return "now"
    return schedule_names.get(schedule_id) or f"#{schedule_id}"


def export_csv(answers: list[AnswerRow], schedule_names: dict[int, str]) -> bytes:
    """One row per answer, in the order given. Ids stay text-safe digits (Discord ids exceed the
    precision of a spreadsheet number, so teachers should import the column as text)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)  # excel dialect: comma, minimal quoting, CRLF line ends
    writer.writerow(HEADER)
    for row in answers:
        writer.writerow((
            str(row.user_id),
            safe_cell(row.user_name),
            safe_cell(row.item.prompt),
            safe_cell(row.chosen_text),
            "right" if row.correct else "wrong",
            row.answered_at.astimezone(timezone.utc).isoformat(timespec="seconds"),
            safe_cell(schedule_label(row.schedule_id, schedule_names)),
            str(row.post_id),
            row.local_date.isoformat(),
        ))
    return buffer.getvalue().encode("utf-8-sig")
