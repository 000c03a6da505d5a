"""What a student typed -> the question to search. A chat message carries more than its question:
mentions (`@everyone`, a role, a user, a channel), custom emoji and markdown. Their text would go
into the search as words (a role's id, "everyone") and pull the answer away from what was asked."""

from __future__ import annotations

import re

_MENTION = re.compile(r"<(?:@[!&]?|#)\d+>|@(?:everyone|here)\b")
_CUSTOM_EMOJI = re.compile(r"<a?:\w+:\d+>|(?<!\w):[a-z0-9_+\-]+:(?!\w)")
# Emoji and pictographs (not letters of any script): they carry no words to search.
_PICTOGRAPH = re.compile("[\U0001F000-\U0001FAFF\u2600-\u27BF\uFE0F\u200D]")
_CODE_FENCE = re.compile(r"```\w*")
_LINE_MARKUP = re.compile(r"^\s*(?:>{1,3}|#{1,3}|-#|[-*+]|\d+[.)])\s+", re.M)  # quotes, headings, list marks
_LINK = re.compile(r"\[([^\]]+)\]\(<?https?://[^)]+>?\)")


def clean_question(text: str) -> str:
    """The words of the question, without Discord mentions, emoji and markdown."""
    text = _MENTION.sub(" ", text)
    text = _CUSTOM_EMOJI.sub(" ", text)
    text = _PICTOGRAPH.sub(" ", text)
    text = _LINK.sub(r"\1", text)
    text = _CODE_FENCE.sub(" ", text)
    text = _LINE_MARKUP.sub("", text)
    # Inline marks only where they wrap words, so "snake_case" or "2*3" keep their characters.
    text = re.sub(r"(?<!\w)(\*\*|__|~~|\|\||[*_`])(?=\S)(.+?)(?<=\S)\1(?!\w)", r"\2", text)
    text = re.sub(r"(?<!\w)(\*\*|__|~~|\|\||[*_`])(?=\S)(.+?)(?<=\S)\1(?!\w)", r"\2", text)
    return " ".join(text.split())
