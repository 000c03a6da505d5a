"""Which entry of a reference list does what its description says (gen_entries): a name alone on its line,
then what it does. Made-up notes (a hive-marking notation) of no course of the pool; real spaCy."""

from __future__ import annotations

import pytest

from bot.core.documents import Chunk, make_chunk_id
from bot.core.quiz.gen_entries import entries_in, third_person
from bot.core.quiz.generator import generate_items

NOTATION = ("Hive Marks", "Marks on the Lid")
LIST = """The lid of every hive is marked with short signs. The following list of signs is complete.
\\q
Marks a hive whose queen was seen this week.
\\Q
Marks a hive whose queen has not been seen for a month.
\\h
Marks a hive whose honey supers are full.
\\f
Marks a hive fed with sugar syrup in the autumn.
\\x
Remove the hive from the apiary register; this is used when the colony has died.
```
Insert the sign into the frame record of the hive."""


def _chunks() -> list[Chunk]:
    return [Chunk(make_chunk_id("marks.md", NOTATION, LIST, 0), "marks.md", NOTATION, None, 0, LIST)]


def test_an_entry_is_asked_by_what_it_does_among_the_lists_other_entries():
    items = [i for i in generate_items(_chunks(), learned_cutoff=False) if i.prompt.startswith("Which of these")]
    assert 1 <= len(items) <= 2  # at most two of one list: not a drill on the same four options
    asked = {"Which of these marks a hive whose queen was seen this week?": "\\q",
             "Which of these marks a hive whose queen has not been seen for a month?": "\\Q",
             "Which of these marks a hive whose honey supers are full?": "\\h",
             "Which of these marks a hive fed with sugar syrup in the autumn?": "\\f",
             "Which of these removes the hive from the apiary register?": "\\x"}
    for item in items:
        assert asked[item.prompt] == item.answer
        assert len(item.options) == 4 and set(item.options) <= set(asked.values())


def test_what_is_no_entry():
    entries = entries_in("marks.md", NOTATION, LIST)
    assert [e.name for e in entries] == ["\\q", "\\Q", "\\h", "\\f", "\\x"]  # no code fence ("```")
    assert entries[-1].does == "Remove the hive from the apiary register"  # the first clause only
    assert entries_in("marks.md", NOTATION, "Abstract\nThis note is about hives.") == []  # a word alone


@pytest.mark.parametrize("verb, said", [("Add", "adds"), ("Match", "matches"), ("Copy", "copies"),
                                        ("Matches", "matches"), ("Pass", "passes"), ("Say", "says")])
def test_the_description_is_asked_in_the_third_person(verb, said):
    assert third_person(verb) == said


def test_a_description_that_spells_its_entry_or_names_an_argument_is_not_asked():
    text = ("tray.insert(x)\nInsert a frame into the tray.\ntray.pop(i)\nTake out the frame at position i.\n"
            "tray.clear()\nTake every frame out of the tray.\ntray.count(x)\nCount the frames in the tray.\n"
            "tray.sort()\nOrder the frames of the tray by age.")
    chunks = [Chunk(make_chunk_id("tray.md", ("Trays",), text, 0), "tray.md", ("Trays",), None, 0, text)]
    prompts = [i.prompt for i in generate_items(chunks, learned_cutoff=False) if i.prompt.startswith("Which")]
    assert not any("insert" in p or "position" in p or "Count" in p for p in prompts)
