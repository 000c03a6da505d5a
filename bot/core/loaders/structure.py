"""What every format parser produces, and the one place heading paths are worked out.

Parsers emit flat blocks (headings carry a level, body blocks none) and leave `heading_path` empty;
`with_heading_paths` then gives every block the chain of headings above it, so each format only has
to say where its headings are and how deep they sit.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from bot.core.documents import Block
from bot.core.text import normalize_space

HEADING = "heading"
PARAGRAPH = "paragraph"
LIST_ITEM = "list_item"


@dataclass(frozen=True)
class Parsed:
    """A parser's result: blocks in reading order and the title the file declares, if any."""

    blocks: list[Block] = field(default_factory=list)
    title: str = ""


def heading(text: str, level: int, page: int | None = None) -> Block:
    return Block(text=normalize_space(text), kind=HEADING, page=page, level=max(1, level))


def paragraph(text: str, page: int | None = None) -> Block:
    return Block(text=text.strip(), kind=PARAGRAPH, page=page)


def list_item(text: str, page: int | None = None) -> Block:
    return Block(text=normalize_space(text), kind=LIST_ITEM, page=page)


def with_heading_paths(blocks: Iterable[Block]) -> list[Block]:
    """Drop empty blocks and set each block's `heading_path` from the headings above it.

    A heading closes every open heading at its level or deeper, so levels may skip (an `h1` followed
    by an `h3` nests the `h3` under the `h1`).
    """
    open_headings: list[Block] = []
    result: list[Block] = []
    for block in blocks:
        if not block.text.strip():
            continue
        if block.kind == HEADING:
            while open_headings and open_headings[-1].level >= block.level:
                open_headings.pop()
        path = tuple(h.text for h in open_headings)
        result.append(replace(block, heading_path=path))
        if block.kind == HEADING:
            open_headings.append(block)
    return result


def title_from_name(name: str) -> str:
    """A readable title from a corpus name: "notes/china-under-mao.txt" -> "China Under Mao"."""
    stem = name.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    words = stem.replace("_", " ").replace("-", " ").split()
    return " ".join(word[:1].upper() + word[1:] for word in words)
