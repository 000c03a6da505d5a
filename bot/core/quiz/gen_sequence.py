"""Sequence items: "Which of these happened first?" over four dated events of the notes.

An event is a sentence that stands alone and pins one thing to one year written as "in 1830" (or
"In 1825, ..."): the year phrase is taken out and the rest, a short sentence, is the option. Four
events of one document, close together in the notes and at least MIN_GAP years apart, make one
item; the earliest is the answer. The student needs the order of things, not a year, and every
option is the same kind of thing (an event) in the same form (a sentence of the notes).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.core.quiz.gen_numbers import EXACT, year_keys, years_in
from bot.core.quiz.gen_text import has_finite_verb

MIN_EVENT_WORDS, MAX_EVENT_WORDS = 5, 16
MIN_GAP = 2  # years between any two events of one item: no two too close to tell apart
OPTIONS = 4
MAX_SPAN_YEARS = 100  # the events of one item are of one period: a founding among modern events answers itself
MAX_SPAN_EVENTS = 12  # the four events are picked among this many neighbouring ones (one topic)
# The keyed (earliest) event leads the next by at least this share of the item's span. "The Mongols
# created the Imperial Library Directorate" (1273) against the capture of Hangzhou (1276) in a span
# running to 1351: the answer hinges on three years out of 78, an exact date and not the order of
# things (judged borderline 8 times and dropped once in 10 rounds, rounds 9-15).
MIN_LEAD_SHARE = 0.1

# "in 1830", "In 1825,", "in May 1999", "on 12 May 1999": the phrase that holds the year.
_MONTHS = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
           r"spring|summer|autumn|fall|winter)")
_YEAR_PHRASE = re.compile(rf"(?:^|\s|,\s)(?:[Ii]n|[Oo]n)\s+(?:the\s+{_MONTHS}\s+of\s+|(?:\d{{1,2}}\s+)?{_MONTHS}\s+"
                          rf"(?:\d{{1,2}},\s+)?)?(?P<year>1\d{{3}}|20\d{{2}})\b,?"
                          rf"|\s\((?P<paren>1\d{{3}}|20\d{{2}})\)")


@dataclass(frozen=True)
class Event:
    text: str  # the sentence without its year phrase, as an option
    year: int
    quote: str  # the sentence of the notes
    order: int  # position in the notes


def event_of(sentence: str) -> tuple[str, int] | None:
    """(the sentence without its year phrase, the year), when the sentence dates one thing to one
    exact year in a phrase that can come out cleanly."""
    keys = year_keys(sentence)
    if len(keys) != 1 or keys[0].cue != EXACT or len(keys[0].years) != 1:
        return None
    if years_in(sentence[:keys[0].start] + sentence[keys[0].end:]):
        return None  # another year: which one the event is dated by is not sure
    match = _YEAR_PHRASE.search(sentence)
    if match is None or (match.group("year") or match.group("paren")) != keys[0].text:
        return None
    start = match.start() + (len(match.group()) - len(match.group().lstrip(", ")))
    end = match.end()
    if re.search(r"\b(?:for example|for instance|e\.g\.|such as)[,\s]*$", sentence[:start], re.IGNORECASE):
        # "Heavy taxation led to frequent riots and to famine, for example in 1901, ...": the year is one instance
        # of a state that lasted, not the date of an event (set 22: keyed "first" among dated events, borderline)
        return None
    if start > 0:
        if sentence[:start].rstrip().split()[-1].lower().endswith("ing"):
            return None  # "Starting in 1313": without its year the phrase is left hanging
        if sentence[end - 1:end] == ",":
            end -= 1  # "died in Shangdu in 1328, Tugh Temür ...": the comma stays
    rest = (sentence[:start] + " " + sentence[end:]).strip()
    rest = re.sub(r"\s+([,.;])", r"\1", re.sub(r"\s{2,}", " ", rest)).strip(" ,")
    if rest[:1].islower():
        rest = rest[:1].upper() + rest[1:]
    first = rest.split()[0].lower() if rest.split() else ""
    second = rest.split()[1] if len(rest.split()) > 1 else ""
    if first in _LEANING_STARTS or first.endswith(("ed", "ing")) and not second[:1].isupper():
        return None  # "Founded as ...", "Ultimately ...": without its year the event leans on another
        # ("King Barlo founded ..." opens with a name, not a participle)
    if len(rest.split()) > MAX_EVENT_WORDS and first not in _SUBORDINATORS:
        rest = _shortened(rest)  # never "When X led an army, | Y dismissed him": the main clause goes
    if not MIN_EVENT_WORDS <= len(rest.split()) <= MAX_EVENT_WORDS or not rest.endswith("."):
        return None
    if re.search(r"\d", rest) or rest.count("(") != rest.count(")") or not has_finite_verb(rest):
        return None  # "304,016 companies were registered": a figure, not an event; or no verb left
    if _DATES_ITSELF.search(rest):
        return None  # "... continued trading until World War II": the option's own words date it (round 6)
    if re.search(rf"\b(?:in|on|by|from|until)\s+(?:\d{{1,2}}\s+)?{_MONTHS}\b", rest):
        # "Lenin was shot ... , and in September the "Red Terror" began": a second thing dated in the option (set 22)
        return None
    if re.search(r"\bbut\b", rest, re.IGNORECASE):
        return None  # "X named Zhenjin Crown Prince, but he died before Kublai": two events, which is dated? (7a)
    return rest.rstrip("."), keys[0].years[0]


# Words by which an option tells its own place in time, whatever the other options say.
_DATES_ITSELF = re.compile(r"\b(until|since|continued|continues|still|again|later|no longer|by then|century|centuries|"
                           r"world war|modern|today|now)\b", re.IGNORECASE)
_SUBORDINATORS = frozenset({"when", "after", "before", "as", "although", "though", "while", "if", "since", "once",
                           "until", "because", "whereas"})
_DANGLING = frozenset({"and", "or", "but", "of", "in", "on", "at", "to", "by", "for", "with", "the", "a", "an"})
_LEANING_STARTS = frozenset({"ultimately", "eventually", "finally", "then", "later", "soon"})
# Where a long event can end without losing what happened: before a relative clause or a participle
# that only adds detail ("Thomas Savery patented a steam pump | that used steam in direct contact ...").
_DETAIL = re.compile(r",\s|\s(?:that|which|who|whose|where|making|using|including|allowing|leading|"
                     r"followed by|after|before|while|as)\s")


# A verb whose "that" clause is what happened ("learned that", "said that"): no cut inside it.
_REPORTED = re.compile(r"\b(?:\w+ed|said|knew|found|thought|held|ruled|felt|saw|heard|told|wrote|learnt|meant)\s+that\b",
                       re.IGNORECASE)


def _shortened(event: str) -> str:
    """The event up to the first detail that can go, when what is left is still a whole event."""
    for match in _DETAIL.finditer(event):
        head = event[:match.start()].rstrip(" ,")
        if head.split()[-1].lower() in _DANGLING:
            continue  # "Warsaw leads the region in foreign investment and": cut mid-phrase
        if _REPORTED.search(head + event[match.start():match.end()]):
            continue
        words = head.split()
        if len(words) > 1 and words[-2].lower() in {"was", "were", "is", "are", "been", "be"}:
            continue  # "The historic city-centre ... was listed | as ...": the cut leaves the verb hanging  # "when he learned | that his brother, ...": what he learned is the event, not a detail
        if len(head.split()) >= MIN_EVENT_WORDS + 1 and has_finite_verb(head):
            return head + "."
    return event


def sequences(events: list[Event]) -> list[list[Event]]:
    """Groups of OPTIONS events, each from a run of neighbouring events of the notes, years at least
    MIN_GAP apart; an event is in one group at most."""
    events = sorted(events, key=lambda e: e.order)
    used: set[int] = set()
    first_years: set[int] = set()
    groups = []
    for i in range(len(events)):
        if i in used:
            continue
        chosen = [i]
        for j in range(i + 1, min(len(events), i + MAX_SPAN_EVENTS)):
            if j in used:
                continue
            if all(abs(events[j].year - events[k].year) >= MIN_GAP for k in chosen) and \
                    events[j].text not in {events[k].text for k in chosen}:
                chosen.append(j)
            if len(chosen) == OPTIONS:
                break
        if len(chosen) == OPTIONS:
            years = sorted(events[k].year for k in chosen)
            if years[1] - years[0] > years[-1] - years[1] or years[-1] - years[0] > MAX_SPAN_YEARS:
                continue  # the first far before the rest, or events of different ages: no thinking needed (round 6)
            if years[1] - years[0] < MIN_LEAD_SHARE * (years[-1] - years[0]):
                continue  # the answer a few years before the next of a long span: a date to know, not an order
            first = years[0]
            if first in first_years:
                continue  # the same year first again: two tellings of one fact, one item (round 6 reading)
            first_years.add(first)
            used.update(chosen)
            groups.append([events[k] for k in chosen])
    return groups
