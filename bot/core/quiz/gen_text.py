"""Sentences of a chunk that may become questions, and the hard filters that keep bad ones out.

A question is only as good as the sentence it quotes. Measured failures of a naive generator came
from sentences about the note itself ("This section explores..."), from exam prompts ("Explain
how..."), from list headers ("...resulting in:") and from pronoun-led sentences ("He was...") whose
subject the student cannot see. Those are filtered here, before any template runs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.core.documents import Chunk
from bot.core.tokens import STOPWORDS, fold
from bot.core.text import code_blocks_split, split_sentences

LIST_MARK = "- "
MIN_WORDS, MAX_WORDS = 8, 35
# A sentence up to this long is still read for questions a card answers in the notes' words ("What is
# X?", "Why ...?"): the question is made of one part of it, the long part is the answer, so the length
# a blank in a stem cannot bear does not matter there (sentences over 35 words were a third of some
# encyclopedia notes and gave no item at all).
MAX_CARD_WORDS = 60

# Sections of practice questions and model answers repeat the notes as prompts, not as facts.
_PRACTICE_HEADING = re.compile(
    r"\b(practice|exam|review|revision|sample|essay|discussion)\s+questions?\b|\bexercises?\b|\bquiz",
)
_SELF_REFERENCE = re.compile(
    r"\b(this|these|the following|in this|the present)\s+(section|chapter|note|notes|unit|lesson|"
    r"module|page|document|course|topic|guide)\b"
    # The notes' own order of exposition ("Vector algebra is the first topic to be discussed"): a
    # fact about the notes, not the subject; asked as "What is vector algebra?" it defines nothing.
    r"|\b(topic|subject|section|chapter|lesson)s?\s+(to be|we will|we shall|that will be|which will be)\s+"
    r"(discuss|cover|consider|treat|examin|introduc|present|describ|stud)[a-z]*\b",
)
# Imperatives that open an instruction or a practice prompt (questions end with "?" and are
# dropped anyway; "When the communes were introduced, ..." is a statement).
_INSTRUCTION_WORDS = frozenset(
    """explain describe discuss analyse analyze evaluate assess compare contrast outline identify
    list define summarise summarize consider examine justify illustrate write answer read note
    remember think complete use try imagine suppose""".split()
)
# A pronoun first, or a pronoun subject after an opening phrase ("By 1953, this evolved...").
# "Those Huguenots who stayed in France ...", "those who ...": "those" before a relative clause with no
# comma says which ones by the clause; it points at nothing before (English grammar: a restrictive
# clause). "these ... who" and "those ..., who" still may.
_THOSE_WHO = r"those\s+(?:[A-Za-z-]+\s+){0,2}?who\b"
_PRONOUN_LEAD = re.compile(
    rf"^(?:(?!{_THOSE_WHO})(he|she|it|they|this|these|those|that|his|her|its|their|such|there|him|them|both|each|"
    r"another|the latter|the former)\b|[^,]{1,40},\s+(he|she|it|they|this|these|those)\s+[a-z]+)",
    re.IGNORECASE,
)
_PERSONAL = re.compile(r"^(?:[^,]{1,40},\s+)?(he|she|his|her|him)\b", re.IGNORECASE)
# Finite verbs a list item needs to stand alone ("Peng was denounced..."); a bare noun phrase
# ("Development of transport networks.") only makes sense after its lead-in.
_FINITE = frozenset(
    """is are was were has have had did does do will would could can became become began grew fell
    rose led took gave made built saw won lost held kept left sent set sought brought fought thought
    stood went came ran met paid spent struck wrote chose drove knew spoke remained""".split()
)
_RELATIVE_CLAUSE = re.compile(r",\s*(which|who|whom|whose|that|where)\b[^,;]*", re.IGNORECASE)


@dataclass(frozen=True)
class Sentence:
    """A sentence of a chunk as it could be quoted, with what a student needs to read it."""

    text: str  # as shown to a student: the quote with artefacts removed and a loose opener dropped
    chunk: Chunk
    position: int  # order within the chunk
    is_list_item: bool
    context: str = ""  # the previous sentence or list lead-in, shown before the question
    quote: str = ""  # exactly as in the chunk, without the list mark (default: `text`)
    long: bool = False  # over MAX_WORDS: only cards answered in the notes' words are made of it
    notes_text: str = ""  # `text` as the notes write it, when the stem writes a short name in full (generator._in_full)

    def __post_init__(self) -> None:
        if not self.quote:
            object.__setattr__(self, "quote", self.text)

    @property
    def standalone(self) -> bool:
        return not self.context


# A section of the notes' own definitions ("2. Key definitions", "Key terms", "Glossary"), by the heading's last words.
KEY_TERMS_HEADING = re.compile(r"\b(?:definitions|key terms|glossary|terminology)\s*$", re.IGNORECASE)


def is_practice_section(heading_path: tuple[str, ...]) -> bool:
    return any(_PRACTICE_HEADING.search(fold(part)) for part in heading_path)


# A section the notes head as a worked example ("Worked Example 3: Shirtland and Chipland"): its sentences
# are the steps of one made-up case (its countries, its numbers), not what the course teaches of the case's
# kind ("Why does Chipland's curve have a slope of minus 1?": set 17, borderline, "a detail of one worked example").
_WORKED_EXAMPLE_HEADING = re.compile(r"\bworked\s+examples?\b")


def is_worked_example(heading_path: tuple[str, ...]) -> bool:
    return any(_WORKED_EXAMPLE_HEADING.search(fold(part)) for part in heading_path)


def word_count(text: str) -> int:
    return len(text.split())


def content_words(text: str, ignore: frozenset[str] = frozenset()) -> set[str]:
    """The content words wrong options are checked against (what the notes say of another actor, body
    or party): stopwords and words of two letters left out, each cut to its first five letters once a
    plural's "s" is cut, so "proposed" and "propose", "roads" and "road tolls" count as one word.
    `ignore`: words every sentence of the document shares (its title's), which tell nothing apart."""
    return {_stem(w) for w in re.findall(r"[a-z][a-z'-]+", fold(text)) if w not in STOPWORDS and len(w) > 2} \
        - {_stem(w) for w in ignore}


def _stem(word: str) -> str:
    word = word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word
    return word[:5]


def chunk_sentences(chunk: Chunk) -> list[tuple[str, bool]]:
    """(sentence, is_list_item) in reading order; list marks removed, quotes kept exact. The lines of a
    code block are not sentences of the notes, however much a line of it reads like one: a program's
    output quoting a package's description ("Bash is an sh-compatible command language interpreter
    that executes", cut at the line's end) was asked "Who is Bash?" (held-out round 20, dropped)."""
    found: list[tuple[str, bool]] = []
    prose = "\n".join(text for text, is_code in code_blocks_split(chunk.text) if not is_code)
    for line in prose.splitlines():
        is_item = line.startswith(LIST_MARK)
        body = line[len(LIST_MARK):] if is_item else line
        found.extend((s, is_item) for s in split_sentences(body))
    return found


def candidate_sentences(chunk: Chunk, code_names: frozenset[str] = frozenset()) -> list[Sentence]:
    """Sentences that pass the hard filters; a pronoun-led one or a list fragment carries the
    sentence before it (or its list lead-in) as context, or is dropped when there is none.
    `code_names`: what the notes set as inline code (passes_filters)."""
    if is_practice_section(chunk.heading_path) or is_worked_example(chunk.heading_path):
        return []
    raw = chunk_sentences(chunk)
    kept: list[Sentence] = []
    for i, (quote, is_item) in enumerate(raw):
        text = readable_text(quote)
        if text is None:
            continue
        long = MAX_WORDS < word_count(text) <= MAX_CARD_WORDS and passes_filters(text, max_words=MAX_CARD_WORDS,
                                                                                   code_names=code_names)
        if not long and not passes_filters(text, code_names=code_names):
            continue
        context = ""
        if is_pronoun_led(text) or leans_on_previous(text):
            context = _previous_sentence(raw, i)
        elif is_item and not has_finite_verb(text):
            context = _lead_in(raw, i)
        if (needs_context(text, is_item) or leans_on_previous(text)) and not context:
            continue
        if long and context:
            continue  # a long sentence and its context: too much to read before a question
        kept.append(Sentence(text, chunk, i, is_item, context, quote, long))
    return kept


# Reference marks and citations copied along with encyclopedia text: "[citation needed]", "[12]",
# "(Goldreich 2008, Chapter 1.2)", "(see below)". They are removed from what a student reads.
_BRACKET_NOTE = re.compile(r"\s*\[[^\[\]]{0,40}\]")
_CODE_BRACKET = re.compile(r"\[\^[^\]\s]+\]|\[\^?(?:[A-Za-z]-[A-Za-z]|0-9)[^\]\s]*\]")
_PAREN_CITATION = re.compile(
    r"\s*\((?:[A-Z][\w'’.-]+(?:\s+(?:and|&|et al\.?)\s*[A-Z]?[\w'’.-]*)*,?\s+(?:1[5-9]|20)\d{2}[a-z]?"
    r"(?:[,;:][^()]*)?|(?:see|cf\.|described|mentioned|shown)\b[^()]*)\)")
# A gloss in another script ("Liu Heima (劉黑馬, Liu Ni)"): a student reads the sentence without it.
_FOREIGN_SCRIPT_GLOSS = re.compile(r"\s*\([^()]*[\u0370-\U0010FFFF][^()]*\)")
# Formulas flattened to text cannot be read back ("2O(√(n log(n)))"): such a sentence is skipped.
_FORMULA = re.compile(r"[√∑∏∫≤≥≈±×÷^{}=<>|]|\b[A-Za-z]\((?:[^()]*\d|n\b)|\d[a-z]\b\s*[+*/]")
# What is left of a reST role once a converter and the loader have each taken a part of it: "C's
# :c`onexit`" read as "C's :conexit" (session 19, the library FAQ's atexit item: the prompt showed
# "similar to C's:conexit?"). A colon after a space and glued to the next letter is never prose: prose
# writes a colon after a word and a space after it, and a time or a slice has no space before it.
_ROLE_LEFTOVER = re.compile(r"(?<!\S):[A-Za-z]")
# Openers that only link to what came before and can be dropped without changing the claim.
_LOOSE_OPENER = re.compile(
    r"^(however|also|in addition|additionally|moreover|furthermore|indeed|nevertheless|nonetheless|"
    r"still|meanwhile|notably|in fact|of course),\s+", re.IGNORECASE)
# "also" between words, not in "not only ... but also", "and also", "but also".
_ADDITIVE_ALSO = re.compile(r"(?<!\bbut)(?<!\band)(?<!\bor)(?<=\w) also\b(?= [a-z])")
# Openers whose meaning is the previous sentence: the sentence needs it as context.
_LEANING_OPENER = re.compile(
    r"^(because of (this|that|these)|as a (result|consequence)|thus|therefore|hence|consequently|"
    r"by then|then|instead|despite (this|that)|after (this|that)|following (this|that)|similarly|"
    r"likewise|in contrast|by contrast|on the other hand|later|in turn|for (this|that) reason|"
    r"in (this|that|such a|each) case|finally|at the same time|at (this|that) time|in response|"
    r"again|otherwise|accordingly|even so|as such|here|in addition to (this|that)|"
    r"unlike|like (this|that)|so|but|and|or|yet|in the meantime|meanwhile|soon after|afterwards|"
    r"while en route|on the way|over dinner|on arrival|on (his|her|their) return)\b", re.IGNORECASE)
# Words that point back into the text wherever they stand.
_BACK_REFERENCE = re.compile(
    rf"\b(this|these|(?!{_THOSE_WHO})those)\b|\bsuch\s+(?!as\b)[a-z]+|"
    r"\bthe (latter|former|same|above|following)\b|\b(above|below)[.,)]|\b(mentioned|described|"
    r"noted|discussed|shown) (above|below|earlier|previously)\b|\bsee\b|\b(ibid|op\. cit)\b",
    re.IGNORECASE)


def opens_with_link(quote: str) -> bool:
    """The sentence opens with a loose linking word that readable_text drops ("However, ...", "Also, ...")."""
    return _LOOSE_OPENER.match(quote.strip()) is not None


def readable_text(quote: str) -> str | None:
    """What a student is shown of `quote`: reference marks and citations removed and a loose linking
    opener dropped; None when the sentence cannot be shown (a formula, an unbalanced bracket)."""
    if _CODE_BRACKET.search(quote):
        return None  # "[a-z]", "[^abc]": a character class, which removing reference marks would cut out
    if _ROLE_LEFTOVER.search(quote):
        return None  # "similar to C's :conexit": a markup role the loader half removed, not a word
    text = _PAREN_CITATION.sub("", _BRACKET_NOTE.sub("", quote)).strip()
    text = _FOREIGN_SCRIPT_GLOSS.sub("", text)
    # "the !else clause": reST's mark for a keyword not to be linked, left by the loader; never prose.
    text = re.sub(r"(?<!\S)!(?=[A-Za-z_])", "", text)
    text = re.sub(r"\s+([.,;:])", r"\1", text)
    text = re.sub(r"\.\.$", ".", text)
    if _FORMULA.search(text) or text.count("(") != text.count(")") or text.count('"') % 2:
        return None
    # "Warsaw is also home to ...": an additive "also" only says that something was said before;
    # the claim holds without it, and a question reads as if it came out of nowhere with it.
    text = _ADDITIVE_ALSO.sub("", text)
    opener = _LOOSE_OPENER.match(text)
    if opener:
        rest = text[opener.end():]
        text = rest[:1].upper() + rest[1:]
    return text


# Code, addresses and markup a student cannot be asked to read as prose: a call ("f()", "repr(x)",
# "x.f()"), a dotted name ("sys.path", "str.casefold", "x.f" but not "e.g."), a name_with_underscores,
# an operator ("==", "**", ">>>", "->"), a web or mail address, a markup mark left by the loader
# (backticks, "::", a reST role ":func:").
_PROSE_CODE = (
    r"\b[A-Za-z_]\w*\((?!s\))[^()\s]*\)|"
    r"\b[A-Za-z_]\w+\.[a-z_]\w+|\b[a-z]\.[a-z_]\w*\b(?!\.)|"
    r"[A-Za-z0-9]_+[A-Za-z0-9]|\b_+[A-Za-z]|"
    r"==|!=|\*\*|>>>|->|\+=|<=|>=|"
    r"\b\w+://|\bwww\.|\S@\w+\.\w|"
    r"`|::|(?<!\w):[a-z]+:(?=\w)"
)
# A regular expression or code punctuation left glued to prose once the loader dropped its backticks:
# "the greedy nature of.*", "\\d+", "[a-z]", "()", "x{3}", "a|b" (held-out round 14: "Because of the
# greedy nature of.*.", dropped).
_FLATTENED_CODE = (
    r"\.[*+?]|\\[A-Za-z]|\[\^?[^\]\s]*[A-Za-z0-9]-[A-Za-z0-9][^\]\s]*\]|\[\^[^\]\s]+\]|\(\)|"
    r"(?<=\w)\{\d*,?\d*\}|\b\w\|\w"
)
_CODE = re.compile(f"{_PROSE_CODE}|{_FLATTENED_CODE}")


def shows_code(text: str) -> str:
    """The piece of code, address or markup in `text` ("" when there is none): such a stem, option or
    answer is not posted (a tutorial's "Why does the sys.getfilesystemencoding function ...?")."""
    match = _CODE.search(text)
    return match.group() if match else ""


# Marks of a line of code that prose does not hold: "x = 1", "f(x)", "{...}", "<tag>", "# comment",
# "$ prompt", "a;", a backslash, or a line opening with "name:name" ("WARNING:root:Watch out!").
_CODE_MARKS = re.compile(r"[=(){}\[\]<>#$\\;]|^\w+:\w")


def is_code_line(line: str) -> bool:
    """A line of a chunk that is code or a program's output, as a code block leaves it (the loader
    keeps each line of a block as a line of its own): marks of code, and not a prose sentence (one
    that ends as a sentence does and is mostly words)."""
    line = line.strip()
    if not line:
        return False
    words = line.split()
    if line[-1] in ".?!:" and len(words) >= 6 and sum(w.strip(",.;:!?'\"()").isalpha() for w in words) >= 0.7 * len(words):
        return False
    return bool(shows_code(line) or _CODE_MARKS.search(line))


# A run of characters that is a notation, not prose: words joined by underscores ("foo_VVV-RRR_AAA.deb"),
# a file name with its extension, a placeholder in angle brackets ("<VERSION>").
_NOTATION_RUN = re.compile(r"\S*(?:[A-Za-z0-9]_[A-Za-z0-9]|[A-Za-z0-9]\.[a-z]{2,4}\b|<[A-Za-z]+>)\S*")
_NOTATION_SPLIT = re.compile(r"[^A-Za-z0-9]+")


def notation_pieces(text: str) -> set[str]:
    """Symbols the notes first write inside a notation and only then in prose: "VVV" of "The name of a
    package file is foo_VVV-RRR_AAA.deb" and "The VVV component is the version number ...". Only a
    symbol with a capital past its first letter (a placeholder, an abbreviation, "TextIOBase"): plain
    words ("path" of os.path, "debian" of lists.debian.org, "Talk" of a page's address) are the prose's."""
    first_in_notation: dict[str, int] = {}
    for run in _NOTATION_RUN.finditer(text):
        for piece in _NOTATION_SPLIT.split(run.group()):
            if len(piece) >= 2 and piece.isalpha() and any(ch.isupper() for ch in piece[1:]):
                first_in_notation.setdefault(piece, run.start())
    pieces = set()
    for piece, at in first_in_notation.items():
        alone = re.search(rf"(?<![\w.<-]){re.escape(piece)}(?![\w>-]|\.\w)", text)
        if alone is None or at < alone.start():
            pieces.add(piece)
    return pieces


def leans_on_previous(text: str) -> bool:
    """The sentence means something only after the one before it ("Because of this, ...",
    "By then ...", "this problem"), or names its subject only by a bare definite noun ("The
    territory was ...")."""
    if _LEANING_OPENER.match(text) or _BACK_REFERENCE.search(text):
        return True
    return bool(_BARE_DEFINITE_SUBJECT.match(text))


# "The territory was ...", "The company had ...": one common noun after "the", then a verb.
_BARE_DEFINITE_SUBJECT = re.compile(
    r"^the\s+[a-z]+\s+(is|was|are|were|had|has|did|could|would|also|then|soon|became|began|"
    r"remained|continued|[a-z]+ed)\b", re.IGNORECASE)


def passes_filters(text: str, *, max_words: int = MAX_WORDS, code_names: frozenset[str] = frozenset()) -> bool:
    """Whether `text` can be a sentence an item quotes. `code_names`: what the notes set as inline
    code; a sentence may open with one in lower case ("sftp is an interactive command")."""
    if not MIN_WORDS <= word_count(text) <= max_words:
        return False
    stripped = text.rstrip()
    if stripped.endswith((":", "?", ";")):
        return False
    if not stripped[:1].isupper() and not stripped[:1].isdigit() and not _opens_with_code(stripped, code_names):
        return False
    folded = fold(text)
    if _SELF_REFERENCE.search(folded):
        return False
    first = re.match(r"[a-z]+", folded)
    return not (first and first.group() in _INSTRUCTION_WORDS)


def _opens_with_code(text: str, code_names: frozenset[str]) -> bool:
    """`text` says what a name the notes set as code is: "sftp is an interactive command". Only with
    "is"/"are" after it: "bltin-exceptions lists the built-in exceptions" (a cross-reference label
    of the Python docs, set as code) says what a page lists, which no student can place."""
    first = re.match(r"(\S+) (?:is|are) ", text)
    return bool(first) and first.group(1) in code_names


def is_pronoun_led(text: str) -> bool:
    return bool(_PRONOUN_LEAD.match(text))


def needs_context(text: str, is_list_item: bool) -> bool:
    return is_pronoun_led(text) or (is_list_item and not has_finite_verb(text))


def has_finite_verb(text: str) -> bool:
    main = _RELATIVE_CLAUSE.sub("", text)
    for word in re.findall(r"[a-z]+", fold(main)):
        if word in _FINITE or (len(word) > 4 and word.endswith("ed")):
            return True
    return False


def _previous_sentence(raw: list[tuple[str, bool]], index: int) -> str:
    """The sentence just before, when it can be what the pronoun points at: not a list lead-in,
    and for "he"/"she" one that names someone (a capitalised word that is not a function word)."""
    if index == 0:
        return ""
    previous = readable_text(raw[index - 1][0]) or ""
    if not previous or leans_on_previous(previous):
        return ""
    if previous.rstrip().endswith(":"):
        return ""
    if _PERSONAL.match(raw[index][0]) and not any(
            fold(w) not in STOPWORDS for w in re.findall(r"\b[A-Z][a-z]+", previous)):
        return ""
    return _readable(previous)


def _lead_in(raw: list[tuple[str, bool]], index: int) -> str:
    """The line that leads into a list ("Key targets included:"), found above its items."""
    for back in range(index - 1, -1, -1):
        text, is_item = raw[back]
        if not is_item:
            text = readable_text(text) or ""
            return _readable(text) if text.rstrip().endswith(":") else ""
    return ""


def _readable(text: str) -> str:
    if is_pronoun_led(text) or _SELF_REFERENCE.search(fold(text)) or word_count(text) > MAX_WORDS:
        return ""
    return text
