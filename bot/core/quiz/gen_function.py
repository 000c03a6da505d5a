"""Cards on what a thing of the notes does, as technical prose states it in the present tense:
"Connection-oriented transmission requires a setup phase in each involved node ..." is asked "What
does connection-oriented transmission require?", answered "A setup phase in each involved node ...";
"Derived classes may override methods of their base classes." is asked "What may derived classes
override?".

Manuals, HOWTOs and technical articles teach what each part does far more than what happened when
(issue 8: such notes give few items; RESULTS 8.27). Only a general statement: a present-tense or
modal verb that says what a thing does (a closed list of English verbs of function: "requires",
"provides", "indicates", "contains" ...; not "plays", "takes", "puts", whose object is half an idiom),
a subject that is a term of the notes (a common noun, not a name: a person's or a body's deeds are
gen_actors' and gen_questions' who-did-what), and an object that ends the sentence (nothing after it
to cut: "name their own exceptions by creating ...").
"""

from __future__ import annotations

import re

from bot.core.quiz.gen_naming import _lower_first, _opening_subject, _phrase, _shares_head
from bot.core.quiz.gen_questions import Question

# What a thing does, said of it in general: English verbs whose object is what the card asks.
FUNCTION_VERBS = frozenset({"provide", "require", "include", "contain", "indicate", "show", "specify", "define",
                            "return", "represent", "describe", "store", "support", "override", "accept", "produce",
                            "generate", "convert", "determine", "hold", "record", "raise", "wrap", "implement",
                            "handle", "measure", "control", "govern", "comprise", "prevent", "protect", "permit",
                            "forbid", "prohibit", "guarantee", "identify", "list", "replace", "create", "encode",
                            "decode", "display", "print", "check", "detect", "limit", "restrict", "regulate"})
_MODALS = frozenset({"can", "may", "must", "should", "will", "shall"})
# Heads that name no thing of their own: "examples include ...", "represent examples of ...".
_VAGUE = frozenset({"example", "instance", "kind", "type", "sort", "number", "lot", "variety", "part", "thing", "one",
                    "way", "case", "fact", "musician", "building", "people", "person"})


_WHEN = frozenset({"before", "after", "until", "when", "whenever", "once"})
# The modal of what is possible: "users can create ...", "a module can contain ...". Not "may", which
# tutorials use for what a thing is allowed to do, one option among those the notes tell
# (generator._other_options reads that).
_POSSIBLE = frozenset({"can"})
_ANY_DETERMINERS = frozenset({"a", "an", "any", "some", "many", "most", "all", "every", "each"})


def _any_of_a_kind(subject) -> bool:
    """The subject is any thing of a kind, not one the notes single out: a bare noun ("users", "static
    methods") or one after "a", "any", "some", "every" ... A card asking what any of a kind "can" do, or
    "returns", has as many answers as there are things of the kind and uses of them (round 19 dropped "What
    can users create?": "could be answered in endless ways", and "What do static methods return?": "naturally
    read as the value returned when the method is called"; rounds 14 and 15 borderlined "What can a module
    contain?": "open-ended"). "The pydoc module can create ...", "the except clause may specify ...": one
    thing, what it does."""
    determiner = next((c for c in subject.children if c.dep_ in {"det", "poss"}), None)
    return determiner is None and not any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in subject.children) \
        or determiner is not None and determiner.lower_ in _ANY_DETERMINERS


def _completes(child) -> bool:
    """A phrase after the object that belongs to the answer: where or when ("after the exception
    name", "before any packet is transferred"), or a purpose ("to establish the parameters of
    communication"); not a means ("by ...") nor a reason or a condition ("because", "if")."""
    if child.dep_ == "prep":
        return child.lower_ != "by"
    return child.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" or c.dep_ == "mark" and c.lower_ in _WHEN
                                         for c in child.children)


def function_question(doc) -> Question | None:
    """"What does/do/may <subject> <verb>?" of "<subject> <verb>s <object>." in the present tense or
    after one modal, the object (to the sentence's end) the answer; None when the sentence is not of
    that form."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or root.pos_ != "VERB" or root.lemma_.lower() not in FUNCTION_VERBS:
        return None
    before = [c for c in root.children if c.dep_ in {"aux", "auxpass", "neg"}]
    modal = [c for c in before if c.tag_ == "MD"]
    if any(c.dep_ != "aux" or c.tag_ != "MD" or c.lower_ not in _MODALS for c in before) or len(modal) > 1:
        return None  # a passive, a negation, "has defined": not what the thing does in general
    if not (root.tag_ in {"VBZ", "VBP"} and not modal or root.tag_ == "VB" and modal):
        return None
    if any(c.dep_ in {"prt", "dative", "xcomp", "ccomp", "oprd", "conj"} for c in root.children):
        return None  # "put their name forward", "enable the Parliament to scrutinise", a second verb
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    obj = next((c for c in root.children if c.dep_ == "dobj"), None)
    if subject is None or obj is None or obj.i < root.i or obj.left_edge.i != root.i + 1:
        return None
    first_verb = min([root.i, *(c.i for c in before)])
    span = _opening_subject(doc, subject, doc[first_verb])
    if span is None or any(t.pos_ == "PROPN" or t.ent_type_ for t in span):
        return None  # a name's deed: who-did-what asks it
    for c in root.children:
        if c.i > obj.right_edge.i and not c.is_punct and not _completes(c):
            return None  # "... by creating a new exception class": a means follows the object
    if obj.lemma_.lower() in _VAGUE or subject.lemma_.lower() in _VAGUE:
        return None  # "Famous musicians include ...", "Buildings represent examples of ...": no function
    if sum(t.pos_ == "PROPN" for t in obj.subtree) * 2 > len([t for t in obj.subtree if not t.is_punct]):
        return None  # a list of names: examples, not what the thing does
    if doc[obj.left_edge.i].tag_ in {"PRP", "PRP$"} or obj.tag_ in {"PRP"}:
        return None  # "their own exceptions", "it"
    answer = _phrase(doc, obj, to_end=True)
    if not answer or len(answer.split()) < 2:
        return None
    described = _lower_first(span)
    if _shares_head(described, answer):
        return None
    if modal:
        prompt = f"What {modal[0].lower_} {described} {root.lower_}?"
    else:
        prompt = f"What {'does' if root.tag_ == 'VBZ' else 'do'} {described} {root.lemma_.lower()}?"
    return Question(prompt, f"{answer[:1].upper()}{answer[1:]}.", "function")


# A sentence that adds to what came before: "Furthermore, the configuration step for the kernel requires the
# libncurses-dev package", "X also requires ...". English linking words.
_ADDS_TO_BEFORE = re.compile(r"^(?:furthermore|moreover|in addition|additionally|also|besides|likewise|similarly)\b|"
                             r"\balso\b", re.IGNORECASE)


def one_of_several(quote: str) -> bool:
    """The sentence says it adds one more thing to others told before it: its object is one of what the
    subject requires, provides or includes, and a card keying it has other answers (round 19 dropped "What
    does the configuration step for the kernel require?" -> "The libncurses-dev package." of "Furthermore,
    ...": "the stem does not pin down one answer", the notes name other packages further on)."""
    return bool(_ADDS_TO_BEFORE.search(quote.strip()))


# Adjectives that set a thing in one situation, told in the passage: available to whom, current when.
# English words.
_SITUATING = frozenset({"available", "current", "remaining", "existing", "present", "previous", "following",
                        "above", "below", "same", "latter", "former", "aforementioned", "resulting", "given"})


# Adjectives that say how a thing stands to another one the passage names: "related forms" (related to what?),
# "similar methods", "other causes". English words.
_RELATIONAL = frozenset({"related", "similar", "other", "such", "further", "additional", "comparable",
                         "corresponding", "analogous", "equivalent", "different", "associated"})


def relational_subject(doc) -> bool:
    """The subject is set beside a thing of the passage by an adjective that leaves that thing unsaid
    ("Related forms include corrosion under deposits, ...", under crevice corrosion: related to what?; set
    17, dropped: "has no referent"). "Forms related to crevice corrosion" says it, and stands."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    subject = next((c for c in root.children if c.dep_ in {"nsubj", "nsubjpass"}), None) if root is not None else None
    if subject is None:
        return False
    return any(c.dep_ == "amod" and c.lower_ in _RELATIONAL and not any(True for _ in c.children)
               for c in subject.children)


def situated_subject(doc) -> bool:
    """The subject is "the" with an adjective that sets it in one situation ("The available hard drive space
    prohibits ..."): the passage's case, which a student cannot place without it (round 19, dropped: "'the
    available hard drive space' has no referent"). Any adjective would also take "the pydoc module" (a name
    the parser reads as an adjective; kept twice)."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None) if root is not None else None
    if subject is None:
        return False
    return any(c.dep_ == "det" and c.lower_ == "the" for c in subject.children) \
        and any(c.dep_ == "amod" and c.lower_ in _SITUATING for c in subject.children)


def asks_any_of_a_kind(doc) -> bool:
    """The card gen_function makes of `doc` asks what any thing of a kind can do ("What can users create?",
    "What can a module contain?"), returns ("What do static methods return?") or shows ("What do highly alloyed
    stainless steels show?"): see _any_of_a_kind."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None) if root is not None else None
    if subject is None or not _any_of_a_kind(subject):
        return False
    possible = any(c.dep_ == "aux" and c.lower_ in _POSSIBLE for c in root.children)
    return possible or root.lemma_.lower() == "return" and subject.tag_ == "NNS" \
        or root.lemma_.lower() in _SHOWN and subject.tag_ == "NNS"


# Verbs of a property shown: what every thing of a kind "shows" is one of its many properties ("What do highly
# alloyed stainless steels show?" -> "A critical pitting temperature ...": "passive films or pitting resistance
# would also be defensible", set 17, dropped).
_SHOWN = frozenset({"show", "display", "exhibit"})
