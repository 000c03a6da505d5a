"""Flashcards the notes define themselves: "Term: definition" lines ("Long Name (ABBR)" pairs are
found by the core's one miner, `bot.core.abbreviations.abbreviations_in`).

Both are self-rated by the student, so the only risk is a wrong pairing; the patterns below accept a
pair only when the initials spell the abbreviation and a term only when it is short and its
definition is a sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.core.documents import TABLE_CELLS
from bot.core.quiz.gen_text import has_finite_verb, leans_on_previous, word_count

_TERM_LINE = re.compile(r"^([A-Z][A-Za-z’'\- ]{2,40}):\s+([A-Z].*[.!])$")
_LABEL_LINE = re.compile(r"^([A-Z][A-Za-z’'\- ]{2,40}):\s+(\S.*)$")
MAX_TERM_WORDS = 4
MIN_DEFINITION_WORDS = 6
# A placeholder, not a term: one letter over and over ("XXX: Unknown layout Plain Layout: ..." is
# what a converter leaves where it lost a note; set 14's judge: "leftover conversion junk").
_PLACEHOLDER = re.compile(r"([A-Za-z])\1{2,}", re.IGNORECASE)


@dataclass(frozen=True)
class Term:
    term: str
    definition: str


def term_definition(line: str) -> Term | None:
    """A "Term: Definition." line with a short term and a whole-sentence definition."""
    match = _TERM_LINE.match(line.strip())
    if not match:
        return None
    term, definition = match.group(1).strip(), match.group(2).strip()
    if _PLACEHOLDER.fullmatch(term):
        return None
    if word_count(term) > MAX_TERM_WORDS or word_count(definition) < MIN_DEFINITION_WORDS:
        return None
    if not has_finite_verb(definition):  # "steel, coal, machinery, and power." is a list, not a definition
        return None
    if TABLE_CELLS in definition:  # "Term: ... | ... | ...": cells of a table row read as one line, not a definition
        return None
    if leans_on_previous(definition):  # "Script Editor: In this text editor you can write algorithms as
        return None  # explained in detail in Scripting." points around the notes (set 14's judge: dropped)
    return Term(term, definition)


def names_one(doc) -> bool:
    """The explanation after a label is a name with what is said of it, no clause of its own: its root a
    proper noun ("Ann Reid, appointed by the court."). A fact
    box's or a comparison's value ("Counsel for the town: ...", "Basis: ..."), which 'What is meant by
    "<label>"?' asks as if the label had a meaning (set 18: dropped twice; a student would answer "the
    town's lawyer")."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    return root is not None and root.pos_ == "PROPN"


def _subject(doc):
    """The subject of the explanation's main clause when it is a clause ("Chipland can make ...", or the
    first of two joined by a semicolon), None when it is a noun phrase ("an organism that lives ...": the
    genus of a definition, whose relative clause's subject does not count).
    Not gen_parse.root_subject: that takes any root's subject, while here a root that is no verb means
    the line is a noun phrase, and the subject of a second clause joined to the first counts too."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or root.pos_ not in {"VERB", "AUX"}:
        return None
    return next((t for t in doc if t.dep_ in {"nsubj", "nsubjpass"}
                 and (t.head.i == root.i or (t.head.dep_ == "conj" and t.head.head.i == root.i))), None)


def _names(doc) -> set[str]:
    """The capitalised words of the explanation (names: "Chipland", "P. falciparum", "ACT"), not a clause's
    first word when English writes it small ("The", "Its")."""
    return {t.lower_ for t in doc if t.text[:1].isupper() and len(t.text) > 1
            and not (t.is_sent_start and (t.is_stop or t.pos_ not in {"PROPN", "NOUN"}))}


def attribute_rows(terms: list[Term], docs: list) -> set[int]:
    """Which "Label: explanation" lines of one section are rows of a comparison or steps of a worked
    example, not definitions: the explanation is a clause about something other than its label (its
    subject is not the label: "Severity: P. falciparum is the most lethal species ...", "Absolute advantage:
    Chipland can make more of both goods ...") and it names a thing another line of the run names too
    (P. falciparum, Chipland), which the labels do not: the lines describe those things attribute by
    attribute (set 17's judge: "keyed to a row of the comparison table", "a step from the example").
    `docs`: the explanations parsed, in the order of `terms`."""
    names = [_names(doc) - set(_words(term.term)) for term, doc in zip(terms, docs)]
    rows = set()
    for i, (term, doc) in enumerate(zip(terms, docs)):
        subject = _subject(doc)
        if subject is None:
            continue
        if " ".join(t.lower_ for t in subject.subtree if t.pos_ != "DET") == term.term.lower():
            continue  # "Osmosis: osmosis moves ...": a clause about the label itself
        if names[i] & set().union(*(names[j] for j in range(len(terms)) if j != i)):
            rows.add(i)
    return rows


def labelled_line(line: str) -> Term | None:
    """Any "Label: explanation" line, whatever its explanation (a run's rows: "Opportunity cost: for
    Shirtland one chip costs 3 shirts ..." beside the rows `term_definition` takes)."""
    match = _LABEL_LINE.match(line.strip())
    return Term(match.group(1).strip(), match.group(2).strip()) if match else None


def _words(text: str) -> list[str]:
    return re.findall(r"[\w-]+", text.lower())
