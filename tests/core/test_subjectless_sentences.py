"""Sentences with no subject of their own, on notes of three subjects (a lighthouse, a chess
club's rules, a pottery glaze), without the model.

"To do so ...", "The default is ..." and "Also called ..." say something about what the sentence
before names: read alone they carry few of the question's words and lose to a sentence that only
names the topic; read and shown with the sentence before, they answer (bench/RESULTS.md 6aw)."""

from __future__ import annotations

import pytest

from bot.core.documents import Chunk
from bot.core.lexical import LexicalIndex
from bot.core.query import query_names, query_terms
from bot.core.question_kind import expected_kind
from bot.core.retrieval import Hit
from bot.core.sentences import _PRONOUN_LED, candidates_from, score_candidates

TEXTS = {
    "lighthouse": ("The keepers of the Skerryvore lighthouse kept a log of every passing ship. The lamp of "
                   "Skerryvore can be dimmed for the winter fog season. To do so turn the brass wheel "
                   "under the lantern room twice to the left. A dimmed lamp uses less oil."),
    "chess": ("The Dunfermline chess club plays rapid games on Thursdays. As regards the clock, the club "
              "offers three settings for rapid games. The default is fifteen minutes with a ten second "
              "increment. The club bought new clocks in 2019."),
    "glaze": ("Celadon glazes were first made in China. The ash glaze of the Leach pottery is a mix of "
              "wood ash and clay slip. Also called tenmoku by the potters. A celadon glaze turns green "
              "in a reducing kiln."),
}


def _best(name: str, question: str):
    chunk = Chunk("c0", f"{name}.md", (name,), None, 0, TEXTS[name])
    lexical = LexicalIndex.build(list(TEXTS.values()))
    terms = query_terms(question, lexical)
    scored = score_candidates(candidates_from([Hit(chunk, 0, 0.5, 1.0, 1.0)]), terms,
                              query_names(question, terms, lexical), expected_kind(question), question)
    return scored[0]


@pytest.mark.parametrize("name, question, fact, before", [
    # "To do so": dimming the Skerryvore lamp is named only in the sentence before.
    ("lighthouse", "Which wheel dims the Skerryvore lamp for the fog season?", "brass wheel", "The lamp of"),
    # "The default": the default of the club's clock settings.
    ("chess", "Which clock setting does the chess club use by default for rapid games?", "fifteen minutes",
     "As regards the clock"),
    # "Also called": another name for the ash glaze.
    ("glaze", "What is another name for the ash glaze of the Leach pottery?", "tenmoku", "The ash glaze"),
])
def test_a_sentence_without_a_subject_answers_with_the_sentence_it_leans_on(name, question, fact, before):
    best = _best(name, question)
    assert fact in best.text, (best.text, best.parts)
    # shown after the sentence saying what it is about
    assert best.parts[0].startswith(before) and best.parts[-1] == best.text


def test_which_openers_have_no_subject_of_their_own():
    for sentence in ("To do so click the points on the globe.", "In doing so, the keepers saved oil.",
                     "The default is the Bartlett kernel.", "The latter is rarely used.",
                     "Also called abundance.", "Also known as the Smoking Boat.", "The same applies to clocks."):
        assert _PRONOUN_LED.match(sentence), sentence
    # a subject of their own
    for sentence in ("The defaults file lists them.", "The rest of the keepers stayed ashore.",
                     "The default encoding for Python source code is UTF-8.",
                     "The former administrative building was used for offices.",
                     "Also the club bought new clocks.", "Todo lists are kept in the log."):
        assert not _PRONOUN_LED.match(sentence), sentence


def test_a_short_sentence_quoted_with_the_one_it_leans_on_is_no_short_fragment():
    # "Also called tenmoku by the potters." is short, but it is quoted after the sentence naming the
    # glaze: it scores as that sentence does, not 0.8 of it (on ans23, "Also called abundance." lost
    # its place to the sentence before it that way, bench/RESULTS.md 6aw).
    chunk = Chunk("c0", "glaze.md", ("glaze",), None, 0, TEXTS["glaze"].replace(" by the potters", ""))
    question = "Which pottery mixes wood ash into its glaze?"
    lexical = LexicalIndex.build(list(TEXTS.values()))
    terms = query_terms(question, lexical)
    scored = score_candidates(candidates_from([Hit(chunk, 0, 0.5, 1.0, 1.0)]), terms,
                              query_names(question, terms, lexical), None, question)
    by_text = {c.text: c for c in scored}
    pair = by_text["Also called tenmoku."]
    alone = by_text["The ash glaze of the Leach pottery is a mix of wood ash and clay slip."]
    assert pair.parts == (alone.text, pair.text)
    assert pair.score == pytest.approx(alone.score)
