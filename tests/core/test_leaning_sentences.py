"""Sentences that lean on the one before them, on notes of another subject than the default note
(an abbey library, a ferry, a weavers' guild), with the real model.

"Faced with this flood, the monks carried ..." says what was done, but only the sentence before
it says to whom and after what: alone it carries few of the question's words and loses to the
sentence that sets the scene. Read with the sentence before it, it answers (bench/RESULTS.md 6q)."""

from __future__ import annotations

import pytest

from bot.core.documents import Chunk
from bot.core.lexical import LexicalIndex
from bot.core.query import query_names, query_terms
from bot.core.retrieval import Hit
from bot.core.sentences import candidates_from, refers_back, score_candidates
from tests.conftest import indexed_course

NOTES = {
    "abbey.md": """# The library of Dunkeld Abbey

By 1420 the library of Dunkeld Abbey held some four hundred manuscripts, most of them copied in
its own scriptorium. In the spring of 1423 the river Tay flooded the lower cloister of Dunkeld
Abbey, where the manuscripts were kept. Faced with this flood, the monks carried the library up
to the bell tower. The bell tower was rebuilt in stone a century later.
""",
    "ferry.md": """# The Kessock ferry

The Kessock ferry crossed the firth between Inverness and the Black Isle from the twelfth
century. The Kessock ferry bought its first steam launch in 1869. For many years after that it
was known locally as the Smoking Boat. The crossing was replaced by a bridge in 1982.
""",
    "creamery.md": """# Cooperation at Ettrick

At first the farmers of the Yarrow valley were encouraged to form mutual aid groups to share
ploughs and horses. By 1890 this grew into the Ettrick Cooperative Creamery, which pooled milk and sold butter.
Membership was nominally voluntary, and incentives included cheap feed and a share of the profits.
Many joined willingly, hoping for better prices.
""",
    "guild.md": """# The weavers' guild of Paisley

The weavers of Paisley formed a guild in 1702 to fix the price of thread. Its members met in
the upper room of the Saracen inn on the first Monday of each month. Two of them were chosen
every year to inspect the cloth sold at the market.
""",
}


@pytest.fixture(scope="module")
def course(tmp_path_factory, real_embedder):
    return indexed_course(tmp_path_factory.mktemp("leaning"), NOTES, real_embedder)


def _scored(chunk: Chunk, question: str):
    """The candidates of one chunk scored for `question`, with the notes above as the vocabulary."""
    lexical = LexicalIndex.build([chunk.text, *NOTES.values()])
    terms = query_terms(question, lexical)
    return score_candidates(candidates_from([Hit(chunk, 0, 0.5, 1.0, 1.0)]), terms,
                            query_names(question, terms, lexical), None, question)


@pytest.mark.parametrize("question, fact", [
    # "this flood": the sentence before names the abbey and the flood.
    ("What did the monks of Dunkeld Abbey do when the Tay flooded the cloister?", "bell tower"),
    # "that it was known": the ferry is named only in the sentences before.
    ("What was the Kessock ferry known as locally?", "Smoking Boat"),
])
def test_a_sentence_referring_back_answers_with_the_sentence_it_leans_on(course, question, fact):
    answer = course.ask(question)
    assert not answer.abstained, answer.reason
    assert fact in answer.sentences[0], answer.sentences


def test_which_sentences_refer_back():
    assert refers_back("Faced with this flood, the monks carried the library up to the bell tower.")
    assert refers_back("For many years after that it was known locally as the Smoking Boat.")
    assert refers_back("Two of them were chosen every year to inspect the cloth.")
    # A sentence opening with a pronoun is always quoted with the one before it, as before.
    assert not refers_back("He was replaced by Lin Biao.")
    # "it" after an opening clause is what the clause names, not the sentence before.
    assert not refers_back("When voting takes place it is weighted by the size of each state.")
    # No word referring back in its first eight.
    assert not refers_back("The bell tower was rebuilt in stone a century later.")
    assert not refers_back("The weavers of Paisley formed a guild in 1702 to fix the price of thread, "
                           "and it lasted until 1850.")


def test_it_is_quoted_with_the_sentence_before_only_for_a_question_whose_names_it_leaves_out():
    # Read with the sentence before it whatever the question, "By 1890 this grew into ..." would
    # carry that sentence's words too, and outrank the sentence saying what was asked ("What
    # incentives were offered to farmers ...?": the default note's dev set lost its first sentence
    # that way, bench/RESULTS.md 6q).
    text = NOTES["creamery.md"].split("\n", 2)[2].replace("\n", " ").strip()
    chunk = Chunk("c0", "creamery.md", ("Cooperation at Ettrick",), None, 0, text)

    def quoted(question: str) -> tuple[str, ...]:
        return next(c.parts for c in _scored(chunk, question) if c.text.startswith("By 1890"))

    assert quoted("What did the mutual aid groups of the Yarrow valley grow into?")[0].startswith("At first")
    assert quoted("What did the farmers' mutual aid groups grow into?") == (
        "By 1890 this grew into the Ettrick Cooperative Creamery, which pooled milk and sold butter.",)


def test_a_list_item_is_read_with_the_sentence_its_lead_in_leans_on():
    # "What does the notice priority level mean?" on syslog's notes: the item "`notice`: conditions
    # are normal ..." stands under "Here is the list in decreasing order:", and only the sentence
    # before that lead-in says what the list is of; read without it, the item lost to that sentence.
    text = ("Each bell of the abbey tower is also given a ringing rank. Here is the list in decreasing order:\n"
            "- `tenor`: the heaviest bell, rung for the dead;\n"
            "- `treble`: the lightest bell, rung for the hours.\n"
            "Each bell of the tower is rung by one monk.")
    chunk = Chunk("c0", "bells.md", ("The bells",), None, 0, text)
    question = "What does the treble ringing rank mean?"
    scored = _scored(chunk, question)
    assert "`treble`" in scored[0].text, [(c.text, c.match) for c in scored]
    # The item is shown as before: its lead-in and itself.
    assert scored[0].parts == ("Here is the list in decreasing order:", scored[0].text)


def test_a_lead_in_chosen_first_is_shown_with_its_items_whatever_the_kind():
    # "Besides login and encrypted password, what do the fields of /etc/shadow manage?" on the
    # Debian handbook: the lead-in "The `/etc/shadow` file contains the following fields:" was scored
    # with its items' words but shown alone, a confident answer saying only that a list follows
    # (bench/RESULTS.md 6al). A question of no long kind still gets the items.
    from bot.core.answering import AnswerPolicy, _choose

    text = ("The ledger of the Kessock ferry holds the following columns:\n"
            "- the date of the crossing;\n"
            "- the number of passengers;\n"
            "- several columns recording the tolls paid for carts and cattle.\n"
            "The ledger was kept by the ferryman's wife.")
    chunk = Chunk("c0", "ferry-ledger.md", ("The ledger",), None, 0, text)
    question = "Besides the date and the passengers, what do the columns of the Kessock ferry ledger record?"
    scored = _scored(chunk, question)
    lead = [c for c in scored if c.text.endswith("columns:")]
    chosen = _choose(lead + [c for c in scored if c not in lead], None, AnswerPolicy(), scored)
    assert chosen[0][1].startswith("The ledger of the Kessock ferry holds the following columns:")
    assert "tolls paid for carts and cattle" in chosen[0][1], chosen


def test_a_sentence_saying_the_answer_depends_on_a_condition_is_shown_with_the_cases_after_it():
    # "What does os.listdir return if you give it a bytes path?" on Python's Unicode HOWTO: "`os.listdir`
    # can do both, depending on whether you provided the directory path as bytes or a Unicode string."
    # was a confident answer alone; the sentence after it says what each case returns (RESULTS 6al).
    from bot.core.answering import AnswerPolicy, _choose, _defers

    text = ("The Kessock ferry sailed from the north pier. The ferry could land at either slip, depending on "
            "whether the tide was high or low. At high tide it landed at the stone slip, while at low tide "
            "it landed on the shingle beach. The ferryman kept a ledger.")
    chunk = Chunk("c0", "ferry-slips.md", ("The slips",), None, 0, text)
    question = "Where did the Kessock ferry land when the tide was low?"
    scored = _scored(chunk, question)
    first = [c for c in scored if "depending on" in c.text]
    chosen = _choose(first + [c for c in scored if c not in first], None, AnswerPolicy(), scored)
    assert chosen[0][1].startswith("The ferry could land at either slip"), chosen
    assert "shingle beach" in chosen[0][1], [t for _, t in chosen]
    assert _defers("It depends on how the file was opened.")
    assert not _defers("The region depends on tourism for its income.")
