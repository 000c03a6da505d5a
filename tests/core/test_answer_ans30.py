"""Failures of held-out ans30 (session 27, lane ansk30) that carry to other notes: a sentence cut at
a stop inside brackets or a quoted name ("(H.J. Res. 192)", "the "Curr.Speed" column"), "what does -k
do" declined though "The `-k`/`--insecure` option ..." answers, a word named last in the sentence
saying what it is ('... is called "incorporation".'), and an abbreviation whose long form is the
heading of its section ("Subacute sclerosing panencephalitis (SSPE)")."""

from __future__ import annotations

from bot.core.abbreviations import defines_word
from bot.core.answering import _says_what_it_does
from bot.core.documents import Chunk
from bot.core.lexical import LexicalIndex
from bot.core.query import query_names, query_terms
from bot.core.question_kind import EXPANSION, EXPLANATION, expected_kind
from bot.core.retrieval import Hit
from bot.core.sentences import candidates_from, score_candidates
from bot.core.text import split_sentences


def test_a_stop_inside_brackets_or_a_quoted_name_ends_no_sentence():
    assert split_sentences("Congress enacted a joint resolution (H.J. Res. 192) providing that gold clauses "
                           "were void. This annulled them.") == [
        "Congress enacted a joint resolution (H.J. Res. 192) providing that gold clauses were void.",
        "This annulled them."]
    assert split_sentences('The "Curr.Speed" column is the average speed. The bar is simpler.') == [
        'The "Curr.Speed" column is the average speed.', "The bar is simpler."]
    # Still split: PDF text that lost a space, a stop after a closed bracket, an unclosed bracket.
    assert split_sentences("might seem peculiar.But, in fact, it works.") == ["might seem peculiar.", "But, in fact, it works."]
    assert split_sentences("It was built (in 1961). Then it fell.") == ["It was built (in 1961).", "Then it fell."]
    assert split_sentences("He left (for good. Then it fell.") == ["He left (for good.", "Then it fell."]
    assert split_sentences('He said "we go. They stay." Then it fell.') == ['He said "we go.', 'They stay."',
                                                                             "Then it fell."]


def _candidate(text: str, heading: tuple[str, ...] = ()):
    hit = Hit(Chunk("c0", "notes.md", heading, None, 0, text), 0, 0.18, 1.0, 0.5)
    return candidates_from([hit])[0]


def test_the_option_asked_after_the_says_what_it_does():
    line = _candidate("The `-k`/`--insecure` option allows connections to servers with self-signed certificates.")
    assert _says_what_it_does("what does -k do", line)
    assert not _says_what_it_does("what does -k do", _candidate("The `-kx` option keeps extensions."))
    assert not _says_what_it_does("what does -k do", _candidate("The server rejects `-k` connections."))


def test_a_word_named_last_says_what_it_means():
    sentence = ('Applying provisions of the Bill of Rights to the states through the Fourteenth Amendment is '
                'called "incorporation".')
    assert defines_word(sentence, "incorporation")
    assert defines_word("These laws were known as segregation.", "segregation")
    assert not defines_word("The Fourteenth Amendment does not incorporate the Seventh Amendment.", "incorporation")
    assert not defines_word('These states are called "incorporation" states by some.', "incorporation")
    question = "What is incorporation?"
    lexical = LexicalIndex.build([sentence])
    terms = query_terms(question, lexical)
    scored = score_candidates([_candidate(sentence)], terms, query_names(question, terms, lexical), EXPLANATION,
                              question)
    assert expected_kind(question) == EXPLANATION and scored[0].defines


def test_an_abbreviation_spelled_out_by_its_section_heading():
    question = "What does SSPE stand for?"
    text = "SSPE is a late, rare and usually fatal complication of measles infection."
    lexical = LexicalIndex.build([text])
    terms = query_terms(question, lexical, ignore="stand for")
    names = query_names(question, terms, lexical)
    assert expected_kind(question) == EXPANSION
    under = score_candidates([_candidate(text, ("Measles", "Subacute sclerosing panencephalitis (SSPE)"))], terms,
                             names, EXPANSION, question)[0]
    assert under.kind_ok and under.heading_part == "Subacute sclerosing panencephalitis (SSPE)"
    for heading in ("Complications", "Late effects (SSPE)", "Panencephalitis in children (SSPE)"):
        other = score_candidates([_candidate(text, ("Measles", heading))], terms, names, EXPANSION, question)[0]
        assert not other.kind_ok, heading


def test_the_language_of_a_name_asked_need_not_be_named():
    question = "What is the German word for the death strip?"
    text = 'Behind the front wall lay the "death strip" (Todesstreifen), which varied in width.'
    lexical = LexicalIndex.build([text, "East German guards patrolled the wall."])
    terms = query_terms(question, lexical)
    names = query_names(question, terms, lexical)
    assert score_candidates([_candidate(text)], terms, names, None, question)[0].on_topic == "on"
    # A name that is not the language of the name asked is still looked for.
    other = "What is the German guards' word for the death strip?"
    terms = query_terms(other, lexical)
    names = query_names(other, terms, lexical)
    assert score_candidates([_candidate(text)], terms, names, None, other)[0].on_topic != "on"


def test_both_cases_of_an_option_asked_keep_each_ones_line():
    from bot.core.answering import _other_case_option

    lower = "`-o` (lowercase o) writes the output to the file name you give."
    assert not _other_case_option(lower, "What's the difference between -o and -O?")
    assert _other_case_option(lower, "What does -O do?")


def test_a_clipped_word_of_the_notes_is_no_unfamiliar_term():
    from bot.core.coverage import unfamiliar_words

    lexical = LexicalIndex.build(["HTTP offers many methods of authentication.", "Use `--anyauth` to pick one."])
    assert unfamiliar_words("how do I pick the auth method", lexical, lambda w: False) == []
    assert unfamiliar_words("how do I pick the zork method", lexical, lambda w: False) == ["zork"]
    # Only a clipped opening: a five-letter word, or one the notes' word is barely longer than, counts.
    assert unfamiliar_words("how do I pick the authe method", lexical, lambda w: False) == ["authe"]
