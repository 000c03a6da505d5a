"""Concept items on the notes' central terms: "Which of these <what the notes say the term does>?",
with the notes' other central terms as wrong options.

Judges keep items on the terms a subject is built on (packet against circuit switching, reserved
matters, the Rankine cycle) and drop those on incidental things (a protocol suite named once, a
bridge). So a term is asked about only when the notes are about it:

- **central**: the term (a common-noun phrase, gen_lexicon.term_of) is written in at least
  MIN_SPREAD passages of the notes, or in a heading; a single generic noun ("network", "system")
  counts only when the notes define it (they say what it is);
- **characterised**: a sentence opens with the term as the subject of its main verb and says
  something of it ("Connection-oriented transmission requires a setup phase in each involved node
  ..."). The rest of the sentence is the question; the term is the answer.

The wrong options are other central terms of the same notes and the same grammatical number,
those the notes themselves characterise first: each is a concept of the course a student must tell
apart from the answer. None is offered that the notes say the same thing of (a second right
answer), that shares a word with the answer's words the question repeats, or that is in the
question. Nothing here is a list of any course's words: the terms, their spread and the sentences
come from spaCy's parse of the notes.
"""

from __future__ import annotations

import random
import re
from collections import defaultdict
from dataclasses import dataclass

from bot.core import nlp
from bot.core.quiz.gen_concept import _meaningful_words, _overlapping
from bot.core.quiz.gen_context import content_words
from bot.core.quiz.gen_finished_forms import RELATIONAL
from bot.core.quiz.gen_lexicon import TERM, ChoiceQuestion, NotesLexicon, term_of
from bot.core.quiz.gen_plural import singular
from bot.core.quiz.gen_standalone import gives_away
from bot.core.tokens import fold

MIN_SPREAD = 3  # passages of the notes a term is written in to count as central
MIN_PREDICATE_WORDS = 5  # "... is important" says too little to be one term's
MAX_PREDICATE_WORDS = 30
OPTIONS = 4
TERM_QUALITY = 0.82  # over the "What is X?" card of the same sentence: a postable question on one fact
# A wrong option one of whose own sentences says this share of the question's content words may be a
# second right answer: it is not offered.
MAX_OPTION_SUPPORT = 0.4
# Hedged or pointing statements say nothing a term alone is known by.
_HEDGES = frozenset({"may", "might", "could", "can", "would", "should"})
_POINTING = frozenset({"also", "too", "then", "still", "again", "however", "therefore", "thus"})
_TERM_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
# English nouns for the parts of a text itself: the notes' examples, sections and exercises are no
# concept a student tells apart from the course's terms.
_TEXT_PARTS = frozenset({"example", "section", "chapter", "page", "figure", "exercise", "paragraph"})


@dataclass(frozen=True)
class CentralTerm:
    key: str  # lemma key ("connection-oriented transmission")
    text: str  # as the notes write it
    number: str  # "sg" / "pl"
    spread: int  # passages it is written in
    in_heading: bool


class CentralTerms:
    """The notes' central terms and the sentences that characterise each."""

    def __init__(self, passages: list[str], headings: list[str], docs, lexicon: NotesLexicon,
                 titles: list[str] = (), parts: list[tuple] = ()) -> None:
        """`parts`, when given, is the part of the notes each passage is in (`parts_of`), in the order
        of `passages`: where the notes group their terms."""
        self.lexicon = lexicon
        title_words = [{w.rstrip("s") for w in _meaningful_words(t)} for t in titles]
        folded = [fold(p) for p in passages]
        docs = list(docs)
        # Single nouns the notes name together as the parts of one thing: "loggers, handlers, filters and
        # formatters" (session 14): a HOWTO teaches each of them, and they are each other's wrong options.
        self.peers: dict[str, set[str]] = defaultdict(set)
        for members in enumerations(docs):
            for key in members:
                self.peers[key] |= members - {key}
        peer_keys = set(self.peers)
        heading_text = fold(" ".join(headings))
        self.central: dict[str, CentralTerm] = {}
        self.homes: dict[str, frozenset] = {}  # term key -> the parts of the notes that use it
        for key, (text, number) in lexicon.terms.items():
            pattern = _term_pattern(text)
            used_in = [i for i, p in enumerate(folded) if pattern.search(p)]
            spread = len(used_in)
            in_heading = bool(pattern.search(heading_text))
            if spread < MIN_SPREAD and not in_heading:
                continue
            if " " not in key and "-" not in key and key not in lexicon.defined and key not in peer_keys:
                continue
            if " " not in key and key.rstrip("s") in _TEXT_PARTS:
                continue  # "Examples" (a heading's or a lead-in's word): a part of the text, not a concept of
                # the course, offered among "Ionic bonds" and "Lone pairs" it is a scrap (round 26 new notes)
            if any(words <= {w.rstrip("s") for w in _meaningful_words(text)} for words in title_words if words):
                continue  # the subject of the whole notes ("steam engines" in notes on the steam engine), or a
                # kind of it ("reciprocating steam engines"): every other term is a kind or part of it, so as
                # a wrong option it may be a second right answer  # "network", "system": a word of every sentence, not a concept the notes teach
            self.central[key] = CentralTerm(key, text, number, spread, in_heading)
            if parts:
                self.homes[key] = frozenset(parts[i] for i in used_in)
        self.characterised: dict[str, list[str]] = defaultdict(list)  # term key -> its sentences
        self.lines: list[tuple[str, frozenset[str]]] = []
        # What kind of thing each term is by the notes' own words (round 16: "a file describing changes"
        # asked among "Debian developer", a person, and "Package maintenance", "an activity"): the class
        # noun of a sentence "<term> is a <class> ...", per sentence and per term (its first such sentence).
        self.line_class: dict[str, str] = {}
        self.term_class: dict[str, str] = {}
        for doc in docs:
            self.lines.append((doc.text, frozenset(content_words(doc))))
            found = characterisation(doc, self)
            if found:
                self.characterised[found[0].key].append(doc.text)
                kind = class_noun(doc)
                if kind:
                    self.line_class[doc.text] = kind
                    self.term_class.setdefault(found[0].key, kind)
        # Terms the notes write as people: "a developer who ...", "maintainers whom ...".
        self.people = {key for key, term in self.central.items()
                       if any(re.search(_term_pattern(term.text).pattern + r",?\s+whom?\b", p) for p in folded)}

    def term_of_subject(self, span) -> CentralTerm | None:
        for chunk in span.noun_chunks if hasattr(span, "noun_chunks") else ():
            found = term_of(chunk)
            if found and found[1] in self.central:
                return self.central[found[1]]
        return None

    def wrong_options(self, answer: CentralTerm, plural: bool, wanted: set[str], own: str, visible: str) -> list[str]:
        """OPTIONS - 1 other central terms of the answer's kind (its head noun, or characterised as
        it is), written in the number the question's verb agrees with, as the notes write them."""
        visible_folded = fold(visible)
        head = answer.key.split()[-1]
        # ("Result" of "The result is encephalomyelitis.": a relational noun alone names no thing of its own, offered
        # beside "Incubation period" it is a fragment, set 22)
        bare = {t.key for t in self.central.values() if " " not in t.key and singular(t.key.lower()) in RELATIONAL}
        # Terms on the answer's head noun first ("compound engine" beside "atmospheric engine"): the
        # same kind of thing by the notes' own words; then those the notes characterise too.
        peers = self.peers.get(answer.key, set())
        if peers:
            # One of the parts the notes name together is asked among the others only: "Logger objects" or
            # "Names" beside "Handlers" and "Formatters" is another kind of thing. Three options will do.
            ranked = sorted((t for t in self.central.values() if t.key in peers and t.key not in bare),
                            key=lambda t: (not self.characterised.get(t.key), -t.spread, t.key))
            chosen = self._choose(answer, ranked, plural, wanted, own, visible_folded)
            return [self.written_as(t, plural) for t in chosen] if len(chosen) >= MIN_PEERS - 1 else []
        ranked = sorted((t for t in self.central.values() if t.key != answer.key and t.key not in bare),
                        key=lambda t: (t.key.split()[-1] != head, not self.characterised.get(t.key),
                                       not t.in_heading, -t.spread, t.key))
        chosen = self._choose(answer, ranked, plural, wanted, own, visible_folded)
        heads = [head, *(t.key.split()[-1] for t in chosen)]
        if len(set(heads)) not in (1, len(heads)):
            # "Default option" among three periods, "Generator" among three modules: options that share a
            # head noun the others lack single themselves out by form (round 11). Every option on its own
            # head noun then, or none.
            chosen = self._choose(answer, ranked, plural, wanted, own, visible_folded, distinct_heads=True)
        if len(answer.key.split()) > 1 and all(t.key.split()[-1] != head for t in chosen) \
                and any(t.key.split()[-1] == head for t in ranked):
            # "Itertools module" among "Object", "Generator", "Functional style": the notes name other
            # modules (the operator and functools modules), none of which could be offered, so the answer
            # is the only one of its kind its head noun says the question wants (held-out round 12:
            # borderline, "the only module among the options").
            return []
        return [self.written_as(t, plural) for t in chosen] if len(chosen) == OPTIONS - 1 else []

    def _choose(self, answer: CentralTerm, ranked: list[CentralTerm], plural: bool, wanted: set[str], own: str,
                visible_folded: str, distinct_heads: bool = False) -> list[CentralTerm]:
        head = answer.key.split()[-1]
        chosen: list[str] = []
        chosen_terms: list[str] = []
        picked: list[CentralTerm] = []
        for term in ranked:
            if term.key.split()[-1] != head and not self.characterised.get(term.key) \
                    and term.key not in self.peers.get(answer.key, ()):
                continue  # "sequence number" beside "frame relay": another kind of thing gives the answer away
            if self._other_kind(answer, term, own):
                continue
            if self._other_part(answer, term):
                continue
            if distinct_heads and term.key.split()[-1] in {head, *(t.key.split()[-1] for t in picked)}:
                continue
            if _term_pattern(term.text).search(visible_folded) or _overlapping(term.text, answer.text):
                continue
            written = self.written_as(term, plural)
            if written is None:
                continue
            if any(_overlapping(term.text, c) for c in chosen_terms):
                continue
            if any(_term_pattern(term.text).search(fold(line)) for line in self.neighbours(own)):
                continue  # "Compound engines exhausted steam ... These stages were called expansions, with double
                # and triple expansion engines ...": the sentences around the answer's say it is one of them
            if self._support(term.text, wanted, own) > MAX_OPTION_SUPPORT:
                continue  # the notes say much the same of it: a second right answer
            chosen.append(written)
            chosen_terms.append(term.text)
            picked.append(term)
            if len(chosen) == OPTIONS - 1:
                break
        return picked

    def _other_kind(self, answer: CentralTerm, term: CentralTerm, own: str) -> bool:
        """`term` is another kind of thing than the answer by what the notes say of each: a person
        among things (or a thing among people), or a term the notes call another class of thing than
        the question does ("an activity" offered where the question asks "which of these is a file
        ..."): only the answer could then be what is asked."""
        if (answer.key in self.people) != (term.key in self.people):
            return True
        asked, offered = self.line_class.get(own), self.term_class.get(term.key)
        return bool(asked and offered and asked != offered)

    def _other_part(self, answer: CentralTerm, term: CentralTerm) -> bool:
        """`term` is only used in other parts of the notes than the answer, on another head noun and in
        no list with it: the notes group it with other things ("Water jet pump", of a glossary's part on
        laboratory apparatus, offered among "Atomic radius", "Isotope", "Nuclear isomer" of its part on
        key terms: round 22 dropped it, "the only apparatus option is given away"). A term on the
        answer's head noun or named in a list with it is of its kind whatever part uses it."""
        homes, other = self.homes.get(answer.key), self.homes.get(term.key)
        if not homes or not other or homes & other:
            return False
        return term.key.split()[-1] != answer.key.split()[-1] and term.key not in self.peers.get(answer.key, ())

    def neighbours(self, own: str) -> list[str]:
        """The sentences just before and after `own` in the notes."""
        texts = [text for text, _ in self.lines]
        found = []
        for i, text in enumerate(texts):
            if text == own:
                found += texts[max(0, i - 1):i] + texts[i + 1:i + 2]
        return found

    def written_as(self, term: CentralTerm, plural: bool) -> str | None:
        """The term in the number the question's verb agrees with: as the notes write it, or made
        plural by the regular rule of English when the notes write that plural too ("compound engine"
        -> "compound engines"). A plural the notes never write in the singular stays as it is only
        where a plural is wanted."""
        if (term.number == "pl") == plural:
            return term.text
        if not plural:
            single = term.text[:-1] if term.text.endswith("s") and not term.text.endswith("ss") else None
            return single if single and self.lexicon.occurrences(single) else None
        plural_text = _plural(term.text)
        if not (self.lexicon.occurrences(plural_text) or self.lexicon.occurrences(plural_text[:1].upper() + plural_text[1:])):
            return None  # a plural the notes never write is often no word at all: "the Rankine cycle" and "the
            # operator module" are one thing each, "functional programming" is a mass noun (held-out round 11-0)
        return plural_text

    def _support(self, term: str, wanted: set[str], own: str) -> float:
        """The largest share of the question's content words one sentence naming the term says."""
        if not wanted:
            return 0.0
        pattern = _term_pattern(term)
        return max((len(wanted & lemmas) / len(wanted) for text, lemmas in self.lines
                    if text != own and pattern.search(fold(text))), default=0.0)


MIN_PEERS = 3  # nouns an enumeration names, for them to be parts of one thing


def enumerations(docs) -> list[set[str]]:
    """The lemma keys of single common nouns the notes name in one enumeration of MIN_PEERS or more
    ("Loggers, handlers, filters and formatters", "lists, tuples and dictionaries"): no member
    qualified by another word ("basic functions"), no name, no member shorter than a term may be."""
    found = []
    for doc in docs:
        for token in doc:
            if token.dep_ == "conj" or token.pos_ != "NOUN":
                continue
            members = [token, *(c for c in token.conjuncts if c.i > token.i)]
            if len(members) < MIN_PEERS or any(
                    m.pos_ != "NOUN" or m.ent_type_ or len(m.text) < 5 or not m.text.isalpha()
                    or any(c.dep_ in {"compound", "amod", "nmod", "poss"} for c in m.children) for m in members):
                continue
            if _about_the_text(token):
                continue  # "These notes cover the virus, ..., diagnosis, treatment and prevention": the notes'
                # own parts, not things of one kind (set 23: "Illness", "Prevention" offered beside "Diagnosis")
            keys = {m.lemma_.lower() for m in members}
            if len(keys) == len(members):
                found.append(keys)
    return found


# English nouns for a text as a whole: a sentence of which one is the subject says what the text covers.
_TEXTS = frozenset({"note", "course", "guide", "unit", "lesson", "lecture", "handout", "text", "article", "book",
                    "chapter", "section", "part", "page", "module"})


def _about_the_text(token) -> bool:
    """The token's sentence is said of the text itself: its main verb's subject is one of `_TEXTS` with a
    determiner that points to it ("These notes cover ...", "This chapter discusses ...")."""
    root = token.sent.root
    return any(c.dep_ in _TERM_SUBJECTS and c.lemma_.lower() in _TEXTS
               and any(d.dep_ == "det" and d.lower_ in {"this", "these", "the"} for d in c.children)
               for c in root.children)


def _plural(text: str) -> str:
    if re.search(r"(s|x|z|ch|sh)$", text):
        return text + "es"
    if re.search(r"[^aeiou]y$", text):
        return text[:-1] + "ies"
    return text + "s"


def _term_pattern(text: str) -> re.Pattern:
    """The term as whole words, singular or plural, case folded."""
    words = fold(text).split()
    last = re.escape(words[-1].removesuffix("s")) + r"(?:s|es)?"
    return re.compile(r"(?<![\w-])" + r"\s+".join([*map(re.escape, words[:-1]), last]) + r"(?![\w-])")


def class_noun(doc) -> str | None:
    """The noun a sentence "<subject> is a <class> ..." files its subject under ("file" of "A patch is a
    file describing changes ..."), lemma, lower case; None for any other sentence."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or root.lemma_ != "be":
        return None
    # Read by position, not by the parse's "attr" ("a book recording every payment the manor made" gave
    # "manor"): the nouns after the verb's article and adjectives, the last of them ("mailing list").
    found = None
    for token in doc[root.i + 1:]:
        if token.pos_ == "NOUN":
            found = token
        elif found is not None or token.pos_ not in {"DET", "ADJ", "ADV"}:
            break
    return found.lemma_.lower() if found is not None else None


def characterisation(doc, terms: CentralTerms):
    """(term, index of the first token after the subject) when the sentence opens with a central
    term as the subject of its main verb and says something of it, or None."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or root.pos_ not in {"VERB", "AUX"} or root.tag_ not in {"VBZ", "VBD", "VBP"}:
        return None
    if any(c.dep_ == "neg" for c in root.children) or any(t.lower_ in _HEDGES and t.head.i == root.i for t in doc):
        return None
    subject = next((c for c in root.children if c.dep_ in _TERM_SUBJECTS), None)
    if subject is None:
        return None
    start = subject.left_edge.i
    end = subject.right_edge.i + 1
    if start != 0 or any(t.lower_ in _POINTING for t in doc):
        return None
    span = doc[start:end]
    if any(t.pos_ == "PRON" or t.dep_ in {"relcl", "acl", "appos", "prep", "cc", "conj"} for t in span):
        return None  # "Packets that ...", "X and Y": the subject is more than the term
    term = terms.term_of_subject(span)
    if term is None:
        return None
    if not re.fullmatch(rf"(?:the |a |an )?{re.escape(fold(term.text))}s?", fold(span.text)):
        return None  # the term with more words around it is another thing ("the first steam engine")
    if doc[end].i != root.i and not (doc[end].head.i == root.i and doc[end].dep_ in {"aux", "auxpass"}):
        return None  # something between subject and verb
    return term, end


def term_question(doc, terms: CentralTerms, visible: str) -> ChoiceQuestion | None:
    """"According to the notes, which of these <predicate>?" for a sentence characterising a central term."""
    found = characterisation(doc, terms)
    if found is None:
        return None
    term, end = found
    if " " not in term.key and singular(term.key.lower()) in RELATIONAL:
        return None  # "The result is encephalomyelitis.": "Result" is no term to key (set 22)
    plural = doc[end - 1].tag_ in {"NNS", "NNPS"}
    answer = doc[0:end].text
    answer = re.sub(r"^(?:the|a|an)\s+", "", answer, flags=re.IGNORECASE)
    predicate = doc.text[doc[end].idx:].strip().rstrip(".;:!")
    words = predicate.split()
    if not MIN_PREDICATE_WORDS <= len(words) <= MAX_PREDICATE_WORDS or "?" in predicate:
        return None
    term_words = _meaningful_words(term.text)
    if term_words & _meaningful_words(predicate):
        return None  # "Steam engines ... the steam": the question names the answer
    if _second_clause(doc, end):
        return None  # "... play some neat tricks with namespaces, and you need to know how ...": two claims
    wanted = {w for w in content_words(doc) if w not in {fold(x) for x in term_words}}
    wrong = terms.wrong_options(term, plural, wanted, doc.text, f"{visible} {predicate}")
    if not wrong:
        return None
    options = [answer, *wrong]
    if len({fold(o) for o in options}) != len(options) or gives_away(predicate, answer, wrong):
        return None
    options = [o[:1].upper() + o[1:] for o in options]
    random.Random(f"term\x1f{doc.text}").shuffle(options)
    prompt = f"According to the notes, which of these {predicate}?"
    return ChoiceQuestion(prompt, answer[:1].upper() + answer[1:], tuple(options), TERM, TERM_QUALITY)


def _second_clause(doc, end: int) -> bool:
    """The predicate after token `end` joins a clause with a subject of its own ("..., and you need
    to know ...", "... but the engine stopped"): the term is the subject of the first claim only, so
    "which of these <both claims>?" asks the term of a claim made of something else (round 10's
    tutorial: dropped as not worth asking). The parse may read a short clause after ", and" as one noun
    phrase ("..., and shape affects properties": "shape affects properties" as nouns); what follows the
    conjunction is read again alone, and a clause there is a second claim (round 26 new notes, dropped:
    "Which of these are real objects with real shapes, and shape affects properties?")."""
    if any(t.dep_ == "conj" and t.pos_ in {"VERB", "AUX"} and any(c.dep_ in {"nsubj", "nsubjpass", "expl"}
                                                                  for c in t.children)
           for t in doc[end:]):
        return True
    for t in doc[end:]:
        if t.dep_ == "cc" and t.head.i == _root_index(doc) and t.i > 0 and doc[t.i - 1].text == "," \
                and t.i + 2 < len(doc):
            tail = nlp.parse_line(doc[t.i + 1:].text)
            if any(x.i > 0 and x.tag_ in _FINITE and x.dep_ not in _SUBORDINATE for x in tail):
                return True  # a finite verb after a first word ("shape affects properties"), outside a clause of a noun
    return False


_FINITE = frozenset({"VBZ", "VBP", "VBD"})
_SUBORDINATE = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "pcomp", "csubj"})


def _root_index(doc) -> int:
    return next((t.i for t in doc if t.dep_ == "ROOT"), -1)


def parts_of(chunks) -> list[tuple]:
    """The part of its notes each chunk is in: its heading path down to the first level at which its
    document's chunks differ ("Part 1: Key Terms" and "Part 2: Laboratory Apparatus" under a glossary's
    title; a note's sections under its title), with its document. A note of one section is one part."""
    depth: dict[str, int] = {}
    for document in dict.fromkeys(c.document for c in chunks):
        paths = [tuple(c.heading_path) for c in chunks if c.document == document]
        deepest = max((len(p) for p in paths), default=0)
        depth[document] = next((d for d in range(deepest) if len({p[:d + 1] for p in paths}) > 1), deepest)
    return [(c.document, tuple(c.heading_path)[:depth[c.document] + 1]) for c in chunks]
