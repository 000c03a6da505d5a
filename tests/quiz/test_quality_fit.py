"""bench/quiz_quality_fit.py's loaders: every round in the order judged, an item judged twice keeps its
later verdict, the templates made now, notes found for the newer rounds' courses."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

import quiz_quality_fit as fit  # noqa: E402


def test_rounds_in_the_order_judged():
    names = ["r10", "r9", "r9a", "r26-dev", "r26", "r15-mid", "r15-base", "r15", "r2", "r11-0", "r11"]
    assert sorted(names, key=fit.round_order) == ["r2", "r9a", "r9", "r10", "r11-0", "r11", "r15-base", "r15-mid",
                                                  "r15", "r26", "r26-dev"]


def test_an_item_judged_twice_keeps_its_later_verdict():
    found = [("r4", "warsaw", [{"id": "a", "verdict": "drop"}, {"id": "b", "verdict": "keep"}]),
             ("r26-dev", "warsaw", [{"id": "a", "verdict": "keep"}]),
             ("r26-dev", "huguenot", [{"id": "b", "verdict": "drop"}])]
    latest = fit.latest_verdicts(found)
    assert [(r, c, [i["id"] for i in items]) for r, c, items in latest] == [
        ("r4", "warsaw", ["b"]), ("r26-dev", "warsaw", ["a"]), ("r26-dev", "huguenot", ["b"])]


def test_templates_made_now():
    assert fit.made_now({"type": "multiple_choice", "kind": "definition", "prompt": "In the notes, which term means “x”?"})
    assert fit.made_now({"type": "multiple_choice", "kind": "place", "prompt": "_____ fell in 1453."})
    assert not fit.made_now({"type": "multiple_choice", "kind": "cause", "prompt": "Why?"})
    assert not fit.made_now({"type": "true_false", "kind": "person", "prompt": "True or false? X did it."})
    assert not fit.made_now({"type": "multiple_choice", "kind": "actor", "prompt": "Who did it?"})


def test_notes_of_the_newer_rounds_are_found():
    assert fit.note_path("electoral-college").suffix == ".docx"  # the file the generator read, not a text copy
    assert fit.note_path("china-under-mao").name == "china-under-mao.txt"
    assert fit.note_path("no-such-course") is None
