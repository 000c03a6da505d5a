"""Enumeration items that name what the list is: "Which of these is NOT one of the three sources of
European Union law?", rather than a sentence with a blank.

A list in the notes (gen_keys.enumeration_key: three or more items of one kind) is asked about only
when the sentence says what its members are, read from spaCy's parse:

- "<the three sources of EU law> are A, B and C" (the list completes "to be"): every member is one;
- "<devolved matters> include A, B and C" (only examples): "which of these do the notes NOT list
  among devolved matters?";
- "<heat sources> such as A, B or C" / "including A, B and C": "... NOT give as an example of ...".

The odd one out is a thing of the members' kind the notes never mention beside any member
(gen_keys.enumeration_distractor), so it is neither of another kind nor a member listed elsewhere.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

from bot.core.quiz.gen_context import NameContexts
from bot.core.quiz.gen_keys import enumeration_distractor, enumeration_key
from bot.core.quiz.gen_lexicon import ENUMERATION, NotesLexicon
from bot.core.quiz.gen_plural import singular

SHOWN_MEMBERS = 3
LIST_QUALITY = 0.86  # over the blanked-sentence list item of the same sentence: the same fact, a clearer stem
_EXAMPLE_VERBS = frozenset({"include", "comprise", "cover", "involve", "contain"})
# Subjects that name no category of their own: they point back or count vaguely.
_POINTING = frozenset({"this", "that", "these", "those", "such", "other", "another", "its", "their", "his", "her",
                       "some", "many", "most", "several", "both", "all", "it", "they", "them", "which", "who"})
MAX_CATEGORY_WORDS = 10


@dataclass(frozen=True)
class ListQuestion:
    prompt: str
    answer: str  # the odd one out
    options: tuple[str, ...]
    members: tuple[str, ...]
    tests: str = ENUMERATION
    quality: float = LIST_QUALITY


def list_question(doc, lexicon: NotesLexicon, contexts: NameContexts, sentences: list[str],
                  visible: str, headings: dict[str, list[str]] | None = None) -> ListQuestion | None:
    """`headings`: each sentence of the notes -> its section headings (the title left out)."""
    key = enumeration_key(doc)
    if key is None:
        return None
    span = doc.char_span(key.start, key.start + len(key.members[0]), alignment_mode="expand")
    if span is None:
        return None
    asked = _stem(span.root)
    if asked is None:
        return None
    stem, kind = asked
    rng = random.Random(f"list\x1f{doc.text}")
    odd = enumeration_distractor(key, lexicon, visible, rng, contexts, sentences,
                                 avoid=_under_heading_of(kind, sentences, headings or {}))
    if odd is None:
        return None
    shown = sorted(rng.sample(list(key.members), min(SHOWN_MEMBERS, len(key.members))), key=key.members.index)
    options = [*shown, odd]
    rng.shuffle(options)
    return ListQuestion(stem, odd, tuple(options), key.members)


def _stem(first):
    """(The question, the noun naming the list's kind), from how the list's first member hangs in
    the sentence, or None."""
    head = first.head
    if first.dep_ == "attr" and head.lemma_ == "be":
        noun = next((c for c in head.children if c.dep_ == "nsubj"), None)
        category = _category(noun)
        return (f"According to the notes, which of these is NOT one of {category}?", noun) if category else None
    if first.dep_ == "dobj" and head.lemma_ in _EXAMPLE_VERBS and head.pos_ == "VERB":
        noun = next((c for c in head.children if c.dep_ == "nsubj"), None)
        category = _category(noun)
        return (f"Which of these do the notes NOT list among {category}?", noun) if category else None
    if first.dep_ == "pobj" and (head.lower_ == "including" or head.lower_ == "as" and any(
            c.lower_ == "such" for c in head.children)):
        noun = head.head
        if noun.pos_ != "NOUN":
            return None
        category = _category(noun, own_tail=False)
        return (f"Which of these do the notes NOT give as an example of {category}?", noun) if category else None
    return None


def _under_heading_of(kind, sentences: list[str], headings: dict[str, list[str]]):
    """A test: is a candidate said in a section whose heading names the list's kind (its noun,
    "causes" of "long-term causes" in "3. Long-Term Causes"), or in a sentence that names it? What that section says may well be
    one of the kind, so "which is NOT" could not key it (75006b69234b, set 22: "poor conditions"
    keyed as no long-term cause though 3.1 names "poor conditions of life")."""
    word = singular(kind.lower_)

    def names_kind(text: str) -> bool:
        return word in {singular(w) for w in re.findall(r"[a-z]+", text.lower())}
    # (and a sentence naming the kind itself: "Another cause was ...", said of the candidate there)
    headed = [line for line in sentences if names_kind(line) or any(names_kind(h) for h in headings.get(line, ()))]

    def avoid(candidate: str) -> bool:
        pattern = re.compile(rf"\b{re.escape(candidate)}\b", re.IGNORECASE)
        return any(pattern.search(line) for line in headed)
    return avoid


def _category(noun, own_tail: bool = True) -> str | None:
    """The noun phrase that names the list's kind ("the three sources of European Union law",
    "devolved matters"), plural, nothing pointing back. `own_tail=False` stops at the noun itself
    (its "such as ..." is the list)."""
    if noun is None or noun.pos_ not in {"NOUN", "PROPN"} or noun.tag_ not in {"NNS", "NNPS"}:
        return None
    doc = noun.doc
    start = noun.left_edge.i
    end = noun.right_edge.i + 1 if own_tail else noun.i + 1
    span = doc[start:end]
    if not 1 <= len(span) <= MAX_CATEGORY_WORDS or any(t.lower_ in _POINTING or t.pos_ == "PRON" for t in span):
        return None
    if any(t.is_punct and t.text != "-" for t in span):
        return None
    text = span.text
    if span[0].pos_ != "PROPN" and not span[0].text.isupper():
        text = text[:1].lower() + text[1:]
    return text
