"""Three forms of definition card that do not define, read from spaCy's parse (held-out set 7,
judged in round 16; English grammar only, no course's words; bench/RESULTS.md 8.45):

- a "Term: explanation" line whose "term" is a rhetorical opener, not a noun phrase ("Look no
  further: Debian is not an acronym ..." asked as 'What is meant by "Look no further"?'):
  `names_a_thing`;
- "X is a <adjectives> <noun>" with nothing after the noun that sets X apart from other such
  nouns ("Package maintenance is a relatively regimented activity, very documented or even
  regulated": a remark on the activity; "Copyleft is a principle that ..." has a clause that does):
  `genus_without_differentia`;
- "X is a recursive acronym, standing for ...": what the NAME X is, not the thing; "What is X?"
  invites the thing, and the abbreviation card asks "What does X stand for?": `genus_about_the_word`;
- "X is <description>" where the notes say every content word of the description of another term
  too ("The Celestial Equator is an imaginary great circle on the celestial sphere", the notes' words
  for the Ecliptic and the Local Meridian as well; round 22): the answer does not pick X out:
  `shared_description` (set 13 made development notes, RESULTS 8.72).
"""

from __future__ import annotations

import re

from bot.core import nlp
from bot.core.quiz.gen_parse import root_subject

# Nouns that class a word, not a thing: "GNU is a recursive acronym", "Debian is a contraction".
_WORD_NOUNS = frozenset({"acronym", "abbreviation", "initialism", "name", "word", "term", "contraction",
                         "nickname", "portmanteau", "backronym", "synonym", "spelling"})
# Verbs of a clause that gives the word's expansion or sense, not the thing: "standing for", "meaning".
_SPELLING_VERBS = frozenset({"stand", "mean"})
# What a participle after the genus may carry and still be only an adjective: "very documented",
# "even regulated", "documented or regulated". An object, a phrase or a clause says what sets it apart.
_ADJECTIVE_LIKE_DEPS = frozenset({"advmod", "cc", "conj", "punct", "neg"})


def names_a_thing(term_doc) -> bool:
    """The term of a "Term: explanation" line, parsed alone, is a noun phrase: its head a noun or a
    proper noun ("Royal assent", "Backyard furnaces"), or a gerund naming an activity ("Debugging").
    A clause or an imperative ("Look no further", "Note that") is a lead-in, not a term."""
    root = next((t for t in term_doc if t.dep_ == "ROOT"), None)
    if root is None:
        return False
    if root.pos_ in {"NOUN", "PROPN"}:
        return True
    return root.tag_ == "VBG" and len(term_doc) == 1


def modifier_label(term: str, term_doc) -> bool:
    """The term of a "Term: explanation" line is one word that English uses as a modifier, not a thing:
    "International: Japan avoided colonisation, ..." among "Political:", "Social:", "Economic:" labels a
    side of a list (the consequences), which 'What is meant by "International"?' asks as a term with no
    referent (round 26 new notes, dropped: "turns a list label ... into a definition question"). Read by
    spaCy in a frame that takes an adjective ("It was very international."), since a capitalised word parsed
    alone is read as a name; a gerund ("Debugging") is the name of an activity and stays a term."""
    words = term.split()
    if len(words) != 1 or not words[0].isalpha() or not words[0][1:].islower() or term_doc[0].tag_ == "VBG":
        return False  # not "HIVE", "GIL": a name written in capitals is a thing's
    framed = nlp.parse_line(f"It was very {words[0].lower()}.")
    return len(framed) > 3 and framed[3].pos_ == "ADJ"


def _attribute(doc):
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or root.lemma_ != "be":
        return None
    return next((c for c in root.children if c.dep_ == "attr"), None)


def genus_without_differentia(doc) -> bool:
    """ "X is a/an <adverbs, adjectives> NOUN" and nothing after the noun but adjective-like
    participles: no relative clause, no prepositional phrase ("of", "for"), no to-infinitive, no
    apposition, no participle with its own complement ("grouped together to ease ..."). Only the
    indefinite genus: "the ..." picks one thing out and is judged elsewhere."""
    attribute = _attribute(doc)
    if attribute is None or attribute.pos_ != "NOUN":
        return False
    if not any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in attribute.children):
        return False
    for child in attribute.children:
        if child.i < attribute.i or child.dep_ == "punct":
            continue
        if child.dep_ in {"acl", "amod"} and child.tag_ in {"VBN", "JJ"} \
                and all(c.dep_ in _ADJECTIVE_LIKE_DEPS for c in child.subtree if c.i != child.i):
            continue  # "very documented or even regulated": adjectives after the noun
        return False
    return True


def be_with_auxiliary(doc) -> bool:
    """ "X has been a Y ...", "X can be a Y", "X will be ...": the root "be" with an auxiliary of its own says what X
    has been over a time or may be, a claim, not what X is; asked as "What is X?" it was "What been
    tuberculosis?" (set 20: "Tuberculosis has been a scourge of human beings for thousands of years")."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    return root is not None and root.lemma_ == "be" and any(c.dep_ in {"aux", "auxpass"} for c in root.children)


def one_more_of_a_kind(doc) -> bool:
    """ "X is another <kind>" / "X is one other <kind>": one more of a kind the passage began with, which says little
    of what X is and leans on the thing before it (set 20: "Electron beam welding is another high-energy beam
    process.", after laser beam welding; dropped)."""
    attribute = _attribute(doc)
    return attribute is not None and any(c.dep_ == "det" and c.lower_ == "another" or c.dep_ == "amod"
                                         and c.lower_ == "other" for c in attribute.children)


def quality_only(doc) -> bool:
    """ "X is/are <adjectives> NOUN that is/are <adjective>" and nothing else: the only thing said after the
    genus is a quality judged of it ("Cracks: serious defects that are almost never acceptable", set 20:
    the answer says how bad cracks are, not what one is). A clause with a verb of its own ("that forms when
    ..."), a phrase ("in the weld metal") or a noun before the genus ("gas pockets") sets X apart."""
    attribute = _attribute(doc)
    if attribute is None or attribute.pos_ != "NOUN":
        return False
    judged = False
    for child in attribute.children:
        if child.dep_ == "punct" or child.i < attribute.i and (
                child.dep_ == "det" or child.dep_ == "amod" and child.tag_ == "JJ"):
            continue
        if child.dep_ == "relcl" and child.lemma_ == "be" and any(c.dep_ == "acomp" for c in child.children) \
                and all(c.dep_ in {"nsubj", "advmod", "neg", "punct"} and c.pos_ != "NOUN"
                        or c.dep_ == "acomp" and c.pos_ == "ADJ" and all(g.dep_ == "advmod" for g in c.children)
                        for c in child.children):
            judged = True
            continue
        return False
    return judged


# Nouns of a means: "X is a way to ...", "a means of ...": what X is for, a definition only when nothing
# judges it ("Lewis structures are a way to represent bonding on paper": kept, round 26).
_MEANS_NOUNS = frozenset({"way", "means"})


def judged_means(doc) -> bool:
    """ "X is a <judging adjective> way/means to ...": "Painting is a cost-effective way to protect a metal
    surface from atmospheric moisture" praises a means; "What is Painting?" keyed to it asks a claim, not what
    painting is (set 17, dropped: "a student cannot tell that a barrier-method answer is wanted"). An
    adjective before "way" is read as judging: a way is classed by what it does, after it."""
    attribute = _attribute(doc)
    if attribute is None or attribute.lemma_.lower() not in _MEANS_NOUNS:
        return False
    return any(c.dep_ == "amod" and c.i < attribute.i and c.tag_ in {"JJ", "JJR", "JJS"} for c in attribute.children)


def genus_about_the_word(doc) -> bool:
    """ "X is a/an/the ... acronym (abbreviation, name, contraction ...)": the sentence says what the
    word X is, not what X names. Not when a clause or a phrase on the noun says what the name stands
    for in the world: "A virtual package is a generic name that applies to any one of a group of
    packages ..." defines the concept (kept in rounds 11, 12, 14 and 15); "The file name is the
    module name with the suffix .py appended" says what the file name is."""
    attribute = _attribute(doc)
    if attribute is None or attribute.lemma_.lower() not in _WORD_NOUNS:
        return False
    return not any(c.dep_ in {"relcl", "acl"} and c.lemma_ not in _SPELLING_VERBS
                   or c.dep_ == "prep" and c.lower_ != "of" for c in attribute.children)


_WHAT_IS = re.compile(r"^(?:what|who)\s+(?:is|are|was|were)\s+(?:meant\s+by\s+)?(?!the\b|a\b|an\b)", re.IGNORECASE)


def asks_what_it_is(question: str) -> bool:
    """"What is GNU?", 'What is meant by "GNU"?': a question that invites the thing a name names, not
    "What is the capital of ...?" (a description asked for) nor "What does GNU stand for?"."""
    return bool(_WHAT_IS.match(question.strip()))


def explanation_as_sentence(term: str, explanation: str) -> str:
    """A glossary line's explanation as the sentence it stands for: "GNU: A recursive acronym ..." ->
    "GNU is a recursive acronym ...", so that `genus_about_the_word` reads it as it reads "X is ...";
    an explanation that is a whole sentence already ("Debian is ...") stays as it is."""
    words = explanation.split()
    if words and words[0].lower() in {"a", "an", "the"}:
        return f"{term} is {explanation[:1].lower()}{explanation[1:]}"
    return explanation


def classifies(doc) -> bool:
    """"X is a/an <noun> ..." or "Xs are <plural noun> ...": the sentence says what kind of thing X
    is. Of the thing a whole note is about (its title), that is the one answer a teacher expects to
    "What is X?" ("DHCP is a protocol by which ...", "Logging is a means of tracking events ...").
    "The Yuan dynasty was the first time that non-native Chinese people ruled all of China" picks one
    distinction among the many the notes tell of it (a definite or possessive description: "the
    first ...", "Warsaw's symbol"): a card keyed to it marks every other true answer wrong."""
    attribute = _attribute(doc)
    if attribute is None or attribute.pos_ != "NOUN":
        return False
    determiner = next((c for c in attribute.children if c.dep_ in {"det", "poss"}), None)
    if determiner is None:
        return attribute.tag_ == "NNS"  # "Steam engines are external combustion engines, where ..."
    return determiner.lower_ in {"a", "an"}


# Parts of speech that carry what a description says; "you", "that", "which", "own" are stop words of
# the tokenizer, but "own" carries the sense of "the group of things that you own" (assets) against
# "the group of things on which you owe money" (liabilities): no stop list, only the parse's classes.
_CONTENT_POS = frozenset({"NOUN", "PROPN", "ADJ", "VERB", "ADV", "NUM"})


def _described(tokens) -> frozenset[str]:
    """The content words of a description, by lemma and in lower case ("Great Circle" and "great
    circles" read alike): what a student would have to say to give it."""
    return frozenset(t.lemma_.lower() for t in tokens if t.pos_ in _CONTENT_POS and t.is_alpha)


def _term_words(subject) -> str:
    return " ".join(t.lower_ for t in subject.subtree if t.dep_ != "det" and not t.is_punct)


def descriptions(docs) -> list[tuple[object, str, frozenset[str]]]:
    """Every "Y is <description>" sentence of the notes whose Y is a noun phrase (not "It", "This"),
    as (its parse, Y's words, the description's content words), for `shared_description`."""
    found = []
    for doc in docs:
        attribute, subject = _attribute(doc), root_subject(doc, passive=False)
        if attribute is None or subject is None or subject.pos_ not in {"NOUN", "PROPN"}:
            continue
        term = _term_words(subject)
        if term:
            found.append((doc, term, _described(attribute.subtree)))
    return found


def shared_description(doc, described) -> str:
    """The subject of another "Y is ..." sentence of the notes (`described`, from `descriptions`) whose
    description holds every content word of this sentence's "X is <description>" ("" when none does).
    Then the description does not pick X out among the notes' terms: "The Celestial Equator is an
    imaginary great circle on the celestial sphere", while the same notes write "The ecliptic is an
    imaginary Great Circle on the Celestial Sphere along which the Sun appears to move" and the same of
    the Local Meridian (round 22: dropped, "the answer does not identify the term"). The ecliptic's own
    sentence still picks it out: its clause is in no other description. A sentence on X itself ("The
    celestial equator is the fundamental plane ...") or on a phrase holding X ("The Celestial Equator
    and the Ecliptic are ...") is no other term."""
    attribute, subject = _attribute(doc), root_subject(doc, passive=False)
    if attribute is None or subject is None:
        return ""
    words, term = _described(attribute.subtree), _term_words(subject)
    if not words or not term:
        return ""
    if any(t.like_num for t in attribute.subtree):
        return ""  # "The minimum discussion period is 2 weeks": a value asked, which two things may share
    for other, other_term, other_words in described:
        if other is doc or other_term in term or term in other_term:
            continue
        if words <= other_words:
            return other_term
    return ""
