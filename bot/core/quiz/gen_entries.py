"""Which entry of a reference list does what its description says. Technical notes list the methods of a
type, the special sequences of a syntax or the options of a tool as entries: a line holding only the
name ("list.append(x)", "\\d"), then a line saying what it does ("Add an item to the end of the list.",
"Matches any decimal digit; this is equivalent to the class [0-9]."). The item: "Which list method adds
an item to the end of the list?", the other entries of the same list as options (the same field by the
notes' own say: methods of one type, sequences of one syntax).

No template read these lines: the description has no subject (an imperative, or a verb whose subject is
the line above), so every sentence-based template passes it by (RESULTS 8.40: tutorial-datastructures
and howto-regex made no item of their 38 entries).

Not asked: a description whose words spell the name ("Insert an item ..." of list.insert: the stem gives
it away), names an argument by its letter ("... equal to x"), shows code, runs on to a second verb of
its own ("Remove the item ..., and return it"), or is shared by another entry of the list. An entry the
description names beside its own ("\\A and ^ are effectively the same") is no wrong option of it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.core.text import split_sentences

_NAME_LINE = re.compile(r"^(?P<name>[^\s:]{1,40})$")  # one token alone on its line, not "Example:"
_CALL = re.compile(r"\(.*\)$")
_CODE_MARKS = re.compile(r"[\[\]{}()=\\`<>|^$*+?]")  # code left in a description: "[0-9]", "a[:]"
_ARGUMENT_LETTER = re.compile(r"(?<![\w'])(?!a\b|A\b|I\b)[A-Za-z](?![\w'])")  # "equal to x", "If A and B"
MIN_WORDS = 3
MAX_WORDS = 20
MIN_WRONG = 3
MAX_WRONG = 3
MAX_PER_LIST = 2  # items of one list: five of \d, \D, \s, \S, \w among the same options is one drill, not a quiz
TEXT_LETTERS = 4  # of a name's own word that, at a stem word's start, gives it away ("insert" / "Insert")


@dataclass(frozen=True)
class Entry:
    name: str  # as a student writes it: "list.append", "\d"
    does: str  # the description's first clause, its verb as the line wrote it: "Add an item to the end of the list"
    quote: str  # the description's first sentence, as the notes write it
    block: tuple  # (document, heading path): entries of one list
    said: str = ""  # the whole description line: what else it says of the entry ("\\A and ^ are effectively the same")


@dataclass(frozen=True)
class EntryQuestion:
    prompt: str
    answer: str
    options: tuple[str, ...]


def entries_in(document: str, heading_path: tuple, text: str) -> list[Entry]:
    """The entries of a chunk's text: a name alone on its line, followed by a line of prose."""
    lines = [line.strip() for line in text.splitlines()]
    found = []
    for line, after in zip(lines, lines[1:]):
        named = _NAME_LINE.match(line)
        if not named or not after or _NAME_LINE.match(after) or not after[:1].isupper() or line.endswith("."):
            continue
        first = split_sentences(after)[0].strip() if split_sentences(after) else ""
        does = re.split(r";", first)[0].strip().rstrip(".").strip()
        name = _CALL.sub("", named.group("name"))
        if not name or name.isalpha() or len(set(name)) == 1 and len(name) > 1:
            continue  # a word alone ("Abstract", "IGNORECASE": a table's cells), a code fence or underline ("```")
        if does:
            found.append(Entry(name, does, first, (document, heading_path), after))
    return found


def third_person(verb: str) -> str:
    """"Add" -> "adds", "Match" -> "matches", "Copy" -> "copies"; a verb already in it is kept ("Matches")."""
    word = verb.lower()
    if word.endswith("s") and not word.endswith("ss"):
        return word
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    if len(word) > 1 and word.endswith("y") and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


def _spells(name: str, words: list[str]) -> bool:
    """A word of the name opens a word of the stem ("insert" / "Insert", "index" / "index")."""
    own = name.rsplit(".", 1)[-1]  # "append" of "list.append": the owner is named in the stem on purpose
    parts = [p.lower() for p in re.findall(r"[A-Za-z]+", own) if len(p) >= TEXT_LETTERS]
    return any(w.lower().startswith(p[:TEXT_LETTERS]) for p in parts for w in words)


def _names(text: str, name: str) -> bool:
    """`text` names `name` as a word of its own ("\\A and ^ are ...", not the "^" inside "[^ ...]")."""
    return re.search(rf"(?<!\S){re.escape(name)}(?=[\s,.;:)]|$)", text) is not None


def _compared(entry: Entry, other: Entry) -> bool:
    """The entry's own description names the other entry: the notes set it beside that one ("Matches only at
    the start of the string. When not in MULTILINE mode, \\A and ^ are effectively the same."), so the other
    is no clearly wrong option of it (a student may defend ^ for "only at the start of the string"). Not the
    other way round: ^ "matches at the beginning of lines", which \\A does not (round 16-mid kept that item
    with \\A among its options, "a good distractor")."""
    return _names(entry.said, other.name)


def _kind_phrase(names: list[str]) -> str:
    """"list method" when every name is a method of one dotted owner ("list.append", "list.pop"), else ""."""
    owners = {n.rsplit(".", 1)[0] for n in names if "." in n}
    return f"{owners.pop()} method" if len(owners) == 1 and all("." in n for n in names) else ""


def _opens_with_verb(tokens) -> bool:
    """"Add an item ...", "Return a copy ...", and "Matches any ..." (which the parser, at a line's start, often
    takes for a plural or a proper noun: a word in -s before a determiner, adverb or preposition)."""
    first = tokens[0]
    if first.tag_ in {"VB", "VBZ", "VBP"}:
        return True
    return first.tag_ in {"NNS", "NNP"} and first.lower_.endswith("s") and len(tokens) > 1 \
        and tokens[1].pos_ in {"DET", "ADV", "ADP", "PRON"}


def entry_question(entry: Entry, doc, block: list[Entry], order_key) -> EntryQuestion | None:
    """The item on `entry` (its description parsed as `doc`), the other entries of `block` as options."""
    words = entry.does.split()
    if not MIN_WORDS <= len(words) <= MAX_WORDS or _CODE_MARKS.search(entry.does) \
            or _ARGUMENT_LETTER.search(entry.does) or _spells(entry.name, words):
        return None
    tokens = [t for t in doc if not t.is_punct]
    if not tokens or not _opens_with_verb(tokens):
        return None  # a description that opens with a verb: "Add ...", "Matches ..." ("Word boundary." is none)
    if any(t.dep_ == "conj" and t.head.i == tokens[0].i and t.tag_ in {"VB", "VBZ", "VBP"} for t in doc):
        return None  # "Remove the item ..., and return it": two things done, asked as one
    if any(e.does.lower() == entry.does.lower() for e in block if e.name != entry.name):
        return None
    others = {e.name for e in block if e.name != entry.name and not _compared(entry, e)}
    wrong = sorted(others, key=order_key)[:MAX_WRONG]
    if len(wrong) < MIN_WRONG:
        return None
    kind = _kind_phrase([e.name for e in block])
    asked = f"{third_person(words[0])} {' '.join(words[1:])}"
    prompt = f"Which {kind} {asked}?" if kind else f"Which of these {asked}?"
    options = tuple(sorted([entry.name, *wrong], key=lambda o: order_key("option " + o)))
    return EntryQuestion(prompt, entry.name, options)
