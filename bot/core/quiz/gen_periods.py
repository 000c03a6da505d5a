"""When the notes place each person: the years of the sentences that are about them.

A who-question's wrong options must be people who could have done the deed: round 11's judges marked
down "Sadat, Saddam Hussein, bin Laden" offered as founders of a party in 1941 and Genghis Khan as the
one fighting the Song in 1260 (bench/RESULTS.md 8.25). A student who knows roughly when each lived
rules such options out without knowing the deed, so the answer gives itself away. The notes say when
people acted in the sentences about them; those years place each person, nothing else does (no list
of lifetimes lives in the code).

A sentence's years are a person's only when the sentence is about that person: they are its subject
(or the subject's apposition or possessor: "its founder Al-Banna was assassinated in 1949", "Iqbal's
lectures were published in 1934"), the agent of its passive ("founded by Zhu Yuanzhang"), or the only
person it names. "Kublai had his grandfather Genghis Khan placed on the record ... in 1271" places
Kublai in 1271, not Genghis. A lifetime in brackets after a name ("Genghis Khan (1162-1227)") is the
person's whatever the sentence is about.
"""

from __future__ import annotations

from collections import defaultdict

from bot.core.quiz.gen_lexicon import entity_text
from bot.core.quiz.gen_numbers import years_in
from bot.core.tokens import fold

# How far from the stem's time a wrong option may be placed and still be a person of that time: about
# a generation. A person the notes place only 20 years before a deed may still have been active then
# (the notes give one or two years of a life); 50 years before (Genghis Khan's 1206 for a deed of
# 1260) is another generation, which a student tells apart without knowing the deed.
NEAR_YEARS = 20
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_NAME_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
# The middle of the notes' years (this share left out at either end: a founding date, a modern
# aftermath) within 2 * NEAR_YEARS: notes on one period, where everyone named is of that period.
_EDGE_SHARE = 0.1


class PersonPeriods:
    """A person's name, folded ("Tugh Temür" and "Tugh Temur" one), -> the years that place them."""

    def __init__(self, docs) -> None:
        docs = list(docs)
        self.years: dict[str, set[int]] = defaultdict(set)  # the sentences about the person
        every_year: list[int] = []
        for doc in docs:
            sentence_years = years_in(doc.text)
            every_year += sorted(sentence_years)
            # The small model labels a person now PERSON, now ORG ("Maududi founded ..."); which names
            # are people is the caller's to say (it asks by the forms of a person's name).
            named = [e for e in doc.ents if e.label_ in _NAME_LABELS and entity_text(e)]
            people = {fold(entity_text(e)) for e in named if e.label_ == "PERSON"}
            for ent in named:
                name = fold(entity_text(ent))
                about = _about(ent)
                if sentence_years and (people == {name} or about):
                    self.years[name] |= sentence_years
                self.years[name] |= _bracketed(ent)
        every_year.sort()
        edge = int(len(every_year) * _EDGE_SHARE)
        middle = every_year[edge:len(every_year) - edge]
        # Notes on one period (China under Mao: 1949-1976) name their people without a year each;
        # they are all of that period.
        self.one_period = set(middle) if middle and middle[-1] - middle[0] <= 2 * NEAR_YEARS else set()

    def of(self, forms) -> set[int]:
        """The years of a person written in any of `forms` ("Kublai Khan", "Kublai"): those of the
        sentences about them (a sentence naming several people in passing places none of them:
        "Möngke succeeded Ögedei's son, Güyük, in 1251" is no year of Ögedei's); when there are none,
        the notes' one period if they keep to one. Empty: the notes do not place them."""
        found = set().union(*(self.years.get(fold(form), set()) for form in forms))
        return found or set(self.one_period)


def _about(ent) -> bool:
    """The sentence is about this person: the subject of its main verb (or the subject's apposition or
    possessor), or the agent of its passive."""
    root = ent.root
    if root.dep_ in {"appos", "poss"}:
        root = root.head
    if root.dep_ == "pobj" and root.head.dep_ == "agent":
        root = root.head
    elif root.dep_ not in _SUBJECT_DEPS:
        return False
    # Of the main verb (or one joined to it): in "Kublai had his grandfather Genghis Khan placed on the
    # record in 1271", Genghis Khan is the subject of "placed" only inside Kublai's deed.
    verb = root.head
    while verb.dep_ == "conj":
        verb = verb.head
    return verb.dep_ == "ROOT"


def _bracketed(ent) -> set[int]:
    """Years in brackets right after the name: "Genghis Khan (1162-1227)"."""
    doc = ent.doc
    if ent.end >= len(doc) or doc[ent.end].text != "(":
        return set()
    close = next((t.i for t in doc[ent.end:ent.end + 8] if t.text == ")"), None)
    return years_in(doc[ent.end:close].text) if close is not None else set()


def fits_period(years: set[int], stem_years: set[int], answer_years: set[int]) -> bool:
    """A wrong option placed by `years` could have done a deed of the stem's time: near the stem's
    first year (the deed began then: "founded the party in 1941 and led it until 1972" is a deed of
    1941) when the stem gives one, else near the years the notes place the answer in. With neither
    there is no time to fit; a person the notes never place fits no stated time."""
    if stem_years:
        start = min(stem_years)
        return bool(years) and min(years) - NEAR_YEARS <= start <= max(years) + NEAR_YEARS
    if answer_years:
        return bool(years) and min(years) - NEAR_YEARS <= max(answer_years) \
            and min(answer_years) <= max(years) + NEAR_YEARS
    return True

