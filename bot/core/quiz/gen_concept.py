"""Concept items matched across the notes: "Which of these was <what the notes say X was>?", with
the other things the notes describe the same way as wrong options.

A teacher's matching question pairs a thing with what it is: a term with its definition, a body with
its role, a person with the office the notes give them. The notes say this in two forms, both read
from spaCy's parse of one sentence:

- "X is/was a/an/the <noun> ..." with X opening the sentence ("Telenet was the first FCC-licensed
  public data network in the United States", "Reserved matters are subjects outside ..."), and the
  role a person or body took ("X became the Great Khan", "X served as ...", "X was elected ...");
- "X, a/the <noun> ..., ..." (an apposition: "William Shirley, the expansionist governor of the
  Province of Massachusetts Bay, ...").

Every such description of the notes goes into one pool, and the wrong options of an item are other
things the notes describe with the same class noun (other networks, other governors), then other
things of the same kind (people among people, terms of the same grammatical number): each option is
something the notes teach, of the answer's kind, so only knowing the notes tells them apart. Nothing
here is a word list of a course; the kinds come from spaCy's labels and the notes' own class nouns.
"""

from __future__ import annotations

import random
import re
from collections import Counter
from dataclasses import dataclass

from bot.core.quiz.gen_context import NameContexts, content_words
from bot.core.quiz.gen_lexicon import (ACTOR, DEFINITION, LABEL_KIND, PERSON, NotesLexicon, entity_text, name_shape_ok,
                                       term_of, text_between, words_of)
from bot.core.quiz.gen_standalone import gives_away
from bot.core.tokens import STOPWORDS, fold

NAMED = "named"  # a named thing that is no person, place or people: a body, a network, a treaty, a work
# spaCy's label -> the kind options must share. Bodies, products, works, events and laws are all
# "named things": the notes' class noun ("network", "treaty") is what tells them apart.
_NAME_KIND = {"PERSON": PERSON, "GPE": "place", "LOC": "place", "NORP": "group"}
# Places and peoples the small model reads out of a person or a company ("Loudoun was a capable
# administrator", "Loos, a postal company"): a description of one is more often a misread name.
_UNDESCRIBED = frozenset({"place", "group"})
MIN_DESCRIPTION_WORDS = 3  # "a city" says too little to be one thing
MAX_DESCRIPTION_WORDS = 24  # a longer description is a paragraph to read, not a question
OPTIONS = 4
# Wrong options the notes call by the answer's class noun (see DescriptionPool.of_class): every one,
# or an option of another kind (a company among networks) gives the answer away. People are matched
# among the people the notes name, ranked by role and likeness: their kind is sure already.
MIN_SAME_CLASS = OPTIONS - 1
MIN_PERSON_MENTIONS = 2  # the full name, as the answer is written
MATCH_QUALITY = 0.8
# A wrong option one of whose own sentences says this share of the description's content words may
# be a second right answer ("Möngke Khan" also "became the Great Khan"): it is not offered.
MAX_OPTION_SUPPORT = 0.5
# Subjects that open a sentence but are no thing of their own: "Most draft laws", "Both campuses".
_QUANTIFIER_WORDS = frozenset({"most", "many", "some", "several", "all", "both", "each", "few", "other",
                               "another", "such", "this", "that", "these", "those", "its", "their", "his", "her"})
# Class nouns that say nothing about what a thing is ("X is part of ...", "X is the name given to").
_VAGUE_CLASSES = frozenset({"part", "name", "one", "thing", "way", "kind", "type", "number", "lot", "result",
                            "example", "home", "site", "member", "fact", "case", "idea"})


@dataclass(frozen=True)
class Description:
    """One thing the notes describe: "<subject> <verb> <description>"."""

    subject: str  # as written in the sentence, without a leading "The"
    kind: str  # "person", "organisation", ... for a name; "term-sg" / "term-pl" for a term
    class_noun: str  # the description's head noun, as a lemma ("network", "governor")
    description: str  # "the first FCC-licensed public data network in the United States"
    verb: str  # "is", "was", "are", "were"
    sentence: str  # the sentence's text as the generator reads it

    @property
    def key(self) -> str:
        return fold(self.subject)

    @property
    def tests(self) -> str:
        return ACTOR if self.kind == PERSON else DEFINITION


def descriptions_in(doc, lexicon: NotesLexicon) -> list[Description]:
    """The descriptions one parsed sentence gives: its copular definition and its appositions."""
    found = []
    copular = _copular(doc, lexicon)
    if copular:
        found.append(copular)
    found += _appositions(doc, lexicon)
    return found


def _copular(doc, lexicon: NotesLexicon) -> Description | None:
    """"X is/was a Y ...", and what a person or body came to be: "X became the Y", "X served as the
    Y", "X was appointed/elected the Y" (who did what: the role is the description)."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or root.tag_ not in {"VBZ", "VBD", "VBP"} or any(c.dep_ == "neg" for c in root.children):
        return None  # "X is not a Y" describes nothing
    verb, attribute, subject = _role_verb(root)
    if attribute is None or subject is None:
        return None
    if attribute.pos_ != "NOUN" and not (root.lemma_ != "be" and attribute.pos_ == "PROPN"
                                         and attribute.ent_type_ not in {"PERSON", "GPE", "LOC", "NORP"}):
        return None  # a title taken is often written as a name ("became the Great Khan"); a thing is a noun
    after = subject.right_edge.i + 1
    if subject.left_edge.i != 0 or not (after == root.i or doc[after].head.i == root.i
                                        and doc[after].dep_ in {"aux", "auxpass"}):
        return None  # an opener before the subject, or something between subject and verb
    named = _subject_of(doc[0:subject.right_edge.i + 1], lexicon)
    if named is None:
        return None
    text, kind = named
    if kind in _UNDESCRIBED:
        return None
    # "X is a Y": the sentence ends with the description, or it would carry a second claim; a role
    # taken ("became the Great Khan in 1260") may be followed by when or where.
    description = _description(doc, attribute, end=None, whole=root.lemma_ == "be")
    if description is None:
        return None
    return Description(text, kind, attribute.lemma_.lower(), description, verb, doc.text)


_NOT_DESCRIPTIONS = frozenset({"PERSON", "GPE", "LOC", "NORP", "DATE", "TIME", "CARDINAL", "MONEY", "PERCENT",
                               "QUANTITY"})
# Verbs that give their subject a role as their complement: "became the Great Khan", "was elected ...".
_ROLE_VERBS = frozenset({"become", "remain"})
_ROLE_PASSIVES = frozenset({"appoint", "elect", "name", "make", "crown", "proclaim", "declare", "nominate"})


def _role_verb(root):
    """(the verb as the question says it, the complement's head, the subject) of a sentence whose
    main verb ties its subject to a noun phrase, or (_, None, None)."""
    subject = next((c for c in root.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if root.lemma_ == "be" and subject is not None and subject.dep_ == "nsubj":
        attribute = next((c for c in root.children if c.dep_ == "attr" and c.i > root.i), None)
        return root.lower_, attribute, subject
    if root.lemma_ in _ROLE_VERBS and root.tag_ == "VBD":
        attribute = next((c for c in root.children if c.dep_ in {"attr", "oprd"} and c.i > root.i), None)
        return root.lower_, attribute, subject
    if root.lemma_ == "serve" and root.tag_ == "VBD":
        prep = next((c for c in root.children if c.dep_ == "prep" and c.lower_ == "as"), None)
        attribute = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
        return "served as", attribute, subject
    if root.lemma_ in _ROLE_PASSIVES and root.tag_ == "VBN":
        auxiliary = next((c for c in root.children if c.dep_ == "auxpass" and c.lower_ in {"was", "were"}), None)
        attribute = next((c for c in root.children if c.dep_ in {"oprd", "attr", "dobj"} and c.i > root.i), None)
        if auxiliary is not None:
            return f"{auxiliary.lower_} {root.lower_}", attribute, subject
    return "", None, None


def _appositions(doc, lexicon: NotesLexicon) -> list[Description]:
    """"William Shirley, the expansionist governor of ..., ...": a trusted name and the noun phrase
    set beside it between commas."""
    found = []
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    past = root is not None and (root.tag_ == "VBD" or any(c.tag_ == "VBD" for c in root.children
                                                          if c.dep_ in {"aux", "auxpass"}))
    for ent in doc.ents:
        name = entity_text(ent)
        label_kind = LABEL_KIND.get(ent.label_)
        if not label_kind or not name or not name_shape_ok(name, label_kind) or not lexicon.trusted(name, label_kind):
            continue
        kind = _NAME_KIND.get(ent.label_, NAMED)
        if kind in _UNDESCRIBED:
            continue
        for child in ent.root.children:
            if child.dep_ != "appos" or child.pos_ != "NOUN" or ent.start <= child.i < ent.end:
                continue
            if child.left_edge.i != ent.end + 1 or doc[ent.end].text != ",":
                continue  # only "X, a Y ...": the phrase set off right after the name
            after = child.right_edge.i + 1
            if after < len(doc) and doc[after].text not in {",", ".", ";"}:
                continue
            description = _description(doc, child, end=after)
            if description and "," not in description:  # "X, a minister, funded Y": the verb read into it
                found.append(Description(name, kind, child.lemma_.lower(), description, "was" if past else "is",
                                         doc.text))
    return found


def _subject_of(span, lexicon: NotesLexicon) -> tuple[str, str] | None:
    """(text, kind) of a sentence-opening subject that names one thing: a name of the notes (a
    person only when the notes trust it as one) or a term (a common-noun phrase, no tail)."""
    tokens = list(span)
    if not tokens or tokens[0].lower_ in _QUANTIFIER_WORDS or any(t.pos_ == "PRON" for t in tokens):
        return None
    if any(t.text in {",", "(", ")", ";", ":"} for t in tokens):
        return None  # "The Computer Science Network (CSNET)": the brackets would be in every option
    ents = [e for e in span.doc.ents if e.start >= span.start and e.end <= span.end]
    if len(ents) == 1 or (not ents and all(t.pos_ == "PROPN" or t.lower_ == "the" for t in tokens)):
        name_tokens = [t for t in tokens if not (t.i == span.start and t.lower_ == "the")]
        if ents and any(not ents[0].start <= t.i < ents[0].end for t in name_tokens):
            return None  # "The X.25 UNI protocol": a name inside a longer phrase
        name = text_between(name_tokens[0], name_tokens[-1]) if name_tokens else ""
        if not name or not name[:1].isupper() or len(name.split()) > 5:
            return None
        kind = _NAME_KIND.get(ents[0].label_, NAMED) if ents else NAMED
        if kind == PERSON and not lexicon.trusted(name, PERSON):
            # A one-word name the notes never give as part of a person's full name ("Telenet" read
            # as a person) is a named thing; the class noun of its description says which kind.
            if " " in name or PERSON in lexicon.name_parts.get(name, ()):
                return None
            kind = NAMED
        return name, kind
    if ents:
        return None
    chunk = next((c for c in span.doc.noun_chunks if c.start == span.start and c.end == span.end), None)
    term = term_of(chunk) if chunk is not None else None
    if term is None:
        return None
    text, key, number = term
    if key not in lexicon.compound_terms and lexicon.term_counts[key] < 2:
        return None  # "An attractive feature": a phrase, not a term the notes teach
    return text, f"term-{number}"


def _description(doc, head, end: int | None, whole: bool = True) -> str | None:
    """The noun phrase of `head` as a question can carry it: opened by an article, a possessive or an
    adjective, MIN-MAX words, nothing pointing back, no second clause."""
    start = head.left_edge.i
    stop = end if end is not None else head.right_edge.i + 1
    span = doc[start:stop]
    if head.lemma_.lower() in _VAGUE_CLASSES or head.ent_type_ in _NOT_DESCRIPTIONS or (head.ent_type_ and whole):
        return None  # "X is France": a name, not a description; a title taken ("the Great Khan") is one
    first = span[0]
    if first.lower_ not in {"a", "an", "the"} and first.tag_ != "PRP$" and (first.pos_ != "ADJ" or end is None):
        return None  # "protection of borders", "long opposed ...": a parse gone astray, not a description
    if any(t.i < head.i and (t.pos_ == "AUX" or t.tag_ in {"VBD", "VBZ", "VBP", "MD"} or t.tag_ in {"VBN", "VBG"}
                             and doc[t.i - 1].text != "-") for t in span):
        return None  # "long opposed colonial acquisitions": a verb read into a noun phrase ("FCC-licensed" is fine)
    if not MIN_DESCRIPTION_WORDS <= len([t for t in span if not t.is_punct]) <= MAX_DESCRIPTION_WORDS:
        return None
    for t in span:
        if t.pos_ == "PRON" and t.lower_ not in {"which", "that", "who", "whom", "whose"}:
            return None  # "its", "their", "his father": leans on what came before
        if t.lower_ in {"this", "these", "those", "that"} and t.dep_ == "det":
            return None
        if t.lower_ in {"other", "another", "same", "former", "latter", "also"}:
            return None
        if t.text in {";", ":", "(", ")", "[", "]", "\"", "“", "”"}:
            return None  # a list, an aside or a quotation cut somewhere
        if t.lower_ == "the" and t.dep_ == "det" and t.head.i != head.i and t.head.pos_ == "NOUN" and not any(
                c.dep_ in {"prep", "compound", "amod", "relcl", "acl", "poss", "nmod"} for c in t.head.children):
            return None  # "the intendant of the territory": which territory, only what came before says
    text = span.text.strip().rstrip(",.;")
    if end is None and whole and span.end < len(doc) and not all(t.is_punct for t in doc[span.end:]):
        return None  # the sentence goes on past the description: a second claim
    if not whole and any(t.dep_ in {"cc", "conj"} and t.head.i == head.head.i for t in doc[span.end:]):
        return None  # "became emperor and moved the capital": a second claim hangs on the verb
    return text


class DescriptionPool:
    """Every description of the notes, by kind and class noun: where the wrong options come from."""

    def __init__(self, docs, lexicon: NotesLexicon, contexts: NameContexts) -> None:
        self.lexicon = lexicon
        self.contexts = contexts
        self.described: list[Description] = []
        self.lines: list[tuple[str, frozenset[str]]] = []
        self.acting: Counter = Counter()  # name -> sentences it is the subject of a verb in (gen_actors)
        for doc in docs:
            self.described += descriptions_in(doc, lexicon)
            self.lines.append((doc.text, frozenset(content_words(doc))))
            self.acting.update({entity_text(e) for e in doc.ents if e.root.dep_ == "nsubj" or (
                e.root.dep_ == "pobj" and e.root.head.dep_ == "agent")} - {""})
        # A thing described twice in different words is one thing with two descriptions: the first
        # is kept as the pool's entry, every one can be asked.
        self._by_key: dict[str, Description] = {}
        self._by_sentence: dict[str, list[Description]] = {}
        self._called: dict[tuple[str, str], bool] = {}
        for d in self.described:
            self._by_key.setdefault(d.key, d)
            self._by_sentence.setdefault(d.sentence, []).append(d)

    def in_sentence(self, text: str) -> list[Description]:
        return self._by_sentence.get(text, [])

    def described_as(self, name: str) -> Description | None:
        """The notes' first description of `name` ("The European Commission is the main executive
        body ..."), or None."""
        return self._by_key.get(fold(name))

    def wrong_options(self, d: Description, visible: str, sharing: set[str] | None = None,
                      keep=lambda name: True, candidates: list[str] | None = None,
                      max_support: float = MAX_OPTION_SUPPORT, forms=lambda name: (name,)) -> list[str]:
        """OPTIONS - 1 other things of d's kind: first those the notes describe with d's class noun or
        whose sentences use it ("network" near Tymnet as near Telenet), then those whose sentences are
        most like the answer's; none in the visible text, none sharing a word with the answer, none the
        notes also say the description of (a second right answer), none `keep` refuses. `candidates`:
        the names to choose from, when the caller knows d's kind better (default: _candidates); `forms`:
        how the notes write a name besides in full ("Kublai")."""
        visible_folded = fold(visible)
        wanted = set(content_words_of(d.description))
        ranked: list[tuple[float, str]] = []
        for name in (self._candidates(d) if candidates is None else candidates):
            other = self._by_key.get(fold(name))
            score = 2.0 if self.of_class(name, d.class_noun) else 0.0
            if not d.kind.startswith("term"):
                score += self.contexts.similarity(d.subject, name)
            if d.kind == PERSON and (self.contexts.roles.get(name) or other is not None):
                score += 0.5  # a person the notes give a title or role: surely a person
            ranked.append((score, name))
        ranked.sort(key=lambda p: (-p[0], p[1]))
        chosen: list[str] = []
        for _, name in ranked:
            if fold(name) in visible_folded or _overlapping(name, d.subject) or not keep(name):
                continue
            if sharing and not sharing <= _meaningful_words(name):
                continue
            if any(_overlapping(name, c) for c in chosen):
                continue
            if self._support(name, wanted, d.sentence, forms) > max_support:
                continue
            chosen.append(name)
            if len(chosen) == OPTIONS - 1:
                break
        return chosen if len(chosen) == OPTIONS - 1 else []

    def _candidates(self, d: Description) -> list[str]:
        """Things of d's kind: described ones, and for names, the names of the notes of that kind
        seen at least twice (a person only when trusted and never a piece of a longer name)."""
        found = {other.subject for other in self._by_key.values() if other.kind == d.kind and other.key != d.key}
        kinds = {PERSON: (PERSON,), "place": ("place", "region"), "group": ("group",),
                 NAMED: ("organisation", "event", "law")}.get(d.kind, ())
        for kind in kinds:
            for name in self.lexicon.names_of(kind):
                if self.lexicon.label_votes[name][kind] < 2 or fold(name) == d.key:
                    continue
                if kind == PERSON and not self.lexicon.trusted(name, PERSON):
                    continue
                if self.lexicon.inside_longer_name(name, kind) or self.lexicon.mostly_in_longer_names(name):
                    continue  # "William Henry" of "Fort William Henry", "Amsterdam" of "Treaty of Amsterdam"
                if " " not in name and any(name != other and name in other.split()
                                           for other in self.lexicon.names[kind]):
                    continue  # "Shirley" of "William Shirley"
                found.add(name)
        if d.kind == NAMED:
            found |= self._called_by(d.class_noun)
        if d.kind.startswith("term"):
            number = d.kind.removeprefix("term-")
            for key, (text, term_number) in self.lexicon.terms.items():
                if term_number == number and key in self.lexicon.defined and d.class_noun in self.lexicon.defined[key]:
                    found.add(text)  # a term the notes define with the same class noun
        found.discard(d.subject)
        return sorted(found)

    def of_class(self, name: str, class_noun: str) -> bool:
        """The notes call `name` by this class noun: they describe it with it ("Tymnet was a network"),
        write the noun beside the name ("the Tymnet network", "networks such as Tymnet"), or give a
        person that role ("Governor Dinwiddie", "Bigot, the intendant"). A noun somewhere in the
        name's sentences is not enough: "network" is in every sentence of notes on networks."""
        other = self._by_key.get(fold(name))
        if (other is not None and other.class_noun == class_noun) or class_noun in self.contexts.roles.get(name, ()):
            return True
        key = (name, class_noun)
        if key not in self._called:
            noun, escaped = re.escape(class_noun), re.escape(name)
            # "the Tymnet network" (the noun in lower case: "Foundation Network" is part of a name), or
            # "networks such as Tymnet", "networks, including X and Tymnet".
            near = rf"(?<![\w-]){escaped}(?:\s+[a-z][\w-]*)?\s+{noun}(?:s|es)?\b|" \
                   rf"\b{noun}(?:s|es)?,?\s+(?:such as|like|including|notably)\s+(?:[\w-]+,?\s+(?:and\s+)?){{0,3}}?{escaped}(?![\w-])"
            self._called[key] = any(re.search(near, text) for text, _ in self.lines)
        return self._called[key]

    def _called_by(self, class_noun: str) -> set[str]:
        """Names the notes write before the class noun: "the Tymnet network", "the Datanet 1 network"."""
        pattern = re.compile(rf"\b((?:[A-Z][\w.-]*)(?:\s+[A-Z0-9][\w.-]*){{0,3}})\s+{re.escape(class_noun)}(?:s|es)?\b")
        found = set()
        for text, _ in self.lines:
            for match in pattern.finditer(text):
                name = match.group(1)
                if match.start() > 0 and name.split()[0].lower() not in STOPWORDS and len(name) > 2:
                    found.add(name)
        return found

    def _support(self, name: str, wanted: set[str], own: str, forms=lambda name: (name,)) -> float:
        """The largest share of `wanted` one sentence about `name` holds: a sentence naming it (in any
        of its `forms`: "Kublai" for Kublai Khan), or the one after it when that opens with "he",
        "she" or "they" ("He renewed a massive drive against the Song dynasty")."""
        if not wanted:
            return 0.0
        pattern = re.compile("|".join(rf"(?<![\w-]){re.escape(f)}(?![\w-])" for f in forms(name)))
        best = 0.0
        for i, (text, lemmas) in enumerate(self.lines):
            if not pattern.search(text):
                continue
            following = self.lines[i + 1] if i + 1 < len(self.lines) else ("", frozenset())
            about = [(text, lemmas)] + ([following] if _PERSONAL_OPENING.match(following[0]) else [])
            for line, words in about:
                if line != own:
                    best = max(best, len(wanted & words) / len(wanted))
        return best


_PERSONAL_OPENING = re.compile(r"^(He|She|They|His|Her|Their)\b")


def content_words_of(text: str) -> list[str]:
    return [w for w in re.findall(r"[a-z]+", fold(text)) if len(w) > 2 and w not in STOPWORDS]


def _meaningful_words(text: str) -> set[str]:
    return {w for w in words_of(text) if w not in STOPWORDS and len(w) > 2}


def _overlapping(a: str, b: str) -> bool:
    """One name within the other ("Shirley", "William Shirley"), or the same word spelt two ways
    ("Protestants", "Protestantism"): "European Parliament" beside "European Commission" is fine."""
    wa, wb = _meaningful_words(a), _meaningful_words(b)
    if not wa or not wb or wa <= wb or wb <= wa:
        return True
    return any(len(x) >= 6 and len(y) >= 6 and x[:6] == y[:6] and x != y for x in wa for y in wb)


@dataclass(frozen=True)
class MatchQuestion:
    prompt: str  # "Which of these was the first FCC-licensed public data network in the United States?"
    answer: str
    options: tuple[str, ...]
    tests: str
    same_class: int  # how many wrong options the notes describe with the answer's class noun

    @property
    def quality(self) -> float:
        """The generator's own score (before the learned one): over a "What is X?" card of the same
        sentence (a postable question on the same fact), surer the more options share the class noun."""
        return round(MATCH_QUALITY + 0.02 * self.same_class, 2)


def match_question(d: Description, pool: DescriptionPool, visible: str) -> MatchQuestion | None:
    """"Which of these <verb> <description>?" with d's subject among OPTIONS things of its kind."""
    rng = random.Random(f"concept\x1f{d.sentence}\x1f{d.subject}")
    wrong = pool.wrong_options(d, visible)
    if wrong and gives_away(d.description, d.subject, wrong):
        # "the main executive body of the European Union" for "European Commission": only options
        # that share the word the description repeats ("European Parliament") leave nothing away.
        shared = {w for w in _meaningful_words(d.subject) if w in _meaningful_words(d.description)}
        wrong = pool.wrong_options(d, visible, sharing=shared)
        if wrong and gives_away(d.description, d.subject, wrong):
            return None  # "developed by Apple Inc." for AppleTalk
    if not wrong:
        return None
    answer = d.subject[:1].upper() + d.subject[1:] if d.kind.startswith("term") else d.subject
    options = [answer, *(w[:1].upper() + w[1:] if d.kind.startswith("term") else w for w in wrong)]
    rng.shuffle(options)
    same_class = sum(1 for w in wrong if pool.of_class(w, d.class_noun))
    if d.kind != PERSON and same_class < MIN_SAME_CLASS:
        return None  # "OSI" and "National Science Foundation" among networks: the form gives the answer away
    if d.kind == PERSON and pool.lexicon.occurrences(d.subject) < MIN_PERSON_MENTIONS:
        return None  # a person the notes name once in full is a peripheral figure (judged trivia)
    prompt = f"According to the notes, which of these {d.verb} {d.description}?"
    return MatchQuestion(prompt, answer, tuple(options), d.tests, same_class)


def match_questions(sentence: str, pool: DescriptionPool, visible: str) -> list[MatchQuestion]:
    """The match questions of one sentence of the notes (as the generator reads it)."""
    found = (match_question(d, pool, visible) for d in pool.in_sentence(sentence))
    return [q for q in found if q is not None]
