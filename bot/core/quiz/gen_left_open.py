"""Cards whose question or answer leaves its content to the passage around it (held-out set 6, judged at
versions 52/53: three drops, each a kind):

- a why-card on a verb with a particle and nothing after it: "Why will users familiar with mutt pick up
  quickly?" (pick up what? the notes' previous sentence says: aptitude's search syntax). A phrasal
  verb with no object, complement or phrase of its own leaves what it acts on to the context;
- a FAQ card answered by a first sentence that the next one turns or completes: "Where is Google
  Earth?" -> "... from Google's web site ...", then "However, googleearth-package (in contrib) might
  be helpful ...": the sentence alone is half the answer, and the other half is an equally good reply;
- an object card whose answer names nothing a student learns: "What does the Lesser license
  provide?" -> "Advantages in certain special circumstances." No name, number or term of the notes:
  none of its nouns is one the notes use in other sentences more than once.

Each is told by the form of the sentence and by the notes' own counts, never by a course's words.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from bot.core.quiz.gen_text import opens_with_link

# What a verb may carry after it that says what it acts on or where it goes ("pick up the syntax",
# "set up in Khanbaliq", "give up to them"): with none of these, a particle verb's object is left open.
_CARRIED = frozenset({"dobj", "attr", "acomp", "prep", "xcomp", "ccomp", "oprd", "dative", "agent", "pobj",
                      "npadvmod"})
_NUMBER_LABELS = frozenset({"CARDINAL", "QUANTITY", "MONEY", "PERCENT", "DATE", "TIME", "ORDINAL"})


def object_left_open(doc) -> bool:
    """The sentence's main verb has a particle and carries nothing after it but adverbs and its
    clauses: "Users familiar with mutt will pick up quickly, as ..." (pick up what?)."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or root.pos_ != "VERB":
        return False
    if not any(c.dep_ == "prt" for c in root.children):
        return False
    return not any(c.dep_ in _CARRIED for c in root.children)


def turned_or_completed(quote: str, doc) -> bool:
    """The sentence after an answer (its quote and the parse of what a student reads of it) opens by
    turning or adding to it: a linking word ("However, ...", "Also, ...", which the shown text drops),
    a conjunction ("But ...", "Yet ...") or a one-word adverb set off by a comma ("Alternatively, ...").
    The first sentence is then not the whole answer."""
    if opens_with_link(quote):
        return True
    if doc is None or len(doc) < 3:
        return False
    first = doc[0]
    return first.pos_ == "CCONJ" or first.pos_ == "ADV" and doc[1].text == ","


def noun_sentence_counts(docs: Iterable) -> Counter:
    """In how many sentences of the notes each noun (lemma, lower case) is used."""
    counts = Counter()
    for doc in docs:
        counts.update({t.lemma_.lower() for t in doc if t.pos_ == "NOUN"})
    return counts


def learns_nothing(span, counts: Counter) -> bool:
    """An answer (a span of its sentence's parse) with no name, no number and no noun the notes use in
    at least two other sentences: "advantages in certain special circumstances" of a licence that
    says "advantage" and "circumstance" once more each. A term of the notes recurs; a vague phrase
    of a lead-in sentence does not."""
    nouns = []
    for t in span:
        if t.pos_ in {"PROPN", "NUM"} or t.ent_type_ in _NUMBER_LABELS or t.ent_type_ and t.pos_ != "ADJ":
            return False
        if t.pos_ == "NOUN":
            nouns.append(t.lemma_.lower())
    return bool(nouns) and all(counts[n] - 1 < 2 for n in nouns)
