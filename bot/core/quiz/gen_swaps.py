"""True/false statements made false by a swap the notes rule out, and years that are no give-away.

A false statement is the notes' sentence with its key (a person, place, organisation or group)
replaced by another name of the same kind from the notes. That is only false BY THE NOTES when two
things hold, and both are read from spaCy's parse, never from a course's words:

- the sentence says something that holds of one thing only (`one_holder`): the key is one side of
  "X is the <one thing>" ("The first president was X"), the one who did a thing done once ("founded
  by X", "X founded ..."), a name with "the <role> of ..." beside it, or the place of a one-time
  event ("founded in X"). A name in a list or beside another ("X and Y led armies") never is: the
  notes say who did it, not that nobody else did (rounds 1-2: both such swaps judged undecidable).
- the notes never say the statement of the swapped-in name (`said_of`): no sentence naming it shares
  the statement's verb or two of its other content words.

A year swap is kept only where a student cannot rule it out on its face: no year the passage states
lies between the true year and the false one (`plausible_years`: "The treaty of friendship (1944)"
under a passage that opens "After the founding of the PRC in 1949" was judged a give-away).
"""

from __future__ import annotations

import re

from bot.core.quiz.gen_context import content_words
from bot.core.quiz.gen_keys import MIN_LIKENESS, MIN_NAME_OCCURRENCES, Key, as_written, name_distractors
from bot.core.quiz.gen_lexicon import PERSON, PLACE
from bot.core.tokens import fold

# Things done once, by one doer, at one place: who founded or invented a thing, who led or replaced
# whom, where a body was founded or a treaty signed. Grammar of events, not any course's vocabulary.
ONE_TIME_VERBS = frozenset("""found establish form create invent patent sign draft write compose design
    launch assassinate kill murder bear die lead command replace succeed elect appoint crown proclaim
    declare build open institute introduce negotiate convene hold inaugurate discover devise""".split())
# ... of which the thing made is one thing whatever its words: "X established 'socialism in one
# country'", "X coined the term": who originated it.
ORIGINATING_VERBS = frozenset("found establish create invent devise institute coin patent form".split())
# Words that make a description hold of one thing: "the first ...", "the only ...", "the main ...".
_ONE_OF_A_KIND = frozenset({"first", "last", "only", "sole", "main", "chief", "principal", "highest", "largest",
                            "oldest", "earliest", "founder", "capital", "head", "leader"})
MAX_SHARED_WORDS = 1  # a sentence of the swapped-in name sharing more of the statement may say it of that name
_YEAR = re.compile(r"\b(1\d{3}|20\d{2})(?=s?\b)")  # "1821", and "1850" of "the 1850s"


def one_holder(doc, start: int, end: int) -> bool:
    """Whether the sentence says of the name at [start, end) something only one thing can be or do."""
    tokens = [t for t in doc if start <= t.idx < end]
    if not tokens:
        return False
    inside = {t.i for t in tokens}
    head = next((t for t in tokens if t.head.i not in inside or t.head.i == t.i), tokens[0])
    if head.dep_ == "conj" or any(c.dep_ == "conj" for c in head.children):
        return False  # one of several: "X and Y led armies"
    before = doc[tokens[0].i - 1] if tokens[0].i > 0 else None
    if before is not None and before.dep_ == "compound" and before.head.i in inside and before.is_alpha \
            and not before.ent_type_ and before.pos_ in {"NOUN", "PROPN"}:
        return True  # an office held by one at a time: "Defence Minister X", "Governor X of Virginia"
    verb = head.head
    if head.dep_ in {"nsubj", "nsubjpass", "attr"} and verb.lemma_ == "be":
        other = next((c for c in verb.children if c.dep_ in {"nsubj", "attr"} and c.i != head.i), None)
        return other is not None and _one_of_a_kind(other)
    if head.dep_ == "pobj" and verb.dep_ == "agent" and verb.head.lemma_ in ONE_TIME_VERBS:
        return True  # "founded by X", "replaced by X"
    if head.dep_ == "nsubj" and verb.pos_ == "VERB" and verb.lemma_ in ONE_TIME_VERBS \
            and any(c.dep_ == "dobj" and (_named_or_definite(c) or verb.lemma_ in ORIGINATING_VERBS)
                    for c in verb.children):
        return True  # "X founded the Brotherhood", "X established 'socialism in one country'"
    if head.dep_ == "pobj" and verb.lower_ in {"in", "at"} and verb.head.pos_ == "VERB" \
            and verb.head.lemma_ in ONE_TIME_VERBS:
        return True  # "founded in X", "signed at X"
    return any(c.dep_ == "appos" and _one_of_a_kind(c) for c in head.children)  # "X, the governor of Y,"


def swap_names(key: Key, lexicon, contexts, visible: str, levels) -> list[str]:
    """Names of the key's kind to swap into a true/false statement, most alike first. People: see
    `swap_people`. Places: a multiple choice item's options (a city among cities, gen_places).
    Organisations, groups, events, laws: the names the notes list beside the key or its list-mates
    (`kin`), so a party stands in for a party and a treaty for a treaty; unlike a multiple choice
    item's options they need not share the key's last word: a true/false shows one name, not four."""
    bare = key.text[4:] if key.after_the else key.text
    if key.form == PERSON:
        if " " not in bare or lexicon.inside_longer_name(bare, PERSON):
            return []  # "William" of several; "William Henry" of "Fort William Henry"; "Jamaat-e-Islami" read as one
        return swap_people(bare, lexicon, contexts, visible)
    if key.form in (PLACE, "region"):
        return name_distractors(key, lexicon, visible, contexts, levels=levels)
    kin = lexicon.kin(bare)
    key_words = {fold(w) for w in bare.split()}
    shown = fold(visible)
    pool = [(-contexts.similarity(bare, name), name) for name in lexicon.names_of(key.form)
            if name in kin and name != bare and not {fold(w) for w in name.split()} & key_words
            and fold(name) not in shown and lexicon.name_occurrences(name) >= MIN_NAME_OCCURRENCES
            and not lexicon.mostly_in_longer_names(name)]
    return as_written(key, [name for _, name in sorted(pool)], lexicon)


def swap_people(key_name: str, lexicon, contexts, visible: str) -> list[str]:
    """People to swap into a true/false statement about `key_name`: named in full by the notes (or
    labelled a person twice), not in the sentence, sharing no word with the key, not put on another
    side than the key's, spoken of alike; most alike first. Unlike a multiple choice item's options
    they need not share the key's role: the swapped statement gives them a role the notes do not."""
    key_words = {fold(w) for w in key_name.split()}
    shown = fold(visible)
    sides = contexts.sides.get(key_name, set())
    pool = []
    for name in lexicon.names_of(PERSON):
        if name == key_name or {fold(w) for w in name.split()} & key_words or fold(name) in shown:
            continue
        if (" " in name) != (" " in key_name):
            continue  # "Governor Johnson" for "Governor Charles Lawrence": the form tells them apart
        if lexicon.label_votes[name][PERSON] < 2:
            continue  # a "person" seen once: too often a place, a title or a building ("Quiberon Bay")
        if lexicon.inside_longer_name(name, PERSON) or any(fold(p) in shown.split() for p in name.split()):
            continue
        their_sides = contexts.sides.get(name, set())
        if (sides or their_sides) and not sides & their_sides:
            continue  # a French general in a statement about a British one (or one of no side): false on its face
        likeness = contexts.similarity(key_name, name)
        if likeness >= MIN_LIKENESS:
            pool.append((-likeness, name))
    return [name for _, name in sorted(pool)]


def _one_of_a_kind(token) -> bool:
    """A singular noun phrase that names one thing: "the first president", "the governor of Y", a
    title of a land ("Elector of Brandenburg")."""
    if token.tag_ not in {"NN", "NNP"} or any(c.dep_ == "conj" for c in token.children):
        return False
    if token.tag_ == "NNP" and not token.ent_type_ and any(
            c.dep_ == "prep" and c.lower_ == "of" and any(g.ent_type_ in {"GPE", "LOC"} for g in c.children)
            for c in token.children):
        return True
    words = {c.lower_ for c in token.children} | {token.lower_}
    if words & _ONE_OF_A_KIND or any(c.tag_ == "JJS" for c in token.children):
        return True
    definite = any(c.dep_ == "det" and c.lower_ == "the" for c in token.children) \
        or any(c.dep_ == "poss" for c in token.children)
    return definite and any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children)


def _named_or_definite(token) -> bool:
    return bool(token.ent_type_) or any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)


def said_of(option: str, doc, start: int, end: int, docs) -> bool:
    """Whether any sentence of the notes naming `option` may say of it what the sentence `doc` says of
    the name at [start, end): it shares the sentence's main verb or more than MAX_SHARED_WORDS of its
    other content words (the name's own words left out)."""
    inside = {t.i for t in doc if start <= t.idx < end}
    statement = set(content_words(doc, inside))
    verbs = {t.lemma_.lower() for t in doc if t.pos_ == "VERB" and t.i not in inside} - {"be", "have"}
    pattern = re.compile(rf"(?<!\w){re.escape(option)}(?!\w)")
    for other in docs:
        if other is doc or not pattern.search(other.text):
            continue
        match = pattern.search(other.text)
        skip = {t.i for t in other if match.start() <= t.idx < match.end()}
        words = set(content_words(other, skip))
        if verbs & {t.lemma_.lower() for t in other if t.pos_ == "VERB"} \
                or len((words - set(fold(option).split())) & statement) > MAX_SHARED_WORDS:
            return True
    return False


def plausible_years(true_text: str, wrong: list[str], passage: str) -> list[str]:
    """The wrong years a student cannot rule out on their face: none has a year the passage states
    between it and the true one (the false year would put the event before what the passage says
    came first, or after what came later)."""
    true_years = [int(y) for y in _YEAR.findall(true_text)]
    stated = {int(y) for y in _YEAR.findall(passage)} - set(true_years)
    if not true_years:
        return wrong
    kept = []
    for option in wrong:
        years = [int(y) for y in _YEAR.findall(option)]
        if not years:
            continue
        low, high = sorted((min(true_years), min(years)))
        if not any(low < y < high for y in stated):
            kept.append(option)
    return kept
