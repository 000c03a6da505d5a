"""A sentence whose subject is a pronoun after an opening phrase ("Cut off from the mainland for
most of the winter, they signalled ..."), on made-up notes, with the real model.

The phrase names no subject, so the pronoun is whoever the sentence before names: alone the
sentence lacks the question's names and is off topic, and the sentence before it, which names them
and says something else, answers instead. Read with it, the sentence that says what was asked
leads (bench/RESULTS.md 6ac)."""

from __future__ import annotations

import pytest

from bot.core.sentences import refers_back
from tests.conftest import indexed_course

NOTES = {
    "lighthouse.md": """# The keepers of Skerryvore

The Skerryvore lighthouse was first lit in 1844. The later keepers of Skerryvore served shorter
turns on the rock than the first keepers had. Cut off from the mainland for most of the winter, they
signalled to the shore station at Hynish with coloured flags. The shore station was rebuilt as a
museum in 1959.
""",
    "survey.md": """# Charting the Orkney coast

The surveyor Murdoch Mackenzie charted the coast of Orkney for the Admiralty from 1748 to 1750.
Working from a small boat in all weathers, and with only two assistants, he measured a baseline of
seven miles across the frozen Loch of Stenness. His charts of Orkney were published in 1750 and used
for a century.
""",
}


@pytest.fixture(scope="module")
def course(tmp_path_factory, real_embedder):
    return indexed_course(tmp_path_factory.mktemp("opener"), NOTES, real_embedder)


@pytest.mark.parametrize("question", [
    "How did the later keepers of Skerryvore signal?",
    "What did the later Skerryvore keepers use to signal?",
])
def test_a_pronoun_after_an_opening_phrase_is_read_with_the_sentence_naming_it(course, question):
    answer = course.ask(question)
    assert not answer.abstained, answer.reason
    # Without the rule the first sentence is "The later keepers of Skerryvore served shorter turns ...".
    assert "coloured flags" in answer.sentences[0], answer.sentences


def test_which_openers_lead_to_a_pronoun_subject():
    assert refers_back("Cut off from the mainland for most of the winter, they signalled to the shore.")
    assert refers_back("Working from a small boat in all weathers, and with only two assistants, he measured "
                       "a baseline of seven miles.")
    assert refers_back("Nevertheless, she too announced she would step down as leader of the party.")
    assert refers_back("Derived from the sermons of two preachers, these convictions were focused on reason.")
    # After an opening clause the pronoun is most often what the clause names.
    assert not refers_back("When the keepers were relieved, they sailed to Hynish.")
    # A pronoun that is not the subject right after the phrase, or a sentence naming its subject.
    assert not refers_back("In 1844, the keepers said they were ready.")
    assert not refers_back("Kublai and his brother rode to the capital, and they were welcomed.")


def test_the_index_keeps_no_text_of_its_own_for_the_opener_form():
    # Compared at question time when among the best few: an index built before the rule holds
    # every text it needs, and one built after it holds the same texts (bench/RESULTS.md 6ac).
    from bot.core.documents import Chunk
    from bot.core.sentences import comparable_texts

    text = NOTES["lighthouse.md"].split("\n", 2)[2].replace("\n", " ").strip()
    texts = comparable_texts(Chunk("c0", "lighthouse.md", ("The keepers of Skerryvore",), None, 0, text), 400)
    assert any(t.startswith("Cut off from the mainland") for t in texts)
    assert not any("first keepers had. Cut off" in t for t in texts)
