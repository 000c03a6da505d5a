"""A question about what did not happen is answered by the sentence saying so ("Which pier was not
rebuilt in stone?" / "The south pier ... was never rebuilt in stone"), though it shares the
question's words no more than the sentence telling what did happen: "not" is no word the search
weighs. Made-up notes of a harbour and market fairs, with the real model."""

from __future__ import annotations

import pytest

from tests.conftest import indexed_course

NOTES = {
    "harbour.md": """# Eling harbour

## Piers

The north pier at Eling was rebuilt in stone in 1820 by the Hampshire county surveyor. The south pier at
Eling was never rebuilt in stone, and its timbers had rotted away by 1850. The harbour master kept his
boats at the north pier.

## Trade

Barges carried timber from the New Forest to the Eling wharves. Coal came in from Newcastle on brigs,
which could not pass the sandbar at low water.
""",
    "fairs.md": """# Market fairs

The Ringwood fair was held every December for the sale of cattle. The Fordingbridge fair sold horses in
July. The Downton fair did not sell cattle, only cheese and wool.
""",
}


@pytest.fixture(scope="module")
def course(tmp_path_factory, real_embedder):
    return indexed_course(tmp_path_factory.mktemp("negated"), NOTES, real_embedder)


@pytest.mark.parametrize("question, first", [
    ("Which pier at Eling was not rebuilt in stone?", "The south pier"),
    ("Which fair did not sell cattle?", "The Downton fair"),
    # the same notes asked the other way: the sentence telling what happened still leads
    ("Which pier at Eling was rebuilt in stone?", "The north pier"),
])
def test_a_question_about_what_did_not_happen_leads_with_the_sentence_saying_so(course, question, first):
    answer = course.ask(question)
    assert not answer.abstained, answer.reason
    assert answer.sentences[0].startswith(first), answer.sentences


@pytest.mark.parametrize("question, negated", [
    ("Which pier was not rebuilt in stone?", True),
    ("What was the centrifugal governor incapable of doing?", True),
    ("Which country didn't sign the charter?", True),
    ("Who refused to sign the treaty?", True),
    ("Which pier was rebuilt in stone?", False),
    ("What did the Notre-Dame chapter own?", False),  # "not" only inside a word
])
def test_which_questions_ask_what_did_not_happen(question, negated):
    from bot.core.question_kind import negates

    assert negates(question) is negated


@pytest.mark.parametrize("sentence, says", [
    ("The south pier was never rebuilt in stone.", True),
    ("The governor could not actually hold a set speed.", True),
    ("Fife sent nobody to the assembly.", True),
    ("The UK vetoed the charter.", False),
])
def test_which_sentences_say_that_something_did_not_happen(sentence, says):
    from bot.core.question_kind import says_not

    assert says_not(sentence) is says
