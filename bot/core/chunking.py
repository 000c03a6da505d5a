"""Documents -> chunks: runs of blocks under one heading, sized for the embedding model.

A chunk never spans two sections, so its heading path says exactly what it is about. Within a
section, whole blocks are packed together up to `max_chars`; only a block too long for a chunk of
its own is cut, at sentence ends. A lead-in ("Key features included:", a practice question) is
kept with what follows it: a bullet or an answer quoted without its lead-in loses its meaning.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from bot.core.documents import Block, Chunk, Document, make_chunk_id
from bot.core.text import fenced, goes_on_after_code, is_code_block, is_terminated, split_sentences

logger = logging.getLogger(__name__)

# List items are marked in chunk text, so that a quoted bullet can find the line leading into it.
LIST_ITEM_MARK = "- "
DEFAULT_MAX_CHARS = 900  # about 220 word pieces: leaves room for the heading path within 256
_MIN_MAX_CHARS = 80
_LEAD_IN_MAX_CHARS = 160


@dataclass(frozen=True)
class _Piece:
    """A block, or one sentence (or word run) of a block that was too long to keep whole."""

    text: str
    block: int  # index of the block it came from: pieces of one block join with " ", others "\n"
    page: int | None


@dataclass(frozen=True)
class _Section:
    heading_path: tuple[str, ...]
    blocks: tuple[Block, ...]


def chunk_document(doc: Document, max_chars: int = DEFAULT_MAX_CHARS) -> list[Chunk]:
    """Split `doc` into chunks of at most `max_chars` characters of text, in reading order.

    Ids come from (document, heading path, text, occurrence), so an unchanged chunk keeps its id
    when other parts of the document change or the file is reindexed.
    """
    if max_chars < _MIN_MAX_CHARS:
        raise ValueError(f"max_chars must be at least {_MIN_MAX_CHARS}, got {max_chars}")
    packed = [
        (section.heading_path, pieces)
        for section in _sections(doc.blocks)
        for pieces in _pack(section.blocks, max_chars)
    ]
    chunks = _to_chunks(doc.name, packed)
    logger.debug("%s: %d blocks -> %d chunks", doc.name, len(doc.blocks), len(chunks))
    return chunks


def chunk_text_of(block: Block) -> str:
    """How a block reads inside a chunk: list items carry LIST_ITEM_MARK."""
    return f"{LIST_ITEM_MARK}{block.text}" if block.kind == "list_item" else block.text


def _sections(blocks: Sequence[Block]) -> Iterator[_Section]:
    """Runs of body blocks between headings. A heading with nothing under it (no body, no
    sub-headings) becomes a section of its own text, so that a bare heading stays searchable."""
    run: list[Block] = []
    for index, block in enumerate(blocks):
        if block.kind != "heading":
            run.append(block)
            continue
        if run:
            yield _Section(run[0].heading_path, tuple(run))
            run = []
        if _is_bare_heading(blocks, index):
            yield _Section((*block.heading_path, block.text), (block,))
    if run:
        yield _Section(run[0].heading_path, tuple(run))


def _is_bare_heading(blocks: Sequence[Block], index: int) -> bool:
    following = blocks[index + 1] if index + 1 < len(blocks) else None
    if following is None:
        return True
    return following.kind == "heading" and following.level <= blocks[index].level


def _pack(blocks: Sequence[Block], max_chars: int) -> list[list[_Piece]]:
    """Greedily fill chunks with whole blocks; only a block longer than `max_chars` is split."""
    packer = _Packer(blocks, max_chars)
    for index, block in enumerate(blocks):
        if len(chunk_text_of(block)) > max_chars:
            packer.add_long_block(index)
        else:
            packer.add_block(index)
    packer.close_chunk()
    return packer.chunks


class _Packer:
    """The chunks of one section so far, and the open one being filled."""

    def __init__(self, blocks: Sequence[Block], max_chars: int) -> None:
        self.blocks = blocks
        self.max_chars = max_chars
        self.chunks: list[list[_Piece]] = []
        self.current: list[_Piece] = []

    def close_chunk(self) -> None:
        if self.current:
            self.chunks.append(self.current)
        self.current = []

    def add_block(self, index: int) -> None:
        block = self.blocks[index]
        text = chunk_text_of(block)
        following = self.blocks[index + 1] if index + 1 < len(self.blocks) else None
        if self._size() + 1 + len(text) > self.max_chars and self._interrupted_before(block):
            # "When you run a module with [code] the code in the module will be executed ...": the
            # sentence the code interrupts goes on in this block, so its start and the code come
            # along to the fresh chunk rather than end this one without the rest.
            carried, self.current = self.current[-2:], self.current[:-2]
            self.close_chunk()
            self.current = carried
        elif self._size() + 1 + len(text) > self.max_chars or (
                self._lead_in_cut_off(block, following) and not self._goes_on_after_code(block)):
            # (the rest of a sentence code interrupted, "as the very first line of your file.", is
            # no lead-in to the paragraph after it: it stays with its start and the code)
            self.close_chunk()
        self.current.append(_Piece(text, index, block.page))

    def _interrupted_before(self, block: Block) -> bool:
        """Whether `block` goes on with a sentence the open chunk's last two pieces start and
        interrupt (`_goes_on_after_code`), and the three fit in one chunk."""
        if len(self.current) < 3 or not self._goes_on_after_code(block):
            return False
        lead, code = self.current[-2:]
        return len(lead.text) + len(code.text) + len(block.text) + 2 <= self.max_chars

    def _goes_on_after_code(self, block: Block) -> bool:
        """Whether `block` goes on with a sentence that the open chunk's last two pieces, a whole
        paragraph and a whole code block, start and interrupt."""
        if len(self.current) < 2 or block.kind != "paragraph":
            return False
        lead, code = self.current[-2:]
        whole = all(p.text == chunk_text_of(self.blocks[p.block]) for p in (lead, code))
        if not whole or not is_code_block(code.text) or is_code_block(lead.text):
            return False
        last = (split_sentences(lead.text) or [""])[-1]
        if not (last.endswith(":") or not is_terminated(last)):
            return False
        sentences = split_sentences(block.text)
        return bool(sentences) and goes_on_after_code(sentences[0], code.text)

    def add_long_block(self, index: int) -> None:
        """Split a long block into pieces of similar size, starting a fresh chunk, so a chunk holds
        part of one paragraph rather than the tail of one and the head of the next. Only a lead-in
        just before the block comes along in front of its first piece."""
        block = self.blocks[index]
        lead_in = [self.current.pop()] if self._ends_with_lead_in_to(block) else []
        self.close_chunk()
        self.current = lead_in
        texts = split_long_text(chunk_text_of(block), self.max_chars)
        left = sum(len(text) + 1 for text in texts)  # still to place, with separators
        for text in texts:
            size = max(self._size(), 0)
            grown = size + 1 + len(text)
            # Aim at an even split of what is left, so the last piece is not a scrap.
            target = _target_size(size + left, self.max_chars)
            left -= len(text) + 1
            if self.current and (grown > self.max_chars or grown - target > max(target - size, 0)):
                self.close_chunk()
            self.current.append(_Piece(text, index, block.page))

    def _size(self) -> int:
        """Length of the open chunk's text; -1 when empty, so that adding `1 + len` is exact."""
        return sum(len(piece.text) for piece in self.current) + len(self.current) - 1

    def _lead_in_cut_off(self, block: Block, following: Block | None) -> bool:
        """Whether `block` is a lead-in that would end this chunk without its first follower,
        while the two would fit together in a fresh one."""
        if not self.current or following is None or not _is_lead_in(block, following):
            return False
        follower = chunk_text_of(following)
        if len(follower) > self.max_chars:
            follower = split_long_text(follower, self.max_chars)[0]
        together = len(block.text) + 1 + len(follower)
        return self._size() + 1 + together > self.max_chars and together <= self.max_chars

    def _ends_with_lead_in_to(self, block: Block) -> bool:
        if not self.current:
            return False
        last = self.current[-1]
        source = self.blocks[last.block]
        return last.text == chunk_text_of(source) and _is_lead_in(source, block)


def _target_size(total: int, max_chars: int) -> float:
    """The chunk size that cuts `total` characters into the fewest near-equal chunks."""
    return total / -(-total // max_chars)


def split_long_text(text: str, max_chars: int) -> list[str]:
    """Cut text into sentences, and any sentence longer than `max_chars` into runs of words. A
    code block is cut between its lines instead, each piece a fenced block of its own."""
    if is_code_block(text):
        return _code_runs(text, max_chars)
    parts: list[str] = []
    for sentence in split_sentences(text):
        parts.extend([sentence] if len(sentence) <= max_chars else _word_runs(sentence, max_chars))
    return parts


def _code_runs(block: str, max_chars: int) -> list[str]:
    """A fenced block too long for a chunk as fenced blocks of whole lines (a line longer than a
    chunk is cut as words are), each with its fences within `max_chars`."""
    room = max_chars - 2 * (len(fenced("")) - 1)
    runs: list[str] = []
    current: list[str] = []
    for line in block.split("\n")[1:-1]:
        pieces = _word_runs(line, room) if len(line) > room else [line]
        for piece in pieces:
            if current and len("\n".join([*current, piece])) > room:
                runs.append(fenced("\n".join(current)))
                current = []
            current.append(piece)
    if current:
        runs.append(fenced("\n".join(current)))
    return [run for run in runs if run.strip("`\n")]


def _word_runs(sentence: str, max_chars: int) -> list[str]:
    runs: list[str] = []
    current = ""
    for word in sentence.split():
        while len(word) > max_chars:  # no spaces to cut at (a URL, a formula): cut anywhere
            if current:
                runs.append(current)
                current = ""
            runs.append(word[:max_chars])
            word = word[max_chars:]
        if current and len(current) + 1 + len(word) > max_chars:
            runs.append(current)
            current = ""
        current = f"{current} {word}" if current else word
    if current:
        runs.append(current)
    return runs


def _is_lead_in(block: Block, next_block: Block) -> bool:
    if block.kind != "paragraph":
        return False
    if block.text.endswith((":", "?")):
        return True
    # A short one-sentence paragraph before a longer one: a question and its answer, a topic line.
    return (
        next_block.kind == "paragraph"
        and len(block.text) <= _LEAD_IN_MAX_CHARS
        and len(split_sentences(block.text)) == 1
    )


def _join(pieces: Sequence[_Piece]) -> str:
    text = pieces[0].text
    for previous, piece in zip(pieces, pieces[1:]):
        same = piece.block == previous.block and not is_code_block(piece.text)
        text += (" " if same else "\n") + piece.text
    return text


def _to_chunks(document: str, packed: list[tuple[tuple[str, ...], list[_Piece]]]) -> list[Chunk]:
    occurrences: Counter[tuple[tuple[str, ...], str]] = Counter()
    chunks: list[Chunk] = []
    for position, (heading_path, pieces) in enumerate(packed):
        text = _join(pieces)
        occurrence = occurrences[(heading_path, text)]
        occurrences[(heading_path, text)] += 1
        pages = tuple(sorted({piece.page for piece in pieces if piece.page is not None}))
        chunks.append(
            Chunk(
                id=make_chunk_id(document, heading_path, text, occurrence),
                document=document,
                heading_path=heading_path,
                page=pieces[0].page,
                position=position,
                text=text,
                pages=pages,
            )
        )
    return chunks
