"""What the whole notes hold that a question can draw wrong options from: names by kind, terms,
list members and cause phrases, and how often each word or phrase occurs.

Names come from spaCy's entity recogniser, but a name is trusted only when the notes label it the
same way most times it occurs and it has the shape of a name (capitalised words, no digits, no
fragment): a person offered among places, or "April" as a place, makes an item that answers itself.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from bot.core.tokens import STOPWORDS, fold

PERSON, PLACE, ORGANISATION, GROUP, DATE, NUMBER = "person", "place", "organisation", "group", "date", "number"
TERM, DEFINITION, CAUSE, ENUMERATION, SEQUENCE = "term", "definition", "cause", "enumeration", "sequence"
# What an item tests, for reports and for the "at least 30% concepts" mix.
CONCEPT_KINDS = frozenset({TERM, DEFINITION, CAUSE, ENUMERATION, SEQUENCE})
ACTOR = "actor"  # what a who-did-what card tests: a person or body matched to what it did

# spaCy label -> the kind of thing a student is asked for. FAC and the catch-all labels are left
# out: on notes they were wrong as often as right.
# Countries and cities (GPE) and seas, rivers and regions (LOC) are both places, but each is offered
# only among its own: "Lake Ontario" against "Barcelona" gives the answer away.
LABEL_KIND = {"PERSON": PERSON, "GPE": PLACE, "LOC": "region", "ORG": ORGANISATION, "NORP": GROUP,
              "EVENT": "event", "LAW": "law"}


def tests_of(kind: str) -> str:
    """What an item on a name of this kind tests: events and laws are terms of the subject."""
    return TERM if kind in ("event", "law") else PLACE if kind == "region" else kind
TRUSTED_SHARE = 0.8
KIN_STEPS = 2  # names listed beside a name, beside those, and beside those again: still the same kind  # a name labelled this kind at least this often across the notes
_NAME_JOINERS = frozenset({"of", "the", "and", "de", "da", "del", "di", "von", "van", "der", "al", "y",
                           "la", "le", "du", "des", "for", "on", "in", "bin", "ibn", "&"})
_NOT_TERM_WORDS = frozenset({"first", "last", "final", "main", "major", "other", "same", "such", "many",
                             "several", "various", "certain", "own", "only", "new", "further", "next", "another",
                             "most", "least", "some", "any", "each", "every", "both", "few"})
_PLACE_CUES = frozenset({"in", "at", "to", "from", "near", "into", "across", "throughout", "within", "towards"})
_LIST_GLUE = re.compile(r"\s*(?:,|,?\s+(?:and|or|as well as))\s*(?:the\s+)?|\s*/\s*")
_TOKEN_RE = re.compile(r"[\w-]+")
_LONGER_NAME_JOINERS = frozenset({"of", "en", "van", "von", "de", "der", "du", "la"})  # "Treaty of Amsterdam"
_LOOK_BACK = 200  # characters before a name searched for the word before it
_NGRAM_TOKEN_RE = re.compile(r"[\w-]+|[^\w\s]")
# A person's initial: one capital letter and a full stop ("Charles W. Eliot", "T. S. Eliot"). Not "U.S."
# or "NPL" (two letters or more: an abbreviation or an acronym).
_INITIAL = re.compile(r"[A-Z]\.")


def name_shape_ok(text: str, kind: str) -> bool:
    """Capitalised words (joiners allowed inside), no digits or stray marks, 1-5 words."""
    words = text.split()
    if not 1 <= len(words) <= 5 or not 3 <= len(text) <= 45:
        return False
    if re.search(r"[\d\"“”()\[\]/;:!?,]", text) or text.endswith((".", ",", "-", "'s", "’s")):
        return False
    if words[0].lower() in _NAME_JOINERS or words[-1].lower() in _NAME_JOINERS:
        return False
    for word in words:
        if word.lower() in _NAME_JOINERS:
            continue
        if not word[:1].isupper():
            return False
    if kind == PERSON and any(w.isupper() and len(w) > 1 and not _INITIAL.fullmatch(w) for w in words):
        return False  # "ARPANET", "NPL": acronyms are not people; "W." of "Charles W. Eliot" is an initial
        # (one capital and a full stop; the name cannot end on it: no text ending in "." passes above)
    return True


def is_noun_use(ent) -> bool:
    """The name stands as a noun phrase, not as a modifier ("Diesel engines", "Marxist-Leninist
    ideology", "Local Communist Party cadres"): only then can another name take its place."""
    return ent.root.dep_ not in {"compound", "amod", "nmod", "npadvmod"} and ent.root.pos_ in {"PROPN", "NOUN"}


def governing_verbs(span) -> set[str]:
    """The verbs a name hangs on (its own verb and the sentence's main verb), as lemmas: a name is
    no wrong option for a sentence whose verb the notes also use with it ("X and Y both resigned")."""
    verbs = set()
    token = span.root
    while token.head.i != token.i:
        token = token.head
        if token.pos_ == "VERB":
            verbs.add(token.lemma_.lower())
            break
    root = next((t for t in span.sent if t.dep_ == "ROOT"), None)
    if root is not None and root.pos_ == "VERB":
        verbs.add(root.lemma_.lower())
    return verbs - {"be", "have", "do", "become", "make", "take", "include"}


def entity_text(span) -> str:
    """An entity without a leading "the" or trailing possessive ("the Soviets'" -> "Soviets")."""
    tokens = list(span)
    while tokens and tokens[0].lower_ in {"the", "a", "an"}:
        tokens = tokens[1:]
    while tokens and tokens[-1].tag_ == "POS":
        tokens = tokens[:-1]
    if not tokens:
        return ""
    return text_between(tokens[0], tokens[-1])


def text_between(first, last) -> str:
    """The line's text from one token to another, both included: `doc.text[first.idx:last.idx +
    len(last.text)]`, without `Doc.text`, which spaCy joins anew from every token of the line at
    each call (read for each entity, a sixth of a quiz bank's CPU: bench/RESULTS.md 7i)."""
    return first.doc[first.i:last.i + 1].text


# A word written inside an address, a file or module name or an identifier ("www.example.org",
# "example-devel", "os.path", "user@host"): not a word of the notes' prose.
_IDENTIFIER = re.compile(r"\w[./@_:=\\-]\w|[(){}\[\]<>]")


def prose_nouns(doc) -> set[str]:
    """The lemmas of the common nouns the sentence writes in lower case as words of its prose, not
    as a piece of a web or mail address, a file name or a code identifier: "debian" only in
    "lists.debian.org" and "debian-devel" is no class word of the notes ("fort" in "the fort fell" is)."""
    found = set()
    text = doc.text
    for t in doc:
        if t.pos_ != "NOUN" or not t.is_lower:
            continue
        start, end = t.idx, t.idx + len(t.text)
        while start > 0 and not text[start - 1].isspace():
            start -= 1
        while end < len(text) and not text[end].isspace():
            end += 1
        if not _IDENTIFIER.search(text[start:end].strip(".,;:!?\"'“”‘’")):
            found.add(t.lemma_.lower())
    return found


def term_of(chunk) -> tuple[str, str, str] | None:
    """(text without determiner, lemma key, number "sg"/"pl") of a noun chunk that can be a term:
    a common-noun phrase of one to four words, no names, numbers or pronouns."""
    tokens = [t for t in chunk if not (t.dep_ in {"det", "poss"} or t.pos_ == "DET")]
    while tokens and tokens[0].pos_ in {"PUNCT", "PRON", "ADV"}:
        tokens = tokens[1:]
    if not 1 <= len(tokens) <= 4:
        return None
    root = chunk.root
    if root.pos_ != "NOUN" or root not in tokens:
        return None
    if root.ent_type_ and root.ent_type_ not in {"EVENT", "LAW", "WORK_OF_ART", "ORG"}:
        return None
    for t in tokens:
        # A name may qualify a term ("the Rankine cycle"), but a term holds no person, place or number.
        if t.ent_type_ in {"PERSON", "GPE", "LOC", "NORP", "DATE", "TIME", "PERCENT", "MONEY", "QUANTITY",
                           "ORDINAL", "CARDINAL"}:
            return None
        if not re.fullmatch(r"[A-Za-z][A-Za-z’'-]*", t.text) or t.pos_ in {"PRON", "NUM"}:
            return None
        if t.pos_ not in {"NOUN", "ADJ", "PROPN", "VERB"} and t.text != "-":
            return None
    text = text_between(tokens[0], tokens[-1])
    if len(tokens) == 1 and len(text) < 5:
        return None
    if any(t.tag_ in {"JJS", "RBS"} or t.lower_ in _NOT_TERM_WORDS for t in chunk):
        return None  # "the most useful instrument", "the final evolution": a judgement, not a term
    key = " ".join(t.lemma_.lower() for t in tokens)
    number = "pl" if root.tag_ in {"NNS", "NNPS"} else "sg"
    return text, key, number


@dataclass(frozen=True)
class ChoiceQuestion:
    """A question with options that a template made: what it tests and its quality are the template's."""

    prompt: str
    answer: str
    options: tuple[str, ...]
    tests: str
    quality: float


@dataclass
class NotesLexicon:
    text: str  # every chunk text and every distinct heading, for occurrence counts
    names: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))  # kind -> name -> count
    label_votes: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))  # name -> kind votes
    terms: dict[str, tuple[str, str]] = field(default_factory=dict)  # lemma key -> (text, number)
    term_counts: Counter = field(default_factory=Counter)
    defined: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))  # term key -> attr lemmas
    list_members: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))  # kind -> members
    cause_phrases: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))  # marker -> phrases
    lowercase_words: set[str] = field(default_factory=set)
    common_nouns: set[str] = field(default_factory=set)  # lemmas of nouns written in lower case in prose
    with_the: Counter = field(default_factory=Counter)  # how often a name follows "the"
    place_cued: set[str] = field(default_factory=set)  # names seen right after "in", "at", "to"...
    verbs_with: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))  # name -> its verbs
    compound_terms: set[str] = field(default_factory=set)  # terms built on a noun ("steam engine")
    name_parts: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))  # word -> kinds of longer names
    # Names the notes write side by side ("Belgium, the Netherlands and Luxembourg", "Washington and
    # Gage"): the surest sign that two names are the same kind of thing.
    siblings: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    _tokens: Counter | None = field(default=None, repr=False)
    _ngrams: dict[int, Counter] = field(default_factory=dict, repr=False)
    _in_longer_names: dict[str, bool] = field(default_factory=dict, repr=False)
    _longer_name_kinds: dict[str, frozenset] = field(default_factory=dict, repr=False)

    # --- building -------------------------------------------------------------------------

    def add_doc(self, doc) -> None:
        self._in_longer_names.clear()  # answers kept per name hold only for the notes read so far
        self._longer_name_kinds.clear()
        for word in re.findall(r"\b[a-z][a-z-]+\b", doc.text):
            self.lowercase_words.add(word)
        self.common_nouns |= prose_nouns(doc)
        for ent in doc.ents:
            kind = LABEL_KIND.get(ent.label_)
            text = entity_text(ent)
            if not text:
                continue
            self.label_votes[text][kind or ent.label_] += 1
            if len(text.split()) > 1 and kind:
                for part in text.split():
                    self.name_parts[part].add(kind)
            if kind and name_shape_ok(text, kind) and is_noun_use(ent):
                self.names[kind][text] += 1
                self.verbs_with[text].update(governing_verbs(ent))
                if ent.start > 0 and doc[ent.start - 1].lower_ == "the" or ent.text.lower().startswith("the "):
                    self.with_the[text] += 1
                if ent.start > 0 and doc[ent.start - 1].lower_ in _PLACE_CUES:
                    self.place_cued.add(text)
        for run in _lists(doc):
            texts = [t for t in dict.fromkeys(entity_text(e) for e in run) if t]
            for a_text in texts:
                self.siblings[a_text].update(t for t in texts if t != a_text)
        for chunk in doc.noun_chunks:
            term = term_of(chunk)
            if term:
                text, key, number = term
                self.term_counts[key] += 1
                if any(t.dep_ == "compound" for t in chunk):
                    self.compound_terms.add(key)
                # Keep the lower-case spelling when the notes have one (not the sentence-initial one).
                if key not in self.terms or self.terms[key][0][:1].isupper() and text[:1].islower():
                    self.terms[key] = (text, number)

    # --- questions about names --------------------------------------------------------------

    def trusted(self, name: str, kind: str) -> bool:
        """Labelled this kind nearly every time, and shaped like one: a one-word organisation, a
        person named with a word the notes also use in lower case ("Mutual Aid Teams", "Middleton
        Railway") or a one-word person or place that is part of a longer name of another kind
        ("Papin" of "Denis Papin" as a place) is not trusted."""
        votes = self.label_votes.get(name)
        if not votes or votes[kind] / sum(votes.values()) < TRUSTED_SHARE:
            return False
        words = name.split()
        if kind == ORGANISATION and (len(words) < 2 or not any(
                w.lower() in self.lowercase_words for w in words if w.lower() not in _NAME_JOINERS)):
            # An organisation is named with at least one ordinary word ("Albany Congress", "Bell
            # Northern Research"); without one it was a person or a title ("Warner Sinback").
            return False
        if any(w.isupper() and len(w) > 1 for w in words) and kind != ORGANISATION:
            return False
        if kind == PERSON:
            if any(w.lower() in self.lowercase_words for w in words if w.lower() not in _NAME_JOINERS):
                return False
            if len(words) == 1 and PERSON not in self.name_parts.get(name, ()):
                return False  # "Rumford", "Salamanca": one word is a person only as part of a full name
            if any(self.names[PLACE][w] for w in words):
                return False  # "Edinburgh Pentlands" is a constituency, not a person
        if len(words) == 1 and self.name_parts.get(name, set()) - {kind} and votes[kind] < 3:
            return False  # "Papin" of "Denis Papin" seen once as a place; "France" of "New France" is sure
        if len(words) == 1 and name.lower() in self.lowercase_words:
            return False  # "Kingdom", "East": an ordinary word capitalised
        if len(words) == 1 and kind == PLACE and name not in self.place_cued and votes[kind] < 2:
            return False  # a one-word "place" never written after "in", "at", "to"... was often a person or an era
        return True

    def kin(self, name: str) -> set[str]:
        """Names written side by side with this one, or with one of those (KIN_STEPS steps)."""
        found, frontier = set(), {name}
        for _ in range(KIN_STEPS):
            frontier = {far for n in frontier for far in self.siblings.get(n, ())} - found - {name}
            found |= frontier
        return found

    def inside_longer_name(self, name: str, kind: str) -> bool:
        """Part of a longer name of another kind ("William Henry" of "Fort William Henry")."""
        if name not in self._longer_name_kinds:  # one pass over the names per name, not per call
            self._longer_name_kinds[name] = frozenset(
                other_kind for other, votes in self.label_votes.items() if name in other and name != other
                for other_kind in votes)
        return any(other_kind != kind for other_kind in self._longer_name_kinds[name])

    def mostly_in_longer_names(self, name: str) -> bool:
        """Written mostly (two times in three) inside longer names ("Amsterdam" of "Treaty of Amsterdam",
        "Loos" of "Van Gend en Loos"): a piece of a name, not a place to offer."""
        if name not in self._in_longer_names:
            found = self._words_before(name)
            total = self.occurrences(name)
            inside = sum(1 for before in found if before[:1].isupper() and fold(before) not in STOPWORDS)
            self._in_longer_names[name] = total > 0 and inside * 3 >= total * 2
        return self._in_longer_names[name]

    def _words_before(self, name: str) -> list[str]:
        """The word written before each use of `name`, skipping one joiner ("Treaty" of "Treaty of
        Amsterdam"). The name is found by a literal search and only the text just before it is
        split: a pattern that starts with a word before the name tries every position of the notes,
        once per name, which made the bank's cost grow with the square of the notes' size."""
        found, previous_end = [], 0
        for match in re.finditer(rf"(?<=\s){re.escape(name)}(?![\w-])", self.text):
            start = max(previous_end, match.start() - _LOOK_BACK)  # never back into the last use
            words = self.text[start:match.start()].split()
            if start > previous_end:
                words = words[1:]  # the first may be cut
            previous_end = match.end()
            if len(words) >= 2 and words[-1] in _LONGER_NAME_JOINERS:
                found.append(words[-2])
            elif words:
                found.append(words[-1])
        return found

    def takes_the(self, name: str) -> bool:
        """Whether the notes usually write "the" before this name ("the United Kingdom")."""
        return self.with_the[name] * 2 > self.names_count(name)

    def names_count(self, name: str) -> int:
        return sum(counter[name] for counter in self.names.values())

    def names_of(self, kind: str) -> list[str]:
        return sorted(n for n in self.names[kind] if self.trusted(n, kind))

    # --- counts -----------------------------------------------------------------------------

    def occurrences(self, phrase: str) -> int:
        """How often a word or phrase occurs in the notes (whole words, case-sensitive)."""
        if self._tokens is None:
            self._tokens = Counter(_TOKEN_RE.findall(self.text))
        if _TOKEN_RE.fullmatch(phrase):
            return self._tokens[phrase]
        parts = _NGRAM_TOKEN_RE.findall(phrase)
        n = len(parts)
        if not 1 < n <= 8:
            return len(re.findall(rf"(?<![\w-]){re.escape(phrase)}(?![\w-])", self.text))
        if n not in self._ngrams:
            lines = [_NGRAM_TOKEN_RE.findall(line) for line in self.text.split("\n")]
            self._ngrams[n] = Counter(tuple(t[i:i + n]) for t in lines for i in range(len(t) - n + 1))
        return self._ngrams[n][tuple(parts)]

    def name_occurrences(self, name: str) -> int:
        """A person is counted under any distinctive part of the name ("Peng" for "Peng Dehuai")."""
        parts = [p for p in name.split() if p.lower() not in _NAME_JOINERS]
        return max((self.occurrences(p) for p in parts), default=0)


def _lists(doc) -> list[list]:
    """Runs of names of one label written as a list: "France, Italy and Belgium", "Washington or
    Gage". Two names joined by a comma alone are no list ("Ismailiyah, Egypt" is a city and its
    country): a run needs an "and"/"or" or three names."""
    runs, run, joined = [], [], False
    ents = [e for e in doc.ents if e.label_ in LABEL_KIND]
    for a, b in zip(ents, ents[1:] + [None]):
        run = run or [a]
        between = doc.text[a.end_char:b.start_char] if b is not None else ""
        if b is not None and a.label_ == b.label_ and _LIST_GLUE.fullmatch(between):
            run.append(b)
            joined = joined or "," not in between.strip() or bool(re.search(r"\b(and|or)\b", between))
            continue
        if len(run) >= 3 or (len(run) == 2 and joined):
            runs.append(run)
        run, joined = [], False
    return runs


def words_of(text: str) -> set[str]:
    return {fold(w) for w in re.findall(r"[\w’'-]+", text)}

