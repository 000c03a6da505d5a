"""A progress message edited as long work goes on (reindex, a large upload). The work runs in a
thread and only records where it is; the event loop edits the message at a steady pace, so
Discord's rate limits are respected and the work never waits for Discord."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable

from bot.discord_bot.render import progress_text
from bot.core.indexer import ANSWERS_READY, STAGE_LABELS

log = logging.getLogger(__name__)


class ProgressReporter:
    def __init__(self, title: str, edit: Callable[[str], Awaitable[object]], interval: float) -> None:
        self.title = title
        self.edit = edit
        self.interval = interval
        self._state: tuple[str, int, int] | None = None
        self._stage_started: dict[str, float] = {}
        self._shown: str | None = None
        self._started = time.monotonic()
        self._answers_after: float | None = None  # seconds until the new build answered questions

    def __call__(self, stage: str, done: int, total: int) -> None:
        """The progress callback; called from the worker thread."""
        self._stage_started.setdefault(stage, time.monotonic())
        if stage == ANSWERS_READY:  # a moment, not a stage: shown above the stages after it
            self._answers_after = time.monotonic() - self._started
            return
        self._state = (stage, done, total)

    def text(self) -> str | None:
        if self._state is None:
            return None
        stage, done, total = self._state
        elapsed = time.monotonic() - self._stage_started[stage]
        eta = elapsed / done * (total - done) if done and total else None
        title = self.title
        if self._answers_after is not None:
            title += (f"\nAnswers come from the new notes (ready after {self._answers_after:.0f} s); "
                      "its sentence vectors and quiz questions are being made.")
        return progress_text(title, STAGE_LABELS.get(stage, stage), done, total, eta)

    async def run(self, work: Awaitable[object]) -> object:
        """Await `work` while editing the message with its progress."""
        task = asyncio.ensure_future(work)
        while not task.done():
            await asyncio.wait({task}, timeout=self.interval)
            text = self.text()
            if text and text != self._shown and not task.done():
                self._shown = text
                try:
                    await self.edit(text)
                except Exception:  # a failed progress edit must never stop the work
                    log.warning("Could not update the progress message", exc_info=True)
        return task.result()
