"""Whether a list item's keyed option stands out from the other options by its length or its shape.

A student who does not know the answer picks the option that looks unlike the rest: "Backyard
furnaces" (two words, a bare noun) among "Rapid expansion of heavy industry", "Development of
transport and communication networks" and "Reducing reliance on agricultural exports by producing
domestic industrial goods" was judged borderline for that alone (round 16-mid, rubric 4). So an
option has a shape, read from its words, and a list item is made only of options among which the
keyed one is neither the only one of its shape nor far outside the others' lengths.

Shapes are coarse on purpose: a finer one (a gerund among nominalisations: "Reducing reliance on ..."
among "Development of ...") is no giveaway to a reader, and spaCy's tags on a line read alone are
too unsure for it ("Licensing of wool merchants" is tagged a verb, "Fencing of ..." a noun).

An odd-one-out item's options stand out the same way when the answer and one other option share
their noun and the rest do not (`pair_stands_out`).
"""

from __future__ import annotations

from bot.core.tokens import fold

CLAUSE = "clause"  # a sentence: "Trade through the ports doubled"
VERB = "verb"  # a rule block's verb phrase: "Appoint Delegates"
NAME = "name"  # a capitalised name: "the Crown", "Sino-Soviet Treaty of Friendship", "Manchuria"
DESCRIBED = "described"  # a phrase with a complement or an object: "Development of transport networks"
BARE = "bare"  # a bare noun phrase: "Backyard furnaces", "foreign affairs"

_FUNCTION = frozenset({"the", "a", "an", "of", "and", "or", "for", "in", "on", "to", "with", "by", "at", "from"})
_LINKING_TAGS = frozenset({"IN", "TO", "WDT", "WP", "WRB"})  # a preposition, "to", a relative word


def option_shape(tokens) -> str:
    """The shape of a noun or -ing phrase (spaCy tokens of the option alone, or its span in a sentence)."""
    words = [t for t in tokens if t.is_alpha]
    content = [t for t in words if t.lower_ not in _FUNCTION]
    if content and all(t.text[:1].isupper() for t in content) and (len(content) > 1 or content[0].pos_ == "PROPN"):
        return NAME
    if any(t.tag_ in _LINKING_TAGS or t.text == "," for t in tokens):
        return DESCRIBED
    first = next(iter(tokens), None)
    if first is not None and first.tag_ in {"VBG", "VB"} and any(c.dep_ == "dobj" for c in first.children):
        return DESCRIBED  # "Reducing costs": an -ing phrase with its object
    return BARE


def _slack(bound: int) -> int:
    """How far outside the others' word counts an option may lie before it stands out: about a third
    (two words among five to ten do; four among five do not)."""
    return max(1, round(bound / 3))


def stands_out(key, others) -> bool:
    """`key` (an option with .text and .shape) is the only option of its shape, or its word count lies
    outside the others' by more than the slack."""
    if not others:
        return False
    lengths = [len(o.text.split()) for o in others]
    lo, hi, n = min(lengths), max(lengths), len(key.text.split())
    if n < lo - _slack(lo) or n > hi + _slack(hi):
        return True
    return bool(key.shape) and all(o.shape and o.shape != key.shape for o in others)


def pair_stands_out(shown: list[str], odd: str) -> bool:
    """The odd option and one listed option share their noun and the others do not: "heavy industry"
    beside "local industry" among "schools" and "welfare". The pair stands out and the item turns on
    one adjective (round 8: dropped, the key arguable; rounds 7 and 8a: borderline). Among "solar
    power, nuclear power" every option shares it, and "wind power" is a fair odd one."""
    heads = [_head_word(m) for m in shown]
    return _head_word(odd) in heads and len(set(heads)) > 1


def _head_word(phrase: str) -> str:
    return fold(phrase.split()[-1]).rstrip("s") if phrase.split() else ""
