"""Who a message would notify, given its content and ``allowed_mentions`` (Discord's rules).

Discord never echoes ``allowed_mentions`` back, so the fake computes the pings itself;
tests can then assert that the bot never pings anyone (``assert not msg.pings``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

USER_RE = re.compile(r"<@!?(\d+)>")
ROLE_RE = re.compile(r"<@&(\d+)>")
EVERYONE_RE = re.compile(r"@(everyone|here)\b")


@dataclass(frozen=True)
class Pings:
    users: frozenset[str] = field(default_factory=frozenset)
    roles: frozenset[str] = field(default_factory=frozenset)
    everyone: bool = False

    def __bool__(self) -> bool:
        return bool(self.users or self.roles or self.everyone)


def mentioned_user_ids(content: str) -> list[str]:
    return list(dict.fromkeys(USER_RE.findall(content or "")))


def compute_pings(
    content: str,
    allowed_mentions: Optional[dict],
    *,
    mentionable_roles: frozenset[str] = frozenset(),
    can_mention_everyone: bool = True,
    replied_author_id: Optional[str] = None,
) -> Pings:
    """Apply Discord's allowed_mentions semantics.

    Without ``allowed_mentions`` everything in the content pings (and a reply pings the
    replied-to author). With it, only the ``parse`` types and explicit id lists ping, and
    ``replied_user`` defaults to False.
    """
    content = content or ""
    users = set(USER_RE.findall(content))
    roles = set(ROLE_RE.findall(content))
    roles = {r for r in roles if r in mentionable_roles or can_mention_everyone}
    everyone = bool(EVERYONE_RE.search(content)) and can_mention_everyone
    if allowed_mentions is None:
        if replied_author_id:
            users.add(replied_author_id)
        return Pings(frozenset(users), frozenset(roles), everyone)
    parse = set(allowed_mentions.get("parse") or [])
    if "users" not in parse:
        users &= {str(u) for u in allowed_mentions.get("users") or []}
    if "roles" not in parse:
        roles &= {str(r) for r in allowed_mentions.get("roles") or []}
    everyone = everyone and "everyone" in parse
    if replied_author_id and allowed_mentions.get("replied_user", False):
        users.add(replied_author_id)
    return Pings(frozenset(users), frozenset(roles), everyone)
