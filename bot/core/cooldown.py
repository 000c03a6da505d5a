"""Per-user cooldowns on questions, with the clock injected so tests need not sleep."""

from __future__ import annotations

import time
from collections.abc import Callable


class Cooldown:
    def __init__(self, seconds: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.seconds = seconds
        self.clock = clock
        self._last: dict[int, float] = {}

    def remaining(self, user_id: int) -> float:
        """Seconds the user must still wait (0 when they may go ahead)."""
        last = self._last.get(user_id)
        if last is None:
            return 0.0
        return max(0.0, self.seconds - (self.clock() - last))

    def try_acquire(self, user_id: int) -> float:
        """Record a use and return 0, or return the seconds left without recording anything."""
        left = self.remaining(user_id)
        if left > 0:
            return left
        self._last[user_id] = self.clock()
        if len(self._last) > 10_000:  # forget users whose cooldown is long over
            now = self.clock()
            self._last = {u: t for u, t in self._last.items() if now - t < self.seconds}
        return 0.0
