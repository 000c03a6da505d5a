"""A sentence that opens with a name the notes set as inline code, in lower case ("`sftp` is an
interactive command, similar to `ftp`."): a sentence of its own after a full stop, though the
generator reads the words without the backticks, and a candidate though it opens with no capital.
Session 20, quiztech (held-out set 10's remote-login note). The shared splitter (text.py, also the
answer layer's) is left as it is. Made-up notes of no course of the pool."""

from __future__ import annotations

from bot.core.documents import Chunk, make_chunk_id
from bot.core.quiz.gen_text import candidate_sentences, chunk_sentences, passes_filters
from bot.core.quiz.gen_code_marks import _code_openers_apart, _words_only


def _chunk(text: str) -> Chunk:
    return Chunk(make_chunk_id("notes.md", ("Ferries",), text, 0), "notes.md", ("Ferries",), None, 0, text)


PARAGRAPH = ("The harbour office offers two booking services. `ferrybook` is a desk tool that can be used "
             "like `railbook`, except that every crossing is prefixed with its pier.")


def test_a_code_name_in_lower_case_after_a_stop_starts_a_sentence():
    chunk = _words_only([_chunk(PARAGRAPH)])[0]
    quotes = [q for q, _ in chunk_sentences(chunk)]
    assert quotes == ["The harbour office offers two booking services.",
                      "ferrybook is a desk tool that can be used like railbook, except that every crossing "
                      "is prefixed with its pier."], quotes


def test_the_text_changes_only_in_the_space_it_breaks():
    assert _code_openers_apart(PARAGRAPH).replace("\n", " ") == PARAGRAPH
    # A capitalised opener already starts a sentence; code inside a sentence is left alone.
    same = "The office opens at six. `Ferrybook` is a tool. It calls `railbook` often."
    assert _code_openers_apart(same) == same
    fenced = "```\nstart. `ferrybook` is run\n```"
    assert _code_openers_apart(fenced) == fenced


def test_a_sentence_saying_what_a_code_name_is_is_a_candidate():
    names = frozenset({"ferrybook", "railbook"})
    assert passes_filters("ferrybook is an interactive desk tool, similar to railbook.", code_names=names)
    assert not passes_filters("ferrybook is an interactive desk tool, similar to railbook.")
    # Only what the name is: a code name doing something ("lists ...") may be a label, not a thing.
    assert not passes_filters("ferrybook lists the crossings of the harbour and their piers.", code_names=names)
    # A lower-case word that is no code name still opens no sentence.
    assert not passes_filters("however is an interactive desk tool, similar to railbook.", code_names=names)
    chunk = _words_only([_chunk("`ferrybook` is an interactive desk tool, similar to `railbook`.")])[0]
    assert [s.text for s in candidate_sentences(chunk, names)] == [
        "ferrybook is an interactive desk tool, similar to railbook."]


def test_a_sentence_about_the_notes_order_of_topics_is_never_quoted():
    # "What is vector algebra?" keyed to "... is the first topic to be discussed" defined nothing
    # (set 15's kinematics note): the sentence speaks of the notes, not of the subject.
    assert not passes_filters("Harbour arithmetic is the first topic to be discussed.")
    assert not passes_filters("Tide tables are the next subject we will examine in detail.")
    assert passes_filters("The first topic of the treaty was the exchange of prisoners.")
