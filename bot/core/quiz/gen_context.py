"""What the notes say around each name: the words of the sentences it occurs in, and the title or
role written next to it ("Governor Robert Dinwiddie", "Spanish architect Enric Miralles", "Bigot,
the intendant of the territory").

A wrong option must be the same kind of thing as the answer, and spaCy's labels only say "a
person" or "a place". Two people the notes describe with the same words (governor, army, French,
fort) are the same kind of person; an architect offered among party leaders is not. So wrong options
are ranked by how alike their sentences are to the answer's (tf-idf weighted words, cosine), and
when the sentence names the answer's role, only names the notes give that same role are offered.
Everything comes from the notes themselves: no list of roles or subjects lives in the code.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict

from bot.core.quiz.gen_lexicon import LABEL_KIND, entity_text
from bot.core.quiz.gen_periods import PersonPeriods

_CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ"})
_ROLE_POS = frozenset({"NOUN", "PROPN"})


def content_words(doc, skip: set[int] | None = None) -> list[str]:
    """The lemmas of a sentence's content words (no stop words, numbers or punctuation)."""
    skip = skip or set()
    return [t.lemma_.lower() for t in doc
            if t.i not in skip and t.is_alpha and not t.is_stop and t.pos_ in _CONTENT_POS and len(t.text) > 2]


def role_words(ent) -> set[str]:
    """The role the sentence gives a name: the noun just before it that is not part of it
    ("architect", "Governor", "Admiral", "Sir"), or the noun it stands in apposition to ("X, the
    intendant of ...")."""
    doc = ent.doc
    roles = set()
    before = doc[ent.start - 1] if ent.start > 0 else None
    # spaCy's small model tags a role before a name now a noun, now an adjective ("The mathematician
    # Zhu Shijie": ADJ, compound): what it hangs on says it is a role either way.
    if before is not None and (before.pos_ in _ROLE_POS or before.dep_ == "compound") and before.is_alpha \
            and not before.ent_type_:
        roles.add(before.lemma_.lower())
    for child in ent.root.children:
        # "Frederick William, Elector of Brandenburg": spaCy tags a capitalised title PROPN; one that
        # is no name itself is a role as much as "the intendant" is.
        if child.dep_ == "appos" and (child.pos_ == "NOUN" or (child.pos_ == "PROPN" and not child.ent_type_)) \
                and child.is_alpha and not (ent.start <= child.i < ent.end):
            roles.add(child.lemma_.lower())
    if ent.root.dep_ == "appos" and ent.root.head.pos_ == "NOUN":
        roles.add(ent.root.head.lemma_.lower())
    return roles


_SIDE_LABELS = frozenset({"NORP", "GPE"})  # a people or a country: which side
_PLACE_LABELS = frozenset({"NORP", "GPE", "LOC"})  # ... or the land a role is held of
_SIDE_WINDOW = 3  # tokens before a name searched for its side ("the French commander Montcalm")


def side_words(ent) -> set[str]:
    """The side the sentence puts a person on: a people or body written just before the name ("the
    British general James Abercrombie", "French commander Montcalm"), or the place or body of the
    role it is given ("Governor-General of New France", "Governor Dinwiddie of Virginia", "X,
    Elector of Brandenburg"). Folded to lower case; empty when the sentence says nothing of it."""
    doc = ent.doc
    sides = set()
    for token in doc[max(0, ent.start - _SIDE_WINDOW):ent.start]:
        if token.ent_type_ in _SIDE_LABELS and token.pos_ in ("ADJ", "PROPN") and not token.is_punct:
            if any(t.is_punct or t.pos_ == "VERB" for t in doc[token.i + 1:ent.start]):
                continue  # "the French, and Abercrombie": a comma or verb between them is another clause
            sides.add(token.text.lower())
    holders = [ent.root] + [c for c in ent.root.children if c.dep_ == "appos"]
    if ent.start > 0 and doc[ent.start - 1].dep_ == "compound" and doc[ent.start - 1].head == ent.root:
        holders.append(doc[ent.start - 1])
    if ent.root.dep_ == "appos":
        holders.append(ent.root.head)
    for holder in holders:
        for prep in holder.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for obj in prep.children:
                    if obj.dep_ == "pobj" and obj.ent_type_ in _PLACE_LABELS:
                        sides.update(w.lower_ for w in obj.subtree
                                     if w.ent_type_ in _PLACE_LABELS and w.pos_ == "PROPN" and not w.is_stop)
    return sides


class NameContexts:
    def __init__(self, docs) -> None:
        self.bags: dict[str, Counter] = defaultdict(Counter)
        self.roles: dict[str, set[str]] = defaultdict(set)
        self.sides: dict[str, set[str]] = defaultdict(set)  # see side_words
        document_frequency: Counter = Counter()
        docs = list(docs)  # in the notes' order: a name's neighbours say what it is too
        self.periods = PersonPeriods(docs)  # when the notes place each person (gen_periods)
        words_of_line = [content_words(doc) for doc in docs]
        sentences = len(docs)
        for words in words_of_line:
            document_frequency.update(set(words))
        for i, doc in enumerate(docs):
            around = [w for j in (i - 1, i + 1) if 0 <= j < len(docs) for w in words_of_line[j]]
            for ent in doc.ents:
                if ent.label_ not in LABEL_KIND:
                    continue
                name = entity_text(ent)
                if not name:
                    continue
                own = {w.lower() for w in name.split()}
                bag = self.bags[name]
                for w in words_of_line[i]:
                    if w not in own:
                        bag[w] += 1.0
                for w in around:  # the sentences before and after count half
                    if w not in own:
                        bag[w] += 0.5
                self.roles[name] |= role_words(ent)
                if ent.label_ == "PERSON":
                    self.sides[name] |= side_words(ent)
        self._idf = {w: math.log((1 + sentences) / (1 + n)) + 1 for w, n in document_frequency.items()}
        self._vectors: dict[str, dict[str, float]] = {}

    def vector(self, name: str) -> dict[str, float]:
        if name not in self._vectors:
            bag = self.bags.get(name, Counter())
            weights = {w: (1 + math.log(1 + n)) * self._idf.get(w, 1.0) for w, n in bag.items()}
            norm = math.sqrt(sum(v * v for v in weights.values())) or 1.0
            self._vectors[name] = {w: v / norm for w, v in weights.items()}
        return self._vectors[name]

    def similarity(self, a: str, b: str) -> float:
        va, vb = self.vector(a), self.vector(b)
        if len(vb) < len(va):
            va, vb = vb, va
        return sum(v * vb.get(w, 0.0) for w, v in va.items())

    def has_role(self, name: str, roles: set[str]) -> bool:
        return bool(roles & self.roles.get(name, set()))

    def same_part(self, answer: str, other: str) -> bool:
        """`other` plays the answer's part in the notes: it shares a role or a side the notes give the
        answer anywhere, and is not put on another side. A French governor among British commanders,
        a founder among the people who quote him: the answer would be the odd one out (round 7's most
        common drop). An answer the notes give neither has no part to match: no person is offered
        (round 7 kept 3 of 9 person items; unmatched options were the most common reason to drop)."""
        roles, sides = self.roles.get(answer, set()), self.sides.get(answer, set())
        their_roles, their_sides = self.roles.get(other, set()), self.sides.get(other, set())
        if not roles and not sides:
            return False
        if sides and their_sides and not sides & their_sides:
            return False
        return bool(roles & their_roles or sides & their_sides)
