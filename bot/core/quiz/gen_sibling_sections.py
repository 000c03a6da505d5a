"""Sibling sections of one kind (issue 8, session 28 lane qsibs): a heading that names a kind by a plural noun
("6. Types of hydroelectric plant", "8. Exceptions to the warrant requirement", "Reasons for the Failure of the
Great Leap Forward") over three or more sub-headings each naming one member ("6.1 Impoundment", "6.2 Run-of-river
(diversion)", "6.3 Pumped storage"). Each member's section is asked by its first sentence that stands alone,
"which <kind> does this describe: “...”?", or, when the sentence's subject is the member itself ("Ridge push is
a gravitational force ..."), "which <kind> is a gravitational force ...?"; the other members' headings are the
options. gen_label_runs asks the same shape written as "Label. Sentence." paragraphs, and its machinery (the
kind read from the heading, word families, leaning back) is reused here.

Everything is read from the notes' form, none from a list of a course's words:
- the kind is the parent heading's root, a plural common noun (gen_label_runs.run_kind); a heading whose root is
  something else ("How monopolies arise: barriers to entry", "What drives the plates?", "History of the
  pandemics"), that holds a possessive or a number ("The facts of Gideon's case", "Origins: the Constitutional
  Convention of 1787": one thing's story), that heads the whole document (its title or subtitle: the chapters
  under it are of no one kind) or a glossary ("Key definitions": its sub-headings are terms, not definitions)
  gives none;
- a sub-heading is a member when it is a noun phrase naming one thing: not a question or clause ("Why use
  filters?", "What a Lewis structure shows"), not led by a verb ("Comparing the three boundaries", "Drawing a
  Lewis structure step by step"), not two things ("Surplus and efficiency"), not numbered or dated by its own
  words ("Stage 1: confiscation", "Germany, 1921-1923": order or a case), not "other ...", not holding the
  kind's word other than as its own head ("Effects of intermolecular forces" is about the kind; "Divergent
  boundaries" is one of it), and not a heading the document writes under two or more parents ("Definition",
  "Summary": parts of any section, not members);
- the members must be three or more and most of the sub-headings: where they are not, the heading names a topic
  whose sub-headings are its aspects ("Intermolecular forces": "Bonds within molecules and forces between
  molecules", "Types of ...", "Effects of ...");
- a sentence is not asked when it names a sibling or (outside its subject) its own member or the kind, leans
  back, or is no clause; nor when its subject names the member but cannot be taken off whole (a plural
  subject, the member's words written again after it)."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from bot.core import nlp
from bot.core.documents import Chunk
from bot.core.quiz.gen_defined import _LABEL, _a_clause
from bot.core.quiz.gen_label_runs import (MAX_OPTIONS, MAX_WORDS, MIN_RUN, MIN_WORDS, Kind, LabelRuns, _content_words,
                                          described, _numbered, _one_family, leans_back, names_word_of, run_kind)
from bot.core.loaders.headings import has_section_number, is_citation_list, without_section_number
from bot.core.quiz.gen_text import (KEY_TERMS_HEADING, chunk_sentences, is_practice_section, is_worked_example,
                                    readable_text)
from bot.core.tokens import fold

SIBLING_QUALITY = 0.8
FIRST_SENTENCES = 3  # a member is described by its section's opening, not by a detail further on

_ASIDE = re.compile(r"\s*\([^()]*\)")
_WH = re.compile(r"^(?:how|why|what|when|where|who|whom|which|whose)\b", re.IGNORECASE)


@dataclass(frozen=True)
class SiblingQuestion:
    prompt: str
    answer: str
    options: tuple[str, ...]
    quote: str
    chunk: Chunk


@dataclass(frozen=True)
class _Group:
    parent: tuple[str, ...]
    kind: Kind
    members: tuple[tuple[tuple[str, ...], str], ...]  # (the member's heading path, its label as shown)


def shown(heading: str) -> str:
    """A heading as an option shows it: its section number off, an all-capitals heading in sentence case."""
    text = without_section_number(heading)
    return text[:1] + text[1:].lower() if text.isupper() else text


def _parse(text: str):
    return nlp.parse_lines([text])[0]


def _title_case(text: str) -> bool:
    words = re.findall(r"[A-Za-z][\w’'-]*", text)
    long_words = [w for w in words if len(w) > 3]
    return len(long_words) >= 2 and all(w[:1].isupper() for w in long_words)


def _names_kind(doc) -> bool:
    """The heading's first plural noun (run_kind's) heads the heading: nothing before it but its determiners and
    modifiers ("The three types of ...", "Useful options ...", "Case studies ..."), not a verb, a question word or
    a noun of its own ("Government intervention: price controls" as a whole, "How monopolies arise"), and it is
    no verb's subject ("What drives the plates", "Monopolies arise")."""
    noun = next((t for t in doc if t.tag_ == "NNS" and t.pos_ == "NOUN"), None)
    if noun is None:
        return False
    for t in doc[:noun.i]:
        if t.pos_ in {"VERB", "AUX", "ADP", "SCONJ", "PRON"} or t.tag_ in {"WRB", "WP", "WDT", "VBG"}:
            return False
        if t.pos_ in {"NOUN", "PROPN"} and t.dep_ not in {"compound", "amod", "nmod"}:
            return False
    return not (noun.dep_ in {"nsubj", "nsubjpass"} and noun.head.tag_ in {"VBD", "VBP", "VBZ"})


def parent_kind(heading: str) -> Kind | None:
    """The kind a parent heading names: gen_label_runs.run_kind, when its plural noun heads the heading (_names_kind)
    or one part of a heading written "A: B" ("How monopolies arise: barriers to entry"), and the heading holds no
    possessive and no number (one case's, one year's story). A heading In Title Case is read in sentence case
    ("Forms of Corrosion": its capitals make every word a name to the parser)."""
    text = shown(heading)
    if not text or re.search(r"\d|['’]s\b|\?$", text) or KEY_TERMS_HEADING.search(text) or is_citation_list(text):
        return None
    for part in [text] + ([p.strip() for p in text.split(":")] if text.count(":") == 1 else []):
        if _title_case(part):
            part = part[:1] + part[1:].lower()
        if _WH.match(part):
            continue
        kind = run_kind(part) if part else None
        if kind is not None and _names_kind(_parse(part)):
            first = kind.phrase.split()[0]
            joined = re.search(rf"([\w’']+-){re.escape(first)}\b", part, re.IGNORECASE)  # "Long-term causes"
            phrase = f"{joined.group(1).lower()}{kind.phrase}" if joined else kind.phrase
            return Kind(phrase, kind.head, text)
    return None


def member_label(heading: str, kind: Kind) -> str | None:
    """The member a sub-heading names, as shown ("Divergent boundaries (constructive)"), or None when it is no
    member of the kind by its form (module docstring)."""
    label = shown(heading)
    bare = _ASIDE.sub("", label).strip()
    if not bare or ":" in bare or bare.endswith("?") or _WH.match(bare) or _numbered(bare):
        return None
    doc = _parse(bare)
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    led_by_verb = doc[0].tag_ == "VBG" and doc[0].dep_ not in {"amod", "compound", "nmod"}
    if root is None or root.pos_ not in {"NOUN", "PROPN"} or led_by_verb:
        return None  # a clause, a phrase led by a verb ("Comparing ...", "Drawing ..."), a preposition's phrase
    if any(t.dep_ == "cc" or t.lower_ in {"and", "or", "&", "versus", "vs"} for t in doc):
        return None  # two things
    if any(t.lower_ in {"other", "another", "further", "more"} for t in doc):
        return None  # "Other variations": the rest, not one member
    head = fold(kind.head)
    if any(_one_family(fold(t.text), head) and t.i != root.i for t in doc if t.is_alpha and len(t.text) > 2):
        return None  # "Comparison of plant types", "Effects of intermolecular forces": about the kind itself
    return label


def plural(kind: Kind) -> str:
    """The kind as its heading writes it in the plural: "barriers", "types of plate boundary"."""
    stem = fold(kind.head)[:-1] or fold(kind.head)  # "boundar" of "boundary" / "boundaries"
    noun = next((w for w in re.findall(r"[\w’'-]+", kind.heading)
                 if fold(w).startswith(stem) and fold(w) != fold(kind.head)), None)
    if noun is None:
        return kind.phrase
    words = kind.phrase.split()
    i = words.index(kind.head) if kind.head in words else -1
    return " ".join(words[:i] + [noun.lower()] + words[i + 1:]) if i >= 0 else kind.phrase


def _head_lemma(label: str) -> str:
    """The member heading's head noun, as a lemma ("Divergent boundaries (constructive)" -> "boundary")."""
    doc = _parse(_ASIDE.sub("", label).strip())
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    return fold(root.lemma_) if root is not None else ""


class SiblingSections:
    """The notes' sibling sections of one kind, by document, and the items they make."""

    def __init__(self, notes: list[Chunk]) -> None:
        by_doc: dict[str, list[Chunk]] = defaultdict(list)
        for chunk in notes:
            by_doc[chunk.document].append(chunk)
        self.groups: dict[tuple[str, tuple[str, ...]], _Group] = {}  # (document, member path) -> its group
        self.refused: list[tuple[str, str, str]] = []  # (member, why, sentence): what was not asked (bench)
        self._asked: set[tuple[str, tuple[str, ...]]] = set()
        for document, chunks in by_doc.items():
            self._read(document, chunks)

    def _read(self, document: str, chunks: list[Chunk]) -> None:
        children: dict[tuple[str, ...], list[tuple[str, ...]]] = defaultdict(list)
        for chunk in chunks:
            path = chunk.heading_path
            for k in range(1, len(path) + 1):
                if path[:k] not in children[path[:k - 1]]:
                    children[path[:k - 1]].append(path[:k])
        # A sub-heading the document writes under two or more parents is a part of any section ("Definition",
        # "Summary", "Examples"), not a member of one kind.
        parents_of: dict[str, set] = defaultdict(set)
        for parent, kids in children.items():
            for kid in kids:
                parents_of[fold(_ASIDE.sub("", shown(kid[-1])))].add(parent)
        for parent, kids in children.items():
            self._numbered_runs(document, kids, parents_of)
        for parent, kids in children.items():
            if not parent or len(kids) < MIN_RUN or is_practice_section(parent) or is_worked_example(parent):
                continue
            if all(c.heading_path[:len(parent)] == parent for c in chunks):
                continue  # the document's title or subtitle: its chapters are of no one kind
            kind = parent_kind(parent[-1])
            if kind is None:
                continue
            members = []
            for kid in kids:
                label = member_label(kid[-1], kind)
                if label is not None and len(parents_of[fold(_ASIDE.sub("", shown(kid[-1])))]) < 2:
                    members.append((kid, label))
            self._add(document, parent, kind, members, len(kids))

    def _add(self, document: str, parent: tuple[str, ...], kind: Kind, members: list, headings: int) -> None:
        """The group of `members` (of `headings` sub-headings) under `parent`, when they are of one kind: where two
        or more members name the kind as their own head ("JSON filters", "Lua filters" under "Filters";
        "Pitting corrosion" under "Forms of corrosion"), only those are (not "Order of processing": an aspect of
        the topic); the members must be three or more and at least half the sub-headings (else the heading names
        a topic whose sub-headings are its aspects)."""
        heads = {fold(kind.head), fold(re.split(r"\s+", kind.phrase)[-1])}
        carrying = [(path, label) for path, label in members if _head_lemma(label) in heads]
        if len(carrying) >= 2:
            members = carrying
        if len(members) < MIN_RUN or len(members) * 2 < headings or \
                len({fold(label) for _, label in members}) < len(members):
            return
        group = _Group(parent, kind, tuple(members))
        for path, _ in members:
            self.groups[(document, path)] = group

    def _numbered_runs(self, document: str, kids: list[tuple[str, ...]], parents_of: dict[str, set]) -> None:
        """A heading naming a kind followed, at its own level, by headings numbered 1, 2, 3 ... ("Forms of
        Corrosion" then "1. Uniform (general) corrosion", "2. Pitting corrosion", ...: plain text gives the
        numbered ones no lower level): the numbered run is the kind's members, the kind heading their parent."""
        for i, kid in enumerate(kids):
            if has_section_number(kid[-1]) or (document, kid) in self.groups:
                continue
            kind = parent_kind(kid[-1])
            if kind is None:
                continue
            run = []
            for n, nxt in enumerate(kids[i + 1:], start=1):
                number = re.match(r"^\s*(\d+)[.)]\s+\S", nxt[-1])
                if number is None or int(number.group(1)) != n:
                    break
                run.append(nxt)
            members = [(path, label) for path in run
                       if (label := member_label(path[-1], kind)) is not None
                       and len(parents_of[fold(_ASIDE.sub("", shown(path[-1])))]) < 2]
            self._add(document, kid, kind, members, len(run))

    def _first_standing(self, chunk: Chunk) -> tuple[str, str, bool] | None:
        """The section's first sentence that stands alone: a clause of MIN_WORDS..MAX_WORDS words, not a list
        lead-in, a "Label: ..." row, a quotation or question, and not leaning back. (quote, readable text, whether
        only sentences leaning back come before it)."""
        opening = True  # no sentence but those leaning back (on the member the heading names) came before
        for quote, _ in chunk_sentences(chunk)[:FIRST_SENTENCES]:
            text = readable_text(quote)
            doc = _parse(text) if text else None
            if doc is not None and leans_back(doc):
                continue  # "This is the most common form.": of the member the heading names, before the rest
            if not text or text.rstrip().endswith((":", "?")) or "“" in text or "”" in text or '"' in text \
                    or _LABEL.match(text) or not (MIN_WORDS <= len(text.split()) <= MAX_WORDS) \
                    or not _a_clause(doc) or doc[0].pos_ in {"ADV", "CCONJ", "SCONJ"}:
                opening = False  # "Then ...", "But ...": it follows something said before; a lead-in, a row
                continue
            return quote, text, opening
        return None

    @staticmethod
    def _names_sibling(text: str, member: str, other: str, kind: Kind) -> bool:
        """A word that tells the sibling `other` from this member (not the kind's, not one they share) is written
        in `text`, or one of its family by its first PREFIX letters ("convergent" for "Convergent boundaries";
        "boundary" alone names none of them)."""
        own = _content_words(member) + [fold(kind.head)]
        telling = [w for w in _content_words(_ASIDE.sub("", other)) if not any(_one_family(w, o) for o in own)]
        words = _content_words(text)
        return any(w[:5] == x[:5] or min(len(w), len(x)) >= 4 and (w.startswith(x) or x.startswith(w))
                   for w in telling for x in words)

    @staticmethod
    def _telling(member: str, labels: list[str], kind: Kind) -> list[str]:
        """The member's words that tell it from its siblings: not the kind's ("type", "plate boundary") and not
        one every member shares ("corrosion" of "Pitting corrosion", "Galvanic corrosion", ...)."""
        others = [_content_words(_ASIDE.sub("", o)) for o in labels if _ASIDE.sub("", o) != member]
        shared = _content_words(kind.phrase)
        return [w for w in _content_words(member) if not any(_one_family(w, k) for k in shared)
                and not (others and all(any(_one_family(w, o) for o in words) for words in others))]

    def _ask(self, text: str, label: str, labels: list[str], kind: Kind, first: bool) -> tuple[str, str] | str:
        """("describe", text), ("subject", the sentence after its subject) or ("subjects", the same after a plural
        subject) to ask, or why not (a str). `first`: the sentence opens the section."""
        member = _ASIDE.sub("", label)
        if any(self._names_sibling(text, member, o, kind) for o in labels if o != label):
            return "names a sibling"
        telling = self._telling(member, labels, kind)
        if not telling:
            return "no word of its own"
        doc = _parse(text)
        root = next((t for t in doc if t.dep_ == "ROOT"), None)
        subject = None if root is None else next((c for c in root.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        names = lambda words: any(_one_family(w, x) for w in telling for x in _content_words(words))  # noqa: E731
        if not names(text):
            if names_word_of(text, kind.head):
                return "speaks of the kind"
            if subject is not None and subject.tag_ in {"NNS", "NNPS"} and not any(
                    c.dep_ in {"det", "poss", "nummod"} for c in subject.children):
                return "a general truth"  # "Metals are made of crystals called grains.": of a class, not the member
            return ("describe", text) if first else "not its opening"
        if subject is None or subject.left_edge.i != 0:
            return "names its member"  # the member is not what the sentence is about ("The biggest influence on X")
        start = subject.right_edge.i + 1  # where the sentence goes on after its subject
        opened = start - 1 if doc[start - 1].text == "," else start if doc[start:start + 1].text == "," else None
        if opened is not None:
            # "A transform boundary, also called a conservative boundary, is one where ...": the aside between two
            # commas goes with the subject
            start = next((t.i + 1 for t in doc[opened + 1:] if t.text == ","), len(doc))
        span, rest = doc[:start], doc[start:]
        if not len(rest) or rest[0].pos_ not in {"AUX", "VERB"}:
            return "names its member"  # the subject is not followed by its verb: no question reads "which <kind> ..."
        if not all(any(_one_family(w, x) for x in _content_words(span.text)) for w in telling) or not names(span.text):
            return "names its member"  # the subject holds only part of the member ("Exports" of "Net exports")
        if names(rest.text) or names_word_of(rest.text, kind.head) or any(c.dep_ == "conj" for c in subject.children):
            return "names its member"  # or two subjects ("X and Y are ...")
        if rest[0].lemma_ == "be" and rest[1:2].text.lower() in {"the", "not"}:
            return "names its member"  # "X is the most common ...": a superlative, not what X is
        rest = rest.text
        return ("subjects" if subject.tag_ in {"NNS", "NNPS"} else "subject"), described(rest)

    def questions(self, chunk: Chunk, subject: str = "") -> list[SiblingQuestion]:
        """The item of the member section this chunk opens (once a member), `subject` naming the notes."""
        key = (chunk.document, chunk.heading_path)
        group = self.groups.get(key)
        if group is None or key in self._asked:
            return []
        found = self._first_standing(chunk)
        if found is None:
            return []  # the section's first chunk holds no sentence that stands alone: its next chunk may
        self._asked.add(key)
        quote, text, first = found
        labels = [label for _, label in group.members]
        label = next(label for path, label in group.members if path == chunk.heading_path)
        how = self._ask(text, label, labels, group.kind, first)
        if isinstance(how, str):
            self.refused.append((label, how, text))
            return []
        where = f"In the notes on {subject}" if subject else "In the notes"
        if " " not in group.kind.phrase:
            where += f", under “{LabelRuns._heading(group.parent, group.kind)}”"
        if how[0] == "subject":
            prompt = f"{where}, which {group.kind.phrase} {how[1]}?"
        elif how[0] == "subjects":
            prompt = f"{where}, which {plural(group.kind)} {how[1]}?"
        else:
            prompt = f"{where}, which {group.kind.phrase} does this describe: “{described(text)}”?"
        n = labels.index(label)
        others = sorted((o for o in labels if o != label), key=lambda o: abs(labels.index(o) - n))[:MAX_OPTIONS - 1]
        return [SiblingQuestion(prompt, label, tuple(sorted(others + [label], key=fold)), quote, chunk)]
