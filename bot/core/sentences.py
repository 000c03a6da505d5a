"""Choosing sentences inside the retrieved passages. Most wrong answers come from picking the wrong
sentence of the right passage, so each candidate is scored by how much of the question's weight
it carries itself (see `query`), helped by its section heading and its passage's rank."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from bot.core.lexical import tokenize
from bot.core.query import QueryName, QueryTerm, match_share
from bot.core.retrieval import Hit
from bot.core.text import split_sentences

LIST_MARK = "- "
ON_TOPIC, IMPLICIT, OFF_TOPIC = "on", "implicit", "off"
HEADING_CREDIT = 0.6  # a question word found only in the heading counts for less
_INSTRUCTION = re.compile(r"^(explain|analy[sz]e|describe|discuss|assess|evaluate|compare|outline|"
                          r"to what extent|how far)\b", re.I)
_PRONOUN_LED = re.compile(r"^(this|these|those|that|it|its|he|she|his|her|they|their|such|thus|"
                          r"hence|however|consequently|therefore|there)\b", re.I)
_DATE = re.compile(r"\b(1[5-9]\d\d|20\d\d)s?\b|\b(january|february|march|april|may|june|july|"
                   r"august|september|october|november|december)\b", re.I)
_NUMBER = re.compile(r"\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|hundred|thousand|"
                     r"millions?|billions?|half|third|quarter|dozen|percent|doubled|tripled|"
                     r"quadrupled|halved|fold)\b", re.I)
_KIND_CUES = (
    ("number", re.compile(r"\bhow (many|much)\b|\bwhat (percentage|proportion|share|number)\b", re.I)),
    ("date", re.compile(r"^\s*when\b|\b(what|which|in what) (year|decade|date|month|period)\b|"
                        r"\b(dates?|years?)\s*\??\s*$", re.I)),  # "great leap forward dates"
)


@dataclass(frozen=True)
class Candidate:
    text: str
    hit: Hit
    rank: int  # rank of its passage
    position: int  # order within its passage (-1 for a heading)
    is_heading: bool = False
    context: str = ""  # the sentence before it, shown with one that cannot stand alone
    followers: tuple[str, ...] = ()  # the first items of the list a lead-in introduces
    match: float = 0.0
    score: float = 0.0
    kind_ok: bool = True
    parts: tuple[str, ...] = ()  # the sentences of the notes it shows, for de-duplication
    similarity: float | None = None  # cosine of question and sentence, when it was embedded
    on_topic: str = ON_TOPIC  # ON_TOPIC, IMPLICIT (only a common name is missing) or OFF_TOPIC


def expected_kind(question: str) -> str | None:
    """What kind of answer the question asks for, when a sentence can be checked for it."""
    for kind, cue in _KIND_CUES:
        if cue.search(question):
            return kind
    return None


def has_kind(text: str, kind: str | None) -> bool:
    if kind == "date":
        return bool(_DATE.search(text))
    if kind == "number":
        return bool(_NUMBER.search(text))
    return True


def candidates_from(hits: list[Hit]) -> list[Candidate]:
    out: list[Candidate] = []
    headings_seen: set[str] = set()
    for rank, hit in enumerate(hits):
        for heading in hit.chunk.heading_path:
            if heading not in headings_seen:
                headings_seen.add(heading)
                out.append(Candidate(heading, hit, rank, -1, is_heading=True))
        out.extend(_sentences_of(hit, rank))
    return out


def _sentences_of(hit: Hit, rank: int) -> list[Candidate]:
    """Sentences of a passage; a list item travels with the line that introduces the list, and a
    line that introduces a list brings its first items."""
    lines = hit.chunk.text.split("\n")
    out: list[Candidate] = []
    header, previous = "", ""
    for index, line in enumerate(lines):
        item = line.startswith(LIST_MARK)
        body = line[len(LIST_MARK):] if item else line
        for sentence in split_sentences(body):
            text = f"{header} {sentence}" if item and header else sentence
            followers = _list_after(lines, index) if sentence.endswith(":") else ()
            out.append(Candidate(text, hit, rank, len(out), context=previous, followers=followers))
            previous = sentence
        if not item:
            header = line if line.rstrip().endswith(":") else ""
    return out


def _list_after(lines: list[str], index: int, limit: int = 3) -> tuple[str, ...]:
    items = []
    for line in lines[index + 1:]:
        if not line.startswith(LIST_MARK) or len(items) == limit:
            break
        items.append(line[len(LIST_MARK):])
    return tuple(items)


def score_candidates(candidates: list[Candidate], terms: list[QueryTerm], names: list[QueryName],
                     kind: str | None) -> list[Candidate]:
    if not terms:
        return []
    scored = [_score(c, terms, names, kind) for c in candidates]
    return sorted(scored, key=lambda c: (-c.score, c.rank, c.position))


def rescore_semantically(scored: list[Candidate], similarities: list[float], weight: float) -> list[Candidate]:
    """Add the question-sentence cosine to the best lexical candidates: it finds the answer that
    says the same thing in other words ("react" / "perceived as a betrayal")."""
    rescored = [replace(c, similarity=sim, score=c.score + weight * sim) for c, sim in zip(scored, similarities)]
    rest = scored[len(rescored):]
    return sorted(rescored, key=lambda c: (-c.score, c.rank, c.position)) + rest


def _score(c: Candidate, terms: list[QueryTerm], names: list[QueryName], kind: str | None) -> Candidate:
    parts = (c.text,)
    if c.context and _PRONOUN_LED.match(c.text):
        parts = (c.context, c.text)  # "He was replaced by Lin Biao" needs the sentence naming him
    text = " ".join(parts)
    if c.followers:
        text = "\n".join((text, *(LIST_MARK + f for f in c.followers)))
        parts = (*parts, *c.followers)
    own = set(tokenize(text))
    heading = set(tokenize(" ".join(c.hit.chunk.heading_path)))
    match = match_share(terms, own, heading, HEADING_CREDIT)
    on_topic = _on_topic(terms, names, own | heading)
    kind_ok = has_kind(text, kind)
    score = match + 0.2 * max(c.hit.dense, 0.0) + 0.08 / (1 + c.rank)
    if kind and kind_ok:
        score += 0.15
    if _defines_a_question_term(c.text, terms):
        score += 0.15  # "Backyard furnaces: villages built..." answers "What were backyard furnaces?"
    if c.is_heading:
        # A heading names a topic without saying anything about it: only worth quoting when it
        # carries the very date or number asked for.
        score *= 0.9 if kind and kind_ok else 0.5
    if _INSTRUCTION.match(c.text) or c.text.rstrip().endswith("?"):
        score *= 0.6  # exam prompts restate questions; their model answers hold the facts
    if len(c.text.split()) < 5 and not c.is_heading:
        score *= 0.8
    return replace(c, text=text, match=match, score=score, kind_ok=kind_ok, parts=parts,
                   on_topic=on_topic)


def _on_topic(terms: list[QueryTerm], names: list[QueryName], stems: set[str]) -> str:
    """An answer to "When did Mao die?" names Mao (itself, in the sentence before, or in its
    heading) and says something about dying: a sentence with only one of the two is about
    something else. A missing name that the notes use everywhere leaves it IMPLICIT."""
    in_names = {t.stem for name in names for t in name.terms}
    others = [t for t in terms if t.stem not in in_names]
    if others and not any(t.found_in(stems) for t in others):
        return OFF_TOPIC
    missing = [name for name in names if not name.found_in(stems)]
    if not missing:
        return ON_TOPIC
    return IMPLICIT if all(name.common for name in missing) else OFF_TOPIC


def _defines_a_question_term(sentence: str, terms: list[QueryTerm]) -> bool:
    term, sep, rest = sentence.partition(":")
    if not sep or not rest.strip() or len(term.split()) > 5:
        return False
    stems = set(tokenize(term))
    return bool(stems) and all(any(t.found_in({s}) for t in terms) for s in stems)
