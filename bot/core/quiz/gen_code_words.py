"""Which names the notes call are also plain words of their prose.

The generator posts no stem or option holding a name the notes write as a call somewhere ("repr(x)",
"ExceptionGroup(...)"): in prose it is still code a student cannot read as a sentence (issue 8). But
technical notes call many ordinary English words: "list(d)", "d.items()", "m.start()", "set(...)". Read
as code, "list", "items" or "start" refuse every item of a note about lists or matches: "Which list
method adds an item to the end of the list?" and "Which of these matches only at the start of the
string?" were never posted (RESULTS 8.40, 8.47). A called name the notes' own prose also uses as a
lower-case word after a determiner ("the start of the string", "a list"), not called, not dotted, not in a
code span, not before a kind's noun ("the findall method"), in MIN_PROSE_USES lines or more, is that prose's
word as well: a stem using it reads as a sentence. Names the prose writes bare as names ("findall returns",
"use repr") have no determiner and stay code.

Which names the notes write as calls at all is read here too (`called_names`).
"""

from __future__ import annotations

import re
from collections import Counter

from bot.core.quiz.gen_text import is_code_line

MIN_PROSE_USES = 2  # "the start of the string" twice; a name met once after "the" may be a slip of markup
_FENCE = "```"
_SPAN = re.compile(r"`[^`]*`")
# A bare lower-case word after a determiner, as an English noun is written ("the start of", "a list"): not the
# owner or member of a dotted name ("m.start"), not called ("start("), not a name before its kind's noun ("the
# findall method"). A name the prose writes bare as the name ("findall returns a list", "use repr") is not
# counted: it has no determiner.
_KINDS = (r"(?:method|function|module|class|statement|keyword|operator|attribute|argument|parameter|type|object|"
          r"command|tool|program|package|library|field|option)s?")
# An ordinal between them is still the noun's phrase ("the first interface", "the next argument").
_BARE = re.compile(r"\b(?:[Aa]n?|[Tt]he|[Ee]ach|[Ee]very|this|that|its|their|your|one)\s+"
                   r"(?:(?:first|second|third|last|next|other|same)\s+)?([a-z]{3,})"
                   r"(?!\w|\(|\.\w|\s+(?:built-in\s+)?" + _KINDS + r"\b)")


def prose_words(texts: list[str], called: set[str]) -> set[str]:
    """The names of `called` that the prose of `texts` (raw, code spans still marked) uses bare in
    MIN_PROSE_USES paragraphs or more (a paragraph: a run of prose lines, so a phrase wrapped over two
    lines is read whole)."""
    using: Counter = Counter()
    for paragraph in _prose_paragraphs(texts):
        using.update({m.group(1) for m in _BARE.finditer(_SPAN.sub(" ", paragraph))} & called)
    return {word for word, n in using.items() if n >= MIN_PROSE_USES}


def _prose_paragraphs(texts: list[str]) -> list[str]:
    """Runs of prose lines, outside code fences and code lines, each joined into one string."""
    paragraphs: list[str] = []
    for text in texts:
        inside, run = False, []
        for line in [*text.splitlines(), ""]:
            fence = line.strip().startswith(_FENCE)
            inside = inside != fence
            if fence or inside or not line.strip() or is_code_line(line):
                if run:
                    paragraphs.append(" ".join(run))
                run = []
                continue
            run.append(line.strip())
    return paragraphs


# A name written as a call in the notes: "ExceptionGroup(", "repr(x)" (not "employee(s)", "Smith(1970)",
# "Duvenhage(Du Vinage)": a plural mark, a citation, a gloss in words).
_CALLED = re.compile(r"\b([A-Za-z_]\w+)\((?!s\))(?![12]\d{3}\b)(?![A-Za-z]+(?: [A-Za-z]+)+\))")


# A manual page named with its section: "sources.list(5)", "dpkg-deb(1)", "deb(5)", "dpkg (8)". Its name
# is a file or a command, not a call, and the piece after a dot or hyphen ("list" of sources.list) is a
# word of the prose: the packages FAQ's "Conffiles is a list of ..." was taken for code (session 14).
_MAN_PAGE = re.compile(r"[\w.+-]*[.-]\w+\(\d[a-z]?\)")


def called_names(text: str) -> set[str]:
    """The names `text` writes as calls ("repr(x)", "TaskGroup()"), not the pieces of a manual page's
    dotted or hyphenated name given with its section ("sources.list(5)", "dpkg-deb(1)")."""
    return set(_CALLED.findall(_MAN_PAGE.sub(" ", text)))
