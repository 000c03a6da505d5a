"""A name the notes call that their prose also uses as a plain word (gen_code_words), and a reference
list's entries the notes set side by side (gen_entries). Made-up notes of no course of the pool (a
warehouse crane's script, a scroll-marking notation); real spaCy."""

from __future__ import annotations

from bot.core import nlp
from bot.core.documents import Chunk
from bot.core.quiz.gen_code_words import prose_words
from bot.core.quiz.gen_entries import entries_in, entry_question
from bot.core.quiz.generator import generate_items
from tests.quiz.parsed_notes import section_chunks

CRANE = ("Crane Script", "Crane objects")
# "top" is called by the example ("top(3)"), and the prose says "the top of the mast".
METHODS = """Here are all of the methods of crane objects:
crane.hoist(n)
Lift the load to the top of the mast.
crane.park()
Park the boom in its resting place beside the mast.
crane.halt()
Halt every motor of the crane at once.
crane.lower(n)
Lower the load onto the floor of the bay.
An example that uses them:
```
>>> c = crane.Crane(top(3))
>>> c.hoist(top(2))
```"""
AGAIN = "The hook rests at the top of the mast whenever the crane is parked for the night."


def _chunks(*texts: str) -> list[Chunk]:
    return section_chunks("crane.md", [(CRANE, text) for text in texts])


def _hoist_items(*texts: str) -> list:
    return [i for i in generate_items(_chunks(*texts), learned_cutoff=False) if i.answer == "crane.hoist"]


def test_a_called_word_the_prose_uses_as_a_word_may_be_in_a_stem():
    items = _hoist_items(METHODS, AGAIN)
    assert [i.prompt for i in items] == ["Which crane method lifts the load to the top of the mast?"]
    assert set(items[0].options) == {"crane.hoist", "crane.park", "crane.halt", "crane.lower"}


def test_a_called_word_met_once_as_a_word_is_still_code():
    assert _hoist_items(METHODS) == []  # "top" bare in one paragraph only: the example's top(3) is what it names


def test_which_called_names_are_prose_words():
    called = {"top", "zorp", "crate", "stack"}
    texts = ["The zorp function lifts a crate. zorp returns the crate to its pile.",
             "A crate waits at the top of the stack.\n\nThe crate is weighed at the top of the mast.",
             "Use `top` to find it; `stack` is a method.\n```\nthe stack is code here\n```\nthe stack method is called."]
    # "top" and "crate" after a determiner in two paragraphs; "stack" once as a word ("the stack"; in
    # backticks, in a code fence or before "method" it is the name); "zorp" bare without a determiner
    # or before its kind's noun: a name.
    assert prose_words(texts, called) == {"top", "crate"}


SCROLL = ("Scroll Marks", "Line marks")
MARKS = """@s
Marks the start of every line of a scroll.
@S
Marks only the first line of the scroll. Outside wrapped mode, @S and @s are effectively the same.
@e
Marks the end of every line of a scroll.
@E
Marks only the last line of the scroll.
@w
Marks a word boundary inside a line."""


def test_an_entry_set_beside_another_is_not_its_wrong_option():
    entries = entries_in("scroll.md", SCROLL, MARKS)
    by_name = {e.name: e for e in entries}
    docs = dict(zip(by_name, nlp.parse_lines([e.does for e in entries])))
    first_line = entry_question(by_name["@S"], docs["@S"], entries, lambda o: o)
    assert first_line is not None and first_line.answer == "@S"
    assert "@s" not in first_line.options  # the notes: "@S and @s are effectively the same"
    every_line = entry_question(by_name["@s"], docs["@s"], entries, lambda o: o)
    assert every_line is not None and "@S" in every_line.options  # @S marks only the first line: wrong here
    last_line = entry_question(by_name["@E"], docs["@E"], entries, lambda o: o)
    assert last_line is not None and "@e" in last_line.options  # no such words of @E and @e
