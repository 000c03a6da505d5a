"""Cards on how a thing is done, what it is good for, and what kinds of a thing the notes count, as
technical prose states them:

- "How may programs name their own exceptions?" from "Programs may name their own exceptions by
  creating a new exception class": the means after "by" is the answer (gen_questions.why_question
  turns the rest into a question, as it does for a cause);
- "What is name mangling helpful for?" from "Name mangling is helpful for letting subclasses override
  methods ...": what the notes say the thing is useful for;
- "What are the two kinds of errors?" from "There are two kinds of errors: syntax errors and
  exceptions": the members the notes list after the colon.

Tutorials and manuals teach this way (issue 8: a code-heavy note gave no item). Only spaCy's parse is
read; the subject opens the sentence and points back at nothing, as gen_naming asks of its cards.
"""

from __future__ import annotations

import re

from bot.core.quiz.gen_naming import _POINTING, MAX_ANSWER_WORDS, _clean, _lower_first, _opening_subject, _phrase
from bot.core.quiz.gen_questions import Question, why_question

# Adjectives that say what a thing is good for: "useful for", "helpful for/in", "essential for".
_GOOD_FOR = frozenset({"useful", "helpful", "essential", "necessary", "important", "handy", "convenient", "suitable"})
_COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5}
MAX_LISTED = 4  # a student recalls up to four listed members


def means_question(doc) -> Question | None:
    """"How <does> X <verb> ...?" of "X <verb>s ... by <doing> Y", the means as the answer, or None.
    Not a passive's "by" (its agent) nor one inside the object ("by the end of")."""
    by = next((t for t in doc if t.lower_ == "by" and t.dep_ == "prep" and t.head.dep_ == "ROOT"
               and any(c.dep_ == "pcomp" and c.tag_ == "VBG" for c in t.children)), None)
    if by is None or any(c.dep_ == "auxpass" for c in by.head.children) or by.head.lemma_ == "be":
        return None  # a passive's agent; "X is connection-oriented by using Y": a state, not a deed done
    question = why_question(doc, marker=(by.i, by.i + 1))
    if question is None or not question.prompt.startswith("Why "):
        return None
    means = _clean(doc[by.i:].text)
    if len(means.split()) > MAX_ANSWER_WORDS or "," in means:
        return None  # "by displaying a rounded value, and ...": a second claim hangs on
    return Question("How " + question.prompt[4:], f"{means[:1].upper()}{means[1:]}.", "means")


# Prepositions of a means or a path a passive's thing undergoes by: "is transmitted through the air", "is treated
# with antibiotics". Not "by" (the passive's agent: who-did-what asks it).
_PASSIVE_MEANS = frozenset({"through", "with", "via"})


def passive_means_question(doc) -> Question | None:
    """"How is X <done>?" of "X is <done> [from A to B] through/with/via Y." (set 20: "TB is transmitted from person
    to person almost exclusively through the air.", "TB is treated with a combination of antibiotics ..."), the
    phrase of the means, its adverbs with it, the answer; or None. Present tense, no modal, no negation; the subject
    opens the sentence and points back at nothing; the means phrase ends the sentence; nothing else (an object, a
    clause, a second preposition after it) is said."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or root.pos_ != "VERB" or root.tag_ != "VBN":
        return None
    auxes = [c for c in root.children if c.dep_ in {"aux", "auxpass", "neg"}]
    if [c.lower_ for c in auxes] not in (["is"], ["are"]):
        return None  # "was transmitted" (one event), "can be treated", "is not transmitted"
    subject = next((c for c in root.children if c.dep_ == "nsubjpass"), None)
    means = [c for c in root.children if c.dep_ == "prep" and c.lower_ in _PASSIVE_MEANS]
    if subject is None or len(means) != 1 or not any(c.dep_ == "pobj" and c.pos_ in {"NOUN", "PROPN"}
                                                     for c in means[0].children):
        return None
    span = _opening_subject(doc, subject, auxes[0])
    if span is None:
        return None
    prep = means[0]
    if any(t.like_num or t.text == "%" for t in prep.subtree):
        return None  # "is associated with a fatality rate of 99.9%": a measure the thing goes with, no means (set 22)
    for c in root.children:
        if c.i in {subject.i, auxes[0].i, prep.i} or c.is_punct:
            continue
        if c.dep_ == "advmod" and c.i == prep.left_edge.i - 1 or c.dep_ == "prep" and c.i < prep.i and c.lower_ in {
                "from", "to", "between", "among"}:
            continue  # "almost exclusively through", "from person to person"
        if c.dep_ == "advmod" and c.i < prep.i and all(t.dep_ == "advmod" for t in c.subtree):
            continue
        return None  # an agent, an object, a clause: more than the means is said
    if any(t.i > prep.right_edge.i and not t.is_punct for t in doc):
        return None
    adverbs = [c for c in root.children if c.dep_ == "advmod" and c.i < prep.i and c.i > root.i]
    start = min([prep.i, *(a.left_edge.i for a in adverbs if a.right_edge.i == prep.i - 1)])
    answer = _clean(doc[start:prep.right_edge.i + 1].text)
    if not answer or len(answer.split()) > MAX_ANSWER_WORDS or "," in answer:
        return None  # "through damp storage, which ruins it": a second claim hangs on
    return Question(f"How {auxes[0].lower_} {_lower_first(span)} {root.lower_}?", f"{answer[:1].upper()}{answer[1:]}.",
                    "means")


def good_for_question(doc) -> Question | None:
    """"What is X useful for?" of "X is useful for Y" (Y the answer), or None."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or root.lemma_ != "be" or root.tag_ not in {"VBZ", "VBP"}:
        return None
    adjective = next((c for c in root.children if c.dep_ == "acomp" and c.lower_ in _GOOD_FOR), None)
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if adjective is None or subject is None or any(c.dep_ == "neg" for c in root.children):
        return None
    prep = next((c for c in adjective.children if c.dep_ == "prep" and c.lower_ in {"for", "in"}), None)
    target = next((c for c in prep.children if c.dep_ in {"pobj", "pcomp"}), None) if prep else None
    span = _opening_subject(doc, subject, root)
    if target is None or span is None or prep.i != adjective.i + 1 or adjective.i != root.i + 1:
        return None
    answer = _phrase(doc, target, to_end=True)
    if not answer:
        return None
    return Question(f"What {root.lower_} {_lower_first(span)} {adjective.lower_} {prep.lower_}?",
                    f"{answer[:1].upper()}{answer[1:]}.", "purpose")


def kinds_question(doc) -> Question | None:
    """"What are the two kinds of errors?" of "There are two kinds of errors: A and B", or None."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or root.lemma_ != "be" or not any(c.dep_ == "expl" for c in root.children):
        return None
    colon = next((t for t in doc if t.text == ":"), None)
    attribute = next((c for c in root.children if c.dep_ == "attr" and c.pos_ == "NOUN"), None)
    if colon is None or attribute is None or attribute.i > colon.i:
        return None
    count = next((c for c in attribute.children if c.dep_ == "nummod" and c.lower_ in _COUNTS), None)
    if count is None:
        return None
    listed = doc[colon.i + 1:]
    members = _members(listed)
    if len(members) != _COUNTS[count.lower_] or len(members) > MAX_LISTED:
        return None  # "two kinds: A, B and C" or a list the parse split: the count must match
    kept = [t for t in doc[count.i:colon.i] if not _in_brackets(doc, t)]
    described = re.sub(r"\s+", " ", "".join(t.text_with_ws for t in kept)).strip()
    if not described or any(t.tag_ in {"PRP", "PRP$"} or t.lower_ in _POINTING for t in kept):
        return None
    scope = _fronted_scope(doc, root)
    if scope is None:
        return None
    answer = _clean(listed.text)
    return Question(f"What {root.lower_} the {described}{' ' + scope if scope else ''}?",
                    f"{answer[:1].upper()}{answer[1:]}.", "enumeration")


def _fronted_scope(doc, root) -> str | None:
    """The phrase before "there" that bounds the count ("For LaTeX output there are two alternatives to
    citeproc"), to be asked with it ("... to citeproc for LaTeX output?"): without it the question counts
    alternatives in general, which the notes do not (round 26 new notes, borderline: "the stem drops the
    essential scope"). "" when nothing comes before "there"; None when what comes before points back
    ("In this case", "Then") or is more than a phrase."""
    expl = next((c for c in root.children if c.dep_ == "expl"), None)
    if expl is None or expl.i == 0:
        return ""
    fronted = doc[0:expl.i]
    if fronted[-1].text == ",":
        fronted = doc[0:expl.i - 1]
    heads = [t for t in fronted if t.head.i == root.i]
    if len(heads) != 1 or heads[0].dep_ not in {"prep", "npadvmod"} or heads[0].left_edge.i != 0 \
            or heads[0].right_edge.i != fronted[-1].i:
        return None
    if any(t.tag_ in {"PRP", "PRP$"} or t.lower_ in _POINTING or t.lower_ in {"this", "these", "that", "those"}
           for t in fronted):
        return None
    text = fronted.text
    return text[:1].lower() + text[1:] if not fronted[0].pos_ == "PROPN" else text


def _members(span) -> list[str]:
    """The noun phrases listed in `span` ("syntax errors and exceptions" -> two)."""
    text = _clean(span.text)
    parts = [p.strip() for p in re.split(r",\s*(?:and|or)\s+|,\s*|\s+(?:and|or)\s+", text) if p.strip()]
    return parts if all(1 <= len(p.split()) <= 5 for p in parts) else []


def _in_brackets(doc, token) -> bool:
    depth = 0
    for t in doc[:token.i + 1]:
        if t.text == "(":
            depth += 1
        elif t.text == ")":
            depth -= 1
    return depth > 0 or token.text in {"(", ")"}
