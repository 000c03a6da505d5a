"""Code in text without markup (plain-text notes, PDF page text): which runs of lines are code.

A Markdown note marks its code with fences; a plain-text or PDF handout does not, and a PDF loses
the indentation too. What is left is the lines themselves: an interpreter's prompt (`>>> `, `$ `),
a statement's shape (`def f(x):`, `for x in items:`, `total = 0`, `print(total)`, `import os`),
or a shell command (`apt-get source foo`, `dpkg -i ../*.deb`). Each shape is checked against the
words of prose, so that "for each of the items in the list:" or "return the value." stays prose:
a line of code holds almost none of "the", "you", "this", "which" outside its strings and
comments. A run of such lines is one code block, with the lines indented under them and the
output after a prompt. A run of shell commands alone, which looks most like a line of prose, is
code only where it stands apart: between blank lines, or short after a lead-in (a line ending
with ":" or not finished: "... by running").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

from bot.core.loaders.headings import is_heading_shaped
from bot.core.text import without_note_marks

# "$ 5 million" is money, not a prompt: a command's name is a lower-case word.
_PROMPT = re.compile(r"^>>>(?:\s|$)|^(?:\(\S+\) )?\$ [a-z]|^[A-Z]:\\\S*>\s*\S")
_SHEBANG = re.compile(r"^#!\s*/\S")  # "#!/usr/bin/env python": a script's first line
_SESSION_GOES_ON = re.compile(r"^\.\.\.(?:\s|$)")  # "... " continues a statement after ">>> "
_STRING = re.compile(r"\"[^\"]*\"|(?<!\w)'[^']*'")  # not from "It's" to "you're"
_COMMENT = re.compile(r"(?:^|\s)(?:#|//).*$")
_WORD = re.compile(r"[A-Za-z_]\w*(?:'[a-z]+)?")
# Words of prose that a statement of code seldom uses outside its strings (Python's keywords and
# names such as `a`, `all`, `any` are left out: `if x is not None:` is code).
_PROSE = frozenset(
    "the an of to this that these those are was were be been its you your we our they their which "
    "who can will would should may might must has have had by but also there when what how than "
    "such each into about some more most very here does using then".split()
)
# A shell command is read in a line of prose's shape, so every English word counts against it
# (a whole word: "--no-cache" and "./in" are its options and paths).
_ENGLISH = _PROSE | frozenset("a and or in is for with as if not from no only one it on at all any "
                              "so do use used i".split())
_STATEMENTS = [
    re.compile(p) for p in (
        r"^(?:async\s+)?def\s+\w+\s*\(.*\)\s*(?:->\s*[^:]+)?:$",
        r"^class\s+\w+\s*(?:\(.*\))?\s*:$",
        r"^(?:if|elif|while)\s.*(?:[=<>!()\[\].]|\b(?:not|is|in|and|or|None|True|False)\b).*:$",
        r"^(?:async\s+)?for\s+.+\s+in\s+.+:$",
        r"^(?:async\s+)?with\s+(?:.*(?:\(|\sas\s).*|[\w.]+):$",
        r"^except\s+[\w.(].*:$",
        r"^(?:else|try|finally|except)\s*:$",
        r"^import\s+[\w.]+(?:\s+as\s+\w+)?(?:\s*,\s*[\w.]+(?:\s+as\s+\w+)?)*;?$",
        r"^from\s+[\w.]+\s+import\s+(?:\*|\(?[\w\s,]+\)?)$",
        r"^(?:return|yield|raise|del|assert|global|nonlocal|await)(?:\s+\S.*)?$",
        r"^(?:pass|break|continue)$",
        r"^@[\w.]+(?:\(.*\))?$",
        # an assignment, augmented or annotated: "total = 0", "counts[word] += 1", "x: int = 3"
        r"^[A-Za-z_][\w.]*(?:\[[^\]]*\])?(?:\s*,\s*[A-Za-z_][\w.]*)*(?:\s*:\s*[\w\[\], .]+)?\s*"
        r"(?:[-+*/%&|^@]|//|\*\*|>>|<<)?=(?!=)\s*\S",
        r'^(?:await\s+)?(?:""\.)?[A-Za-z_][\w.]*(?:\[[^\]]*\])?\(.*\)(?:\.[\w.]+\(.*\))*\s*;?$',  # a call
        r"^[^\s].*[(=].*[;{]$",  # C, Java, JavaScript: "int n = 0;", "while (n < 10) {"
        r"^[}\])]+[;,]?$",
    )
]
# "v = u + at", "x = 1.2": a formula's shape too, so code only among other code.
_EQUATION = re.compile(r"^[A-Za-z]\s*=[^(\[{'\"]*$")
# Only a compound statement's first line ends with ":" ("name=Guy Steele, Jr.:" leads into code).
_COMPOUND = re.compile(r"^(?:async\s+)?(?:def|class|if|elif|else|while|for|with|try|except|finally)\b")
_BULLET = re.compile(r"^[-*\u2022]\s")  # "* oldstable = buster; stable = bullseye;": a list's item
_LIST_MARK = re.compile(r"^(?:[-*\u2022]|\(?\d{1,3}[.)])\s")
_CLOSING = re.compile(r"^[}\])]+[;,]?$")
# a command and its arguments, or a script's path alone ("tutorial-env\Scripts\activate.bat")
_COMMAND = re.compile(r"^(?:sudo\s+)?[a-z][\w.+-]*(?:\s+\S+)+$|^(?:\.{1,2}/|[a-z][\w.+-]*\\)[\w.\\/+-]+$")
_COMMAND_MARK = re.compile(r"(?:^|\s)--?\w|[/*<>|~=_'\"]|\.\.|\w\.\w|^(?:sudo\s+)?[a-z]*(?:\d|-\w)")
_MAX_COMMAND_WORDS = 12
# "last being 1.3.1R6.", "remove existing members. (See §6.2.)", "non-exclusive license:": the
# end of a sentence or a lead-in, which a command does not hold ("cd .." does not end with a word).
_ENDS_SENTENCE = re.compile(r"\w[.:][)\]\"']*$|\w\.\s+[(\"']*[A-Z]")
_CONTINUES = re.compile(r"[,(\[{\\]$|^[#@]|^\"\"\"|^'''|^//")  # a line that only belongs to code around it
_LONG_SHARE = 0.6  # a line of a wrapped paragraph runs to more than this share of the wrapping width

PROMPT, STATEMENT, COMMAND, PART, PROSE = "prompt", "statement", "command", "part", "prose"


class CodeLine(Protocol):
    text: str  # the line, its spaces collapsed
    raw: str  # the line as written, its tabs expanded
    indent: int
    blank_before: bool
    page: int | None


def line_kind(raw: str) -> str:
    """What a line (as written) looks like: an interpreter's PROMPT, a STATEMENT of code, a shell
    COMMAND, a PART of code around it (a comment, an open bracket, a decorator), or PROSE."""
    line = raw.strip()
    if _PROMPT.match(line):
        return PROMPT
    if _SHEBANG.match(line):
        return STATEMENT
    if _SESSION_GOES_ON.match(line):
        return PART
    # "then-novel steam turbine.[citation needed]": a sentence's end behind its reference mark
    bare = without_note_marks(_COMMENT.sub("", _STRING.sub('""', line)).strip())
    if not bare:
        return PART if line.startswith(("#", "//")) else PROSE
    if bare.endswith(".") and not bare.endswith("..") and not bare[-2:-1].isdigit():
        return PROSE  # a finished sentence: "implemented (see object.__lt__).", "realm="REALM"."
    words = [w.lower() for w in _WORD.findall(bare)]
    if (any(p.match(bare) for p in _STATEMENTS) and not any(w in _PROSE for w in words) and not _BULLET.match(line)
            and (not bare.endswith(":") or _COMPOUND.match(bare))):
        return PART if _EQUATION.match(bare) or _CLOSING.match(bare) else STATEMENT
    if (_COMMAND.match(line) and len(line.split()) <= _MAX_COMMAND_WORDS and _COMMAND_MARK.search(line)
            and not any(w.lower() in _ENGLISH for w in line.split()) and not _ENDS_SENTENCE.search(line)):
        return COMMAND
    if _CONTINUES.search(line) and not any(w in _PROSE for w in words):
        return PART
    return PROSE


def code_runs(lines: Sequence[CodeLine], wrap_width: int | None) -> list[tuple[int, int]]:
    """(start, end) of each run of `lines` that is code, end exclusive, in order."""
    kinds = [line_kind(line.raw or line.text) for line in lines]
    runs: list[tuple[int, int]] = []
    index = 0
    while index < len(lines):
        if not _opens_code(lines[index], kinds[index]) or _hangs_under(lines, index):
            index += 1
            continue
        end = _run_end(lines, kinds, index)
        found = {kinds[i] for i in range(index, end)}
        if found & {PROMPT, STATEMENT} or (COMMAND in found and _stands_apart(lines, index, end, wrap_width)):
            if runs and _only_blank_between(lines, runs[-1], index):
                runs[-1] = (runs[-1][0], end)  # code with a blank line inside it: one block
            else:
                runs.append((index, end))
        index = end
    return runs


def _opens_code(line: CodeLine, kind: str) -> bool:
    """Code may open with a comment, not with another part ("For example," ends as an open call does)."""
    return kind in (PROMPT, STATEMENT, COMMAND) or kind == PART and line.text.startswith(("#", "//", "@"))


def _hangs_under(lines: Sequence[CodeLine], index: int) -> bool:
    """Whether a line is the hanging rest of a list item above it, indented under its text
    ("* oldstable = buster; stable = bullseye;" then "  unstable = sid"), not code of its own."""
    if index == 0 or lines[index].blank_before:
        return False
    above = lines[index - 1]
    under = lines[index].indent > above.indent or lines[index].page is not None  # (a PDF keeps no indent)
    return under and bool(_LIST_MARK.match(above.text)) and not above.text.endswith(":")


def _run_end(lines: Sequence[CodeLine], kinds: list[str], start: int) -> int:
    """Where the run of code opening at `start` ends: code goes on over lines of code, lines
    indented under its first line, and what a prompt's command prints (up to a blank line or a
    sentence of prose)."""
    base, page = lines[start].indent, lines[start].page
    after_prompt = kinds[start] == PROMPT
    depth = _open_brackets(lines[start].raw or lines[start].text)
    end = start + 1
    while end < len(lines):
        line, kind = lines[end], kinds[end]
        if line.blank_before or line.page != page:
            break
        if depth > 0 and not _reads_as_prose(line.text):
            pass  # the rest of a call or a list the line before opened
        elif kind == PROMPT:
            after_prompt = True
        elif kind in (STATEMENT, COMMAND, PART) or line.indent > base:
            pass
        elif (not after_prompt or _reads_as_prose(line.text) and not (line.page is None and 0 < base <= line.indent)
              or line.page is not None and _heads_prose(lines, kinds, end)):
            break  # (output indented as the prompt is, under notes that are not, is output whatever it says)
        depth = max(0, depth + _open_brackets(line.raw or line.text))
        end += 1
    return end


def _heads_prose(lines: Sequence[CodeLine], kinds: list[str], index: int) -> bool:
    """A heading of a PDF after code's output: heading-shaped, and prose follows it ("Collecting
    novas" after "$ pip install novas" is followed by more output)."""
    following = index + 1 < len(lines) and kinds[index + 1] == PROSE and _reads_as_prose(lines[index + 1].text)
    return following and is_heading_shaped(lines[index].text)


def _open_brackets(line: str) -> int:
    """How many more brackets the line opens than it closes, outside its strings and comments."""
    bare = _COMMENT.sub("", _STRING.sub('""', line))
    return sum(bare.count(c) for c in "([{") - sum(bare.count(c) for c in ")]}")


def _reads_as_prose(text: str) -> bool:
    """A sentence of the notes after an interpreter's output: some words, two of them prose."""
    words = [w.lower() for w in _WORD.findall(_STRING.sub("", text))]  # not 'cat in the hat'
    return len(words) >= 4 and sum(w in _ENGLISH for w in words) >= 2


def _stands_apart(lines: Sequence[CodeLine], start: int, end: int, wrap_width: int | None) -> bool:
    """Whether a run of shell commands stands apart from the prose around it: a blank line on each
    side, or (text without blank lines, a PDF page) short lines after a lead-in."""
    after = end >= len(lines) or lines[end].blank_before or lines[end].page != lines[end - 1].page
    if (start == 0 or lines[start].blank_before) and after:
        return True
    if start == 0 or lines[start - 1].page != lines[start].page:
        return False
    lead_in = lines[start - 1].text
    short = wrap_width is None or all(len(lines[i].text) < _LONG_SHARE * wrap_width for i in range(start, end))
    return short and (lead_in.endswith(":") or not lead_in.rstrip().endswith((".", "!", "?", ")")))


def _only_blank_between(lines: Sequence[CodeLine], run: tuple[int, int], start: int) -> bool:
    return run[1] == start and lines[start].indent >= lines[run[0]].indent


def code_text(lines: Sequence[CodeLine]) -> str:
    """The lines of a run as written, without the indentation they share, a blank line kept."""
    shared = min(line.indent for line in lines)
    out: list[str] = []
    for line in lines:
        if line.blank_before and out:
            out.append("")
        raw = line.raw if " ".join(line.raw.split()) == line.text else line.text  # a PDF word made whole
        # A PDF page keeps no indentation: the reader (PDFium) puts one space where the text moved right, no more.
        pdf = line.page is not None
        out.append(raw[shared:].rstrip() if raw[:shared].strip() == "" and not pdf else raw.strip())
    return "\n".join(out)
