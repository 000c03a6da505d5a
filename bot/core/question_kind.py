"""What kind of answer a question asks for, and whether a sentence holds that kind.

"When ...?" wants a date, "How many ...?" a number, "Who replaced ...?" a person, "Where ...?" a
place, "Why ...?" a cause, "What does X stand for?" the long form of X. A sentence that holds no
date cannot answer "when", however many of the question's words it shares. The cues are English
question forms, not facts of any course; names are told apart by capitals (a sentence naming
someone or somewhere the question does not).
"""

from __future__ import annotations

import re
from functools import lru_cache

from bot.core.tokens import NUMBER_WORDS, STOPWORDS, tokenize, words

NUMBER, DATE, PERSON, PLACE = "number", "date", "person", "place"
REASON, EXPANSION, EXPLANATION, LIST = "reason", "expansion", "explanation", "list"
# Kinds a sentence can be checked for; the others only say which sentence reads best.
CHECKED = frozenset({NUMBER, DATE, PERSON, PLACE, EXPANSION})
# Kinds whose answer may run to more sentences than a fact's.
LONG_KINDS = frozenset({EXPLANATION, LIST, REASON})

_CUES = (
    (EXPANSION, re.compile(r"\bstands? for\b|\b(abbreviation|acronym|initials)\b|\bshort for\b|"
                           r"\bwhat does (?P<term>(?!(?:it|its|this|that|they|these|those|he|she|we|you|one)\b)"
                           r"[A-Z]{2,}s?) mean\b", re.I)),
     # ("if the gdp deflator is above 100 what does it mean": a pronoun is no abbreviation, ans32)
    (NUMBER, re.compile(r"\bhow (many|much|long|old|far|large|big|high|tall|often)\b|"
                        r"\bwhat (percentage|proportion|share|number|amount|fraction)\b", re.I)),
    # "What base year does the BEA use ...?", "In what fiscal year ...?": one word saying which kind of year
    (DATE, re.compile(r"^\s*when\b|\b(what|which|in what) ([a-z]+ )?year\b|"
                      r"\b(what|which|in what) (decade|date|month|century|period|day)\b|"
                      r"(?<!many )(?<!past )(?<!recent )(?<!several )(?<!few )(?<!last )\b(dates?|years?)\s*\??\s*$", re.I)),
     # "great leap forward dates", not "... for many years?"
    (REASON, re.compile(r"^\s*(why|how come)\b|\bwhat (was|were|is|are) the (main |key |chief )?"
                        r"(reasons?|causes?|motives?)\b|\bwhat (caused|led to|prompted|motivated)\b|"
                        r"\bfor what reason\b", re.I)),
    # "which 2 countries still keep ...", "What three cities ...": a count before the places asked
    (PLACE, re.compile(r"^\s*where\b|\b(what|which) ((\d+|two|three|four|five|six|seven|eight|nine|ten) )?"
                       r"(countr(y|ies)|cit(y|ies)|towns?|regions?|places?|states?|provinces?|areas?|continents?|locations?|villages?|rivers?)\b", re.I)),
    (PERSON, re.compile(r"^\s*(from|to|by|with|for|against|of) whom\b|"
                        r"^\s*(who|whom)\b(?!\s+(is|was|are|were)\s+(?!(a|an|the)\b))|"
                        r"\b(whose|which person|what person)\b", re.I)),
    (LIST, re.compile(r"^\s*(list|name (the|some|two|three|four|five|all))\b|\bwhat (were|are) (the|some) "
                      r"\w+ (features|measures|reforms|effects|consequences|types|kinds|examples|steps)\b", re.I)),
    (EXPLANATION, re.compile(r"^\s*(explain|describe|define|outline|summari[sz]e|discuss)\b|"
                             # "How does the HOWTO define a character?", "How is a code point defined?"
                             r"^\s*how (does|do|did) (?!(you|i|we|one|they)\b)[^?,]{1,40}? define (a |an |the )?\S+( \S+){0,3}\s*\??\s*$|"
                             r"^\s*how (is|are|was|were) (a |an |the )?\S+( \S+){0,3} defined\s*\??\s*$|"
                             # "what's a colophon", "whats a guyot": "what is" contracted (ans33, ansdev24)
                             r"^\s*(what (is|was|are|were) |what['’]?s )(a |an |the )?\S+( \S+){0,4}\s*\??\s*$|"
                             r"^\s*who (is|was) (?!(a|an|the)\b)", re.I)),
)
# "What is X?" and "Who was X?" ask what X is only when X is a name: "What was the goal of the
# system?", "What was the Yuan's state religion?", "What is the Saxon Garden in Polish?", "What
# is another term for rotors?", "What is it called?" and "Who was New France's governor?" ask for
# one thing said about X, which a definition of X rarely holds. ("What were X used for?" asks what
# X is for, which its definition says.)
_ATTRIBUTE = re.compile(r"^\s*((what|who) (is|was|are|were)\b|what['’]?s\b|who['’]s\b).*?(\b(?!used\b)(?-i:[a-z]+) (of|in|for|to|by|from|on|at|with|about)\b|"
                        r"['’]s\b|\b(called|named|known|termed|referred to|considered|in|of|on|at|"
                        r"with|by|from|to|about|as)\s*\??\s*$|\b(another|other|one|first|last|main|name|term|"
                        r"word|type|kind|part|role|goal|purpose|result|effect|reason|cause)\b)", re.I)

_ORDINAL = (r"(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|"
            r"fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty[- ]first)")
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december")
# "the 16th and 17th centuries": a century's plural is "centuries", not "century" + s.
_DATE = re.compile(r"\b(1\d\d\d|20\d\d|\d{1,2}(st|nd|rd|th)? centur(y|ies)|" + _ORDINAL + r" centur(y|ies))s?\b|"
                   r"\b(" + "|".join(MONTHS) + r")\b|"
                   # "on Thursdays", "during the Second World War": days and the world wars date things too
                   r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?\b|"
                   r"\b((first|second) world war|world war (i|ii|one|two)\b)|"
                   # "By day 17 the pustules form crusts": a day or week counted from a start answers
                   # "By which day ...?" (ans29)
                   r"\b(day|week)\s+\d{1,3}\b|"
                   # a year of any length with its era, after it or before it ("79 AD", "AD 79", "44 BC")
                   r"\b\d{1,4}\s*(AD|BC|CE|BCE)\b|\b(AD|CE)\s*\d{1,4}\b", re.I)
_NUMBER = re.compile(r"\d|\b(twice|thrice|(a|an|one|less than a|more than a) (second|minute|hour|day|week|"
                     r"fortnight|month|year|decade|century|generation))\b|"  # "held out for almost a month"
                     r"\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|"
                     r"thirty|forty|fifty|hundreds?|thousands?|millions?|billions?|half|third|quarter|"
                     r"dozens?|percent|doubled|tripled|quadrupled|halved|fold|several|few)\b", re.I)
# Words that give a reason. "Thus", "therefore", "consequently" and a leading "As a result" are
# not among them: they introduce a consequence ("... withdrew their advisors. Thus, the Leap
# weakened China's partnership"), which answers why something else happened.
_CAUSE = re.compile(r"\b(because|due to|owing to|as a result of|result(ed|s)? (in|from)|led to|lead to|"
                    r"leading to|in order to|so that|caus(e|ed|es|ing)|reasons?|since|"
                    r"aimed? (to|at)|intended|sought|in response to|motivat\w*|driven by|"
                    r"fear(ed|ing)?|to (avoid|prevent|ensure|secure|increase|reduce|gain))\b", re.I)
_NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z][\w'’\-]*")


# "When the election produced a majority, what was it the first of?": a clause opened by "when"
# sets the scene; the question is the clause after the comma.
_WHEN_CLAUSE = re.compile(r"^\s*when\b[^,?]*,\s*(?=(what|who|whom|which|how|where|why)\b)", re.I)


# "How far did the Parthian Empire stretch?" / "... which stretched from eastern Anatolia to
# Afghanistan": how far something reaches in space is said by the places it reaches ("from A to B"),
# not by a figure; "How far did the stock fall?" asks a figure. English verbs of extent.
_HOW_FAR_IT_REACHES = re.compile(r"^\s*how\s+far\s+(did|does|do|had|has|have|was|were|is|are|could|would|will)\b"
                                 r"[^?]*\b(stretch|extend|reach|spread)(es|ed|s|ing)?\b", re.I)


def expected_kind(question: str) -> str | None:
    """The kind of answer `question` asks for, or None when any statement may answer it."""
    question = _WHEN_CLAUSE.sub("", question)
    if _HOW_FAR_IT_REACHES.search(question):
        return PLACE
    for kind, cue in _CUES:
        if cue.search(question):
            if kind == EXPLANATION and _ATTRIBUTE.search(question) and not _INSTRUCTED.search(question):
                return PERSON if re.match(r"\s*who\b", question, re.I) else None
            return kind
    return None


_INSTRUCTED = re.compile(r"^\s*(explain|describe|define|outline|summari[sz]e|discuss)\b", re.I)


def instructs(question: str) -> bool:
    """Whether the question is an instruction to explain ("explain X", "describe X"), not "What is X?"."""
    return bool(_INSTRUCTED.search(question))


def cue_text(question: str) -> str:
    """The words of the question that only say what kind of answer is wanted ("stand for",
    "abbreviation", "what year", "dates", "reasons"): a sentence that answers need not hold them.
    A list's words stay ("What were the key features...?" is answered by "Key features included:")."""
    question = _WHEN_CLAUSE.sub("", question)
    # "what's another name for polio?": "another" only says a name other than the one given is
    # asked; the word is no topic ("Another important advance was ..." held it, ans31).
    other_name = [m.group(1) for m in _OTHER_NAME.finditer(question)]
    for kind, cue in _CUES:
        # "What does windhandel mean?": the words around the term are the cue, not the term itself
        # (the sentence that answers holds it).
        found = [_without_term(m) for m in cue.finditer(question)]
        if found:
            return " ".join(other_name if kind in (LIST, EXPLANATION, PERSON) else found + other_name)
    return " ".join(other_name)


# Asked for ("another name for polio", "another term for rotors"), not a means ("use a makefile with
# a different name"). ("Other" is a stopword already; "alternative" may be the notes' own word.)
_OTHER_NAME = re.compile(r"\b(another)\s+(?:common\s+)?(?:term|name|word)\s+(?:for|of)\b", re.I)


# "Which city ...?", "What country ...?", "In which town ...?": a polity (a city, a town, a country), not
# a region nor a river; the answer names one as the parse knows it (spaCy's GPE) or in English's words for
# one (`answering._names_a_polity`).
POLITY_WORD = re.compile(r"\b(cit(y|ies)|towns?|countr(y|ies)|villages?|capitals?|nations?)\b", re.I)
_ASKS_A_POLITY = re.compile(r"\b(what|which)\s+" + POLITY_WORD.pattern, re.I)


def asks_a_polity(question: str) -> bool:
    """Whether the question asks which city, town, village, capital or country (`_ASKS_A_POLITY`)."""
    return bool(_ASKS_A_POLITY.search(question))


def asks_another_name(question: str) -> bool:
    """Whether the question asks another name of something it names (`_OTHER_NAME`)."""
    return bool(_OTHER_NAME.search(question))


def _without_term(match: re.Match) -> str:
    term = match.groupdict().get("term")
    if not term:
        return match.group()
    start, end = match.start("term") - match.start(), match.end("term") - match.start()
    return match.group()[:start] + match.group()[end:]


def has_kind(text: str, kind: str | None, question: str = "") -> bool:
    """Whether `text` holds what a question of this kind asks for (True for kinds not checked)."""
    if kind == DATE:
        return _new_match(_DATE, text, question) or bool(_HABITUAL_WHEN.match(question) and (
            _TEMPORAL_CLAUSE.search(text) or _CONDITION_CLAUSE.search(text) or _AN_AGE.search(text)))
    if kind == NUMBER:
        return _new_match(_NUMBER_WORD, text, question, years=bool(_YEARS_ANSWER.search(question)))
    if kind in (PERSON, PLACE):
        return holds_a_name(text, question)
    return True


# "When does a community distribution publish a new version?", "When are intrusions first noticed?":
# a when-question in the present asks what a thing does each time, and is answered by the
# circumstance ("new versions are released when they are stable", "are often not detected until
# they have direct consequences"), which no date pattern finds. English's temporal conjunctions.
_HABITUAL_WHEN = re.compile(r"\s*when\s+(do|does|is|are|can|should|must|will|would)\b", re.I)
_TEMPORAL_CLAUSE = re.compile(r"\b(when|whenever|until|till|once|as soon as|as long as|before|after)\s+"
                              r"(?!(?:the|a|an)\s+\d)\w", re.I)

# ... or by the condition it does it on: "When does make decide a target needs rebuilding?" / "If a
# prerequisite is newer than the target, make assumes that the target must be rebuilt." English's
# conditional conjunctions, opening a clause.
_CONDITION_CLAUSE = re.compile(r"\b(if|unless)\s+(?!(?:any|so|not|necessary|needed|possible|required)\b)\w", re.I)
# ... or by the age it is done at: "When should children get their first MMR dose?" / "First dose at 12
# through 15 months of age".
_AN_AGE = re.compile(r"\b\d+(?:\s*(?:-|–|to|through)\s*\d+)?\s+(?:months?|years?|weeks?)\s+(?:of\s+age|old)\b|"
                     r"\b(?:at|from|by|after|before|until)\s+(?:the\s+)?age\s+(?:of\s+)?\d+", re.I)

_NUMBER_WORD = re.compile(_NUMBER.pattern.replace(r"\d|", r"\d[\d,.]*|", 1), re.I)
_YEAR = re.compile(r"^(1\d\d\d|20\d\d)s?$")
_COUNT = re.compile(r"\bhow many\b(?!\s+(years|decades|centuries)\b)", re.I)
# "How much was Maryland's tax on the bank's notes?" / "In 1818 the state of Maryland passed a law
# taxing all banks ...": an amount, a size, a rate or a share is not a year; only a length of time
# ("How long did the war last?" / "from 1939 to 1945", "How old ...?", "how many years") may be
# given by years. (A count ignored years already, `_COUNT`; the other figure cues did not: ans32.)
_YEARS_ANSWER = re.compile(r"\bhow (long|old)\b|\bhow many (years|decades|centuries)\b", re.I)


def _new_match(pattern: re.Pattern, text: str, question: str, years: bool = True) -> bool:
    """Whether `text` holds what `pattern` finds other than what the question itself gives
    ("How many of the 352 votes ...?" is not answered by "352 votes"), and, for a count
    (`years` False), other than a bare year ("the 1758 campaign" counts nothing)."""
    if not question:
        return bool(pattern.search(text))
    asked = {m.group().lower().rstrip(".,") for m in pattern.finditer(question)}
    for m in pattern.finditer(text):
        found = m.group().lower().rstrip(".,")
        if found in asked or (not years and _YEAR.match(found)):
            continue
        return True
    return False


# A year inside a name ("the Tariff Act of 1930", "the War of 1812", "the 1964 Act") names the thing, and
# dates the sentence's event only when the sentence says the event: "The Tariff Act of 1930 ... was a law
# that implemented protectionist trade policies" was the answer to "when was the act signed?" while "Hoover
# signed the bill into law on June 17, 1930" was there (ans31; `answering._dated_where_its_verb_is`). Not
# read by `has_kind`: "HMS Dreadnought of 1905", "the Warsaw Uprising of 1944" date what the pool asks.
# A capitalised word, "of" and the year; or "the", the year and a capitalised word. Not "in 1930 Congress
# ..." nor "the 1930s".
_NAMED_YEAR = re.compile(r"(\b[A-Z][\w'’–-]* of )(1\d\d\d|20\d\d)\b(?![–-]\d)|"
                         r"(\b[Tt]he )(1\d\d\d|20\d\d)(?= [A-Z][a-z])")


def without_named_years(text: str) -> str:
    """`text` with each year inside a name (`_NAMED_YEAR`) put out of the date's reach."""
    return _NAMED_YEAR.sub(lambda m: (m.group(1) or m.group(3)) + "#", text)


# "When may a licence restrict ...?", "When should a country name be part of ...?": asked in the
# present or with a modal, "when" asks under what condition ("only if ...", "unless ..."), not for a
# date; "Can Kalzium show which elements had been discovered by a particular year?" asks yes or no.
_CONDITION_WHEN = re.compile(r"\s*when\s+(do|does|is|are|can|could|should|must|will|would|may|might|shall)\b", re.I)
_YES_NO = re.compile(r"\s*(can|could|does|do|did|is|are|was|were|will|would|should|has|have|had|may|must)\b", re.I)


def asks_for_a_figure(question: str, kind: str | None) -> bool:
    """Whether the question asks for a figure or a date that only a sentence holding one gives:
    "How large ...?", "In which year ...?", "When was ...?", not a condition or a yes or no."""
    if kind not in (NUMBER, DATE) or _YES_NO.match(question):
        return False
    return kind == NUMBER or not _CONDITION_WHEN.match(question)


# "What port does the SSH server listen on by default?", "What is the default length of the grace
# period?", "What default shell does chsh assign?": the question asks for the value a setting takes
# when nobody sets it. Not "Why is X11 forwarding disabled by default?" (asks a cause: the default is
# given) nor "How do I change the default ...?" (asks a way), nor "the default" named as a given
# ("an alternative to the default full ANOVA table", "Must default argument values be constants?").
_ASKS_DEFAULT = re.compile(r"\bby default\b|\b(in|with) (its|the|a) default (configuration|settings?|set-?up|"
                           r"installation)\b|^\s*(what|which)\s+((is|are|was|were)\s+)?(the\s+)?default\b", re.I)
_ASKS_A_WAY = re.compile(r"^\s*(why|how come|how (do|can|could|should|would|might|may|does|did|is|are)\b)", re.I)
# How notes say what holds when nothing is set: "By default all forces are turned off", "treatment
# contrasts (R's default)", "if they are omitted the values are ...", "unless otherwise specified".
_GIVES_DEFAULT = re.compile(r"\bdefault(s|ed)?\b|\bif (it is |they are |this is )?(omitted|unspecified|not "
                            r"(given|specified|set|supplied))\b|\bunless otherwise\b|\bout of the box\b", re.I)


def asks_for_a_default(question: str) -> bool:
    """Whether the question asks for the value something takes when not set (`_ASKS_DEFAULT`)."""
    return bool(_ASKS_DEFAULT.search(question)) and not _ASKS_A_WAY.match(question)


def gives_a_default(text: str) -> bool:
    """Whether a sentence says what holds when nothing is set (`_GIVES_DEFAULT`)."""
    return bool(_GIVES_DEFAULT.search(text))


# A month in a date ("on January 15, 1963", "on 3 May 1947") and a day of the week name a time, not
# the person or place a who- or where-question asks ("The case was argued on January 15, 1963" held
# no one for "Who argued Gideon's case?", ans28). English's calendar words, not a course's.
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_DATE_NAMES = re.compile(rf"\b{_MONTH}(?=\s+\d)|(?<=\d\s){_MONTH}\b|"
                         r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")


# English's closed classes (articles, pronouns, prepositions, conjunctions, auxiliaries, question
# words): capitalised inside a sentence only where a break was lost ("... after the appearance of
# the rash This is important ...", a table's cells joined; "the following: The ..."), never a name.
_CLOSED_CLASS = STOPWORDS - frozenset("""will may won let us s t don didn doesn isn wasn weren aren wouldn couldn
    shouldn explain describe tell give list name please happen happened happens occur occurred occurs""".split())


def new_names(text: str, question: str) -> list[str]:
    """Capitalised words of `text` (not opening it) that the question does not use."""
    asked = {w.lower() for w in re.findall(r"[\w'’\-]+", question)}
    return [m.group() for m in _NAME.finditer(text) if m.group().lower() not in asked]


def holds_a_name(text: str, question: str) -> bool:
    """Whether `text` names someone or somewhere the question does not: a new capitalised word
    (`new_names`) outside English's closed classes (`_CLOSED_CLASS`)."""
    return any(n.lower() not in _CLOSED_CLASS for n in new_names(_DATE_NAMES.sub("date", text), question))


def gives_a_cause(text: str) -> bool:
    return bool(_CAUSE.search(text))


# A cause told without a cause word, in the sentence after the event a why-question names: what
# had happened before it ("Ashworth Mill closed in 1921. Cheap yarn from Bombay had taken its
# markets."), or a state that made it happen ("The ferry stopped running. Motor buses were faster
# and cheaper.", "Its classrooms could no longer hold the children."). Read in the sentence's
# main clause only, before any comma or relative pronoun: "The world price, which had peaked ..."
# and "the oil that each had consumed in 1972" tell no cause. A sentence carrying the story on
# ("The building was later converted into flats") is no cause, whatever its verbs.
_PAST_PARTICIPLE = (r"(been|become|\w+ed|\w+en|\w+wn|run|made|lost|left|kept|brought|bought|fought|thought|"
                    r"sold|told|built|won|begun|come|done|gone|spent|sent|set|cut|put|met|held|led|paid|"
                    r"said|found|got|grown|shrunk|sunk|struck|hit|dried|dwindled)")
_EXPLAINS = re.compile(
    r"^(?!.*\b(later|then|afterwards|subsequently|eventually|thereafter|next|finally)\b)"
    r"(?:(?!\b(which|that|who|whom|whose|where|when|while|after|before|until)\b)[^,;:()])*?\b("
    rf"had\s+((not|never|already|long|also|just|largely|mostly)\s+)?{_PAST_PARTICIPLE}|"
    r"could\s+(not|no\s+longer)|(was|were)\s+unable|no\s+longer|too\s+\w+\s+to|lacked|"
    r"(was|were|had\s+become)\s+(much\s+|far\s+)?(more\s+\w+|less\s+\w+|(?!never|over|under|either|rather|"
    r"together|whether|neither|other|further|after|later|hither|thither)\w{2,}er)\b)", re.I)


def explains(text: str) -> bool:
    """Whether a sentence after an event gives its cause without a cause word (`_EXPLAINS`)."""
    return not gives_a_cause(text) and bool(_EXPLAINS.search(text))


# "Which pier was not rebuilt in stone?", "What was the governor incapable of doing?": a question
# about what did not happen, or could not, is answered by a sentence saying so ("The south pier
# was never rebuilt", "The governor could not actually hold a set speed"), which shares the
# question's words no more than the sentences telling what did happen. The question's "not" is
# no word the search weighs, so the negation is read here. Not the other way round: a question
# without one does not put a sentence with one lower (on the development pool, -12 to -22 first
# sentences for +9 to +10: most such sentences negate something else; bench/RESULTS.md 6u).
_NEGATED_QUESTION = re.compile(r"\b(not|never|unable|incapable|fail(ed|s)?|refus(e|ed|es)|nor|neither|"
                               r"lack(ed|s)?)\b|n['’]t\b", re.I)
_NEGATION = re.compile(r"\b(not|never|no|nobody|nothing|none|nowhere|unable|incapable|fail(ed|s|ure)?|"
                       r"refus(e|ed|es|al)|without|nor|neither|lack(ed|s|ing)?|only|instead|no longer)\b|n['’]t\b",
                       re.I)


def negates(question: str) -> bool:
    """Whether the question asks about what did not happen (`_NEGATED_QUESTION`)."""
    return bool(_NEGATED_QUESTION.search(question))


def says_not(text: str) -> bool:
    """Whether a sentence says that something did not happen, or only in part (`_NEGATION`)."""
    return bool(_NEGATION.search(text))


# "What is another term for rotors?", "What was the first Internet2 network named?": a question
# asking what something is called is answered where the notes give a name right after its words
# ("rotors (rotating discs)", "the first Internet2 Network, called Abilene": sentences.
# _names_what_was_asked), which shares the question's words no more than the sentences telling what
# the thing does. Not "called for" / "called on" (asking someone to act) or "named after". Nor only
# the words "called" or "name of": "What was William Johnson's Iroquois name?", "What Chinese-style
# name did Rinchinbal use?", "What was the Chinese name for ...?" ask one too (session 24).
_ASKS_A_NAME = re.compile(r"\b(called|named|known as|referred to as|termed|dubbed|nicknamed)\b(?!\s+(for|on|upon|off|after)\b)|"
                          r"\b(another|other|common|different) (term|name|word)s?\b|\bterm for\b|"
                          r"\bother way of (referring|saying)\b|\bwhat (is|was|were|are) the names? (of|for)\b|"
                          r"['’]s\s+([\w-]+\s+)?(nick)?name\b|"
                          r"\b(what|which)\s+((is|was|are|were)\s+(the|its|his|her|their)\s+)?([\w-]+\s+)?(nick)?names?\b|"
                          # "What was Temur Khan's Chinese-style name?", "What was the Chinese name for the
                          # Central Secretariat?", "What was Isiah Bowman's nick name?": a name the question
                          # ends on, or a name for something it names
                          r"\bnick ?names?\b|\bnames? for\b|\bnames?\s*[?.]?\s*$", re.I)


def asks_a_name(question: str) -> bool:
    """Whether the question asks what something is called (`_ASKS_A_NAME`)."""
    return bool(_ASKS_A_NAME.search(question))


# "What was Warsaw's population in 1901?", "How many students enrolled in 2007?": a figure the
# question gives (a year, a count) says which of the notes' statements it asks about. A sentence
# holding it ("According to the 1901 census, out of 711,988 inhabitants ...") answers before one
# closer in meaning about another time ("Warsaw's prewar Jewish population ..."): the model's
# cosine reads figures poorly. The figure as written, not inside a longer one.
_FIGURE = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)*(?![\w])")


def figures_given(question: str) -> tuple[str, ...]:
    """The figures a question gives, as written ("1901", "2,500", "3.5")."""
    return tuple(m.group() for m in _FIGURE.finditer(question))


# "The Vikings raided Lindisfarne in 793": a year of three digits, which `_DATE` does not read as
# one (four digits or an era), after a word that places it in time.
_PLACED_YEAR = re.compile(r"\b(in|since|until|till|before|after|around|about|by|circa|c\.)\s+(\d{3,4})\b", re.I)


# "In 1913, the day before Woodrow Wilson's inauguration, ...": a day placed by an event, which
# answers "When did the 1913 parade take place?" when the question gives the year itself.
_RELATIVE_DAY = re.compile(r"\b(the|a|one|two|three|four|five|six|seven|several|few|\d+)\s+(days?|weeks?|months?|"
                           r"nights?|mornings?|evenings?)\s+(before|after)\s+(?!(the|a|an)\s+\d)"
                           r"(?!(was|were|is|are|had|has|and|or)\b)\w", re.I)


def relative_day(text: str) -> bool:
    """Whether `text` places something a day, a week or a month before or after an event (`_RELATIVE_DAY`)."""
    return bool(_RELATIVE_DAY.search(text))


def placed_year(text: str, question: str) -> bool:
    """Whether `text` holds a year placed in time (`_PLACED_YEAR`) that the question does not give."""
    asked = set(figures_given(question))
    return any(m.group(2) not in asked for m in _PLACED_YEAR.finditer(text))


def holds_figures(text: str, figures: tuple[str, ...]) -> bool:
    """Whether `text` holds every one of `figures`, each as a whole figure (not "1901" in "19015")."""
    found = {m.group() for m in _FIGURE.finditer(text)}
    return bool(figures) and all(f in found for f in figures)


# "How do I activate it?", "How can you sort a list in reverse?", "How to import a module?", "What
# command creates ...?", "What do I type to ...?", "Show me an example of ...": asked for what to type
# or write, which technical notes give as code after a lead-in ("On Windows, run:").
_HOW_TO = re.compile(r"^\s*how (do|does|can|could|should|would|might|may|will) (i|you|we|one|they|someone)\b|"
                     r"^\s*how to\b|\b(what|which) (command|commands|code|syntax|statement|call|"
                     r"expression|line|invocation)\b|\bwhat (do|should|must|can) (i|you|we|one) "
                     r"(type|run|write|enter|use|call|import)\b|^\s*(show|give)( me)?( an?)? (example|code)\b|"
                     r"\b(an? )?example of\b", re.I)


# "What was Old Briton's response to Celeron?", "How did Saint-Pierre respond to Washington?", "When a
# commission reached no decision, what happened?": the question asks what came after an event it
# names. Notes tell the event, which holds the question's words, and then, in the sentence after
# it, what followed ("Céloron threatened "Old Briton" ..." / ""Old Briton" ignored the warning.").
_ASKS_WHAT_FOLLOWED = re.compile(r"\b(respond(s|ed)?|react(s|ed)?|repl(y|ies|ied))\b|"
                                 r"\b(response|reaction)s?\s+(to|of|from)\b|['’]s\s+(response|reaction)\b|"
                                 r"\bwhat\s+(happened|happens|happen|followed|follows)\b", re.I)


def asks_what_followed(question: str) -> bool:
    """Whether the question asks what came after an event it names (`_ASKS_WHAT_FOLLOWED`)."""
    return bool(_ASKS_WHAT_FOLLOWED.search(question))


# "What key pastes the tmux buffer?", "Which option does a dry run?", "which flag sets the
# User-Agent", "What is tmux's default prefix key?": asked for the key or the option itself, which
# technical notes show as typed (a code span or block). The asked noun is followed by the verb of
# its clause (an auxiliary or a verb's -s), "to" or nothing: not "Which key style does tmux use ...?",
# which asks a style.
_TYPED = r"(keys?|key ?strokes?|shortcuts?|key bindings?|commands?|options?|flags?|switch(es)?)"
_WHAT_TO_TYPE = re.compile(r"\b(what|which) " + _TYPED + r"\b(?=\s*(\?|$|to\b|(does|do|did|is|are|was|were|should|"
                           r"would|can|could|will|must|has|have)\b|[a-z]+s\b))|"
                           r"^\s*what (is|are|was|were)\b[^?]*\b" + _TYPED + r"\s*\??\s*$", re.I)


def asks_what_to_type(question: str) -> bool:
    """Whether the question asks for a key, a command or an option itself (`_WHAT_TO_TYPE`)."""
    return bool(_WHAT_TO_TYPE.search(question))


def asks_how_to(question: str) -> bool:
    """Whether the question asks how to do something, or for the command or code that does it
    (`_HOW_TO`): a lead-in with its code block answers it."""
    return bool(_HOW_TO.search(question))


def answers_when_in_words(text: str) -> bool:
    """Whether a sentence places something in time by a temporal clause rather than a date ("...
    leaked to France well before Braddock's departure", "only became supportive when Germany started
    to build ..."): an answer to "when" without the date pattern `has_kind` reads."""
    return bool(_TEMPORAL_CLAUSE.search(text))


# "How many original treaties protected fundamental rights?" / "None of the original treaties ...
# mention ...": a count of nought said in words, which no figure pattern reads.
_NONE_OF = re.compile(r"\b(none of|not one|not a single|neither of)\b", re.I)


def counts_none(text: str) -> bool:
    """Whether a sentence gives a count of nought in words (`_NONE_OF`)."""
    return bool(_NONE_OF.search(text))


# "Which intermolecular force is the weakest?", "Which repulsion is the strongest?": the one at an end
# of an order the notes give as a chain, "London dispersion < dipole-dipole < hydrogen bonding"
# (ansdev24). A chain of words, not of figures or code ("0 < x < 10").
# "the" and an adjective's superlative; nouns ending so are not ("the interest", "the forest").
_SUPERLATIVE = re.compile(r"\bthe\s+(most|least|best|worst|(?!(?:inter|for|requ|cont|harv|prot|arr|conqu|dig|inqu|"
                          r"bequ|beh|manif|pri|earn|hon|mod)est\b)[a-z]{3,}est)\b", re.I)
_ORDER_CHAIN = re.compile(r"[A-Za-z][\w'’-]*(?:\s+[\w'’-]+){0,4}\s+([<>])\s+[A-Za-z][\w'’-]*(?:\s+[\w'’-]+){0,4}"
                          r"\s+\1\s+[A-Za-z]")


def asks_an_end_of_an_order(question: str) -> bool:
    """Whether the question asks for the most or the least of something ("the weakest", "the most common")."""
    return bool(_SUPERLATIVE.search(question))


def gives_an_order(text: str) -> bool:
    """Whether the text ranks things as a chain: "A < B < C", "lone pair-lone pair > lone pair-bond pair > ..."."""
    return bool(_ORDER_CHAIN.search(text))



# "What fraction of Europe's people were killed?": a share, which a count ("75 to 200 million
# deaths") does not give: a percentage, a fraction in words or "one in N".
_ASKS_A_SHARE = re.compile(r"\b(what|which)\s+(percentage|proportion|share|fraction|per\s?cent|part)\b", re.I)
_SHARE = re.compile(r"%|\bper\s?cent\b|\bpercentage\b|\b(half|halves|thirds?|quarters?|fifths?|tenths?)\b|"
                    r"\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+(in|out of|per)\s+(every\s+)?"
                    r"(\d+|two|three|four|five|six|seven|eight|nine|ten|hundred|thousand)\b", re.I)
# "How long did it take ...?", "How old is the oldest ocean crust?": a length of time (or of space)
# in units, which a figure counting something else ("450 million", "two further observations")
# does not give. English units of time and length.
# "At what age ...?", "How tall / high / wide / deep / far ...?" and "how big" ask a span as well.
_ASKS_A_SPAN = re.compile(r"^\s*(how\s+(long|old|tall|high|wide|deep|far|big)\b|at\s+what\s+age\b)", re.I)
_SPAN = re.compile(r"(\d[\d,.]*|\b(a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|"
                   r"thirty|forty|fifty|sixty|hundred|few|several|many))(\s*[-–]\s*\d[\d,.]*)?"
                   r"(\s+(hundred|thousand|million|billion))?\s*(seconds?|minutes?|hours?|days?|weeks?|"
                   r"months?|years?|decades?|centuries|century|millennia|generations?|km|kilomet(re|er)s?|"
                   r"miles?|met(re|er)s?|m|cm|mm|feet|foot|ft|inch(es)?)\b", re.I)
# "What was the land tax rate set in 1873?", "What new gold price was set ...?", "What is the size of
# the school's endowment?": a measured value, given as a figure, though no figure cue ("how many")
# is asked. English nouns of measure, as the thing asked ("what was the ... rate", "what ... price was"),
# not a noun elsewhere in the question ("What park covers an area of 76 ha?").
_VALUE_NOUN = (r"(price|rate|cost|fee|salary|wage|temperature|speed|size|population|length|height|width|depth|"
               r"distance|weight|mass|area|budget|revenue|income|sum|total|amount)s?")
# "What's the death rate ...?" and "whats the ..." contract "what is"; "What interest rate would the
# government pay ...?" asks it with a modal auxiliary (ans29).
_ASKS_A_VALUE = re.compile(rf"^\s*(?:(what|which)\s+(is|was|are|were)|what['’]?s)\s+(the|a|an|its|their)\s+((?!of\b)[\w'’-]+\s+){{0,3}}?{_VALUE_NOUN}\b|"
                           rf"^\s*(what|which)\s+((?!of\b)[\w'’-]+\s+){{0,3}}?{_VALUE_NOUN}\s+(is|was|are|were|did|does|do|has|had|have|"
                           rf"will|would|can|could|shall|should|may|might|must)\b",
                           re.I)


def form_asked(question: str, kind: str | None):
    """A test of the form of value the question asks for, finer than its kind, or None: a share for
    "What fraction ...?" (`_SHARE`), a span in units for "How long/old ...?" (`_SPAN`), a figure for
    a measured value asked without a figure cue ("What was the tax rate ...?"), the chain of an
    order for "Which ... is the strongest?" (`gives_an_order`)."""
    if _YES_NO.match(question):
        return None
    if _ASKS_A_SHARE.search(question):
        return lambda text: bool(_SHARE.search(text))
    if _ASKS_A_SPAN.match(question) and not _HOW_FAR_IT_REACHES.search(question):
        return lambda text: bool(_SPAN.search(text))
    if kind is None and _ASKS_A_VALUE.search(question):
        return lambda text: _new_match(_NUMBER_WORD, text, question)
    if kind is None and asks_an_end_of_an_order(question):
        return gives_an_order
    return None


# "How many prefectures were created ...?" counts prefectures: "... into three urban prefectures (fu)
# and 302 prefectures (ken)" gives the count, where "It happened in three stages" gives a figure of
# something else, and a section's "7." or a year another.
_COUNTED_AFTER = 3  # words between a figure and what it counts ("12 Federal Reserve Banks")
_FIGURE_WORDS = frozenset(NUMBER_WORDS) | {"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty",
                                           "ninety", "hundred", "hundreds", "thousand", "thousands", "million",
                                           "millions", "billion", "billions", "dozen", "dozens"}
_HOW_MANY = re.compile(r"\bhow many\b(.*)", re.I)


@lru_cache(maxsize=256)
def _counted(question: str) -> tuple[frozenset[str], frozenset[str]]:
    """The stems of what a how-many question counts (its words after "how many", up to the first
    function word: "regional reserve banks", "people died"), and the figures it gives itself."""
    found = _HOW_MANY.search(question)
    if not found:
        return frozenset(), frozenset()
    asked = []
    for word in words(found.group(1)):
        if word in STOPWORDS or len(asked) == _COUNTED_AFTER:
            break
        asked.append(word)
    return frozenset(tokenize(" ".join(asked))), frozenset(w for w in words(question) if _is_figure(w))


def _is_figure(word: str) -> bool:
    return word.isdigit() or word in _FIGURE_WORDS


def asks_a_count(question: str) -> bool:
    """Whether the question asks how many of something there are or were (not how many years)."""
    return bool(_COUNT.search(question))


# Words after a figure that make it part of a larger figure, a fraction or a share ("two-thirds of",
# "350,000", "36 out of the 37"), not a noun it counts.
_FIGURE_TAIL = frozenset({"half", "halves", "third", "thirds", "quarter", "quarters", "fifth", "fifths", "tenth",
                          "tenths", "percent", "per", "cent", "times", "fold"})


def counts_something_else(text: str, question: str) -> bool:
    """Whether every figure of `text` (not a year, not one the question gives) stands right before a
    noun, and none of the words after it ("63 Boston merchants") is what the how-many question counts:
    "the two surface proteins" for "How many neuraminidase subtypes are there?" (ans32). A figure
    followed by a function word ("36 out of the 37 states", "to 33 in 2018", "two of the fifty-four
    regents") may count what is asked, and so may one ending the sentence."""
    counted, given = _counted(question)
    if not counted:
        return False
    tokens = words(text)
    figures = [i for i, w in enumerate(tokens) if _is_figure(w) and w not in given and not _YEAR.match(w)]
    if not figures:
        return False
    for i in figures:
        after = tokens[i + 1] if i + 1 < len(tokens) else ""
        if (not after or after in STOPWORDS or _is_figure(after) or after in _FIGURE_TAIL
                or any(counted & set(tokenize(w)) for w in tokens[i + 1:i + 1 + _COUNTED_AFTER])):
            return False
    return True


def counts_what_is_asked(text: str, question: str) -> bool:
    """Whether `text` gives a figure right before what a how-many question counts ("302
    prefectures", "the 12 Federal Reserve Banks"), other than a year or a figure the question gives."""
    counted, given = _counted(question)
    if not counted:
        return False
    tokens = words(text)
    for i, word in enumerate(tokens):
        if not _is_figure(word) or word in given or _YEAR.match(word):
            continue
        after = tokens[i + 1:i + 1 + _COUNTED_AFTER]
        if any(counted & set(tokenize(w)) for w in after):
            return True
    return False


# "What is the difference between A and B?", "How does A differ from B?", "What is A and how does it
# differ from B?", "How is A different from B?": a question asking how two things differ.
_SIDES_END = r"\s*(?:\?|$)"
_COMPARED = (
    re.compile(r"\bdifferences?\s+between\s+(?P<a>.+?)\s+and\s+(?P<b>.+?)" + _SIDES_END, re.I),
    re.compile(r"^\s*what\s+(?:is|are|was|were)\s+(?P<a>.+?)\s*,?\s+and\s+how\s+(?:does|do|did|is|are|was|were)\s+"
               r"(?:it|they)\s+(?:differ|different)\s+from\s+(?P<b>.+?)" + _SIDES_END, re.I),
    re.compile(r"^\s*how\s+(?:does|do|did|is|are|was|were)\s+(?P<a>.+?)\s+(?:differ|different)\s+from\s+(?P<b>.+?)"
               + _SIDES_END, re.I),
)
# What follows the second thing and belongs to both ("= and := for make variables", "France ... from
# Britain in managing its colonies").
_SHARED_TAIL = re.compile(r"\s+(?:for|in|on|at|with|under|during|when|while|as|about|regarding)\s+.*$", re.I)


def compared_pair(question: str) -> tuple[str, str] | None:
    """The word that tells each of two compared things from the other, when the question asks how
    they differ: the first stem of each side that the other side lacks ("type 1 and type 2 diabetes":
    "1", "2"; "a grand jury and a trial jury": "grand", "trial"). None when the question compares
    nothing or one side has no word of its own ("= and :=")."""
    for pattern in _COMPARED:
        found = pattern.search(question)
        if not found:
            continue
        a, b = found.group("a"), _SHARED_TAIL.sub("", found.group("b"))
        sa, sb = tokenize(a), tokenize(b)
        own_a = [s for s in sa if s not in sb]
        own_b = [s for s in sb if s not in sa]
        if own_a and own_b:
            return own_a[0], own_b[0]
        return None
    return None
