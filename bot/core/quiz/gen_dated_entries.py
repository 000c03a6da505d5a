"""Which entry of a dated list was the first (or last) to do something (issue 8, set 12's release history).

History notes often run as a list of dated entries, each paragraph opened by its label and its date:
"Debian 2.0 Hamm (July 24th, 1998): Named for the piggy-bank ... This was the first multi-architecture
release of Debian, ...", "The Long March (1934-1935): ...". What a teacher asks of such a list is
which entry first did a thing: "Which of these was the first multi-architecture release of Debian?",
the list's other labels as options. The sentences that say it point back to the entry ("This was",
"It was also", "This release introduced for the first time ..."), so every sentence template refuses
them as leaning on context (RESULTS 8.63: the release history, 1,766 words, made no item).

Read by form only:
- an entry is a paragraph opening "<label> (<something with a year>): <text>"; it runs on, through the
  paragraphs after it, to the next entry or the end of its section; a paragraph opening with a label of
  another form ("Debian 1.0 was never released: ...") ends it;
- a list is four or more entries under one heading; the wrong options are its other labels of the
  answer's shape (as many words), the nearest first, some before the answer and some after: the
  options' order or shape never shows which came first;
- the sentence asked opens with a word pointing back ("This", "It", or "This"/"The" and a noun the
  list's entries call themselves by, met in two entries: "This release") and says "was the first/last
  <noun> ..." with that noun within its first words, or "<verb> for the first time ...". "This was the
  first time a Linux distribution ..." is refused: what was first is an event, not the entry.
- the stem ends at the first comma, semicolon, colon or dash: what follows adds a second fact or an
  example ("..., and also the first one to include KDE", ": OpenOffice.org").
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from bot.core.tokens import STOPWORDS

MIN_ENTRIES = 4  # a list: the answer and three wrong options, all entries of it
OPTIONS = 4
MIN_REST_WORDS = 3  # "the first release" alone says nothing to ask
MAX_LABEL_WORDS = 8
NOUN_WITHIN = 3  # the entries' noun among the first words after "first": "first Debian release with ..."
MIN_NOUN_ENTRIES = 2  # the noun the entries call themselves by, in this many entries ("This release ...")

# "Debian 2.0 Hamm (July 24th, 1998): ..." -- a label, a bracket holding a year, a colon, the text.
_ENTRY = re.compile(r"^(?P<label>[A-Z][^():;!?]{0,80}?)\s+\((?P<when>[^()]*\b\d{4}\b[^()]*)\):\s*(?P<body>.*)$")
# A paragraph opening with another label ("Debian 1.0 was never released: ...") is no part of the entry above.
_OTHER_LABEL = re.compile(r"^[A-Z][^:]{0,60}:\s")
# The noun alternative first ("This release introduced ..."), never a verb read as one ("This was ...").
_POINTER = re.compile(r"^(?:(?:The new|This|The) (?P<noun>(?!(?:is|was|were|are|has|had|also|led|made|became)\b)[a-z]+)"
                      r"|It|This)\s+(?P<rest>.+)$")
_FIRST = re.compile(r"^(?P<verb>is|was)\s+(?:also\s+)?(?P<asked>the\s+(?:first|last)\s+(?P<after>.+))$")
_FIRST_TIME = re.compile(r"^(?P<asked>(?!is\b|was\b)[a-z]+ed\b.*\bfor the first time\b.+)$")
# A second fact, an example or a cause runs on after these: "..., and also the first one to include KDE",
# ": OpenOffice.org", " such as Firefox", " due to the restrictions for exportation being lightened".
_CUT = re.compile(r"\s*(?:[,;:]|\s[-\u2013\u2014]\s|\s(?:such as|due to|because|thanks to)\s).*$")
_OPENER = re.compile(r"^(?P<label>[A-Z][^():;!?]{0,80}?)\s+\([^()]*\b\d{4}\b[^()]*\):\s*")


@dataclass(frozen=True)
class DatedEntry:
    label: str  # as the notes write it: "Debian 2.0 Hamm"
    block: tuple  # (document, heading path): the entries of one list
    position: int  # order within its list


# A summary list (issue 8, set 24's "Summary of leading cases"): every entry one line, the label and a
# short clause or noun phrase of what it stands for: "- Kyllo v. United States (2001): thermal imaging of a
# home is a search." A teacher asks which entry the line sums up, the list's other labels as options:
# "Which case do the notes sum up as "thermal imaging of a home is a search"?" The noun ("case") is the
# list heading's plural noun ("Summary of leading cases"); without one, "Which of these".
MIN_SUMMARY_WORDS = 2  # "inevitable discovery", "automobile exception"
MAX_SUMMARY_WORDS = 20  # a summary line, not a paragraph of facts
_BULLET = re.compile(r"^(?:[-*\u2022\u2013]\s+)")
# The summary points back or leans on its label: "This was ...", "It ...", "He ...": not read alone.
_LEANS = re.compile(r"^(?:this|that|these|those|it|its|he|she|they|his|her|their|the same)\b", re.IGNORECASE)


def paragraphs(text: str) -> list[str]:
    """A chunk's paragraphs as the entries are read: its non-empty lines, stripped."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def dated_entries(chunks) -> tuple[dict[tuple[str, str], DatedEntry], dict[tuple, list[DatedEntry]]]:
    """(chunk id, paragraph) -> the entry it belongs to, and each list's entries in order; lists of
    fewer than MIN_ENTRIES entries are left out. `chunks` in the notes' order."""
    owner: dict[tuple[str, str], DatedEntry] = {}
    blocks: dict[tuple, list[DatedEntry]] = {}
    current: DatedEntry | None = None
    for chunk in chunks:
        block = (chunk.document, tuple(chunk.heading_path))
        if current is not None and current.block != block:
            current = None  # a new section ends the entry
        for paragraph in paragraphs(chunk.text):
            opened = _ENTRY.match(_BULLET.sub("", paragraph))
            label = opened.group("label").strip() if opened else ""
            if opened and len(label.split()) <= MAX_LABEL_WORDS and not re.search(r"\w{3,}\.\s", label):  # "v. ", "St. ": abbreviations, not a sentence
                entries = blocks.setdefault(block, [])
                current = DatedEntry(label, block, len(entries))
                entries.append(current)
            elif _OTHER_LABEL.match(paragraph):
                current = None
            if current is not None:
                owner[(chunk.id, paragraph)] = current
    kept = {block: entries for block, entries in blocks.items() if len(entries) >= MIN_ENTRIES
            and len({e.label for e in entries}) == len(entries)}
    return {key: e for key, e in owner.items() if e.block in kept}, kept


def entry_nouns(sentences_by_entry: dict[DatedEntry, list[str]]) -> dict[tuple, set[str]]:
    """For each list, the nouns its entries call themselves by: "This release" / "The release" opening
    sentences of at least MIN_NOUN_ENTRIES entries."""
    counts: dict[tuple, Counter] = {}
    for entry, sentences in sentences_by_entry.items():
        nouns = {m.group("noun") for s in sentences if (m := _POINTER.match(_unlabelled(s))) and m.group("noun")}
        counts.setdefault(entry.block, Counter()).update(nouns)
    return {block: {n for n, c in counter.items() if c >= MIN_NOUN_ENTRIES} for block, counter in counts.items()}


def _unlabelled(sentence: str) -> str:
    """The sentence without its entry's opening label: "Debian 1.1 Buzz (June 17th, 1996): This was ..."."""
    return _OPENER.sub("", sentence, count=1).strip()


def first_question(sentence: str, nouns: set[str]) -> str | None:
    """"Which of these was the first <noun> ...?" of a sentence about its entry, or None."""
    pointer = _POINTER.match(_unlabelled(sentence))
    if not pointer or (pointer.group("noun") and pointer.group("noun") not in nouns):
        return None  # "The project had grown ...": not the entry itself
    rest = pointer.group("rest").rstrip(".").strip()
    first = _FIRST.match(rest)
    if first:
        after = [w.lower() for w in first.group("after").split()[:NOUN_WITHIN]]
        at = next((n for n, w in enumerate(after) if w in nouns), None)
        # the entries' noun heads the phrase, after modifiers only ("first multi-architecture release"):
        # "the first time a Linux distribution ...", "the first time a ferry ...": what was first is an event
        if at is None or any(w in STOPWORDS for w in after[:at]):
            return None
        asked = f"{first.group('verb')} {first.group('asked')}"
    elif pointer.group("noun") and (timed := _FIRST_TIME.match(rest)):
        asked = timed.group("asked")  # "This release introduced for the first time ..."
    else:
        return None
    asked = _CUT.sub("", asked).strip()
    if len(asked.split()) < MIN_REST_WORDS + 2:  # "was the first" + at least three words of its own
        return None
    return f"Which of these {asked}?"


def entry_options(entry: DatedEntry, entries: list[DatedEntry]) -> tuple[str, ...] | None:
    """The answer and the list's entries nearest it of the same shape (as many words: "Debian 1.1 Buzz"
    beside "Debian 1.2 Rex", not "Debian 0.93R6", which has no code name), in the list's order; None
    unless some come before it and some after. A first or last thing is asked: with every wrong option
    on one side, or the answer the first of its shape among them, the options alone give it away ("Which
    of these was the first Debian release with a code name?" among 0.93R5, 0.93R6, 1.1 Buzz, 1.2 Rex)."""
    shape = len(entry.label.split())
    others = sorted((e for e in entries if e is not entry and len(e.label.split()) == shape),
                    key=lambda e: (abs(e.position - entry.position), e.position))[:OPTIONS - 1]
    if len(others) < OPTIONS - 1 or all(e.position > entry.position for e in others) \
            or all(e.position < entry.position for e in others):
        return None
    return tuple(e.label for e in sorted([entry, *others], key=lambda e: e.position))


def summary_of(paragraph: str) -> str | None:
    """The summary of a one-line entry "<label> (<date>): <short summary>." (a bullet marker allowed), or
    None: more than one sentence, too short or too long, or a summary leaning on what came before."""
    opened = _ENTRY.match(_BULLET.sub("", paragraph.strip()))
    if not opened:
        return None
    body = opened.group("body").strip()
    if re.search(r"[.!?]\s+\S", body) or body.endswith("?"):
        return None  # two sentences: a paragraph of facts, not a summary line
    body = body.rstrip(".").strip()
    if not MIN_SUMMARY_WORDS <= len(body.split()) <= MAX_SUMMARY_WORDS or _LEANS.match(body) or '"' in body:
        return None
    return body


def summary_lists(lists: dict[tuple, list[DatedEntry]], summaries: dict[DatedEntry, str]) -> set[tuple]:
    """The lists whose every entry is a summary line (each summary said once): a table of entries a
    teacher can ask across."""
    kept = set()
    for block, entries in lists.items():
        said = [summaries.get(e) for e in entries]
        if all(said) and len({fold_summary(x) for x in said}) == len(said):
            kept.add(block)
    return kept


def fold_summary(text: str) -> str:
    return re.sub(r"\W+", " ", text.lower()).strip()


def summary_question(summary: str, noun: str) -> str:
    """The question: Which case do the notes sum up as "thermal imaging of a home is a search"?"""
    asked = f"Which {noun}" if noun else "Which of these"
    return f'{asked} do the notes sum up as "{summary}"?'


def summary_options(entry: DatedEntry, entries: list[DatedEntry], summary: str) -> tuple[str, ...] | None:
    """The answer and three other labels of its list, of its shape (as many words) first, the nearest
    first; a label the summary names ("Wolf overruled" of Mapp v. Ohio) is left out. None when fewer."""
    said = set(re.findall(r"[A-Z][\w'-]+", summary)) - set(entry.label.split())  # "United States" of its own
    def named(e: DatedEntry) -> bool:
        return any(w in said for w in re.findall(r"[A-Z][\w'-]+", e.label) if w.lower() not in STOPWORDS)
    shape = len(entry.label.split())
    others = sorted((e for e in entries if e is not entry and not named(e)),
                    key=lambda e: (len(e.label.split()) != shape, abs(e.position - entry.position), e.position))
    others = others[:OPTIONS - 1]
    if len(others) < OPTIONS - 1:
        return None
    return tuple(e.label for e in sorted([entry, *others], key=lambda e: e.position))
