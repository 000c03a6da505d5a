"""Which entry of a dated list was the first to do something (gen_dated_entries, issue 8: set 12's release
history made no item). Made-up notes of no course of the pool (a harbour's ferries, a choir's tours)."""

from __future__ import annotations

from bot.core.quiz.gen_dated_entries import dated_entries, entry_nouns, entry_options, first_question
from bot.core.quiz.generator import generate_items
from bot.core.text import split_sentences
from tests.quiz.parsed_notes import section_chunks

FERRIES = ("Harbour History", "The Ferries")
# Two early ferries with no name (a shorter label), then named ones; one entry runs on to a second paragraph.
PARAGRAPHS = [
    "Ferry 0.5 (May 1901): This ferry carried twelve passengers across the inner basin.",
    "Ferry 0.8 (June 1904): The ferry was rebuilt after a storm damaged its hull.",
    "Ferry 1.0 Gull (March 1911): Named for the gulls of the outer pier. This was the first ferry with a "
    "covered deck; it seated forty passengers.",
    "Ferry 1.1 Tern (April 1915): Named for the terns of the sand bar. This ferry crossed the basin twice an hour.",
    "Ferry 1.2 Heron (July 1921): Named for the herons of the marsh. This was the first ferry with an electric "
    "winch, replacing the old hand crank.",
    "The harbour board met that winter to plan the next boat.",
    "It was also the first ferry to carry bicycles on its upper deck.",
    "Ferry 1.3 Swan (August 1926): Named for the swans of the mill pond. This ferry introduced for the first "
    "time a radio link to the harbour office.",
    "Ferry 1.4 Crane (May 1930): Named for the cranes of the estuary. This was the first time a ferry of the "
    "harbour sailed at night.",
    "Ferry 1.5 Wren (June 1934): Named for the wrens of the cliff. This ferry carried the mail to the islands.",
]


def _chunks(paragraphs=PARAGRAPHS):
    return section_chunks("ferries.md", [(FERRIES, p) for p in paragraphs])


def _questions(paragraphs=PARAGRAPHS) -> dict[str, tuple[str, tuple | None]]:
    owners, lists = dated_entries(_chunks(paragraphs))
    said: dict = {}
    for (_, paragraph), entry in owners.items():
        said.setdefault(entry, []).extend(split_sentences(paragraph))
    nouns = entry_nouns(said)
    found = {}
    for entry, sentences in said.items():
        for sentence in sentences:
            prompt = first_question(sentence, nouns[entry.block])
            if prompt:
                found[prompt] = (entry.label, entry_options(entry, lists[entry.block]))
    return found


def test_a_first_of_an_entry_is_asked_among_the_lists_other_labels():
    asked = _questions()
    label, options = asked["Which of these was the first ferry with an electric winch?"]
    assert label == "Ferry 1.2 Heron"
    # the same shape as the answer (no unnamed ferry), nearest first, some before it and some after
    assert options == ("Ferry 1.0 Gull", "Ferry 1.1 Tern", "Ferry 1.2 Heron", "Ferry 1.3 Swan")
    # a later paragraph of the entry, pointing back with "It", belongs to the entry ...
    assert asked["Which of these was the first ferry to carry bicycles on its upper deck?"][0] == "Ferry 1.2 Heron"
    # ... and "<the entry's noun> <verb> for the first time"
    assert asked["Which of these introduced for the first time a radio link to the harbour office?"][0] == \
        "Ferry 1.3 Swan"


def test_what_is_not_asked():
    asked = _questions()
    # what was first is an event, not the entry ("the first time a ferry ... sailed at night")
    assert not any("sailed at night" in prompt for prompt in asked)
    # the answer is the first of its shape: only later named ferries as options would give it away
    assert asked["Which of these was the first ferry with a covered deck?"][1] is None
    # the stem ends where a second fact runs on ("; it seated forty passengers", ", replacing ...")
    assert not any("seated" in prompt or "replacing" in prompt for prompt in asked)


def test_a_paragraph_of_another_label_ends_the_entry_and_a_short_list_is_no_list():
    other = [*PARAGRAPHS[:5], "Ferry 1.25 was never launched: the yard closed.", *PARAGRAPHS[6:]]
    assert not any("bicycles" in prompt for prompt in _questions(other))
    assert _questions(PARAGRAPHS[:3]) == {}


def test_the_generator_posts_it():
    items = [i for i in generate_items(_chunks(), learned_cutoff=False) if i.answer == "Ferry 1.2 Heron"]
    winch = [i for i in items if i.prompt == "Which of these was the first ferry with an electric winch?"]
    assert winch and set(winch[0].options) == {"Ferry 1.0 Gull", "Ferry 1.1 Tern", "Ferry 1.2 Heron",
                                               "Ferry 1.3 Swan"}
