"""Discord's size limits, and cutting text to fit them at sentence boundaries (never mid-word)."""

from __future__ import annotations

from bot.core.text import CODE_FENCE

MESSAGE = 2000
EMBED_TITLE = 256
EMBED_DESCRIPTION = 4096
EMBED_FIELD_NAME = 256
EMBED_FIELD_VALUE = 1024
EMBED_FOOTER = 2048
EMBED_TOTAL = 6000
EMBED_FIELDS = 25
ELLIPSIS = "…"


def clip(text: str, limit: int) -> str:
    """Text cut to `limit` characters at a word boundary, with an ellipsis when cut. A cut inside
    a code block closes the block, so that what follows is not shown as code."""
    if len(text) <= limit:
        return text
    cut = _cut(text, limit)
    if _opens_code(cut):
        cut = _cut(text, limit - len(_CLOSING)) + _CLOSING
    return cut


_CLOSING = "\n" + CODE_FENCE


def _cut(text: str, limit: int) -> str:
    cut = text[: limit - len(ELLIPSIS)]
    if " " in cut[limit // 2 :]:
        cut = cut[: cut.rfind(" ")]
    return cut.rstrip(" ,;:") + ELLIPSIS


def _opens_code(text: str) -> bool:
    """Whether `text` leaves a code block open (an odd number of fence lines)."""
    return sum(line.strip() == CODE_FENCE for line in text.split("\n")) % 2 == 1


def fit_lines(lines: list[str], limit: int, joiner: str = "\n", *, more: str = "…and {n} more") -> str:
    """As many whole lines as fit in `limit`, then a note of how many were left out."""
    kept: list[str] = []
    for index, line in enumerate(lines):
        note = more.format(n=len(lines) - index - 1) if index < len(lines) - 1 else ""
        candidate = joiner.join([*kept, line])
        if len(candidate) + (len(joiner) + len(note) if note else 0) <= limit:
            kept.append(line)
            continue
        if not kept:  # even the first line is too long: cut it
            kept.append(clip(line, limit - (len(joiner) + len(note) if note else 0)))
            index += 1
        rest = len(lines) - len(kept)
        return joiner.join([*kept, more.format(n=rest)]) if rest else joiner.join(kept)
    return joiner.join(kept)
