"""One error hierarchy. Every StudyBotError carries a message that is safe to show a user as it is;
the adapters (command line, Discord) turn these into what the user sees, in one place each."""

from __future__ import annotations

from datetime import datetime


class StudyBotError(Exception):
    """An expected failure with a user-facing explanation (and, where there is one, the fix)."""

    def __init__(self, message: str, *, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def user_message(self) -> str:
        return f"{self.message} {self.hint}".strip()


class ConfigError(StudyBotError):
    """A setting is missing or has a value that cannot work."""


class IndexMissingError(StudyBotError):
    """No index has been built yet."""


class IndexIncompatibleError(StudyBotError):
    """The index was built with another model or format version."""


class IndexOutdatedError(IndexIncompatibleError):
    """The index holds vectors an earlier version of the configured model and backend made: not a
    choice the user made (as another model or backend is), so a process starting builds it again."""


class IndexDamagedError(StudyBotError):
    """The index files are unreadable or inconsistent."""


class ModelLoadError(StudyBotError):
    """The embedding model could not be loaded (offline and not installed, or a wrong path)."""


class DocumentError(StudyBotError):
    """A document could not be read; the reason says why (corrupt, empty, unsupported)."""


class ReindexInProgressError(StudyBotError):
    """A reindex is already running; a second one is refused."""


class QuizBankPendingError(StudyBotError):
    """The notes were just indexed and their quiz questions are still being made."""


class NotFoundError(StudyBotError):
    """A named thing (document, schedule, question) does not exist."""


class PermissionDeniedError(StudyBotError):
    """The user lacks the role a command needs."""


class InvalidInputError(StudyBotError):
    """The user gave an option or value that cannot be used; the message says what is expected."""


class ExamModeError(StudyBotError):
    """A question about the quiz question that is open right now: it waits for the reveal."""

    def __init__(self, message: str, *, reveal_at: datetime, hint: str = "") -> None:
        super().__init__(message, hint=hint)
        self.reveal_at = reveal_at  # when the quiz question closes and its answer is shown


class TooSoonError(StudyBotError):
    """A student asks again before their cooldown is over."""
