"""Plain values that flow through the pipeline: documents -> blocks -> chunks."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

# How the loaders write a table row: its cells joined on one line (the answer and quiz layers read rows by it).
TABLE_CELLS = " | "


@dataclass(frozen=True)
class Block:
    """One unit of a document as its author laid it out: a heading, a paragraph or a list item.

    `heading_path` is the chain of headings above the block (the block's own text is not part of
    it when the block is a heading). `page` is 1-based and set only for paged formats (PDF).
    """

    text: str
    kind: str  # "heading" | "paragraph" | "list_item"
    heading_path: tuple[str, ...] = ()
    page: int | None = None
    level: int = 0  # heading level (1 = top) for headings, 0 otherwise


@dataclass(frozen=True)
class Document:
    """A loaded course document. `name` is its path relative to the corpus folder, with `/`."""

    name: str
    blocks: tuple[Block, ...]
    sha256: str
    title: str = ""
    size_bytes: int = 0


@dataclass(frozen=True)
class Chunk:
    """A retrieval unit: a run of blocks under one heading path, sized for the embedding model.

    `text` is what a student may be quoted; `embedding_text()` adds the heading path so that the
    section's topic is part of what gets embedded and searched.
    """

    id: str
    document: str
    heading_path: tuple[str, ...]
    page: int | None
    position: int  # order of the chunk within its document, from 0
    text: str
    pages: tuple[int, ...] = field(default=())  # every page the chunk spans (PDF)

    @property
    def section(self) -> str:
        return " > ".join(self.heading_path)

    def embedding_text(self) -> str:
        return f"{self.section}\n{self.text}" if self.heading_path else self.text

    @property
    def text_hash(self) -> str:
        return text_hash(self.embedding_text())


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def make_chunk_id(document: str, heading_path: tuple[str, ...], text: str, occurrence: int) -> str:
    """A stable id: the same text under the same heading of the same document keeps its id
    across reindexes, wherever it moves in the file. `occurrence` separates exact repeats."""
    key = "\x1f".join((document, *heading_path, text, str(occurrence)))
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]
