"""`studybot quiz drafts`: a teacher goes through the generated questions waiting for approval in
the terminal, as `/quiz drafts` does on Discord: approve, edit or reject (with a reason) each."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

import typer
from rich.console import Console
from rich.markup import escape

from bot.core.quiz.items import TRUE_FALSE, QuizItem
from bot.errors import StudyBotError
from bot.services.drafts import DraftsService

ACTIONS = {"a": "approve", "e": "edit", "r": "reject", "s": "skip", "q": "quit"}
SEPARATOR = " | "


def review_drafts(drafts: DraftsService, console: Console, by: str,
                  show: Callable[[Console, QuizItem], None]) -> Counter:
    """Ask about each draft until none is left or the teacher quits; returns what was decided."""
    decided: Counter = Counter()
    after = 0
    while (draft := drafts.next_draft(after)) is not None:
        console.print(f"\n[bold]Draft {draft.position} of {draft.waiting}[/]")
        show(console, draft.item)
        action = _ask_action()
        if action == "quit":
            break
        if action == "skip":
            after += 1
            continue
        try:
            if action == "approve":
                drafts.approve(draft.key, by)
            elif action == "edit":
                drafts.edit(draft.key, by, **_ask_edit(draft.item))
            else:
                drafts.reject(draft.key, by, typer.prompt("Why is it rejected?"))
        except StudyBotError as exc:  # a bad edit or an empty reason: say so, show the draft again
            console.print(f"[red]{escape(exc.user_message())}[/]")
            continue
        decided[action] += 1
    left = len(drafts.waiting())
    summary = ", ".join(f"{n} {what}{'d' if what.endswith('e') else 'ed'}" for what, n in decided.items())
    console.print(f"{summary or 'Nothing decided'}; {left} draft(s) waiting.")
    return decided


def _ask_action() -> str:
    while True:
        answer = typer.prompt("[a]pprove, [e]dit, [r]eject, [s]kip, [q]uit", default="s").strip().lower()[:1]
        if answer in ACTIONS:
            return ACTIONS[answer]


def _ask_edit(item: QuizItem) -> dict:
    question = typer.prompt("Question", default=item.prompt)
    answer = typer.prompt("Right answer" + (" (True or False)" if item.kind == TRUE_FALSE else ""),
                          default=item.answer)
    wrong: list[str] = []
    if item.kind != TRUE_FALSE:
        current = SEPARATOR.join(o for o in item.options if o != item.answer)
        wrong = [w.strip() for w in typer.prompt(f"Wrong options, separated by '{SEPARATOR.strip()}'",
                                                 default=current).split(SEPARATOR.strip()) if w.strip()]
    explanation = typer.prompt("Explanation (optional)", default=item.explanation or "", show_default=False)
    return {"question": question, "answer": answer, "wrong": wrong, "explanation": explanation}
