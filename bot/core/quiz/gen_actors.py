"""Who did what, asked with options: "Who expanded the Grand Canal from southern China to Daidu in the
north?" (Kublai Khan among other rulers of the notes), "Which of these has the initiative to propose
legislation?" (the European Commission among the other bodies the notes describe), "Which of these
founded the Muslim Brotherhood ...?" (among other people the notes make actors).

A sentence that opens with a name as the subject of its main verb says what that person, body,
people or country did; round 8 left most of them unasked (RESULTS 8.12-8.13: 59-113 standalone
sentences a note fit no template, on history notes mostly deeds). Asked as a card ("Who promoted
...?") the judges kept 5 of 40 (round 4): several people of the notes could be meant, so no one
answer was defensible. With options the question is "which of these", and each wrong option is a
name of the answer's kind that the notes never say the predicate of:

- a **person** the notes return to (met in at least two passages), asked by the full name the notes
  give ("Kublai" -> "Kublai Khan"); wrong options are other people of the notes ranked by the role the
  notes give them and by how alike their sentences are (gen_concept.DescriptionPool), none the notes
  put on another side ("the French commander" among British governors: round 7's drops);
- a **people** (spaCy's NORP) among other peoples the notes also make the subject of what happened;
- a **named thing** (a body, a network, a treaty) only when the notes say what class of thing it is
  ("The European Commission is the main executive body ...") and call three other names by that
  class noun: a company among networks would give the answer away;
- a **country** (spaCy's GPE) among other places the notes make the subject of deeds, each written
  after a preposition of place, never after a title ("the Duke of Newcastle") nor as a town, never
  the same polity by another name ("British Empire" beside "Britain"); no deed done "as a participant
  in" or "along with" others (their names would be right too).

None is offered whose own sentences say most of the predicate (a second right answer). Nothing here
names a course's things: names, roles, sides and classes come from spaCy's parse of the notes
(gen_concept, gen_context), the question from gen_questions.who_question.
"""

from __future__ import annotations

import random
import re

from bot.core.quiz.gen_concept import ACTOR, MIN_SAME_CLASS, NAMED, Description, DescriptionPool
from bot.core.quiz.gen_lexicon import PERSON, PLACE, TRUSTED_SHARE, ChoiceQuestion, entity_text, name_shape_ok
from bot.core.quiz.gen_numbers import years_in
from bot.core.quiz.gen_periods import NEAR_YEARS, fits_period
from bot.core.quiz.gen_places import PlaceLevels, written_as_town
from bot.core.quiz.gen_questions import who_question
from bot.core.quiz.gen_standalone import gives_away
from bot.core.tokens import fold

# Over a year blanked in the same sentence (0.72-0.76): the deed is what a teacher asks, the year
# of it far less often (round 8: incidental years the first complaint). Under the concept cards.
ACTOR_CHOICE_QUALITY = 0.77
# A deed is said in fewer words than a description, and other people's sentences say it in other
# words ("commenced a military campaign against the Song" / Kublai "renewed a massive drive against
# the Song": round 4 found both right): an option whose sentences share a fifth of the predicate's
# content words is left out (descriptions: half, gen_concept.MAX_OPTION_SUPPORT).
MAX_DEED_SUPPORT = 0.2
MIN_ACTING = 2  # a people or a country offered as an option is the subject of this many sentences
_ASKING = re.compile(r"^(?:Who|What|Which \S+) ")
# Peoples that act in the notes. Countries are read apart (_a_place_that_acts): the small model reads
# people as places ("Loudoun", "Newcastle" offered among countries beside Britain and Spain).
_COLLECTIVE = {"NORP": "group"}
_RELATIVE = frozenset({"which", "who", "whom", "whose", "that"})
# A deed the predicate says was done by several ("as a participant in", "along with", "jointly"): the
# notes' other actors may have done it too, so an option could be a second right answer.
_ONE_OF_SEVERAL = re.compile(r"\bas (?:a|an|one of the) (?:participant|member|partner|ally|signatory)\b|\bas one of\b"
                             r"|\balong with\b|\btogether with\b|\balongside\b|\bjointly\b", re.IGNORECASE)
# Pronouns a predicate may hold: the sentence already stands alone (gen_standalone judged its
# pronouns), so "its", "his", "they" stand for the answer or a name the question shows ("France ceded
# its territory east of the Mississippi", "Kublai besieged Xiangyang ..., the last obstacle in his
# way"): the question still has one answer and reads as the notes do.
_THIRD_PERSON = frozenset({"he", "him", "his", "himself", "it", "its", "itself", "they", "them", "their",
                           "themselves"})
# ... but not a person known only through the answer: "the work begun by his grandfather" (round 4:
# whose grandfather, only the answer says). English words for a person by their tie to another; a
# name beside the word ("his brother, Ariq Böke") says who is meant.
_TIES = frozenset({"father", "mother", "son", "daughter", "brother", "sister", "grandfather", "grandmother",
                   "grandson", "granddaughter", "uncle", "aunt", "nephew", "niece", "cousin", "wife", "husband",
                   "widow", "heir", "successor", "predecessor", "ancestor", "descendant", "parent", "child",
                   "children", "sons", "daughters", "brothers", "sisters", "family"})


def _a_death(doc) -> bool:
    """The sentence's main verb tells a death ("died", "passed away"): asked as "Who died in <month>?",
    neither the course nor anything the person did is in the stem (round 21, borderline), as gen_deeds
    already holds of the deeds it offers."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None:
        return False
    lemma = root.lemma_.lower()
    # "away" is parsed a particle or an adverb ("Henry Walsh passed away in the winter of 1852": advmod)
    return lemma == "die" or lemma == "pass" and any(c.dep_ in {"prt", "advmod"} and c.lower_ == "away"
                                                     for c in root.children)


def actor_choice(doc, pool: DescriptionPool, visible: str, *, full_names: dict[str, set[str]], met_often,
                 is_term=lambda text: False, common=lambda word: False, title: str = "",
                 people: frozenset[str] | None = None, levels: PlaceLevels | None = None) -> ChoiceQuestion | None:
    """The who-did-what question of one parsed sentence, or None. `full_names` maps a word to the
    longer names of the notes holding it (gen_standalone.full_names_of); `met_often(name)` says
    whether the notes return to a name; `title` is the course's title (what every student knows);
    `people` is `notes_people` of these notes (read once by the caller; read here when not given);
    `levels`: gen_places' reading of the notes' places (a country is asked as an actor only with it)."""
    if people is None:
        people = notes_people(pool.lexicon, full_names)
    opener, doc = _opener(doc)
    question = who_question(doc, is_term, common)
    asking = _ASKING.match(question.prompt) if question else None
    if asking is None:
        return None
    predicate = question.prompt[asking.end():].rstrip("?")
    if _a_death(doc):
        return None  # "Who died in December 2015?": what befell a person, no deed; no death was ever kept (rounds 1-21)
    if _ONE_OF_SEVERAL.search(predicate):
        return None  # "... as a participant in the Siberian Intervention": the other participants are answers too
    subject = doc.char_span(0, len(question.answer), alignment_mode="expand")
    if subject is None or not any(t.pos_ == "PROPN" for t in subject):
        return None  # a term ("Compound engines") is gen_concept_terms'
    if not opener and not _names_something(doc, subject.end, is_term, title):
        return None  # "Who promoted commercial, scientific, and cultural growth?": any ruler may have
        # (an opening phrase, "Despite warnings from party technocrats and Soviet advisors", sets it)
    if _pronoun_unclear(doc, subject.end):
        return None  # "... the work begun by his grandfather": whose, only the answer says (round 4)
    if second_subject(doc) or shell_noun_points_back(doc, subject.end):
        return None
    found = _actor(subject, pool, full_names, people, levels)
    if found is None:
        return None
    answer, kind, class_noun = found
    if not (met_often(answer) or kind == PERSON and met_often(subject.text)):
        return None  # a name met in one passage is a side figure (judged trivia every round)
    d = Description(answer, kind, class_noun, predicate, "", doc.text)
    sides = pool.contexts.sides.get(answer, set()) if kind == PERSON else set()
    acting = kind in _COLLECTIVE.values()
    offered_people = sorted(people - {answer}) if kind == PERSON else None
    if kind == PLACE:
        offered_people = _acting_places(pool, answer, levels)

    def forms(name: str) -> tuple[str, ...]:
        return name_forms(name, full_names)

    # A person offered must be one the notes place in the deed's time (the stem's years, else the
    # answer's): "Osama bin Laden" as a founder of a party in 1941 is ruled out by when he lived (round 11).
    periods = pool.contexts.periods
    stem_years = years_in(f"{opener} {predicate}")
    answer_years = periods.of(forms(answer)) if kind == PERSON else set()

    def of_the_time(name: str) -> bool:
        if kind != PERSON:
            return not_yet_acting(periods.years.get(fold(name), set()), stem_years)
        return fits_period(periods.of(forms(name)), stem_years, answer_years)

    # A name whose stem the question writes is ruled out by it: Germany for "which of these took
    # German-leased territories" (round 18: "the stem itself rules out the distractor"); capitalised
    # words only, the stem's names and their adjectives.
    named = stem_names(f"{opener} {predicate}")
    wrong = pool.wrong_options(d, visible, keep=lambda name: _same_side(pool, sides, name) and (
        not acting or pool.acting[name] >= MIN_ACTING) and of_the_time(name) and not _one_stem(name, named),
        candidates=offered_people,
        max_support=MAX_DEED_SUPPORT, forms=forms)
    if not wrong:
        return None
    if kind == NAMED and sum(1 for w in wrong if pool.of_class(w, class_noun)) < MIN_SAME_CLASS:
        return None  # "OSI" and "National Science Foundation" among networks
    if gives_away(predicate, answer, wrong):
        return None
    lead = "Who" if kind == PERSON else "Which of these"
    if opener:
        lead = f"{opener}, {lead[:1].lower()}{lead[1:]}"
    options = [answer, *wrong]
    random.Random(f"actor\x1f{doc.text}\x1f{answer}").shuffle(options)
    return ChoiceQuestion(f"{lead} {predicate}?", answer, tuple(options), ACTOR, ACTOR_CHOICE_QUALITY)


# Entities that say when or how much, not what: a deed named only by them ("led Debian from April 2007
# until April 2008", in notes on Debian) is told apart from the others of its kind by its dates alone.
_WHEN_OR_HOW_MUCH = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "PERCENT", "MONEY"})


def _names_something(doc, start: int, is_term, title: str = "") -> bool:
    """The deed after the subject names what it was done to or where: a name other than the course's
    own subject, a term of the notes ("mass mobilisation") or one thing pointed at by "the" ("raised the
    money for the eastern extension"); a date or a number alone is not enough. A deed of only common words in general ("promoted commercial,
    scientific, and cultural growth", "reinvigorated creative scholarship") could be said of many
    people the notes name, so the one answer would rest on the notes' wording alone."""
    def of_title(text: str) -> bool:
        return bool(title) and re.sub(r"^the ", "", text.lower()) in title.lower()

    if any(e.start >= start and e.label_ not in _WHEN_OR_HOW_MUCH and not of_title(e.text) for e in doc.ents):
        return True
    # The course's own subject and dates name nothing a student could tell this deed by: of a list of
    # who led what when, every question reads "Who led <the course's subject> from <date> until <date>?".
    return any(chunk.start >= start and (is_term(chunk.text) or chunk[0].lower_ == "the")
               and not of_title(chunk.text) for chunk in doc.noun_chunks)


def _pronoun_unclear(doc, start: int) -> bool:
    """A pronoun after the subject that is not sure to stand for the answer or a name shown: a
    feminine one (the options are not sorted by sex, so "her" would point at the one woman among
    them, or rule her out), a first or second person, a quantifier ("others", "many"), or a person
    known only by their tie to the answer ("his grandfather")."""
    for t in doc[start:]:
        if t.pos_ != "PRON" and t.tag_ not in {"PRP", "PRP$"} or t.lower_ in _RELATIVE:
            continue
        if t.lower_ not in _THIRD_PERSON:
            return True
        if t.tag_ == "PRP$" and t.head.lower_ in _TIES and not any(c.dep_ == "appos" for c in t.head.children):
            return True
    return False


def second_subject(doc) -> bool:
    """A second clause joined to the deed with a subject of its own ("Frederick William invited
    Huguenots to settle in his realms, and a number of their descendants rose to positions of
    prominence"): the question would ask "Who invited ..., and their descendants rose ...?", which
    is not one deed of the answer and reads as no English."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    return root is not None and any(c.dep_ == "conj" and c.pos_ in {"VERB", "AUX"}
                                     and any(g.dep_ in {"nsubj", "nsubjpass", "expl"} for g in c.children)
                                     for c in root.children)


# English nouns that stand for something said before when set after "the" alone ("wrote extensively
# on the matter"): which matter, only the sentence before says.
_SHELL_NOUNS = frozenset({"matter", "matters", "issue", "issues", "subject", "question", "problem", "situation",
                          "affair", "topic", "idea", "plan", "scheme", "proposal", "move", "decision"})


def shell_noun_points_back(doc, start: int) -> bool:
    """A deed about "the matter", "the issue", "the plan" with nothing after the noun saying which:
    the sentence stood alone by its names, but this noun points at what came before it."""
    for t in doc[start:]:
        if t.lower_ in _SHELL_NOUNS and t.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in {"the", "this", "that"}
                                                                 for c in t.children) \
                and not any(c.dep_ in {"prep", "relcl", "acl", "compound", "amod", "appos"} for c in t.children):
            return True
    return False


def _opener(doc):
    """("In 1755", the rest of the sentence as its own parse) when the sentence opens with a phrase of
    when or where set off by a comma ("In 1755, Braddock led ..."), or a date without one, else ("", doc): the question keeps
    the phrase in front ("In 1755, who led ...?"). The sentence already stands alone
    (gen_standalone.leans_on_context judged its opener), so the phrase names its time or place."""
    first = doc[0] if len(doc) else None
    if first is None or first.dep_ != "prep" or first.head.dep_ != "ROOT":
        return "", doc
    after = first.right_edge.i + 1
    if after >= len(doc) - 3:
        return "", doc
    if doc[after].text == ",":
        return doc[:after].text, doc[after + 1:].as_doc()
    if any(t.ent_type_ == "DATE" for t in doc[:after]) and doc[after].dep_ != "punct":
        return doc[:after].text, doc[after:].as_doc()  # "In 1755 Braddock led ...": a date needs no comma
    return "", doc


def _actor(subject, pool: DescriptionPool, full_names: dict[str, set[str]],
           people: frozenset[str], levels: PlaceLevels | None = None) -> tuple[str, str, str] | None:
    """(the answer as the options write it, its kind, its class noun) of the sentence's subject."""
    lexicon = pool.lexicon
    ents = [e for e in subject.doc.ents if subject.start <= e.start and e.end <= subject.end]
    whole = ents[0] if len(ents) == 1 else None
    text = entity_text(whole) if whole is not None else subject.text.removeprefix("The ").removeprefix("the ")
    if whole is not None and whole.label_ == "GPE" and levels is not None:
        if entity_text(subject) != text or not _a_place_that_acts(pool, text, levels):
            return None  # "the British government": more than the country's name; "Newcastle": a duke
        return text, PLACE, PLACE
    if whole is not None and whole.label_ in _COLLECTIVE:
        kind = _COLLECTIVE[whole.label_]
        if entity_text(subject) != text or not lexicon.trusted(text, kind):
            return None  # "the British government": more than the people's name
        return text, kind, kind
    person = _person(text, full_names, people) if subject[0].lower_ != "the" else ""  # "The Harvard Crimson"
    if person:
        roles = sorted(pool.contexts.roles.get(person, ()))
        return person, PERSON, roles[0] if roles else PERSON
    if whole is not None and whole.label_ == "PERSON" or entity_text(subject) != text:
        return None  # a person the notes do not trust as one; "Admiral Edward Hawke": a role in the answer
    described = pool.described_as(text)
    if described is None or described.kind != NAMED:
        return None  # the notes never say what class of thing it is: no options sure to be its kind
    return text, NAMED, described.class_noun


def _a_place_that_acts(pool: DescriptionPool, name: str, levels: PlaceLevels) -> bool:
    """A country (or a state, a province) the notes surely write as a place and make the subject of
    what happened: labelled a place nearly every time, written after a preposition of place ("in",
    "to", "from", "of") at least once, never after a title ("the Duke of Newcastle", "Lord Loudoun":
    session 10 dropped countries as actors for these two, a duke and a lord the small model reads as
    places, offered beside Spain), never as a town ("the city of X", "X City": a town is never offered
    among countries, gen_places), and the subject of at least MIN_ACTING sentences: a polity that acts,
    not only a place where things happen (with one, colonies and towns came beside countries:
    "Pennsylvania" and "Nova Scotia" beside Britain and France, "Geneva" beside the Dutch Republic)."""
    lexicon = pool.lexicon
    if not lexicon.trusted(name, PLACE) or name in levels.titled or pool.acting[name] < MIN_ACTING:
        return False
    if written_as_town(lexicon.text, name):
        return False
    return re.search(rf"\b(?:[Ii]n|[Tt]o|[Ff]rom|[Ii]nto|[Tt]hroughout|[Aa]cross|[Aa]gainst|of)\s+(?:the\s+)?"
                     rf"{re.escape(name)}\b", lexicon.text) is not None


def _acting_places(pool: DescriptionPool, answer: str, levels: PlaceLevels) -> list[str]:
    """The other places of the notes that act as the answer does, none the notes write inside it or
    holding it ("Dijon, France"). gen_places' levels are not asked here: a list of countries written
    "Britain, Japan" reads to it as a town in its country, so only the explicit town forms count."""
    found: list[str] = []
    for name in pool.lexicon.names_of(PLACE):
        if name == answer or not _a_place_that_acts(pool, name, levels) or frozenset((answer, name)) in levels.nested:
            continue
        if any(_one_stem(name, other) for other in (answer, *found)):
            continue  # "British Empire" beside "Britain": the same polity, a second right answer
        found.append(name)
    return found


def not_yet_acting(years: set[int], stem_years: set[int]) -> bool:
    """A country or body offered for a deed of the stem's time is one the notes have acting by then: not
    one whose sentences (as their subject) all come a generation (NEAR_YEARS) after the stem's first
    year. Germany and Japan as powers of 1815 and the 1840s, in notes that have them act from 1871 and
    1868 on, were ruled out by the time (round 18: "only Britain fits"). Unlike a person, a country the
    notes place only earlier still exists later, so only this side counts; one never placed is kept."""
    return not (stem_years and years and min(years) > min(stem_years) + NEAR_YEARS)


def stem_names(text: str) -> str:
    """The capitalised words of a question's stem, hyphenated ones split ("German-leased" -> "German"):
    its names and their adjectives, for `_one_stem` against an option."""
    return " ".join(w for w in re.findall(r"[\w'’]+", text) if w[:1].isupper())


def _one_stem(name: str, other: str) -> bool:
    """Two names with a word of one stem ("Britain", "British Empire"; "Germany", "German Empire"), by
    their first four letters. "Austria" and "Australia" are kept apart too: one option fewer to choose
    from, never a second right answer."""
    stems = {w[:4].lower() for w in other.split() if len(w) >= 4}
    return any(w[:4].lower() in stems for w in name.split() if len(w) >= 4)


def name_forms(name: str, full_names: dict[str, set[str]]) -> tuple[str, ...]:
    """The forms the notes write one actor's name in: the name, its full name when the notes give it
    exactly one ("Kublai" -> "Kublai Khan"), and the words of these that no other name of the notes
    bears ("Kublai Khan" -> "Kublai"; not "Khan", which ends Genghis's name too). A sentence in any of
    them is about the actor, and its years are the actor's. In the name's order, no duplicates."""
    longer = full_names.get(name, set())
    names = [name, *(longer if len(longer) == 1 else ())]
    words = [w for n in names for w in n.split() if full_names.get(w) == {n}]
    return tuple(dict.fromkeys([*names, *words]))


def _person(text: str, full_names: dict[str, set[str]], people: frozenset[str]) -> str:
    """The person's name in full: "Kublai" -> "Kublai Khan", "Braddock" -> "Edward Braddock" when the
    notes give exactly one full name of a person holding it; "" when they give none or several ("Shi"
    of three Shis). The short form's own label is not asked: the small model reads "Washington" as a
    place and "Braddock" as a company where the sentence makes it the subject of a deed. `people`:
    `notes_people` of the same notes."""
    if " " in text or text in people:
        return text if text in people else ""  # "Zia-ul-Haq": a one-word name notes_people holds
    longer = full_names.get(text, set())
    return next(iter(longer)) if len(longer) == 1 and longer <= people else ""  # "Zhu": Zhu Shijie or Zhu Yuanzhang?


def notes_people(lexicon, full_names: dict[str, set[str]]) -> frozenset[str]:
    """The people of the notes, by full name: a name of two words or more labelled a person nearly
    every time (not `lexicon.trusted`, which refuses "George Washington" because "Washington" alone is
    read as a place), met at least twice in full or by a part no other name shares ("Montcalm").

    Read once per set of notes by the generator and passed down, not kept here: a module-level cache
    (it was one, keyed by the lexicon's id) carries one course's notes into the next course's
    generation, in a process that serves many, and is shared by threads generating at once."""
    found = set()
    for name, votes in lexicon.label_votes.items():
        if " " not in name and _one_word_person(lexicon, name, votes):
            found.add(name)  # "Zia-ul-Haq"
            continue
        if " " not in name or votes[PERSON] < TRUSTED_SHARE * sum(votes.values()) or not name_shape_ok(name, PERSON) \
                or re.search(r"['’]s\b", name):
            continue  # "Edward Said’s Orientalism": a work named after a person
        if lexicon.inside_longer_name(name, PERSON) or lexicon.mostly_in_longer_names(name) and _in_longer_names(lexicon, name):
            continue  # "William Henry" of "Fort William Henry"
        if re.search(rf"\b[Tt]he {re.escape(name)}\b", lexicon.text):
            continue  # "the daily newspaper, The Harvard Crimson": a person's name takes no article
        if name.split()[-1].lower() in lexicon.common_nouns:
            continue  # "Linux Developer", "Widener Library": a name on a noun the notes' prose uses is a thing or a title
        own = [w for w in name.split() if w[:1].isupper() and full_names.get(w) == {name}]
        if lexicon.occurrences(name) >= 2 or any(lexicon.occurrences(w) >= 2 for w in own):
            found.add(name)
    return frozenset(found)


# One word of capitalised parts with a lower-case particle hyphened inside: "Zia-ul-Haq", "Ibn-al-Athir";
# the form of a full name written as one word. Not "Saint-Pierre" (no particle: a place as often) nor
# "al-Nimeiry" (a part, by its lower-case opening, of a longer name).
_HYPHENED_NAME = re.compile(r"[A-Z][a-z]+(?:-[a-z]{1,3})+-[A-Z][a-z]+")


def _one_word_person(lexicon, name: str, votes) -> bool:
    """A full name written as one word (`_HYPHENED_NAME`) that the notes write at least twice and spaCy
    reads as a person at nearly every one of its occurrences, not only where it labels it at all:
    "Jamaat-e-Islami" has the form and one PERSON label, but three occurrences (a party)."""
    return bool(_HYPHENED_NAME.fullmatch(name)) and lexicon.occurrences(name) >= 2 \
        and votes[PERSON] >= TRUSTED_SHARE * max(lexicon.occurrences(name), sum(votes.values()))


def _in_longer_names(lexicon, name: str) -> bool:
    """Written mostly inside longer names the notes hold ("William Henry" of "Fort William Henry"), not
    only after a capitalised word that is no part of a name: a title or a label ("General Edward
    Braddock", "Marxist Vladimir Lenin", "Maulana Abul Ala Maududi"), which spaCy leaves out of the
    person's name; such a person is still one of the notes' people."""
    longer = [other.split() for other in lexicon.label_votes if name in other and other != name]
    before = lexicon._words_before(name)
    inside = sum(1 for word in before if any(word in words for words in longer))
    return inside * 3 >= len(before) * 2 and inside > 0


def _same_side(pool: DescriptionPool, sides: set[str], name: str) -> bool:
    """Not put on another side than the answer's by the notes (both sides known and disjoint)."""
    theirs = pool.contexts.sides.get(name, set())
    return not (sides and theirs and not sides & theirs)
