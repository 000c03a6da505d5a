"""Cards on what the notes call a thing and what a term of theirs means, the way technical prose
teaches its words:

- "What are errors detected during execution called?" from "Errors detected during execution are
  called exceptions ..." (also "known as", "referred to as", "termed", "named"): the term is the answer;
- "What does representation error refer to?" from "Representation error refers to the fact that ...",
  "What does UTF stand for?" from "UTF stands for ...", "What does X mean?" from "X means Y": the
  notes' words after the verb are the answer.

- "What were the assemblies at which decisions were made by consensus called?" of "Decisions were made by
  consensus at assemblies called Hansetage." (`passing_naming_question`), "What was the series of religious
  conflicts fought intermittently from 1562 to 1598 known as?" (`participle_naming_question`), "What does the
  reign name Meiji mean?" of "..., meaning "enlightened rule"." (`gloss_question`): the forms history and science
  notes name things in (session 28, qnaming).

A tutorial or a manual defines its terms this way far more often than with "X is a Y" (issue 8:
a code-heavy note gave no item at all). Each is a self-rated card, like gen_questions' cards: the
notes' words are what a student checks an answer against. Only spaCy's parse is read: the subject
must open the sentence, name something without pointing back ("This means ...", "It refers to ..."),
and the answer must be a phrase, not a clause trailing a second claim.
"""

from __future__ import annotations

import re

from bot.core.quiz.gen_questions import Question

# Verbs that give a thing its name in the passive ("are called exceptions", "is known as X").
NAMING_VERBS = frozenset({"call", "term", "name", "know", "refer", "dub", "denote"})
# Verbs whose subject is a term and whose object says what it is: "X refers to", "X stands for", "X means".
_MEANING = {"refer": ("refer to", "to"), "stand": ("stand for", "for"), "mean": ("mean", None),
            "denote": ("denote", None)}
_POINTING = frozenset({"this", "that", "these", "those", "it", "they", "such", "which", "what", "he", "she",
                       "here", "there", "other", "another", "same", "above", "following", "former", "latter"})
MAX_SUBJECT_WORDS = 12
MAX_ANSWER_WORDS = 30
_CLAUSE_END = frozenset({",", ";", ":", "(", "-", "–", "—"})


def naming_question(doc) -> Question | None:
    """"What are <subject> called?" of "<subject> are called <term> ...", or None."""
    return _naming_by_parse(doc) or _naming_by_words(doc)


_NAMING_WORDS = {"called": "called", "termed": "termed", "named": "named", "known": "known as",
                 "referred": "referred to as"}
_PHRASE_TAGS = frozenset({"DET", "ADJ", "NOUN", "PROPN"})
# A participle's phrase inside the subject: "detected during execution", "kept near the moor".
_SUBJECT_TAGS = _PHRASE_TAGS | {"ADP", "VERB"}


def _naming_by_words(doc) -> Question | None:
    """The same card read from the words where the small model's parse misses the naming verb:
    "Errors detected during execution are called exceptions and are not unconditionally fatal: ..."
    parsed with "detected" as a verb of its own (session 14: the tutorial's definition of an exception
    gave no card). Only "<noun phrase, a participle's phrase in it> is/are called <noun phrase>" then
    the sentence's end or a second claim ("and are ...", ": ..."); the answer is that noun phrase."""
    tokens = list(doc)
    aux = next((t for t in tokens if t.lower_ in {"is", "are"} and t.i + 1 < len(tokens)
                and tokens[t.i + 1].lower_ in _NAMING_WORDS), None)
    if aux is None or not 2 <= aux.i <= MAX_SUBJECT_WORDS:
        return None
    subject = tokens[:aux.i]
    if subject[0].pos_ not in {"NOUN", "ADJ", "DET"} or subject[-1].pos_ not in {"NOUN", "PROPN"} \
            or any(t.pos_ not in _SUBJECT_TAGS or t.lower_ in _POINTING for t in subject) \
            or not any(t.pos_ == "NOUN" for t in subject):
        return None
    verbs = [t for t in subject if t.pos_ == "VERB"]
    if len(verbs) > 1 or verbs and (verbs[0].tag_ not in {"VBN", "VBD"} or verbs[0].i + 1 >= aux.i
                                    or tokens[verbs[0].i + 1].pos_ != "ADP" or tokens[verbs[0].i - 1].pos_ != "NOUN"):
        return None  # "The team found the errors are called ...": a clause, not a noun's phrase
    asked = _NAMING_WORDS[tokens[aux.i + 1].lower_]
    start = aux.i + 1 + len(asked.split())
    if " ".join(t.lower_ for t in tokens[aux.i + 1:start]) != asked:
        return None
    end = start
    while end < len(tokens) and (tokens[end].pos_ in _PHRASE_TAGS or tokens[end].text == "-"):
        end += 1
    if end == start or end - start > MAX_ANSWER_WORDS or tokens[end - 1].pos_ not in {"NOUN", "PROPN"}:
        return None
    after = tokens[end] if end < len(tokens) else None
    if not (after is None or after.text in {".", ":", ";"}
            or after.lower_ == "and" and end + 1 < len(tokens) and tokens[end + 1].pos_ in {"AUX", "VERB"}):
        return None  # "... called X if ...", "... called X, which ...": a condition or more to the name
    described = _lower_first(doc[0:aux.i])
    answer = _clean(doc[start:end].text)
    if not answer or _shares_head(described, answer):
        return None
    return Question(f"What {aux.lower_} {described} {asked}?", _sentence_case(answer), "naming")


def _naming_by_parse(doc) -> Question | None:
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or root.lemma_ not in NAMING_VERBS or root.tag_ != "VBN":
        return None
    aux = next((c for c in root.children if c.dep_ == "auxpass"), None)
    subject = next((c for c in root.children if c.dep_ == "nsubjpass"), None)
    if aux is None or subject is None or aux.lower_ not in {"is", "are", "was", "were"}:
        return None
    if root.lemma_ == "know" or root.lemma_ == "refer":
        prep = next((c for c in root.children if c.dep_ == "prep" and c.lower_ == "as"), None)
        target = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep else None
        asked = f"{root.text} as"
    else:
        target = next((c for c in root.children if c.dep_ in {"oprd", "attr", "dobj"}), None)
        asked = root.text
    if target is None or target.i < root.i:
        return None
    subject_span = _opening_subject(doc, subject, aux)
    answer = _phrase(doc, target)
    if subject_span is None or not answer:
        return None
    if any(c.dep_ == "neg" for c in root.children) or any(t.dep_ == "advmod" for t in doc[aux.i + 1:root.i]):
        return None  # "is not called", "is sometimes called": not what it is called
    described = _lower_first(subject_span)
    if _shares_head(described, answer):
        return None  # "Unicode strings are called strings": the answer is in the question
    condition = _condition(doc, root, target)
    if condition is None:
        return None
    # "An object is called iterable if you can get an iterator for it": "What is an object called?"
    # has no answer (round 11's drop); the condition stays in the question.
    tail = f" {condition}" if condition else ""
    return Question(f"What {aux.lower_} {described} {asked}{tail}?", _sentence_case(answer), "naming")


# The participles that give a noun its name after it: "three small civil wars known as the Huguenot
# rebellions", "a dispute ..., called the Forks of the Ohio". English grammar, not a course's words.
_NAMING_PARTICIPLES = {"called": "called", "known": "known as", "termed": "termed", "dubbed": "dubbed"}
# Nouns that only count or group what follows "of" ("a series of three small civil wars"): the name is
# the whole group's, so the question asks about the group. Other "X of Y" phrases are left alone: whether
# the name is the X's or the Y's ("the confluence of the two rivers, called the Forks of the Ohio"), the
# small model's parse does not say.
_GROUPING_NOUNS = frozenset({"series", "group", "number", "set", "pair", "couple", "succession", "sequence",
                             "string", "chain", "wave", "cluster", "collection",
                             # a class the named things make up ("a class of legal tools known as
                             # extraordinary writs"): the name is the class's
                             "class", "kind", "type", "category", "family"})
MAX_NAME_WORDS = 6
MAX_PARTICIPLE_QUESTION_WORDS = 26


def participle_naming_question(doc) -> Question | None:
    """"What was the series of three small civil wars that broke out ... known as?" of "A series of
    three small civil wars known as the Huguenot rebellions broke out ...": history, law and politics
    notes name a thing with a participle after its noun ("known as", "called", "termed", "dubbed") far
    more often than with "X is called Y" (issue 8: the pool's twelve notes gave no naming card of that
    form). Only where the named noun is what the sentence's verb is about, its subject or its object:
    the rest of the sentence, turned into a relative clause, says which one ("the MSPs that parties
    entrust with the task of ..."). Never a proper name's other name ("The Malkin Athletic Center,
    known as the MAC": an alias, not a term), never "also known as" (one name of several), never a noun
    inside another's "of" phrase unless the first only counts it ("a series of wars": the parse does not
    say whether "the confluence of the rivers, called the Forks" names the confluence or the rivers)."""
    for participle in doc:
        question = _participle_question(doc, participle) or _after_verb_question(doc, participle)
        if question is not None:
            return question
    return _second_verb_question(doc)


def _second_verb_question(doc) -> Question | None:
    """"What were the Huguenots who stayed in France and became Catholics called?" of "Those Huguenots
    who stayed in France became Catholics and were called "new converts"": the naming verb is the
    sentence's second verb, joined to its first by "and" with no subject of its own, so the name is the
    subject's. The subject opens the sentence and is a noun (a pronoun or "such" points back: "Such
    engines ... are known as ..."); "those"/"these" only before a relative clause that says which ones
    ("Those Huguenots who stayed in France"). No other quotes, brackets or second clause."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or root.pos_ not in {"VERB", "AUX"}:
        return None
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.left_edge.i != 0 or subject.right_edge.i + 1 != root.i \
            or subject.pos_ not in {"NOUN", "PROPN"}:
        return None
    verbs = [c for c in root.children if c.dep_ == "conj" and c.tag_ == "VBN"]
    if len(verbs) != 1 or any(c.dep_ == "conj" and c.i != verbs[0].i for c in root.children):
        return None
    verb = verbs[0]
    asked = _NAMING_PARTICIPLES.get(verb.lower_)
    be = next((c for c in verb.children if c.dep_ == "auxpass" and c.lower_ in {"is", "are", "was", "were"}), None)
    if asked is None or be is None or any(c.dep_ in {"nsubj", "nsubjpass", "neg", "advmod", "npadvmod"}
                                          for c in verb.children):
        return None  # "and are also known as": one name of several
    if asked == "known as":
        prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"), None)
        target = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep else None
    else:
        target = next((c for c in verb.children if c.dep_ in {"oprd", "attr", "dobj"}), None)
    if target is None or target.right_edge.i + 1 < len(doc) - 1 and doc[target.right_edge.i + 1].text not in {'"', "”"}:
        return None  # the name must end the sentence: "... called X, with ..." says more of X
    name_span = doc[target.left_edge.i:target.right_edge.i + 1]
    name = _clean(name_span.text)
    if not name or len(name.split()) > MAX_NAME_WORDS or any(t.text in {"(", ")", ";", ":"} for t in name_span):
        return None
    before_name = doc[:target.left_edge.i]
    if any(t.text in {";", ":", '"', "“", "”", "(", ")"} for t in before_name if t.i < verb.i) \
            or any(t.tag_ in {"PRP", "PRP$"} for t in doc):
        return None
    phrase = doc[:subject.right_edge.i + 1]
    first = phrase[0]
    relative = any(c.dep_ == "relcl" for c in subject.children)
    if first.lower_ in _POINTING and not (first.lower_ in {"those", "these"} and relative) \
            or any(t.lower_ in _POINTING for t in phrase[1:] if t.dep_ != "nsubj" or t.tag_ not in {"WDT", "WP"}):
        return None
    words = [t.text for t in phrase]
    if first.lower_ in {"those", "these", "a", "an", "some", "the", "many", "most"}:
        words = words[1:]
    described = "the " + " ".join(words)
    first_clause = doc[root.i:verb.i].text.rstrip(" ,")
    first_clause = re.sub(r"\s+(?:and|,)\s*(?:were|was|are|is)?$", "", first_clause)
    if not first_clause or first_clause == root.text and not any(c.i > root.i for c in root.children
                                                                if c.dep_ not in {"cc", "conj"}):
        return None
    described = f"{described} {'and' if relative else 'that'} {first_clause}"
    if _shares_head(described, name):
        return None
    prompt = f"What {be.lower_} {described} {asked}?"
    if len(prompt.split()) > MAX_PARTICIPLE_QUESTION_WORDS:
        return None
    return Question(prompt, _sentence_case(name), "naming")


def passing_naming_question(doc) -> Question | None:
    """"What are the sexual forms to which ... parasites convert called?" of "... parasites convert to sexual
    forms called gametocytes.", "What are the much weaker attractions between separate covalent molecules
    called?" of "Between ... there are much weaker attractions called intermolecular forces.": a thing named
    where the sentence passes by it, in a preposition's phrase after the verb or after "there is/are"; the
    sentence around it says which one (`_prepositional_described`, `_existential_described`). A place passed
    by is named so too ("landed on a small peninsula called Gull Point"): the caller asks only a name the
    notes use again (a term they teach), not one met once."""
    for participle in doc:
        question = _participle_question(doc, participle, passing=True)
        if question is not None:
            return question
    return None


def _participle_question(doc, participle, passing: bool = False) -> Question | None:
    asked = _NAMING_PARTICIPLES.get(participle.lower_)
    if asked is None or participle.dep_ != "acl" or participle.tag_ not in {"VBN", "VBD"}:
        return None
    if any(c.dep_ in {"neg", "advmod", "npadvmod"} for c in participle.children):
        return None  # "also known as", "sometimes called": one name of several, or not always
    if asked == "known as":
        prep = next((c for c in participle.children if c.dep_ == "prep" and c.lower_ == "as"), None)
        target = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep else None
    else:
        target = next((c for c in participle.children if c.dep_ in {"oprd", "attr", "dobj"}), None)
    if target is None or target.i < participle.i:
        return None
    # The name up to its head, and its "of" phrase ("the Forks of the Ohio"); not what the parse hangs after
    # it ("Manakin Town, now in Powhatan County").
    end = target.i + 1
    of = next((c for c in target.children if c.dep_ == "prep" and c.lower_ == "of" and c.i == end), None)
    if of is not None:
        end = of.right_edge.i + 1
    name_span = doc[target.left_edge.i:end]
    name = _clean(name_span.text)
    if not name or len(name.split()) > MAX_NAME_WORDS or any(t.text in {"(", ")", ";", ":"} for t in name_span):
        return None
    noun = participle.head
    if noun.dep_ == "pobj" and noun.head.lower_ == "of":
        owner = noun.head.head
        if owner.pos_ != "NOUN" or owner.lower_ not in _GROUPING_NOUNS:
            return None  # "the confluence of the rivers, called ...": the confluence's name or the rivers'?
        noun = owner
    if noun.pos_ != "NOUN":
        return None  # a name's other name ("the MAC"), or a pronoun
    phrase = doc[noun.left_edge.i:participle.i]
    words = [t for t in phrase if not t.is_punct]
    if not words or any(t.lower_ in _POINTING or t.tag_ in {"PRP", "PRP$"} or t.text in {"(", ")", '"', "“", "”"}
                        for t in phrase):
        return None
    if _shares_head(phrase.text, name):
        return None  # "civil wars known as the civil wars": the answer is in the question
    plural = noun.tag_ in {"NNS", "NNPS"}
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None:
        return None
    past = root.tag_ == "VBD" or any(c.dep_ in {"aux", "auxpass"} and c.tag_ == "VBD" for c in root.children)
    be = ("were" if plural else "was") if past else ("are" if plural else "is")
    # Where the sentence goes on after the name (past the comma closing it), and the noun's words
    # without an article of their own ("some MSPs": "MSPs"), for "the ... that ...".
    after = participle.right_edge.i + 1
    if after < len(doc) and doc[after].text == ",":
        after += 1
    has_article = words[0].lower_ in {"a", "an", "some", "the"}
    unmarked = words[1:] if has_article else words
    fronted = _fronted_phrase(doc, phrase.start)
    if passing:
        described = _prepositional_described(doc, root, noun, unmarked, participle, end) \
            or _existential_described(doc, root, noun, unmarked, end)
        if not described:
            return None
    elif noun.dep_ == "nsubj" and noun.head.i == root.i and (phrase.start == 0 or fronted):
        # "A series of ... wars known as X broke out ...": the named thing is what the sentence is about;
        # the rest of the sentence, as a relative clause, says which one.
        verb_start = min([root.i, *(c.i for c in root.children if c.dep_ in {"aux", "auxpass", "neg"})])
        if after != verb_start:
            return None  # something stands between the name and the verb
        predicate = doc[verb_start:].text.rstrip(" .")
        if any(t.text in {";", ":", '"', "“", "”", "(", ")"} or t.text in {".", "!", "?"} and t.i < len(doc) - 1
               for t in doc[verb_start:]):  # a second sentence run into this one ("... 1629. revolted against ...")
            return None
        described = f"the {' '.join(t.text for t in unmarked)}" if has_article \
            else _lower_first(phrase).rstrip(" ,")
        if fronted:
            # "In the early 18th century, a regional group known as the Camisards rioted against the Catholic
            # Church in the region, burning churches ...": the time or place the sentence opens with goes after
            # the predicate, cut before a participle's comma ("burning ..." says more of the deed, not which).
            cut = next((t.i for t in doc[verb_start:] if t.text == "," and t.i + 1 < len(doc)
                        and doc[t.i + 1].tag_ == "VBG"), None)
            end_of_claim = cut if cut is not None else len(doc)
            if any(t.lower_ == "the" and t.head.pos_ == "NOUN" and not any(
                    c.dep_ in {"prep", "acl", "relcl"} for c in t.head.children) for t in doc[verb_start:end_of_claim]):
                # "... rioted against the Catholic Church in the region": "the region" points back to the sentence
                # before (the Cevennes), as the time phrase the sentence opens with leans on what came before it
                return None
            if cut is not None:
                predicate = doc[verb_start:cut].text
            predicate = f"{predicate} {fronted}"
        described = f"{described} that {predicate}"
    elif noun.dep_ == "dobj" and noun.head.i == root.i and _subject_opens(doc, root):
        # "Parties entrust some MSPs, known as whips, with the task of ...": the rest of the sentence
        # around the object, as a relative clause ("the MSPs that parties entrust with the task of ...").
        rest = doc[after:]
        if any(t.text in {";", ":", '"', "“", "”", "(", ")"} for t in doc) or any(t.tag_ in {"PRP", "PRP$"} for t in doc):
            return None
        head = " ".join(t.text for t in unmarked)
        clause = f"{_lower_first(doc[:phrase.start]).strip()} {rest.text}".rstrip(" .")
        described = f"the {head} that {clause}"
    else:
        # "the coastline peninsula of Davenports Neck called Bauffet's Point": a thing the sentence passes
        # by, named once; "some MSPs, known as whips" with no verb of the sentence to say which ones.
        return None
    prompt = f"What {be} {described} {asked}?"
    if len(prompt.split()) > MAX_PARTICIPLE_QUESTION_WORDS:
        return None
    return Question(prompt, _sentence_case(name), "naming")


def _fronted_phrase(doc, start: int) -> str:
    """The phrase of time or place a sentence opens with before its subject ("In the early 18th century, a
    regional group ..."), lower-cased, or "": a preposition's phrase of nouns, then a comma right before the
    subject, no verb, no other punctuation, no pronoun."""
    if start < 3 or doc[start - 1].text != "," or doc[0].pos_ != "ADP":
        return ""
    span = doc[:start - 1]
    if any(t.is_punct and t.text not in {"-", "'"} or t.pos_ in {"VERB", "AUX", "PRON", "SCONJ"}
           or t.tag_ in {"PRP", "PRP$"} or t.lower_ in _POINTING for t in span):
        return ""
    return _lower_first(span)


def _ends_the_sentence(doc, end: int) -> bool:
    """Nothing but an aside in brackets and the full stop after the name: "... called gametocytes (male and
    female)."."""
    return all(t.is_punct for t in outside_brackets(doc[end:])) and not any(t.text in {";", ":"} for t in doc[end:])


def _plain_opening(span) -> bool:
    """Words a relative clause can carry as they stand: no pronoun, pointing word, quote, bracket or clause
    punctuation (a comma sets off something the question would have to carry too)."""
    return len(span) > 0 and not any(
        t.is_punct and t.text not in {"-", "'"} or t.tag_ in {"PRP", "PRP$"} or t.lower_ in _POINTING for t in span)


def _prepositional_described(doc, root, noun, unmarked, participle, end: int) -> str:
    """"the sexual forms to which a small percentage of blood-stage asexual parasites convert" of "A small
    percentage of blood-stage asexual parasites convert to sexual forms called gametocytes (male and
    female).": the named noun is the object of a preposition that follows the sentence's verb, the name
    ends the sentence, and the sentence up to the preposition (its subject opening it, then its verb) says
    which one. Never "of" (whose name: the confluence's or the rivers'?), never a fronted or comma-set
    phrase, and the name must end the sentence ("... called Gull Point after a long crossing" goes on)."""
    if noun.dep_ != "pobj" or not _ends_the_sentence(doc, end):
        return ""
    preposition = noun.head
    if preposition.pos_ != "ADP" or preposition.lower_ == "of" or noun.left_edge.i != preposition.i + 1 \
            or not root.i < preposition.i:
        return ""
    subject = next((c for c in root.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    opening = doc[:preposition.i]
    if subject is None or subject.left_edge.i != 0 or subject.pos_ == "PRON" or not _plain_opening(opening):
        return ""
    if any(t.pos_ in {"VERB", "AUX"} and t.i != root.i and t.head.i == root.i and t.dep_ in {"conj", "ccomp", "advcl"}
           for t in opening):
        return ""  # two clauses before the phrase
    return f"the {' '.join(t.text for t in unmarked)} {preposition.lower_} which {_lower_first(opening)}"


def _existential_described(doc, root, noun, unmarked, end: int) -> str:
    """"the much weaker attractions between separate covalent molecules" of "Between separate covalent
    molecules there are much weaker attractions called intermolecular forces.": "there is/are" names a thing
    where the phrase the sentence opens with places it; without that phrase ("There were many smaller
    settlements called trading posts") nothing says whose."""
    if noun.dep_ != "attr" or root.lemma_ != "be" or not _ends_the_sentence(doc, end):
        return ""
    there = next((c for c in root.children if c.dep_ == "expl" and c.lower_ == "there"), None)
    if there is None or there.i != root.i - 1 or there.i < 2 or doc[0].pos_ != "ADP" \
            or not _plain_opening(doc[:there.i]) or any(t.pos_ in {"VERB", "AUX"} for t in doc[:there.i]):
        return ""
    return f"the {' '.join(t.text for t in unmarked)} {_lower_first(doc[:there.i])}"


def _after_verb_question(doc, participle) -> Question | None:
    """"What was the series of religious conflicts fought intermittently from 1562 to 1598 known as?" of "A
    series of religious conflicts followed, known as the Wars of Religion, fought intermittently from 1562
    to 1598.": a participle set off by commas after a verb that takes no object names the verb's subject
    (nothing else stands before it); the participle phrase that ends the sentence, holding a number or a
    date, says which one. Without it ("A series of conflicts followed, known as X.") nothing says when."""
    asked = _NAMING_PARTICIPLES.get(participle.lower_)
    root = participle.head
    if asked is None or participle.dep_ != "advcl" or participle.tag_ != "VBN" or root.dep_ != "ROOT" \
            or root.tag_ not in {"VBD", "VBZ", "VBP"}:
        return None
    if any(c.dep_ in {"neg", "advmod", "npadvmod"} for c in participle.children) \
            or any(c.dep_ in {"dobj", "attr", "acomp", "ccomp", "xcomp", "prep", "agent"} for c in root.children):
        return None
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.pos_ != "NOUN" or subject.left_edge.i != 0 or subject.right_edge.i + 1 != root.i \
            or participle.i != root.i + 2 or doc[root.i + 1].text != ",":
        return None
    if asked == "known as":
        prep = next((c for c in participle.children if c.dep_ == "prep" and c.lower_ == "as"), None)
        target = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep else None
    else:
        target = next((c for c in participle.children if c.dep_ in {"oprd", "attr", "dobj"}), None)
    if target is None:
        return None
    end = participle.right_edge.i + 1
    name_span = doc[target.left_edge.i:end]
    name = _clean(name_span.text)
    if not name or len(name.split()) > MAX_NAME_WORDS or any(t.is_punct and t.text not in {"-", "'"} for t in name_span):
        return None
    if end + 1 >= len(doc) or doc[end].text != ",":
        return None
    setting = next((c for c in root.children if c.i == end + 1 and c.dep_ in {"conj", "advcl"} and c.tag_ in {"VBN", "VBD"}), None)
    if setting is None or setting.right_edge.i + 2 < len(doc) or not any(t.like_num for t in doc[setting.i:]):
        return None
    subject_span = doc[:root.i]
    if not _plain_opening(subject_span):
        return None
    words = [t.text for t in subject_span]
    if subject_span[0].lower_ in {"a", "an", "some", "the"}:
        words = words[1:]
    described = f"the {' '.join(words)} {doc[setting.i:setting.right_edge.i + 1].text}"
    if _shares_head(described, name) or any(t.tag_ in {"PRP", "PRP$"} for t in doc):
        return None
    be = "were" if subject.tag_ == "NNS" else "was"
    if root.tag_ != "VBD":
        be = "are" if subject.tag_ == "NNS" else "is"
    prompt = f"What {be} {described} {asked}?"
    if len(prompt.split()) > MAX_PARTICIPLE_QUESTION_WORDS:
        return None
    return Question(prompt, _sentence_case(name), "naming")


def gloss_question(doc) -> Question | None:
    """"What does the reign name Meiji mean?" of "He adopted the reign name Meiji, meaning "enlightened
    rule".": a name the notes gloss in quotation marks with ", meaning" at the sentence's end. The question
    asks only the name's phrase (its class noun and the name), so it needs nothing of the rest of the
    sentence ("He" points back, but not into the question). The name's phrase: a proper name closing a noun
    phrase of at most MAX_NAME_WORDS words, no pronoun or pointing word; the gloss: one quotation, then the
    full stop."""
    for meaning in doc:
        if meaning.lower_ != "meaning" or meaning.tag_ != "VBG" or meaning.i < 2 or doc[meaning.i - 1].text != ",":
            continue
        name = doc[meaning.i - 2]
        if name.pos_ != "PROPN" or name.dep_ in {"compound", "nsubj"}:
            continue
        start = name.left_edge.i
        before = doc[start - 1] if start > 0 else None
        if before is not None and before.pos_ == "NOUN" and name.i - 1 == before.i \
                and (before.head.i in {name.i, name.head.i} or name.head.i == before.i):
            start = before.left_edge.i  # "the throne name Solvar", however the parse hangs the name on its noun
        span = doc[start:name.i + 1]
        if not 1 <= len(span) <= MAX_NAME_WORDS or not _plain_opening(span) \
                or any(t.pos_ not in {"DET", "ADJ", "NOUN", "PROPN"} for t in span):
            continue
        at = meaning.i + 1
        if at >= len(doc) or doc[at].text not in _OPENING_QUOTES:
            continue
        close = next((t.i for t in doc[at + 1:] if t.text in _CLOSING_QUOTES), None)
        if close is None or not 1 <= close - at - 1 <= MAX_ANSWER_WORDS:
            continue
        if not all(t.is_punct for t in doc[close + 1:]) or any(t.text in {'"', "“", "”"} for t in doc[close + 1:]):
            continue
        gloss = _clean(doc[at + 1:close].text)
        if not gloss:
            continue
        return Question(f"What does {_lower_first(span)} mean?", _sentence_case(gloss), "meaning")
    return None


def _subject_opens(doc, root) -> bool:
    """The root's subject opens the sentence and runs up to the verb: "Parties entrust ..."."""
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    return subject is not None and subject.left_edge.i == 0 and subject.right_edge.i + 1 == root.i \
        and subject.pos_ != "PRON"


# Words that open a clause putting a condition on a name: "called iterable if ...", "is called a bound
# method when ...".
_CONDITIONS = frozenset({"if", "when", "whenever", "unless", "once", "provided", "where", "while"})
MAX_CONDITION_WORDS = 16


def _condition(doc, root, target) -> str | None:
    """The condition the sentence puts on the name ("if you can get an iterator for it"): "" when
    there is none, None when there is one too long to carry in a question or cut off by the
    answer's own clause."""
    for clause in (c for head in (root, target) for c in head.children if c.dep_ == "advcl" and c.i > target.i):
        mark = next((t for t in clause.children if t.dep_ in {"mark", "advmod"} and t.i == clause.left_edge.i), None)
        if mark is None or mark.lower_ not in _CONDITIONS:
            continue
        span = doc[clause.left_edge.i:clause.right_edge.i + 1]
        words = [t for t in span if not t.is_punct]
        if len(words) > MAX_CONDITION_WORDS or any(t.text in {";", ":", "(", ")"} for t in span):
            return None
        return span.text.rstrip(" ,.;")
    return ""


def meaning_question(doc) -> Question | None:
    """"What does <term> refer to / stand for / mean?" of "<term> refers to / stands for / means ...",
    or None."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or root.lemma_ not in _MEANING or root.tag_ not in {"VBZ", "VBP"}:
        return None
    phrase, preposition = _MEANING[root.lemma_]
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if subject is None or any(c.dep_ in {"neg", "aux"} for c in root.children):
        return None
    if preposition:
        prep = next((c for c in root.children if c.dep_ == "prep" and c.lower_ == preposition and c.i == root.i + 1),
                    None)
        target = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep else None
    else:
        target = next((c for c in root.children if c.dep_ in {"dobj", "ccomp", "attr"} and c.i > root.i), None)
    if target is None:
        return None
    subject_span = _opening_subject(doc, subject, root)
    if subject_span is None:
        return None
    # ("means that all ministers must publicly support the decisions of the government, or resign": the clause's
    # verb heads the list of what it means, kept whole, set 22; the clause opens at "that")
    answer = _phrase(doc, target, to_end=True) if target.dep_ != "ccomp" else _phrase(doc, doc[root.i + 1], to_end=True,
                                                                                       listed=target)
    if not answer or len(answer.split()) > MAX_ANSWER_WORDS:
        return None
    term = subject_span.text if any(t.pos_ == "PROPN" for t in subject_span[:1]) else _lower_first(subject_span)
    verb = "do" if root.tag_ == "VBP" else "does"
    return Question(f"What {verb} {term} {phrase}?", _sentence_case(answer), "meaning")


def _opening_subject(doc, subject, verb):
    """The subject's whole phrase when it opens the sentence right before the verb and names its
    thing without pointing back, else None."""
    span = doc[subject.left_edge.i:subject.right_edge.i + 1]
    if span.start != 0 or span.end != verb.i or not 1 <= len(span) <= MAX_SUBJECT_WORDS:
        return None
    if any(t.lower_ in _POINTING and t.tag_ not in {"WDT", "WP"} or t.tag_ in {"PRP", "PRP$"}
           or t.is_punct and t.text not in {"-", "'"} for t in span):  # a relative "that" or "which" points at nothing
        return None
    if not any(t.pos_ in {"NOUN", "PROPN"} for t in span):
        return None
    return span


def _phrase(doc, head, to_end: bool = False, listed=None) -> str:
    """The phrase headed by `head` (with `to_end`, everything from it to the sentence's end: "refers to
    the splitting of free memory into many small pieces", whatever the parse hangs "into" on), without
    its asides in brackets, up to where a second clause begins (`_clause_end`); a list `listed` (default: `head`)
    opens is kept whole (`_whole_list`)."""
    start = head.left_edge.i
    end = _clause_end(doc, start, len(doc) if to_end else head.right_edge.i + 1)
    end = _whole_list(doc, listed if listed is not None else head, end)
    tokens = outside_brackets(doc[start:end])
    words = [t for t in tokens if not t.is_punct]
    if not words or len(words) > MAX_ANSWER_WORDS or _cut_before_head(words[-1]):
        return ""
    return _clean("".join(t.text_with_ws for t in tokens))


def _whole_list(doc, head, end: int) -> int:
    """Where a phrase cut at `end` ends when the cut falls inside a list the head opens: past its last
    member. "A warrant requires probable cause, supported by oath, and a particular description." is cut at
    ", supported" (a participle after a comma reads as a second clause), which keys one of the three
    requirements as if it were all (round 26 new notes, judged wrong: "the key is incomplete"). The head's
    conjuncts are the list's members; a list is given whole or not at all (MAX_ANSWER_WORDS still holds)."""
    members = [c for c in head.conjuncts if c.i > head.i]
    if not members or all(c.i < end for c in members):
        return end
    return max(c.right_edge.i for c in members) + 1


# Words that come before the noun they modify: a phrase ending on one was cut before its head ("a general
# purpose single-threaded" of "... single-threaded and concurrent asynchronous library": held-out round 15).
_PREMODIFIERS = frozenset({"amod", "compound", "nmod", "det", "poss", "nummod", "predet", "preconj", "cc", "quantmod"})


def _cut_before_head(last) -> bool:
    """The phrase's last word modifies a word after it, or is a determiner or conjunction: no head noun."""
    if last.pos_ in {"CCONJ", "DET", "SCONJ"}:
        return True
    return last.dep_ in _PREMODIFIERS and last.head.i > last.i


def _clause_end(doc, start: int, end: int) -> int:
    """Where the phrase from `start` ends: a semicolon, colon or dash outside brackets, or a comma that
    opens another clause (", and the '8' means ...", ", which ...", ", so ..."), not one inside a list
    of nouns ("atomicity, consistency, isolation and durability") or before an alternative name
    ("a character encoding, or just an encoding")."""
    depth = 0
    for t in doc[start:end]:
        if t.text == "(":
            depth += 1
        elif t.text == ")":
            depth = max(0, depth - 1)
        elif depth or t.i == start:
            continue
        elif t.text in _CLAUSE_END - {",", "("}:
            if t.text == "-" and not doc[t.i - 1].whitespace_ and not t.whitespace_:
                continue  # "non-ASCII", "floating-point": a hyphen inside a word, not a dash
            return t.i
        elif t.text == ",":
            after = doc[t.i + 1] if t.i + 1 < len(doc) else None
            if after is None:
                return t.i
            if after.dep_ == "cc":
                if after.head.pos_ in {"VERB", "AUX"}:
                    return t.i
            elif not (after.dep_ in {"conj", "appos", "amod", "compound", "det", "nummod"}
                      or after.pos_ in {"NOUN", "PROPN", "ADJ", "DET", "NUM"}):
                return t.i
        elif t.dep_ == "cc" and t.head.pos_ in {"VERB", "AUX"} and t.head.i < t.i and t.head.dep_ not in _PREMODIFIERS:
            return t.i  # "... are called exceptions and are not fatal": a second claim (not "single-threaded and
            # concurrent library": a participle before its noun, coordinated with an adjective)
        elif t.text == "." and t.i == len(doc) - 1:
            return t.i
    return end


def outside_brackets(span) -> list:
    """The tokens of `span` not inside round brackets: an answer without its asides ("(see section 6)")."""
    tokens, depth = [], 0
    for t in span:
        if t.text == "(":
            depth += 1
        elif t.text == ")":
            depth = max(0, depth - 1)
        elif depth == 0:
            tokens.append(t)
    return tokens


def _clean(text: str) -> str:
    text = text.strip().rstrip(".").strip()
    text = re.sub(r"^[\"“”'‘’]+|[\"“”'‘’]+$", "", text).strip()
    return text


def _lower_first(span) -> str:
    first = span[0]
    if first.pos_ == "PROPN" or first.text.isupper() and len(first.text) > 1:
        return span.text
    return first.text.lower() + span.text[len(first.text):]


def _sentence_case(text: str) -> str:
    # a quotation the phrase opens and the sentence closes after it ('meaning "rowers".'): closed again (set 20)
    if text.count('"') % 2:
        text += '"'
    elif text.count("“") > text.count("”"):
        text += "”"
    return f"{text[:1].upper()}{text[1:]}."


def _shares_head(question: str, answer: str) -> bool:
    """The answer's last word in the question (its head noun, singular or plural)."""
    words = re.findall(r"[a-z]+", answer.lower())
    if not words:
        return True
    head = words[-1].rstrip("s")
    return len(head) > 2 and head in {w.rstrip("s") for w in re.findall(r"[a-z]+", question.lower())}


# Verbs that give a thing a name or a label in the passive, the label in quotation marks after them:
# "were labelled as “rightists”", "was dubbed “the Iron Duke”". English's verbs of naming, not a course's.
_LABELLING_VERBS = frozenset({"label", "brand", "dub", "nickname", "denounce", "call", "term", "style", "christen",
                              "name"})
_OPENING_QUOTES = frozenset({'"', "“"})
_CLOSING_QUOTES = frozenset({'"', "”"})
MAX_LABEL_WORDS = 5


def label_question(doc) -> Question | None:
    """"What were dissenting voices often labelled as?" of "Dissenting voices were often labelled as
    “rightists” or accused of lacking revolutionary zeal.": the label the notes put in quotation marks is
    the answer (the marks say it is the notes' word for the thing, as a name met once is in
    `participle_naming_question`). Only a subject opening the sentence with no pointing word or pronoun,
    "is/are/was/were", adverbs, the verb, "as" and an article or not, the quoted words (MAX_LABEL_WORDS),
    then the sentence's end or a second verb of the same subject ("or accused of ..."): never a doer
    ("by X") or a clause about the label, which the question would leave half asked."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or root.tag_ != "VBN" or root.lemma_.lower() not in _LABELLING_VERBS:
        return None
    aux = next((c for c in root.children if c.dep_ == "auxpass"), None)
    subject = next((c for c in root.children if c.dep_ == "nsubjpass"), None)
    if aux is None or subject is None or aux.lower_ not in {"is", "are", "was", "were"}:
        return None
    if any(c.dep_ == "neg" for c in root.children):
        return None
    subject_span = _opening_subject(doc, subject, aux)
    if subject_span is None or any(t.lower_ in _POINTING or t.tag_ in {"PRP", "PRP$"} or t.is_punct for t in subject_span):
        return None
    between = doc[aux.i + 1:root.i]
    if any(t.pos_ != "ADV" for t in between):
        return None
    at = root.i + 1
    asked = root.text
    if at < len(doc) and doc[at].lower_ == "as":
        asked, at = f"{root.text} as", at + 1
    if at < len(doc) and doc[at].lower_ in {"a", "an", "the"}:
        at += 1
    if at >= len(doc) or doc[at].text not in _OPENING_QUOTES:
        return None
    close = next((t.i for t in doc[at + 1:] if t.text in _CLOSING_QUOTES), None)
    if close is None or not 1 <= close - at - 1 <= MAX_LABEL_WORDS:
        return None
    label = doc[at + 1:close]
    if any(t.is_punct for t in label):
        return None
    after = doc[close + 1:]
    if not (len(after) == 0 or all(t.is_punct for t in after)
            or after[0].lower_ in {"or", "and"} and len(after) > 1 and after[1].tag_ == "VBN" and after[1].head.i == root.i):
        return None  # "... as a “racket” by Smedley Butler": a doer, or more said of the label
    adverbs = f" {between.text}" if len(between) else ""
    question = f"What {aux.lower_} {_lower_first(subject_span)}{adverbs} {asked}?"
    return Question(question, _clean(label.text), "naming")  # the label as the notes write it (“rightists”)
