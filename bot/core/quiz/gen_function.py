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

from bot.core.quiz.gen_naming import (_clause_end, _clean, _lower_first, _opening_subject, _phrase, _shares_head,
                                     outside_brackets)
from bot.core.quiz.gen_questions import Question
from bot.core.loaders.headings import without_section_number

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


def _a_provision(span, modal) -> bool:
    """The subject is the name of a law or a provision of one, and nothing else ("Article 102", "Section 13 of
    the Judiciary Act": spaCy's LAW), said in the present tense without a modal: what a text of law does is
    a rule it states, one answer for each verb ("What does Article 102 prohibit?"; issue 8, session 25: the
    rules of law teachers mark, refused as a name's deed). A person, a body or a place acts in many ways."""
    named = [t for t in span if t.pos_ == "PROPN" or t.ent_type_]
    return not modal and bool(named) and all(t.ent_type_ == "LAW" for t in named) and span[0].ent_type_ == "LAW" \
        or not modal and span[0].lower_ == "the" and bool(named) and all(t.ent_type_ == "LAW" for t in named) \
        and span[1].ent_type_ == "LAW"


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
    if span is None or any(t.pos_ == "PROPN" or t.ent_type_ for t in span) and not _a_provision(span, modal):
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
    described = span.text if span[0].ent_type_ == "LAW" and span[0].lower_ != "the" else _lower_first(span)
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


def heading_aspect_subject(doc, heading: str) -> bool:
    """The subject is one bare word (no article, no modifier, nothing after it) that the section's heading
    names as an aspect of something else: after the heading's colon ("Weld defects: types, causes and
    effects") or before an "of" in it ("Causes of the expansion"). "Causes include poor weld design, ..." is
    then the causes of what the heading names, and "What do causes include?" leans on it (set 20). A subject
    the heading names as its topic ("Enzymes" under "Enzymes") stands."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    subject = next((c for c in root.children if c.dep_ in {"nsubj", "nsubjpass"}), None) if root is not None else None
    if subject is None or subject.pos_ not in {"NOUN", "PROPN"} or any(True for _ in subject.children):
        return False
    word = subject.lower_
    text = without_section_number(heading).lower()
    after_colon = text.split(":", 1)[1] if ":" in text else ""
    before_of = re.split(r"\bof\b", text, maxsplit=1)[0] if re.search(r"\bof\b", text) else ""
    return any(re.search(rf"\b{re.escape(word)}\b", part) for part in (after_colon, before_of) if part)


def situated_subject(doc) -> bool:
    """The subject is "the" with an adjective that sets it in one situation ("The available hard drive space
    prohibits ..."): the passage's case, which a student cannot place without it (round 19, dropped: "'the
    available hard drive space' has no referent"). Any adjective would also take "the pydoc module" (a name
    the parser reads as an adjective; kept twice)."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None) if root is not None else None
    if subject is None:
        return False
    # An adjective after the noun with its own phrase says the situation itself ("the power available from falling
    # water": available from what, the subject tells), and stands.
    return any(c.dep_ == "det" and c.lower_ == "the" for c in subject.children) \
        and any(c.dep_ == "amod" and c.lower_ in _SITUATING and (c.i < subject.i or not any(True for _ in c.children))
                for c in subject.children)


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


# What a thing is made of, as English says it: "consists of", "is composed of", "is made up of" (issue 8,
# session 25: the sentences a teacher marks "A steam turbine consists of one or more rotors ...", "The
# legislature ... is principally composed of the European Parliament and the Council", over 12 notes of four
# subjects; no template read them: "of" is no object of the verb). English grammar, not a course's words.
_COMPOSED = {"consist": None, "compose": None, "make": "up"}
# Adverbs of degree the question keeps ("What does X mainly consist of?"): the answer is then the main part.
_DEGREE = frozenset({"mainly", "mostly", "largely", "principally", "chiefly", "primarily", "essentially",
                     "entirely", "wholly", "partly", "usually", "generally", "normally", "typically"})
# Parts numbered or left open: "two levels", "several parts", "a number of ...": the parts are named after them.
MAX_PARTS_WORDS = 25  # a longer answer is a paragraph to recall, not a card
_OPEN_PARTS = frozenset({"several", "various", "many", "some", "few", "number", "variety", "range", "set", "series"})


def composition_question(doc) -> Question | None:
    """"What does a steam turbine consist of?" of "A steam turbine consists of one or more rotors mounted on
    a drive shaft ...", "What is the legislature of the European Union principally composed of?" of "The
    legislature of the European Union is principally composed of the European Parliament and the Council
    ...": what the notes say a thing is made of, the phrase after "of" (to where a second clause begins) the
    answer. Only the plain form: the subject opens the sentence and names its thing without pointing back;
    "consist(s/ed) of", or "is/are/was/were composed of / made up of", with at most an adverb of degree; no
    negation, modal or perfect (what it may or has come to consist of); no second verb of the subject;
    nothing before the answer but "of"; parts named, not counted ("two levels: ...", "several parts")."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or root.pos_ != "VERB" or root.lemma_.lower() not in _COMPOSED:
        return None
    lemma = root.lemma_.lower()
    passive = lemma != "consist"
    aux = [c for c in root.children if c.dep_ in {"aux", "auxpass", "neg"}]
    if passive:
        if root.tag_ != "VBN" or len(aux) != 1 or aux[0].dep_ != "auxpass" \
                or aux[0].lower_ not in {"is", "are", "was", "were"}:
            return None
    elif aux or root.tag_ not in {"VBZ", "VBP", "VBD"}:
        return None
    particle = _COMPOSED[lemma]
    # "Portland cement is made mainly from limestone and clay": "made from/of" with no "up" names the material
    bare_make = lemma == "make" and not any(c.dep_ == "prt" for c in root.children)
    if bare_make:
        particle = None
    if particle and not any(c.dep_ == "prt" and c.lower_ == particle and c.i == root.i + 1 for c in root.children):
        return None
    if not particle and any(c.dep_ == "prt" for c in root.children):
        return None
    if any(c.dep_ in {"cc", "xcomp", "dobj", "dative", "agent"} for c in root.children) \
            or any(c.dep_ == "conj" and (c.tag_ not in {"VBN", "VBG"} or any(g.dep_.startswith("nsubj") for g in c.children))
                   for c in root.children):
        return None  # a second verb or claim ("... and was used in 1712"), or "made by": not what it is made of
    heads = [root, *(c for c in root.children if c.dep_ == "prt")]  # "made up of": "of" may hang on "up"
    words = {"from", "of"} if bare_make else {"of"}
    of = next((c for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ in words), None)
    part = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    after = [t for t in doc[root.i + 1:of.i]] if bare_make and of is not None else []
    if after and (len(after) > 1 or after[0].lower_ not in _DEGREE):
        return None  # "made mainly from": one adverb of degree between the verb and its material, no more
    if part is None or of.i != (root.i + (2 if particle else 1) + len(after)):
        return None
    subject = next((c for c in root.children if c.dep_ == ("nsubjpass" if passive else "nsubj")), None)
    if subject is None:
        return None
    first_verb = min([root.i, *(c.i for c in aux)])
    between = doc[subject.right_edge.i + 1:first_verb]
    degree = [t for t in between if t.lower_ in _DEGREE]
    if len(between) != len(degree) or len(degree) > 1:
        return None
    inside = [t for t in doc[first_verb:root.i] if t.dep_ != "auxpass"]
    if any(t.lower_ not in _DEGREE for t in inside) or len(degree) + len(inside) > 1:
        return None  # "was later composed of": a change told against what came before
    degree = degree or inside or after
    if len(degree) > 1 or (after and (inside or [t for t in between if t.lower_ in _DEGREE])):
        return None
    past = root.tag_ == "VBD" or passive and aux[0].lower_ in {"was", "were"}
    if past and subject.pos_ != "PROPN" and not any(c.dep_ in {"det", "poss"} for c in subject.children):
        return None  # "Macroeconomic problems consisted of ...": which ones, and when? a case the passage sets
    if past and subject.pos_ != "PROPN" and not any(
            c.dep_ == "poss" or c.dep_ == "prep" and c.lower_ == "of" or c.dep_ == "compound" and c.pos_ == "PROPN"
            for c in subject.children):
        return None  # "The army consisted of 2,000 men": which army? one the passage told of, not named here
    span = _opening_subject(doc, subject, doc[subject.right_edge.i + 1] if subject.right_edge.i + 1 < len(doc) else root) \
        or _provision_subject(doc, subject)
    if span is None or span.end != (degree[0].i if degree and degree[0].i < first_verb else first_verb):
        return None
    for c in root.children:
        if c.i > part.right_edge.i and not c.is_punct and c.dep_ not in {"prep", "advcl", "ccomp", "acl", "conj"}:
            return None  # "... consists of X because ...": more than the parts
    if any(t.text == ":" for t in doc[part.i:]) and not any(c.dep_ == "conj" for c in part.children):
        return None  # "consist mainly of two levels: the highest one ...": the parts come after the colon
    if part.lemma_.lower() in _VAGUE | _OPEN_PARTS \
            or any(c.dep_ == "nummod" and c.tag_ == "CD" and not c.like_num for c in part.children) \
            or any(c.lower_ in _OPEN_PARTS for c in part.children if c.dep_ in {"amod", "det"}):
        return None  # "two levels", "several parts", "a number of ...": the parts themselves are not named
    if doc[part.left_edge.i].tag_ in {"PRP", "PRP$"} or part.tag_ == "PRP":
        return None
    answer = _parts(doc, part)
    if not answer:
        return None
    described = span.text if span[0].ent_type_ == "LAW" and span[0].lower_ != "the" else _lower_first(span)
    if subject.lemma_.lower() in {m.lemma_.lower() for m in (part, *part.conjuncts)}:
        return None  # "The Council ... is composed of ... councils": the question names its answer
    how = f" {degree[0].lower_}" if degree else ""
    if passive:
        verb = "composed of" if lemma == "compose" else f"made {of.lower_}" if bare_make else "made up of"
        prompt = f"What {aux[0].lower_} {described}{how} {verb}?"
    else:
        helper = "did" if root.tag_ == "VBD" else "does" if root.tag_ == "VBZ" else "do"
        prompt = f"What {helper} {described}{how} consist of?"
    return Question(prompt, f"{answer[:1].upper()}{answer[1:]}.", "composition")


def _provision_subject(doc, subject):
    """The subject when it opens the sentence and is one name of law only, commas and all ("Article I, Section 9":
    spaCy's LAW), which `_opening_subject` refuses for its comma; else None."""
    span = doc[subject.left_edge.i:subject.right_edge.i + 1]
    if span.start != 0 or not all(t.ent_type_ == "LAW" for t in span) \
            or any(e.label_ == "LAW" and e.start < span.end < e.end for e in doc.ents):
        return None
    return span


def _parts(doc, part) -> str:
    """The answer of `composition_question`: the phrase from the parts to the sentence's end, without asides
    in brackets, or cut where a relative clause on the last part begins (", which ..."); "" when a second
    clause of another kind follows, which a cut answer would leave out ("... consists of rotors, and the
    stator ..."): a key holding part of what the thing is made of is incomplete (round 26)."""
    end = len(doc) - 1 if doc[-1].is_punct else len(doc)
    cut = _clause_end(doc, part.left_edge.i, end)
    if cut < end:
        after = doc[cut + 1] if cut + 1 < len(doc) else None
        if doc[cut].text == "," and after is not None and after.tag_ in {"WDT", "WP"} and after.head.dep_ == "relcl":
            end = cut
        elif not (doc[cut].text == "," and after is not None and after.tag_ in {"VBG", "VBN"}
                  and part.left_edge.i <= after.head.i < cut):
            return ""
    tokens = outside_brackets(doc[part.left_edge.i:end])
    words = [t for t in tokens if not t.is_punct]
    if not words or len(words) > MAX_PARTS_WORDS:
        return ""
    return _clean("".join(t.text_with_ws for t in tokens))


# --- "What does X depend on?" ----------------------------------------------------------------------

_DEPENDING = frozenset({"depend", "rely"})  # English verbs of dependence, their object after "on"/"upon"


def _a_time_of(clause) -> bool:
    """A clause of when or under what condition ("... and on the age of the concrete when it is first loaded"),
    hung on the verb by the parser though it says which of the answer's things is meant."""
    return clause.dep_ == "advcl" and any(c.lower_ in {"when", "once"} and c.dep_ in {"advmod", "mark"}
                                          for c in clause.children)


def depends_question(doc) -> Question | None:
    """"What does the amount of creep depend on?" of "The amount of creep depends on the intensity of the
    stress and on the age of the concrete ...": what the notes say a quantity or a state of a thing is
    decided by, stated in the present tense as a general truth, the subject opening the sentence right
    before the verb (nothing between: "also depends" adds to something said before, "particularly
    depended" is one of several), no auxiliary or negation ("does not depend on X, but on Y" is a
    contrast), the whole "on" phrase to the sentence's end the answer (its list whole, `_phrase`). Not of
    a name's dependence (a person's or a body's: who-did-what), nor of a subject or an answer that points
    back ("it", "this")."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or root.pos_ != "VERB" or root.lemma_.lower() not in _DEPENDING or root.tag_ not in {"VBZ", "VBP"}:
        return None
    if any(c.dep_ in {"aux", "auxpass", "neg", "advmod", "npadvmod", "conj", "ccomp", "xcomp"} for c in root.children):
        return None
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    prep = next((c for c in root.children if c.dep_ == "prep" and c.lower_ in {"on", "upon"}), None)
    if subject is None or prep is None or prep.i != root.i + 1:
        return None
    span = _opening_subject(doc, subject, root)
    if span is None or subject.pos_ == "PROPN" or any(t.ent_type_ in {"PERSON", "ORG", "GPE"} for t in span):
        return None
    if sum(t.pos_ in {"NOUN", "PROPN", "ADJ", "NUM"} for t in span) < 2:
        return None  # "Treatment depends on the species of parasite": treatment of what, the stem alone does not say
    obj = next((c for c in prep.children if c.dep_ in {"pobj", "pcomp"}), None)
    if obj is None:
        return None
    answer = _phrase(doc, obj, to_end=True)
    if not answer or len(answer.split()) < 2:
        return None
    for again in (c for c in prep.children if c.dep_ == "conj" and c.lower_ == prep.lower_):
        answer = answer.replace(f" {again.text} ", " ", 1)  # "the stress and on the age": "on" is in the stem
    if any(t.tag_ in {"PRP", "PRP$"} or t.lower_ in {"this", "these", "those", "such"}
           for t in doc[obj.left_edge.i:obj.left_edge.i + 2]):
        return None  # "depends on this", "on their size": what the answer names is told before
    if any(c.i > prep.right_edge.i and not c.is_punct and not _a_time_of(c) for c in root.children):
        return None  # something follows the "on" phrase that is not part of it ("..., not on the price of labour")
    described = _lower_first(span)
    prompt = f"What {'does' if root.tag_ == 'VBZ' else 'do'} {described} {root.lemma_.lower()} {prep.lower_}?"
    return Question(prompt, f"{answer[:1].upper()}{answer[1:]}.", "depends")
