"""Small text helpers shared by the loaders, the chunker and the answer layer (regex only).

Sentence splitting matters twice: the chunker cuts long paragraphs at sentence ends, and the answer
layer quotes whole sentences. Both go wrong the same way when "e.g." or "J. Smith" ends a sentence,
so there is one splitter.
"""

from __future__ import annotations

import re

# A sentence may end with ., ! ?, or an ellipsis, then closing quotes or brackets, then whitespace.
_BOUNDARY = re.compile(r"[.!?\u2026]+[\"'\u201d\u2019\u00bb)\]]*\s+")
# Text extracted from PDFs often loses the space after a full stop: "might seem peculiar.But, in
# fact". A stop after two lower-case letters, right before a capitalised word, ends a sentence
# ("e.g.", "U.S." and "Node.js" do not match).
_GLUED = re.compile(r"(?<=[a-z]{2}[.!?])(?=[A-Z][a-z])")
# What may open the next sentence before its first letter or digit.
_OPENERS = "\"'\u201c\u2018\u00ab([*`"  # "`" opens inline code: "`sorted()` returns ..."

# Abbreviations compared as written: titles are capitalised, so a sentence ending "no." splits.
_ABBREVIATIONS_CASED = frozenset(
    {
        "Dr.", "Mr.", "Mrs.", "Ms.", "Prof.", "St.", "Sr.", "Jr.", "Rev.", "Gen.", "Col.",
        "Lt.", "Capt.", "Sgt.", "Gov.", "Sen.", "Rep.", "Pres.", "Mt.", "No.", "Nos.", "Fig.",
        "Figs.", "Vol.", "Vols.", "Ch.", "Sec.", "Art.", "Inc.", "Ltd.", "Bros.", "Dept.",
    }
)
# Abbreviations compared in lower case: they are never a sentence's last word. "v." names the two
# parties of a case ("Mapp v. Ohio", "Nix v. Williams"): split there, the answer quoted "Nix v."
# and a source list's next line in place of the case (ansdev24, session 24).
_ABBREVIATIONS_ANY_CASE = frozenset(
    {"e.g.", "i.e.", "c.", "ca.", "cf.", "vs.", "v.", "viz.", "approx.", "al.", "p.", "pp.", "esp."}
)
# "U.S.", "U.S.S.R.", "a.m.": letters each followed by a dot.
_DOTTED_INITIALS = re.compile(r"^(?:[A-Za-z]\.){2,}$")


def split_sentences(text: str) -> list[str]:
    """Split `text` into sentences, stripped and non-empty, in order.

    Every line break ends a sentence (list items and headers are separate lines). Within a line a
    sentence ends at ., !, ? or an ellipsis followed by whitespace and an upper-case letter, a digit
    or an opening quote, unless the word before the stop is a known abbreviation or an initial; and
    where a stop after a lower-case word runs straight into a capitalised word (PDF text).
    """
    sentences: list[str] = []
    for line in text.splitlines():
        for piece in _unglued(line):
            sentences.extend(_split_line(piece))
    return sentences


def _unglued(line: str) -> list[str]:
    """`line` cut where a stop runs into a capitalised word, but not inside quotes or brackets that
    close later on the line: a quoted name ("the "Curr.Speed" column") is one word."""
    pieces: list[str] = []
    start = 0
    for match in _GLUED.finditer(line):
        if not _enclosed(line, start, match.start(), quoted=True):
            pieces.append(line[start : match.start()])
            start = match.start()
    pieces.append(line[start:])
    return pieces


# The bracket closes within a few words and no other stop: "(H.J. Res. 192)", "(d. 1560)". A
# parenthesis of sentences ("(Interesting note: X was not named after Mr. Tyme. Another employee
# suggested the name.)") is still split into them.
_CLOSES_SOON = re.compile(r"^[.!?\u2026]+\s*[^\s().!?\u2026]+(?:\s+[^\s().!?\u2026]+){0,2}\)")

# A quoted name ends within a few words of the glued stop: the "Curr.Speed" column.
_QUOTE_CLOSES_SOON = re.compile(r"^[^\s\"\u201c\u201d.!?\u2026]+(?:\s+[^\s\"\u201c\u201d.!?\u2026]+){0,2}[\"\u201d]")


def _enclosed(line: str, start: int, index: int, quoted: bool = False) -> bool:
    """Whether `index` lies inside a parenthesis opened after `start` and closed a few words later
    ("(H.J. Res. 192)" holds no sentence end); with `quoted`, inside a double quote too ("the
    "Curr.Speed" column": a stop without a space there is part of a quoted name)."""
    before, after = line[start:index], line[index:]
    if before.count("(") > before.count(")") and _CLOSES_SOON.match(after):
        return True
    if not quoted:
        return False
    if before.count("\u201c") > before.count("\u201d") and _QUOTE_CLOSES_SOON.match(after):
        return True
    return before.count('"') % 2 == 1 and _QUOTE_CLOSES_SOON.match(after) is not None


def _split_line(line: str) -> list[str]:
    pieces: list[str] = []
    start = 0
    for match in _BOUNDARY.finditer(line):
        if _is_sentence_end(line, match) and not _enclosed(line, start, match.start()):
            pieces.append(line[start : match.end()].strip())
            start = match.end()
    pieces.append(line[start:].strip())
    return [piece for piece in pieces if piece]


def _is_sentence_end(line: str, match: re.Match[str]) -> bool:
    if not _starts_sentence(line[match.end() :]):
        return False
    stop = match.group().rstrip()
    if stop.rstrip("\"'\u201d\u2019\u00bb)]") != ".":
        return True  # "!", "?", "..." are never abbreviations
    return not _is_abbreviation(_word_before(line, match.start()))


def _starts_sentence(rest: str) -> bool:
    if rest.startswith("`"):
        return True  # inline code opens it, whatever its case: "`sorted()` returns a new list."
    for char in rest:
        if char in _OPENERS:
            continue
        return char.isupper() or char.isdigit()
    return False


def _word_before(line: str, stop_index: int) -> str:
    """The word that ends with the full stop at `stop_index`, without leading brackets or quotes."""
    head = line[: stop_index + 1]
    word = head.rsplit(None, 1)[-1] if head.strip() else ""
    return word.lstrip("\"'\u201c\u2018([")


def _is_abbreviation(word: str) -> bool:
    if word in _ABBREVIATIONS_CASED or word.lower() in _ABBREVIATIONS_ANY_CASE:
        return True
    if len(word) == 2 and word[0].isupper():
        return True  # a single initial: "J. Smith"
    return bool(_DOTTED_INITIALS.match(word))


def is_terminated(text: str) -> bool:
    """Whether `text` ends like a finished sentence (closing quotes and brackets ignored)."""
    core = text.rstrip().rstrip("\"'\u201d\u2019\u00bb)]")
    return bool(core) and core[-1] in ".!?\u2026"


_NOTE_MARKS = re.compile(r"(?<=[.!?])(?:\[[^\[\]]{1,40}\])+$")  # "France.[citation needed]", "in 1905.[12][b]"


def without_note_marks(text: str) -> str:
    """A sentence without the reference marks after its stop: it ends where the stop is."""
    return _NOTE_MARKS.sub("", text.rstrip())


def ends_with_abbreviation(text: str) -> bool:
    """Whether the full stop `text` ends with belongs to an abbreviation or an initial ("the St.",
    "J.", "U.S."): a line wrapped there goes on with the same sentence."""
    text = text.rstrip()
    return text.endswith(".") and _is_abbreviation(_word_before(text, len(text) - 1))


def normalize_space(text: str) -> str:
    """Collapse runs of whitespace (including non-breaking spaces) to single spaces."""
    return " ".join(text.split())


# Code in the notes (a Markdown fenced or indented block) reaches a chunk's text as a fenced block:
# a line of CODE_FENCE, its lines as written, a line of CODE_FENCE. It is one unit of the text: no
# sentence is split out of it or runs into it, and an answer shows it as code.
CODE_FENCE = "```"


def fenced(code: str) -> str:
    """`code` (its lines as written) as a fenced block."""
    return f"{CODE_FENCE}\n{code.strip(chr(10))}\n{CODE_FENCE}"


def is_code_block(text: str) -> bool:
    """Whether `text` is a whole fenced block, as `fenced` makes it."""
    return text.startswith(CODE_FENCE + "\n") and text.endswith("\n" + CODE_FENCE)


def code_blocks_split(text: str) -> list[tuple[str, bool]]:
    """`text` cut into runs of lines outside code and fenced blocks, in order, each with whether it
    is code. A fence that never closes runs to the end of the text (a chunk cut inside one)."""
    lines = text.split("\n")
    runs: list[tuple[str, bool]] = []
    prose: list[str] = []
    index = 0
    while index < len(lines):
        if lines[index].strip() != CODE_FENCE:
            prose.append(lines[index])
            index += 1
            continue
        end = next((j for j in range(index + 1, len(lines)) if lines[j].strip() == CODE_FENCE), len(lines))
        if prose:
            runs.append(("\n".join(prose), False))
            prose = []
        runs.append((fenced("\n".join(lines[index + 1:end])), True))
        index = end + 1
    if prose:
        runs.append(("\n".join(prose), False))
    return runs


def join_shown(parts: list[str] | tuple[str, ...]) -> str:
    """Quoted parts as one text: sentences run on with a space, a code block stands on lines of its own."""
    text = ""
    for part in parts:
        if not text:
            text = part
        elif part.startswith(CODE_FENCE + "\n") or text.endswith(CODE_FENCE):
            text += "\n" + part
        else:
            text += " " + part
    return text


# Inline code in the notes (a Markdown code span) keeps its backticks in a chunk's text, so that an
# answer shows it as code: "use the `key` parameter".
CODE_SPAN = re.compile(r"`([^`\n]+)`")


def without_code_marks(text: str) -> str:
    """`text` without the backticks of inline code, outside fenced blocks (whose lines are kept as
    written): the words as the notes' loader gave them before it kept the marks, for readers of
    the words rather than the layout (the quiz generator, answer-word matching)."""
    if "`" not in text:
        return text
    return map_prose_lines(text, lambda line: CODE_SPAN.sub(r"\1", line))


def map_prose_lines(text: str, change) -> str:
    """`text` with `change` applied to each line outside fenced code blocks (those are kept as written)."""
    lines = text.split("\n")
    inside = False
    for i, line in enumerate(lines):
        if line.strip() == CODE_FENCE:
            inside = not inside
        elif not inside:
            lines[i] = change(line)
    return "\n".join(lines)


# What a word of the notes that is code looks like ("enumerate(iter, start=0) counts ...",
# "itertools.cycle(iter) saves ..."): a paragraph opening with it starts a sentence of its own.
_CODE_WORD = re.compile(r"^[a-z_][\w]*[(.\[_=]")
_FIRST_WORD = re.compile(r"^([a-z]+)\b")


def goes_on_after_code(sentence: str, code: str) -> bool:
    """Whether the sentence after a code block goes on with the sentence the code interrupted:
    it opens with a lower-case word that is not a name the code uses ("the code in the module
    will be executed ...", "which would print:", "will display:"; not "group returns the
    substring ..." after code calling m.group(), nor "enumerate(iter) counts ...")."""
    found = _FIRST_WORD.match(sentence)
    if not found or _CODE_WORD.match(sentence):
        return False
    return found.group(1) not in set(re.findall(r"[A-Za-z_]\w*", code))


# "When run, this outputs:", "If you run myapp.py, you should see this in myapp.log:": the line
# showing what the code before it prints, which belongs with that code.
_OUTPUT_LEAD = re.compile(r"\b(outputs?|prints?|printed|displays?|produces?|results? in|gives|"
                          r"you(?:'ll| will| should)? see)\b", re.I)


def shows_output(sentence: str) -> bool:
    """Whether the sentence (right after code) shows what that code prints: it ends with ":" and
    says "outputs", "prints", "you'll see" ..."""
    return sentence.endswith(":") and bool(_OUTPUT_LEAD.search(sentence))
