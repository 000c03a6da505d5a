"""Cards on what a court held in a case the notes name: "In Reyners v Belgium the Court of Justice held
that a refusal to admit a lawyer to the Belgian bar because he lacked Belgian nationality was
unjustified." -> "In Reyners v Belgium, what did the Court of Justice hold?", answered with the holding.

Law notes teach the law case by case, each case named the way law writes case names ("<party> v
<party>") and its rule given as what a court "held that ..."; what a case decided is what a teacher of
such a course asks (issue 8, session 24: 31 sentences of the pool's law note read "held that", none was
asked). The sentence's own words are read, not a list of a course's cases or courts: the case is
"In <name> v <name>" opening the sentence (after at most a connective: "So,", "Conversely,"), the court
a name after it ("the Court of Justice", "the Court"), then "held that" and the holding to the sentence's
end. The question names only the case and the court, so it stands alone whatever connective opened the
sentence; the holding is the answer a student checks theirs against (a self-rated card, as gen_clauses).

Not asked: a case the notes name in more than one sentence ("Commission v Italy", three different
cases: the question would have several answers), a holding that points back ("this rule", "that
case") or opens with a pronoun, a holding longer than a student can recall (MAX_ANSWER_WORDS).
"""

from __future__ import annotations

import re

from bot.core.quiz.gen_questions import Question

MAX_ANSWER_WORDS = 45  # as gen_clauses: the notes' words shown as the answer, as long as a student can recall
MIN_ANSWER_WORDS = 4
# A case name as law writes it: capitalised words (joined by the small words of names in any language:
# "Procureur du Roi", "Consiglio dell'Ordine degli Avvocati e Procuratori di Milano"), " v ", the same.
_UPPER = "A-ZÀ-ÖØ-Þ"  # the capitals of the Latin alphabets ("Überseering BV v Nordic Construction GmbH")
_NAME_WORD = rf"(?:[{_UPPER}][\w.’'&-]*|\d+)"
_JOINER = r"(?:of|de|du|des|der|den|van|von|da|di|del|della|dell[’']\w+|degli|e|en|y|and|the|la|le)"
_PARTY = rf"{_NAME_WORD}(?: (?:{_JOINER} )*{_NAME_WORD})*"
_CASE = rf"(?P<case>{_PARTY} v {_PARTY})"
_COURT = rf"(?P<court>the (?:[{_UPPER}][\w’'-]*)(?: (?:of )?[{_UPPER}][\w’'-]*)*)"
_HOLDING = re.compile(rf"^(?P<lead>(?:[{_UPPER}][a-z]+(?: [a-z]+){{0,2}},? )?)[Ii]n {_CASE},? {_COURT} (?:also )?held that "
                      r"(?P<holding>.+?)\.?$")
_POINTING = frozenset({"this", "that", "these", "those", "such", "same"})
_PRONOUN_OPENERS = frozenset({"it", "its", "they", "their", "them", "he", "she", "his", "her", "this", "that", "these",
                              "those", "such"})


def holding_question(doc) -> Question | None:
    """"In <case>, what did <court> hold?" of "In <case> <court> held that <holding>.", or None."""
    text = doc.text.strip()
    found = _HOLDING.match(text)
    if found is None:
        return None
    lead = found.group("lead").strip(" ,")
    if lead and lead.split()[0].lower() in {"in", "on", "at", "by", "for", "after", "before", "during"}:
        return None  # "In a 2009 case, Commission v Italy, ...": the lead is a phrase of its own, not a connective
    holding = found.group("holding").strip()
    words = holding.split()
    if not MIN_ANSWER_WORDS <= len(words) <= MAX_ANSWER_WORDS:
        return None
    if words[0].lower().strip(",") in _PRONOUN_OPENERS:
        return None  # "that it contravened ...": what "it" is the holding does not say
    start = found.start("holding")
    if any(t.lower_ in _POINTING and t.dep_ == "det" and t.idx >= start for t in doc):
        return None  # "that this rule meant ...": which rule, the card does not say
    if re.search(r"[\"“”(]", holding) and holding.count('"') % 2:
        return None  # a quotation cut by the sentence's end
    court = found.group("court")
    answer = holding[:1].upper() + holding[1:].rstrip(" .") + "."
    return Question(f"In {found.group('case')}, what did {court} hold?", answer, "holding")


def case_of(question: Question) -> str:
    """The case a holding question names."""
    return question.prompt[len("In "):question.prompt.index(", what did ")]
