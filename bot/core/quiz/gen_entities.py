"""What the whole notes say about names: who is a person, what is a place, how often each occurs.

Without a tagger (spaCy's ORG/FAC labels were unreliable on these notes anyway), names are found by
shape and are kept only when the shape is unambiguous:

- a person is a run of exactly two or three capitalised words none of which is an ordinary word
  ("Lin Biao", "Nikita Khrushchev"); leading titles are dropped ("Defence Minister Peng Dehuai").
  A run holding an ordinary word ("Soviet Union", "Lushan Conference", "Mutual Aid Teams") is an
  organisation or an event, and is never a key nor a distractor;
- a place is one such word after a place cue ("in", "regions like", "north-east (Manchuria)").

An "ordinary word" is one the notes also use in lower case, or one of a short list of words that
build names of things rather than of people. Unsure means not a name: a missed question costs
little, a person offered as a place (or a place as a person) makes a broken one.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from bot.core.documents import Chunk
from bot.core.lexical import STOPWORDS, fold
from bot.core.text import split_sentences

PERSON, PLACE = "person", "place"

# Words that build the names of institutions, events, documents and peoples, and titles.
_NAME_BUILDERS = frozenset(
    """union party republic conference revolution plan plans treaty war wars army movement campaign
    committee congress council assembly association league society company corporation university
    school college institute academy church kingdom empire state states nation nations river sea
    ocean mountain mountains island islands lake city province county street day act bill law court
    bank forward leap great split cycle theory effect period era age dynasty front alliance pact
    accord declaration agreement charter constitution reform reforms commune communes team teams
    cooperative cooperatives program programme project ministry office bureau department agency
    federation confederation coalition region north south east west northern southern eastern western
    central new old first second third fourth fifth year five-year hundred flowers cultural red guards
    guard soviet soviets sino chinese communist communists socialist capitalist marxist leninist maoist
    nationalist nationalists republican democrat democratic liberal conservative labour people peoples
    minister president chairman premier general marshal admiral secretary defence defense foreign
    prime vice deputy commander chief king queen emperor empress prince princess lord lady sir dr mr
    mrs ms professor saint st pope bishop captain colonel lieutenant governor senator mayor""".split()
)
_TITLES = frozenset(
    """minister president chairman premier general marshal admiral secretary defence defense foreign
    prime vice deputy commander chief king queen emperor empress prince princess lord lady sir dr mr
    mrs ms professor saint pope bishop captain colonel lieutenant governor senator mayor""".split()
)
# Adjective and -ism forms are peoples or ideas, not places ("Maoist", "Western", "Russian").
_ADJECTIVE_ENDING = re.compile(r"(ist|ists|ism|ese|ish|ern|ian|ians|ic|ics)$")
_PLACE_CUE_BEFORE = frozenset({"in", "at", "near", "across", "throughout", "around"})
_PLACE_LIST_CUE = re.compile(
    r"\b(regions?|provinces?|cities|city|countries|country|areas?|towns?|villages?|states?)\s+"
    r"(like|such as|including|of)\s*$", re.IGNORECASE)
_COMPASS_PAREN = re.compile(
    r"\b(north|south|east|west|north-east|north-west|south-east|south-west|northeast|northwest|"
    r"southeast|southwest)\s*\($", re.IGNORECASE)
_TOKEN_RE = re.compile(r"[\w-]+")
_NGRAM_TOKEN_RE = re.compile(r"[\w-]+|[^\w\s]")  # words and single punctuation marks ("40 %")


@dataclass(frozen=True)
class Name:
    text: str
    kind: str  # PERSON | PLACE
    start: int  # character offset in the sentence
    end: int

    @property
    def parts(self) -> tuple[str, ...]:
        return tuple(self.text.split())


@dataclass
class NotesLexicon:
    """Counts and name pools over the whole notes: keys must be rare, distractors must exist."""

    lowercase_words: set[str]
    midsentence_capitalised: set[str]  # words seen capitalised after a sentence's first word
    text: str  # every chunk text and every distinct heading, for occurrence counts
    persons: Counter = field(default_factory=Counter)
    places: Counter = field(default_factory=Counter)
    _tokens: Counter | None = field(default=None, repr=False)
    _ngrams: dict[int, Counter] = field(default_factory=dict, repr=False)
    _phrases: dict[str, int] = field(default_factory=dict, repr=False)

    @classmethod
    def from_chunks(cls, chunks: list[Chunk]) -> "NotesLexicon":
        headings = dict.fromkeys(h for c in chunks for h in c.heading_path)
        text = "\n".join([*(c.text for c in chunks), *headings])
        lowercase = {fold(w) for w in re.findall(r"\b[a-z][a-z\-]+\b", text)}
        inner = {w for c in chunks for s in split_sentences(c.text.replace("\n- ", "\n"))
                 for w in re.findall(r"(?<=\s)[A-Z][a-z]+", s)}
        lexicon = cls(lowercase, inner, text)
        for chunk in chunks:
            for line in chunk.text.splitlines():
                for name in (n for sentence in split_sentences(line) for n in lexicon.names_in(sentence)):
                    (lexicon.persons if name.kind == PERSON else lexicon.places)[name.text] += 1
        return lexicon

    def is_ordinary(self, word: str) -> bool:
        folded = fold(word)
        if folded in STOPWORDS or folded in _NAME_BUILDERS or folded in self.lowercase_words:
            return True
        return any(p in _NAME_BUILDERS or p in self.lowercase_words for p in folded.split("-"))

    def occurrences(self, phrase: str) -> int:
        """How often a word or phrase occurs in the notes (whole words, case-sensitive). Single
        words come from one count of every token; a phrase is searched once and remembered."""
        if self._tokens is None:
            self._tokens = Counter(_TOKEN_RE.findall(self.text))
        if _TOKEN_RE.fullmatch(phrase):
            return self._tokens[phrase]
        parts = _NGRAM_TOKEN_RE.findall(phrase)
        if 1 < len(parts) <= 6:
            # One count of every n-gram beats one scan of the whole notes per phrase.
            return self._ngram_counts(len(parts))[tuple(parts)]
        if phrase not in self._phrases:
            pattern = rf"(?<![\w-]){re.escape(phrase)}(?![\w-])"
            self._phrases[phrase] = len(re.findall(pattern, self.text))
        return self._phrases[phrase]

    def _ngram_counts(self, n: int) -> Counter:
        if n not in self._ngrams:
            lines = [_NGRAM_TOKEN_RE.findall(line) for line in self.text.split("\n")]
            self._ngrams[n] = Counter(tuple(t[i:i + n]) for t in lines for i in range(len(t) - n + 1))
        return self._ngrams[n]

    def name_occurrences(self, name: str) -> int:
        """A person is counted under any part of the name ("Peng" counts for "Peng Dehuai")."""
        return max(self.occurrences(part) for part in name.split())

    def names_in(self, sentence: str) -> list[Name]:
        names: list[Name] = []
        for run in _capitalised_runs(sentence):
            if run[0][1] == _first_letter(sentence) and run[0][0] not in self.midsentence_capitalised:
                run = run[1:]  # "Although Mao...": capitalised only because it opens the sentence
            words = [w for w, _, _ in run]
            while words and fold(words[0]) in _TITLES:  # "Defence Minister Peng Dehuai"
                run, words = run[1:], words[1:]
            if not run:
                continue
            start, end = run[0][1], run[-1][2]
            if any(self.is_ordinary(w) or len(w) < 3 for w in words):
                continue
            if 2 <= len(words) <= 3:
                names.append(Name(" ".join(words), PERSON, start, end))
            elif len(words) == 1 and self._is_place(sentence, start, words[0]):
                names.append(Name(words[0], PLACE, start, end))
        return names

    def _is_place(self, sentence: str, start: int, word: str) -> bool:
        if _ADJECTIVE_ENDING.search(fold(word)):
            return False
        before = sentence[:start]
        cue = re.search(r"\b([A-Za-z]+)\s+$", before)
        if cue and cue.group(1).lower() in _PLACE_CUE_BEFORE:
            return True
        if _PLACE_LIST_CUE.search(before) or _COMPASS_PAREN.search(before):
            return True
        # "Henan and Sichuan": the second of a pair whose first is a place.
        pair = re.search(r"([A-Z][a-z]+)\s+(and|or)\s+$", before)
        return bool(pair) and self._is_place(sentence, pair.start(1), pair.group(1))


def _capitalised_runs(sentence: str) -> list[list[tuple[str, int, int]]]:
    """Runs of consecutive capitalised words, as (word without possessive, start, end). Brackets,
    quotes, punctuation and possessives bound a run: "Lin Biao." and "Mao's Rejection" end there."""
    runs: list[list[tuple[str, int, int]]] = []
    current: list[tuple[str, int, int]] = []
    for match in re.finditer(r"\S+", sentence):
        token = match.group()
        core = _TOKEN.match(token)
        if not core or core.group(1):
            runs.append(current)
            current = []
        if not core:
            continue
        offset = match.start() + core.start(2)
        current.append((core.group(2), offset, offset + len(core.group(2))))
        if core.group(3) or core.group(4):
            runs.append(current)
            current = []
    runs.append(current)
    return [r for r in runs if r]


_TOKEN = re.compile(r"^([(\"“‘']?)([A-Z][a-z]+(?:-[A-Z][a-z]+)*)((?:[’']s)?)([)\"”’',.;:!?]*)$")


def _first_letter(sentence: str) -> int:
    match = re.search(r"[A-Za-z]", sentence)
    return match.start() if match else -1
