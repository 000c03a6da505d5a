"""Everything the cogs share, built once by the runner (or a test) and passed in."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone

from bot.config import Settings
from bot.core.cooldown import Cooldown
from bot.service import StudyService
from bot.store.answer_log import AnswerLog


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


@dataclass
class BotContext:
    settings: Settings
    service: StudyService
    answer_log: AnswerLog
    clock: Callable[[], datetime] = utc_now
    monotonic: Callable[[], float] = time.monotonic
    progress_interval: float = 1.5  # seconds between edits of a progress message
    started_at: float = field(default_factory=time.monotonic)
    cooldown: Cooldown = field(init=False)

    def __post_init__(self) -> None:
        self.cooldown = Cooldown(self.settings.ask_cooldown_seconds, self.monotonic)
