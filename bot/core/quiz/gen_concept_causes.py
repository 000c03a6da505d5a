"""Why-cards on a cause stated before its effect, read from spaCy's parse: "Because oil was priced in
dollars, oil producers' real income decreased." is the sentence "Oil producers' real income
decreased because oil was priced in dollars." said the other way round, so it is put in that order
and asked by gen_questions' why_question ("Why did oil producers' real income decrease?").

Not made: "What did X lead to / result in / cause?" with the effect as the answer. Interim round 8a
kept 1 of 5 (the deportation of Acadians): the notes give most causes several effects, only one of
which the sentence names, so the card has many defensible answers ("What did the energy crisis lead
to?": a speed limit, a reserve, a department, smaller cars ...). The question must name what the
sentence alone answers, as "Why ...?" of one effect does.
"""

from __future__ import annotations

from bot.core import nlp
from bot.core.quiz.gen_questions import Question, why_question

# A cause set before the main clause, by the words that open the sentence.
_FRONTED_MARKERS = (("because", "of"), ("because",), ("due", "to"), ("owing", "to"), ("as", "a", "result", "of"))


def fronted_cause_question(doc) -> Question | None:
    """"Because X, Y." asked as "Y because X." is: the cause clause ends at the first comma whose
    word belongs to the main clause."""
    lowered = [t.lower_ for t in doc]
    marker = next((m for m in _FRONTED_MARKERS if tuple(lowered[:len(m)]) == m), None)
    if marker is None:
        return None
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    comma = next((t for t in doc if t.text == "," and t.i > len(marker) and t.head.i == root.i), None) \
        if root is not None else None
    if comma is None or comma.i >= root.i or any(t.text == "," for t in doc[len(marker):comma.i]):
        return None  # the cause clause holds a list or an aside: where it ends is not sure
    cause = doc[len(marker):comma.i].text
    effect = doc[comma.i + 1:].text.strip().rstrip(".")
    if not effect or not cause:
        return None
    effect = effect[:1].upper() + effect[1:]  # it opens the sentence now
    reordered = f"{effect} {' '.join(marker)} {cause}."
    question = why_question(nlp.parse_lines([reordered])[0])
    return question
