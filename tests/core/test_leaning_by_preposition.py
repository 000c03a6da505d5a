"""A sentence pointing back through a preposition in its first words ("In this process, ...",
"The trouble with this is ...", "After this period, ..."), on made-up notes (a bakery, a mill, a
ferry), without the model.

Such a sentence says something about what the sentence before sets out, and that sentence holds
the question's words for it ("closing the books" for "In this process, income account balances are
transferred into an income equity account"). It was read with the sentence before only when it
left out a name of the question (bench/RESULTS.md 6q); a question with no name then found it short
of words and chose the sentence before, which only sets the scene (bench/RESULTS.md 6ay)."""

from __future__ import annotations

from bot.core.answering import AnswerPolicy, _choose
from bot.core.documents import Chunk
from bot.core.lexical import LexicalIndex
from bot.core.query import query_names, query_terms
from bot.core.question_kind import expected_kind
from bot.core.retrieval import Hit
from bot.core.sentences import Candidate, candidates_from, points_back_in_passing, score_candidates
from bot.core.tokens import tokenize

TEXTS = {
    "bakery": ("The bakery on the quay bakes rye bread every night. Closing the ovens at dawn is the last task "
               "of the night shift. In this process, the embers are raked into an iron bin by the apprentice. "
               "The ovens are fired with beech wood. Closing the ovens early wastes the last of the heat."),
    "guild": ("The bakers of the quay met in the back room of the inn to share flour. By the spring, this grew "
              "into a guild with written rules and a common oven. The guild still meets on Mondays."),
}


def _scored(name: str, question: str) -> list[Candidate]:
    chunk = Chunk("c0", f"{name}.md", (name,), None, 0, TEXTS[name])
    lexical = LexicalIndex.build(list(TEXTS.values()))
    terms = query_terms(question, lexical)
    return score_candidates(candidates_from([Hit(chunk, 0, 0.5, 1.0, 1.0)]), terms,
                            query_names(question, terms, lexical), expected_kind(question), question)


def test_a_sentence_pointing_back_is_read_with_the_sentence_holding_the_questions_words():
    # No name in the question: "In this process" alone lacks "closing the ovens at dawn" and lost
    # to the sentence that only names the task.
    best = _scored("bakery", "Where are the embers put when closing the ovens at dawn?")[0]
    assert "iron bin" in best.text, best.parts
    assert best.parts == ("Closing the ovens at dawn is the last task of the night shift.", best.text)


def test_a_pronoun_subject_after_an_opener_keeps_the_name_condition():
    # "By the spring, this grew into ...": "this" is the subject, not a preposition's object. Read
    # with the sentence before whatever the question, that form lost the default note's dev
    # question (bench/RESULTS.md 6q); it stays alone when no name of the question is missing.
    scored = _scored("guild", "What did the sharing of flour in the back room grow into?")
    leaning = next(c for c in scored if c.text.startswith("By the spring"))
    assert leaning.parts == (leaning.text,)


def test_which_sentences_point_back_through_a_preposition():
    for sentence in ("In this process, income account balances are transferred.",
                     "The trouble with this is that the matrix may not be positive definite.",
                     "After this period, the soft limit is treated like a hard limit.",
                     "One of the best examples of this architecture is the palace.",
                     "Faced with this strength, Loudoun returned to New York."):
        assert points_back_in_passing(sentence), sentence
    for sentence in ("By 1953, this evolved into cooperatives.", "For many years it was described as semi-legal.",
                     "This process moves the balances.", "In its harshest form it preached war.",
                     "The ovens are fired with beech wood."):
        assert not points_back_in_passing(sentence), sentence


def test_a_runner_up_pointing_back_is_shown_after_its_context_when_it_says_more_of_the_question():
    # "After this period, ..." is read with the sentence naming the grace period, which the answer
    # shows first: it says more of the question ("soft limit", "period") than that sentence adds to
    # it ("grace"), so it joins the answer; one that only rides on the shown sentence's words does
    # not (bench/RESULTS.md 6j).
    question = "What happens to a soft limit once the grace period has run out?"
    first = "The quota command sets a grace period within which a soft limit may be exceeded."
    after = "After this period, the soft limit will be treated like a hard limit."
    hit = Hit(Chunk("c1", "quota.md", (), None, 0, f"{first} {after}"), 0, 0.6, 1.0, 0.5)
    asked = frozenset(tokenize(question))
    scored = [Candidate(first, hit, 0, 0, score=1.2, parts=(first,)),
              Candidate(after, hit, 0, 1, context=first, score=1.15, parts=(first, after))]
    assert [t for _, t in _choose(scored, None, AnswerPolicy(), scored, asked)] == [first, after]
    rides = "During this time the office was moved to a new building."
    hit = Hit(Chunk("c1", "quota.md", (), None, 0, f"{first} {rides}"), 0, 0.6, 1.0, 0.5)
    scored = [Candidate(first, hit, 0, 0, score=1.2, parts=(first,)),
              Candidate(rides, hit, 0, 1, context=first, score=1.15, parts=(first, rides))]
    assert [t for _, t in _choose(scored, None, AnswerPolicy(), scored, asked)] == [first]
