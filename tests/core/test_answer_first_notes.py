"""Answers on course notes whose first sentence lacked the fact a later one held (session 27, lane
ansfirst3): a glossary line or a defining sentence of a part of the term asked ("Stimulus: ..." for
"define stimulus discrimination") taken as the definition, a sentence naming what it tells at its end
("..., a process called horizontal gene transfer.") not, and a span asked as "At what age ...?" or
"how big ...?"."""

from __future__ import annotations

import pytest

from bot.core.lexical import LexicalIndex
from bot.core.query import query_names, query_terms
from bot.core.question_kind import expected_kind, form_asked
from bot.core.sentences import _defines_a_name


def _defines(sentence: str, question: str, notes: str = "") -> bool:
    lexical = LexicalIndex.build([notes or sentence])
    terms = query_terms(question, lexical)
    names = query_names(question, terms, lexical)
    return _defines_a_name(sentence, terms, names, strict=True, question=question)


def test_a_line_defining_a_part_of_the_term_asked_is_no_definition_of_it():
    stimulus = "Stimulus: any event in the environment that an organism can detect, such as a sound."
    discrimination = "Stimulus discrimination: learning to respond to one stimulus but not to similar ones."
    notes = f"{stimulus} {discrimination}"
    assert not _defines(stimulus, "define stimulus discrimination", notes)
    assert _defines(discrimination, "define stimulus discrimination", notes)
    assert _defines(stimulus, "define stimulus", notes)
    assert _defines(stimulus, "What is a stimulus?", notes)
    conditioning = "Conditioning is a form of learning in which an association is made."
    assert not _defines(conditioning, "What is operant conditioning?", conditioning + " Operant conditioning.")
    assert _defines(conditioning, "What is conditioning used for?", conditioning)
    assert _defines(conditioning, "What is conditioning in psychology?", conditioning + " psychology")


def test_a_sentence_naming_what_it_tells_at_its_end_defines_the_term():
    said = ("They can also swap genetic material with neighbouring bacteria, a process called horizontal gene "
            "transfer.")
    assert _defines(said, "What is horizontal gene transfer?")
    assert _defines("Reserves lent overnight earn a rate, the one known as the federal funds rate.",
                    "What is the federal funds rate?")
    assert not _defines(said, "What is gene transfer?")  # a part of the name given
    assert not _defines(said, "What is a neighbouring bacterium?")


@pytest.mark.parametrize("question", [
    "At what age do babies switch from fetal hemoglobin to adult hemoglobin?",
    "how big is the rosetta stone",
    "How tall is the tower?",
    "How far is the fort from the river?",
])
def test_an_age_or_a_size_asks_a_span_in_units(question):
    holds = form_asked(question, expected_kind(question))
    assert holds is not None, question
    assert holds("After birth the body switches from HbF to HbA, at around 6 months of age.") or \
        holds("It measures 1,123 mm high, 757 mm wide and 284 mm thick.")
    assert holds("It measures 1,123 mm high, 757 mm wide and 284 mm thick.")
    assert not holds("The Rosetta Stone is a slab of dark granodiorite inscribed with one decree.")


def _pair(first: str, earlier: str, first_position: int = 3, earlier_position: int = 1):
    from bot.core.documents import Chunk
    from bot.core.retrieval import Hit
    from bot.core.sentences import Candidate

    hit = Hit(Chunk("c1", "notes.md", (), None, 0, f"{earlier} {first}"), 0, 0.6, 1.0, 0.5)
    return [(Candidate(first, hit, 0, first_position, score=1.7, parts=(first,)), first),
            (Candidate(earlier, hit, 0, earlier_position, score=1.3, parts=(earlier,)), earlier)]


def test_the_sentence_naming_who_a_pronoun_stands_for_is_shown_first():
    from bot.core.answering import _named_before_pronoun
    from bot.core.question_kind import PERSON

    he = "In February 1761 he argued in a Boston courtroom against the writs."
    otis = "James Otis, a Boston lawyer, was expected to defend the writs."
    order = _named_before_pronoun(_pair(he, otis), PERSON, "Who argued against the writs of assistance in 1761?")
    assert [t for _, t in order] == [otis, he]
    it = "Anyone using Pandoc on untrusted input should use it."
    sandbox = "The sandbox option runs Pandoc so that readers can only read the files named."
    order = _named_before_pronoun(_pair(it, sandbox), None,
                                  "Which option should you use when running pandoc on untrusted input?")
    assert [t for _, t in order] == [sandbox, it]
    # Not when a name before the pronoun may be the one it stands for, nor from a later sentence.
    jenner = "On May 14, 1796, Jenner injected James Phipps with material he had obtained from a milkmaid."
    noticed = "Country people had long noticed that milkmaids who caught cowpox seemed to be protected."
    order = _named_before_pronoun(_pair(jenner, noticed), None, "which milkmaid did the cowpox material come from")
    assert [t for _, t in order] == [jenner, noticed]
    order = _named_before_pronoun(_pair(he, otis, 1, 3), PERSON, "Who argued against the writs in 1761?")
    assert [t for _, t in order] == [he, otis]
