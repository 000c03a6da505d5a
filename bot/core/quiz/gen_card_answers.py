"""Cards whose answer a teacher would not ask a class to recall, by the form of the question and answer.

- A pointer to another text: the question asks for a book, reference or guide ("What is the most complete
  book on regular expressions?" -> "Jeffrey Friedl's Mastering Regular Expressions", held-out round 14:
  drop, "trivia ... not something a regex course should test"), or the answer is only an identifier ("RFC
  2616", round 15: borderline twice, "recall of a document number ... citation trivia"; "2.x and 3.x.",
  rounds 14 and 15: borderline, "version labels ... near-trivial").
- A list of examples as the answer: "Basic curses features as well as many additional functions from
  ncurses and SYSV curses such as colour, alternative character set support, pads, and mouse support."
  (round 15: borderline, "a long verbatim feature list that is hard to recall and grade"); "Due to its
  favourable properties, such as non-toxic and unreactive chemistry, abundance, low cost, ..." (rounds
  12 and 14: borderline, drop). What the examples illustrate is the answer, and it is too vague alone.

- What a thing may hold: "What can a module contain?" -> "Executable statements as well as function
  definitions." (rounds 14 and 15: borderline, "open-ended: a student might reasonably answer 'functions,
  classes and variables'"). "X can contain Y" names some of what X may hold, so no answer is the one answer.

- An open list: the answer ends "and so on", "etc." or "among others" ("What do option boards include?" ->
  "Graphics cards, sound cards, network interface cards, and so on.", round 18: borderline, "only an open
  list of examples ending in 'and so on', so it is hard to mark"): the notes name some members and say
  there are more, so no answer is the one answer.

- The name asked, said again: "What does the standard module random implement?" -> "A random number
  generator." (round 18: borderline, "can be guessed from the name alone"): a card on what a named module,
  function, class or program does whose short answer (MAX_NAME_ECHO_WORDS content words) holds the name
  whole tells the student nothing the question did not. "Functions for implementing heaps based on regular
  lists" for heapq (kept) does not hold the name and says more.

The question and answer are read as plain text (no parse): each rule is about their form.
"""

from __future__ import annotations

import re

from bot.core.tokens import STOPWORDS

# "What is the most complete book on ...", "Which is the best guide to ...": a superlative (or "standard",
# "definitive") work of reference. Not "source" or "text" (a source of energy, a text's clause).
_REFERENCE_WORK = re.compile(
    r"^(?:What|Which)\s+(?:is|are|was|were)\s+the\s+(?:\w+\s+){0,2}?"
    r"(?:most\s+\w+(?:\s+and\s+\w+)?|best|standard|definitive|canonical|\w+est)\s+"
    r"(?:book|textbook|reference|guide|manual|handbook|introduction|tutorial|documentation|specification)s?\b",
    re.IGNORECASE)
_CODE = re.compile(r"^[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*$")  # RFC, ISO, PEP, CC-BY-SA
_VERSION = re.compile(r"^v?\d+(?:\.(?:\d+|x))+$")  # 2.x, 3.11, v1.2.0
_NUMBER = re.compile(r"^\d+$")
# "such as a, b, c and d", "including a, b and c", "e.g. a, b, c": examples after the answer proper.
_EXAMPLES = re.compile(r"\b(?:such as|including|like|e\.g\.,?|for example,?|for instance,?)\s+(?P<list>[^.;:]+)",
                       re.IGNORECASE)
# "What can X contain?", "What may a hive hold?": possibility and holding; not "What can the pydoc module create?"
_MAY_HOLD = re.compile(r"^What\s+(?:can|may|could|might)\s+.+\s+(?:contain|include|hold|have|store|carry)\?$",
                       re.IGNORECASE)
# A comma and a word opening a clause or a participle phrase ends a list of examples.
_LIST_ENDS = re.compile(r",\s*(?:except|which|where|when|while|whereas|although|because|unless|followed)\b",
                        re.IGNORECASE)
MIN_EXAMPLES = 3  # two examples read as a pair ("such as lists and dicts"); three or more are a list to recite


def points_elsewhere(prompt: str, answer: str) -> bool:
    """The card asks for a work of reference, or its answer is an identifier and nothing else: a code
    with a number ("RFC 2616", "PEP 8") or version labels ("2.x and 3.x"). A year alone is not one (the
    year items are asked and capped elsewhere), nor a name in capitals ("NATO and the EU")."""
    if _REFERENCE_WORK.search(prompt.strip()):
        return True
    words = [w.strip(".,;:()\"'“”") for w in answer.split()]
    words = [w for w in words if w and w.lower() not in STOPWORDS]
    if not words or not all(_CODE.match(w) or _VERSION.match(w) or _NUMBER.match(w) for w in words):
        return False
    has_version = any(_VERSION.match(w) for w in words)
    return has_version or any(_CODE.match(w) for w in words) and any(_NUMBER.match(w) for w in words)


def lists_examples(answer: str) -> bool:
    """The answer ends in a list of MIN_EXAMPLES or more examples ("such as colour, pads, and mouse support")."""
    for found in _EXAMPLES.finditer(answer):
        # "used like cp, except that any path ... is prefixed with ..., followed by a colon": a clause
        # after the comma goes on about the thing, so the likeness is one word, not a list's first.
        listed = _LIST_ENDS.split(found.group("list"))[0]
        members = [m for m in re.split(r",|\band\b|\bor\b", listed) if m.strip()]
        if len(members) >= MIN_EXAMPLES:
            return True
    return False


# "..., and so on.", "... etc.", "... and others", "..., among others": the list goes on past what is written.
_OPEN_END = re.compile(r"(?:\band\s+so\s+(?:on|forth)|\betc\.?|\band\s+(?:many\s+)?others|\bamong\s+others)\W*$",
                       re.IGNORECASE)


def open_list(answer: str) -> bool:
    """The answer ends by saying the list it gives goes on ("..., and so on.", "... etc.")."""
    return bool(_OPEN_END.search(answer.strip()))


_KIND = r"(?:module|function|class|method|package|library|program|command|tool|statement)"
# "What does the standard module random implement?", "What does the heapq module provide?", "What does
# sorted() do?": the name of the thing a card asks about.
_NAMED_CARD = re.compile(rf"^What\s+(?:does|do)\s+(?:the\s+)?(?:(?:standard|built-in)\s+)?(?:{_KIND}\s+)?"
                         rf"(?P<name>[A-Za-z_][\w.]*)(?:\(\))?\s+(?:{_KIND}\s+)?\w+\?$", re.IGNORECASE)
MAX_NAME_ECHO_WORDS = 3  # "random number generator": the name and a noun or two


def echoes_name(prompt: str, answer: str) -> bool:
    """A card on what a named thing does, answered in a few words that hold the name whole."""
    found = _NAMED_CARD.match(prompt.strip())
    if not found:
        return False
    name = found.group("name").lower()
    words = [w.lower() for w in re.findall(r"[A-Za-z_][\w.]*", answer)]
    content = [w for w in words if w not in STOPWORDS and len(w) > 2]
    return name in words and len(content) <= MAX_NAME_ECHO_WORDS


def asks_what_may_be_held(prompt: str) -> bool:
    """The card asks what a thing can contain, include or hold: some of many possible answers."""
    return bool(_MAY_HOLD.match(prompt.strip()))


def worth_recalling(prompt: str, answer: str) -> bool:
    """A card's answer is something to know and the one answer: not a pointer to another text, a list of
    examples, or some of what a thing may hold."""
    return not points_elsewhere(prompt, answer) and not lists_examples(answer) and not asks_what_may_be_held(prompt) \
        and not open_list(answer) and not echoes_name(prompt, answer)
