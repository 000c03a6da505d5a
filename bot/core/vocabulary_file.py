"""The notes' vocabulary (`spelling.NotesVocabulary`: their words, names and short forms, for
misspelt questions), stored with each build.

Making it reads every chunk's text with regular expressions: about 1.3 CPU seconds at 5,000
chunks on this project's 2-core machine, which a course paid on every load of its index, while
its first questions were being answered (bench/RESULTS.md 10c: a cold 5,000-chunk course answered
its first question in 1,052 ms p50 with it, 172 ms without). It depends only on the chunks, so the
build makes it once and writes it beside them (`vocabulary.json`, swapped in with the build); a
load reads it in milliseconds.

A build made before this has no such file, and a file made by other code (the making or the
folding of words changed since) would not be the vocabulary this code makes: both are made from
the chunks as before, once, and written into the build folder for the next load (best effort: a
folder that cannot be written to is only read). Nothing is re-embedded."""

from __future__ import annotations

import hashlib
import json
import logging
import os
import uuid
from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path

from bot.core import spelling, tokens
from bot.core.spelling import NotesVocabulary

log = logging.getLogger(__name__)

VOCABULARY_FILE = "vocabulary.json"


@lru_cache(maxsize=1)
def code_version() -> str:
    """What a stored vocabulary must have been made by: a digest of the code that makes it (the
    vocabulary's own module, and the folding of words it uses). Any change there, even one that
    would not change the result, only costs each build one remaking; a stored vocabulary that
    silently differed from a fresh one would change answers."""
    digest = hashlib.sha256()
    try:
        for module in (spelling, tokens):
            digest.update(Path(module.__file__).read_bytes())
    except (OSError, TypeError):  # no source to read: no stored vocabulary can be trusted
        return "unknown-" + uuid.uuid4().hex
    return digest.hexdigest()[:16]


def make_vocabulary(texts: Iterable[str]) -> NotesVocabulary:
    return NotesVocabulary(texts)


def write_vocabulary(folder: Path, vocabulary: NotesVocabulary) -> None:
    """Write `vocabulary` into a build folder, replacing any older file in one step (a build
    being served may be given its vocabulary after the fact)."""
    data = {"code": code_version(), "counts": dict(vocabulary.counts),
            "names": sorted(vocabulary.names), "initialisms": sorted(vocabulary.initialisms)}
    partial = folder / f".{VOCABULARY_FILE}.{uuid.uuid4().hex[:8]}.partial"
    try:
        partial.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        os.replace(partial, folder / VOCABULARY_FILE)
    finally:
        partial.unlink(missing_ok=True)


def read_vocabulary(folder: Path) -> NotesVocabulary | None:
    """The build's stored vocabulary; None when it has none, or one this code would not make
    (made before it existed, by other code, or unreadable: it is only ever made again)."""
    path = folder / VOCABULARY_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        log.warning("The notes' vocabulary in %s is unreadable (%s); making it again", folder, exc)
        return None
    if not isinstance(data, dict) or data.get("code") != code_version():
        return None
    counts, names, short_forms = data.get("counts"), data.get("names"), data.get("initialisms")
    if not (isinstance(counts, dict) and all(isinstance(n, int) for n in counts.values())
            and all(isinstance(words, list) and all(isinstance(w, str) for w in words)
                    for words in (names, short_forms))):
        log.warning("The notes' vocabulary in %s is damaged; making it again", folder)
        return None
    return NotesVocabulary.stored(counts, names, short_forms)


def vocabulary_of_build(folder: Path | None, texts: Callable[[], Iterable[str]]) -> NotesVocabulary:
    """The vocabulary of the build in `folder` (None: not on disk) whose chunks' texts are
    `texts()`: the stored one, or made from the texts and stored for the next load."""
    stored = read_vocabulary(folder) if folder is not None else None
    if stored is not None:
        return stored
    vocabulary = make_vocabulary(texts())
    if folder is not None:
        try:
            write_vocabulary(folder, vocabulary)
        except OSError as exc:  # a read-only index, or a build pruned meanwhile: only slower loads
            log.info("The notes' vocabulary could not be stored in %s (%s)", folder, exc)
    return vocabulary
