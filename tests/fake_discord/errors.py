"""The one exception REST handlers raise to answer with a Discord-style JSON error."""

from __future__ import annotations

from typing import Optional


class HttpError(Exception):
    def __init__(self, status: int, code: int, message: str, *, errors: Optional[dict] = None) -> None:
        super().__init__(f"{status} {code} {message}")
        self.status, self.code, self.message, self.errors = status, code, message, errors

    def body(self) -> dict:
        data: dict = {"message": self.message, "code": self.code}
        if self.errors:
            data["errors"] = self.errors
        return data


# Discord's JSON error codes used by the fake.
UNKNOWN_CHANNEL = 10003
UNKNOWN_GUILD = 10004
UNKNOWN_MESSAGE = 10008
UNKNOWN_WEBHOOK = 10015
UNKNOWN_USER = 10013
UNKNOWN_MEMBER = 10007
UNKNOWN_INTERACTION = 10062
CANNOT_EDIT_OTHERS = 50005
CANNOT_DM_USER = 50007
MISSING_ACCESS = 50001
MISSING_PERMISSIONS = 50013
ALREADY_ACKNOWLEDGED = 40060


def not_found(code: int, what: str) -> HttpError:
    return HttpError(404, code, f"Unknown {what}")
