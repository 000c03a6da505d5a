"""A term whose first word is found, as text, inside a longer word before it ("n" in "Thistagmeans..."
of a PDF read without its spaces) is not a term of the chunk: it is skipped, and the notes' other
terms are still read. It used to stop the whole quiz bank with StopIteration."""
from __future__ import annotations

from bot.core import nlp
from bot.core.quiz.gen_term_cloze import _term

RUN_TOGETHER = ("Thistagmeansthatthepackageshouldbebuiltusingupto n parallelprocessesifthepackagebuildsystemsupports "
                "this.15 If the package build system does not support parallel builds, this string must be ignored.")


def test_a_term_found_inside_a_longer_word_is_skipped_and_the_others_are_read():
    doc = nlp.parse_lines([RUN_TOGETHER])[0]
    terms = [_term(chunk) for chunk in doc.noun_chunks]
    assert terms[0] is None
    assert ("parallel build", "parallel builds", "pl") in terms
