"""A passage's cosine with the question is its whole text's: one sentence answering among others about
something else leaves its passage below the floor ("... The neoclassical architecture in Warsaw can be
described by the simplicity of the geometrical forms teamed with a great inspiration from the Roman
period ..."). Below the floor an answer stands only when the words vouch for it: the word search put
its passage first and the question's neighbouring words stand together there (bench/RESULTS.md 6ag;
the cosines are set here, not the model's)."""

from __future__ import annotations

import numpy as np

from bot.core.answering import NOT_COVERED, AnswerPolicy, answer_question
from bot.core.documents import Chunk
from bot.core.lexical import LexicalIndex
from bot.core.retrieval import Hit, SearchResult

PASSAGES = ["Building went on in the palaces for decades. Stucco and gilding filled the halls. The classical style of "
            "the town can be described by the simplicity of geometrical forms and an inspiration from Roman temples.",
            "The harbour froze every winter, and the merchants moved their stores inland.",
            "Roman roads crossed the plain; forms of the old temples survived in the churches."]


def _ask(question: str, passage_cosine: float, sentence_cosine: float = 0.6, lexical_first: int = 0,
         policy: AnswerPolicy = AnswerPolicy(), passages: list[str] = PASSAGES):
    """The question answered from the three passages, every passage this close to the question and
    every sentence at `sentence_cosine`; the word search puts passage `lexical_first` first."""
    lexical = LexicalIndex.build(passages)
    query = np.array([1.0, 0.0], dtype=np.float32)

    def embed(texts: list[str]) -> np.ndarray:
        return np.array([[sentence_cosine, (1 - sentence_cosine ** 2) ** 0.5] for _ in texts], dtype=np.float32)

    hits = [Hit(Chunk(f"c{i}", "notes.md", ("Notes",), None, i, text), i, passage_cosine - 0.01 * i,
                3.0 if i == lexical_first else 1.0, 1.0 - 0.1 * i)
            for i, text in enumerate(passages)]
    return answer_question(SearchResult(question, [], query, hits), lexical, policy, embed)


def test_a_sentence_whose_passage_is_far_is_answered_when_its_words_vouch_for_it():
    question = "what is described by the simplicity of geometrical forms and an inspiration from Roman temples?"
    answer = _ask(question, 0.19)
    assert not answer.abstained and "classical style" in answer.text
    assert _ask(question, 0.30).text == answer.text  # above the floor: the same answer


def test_below_the_floor_a_passage_the_word_search_does_not_put_first_is_declined():
    question = "what is described by the simplicity of geometrical forms and an inspiration from Roman temples?"
    answer = _ask(question, 0.19, lexical_first=1)
    assert answer.tier == NOT_COVERED and answer.reason == "no passage is close to the question"


def test_below_the_floor_single_words_shared_with_the_notes_are_declined():
    # "forms", "Roman" and "temples" are the notes' words, never neighbours there as in the question.
    answer = _ask("which temples did the Roman forms of worship favour?", 0.19, lexical_first=2)
    assert answer.tier == NOT_COVERED and answer.reason == "no passage is close to the question"
    assert not _ask("which temples did the Roman forms of worship favour?", 0.30, lexical_first=2).abstained


def test_below_the_floor_a_question_of_one_content_word_has_no_neighbours_to_vouch():
    # "What is inflation?" on notes of Mao's China that use the word once, every passage far from it.
    assert _ask("what is stucco?", 0.19).abstained
    assert not _ask("what is stucco?", 0.30).abstained


GLOSSARY = ["Stele: an inscribed stone slab set up as a monument. Cartouche: an oval ring around a group of "
            "hieroglyphs. Determinative: a sign that is not read aloud but shows the category of a word.",
            "The harbour froze every winter, and the merchants moved their stores inland.",
            "Roman roads crossed the plain; forms of the old temples survived in the churches."]


def test_below_the_floor_a_sentence_defining_the_one_word_asked_vouches_for_itself():
    # "What is a determinative?" (ans28): a rare term, far from every passage in meaning (0.20), and
    # one content word, so no neighbours; a glossary line saying what it is, in the passage the word
    # search puts first, answers it.
    answer = _ask("What is a determinative?", 0.19, passages=GLOSSARY)
    assert not answer.abstained and "category of a word" in answer.text
    # Not from a passage the word search does not put first.
    assert _ask("What is a determinative?", 0.19, lexical_first=1, passages=GLOSSARY).abstained
