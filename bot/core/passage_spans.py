"""Where a sentence text lies in its passage: the passage's tokens that make it up.

A sentence text answering compares with a question (`sentences.comparable_texts`) is quoted from
its passage: a sentence, or a few of its pieces joined (the sentence before it, the heading or the
list's lead-in line with it). Its vector can then be made from the passage's own model pass
instead of a pass of its own (`embedding_onnx.OnnxEmbedder.encode_in_passages`), given which of
the passage's tokens it holds. A text whose pieces are not all in the passage (or lie past the
tokens the model reads of it) has none, and is embedded on its own."""

from __future__ import annotations

# What joins the pieces of a text ("Heading: sentence", a lead-in line and its item, two sentences).
_JOINERS = " :\n-"
_SHORTEST_PIECE = 3  # a shorter piece matches anywhere: the text is then not taken for a span


def char_spans(passage: str, text: str) -> list[tuple[int, int]] | None:
    """The character ranges of `passage` that `text` is made of, in the text's order: each piece
    the longest prefix of what is left of the text found in the passage (searched after the piece
    before, else anywhere). None when a piece is not found."""
    spans: list[tuple[int, int]] = []
    at, after = 0, 0
    while at < len(text):
        while at < len(text) and text[at] in _JOINERS:
            at += 1
        if at >= len(text):
            break
        # A prefix found in the passage has every shorter prefix found too: search its length.
        low, high = 0, len(text) - at
        while low < high:
            middle = (low + high + 1) // 2
            if text[at:at + middle] in passage:
                low = middle
            else:
                high = middle - 1
        if low < _SHORTEST_PIECE:
            return None
        piece = text[at:at + low]
        start = passage.find(piece, after)
        start = start if start >= 0 else passage.find(piece)
        spans.append((start, start + low))
        at, after = at + low, start + low
    return spans or None


def token_rows(offsets: list[tuple[int, int]], spans: list[tuple[int, int]]) -> list[int] | None:
    """The rows of the passage's tokens (`offsets`: each token's character range, [CLS] first and
    [SEP] last) inside `spans`, span by span. None when a span runs past the last token the model
    read (a truncated passage) or holds no token."""
    words = range(1, len(offsets) - 1)  # not [CLS], [SEP]
    if not len(words) or any(end > offsets[-2][1] for _, end in spans):
        return None
    rows = [row for start, end in spans for row in words if offsets[row][0] >= start and offsets[row][1] <= end]
    return rows or None
