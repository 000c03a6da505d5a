"""The notes' subject as their own sentences write it, for a question that names the notes: "In the
notes on the Scottish Parliament, ..." (the notes write "the Scottish Parliament" 34 times), "In the
notes on European Union law, ..." (written with no article), "In the notes on Warsaw, ...".

Whether a name takes "the" is a fact of the language that no rule of capitals or list of words gets
right ("the Scottish Parliament" but "Scottish law", "the Yuan dynasty" but "China"); the notes that
name the subject in their own sentences have already decided it.
"""

from __future__ import annotations

import re
from collections import Counter

MIN_MENTIONS = 2  # one mention is too few to tell how the notes write a name
# Words after which a name stands with no article of its own: prepositions and conjunctions. After
# any other word ("new Scottish Parliament", "its Parliament") the mention says nothing either way.
_BEFORE_A_BARE_NAME = frozenset({"in", "of", "on", "to", "by", "for", "from", "and", "or", "with", "as", "at",
                                 "about", "under", "within", "into", "against", "between", "over", "through",
                                 "than", "like", "without", "across", "during", "after", "before", "since"})


def as_written(name: str, text: str) -> str | None:
    """`name` with the article the notes' `text` gives it inside sentences: "the <name>" when most of
    its mentions there read "the <name>", `name` when most read it bare, None when the notes name it
    too seldom inside a sentence to tell (the caller keeps its own form). A mention that opens a
    sentence (its "The" is capitalised, so the same either way), that is part of a longer name ("the
    Scottish Parliament Building"), or that follows another determiner or a modifier ("a Scottish
    Parliament", "new Scottish Parliament") says nothing of how the name alone is written."""
    name = " ".join(name.split()).strip()
    if not name:
        return None
    bare = re.sub(r"^(?:the|a|an)\s+", "", name, flags=re.IGNORECASE)
    with_the = bare_count = 0
    forms: Counter = Counter()
    # A title capitalises its first word ("Steam engine"); a sentence writes "the steam engine".
    first = f"[{re.escape(bare[0].upper())}{re.escape(bare[0].lower())}]" if bare[0].isalpha() else re.escape(bare[0])
    pattern = re.compile(r"(\S*)\s+(" + first + re.escape(bare[1:]) + r")(?![\w-])(?!\s+[A-Z])")
    for found in pattern.finditer(" " + " ".join(text.split())):
        before = found.group(1)
        forms[found.group(2)] += 1
        if before == "the":
            with_the += 1
        elif not before or before[-1] in ",;:(“\"" or before.lower() in _BEFORE_A_BARE_NAME:
            bare_count += 1  # "sources of European Union law", "in Warsaw": the name with nothing before it
    if with_the + bare_count < MIN_MENTIONS:
        return None
    bare = forms.most_common(1)[0][0]
    return f"the {bare}" if with_the > bare_count else bare
