"""The notes' text as the templates read it: without the marks of inline code, each sentence that opens
with a code span in lower case set on a line of its own first, so the sentence splitter still sees it
start once the backticks are gone.
"""

from __future__ import annotations

import dataclasses
import re

from bot.core.documents import Chunk
from bot.core.text import map_prose_lines, split_sentences, without_code_marks


def _words_only(chunks: list[Chunk]) -> list[Chunk]:
    return [c if "`" not in c.text else dataclasses.replace(c, text=without_code_marks(_code_openers_apart(c.text)))
            for c in chunks]


def _code_openers_apart(text: str) -> str:
    """`text` with a line break before each sentence that opens with a code span in lower case
    ("SSH offers two file transfer services. `scp` is a command line tool ..."): the splitter sees a
    sentence start at the backtick, which is gone once the marks are left out, and a lower-case word
    after a stop starts no sentence. The shared splitter is left as it is (the answer layer's)."""
    if "`" not in text:
        return text
    return map_prose_lines(text, _opener_lines_apart)


def _opener_lines_apart(line: str) -> str:
    if "`" not in line:
        return line
    pieces = split_sentences(line)
    cut, at = [], 0
    for n, piece in enumerate(pieces):
        start = line.find(piece, at)
        if start < 0:
            break
        if n and _LOWER_CODE_OPENER.match(piece):
            cut.append(start)
        at = start + len(piece)
    for start in reversed(cut):
        line = line[:start].rstrip() + "\n" + line[start:]
    return line


# A sentence that opens with inline code in lower case: "`sftp` is an interactive command".
_LOWER_CODE_OPENER = re.compile(r"`[a-z]")
