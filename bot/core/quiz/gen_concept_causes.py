"""Cause and effect cards the "Why ...?" of gen_questions does not reach, read from spaCy's parse:

- **what a cause led to**: "The energy crisis led to greater interest in renewable energy ..." ->
  "What did the energy crisis lead to?"; "Mongol patronage of Buddhism resulted in ..." -> "What did
  Mongol patronage of Buddhism result in?"; "X caused / triggered / provoked Y" likewise. The effect
  is the answer, so it never repeats the question's words (round 3 dropped "What led to X?" cards
  as circular: there the answer was the effect's own subject);
- **a cause stated first**: "Because oil was priced in dollars, oil producers' real income
  decreased." is the sentence "Oil producers' real income decreased because oil was priced in
  dollars." said the other way round, so it is put in that order and asked by gen_questions'
  why_question ("Why did oil producers' real income decrease?").

Only a sentence that opens with its subject (or with its cause clause) and makes one claim: a
second verb joined to the first, a negation or a hedge would leave the card with two answers or
none. Nothing here is a course's vocabulary: the verbs are English's ways of saying "caused".
"""

from __future__ import annotations

from bot.core import nlp
from bot.core.quiz.gen_questions import Question, why_question

# The verbs (lemma, the particle or preposition that carries the effect) that say a cause brought
# its effect about; "" when the effect is the direct object.
_EFFECT_VERBS = {"lead": "to", "result": "in", "give": "rise to", "contribute": "to", "cause": "", "trigger": "",
                 "provoke": "", "spark": "", "prompt": ""}
_TENSE_HELPER = {"VBD": "did", "VBZ": "does", "VBP": "do"}
_HEDGES = frozenset({"may", "might", "could", "can", "would", "should", "possibly", "perhaps", "partly"})
# A cause set before the main clause, by the words that open the sentence.
_FRONTED_MARKERS = (("because", "of"), ("because",), ("due", "to"), ("owing", "to"), ("as", "a", "result", "of"))
MIN_EFFECT_WORDS, MAX_EFFECT_WORDS = 3, 30
MIN_SUBJECT_WORDS = 2  # "It led to", "Davies caused": a cause is a thing that happened, not a bare name


def effect_question(doc, common=lambda word: True) -> Question | None:
    """"What did X lead to?" for "X led to Y": the subject opens the sentence, Y runs to its end.
    `common(word)` says whether the notes write the cause's first word in lower case elsewhere (it is
    capitalised only because it opens the sentence: "Tension with Paris", not "Mongol patronage")."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or root.lemma_ not in _EFFECT_VERBS or root.tag_ not in _TENSE_HELPER:
        return None
    if any(c.dep_ in {"neg", "aux", "auxpass", "conj", "ccomp", "advcl"} for c in root.children) \
            or any(t.lower_ in _HEDGES for t in doc):
        return None  # "did not lead to", "may have caused", "X caused Y and ended Z": no one effect
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.left_edge.i != 0 or subject.right_edge.i + 1 != root.i:
        return None  # an opener before the subject ("In 1622, ..."), or something between it and the verb
    cause = doc[0:root.i]
    if len(cause) < MIN_SUBJECT_WORDS or any(t.pos_ == "PRON" or t.text in {",", ";", ":", "(", '"', "“"}
                                             for t in cause):
        return None
    particle = _EFFECT_VERBS[root.lemma_]
    effect_start = _effect_start(root, particle)
    if effect_start is None:
        return None
    effect = doc[effect_start:]
    while len(effect) and effect[-1].is_punct:
        effect = effect[:-1]
    words = [t for t in effect if not t.is_punct]
    if not MIN_EFFECT_WORDS <= len(words) <= MAX_EFFECT_WORDS or any(t.text in {";", ":"} for t in effect):
        return None
    lowered = cause[0].pos_ == "DET" or cause[0].pos_ != "PROPN" and common(cause[0].lower_)
    subject_text = cause.text[:1].lower() + cause.text[1:] if lowered else cause.text
    verb = f"{root.lemma_} {particle}".strip()
    prompt = f"What {_TENSE_HELPER[root.tag_]} {subject_text} {verb}?"
    answer = effect.text[:1].upper() + effect.text[1:] + "." if particle else \
        f"It {root.text} {effect.text}."
    return Question(prompt, answer, "cause")


def _effect_start(root, particle: str) -> int | None:
    """Where the effect begins: after "to"/"in"/"rise to", or the direct object's first word."""
    if not particle:
        obj = next((c for c in root.children if c.dep_ == "dobj"), None)
        return obj.left_edge.i if obj is not None and obj.left_edge.i == root.i + 1 else None
    words = particle.split()
    doc = root.doc
    after = [t.lower_ for t in doc[root.i + 1:root.i + 1 + len(words)]]
    return root.i + 1 + len(words) if after == words else None


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
