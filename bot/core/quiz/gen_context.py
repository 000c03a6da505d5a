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
        if child.dep_ == "appos" and child.pos_ == "NOUN" and not (ent.start <= child.i < ent.end):
            roles.add(child.lemma_.lower())
    if ent.root.dep_ == "appos" and ent.root.head.pos_ == "NOUN":
        roles.add(ent.root.head.lemma_.lower())
    return roles


class NameContexts:
    def __init__(self, docs) -> None:
        self.bags: dict[str, Counter] = defaultdict(Counter)
        self.roles: dict[str, set[str]] = defaultdict(set)
        document_frequency: Counter = Counter()
        docs = list(docs)  # in the notes' order: a name's neighbours say what it is too
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
