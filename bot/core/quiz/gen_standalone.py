"""Whether a parsed sentence stands on its own, and whether a question's wording gives its answer
away: the two checks a teacher makes first, read from spaCy's parse instead of word lists.

A sentence leans on what came before when it holds a pronoun with nothing before it to point at
("he", "its provisions"), a bare definite noun the sentence never introduces ("the expedition",
"the new building", "the Convention" for a name given in full elsewhere), a person named by a part
of a name the notes give in full ("McLetchie"), a quantifier standing for people or things named
earlier ("Others migrated ...", "Most went ..."), or an adverb that refers back ("also",
"subsequently").
"""

from __future__ import annotations

import re

from bot.core.quiz.gen_naming import NAMING_VERBS
from bot.core.tokens import STOPWORDS, fold

_GENDERED = frozenset({"he", "she", "him", "her", "his", "hers", "himself", "herself"})
_NEUTER = frozenset({"it", "its", "they", "them", "their", "theirs", "itself", "themselves"})
_BACK_ADVERBS = frozenset({"also", "subsequently", "again", "too", "likewise", "meanwhile", "thereafter", "later",
                           "afterwards", "thereby", "therefore", "thus", "hence", "nevertheless"})
# "Others migrated ...", "Most went ...": people or things named before. "Many peasants ..." is fine.
_STANDING_FOR = frozenset({"others", "one", "another", "both", "each", "either", "neither", "none"})
_STANDING_FOR_UNLESS_NAMED = frozenset({"some", "most", "much", "more", "fewer", "less"})  # "Some royal family members"
_QUANTIFIER_SUBJECTS = frozenset({"many", "all", "several", "few"})
_NAMED = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "LAW", "PRODUCT", "WORK_OF_ART"})
_ORDINALS = frozenset({"second", "third", "fourth", "fifth", "further", "another", "other"})
_POINTING_ADJECTIVES = frozenset({"new", "same", "other", "former", "latter", "aforementioned", "said",
                                  "above", "previous", "following", "remaining", "rest"})


def leans_on_context(doc, full_names: dict[str, set[str]], familiar=lambda lemma, subject: False,
                     shown: str = "", short_form=lambda word: False, named=lambda phrase: True,
                     person=None) -> str:
    """Why the sentence cannot stand alone, or "" when it can. `full_names` maps a word to the longer
    names of people and things the notes give that hold it ("Peng" -> {"Peng Dehuai"});
    `familiar(lemma, is_subject)` says whether "the <noun>" needs no introduction in these notes
    (the subject of the notes' title: "the war" in notes on a war; a part named all through them);
    `shown` is what the student sees besides (the section heading); `short_form(word)` says whether the
    notes use a part of a longer name as a name of its own ("the Commission", "Watt"), so often and
    for so few longer names that a student knows what it stands for; `named(phrase)` says whether the
    notes use a compound ("copyright file") as the name of one thing, so that "the <compound>" says which;
    `person(name)` says whether a longer name of the notes is a person's (None: every one may be), so that
    a word of "Nixon Administration" is no part of a person's name given in full ("Nixon")."""
    seen = f"{doc.text} {shown}"
    tokens = list(doc)
    if not tokens:
        return "empty"
    first, second = tokens[0], tokens[1] if len(tokens) > 1 else None
    standing_for = second is None or second.pos_ in {"VERB", "AUX", "ADP"} or second.lower_ == "of"
    named_next = second is not None and (second.pos_ == "PROPN" or second.ent_type_ in _NAMED)
    if (first.lower_ in _STANDING_FOR or (first.lower_ in _QUANTIFIER_SUBJECTS and standing_for) or
            (first.lower_ in _STANDING_FOR_UNLESS_NAMED and not named_next)) and not _quantifies_its_own(first):
        return f"quantifier subject '{first.text}'"
    opener = _opener(doc)
    if opener is not None and not any(t.ent_type_ in _NAMED or t.pos_ == "PROPN" or _YEAR_WORD.fullmatch(t.text)
                                      for t in opener) and _points_back(opener, familiar):
        return f"opener '{opener.text}' says when or where only by what came before"
    for t in tokens:
        low = t.lower_
        if low in _ORDINALS and t.i > 0 and tokens[t.i - 1].lower_ in {"a", "an"}:
            return f"'a {t.text} ...' counts from what came before"
        if low == "other" and t.dep_ == "amod" and t.head.dep_ in _ARGUMENT_DEPS and not _compared(t) \
                and not _other_than_named(t):
            return f"'other {t.head.text}' counts from what came before"  # "A few other Yuan emperors ..."
        if t.pos_ == "PRON" or t.tag_ in {"PRP", "PRP$"}:
            if low in _GENDERED and not any(e.label_ == "PERSON" and e.end <= t.i for e in doc.ents) \
                    and not _named_subject_before(t):
                return f"pronoun '{t.text}' with no person before it"
            if low in _NEUTER and not any(u.ent_type_ in _NAMED or (u.pos_ in {"NOUN", "PROPN"} and u.dep_ in
                                                                     {"nsubj", "nsubjpass", "dobj"})
                                          for u in tokens[:t.i]):
                return f"pronoun '{t.text}' with nothing before it"
        if low in _BACK_ADVERBS and t.pos_ == "ADV" and not _dated_by_itself(t) and not _anchored_here(t):
            return f"adverb '{t.text}' pointing back"
        if low == "then" and t.dep_ == "advmod" and t.head.dep_ == "ROOT":
            return "adverb 'then' pointing back"  # "The path ... was then taken up by ...": after what? (round 8a)
        if low in {"that", "this", "these", "those"} and t.dep_ == "det" and not (low == "those" and _which_ones(t.head)):
            return f"'{t.text} {t.head.text}' points back"
        if low == "the" and t.dep_ == "det":
            reason = _bare_definite(t, doc, full_names, familiar, seen, named)
            if reason and not (t.head.pos_ == "PROPN" and short_form(t.head.text)):
                return reason
    comparative = unanchored_comparative(doc)
    if comparative:
        return f"'{comparative}' says more or less than something the sentence does not name"
    for ent in doc.ents:
        if ent.label_ == "PERSON" and len(ent) == 1:
            longer = {name for name in full_names.get(ent.text, set()) if person is None or person(name)}
            if longer and not any(name in seen for name in longer) and not short_form(ent.text):
                return f"'{ent.text}' named by part of a name given in full elsewhere"
    return ""


# "X, also called / known as / spelled Y": the adverb gives another name of X, it points at nothing before.
_OTHER_NAME_VERBS = NAMING_VERBS | {"spell", "write", "abbreviate"}


def _anchored_here(adverb) -> bool:
    """The adverb's "also", "later", "too" is measured against something the sentence itself says, not
    against what came before: another name given in an aside ("Islamism, also known as Political Islam,
    is ...", "the Vikings, also called Norsemen, were ..."); the second of two things the sentence joins
    ("not only ... but also ...", "flexible, but also vulnerable", "supported X and also devoted himself
    to Y", "was in the audience and later wrote": a joined verb without a subject of its own); "later"
    inside a relative or participle clause, after the event of the clause it hangs on ("energy that can
    later be released", "acetylene, which later led to ...", "Fort Carillon (later renamed ...)"); and
    "too" of degree, before an adjective or adverb ("drying out too quickly", "too little demand").
    "Sadat was later assassinated", "New Classical economics also gained influence", "affected cities
    too" stay refused: the adverb sits on the sentence's own main verb."""
    head, low = adverb.head, adverb.lower_
    if low == "too":
        return head.i != adverb.i and head.pos_ in {"ADJ", "ADV", "DET"} and head.i > adverb.i
    if low == "also" and head.lemma_ in _OTHER_NAME_VERBS and head.tag_ in {"VBN", "VBD"} and head.dep_ != "ROOT" \
            and any(c.dep_ in {"dobj", "oprd", "attr"} or c.lower_ == "as" for c in head.children):
        return True  # the participle is tagged a past tense at times ("The Vikings, also called Norsemen, ...")
    if low in {"also", "later"}:
        if head.dep_ == "cc" and head.lower_ in {"but", "and"} and head.i < adverb.i:
            return True  # "not only to A, but also to B"
        if head.dep_ == "conj" and head.head.i < head.i and not any(
                c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in head.children):
            return True
    if low == "later" and head.dep_ in {"relcl", "acl"} and head.pos_ in {"VERB", "AUX"}:
        return True
    return False


def _dated_by_itself(adverb) -> bool:
    """"later" inside a time the sentence gives ("developed later in the nineteenth century"): spaCy
    reads the phrase as one date, which says when without what came before."""
    if adverb.lower_ != "later" or adverb.ent_type_ != "DATE":
        return False
    span = next((e for e in adverb.doc.ents if e.start <= adverb.i < e.end), None)
    return span is not None and len(span) > 1 and bool(_AGE.search(span.text) or re.search(r"\b1\d{3}\b|\b20\d{2}\b", span.text))


def _quantifies_its_own(quantifier) -> bool:
    """The quantifier opening the sentence counts a noun phrase the sentence itself says ("None of the
    original treaties establishing the European Union mention ...", "One of the most prominent Huguenot
    refugees in the Netherlands was ...", "Some writers, such as Edward Said, use ...", "Most draft laws
    are ..."), not people or things named before ("Others migrated", "Most went", "Some of the income",
    "Most of them", "One engine was ..."). Said of "<quantifier> of the <noun>" when the noun, and each
    "the <noun>" inside its phrase, has a word or phrase of its own that says which (`_says_which`), and
    of "some", "most", "much" set before a subject noun of their own ("Some writers"); "one", "another",
    "each" before a noun ("One engine", "Each side") pick one of those named before and stay refused."""
    doc = quantifier.doc
    if quantifier.i + 1 < len(doc) and doc[quantifier.i + 1].lower_ == "of":
        of = doc[quantifier.i + 1]
        if of.head.i != quantifier.i:
            return False
        objects = [c for c in of.children if c.dep_ == "pobj"]
        if len(objects) != 1 or objects[0].pos_ not in {"NOUN", "PROPN"}:
            return False  # "Most of them", "Some of its ..."
        noun = objects[0]
        if noun.pos_ == "NOUN" and not any(c.lower_ == "the" and c.dep_ == "det" for c in noun.children):
            return False  # "Many of their descendants" (the pronoun check says so too), "Some of these"
        inner = [t.head for t in noun.subtree if t.lower_ == "the" and t.dep_ == "det" and t.head.pos_ != "PROPN"]
        return all(_says_which(n) for n in inner)
    return quantifier.lower_ in _STANDING_FOR_UNLESS_NAMED and quantifier.dep_ in {"det", "amod"} \
        and quantifier.head.pos_ == "NOUN" and quantifier.head.dep_ in {"nsubj", "nsubjpass"} \
        and quantifier.head.i > quantifier.i and _says_which(quantifier.head, det_ok=True)


def _says_which(noun, det_ok: bool = False) -> bool:
    """The noun has a modifier of its own that says which ones: a word before it that is no comparative
    and does not point back ("the original treaties", "the most prominent refugees", "draft laws"), a
    phrase or clause after it ("the mix of the zaju variety show", "the buildings from the 19th century"),
    not "the older colonies" (older than what?) nor "the other tribes". `det_ok`: a quantifier before it
    ("Some writers") is not counted."""
    if any(c.lower_ in _POINTING_ADJECTIVES or c.tag_ in {"JJR", "RBR"} for c in noun.children):
        return False
    if det_ok:
        return True  # "Some writers", "Most draft laws": said of the kind, not of ones named before
    return any(c.dep_ in {"amod", "compound", "prep", "acl", "nummod", "poss"}
               or (c.dep_ == "relcl" and not _set_off(c)) for c in noun.children)


# Labels spaCy gives a one-word name that is not read reliably (it labels "Céloron" an organisation and
# "Washington" a place in sentences where each is a man): a capitalised subject without "the" before it
# counts as the person a later "he" or "his" means.
def _named_subject_before(pronoun) -> bool:
    """A name without an article is the subject of a clause before the pronoun ("Céloron continued south
    until his expedition reached ...", "Wegener cited his own measurements", "Washington and his men
    reached ..."): the pronoun means that one, as a reader takes it. Not when the pronoun is the object of
    that subject's own verb ("Newcastle replaced him": another man), and not after "the <Name>" ("the
    Court held that he ...": a body, so "he" is someone else)."""
    doc = pronoun.doc
    for t in doc[:pronoun.i]:
        if t.pos_ != "PROPN" or t.dep_ not in {"nsubj", "nsubjpass"}:
            continue
        if any(c.lower_ in {"the", "a", "an"} for c in t.children) or (t.i > 0 and doc[t.i - 1].lower_ == "the"):
            continue
        if pronoun.lower_ in {"him", "her"} and pronoun.dep_ != "poss" and pronoun.head.i == t.head.i:
            continue
        return True
    return False


def _which_ones(noun) -> bool:
    """The noun has a relative clause with "who" and no comma before it ("Those Huguenots who stayed in
    France"): "those" is then said of the ones the clause picks out, not of ones named before
    (gen_text._THOSE_WHO, the same reading of the words)."""
    doc = noun.doc
    return any(c.dep_ == "relcl" and c.left_edge.i > 0 and doc[c.left_edge.i - 1].text != ","
               and doc[c.left_edge.i].lower_ == "who" for c in noun.children)


_ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "attr"})
_PREDICATIVE_DEPS = frozenset({"acomp", "oprd", "xcomp", "ccomp", "ROOT", "conj"})
_THAN_WORDS = frozenset({"than", "compared", "relative", "unlike", "versus", "vs"})


def unanchored_comparative(doc) -> str:
    """A comparative said of the subject with nothing it is compared with: "Small functions are easier
    to read" (easier than what? the notes' sentence before says: large ones), "Steam became more
    efficient". Comparatives inside a noun phrase ("higher education", "the lower house") are names
    of things, not comparisons, and are left alone."""
    if any(t.lower_ in _THAN_WORDS for t in doc):
        return ""
    for t in doc:
        if t.tag_ in {"JJR", "RBR"} and t.lower_ not in {"more", "less"} and t.dep_ in _PREDICATIVE_DEPS:
            return t.text
        if t.lower_ in {"more", "less"} and t.dep_ == "advmod" and t.head.dep_ in _PREDICATIVE_DEPS \
                and t.head.pos_ in {"ADJ", "ADV"}:
            return f"{t.text} {t.head.text}"
    return ""


# A year, a decade or a span of years said in the opener itself ("Around 1527–1528,", "Starting in the late 1950s,").
_YEAR_WORD = re.compile(r"(1\d{3}|20\d{2})(s|[–-](1\d{3}|20\d{2}|\d{2}))?")


def _other_than_named(other) -> bool:
    """"other N" whose others the sentence names itself: the first of a pair it is joined to ("urea and
    other toxins build up") or an N of the same word before it ("one brand of jeans ... other brands")."""
    noun = other.head
    if noun.dep_ == "conj" and noun.head.i < other.i and noun.head.pos_ in {"NOUN", "PROPN"}:
        return True
    return any(t.lemma_ == noun.lemma_ and t.pos_ == "NOUN" for t in other.doc[:other.i])


def _compared(other) -> bool:
    """"other X than Y", "each other": "other" that says what it is other than."""
    doc = other.doc
    after = doc[other.head.i + 1] if other.head.i + 1 < len(doc) else None
    before = doc[other.i - 1] if other.i > 0 else None
    return (after is not None and after.lower_ == "than") or (before is not None and before.lower_ in {"each", "one"})


def _opener(doc):
    """The phrase before the first comma when the sentence opens with one of at most five words that
    is not its subject ("Over dinner,", "Disappointed,", "In the meantime,", "By December 25,")."""
    comma = next((t for t in doc[:6] if t.text == ","), None)
    if comma is None or comma.i == 0:
        return None
    span = doc[:comma.i]
    if any(t.dep_ in {"nsubj", "nsubjpass"} for t in span):
        return None
    return span


# Words of an opening phrase that place it only after what came before ("First,", "Then,", "In the
# meantime,"); "Historically,", "In principle,", "Disappointed," or "In regard to companies," do not.
_POINTING_OPENER_WORDS = frozenset({
    "first", "second", "third", "fourth", "finally", "then", "later", "subsequently", "conversely", "similarly",
    "meanwhile", "meantime", "afterwards", "afterward", "eventually", "thereafter", "next", "instead", "again",
    "likewise", "consequently", "therefore", "thus", "hence", "soon", "shortly", "previously", "earlier", "there",
    "here", "now", "still", "nevertheless", "nonetheless", "however", "moreover", "furthermore", "besides",
    "additionally", "accordingly", "otherwise", "yet", "so", "also", "too", "once", "initially", "ultimately"})


_AGE = re.compile(r"\bcentur(y|ies)\b|\b\d{3}0s\b|\bmillenni|\bages?\b", re.IGNORECASE)


def _points_back(opener, familiar) -> bool:
    """The opening phrase places the sentence only by what came before: a pointing word, a pronoun,
    a date without its year ("In the spring,", "On 23 August,"), or "the <noun>" the notes never
    make familiar ("After the battle,"). Only an adverb of manner or viewpoint ("Historically,",
    "Increasingly,") or a phrase opened by a preposition ("In principle,") can stand alone: a
    participle or adjective ("Disappointed,", "Long in conflict,") describes the subject by what it
    went through before."""
    purpose = opener[0].lower_ == "to" and len(opener) > 1 and opener[1].tag_ == "VB"  # "To make new legislation,"
    preposition = opener[0].pos_ == "ADP" or (opener[0].pos_ == "SCONJ" and opener[0].dep_ == "prep")  # "Despite ..."
    if not (preposition or purpose or len(opener) == 1 and opener[0].pos_ == "ADV" and opener[0].lower_.endswith("ly")):
        return True
    for t in opener:
        if t.ent_type_ == "DATE" and _AGE.search(next((e.text for e in t.doc.ents if e.start <= t.i < e.end), "")):
            continue  # "In the late 19th century,", "In the 1890s,": a time of its own
        if t.lower_ in _POINTING_OPENER_WORDS or t.pos_ == "PRON" or t.tag_ in {"PRP", "PRP$"} or t.like_num:
            return True
        if t.ent_type_ in {"DATE", "TIME"} or t.lower_ in {"this", "that", "these", "those", "same", "other",
                                                             "following", "previous", "next"}:
            return True
        if t.lower_ == "the" and t.head.pos_ == "NOUN" and not familiar(t.head.lemma_.lower(), False) \
                and not any(c.dep_ in {"compound", "prep"} for c in t.head.children):
            return True  # "After the battle,"; not "In the datagram system,", "In the study of trade,"
    return False


def _bare_definite(the, doc, full_names: dict[str, set[str]], familiar, seen: str, named=lambda phrase: True) -> str:
    head = the.head
    if head.i <= the.i:
        return ""
    between = doc[the.i + 1:head.i]
    if any(t.lower_ in _POINTING_ADJECTIVES for t in between):
        return f"'the {between.text} {head.text}' points back"
    if head.pos_ == "PROPN" and not between and head.ent_type_ in {"", "ORG", "LAW", "EVENT", "FAC"}:
        # "the Convention", "the Directive": a short form of a name the notes give in full
        longer = full_names.get(head.text, set())
        if longer and not any(name in seen for name in longer):
            return f"'the {head.text}' is short for a name given in full elsewhere"
        return ""
    if head.pos_ != "NOUN" or head.ent_type_:
        return ""
    if head.dep_ in {"nsubj", "nsubjpass"} and head.head.dep_ == "pcomp" and head.head.i > head.i:
        return ""  # "in direct contact with the water being pumped": the clause after it says which water
    modifiers = [c for c in head.children if c.i != the.i]
    # "the engine cylinders" in notes on the steam engine: a word of the title introduces nothing
    # Not so for the complement of "is" ("The most useful instrument ... is the steam engine indicator"):
    # the sentence says which thing it is, it does not point at one named before.
    introducing = [c for c in modifiers if not (c.dep_ == "compound" and familiar(c.lemma_.lower(), False)
                                                 and c.pos_ == "NOUN" and head.dep_ != "attr")]
    if introducing and all(c.dep_ == "compound" and c.pos_ == "NOUN" and c.text.islower() for c in introducing) \
            and head.dep_ in {"nsubj", "nsubjpass"} and head.head.dep_ == "ROOT" \
            and not familiar(head.lemma_.lower(), True) and not _placed(head):
        # "The copyright file includes ...": a common noun with a noun before it says what kind of
        # file, not which one, unless the notes use the pair all through as the name of one thing
        # (round 16: the file of a package's doc directory, told only by the sentences before). Only
        # the main clause's subject, which every question of the sentence keeps in its stem; "because
        # the default threshold is ..." is an answer, where the notes' own words are no fault.
        phrase = doc[the.i + 1:head.i + 1].text  # as written: "water-cement ratio", not "water - cement ratio"
        if not named(phrase):
            return f"'the {phrase}' is never introduced"
        return ""
    # A relative clause set off by a comma ("The government, which had the exclusive right to issue marks,
    # printed money") tells more of a thing already known, it does not say which one (set 16: which
    # government, the student has to guess from the sentences before); one without a comma does ("the
    # ships that sailed").
    if any(c.dep_ in {"compound", "prep", "relcl", "acl", "poss", "nmod", "appos", "amod", "nummod"}
           and not (c.dep_ == "relcl" and _set_off(c)) for c in introducing):
        return ""
    if head.dep_ == "pobj" and head.head.lower_ in _ACTION_PREPOSITIONS and _names_an_event(head) \
            and not familiar(head.lemma_.lower(), False):
        # "Orders for the deportation were given by ...": which deportation, the student cannot tell
        return f"'the {head.text}' is never introduced"
    if head.dep_ not in {"nsubj", "nsubjpass", "dobj", "attr"}:
        return ""  # "across the valley", "in the capital": a place or time in passing
    if familiar(head.lemma_.lower(), head.dep_ in {"nsubj", "nsubjpass"}):
        return ""
    return f"'the {head.text}' is never introduced"


def _set_off(clause) -> bool:
    """The clause opens after a comma: a non-restrictive relative clause ("X, which ...")."""
    start = clause.left_edge.i
    return start > 0 and clause.doc[start - 1].text == ","


def _placed(noun) -> bool:
    """A phrase on the noun or on its verb names a place or body ("The lock gates were broken at
    Carnforth"): that sets which gates, as a modifier would. Capitals, not the tag: the parser tags
    an unknown place a common noun."""
    return any(c.dep_ == "prep" and any(t.pos_ == "PROPN" or t.text[:1].isupper() for t in c.subtree)
               for c in [*noun.children, *noun.head.children])


# Prepositions after which "the <noun>" names a particular deed or body ("orders for the deportation",
# "on behalf of the company"), unlike "in the capital", "across the valley" (a place in passing).
_ACTION_PREPOSITIONS = frozenset({"for", "by", "against", "after", "before", "during", "following", "since",
                                  "until", "with", "of"})


def _names_an_event(noun) -> bool:
    """A noun made from a verb ("deportation", "settlement", "agreement", "resistance"): one
    particular event the sentence leaves unnamed."""
    word = noun.lower_
    return len(word) > 6 and word.endswith(("tion", "sion", "ment", "ance", "ence"))


def full_names_of(names) -> dict[str, set[str]]:
    """word -> the longer names holding it, from every name of the notes."""
    found: dict[str, set[str]] = {}
    for name in names:
        words = name.split()
        if len(words) < 2:
            continue
        for word in words:
            if word[:1].isupper() and fold(word) not in STOPWORDS:
                found.setdefault(word, set()).add(name)
    return found


def gives_away(stem: str, answer: str, wrong: list[str]) -> str:
    """Why the wording of the stem (the sentence with the blank) points at the answer, or "": a word
    of the answer the stem repeats and no wrong option has ("network" in "... was a French research
    network" for "CYCLADES network"), or the answer's initials written in the stem ("(CSNET)" before
    "Computer Science Network", "DECnet" for "Digital Equipment Corporation")."""
    stem_words = {fold(w) for w in re.findall(r"[\w’'-]+", stem)}
    stem_stems = {w[:5] for w in stem_words if len(w) >= 5}
    answer_words = [fold(w) for w in re.findall(r"[\w’'-]+", answer) if fold(w) not in STOPWORDS and len(w) > 2]
    for word in answer_words:
        shared = word in stem_words or (len(word) >= 5 and word[:5] in stem_stems)
        if shared and not all(word in fold(w) or word[:5] in fold(w) for w in wrong):
            return f"the stem repeats '{word}'"
        inside = next((core for core in _word_cores(stem_words) if core in word[1:]), None)
        if inside and not all(inside in fold(w) for w in wrong):
            return f"the stem's '{inside}' is inside '{word}'"  # "between molecules" for "Intermolecular forces"
    capitals = [w[0] for w in answer.split() if w[:1].isupper()]
    if len(capitals) >= 2:
        initials = "".join(capitals).lower()
        if any(w.startswith(initials) for w in stem_words):
            return f"the stem spells the initials '{initials.upper()}'"
    return ""


def _word_cores(words) -> set[str]:
    """The stem's longer words without their inflected ending ("molecules" -> "molecul"): a core written
    inside an answer's word after a prefix ("intermolecular") points at it as plainly as the word itself
    (round 26 new notes, dropped: "'between molecules' in the stem gives away 'Intermolecular'")."""
    cores = set()
    for word in words:
        base = word[:-1] if word.endswith("s") and not word.endswith("ss") else word
        if len(base) >= 7 and base.isalpha():
            cores.add(base[:-1])  # "molecule" -> "molecul": of "molecular" too
    return cores


# --- what a stem needs besides standing alone (round 6's drops) -------------------------------------

# Verbs whose agentless passive leaves out who said it: "were said in 1986 to ..." (by whom?).
_REPORTING = frozenset({"say", "believe", "think", "report", "claim", "allege", "suppose", "rumour", "rumor",
                        "consider", "hold"})
_NAME_LABELS = frozenset({"LAW", "EVENT", "ORG", "WORK_OF_ART", "FAC", "PRODUCT"})
_YEAR_TOKEN = re.compile(r"^(1\d{3}|20\d{2})$")


def unnamed_referent(doc) -> str:
    """Why what the sentence is about has no name a student can place, or "": "Greenland signed a
    Treaty in 1985" (which treaty?), "citizens were said in 1986 to ..." (said by whom?)."""
    for t in doc:
        if t.lower_ in {"a", "an"} and t.dep_ == "det" and t.head.i == t.i + 1 and t.head.text[:1].isupper() \
                and t.i > 0 and not any(c.dep_ in {"prep", "appos", "acl", "relcl"} for c in t.head.children):
            return f"an unnamed '{t.head.text}'"
        if t.lemma_.lower() in _REPORTING and t.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in t.children) \
                and not any(c.dep_ == "agent" for c in t.children):
            return f"'{t.text}' by nobody named"
    return ""


def incidental_year(doc, start: int, end: int) -> str:
    """Why the year at characters start..end of the sentence is not the sentence's own fact, or "":
    another year beside it (which one is asked: "described by Taqi al-Din in 1551 and by Branca in
    1629"; a year inside a name such as "the Scotland Act 1998" does not count), a year inside a
    relative clause ("Nova Scotia, which had been captured in 1713, ..."; "than the force they sent
    in 1256"), a ranking ("In 2012 the EIU ranked Warsaw ...": the year of a table, not an event), or
    a figure's ("71% of its imported oil came from the Middle East in 1970": when it was measured)."""
    year = next((t for t in doc if t.idx >= start and t.idx + len(t.text) <= end and _YEAR_TOKEN.match(t.text)), None)
    for t in doc:
        if _YEAR_TOKEN.match(t.text) and not start <= t.idx < end and t.ent_type_ == "DATE" \
                and not (t.head.pos_ == "PROPN" and t.head.ent_type_ in _NAME_LABELS):
            return "another year in the sentence"
    if year is not None and any(a.dep_ == "relcl" for a in year.ancestors):
        return "a year inside a relative clause"
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is not None and root.lemma_.lower() == "rank":
        return "the year of a ranking"
    if any(t.ent_type_ in {"PERCENT", "MONEY", "QUANTITY"} for t in doc):
        return "the year of a figure"  # "71% of its imported oil came from the Middle East in 1970": when it was measured
    return ""


def other_figures(doc, start: int, end: int) -> bool:
    """The sentence holds figures besides the one at start..end (not years): "17.4 miles per gallon,
    compared to 13.5 in 1970", "516.9 square kilometres (199.6 sq mi)": a statement on one of
    several figures, or on a unit conversion, is a trick, not a fact (round 6)."""
    return any(any(ch.isdigit() for ch in t.text) and not _YEAR_TOKEN.match(t.text) and not start <= t.idx < end
               for t in doc)


def written_in_full(doc, full_names: dict[str, set[str]], seen: str, short_form=lambda word: False,
                    person=lambda name: True) -> str:
    """The sentence with each person it names by a part of a longer name written in full, or "" when
    there is none or one of them could be more than one person. "Peng was denounced ..." where the
    notes say "Peng Dehuai" leans on the notes around it (`leans_on_context`); when exactly one longer
    name of the notes that `person(name)` says is a person's begins or ends with the word, the stem can
    show that name and stand alone (written where the sentence first names the person: "James Watt
    ..., who advised Watt"). Left alone, so the sentence stays refused: two people of the notes
    sharing the word ("Zhu" of Zhu Shijie and Zhu Yuanzhang; "Hobson" of J. A. Hobson and John A.
    Hobson, which the notes do not say are one man), a word naming a kind of thing after a person
    ("Lewis structures", "Satsuma samurai": a modifier of a noun), a word beginning a name ("Hudson's
    Bay Company") or read as a name of a thing ("the Jin": a person is not "the"), and names the notes
    use short all through (`short_form`: "Mao"), which need no writing out. "The <Name>" short for a
    longer name ("the Council") is not written out: which longer name it stands for is not read
    from the words (session 24: the notes' sentence before gave "European Council" where the
    President of the Council is the Council of the EU's)."""
    edits: dict[str, tuple[int, int, str]] = {}
    for ent in doc.ents:
        if not (ent.label_ == "PERSON" and len(ent) == 1 and ent.text in full_names and not short_form(ent.text)):
            continue
        longer = full_names[ent.text]
        if ent.text in edits or any(name in seen for name in longer):
            continue
        word = next(t for t in doc if t.text == ent.text)  # where the sentence first names the person
        after = doc[word.i + 1] if word.i + 1 < len(doc) else None
        if word.dep_ == "compound" and word.head.i > word.i and word.head.pos_ == "NOUN":
            return ""  # "Lewis structures", "Satsuma men": a kind of thing, not the person
        if after is not None and after.tag_ == "POS" and word.head.pos_ == "PROPN":
            return ""  # "Hudson's Bay Company", "Rupert's Land": a name begun by the person's
        if word.i > 0 and doc[word.i - 1].lower_ == "the":
            return ""  # "against the Jin": a state or people, not a person
        full = _one_name(ent.text, [n for n in longer if person(n)])
        if not full:
            return ""
        edits[ent.text] = (word.idx, word.idx + len(word.text), full)
    if not edits:
        return ""
    text = doc.text
    for start, end, full in sorted(edits.values(), reverse=True):
        text = text[:start] + full + text[end:]
    return text


def _one_name(word: str, names: list[str]) -> str:
    """The one longer name the word begins or ends, or "": names inside another of them are the same
    name."""
    own = [n for n in names if word in (n.split()[0], n.split()[-1])]
    own = [n for n in own if not any(n != m and n in m for m in own)]
    return own[0] if len(own) == 1 else ""
